//! Hỏi đáp's rules that are not SQL: matching a look-up's contact, and keeping contact details
//! out of what the public reads.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// What a look-up's answer waits for at least, found or not: the time a look-up takes then
/// says nothing about whether the reference exists.
pub const LOOKUP_FLOOR: std::time::Duration = std::time::Duration::from_millis(100);

/// A contact as compared: an email in lower case, a phone number as its digits with the
/// country code +84 written as the leading 0 Vietnamese numbers are dialled with.
pub fn normalized_contact(contact: &str) -> String {
    let contact = contact.trim();
    if contact.contains('@') {
        return contact.to_lowercase();
    }
    let digits: String = contact.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("84") {
        Some(rest) if contact.starts_with('+') || digits.len() == 11 => format!("0{rest}"),
        _ => digits,
    }
}

/// Whether `given` is the email or the phone stored with the feedback, in time that does not
/// depend on which, or where they differ. An empty stored contact matches nothing.
pub fn contact_matches(given: &str, email: &str, phone: &str) -> bool {
    let given = Sha256::digest(normalized_contact(given).as_bytes());
    let same = |stored: &str| -> subtle::Choice {
        let stored = normalized_contact(stored);
        let digest = Sha256::digest(stored.as_bytes());
        digest.ct_eq(&given) & subtle::Choice::from(u8::from(!stored.is_empty()))
    };
    (same(email) | same(phone)).into()
}

/// `text` with every email address and phone number replaced: a citizen may have written
/// theirs into the question itself, and the public page must not show it.
pub fn redact_contacts(text: &str) -> String {
    const HIDDEN: &str = "[đã ẩn]";
    let mut out = String::with_capacity(text.len());
    for piece in split_keeping_spaces(text) {
        let is_email = piece.contains('@') && piece.contains('.');
        out.push_str(if is_email { HIDDEN } else { piece });
    }
    redact_phone_numbers(&out, HIDDEN)
}

/// Words and the runs of whitespace between them, in order.
fn split_keeping_spaces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (at, c) in text.char_indices() {
        let space = c.is_whitespace();
        if in_space.is_some_and(|was| was != space) {
            pieces.push(&text[start..at]);
            start = at;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        pieces.push(&text[start..]);
    }
    pieces
}

/// Runs of digits, with the separators numbers are written with, that hold 9 or more digits
/// (a Vietnamese phone number has 10; dates and amounts written with spaces seldom reach 9).
fn redact_phone_numbers(text: &str, hidden: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        let starts_number =
            chars[at].is_ascii_digit() || (chars[at] == '+' && next_is_digit(&chars, at));
        if !starts_number {
            out.push(chars[at]);
            at += 1;
            continue;
        }
        let mut end = at + 1;
        let mut digits = usize::from(chars[at].is_ascii_digit());
        while end < chars.len() {
            let c = chars[end];
            if c.is_ascii_digit() {
                digits += 1;
            } else if !(" .-()".contains(c) && next_is_digit(&chars, end)) {
                break;
            }
            end += 1;
        }
        if digits >= 9 {
            out.push_str(hidden);
        } else {
            out.extend(&chars[at..end]);
        }
        at = end;
    }
    out
}

fn next_is_digit(chars: &[char], at: usize) -> bool {
    chars.get(at + 1).is_some_and(char::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_match_however_they_are_written() {
        assert!(contact_matches(" An@Example.com ", "an@example.com", ""));
        assert!(contact_matches("0912 345 678", "", "0912.345.678"));
        assert!(contact_matches("+84 912 345 678", "", "0912345678"));
        assert!(contact_matches(
            "0912345678",
            "an@example.com",
            "+84912345678"
        ));
        assert!(!contact_matches(
            "0912345679",
            "an@example.com",
            "0912345678"
        ));
        assert!(!contact_matches("", "", ""));
        assert!(!contact_matches("   ", "an@example.com", ""));
        assert!(!contact_matches("binh@example.com", "an@example.com", ""));
    }

    #[test]
    fn contact_details_are_masked() {
        assert_eq!(
            redact_contacts("Gọi 0912 345 678 hoặc an@example.com giúp tôi."),
            "Gọi [đã ẩn] hoặc [đã ẩn] giúp tôi."
        );
        assert_eq!(redact_contacts("Số +84.912.345.678."), "Số [đã ẩn].");
        // Dates, amounts and numbers of documents stay.
        let kept = "Ngày 12/03/2026, 1.500.000 đồng, theo 125/QĐ-UBND.";
        assert_eq!(redact_contacts(kept), kept);
        assert_eq!(redact_contacts("dòng 1\n\ndòng 2"), "dòng 1\n\ndòng 2");
    }
}
