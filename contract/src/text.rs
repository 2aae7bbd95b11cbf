//! Vietnamese text folding and slugs.
//!
//! Citizens often type without tone marks, so search compares folded text: lowercase, every
//! tone and vowel mark removed, `đ` as `d`. Folding through Unicode decomposition (rather than
//! a table of Vietnamese letters) also handles text that arrives already decomposed, and
//! makes old and new tone placement (`hoà`/`hòa`) fold to the same letters.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Lowercases `text` and removes every tone and vowel mark; `đ`/`Đ` become `d`.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| folded.push(f));
    }
    folded
}

/// `fold` of one character, handed to `out` a character at a time: none for a mark on its
/// own, one for most letters. Marks are removed, so folding character by character gives
/// what folding the decomposed text would.
pub fn fold_char(c: char, mut out: impl FnMut(char)) {
    if c.is_ascii() {
        out(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |part| {
        if is_combining_mark(part) {
            return;
        }
        for lower in part.to_lowercase() {
            out(if lower == 'đ' { 'd' } else { lower });
        }
    });
}

/// `fold` for text already in Unicode normalization form D, for callers that have a
/// decomposer of their own: the web app uses the browser's `String.normalize("NFD")` rather
/// than ship Unicode's decomposition tables in its wasm. Vietnamese marks decompose to
/// combining diacritics (U+0300–U+036F), which are the marks removed here.
pub fn fold_decomposed(decomposed: &str) -> String {
    decomposed
        .chars()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// The URL slug of a title: folded, ASCII letters and digits only, words joined by `-`.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in fold(title).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Characters that show nothing: spaces, control characters, and the zero-width ones that a
/// paste can carry (a name of only these would look empty to staff).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The same characters as `is_invisible`, as a class for JSON Schema patterns (the OpenAPI
/// document's), which read `\s` and `\uXXXX` as ECMAScript does.
pub const VISIBLE_CHAR_PATTERN: &str = r"[^\s\x00-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]";

/// Whether `text` has a character that shows.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !is_invisible(c))
}

/// `text` without the invisible characters at either end.
pub fn trim_invisible(text: &str) -> &str {
    text.trim_matches(is_invisible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_decomposed_text_agrees_with_fold_on_vietnamese() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        let text = format!("{letters} {} Quốc phòng ĐÀ", letters.to_uppercase());
        let decomposed: String =
            unicode_normalization::UnicodeNormalization::nfd(text.as_str()).collect();
        assert_eq!(fold_decomposed(&decomposed), fold(&text));
    }

    #[test]
    fn folds_vietnamese_pairs() {
        let pairs = [
            ("Quốc phòng", "quoc phong"),
            ("ĐỒNG VĂN", "dong van"),
            ("đường", "duong"),
            ("Hoành Mô", "hoanh mo"),
            ("Lục Hồn", "luc hon"),
            ("Sán Chỉ", "san chi"),
            ("ơ ư ă â ê ô", "o u a a e o"),
            ("Ỷ Ỹ Ỵ ỳ ý", "y y y y y"),
            ("thủy", "thuy"),
            ("miến dong", "mien dong"),
            ("2021", "2021"),
        ];
        for (input, folded) in pairs {
            assert_eq!(fold(input), folded, "fold({input:?})");
        }
    }

    #[test]
    fn old_and_new_tone_placement_fold_alike() {
        assert_eq!(fold("hoà"), fold("hòa"));
        assert_eq!(fold("thuỷ"), fold("thủy"));
        assert_eq!(fold("Khoẻ"), fold("khỏe"));
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        // "ộ" written as o + circumflex + dot below.
        let decomposed = "qu\u{6f}\u{302}\u{323}c";
        assert_eq!(fold(decomposed), "quoc");
    }

    #[test]
    fn slug_of_the_seed_title() {
        assert_eq!(
            slugify("Tổng kết công tác quốc phòng quân sự địa phương năm 2021"),
            "tong-ket-cong-tac-quoc-phong-quan-su-dia-phuong-nam-2021"
        );
    }

    #[test]
    fn slug_collapses_punctuation_and_trims() {
        assert_eq!(
            slugify("  Thông báo: Lịch tiếp dân (tháng 5/2024)!  "),
            "thong-bao-lich-tiep-dan-thang-5-2024"
        );
        assert_eq!(slugify("Quốc phòng – An ninh"), "quoc-phong-an-ninh");
        assert_eq!(slugify("«»…"), "");
    }
}
