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

/// Characters that show nothing besides spaces and control characters: zero-width spaces and
/// joiners, direction marks and embeddings, invisible operators, fillers (Hangul's, Braille's
/// blank), the soft hyphen, variation selectors and the byte-order mark. A paste can carry
/// them, and a name of only these would look empty to staff.
const INVISIBLE_RANGES: &[(char, char)] = &[
    ('\u{00AD}', '\u{00AD}'),
    ('\u{034F}', '\u{034F}'),
    ('\u{115F}', '\u{1160}'),
    ('\u{17B4}', '\u{17B5}'),
    ('\u{180B}', '\u{180F}'),
    ('\u{200B}', '\u{200F}'),
    ('\u{202A}', '\u{202E}'),
    ('\u{2060}', '\u{206F}'),
    ('\u{2800}', '\u{2800}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{FE00}', '\u{FE0F}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFA0}', '\u{FFA0}'),
];

/// The start of `text` on one line, cut at a word within `max_chars` characters, with "…"
/// when something was cut: a preview's description, a list's excerpt.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(start, _)| start);
    format!("{cut}…")
}

/// Whether `c` shows nothing (see `INVISIBLE_RANGES`).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || INVISIBLE_RANGES
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&c))
}

/// A character that shows, as a class for JSON Schema patterns (the OpenAPI document's),
/// which read `\s` and `\uXXXX` as ECMAScript does: the same table as `is_invisible`.
pub fn visible_char_pattern() -> String {
    let mut class = String::from(r"[^\s\x00-\x1f\x7f-\x9f");
    for (first, last) in INVISIBLE_RANGES {
        class.push_str(&format!("\\u{:04x}", u32::from(*first)));
        if first != last {
            class.push_str(&format!("-\\u{:04x}", u32::from(*last)));
        }
    }
    class.push(']');
    class
}

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
    fn the_pattern_names_every_invisible_range() {
        let pattern = visible_char_pattern();
        assert!(
            pattern.starts_with(r"[^\s\x00-\x1f\x7f-\x9f\u00ad"),
            "{pattern}"
        );
        assert!(pattern.contains(r"\u200b-\u200f"), "{pattern}");
        assert!(pattern.ends_with(r"\ufeff\uffa0]"), "{pattern}");
        for blank in [
            "\u{3164}\u{3164}",
            "\u{00AD}",
            "\u{202E}\u{2066}",
            "\u{2800}",
        ] {
            assert!(!has_visible(blank), "{blank:?}");
        }
        assert!(has_visible("\u{200B}An"));
        assert_eq!(trim_invisible("\u{200B} Lan\u{FEFF}"), "Lan");
    }

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
