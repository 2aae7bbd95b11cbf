//! Search terms: turning what a citizen typed into an FTS5 query over folded text, and
//! marking where the terms occur in a title or body.
//!
//! Only letters and digits of the folded query survive as terms, so FTS5 syntax typed into
//! the box (quotes, `*`, `-`, `OR`, `NEAR(`, parentheses) is never interpreted: it is only
//! punctuation between words.

use portal_contract::{fold, fold_char, Segment};

/// Queries with more words than this are cut; longer ones add work and no precision.
const MAX_TERMS: usize = 12;

/// How long a snippet of the body is, in characters, and how much text leads into the match.
const SNIPPET_CHARS: usize = 220;
const SNIPPET_LEAD_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms {
    /// Folded words; the last one also matches as a prefix (the word still being typed).
    words: Vec<String>,
}

impl SearchTerms {
    /// The terms of `query`, or `None` when it has no letter or digit at all.
    pub fn parse(query: &str) -> Option<Self> {
        let words: Vec<String> = fold(query)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .take(MAX_TERMS)
            .map(str::to_owned)
            .collect();
        (!words.is_empty()).then_some(Self { words })
    }

    /// The FTS5 MATCH expression: every word required, the last as a prefix. Words are
    /// quoted; they hold only letters and digits, so the quotes cannot be broken out of.
    pub fn fts_match(&self) -> String {
        let last = self.words.len() - 1;
        self.words
            .iter()
            .enumerate()
            .map(|(i, word)| {
                if i == last {
                    format!("\"{word}\"*")
                } else {
                    format!("\"{word}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `text` cut into parts, the words that match marked.
    pub fn highlight(&self, text: &str) -> Vec<Segment> {
        segments(text, &self.matches(text))
    }

    /// A short passage of `text` around the first match, marked; the start of the text when
    /// nothing in it matches.
    pub fn snippet(&self, text: &str) -> Vec<Segment> {
        let matches = self.matches(text);
        let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let char_at = |byte: usize| char_starts.partition_point(|&start| start < byte);
        let first_char = matches
            .first()
            .map(|&(start, _)| char_at(start))
            .unwrap_or(0);
        let mut from = first_char.saturating_sub(SNIPPET_LEAD_CHARS);
        // Start at a word, not inside one.
        if from > 0 {
            let chars: Vec<char> = text.chars().collect();
            while from < first_char && !chars[from - 1].is_whitespace() {
                from += 1;
            }
        }
        let to = (from + SNIPPET_CHARS).min(char_starts.len());
        let byte = |index: usize| char_starts.get(index).copied().unwrap_or(text.len());
        let (from_byte, to_byte) = (byte(from), byte(to));
        let window: Vec<(usize, usize)> = matches
            .into_iter()
            .filter(|&(start, end)| start >= from_byte && end <= to_byte)
            .map(|(start, end)| (start - from_byte, end - from_byte))
            .collect();
        let mut parts = segments(&text[from_byte..to_byte], &window);
        if from > 0 {
            parts.insert(
                0,
                Segment {
                    text: "…".into(),
                    matched: false,
                },
            );
        }
        if to < char_starts.len() {
            parts.push(Segment {
                text: "…".into(),
                matched: false,
            });
        }
        parts
    }

    /// Byte ranges of `text` where a word starts that folds to a term (or, for the last
    /// term, begins with it). Sorted, not overlapping.
    fn matches(&self, text: &str) -> Vec<(usize, usize)> {
        let folded = FoldedText::new(text);
        let last = self.words.len() - 1;
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for position in 0..folded.chars.len() {
            if !folded.starts_word(position) {
                continue;
            }
            let longest = self
                .words
                .iter()
                .enumerate()
                .filter_map(|(i, word)| folded.match_len(position, word, i == last))
                .max();
            if let Some(length) = longest {
                // A prefix marks the whole word it begins: `pho` marks `phòng`.
                let mut last = position + length - 1;
                while folded.is_word_char(last + 1) {
                    last += 1;
                }
                let start = folded.chars[position].start;
                let end = folded.chars[last].end;
                // Matches separated only by spaces read as one phrase: mark them as one.
                match ranges.last_mut() {
                    Some(previous) if text[previous.1..start].trim().is_empty() => {
                        previous.1 = previous.1.max(end)
                    }
                    _ => ranges.push((start, end)),
                }
            }
        }
        ranges
    }
}

/// A text folded character by character, remembering where each folded character came from.
struct FoldedText {
    chars: Vec<FoldedChar>,
}

struct FoldedChar {
    folded: char,
    /// Byte range of the original character (with any combining marks that follow it).
    start: usize,
    end: usize,
}

impl FoldedText {
    fn new(text: &str) -> Self {
        let mut chars: Vec<FoldedChar> = Vec::with_capacity(text.len());
        for (start, c) in text.char_indices() {
            let end = start + c.len_utf8();
            let before = chars.len();
            fold_char(c, |folded| chars.push(FoldedChar { folded, start, end }));
            if chars.len() == before {
                // A combining mark on its own belongs to the letter before it.
                if let Some(previous) = chars.last_mut() {
                    previous.end = end;
                }
            }
        }
        Self { chars }
    }

    fn is_word_char(&self, position: usize) -> bool {
        self.chars
            .get(position)
            .is_some_and(|c| c.folded.is_alphanumeric())
    }

    fn starts_word(&self, position: usize) -> bool {
        self.is_word_char(position) && (position == 0 || !self.is_word_char(position - 1))
    }

    /// How many characters match `word` at `position`: the whole word, or its start when
    /// `prefix` is allowed.
    fn match_len(&self, position: usize, word: &str, prefix: bool) -> Option<usize> {
        let mut length = 0;
        for expected in word.chars() {
            if self.chars.get(position + length)?.folded != expected {
                return None;
            }
            length += 1;
        }
        (prefix || !self.is_word_char(position + length)).then_some(length)
    }
}

fn segments(text: &str, ranges: &[(usize, usize)]) -> Vec<Segment> {
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for &(start, end) in ranges {
        if start > at {
            parts.push(Segment {
                text: text[at..start].to_string(),
                matched: false,
            });
        }
        parts.push(Segment {
            text: text[start..end].to_string(),
            matched: true,
        });
        at = end;
    }
    if at < text.len() {
        parts.push(Segment {
            text: text[at..].to_string(),
            matched: false,
        });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(parts: &[Segment]) -> String {
        parts
            .iter()
            .map(|p| {
                if p.matched {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn terms_are_folded_words_and_syntax_is_dropped() {
        let terms = SearchTerms::parse(r#"  "Quốc" phòng* -OR NEAR(an, ninh) "#).unwrap();
        assert_eq!(terms.words, ["quoc", "phong", "or", "near", "an", "ninh"]);
        assert_eq!(
            terms.fts_match(),
            r#""quoc" "phong" "or" "near" "an" "ninh"*"#
        );
        assert_eq!(SearchTerms::parse(r#"*"()-"#), None);
        assert_eq!(SearchTerms::parse(""), None);
    }

    #[test]
    fn highlights_words_with_and_without_marks() {
        let terms = SearchTerms::parse("quoc phong").unwrap();
        assert_eq!(
            marked(&terms.highlight("Tổng kết công tác Quốc phòng – quốc phòng toàn dân")),
            "Tổng kết công tác [Quốc phòng] – [quốc phòng] toàn dân"
        );
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_and_others_whole() {
        let terms = SearchTerms::parse("quoc pho").unwrap();
        assert_eq!(
            marked(&terms.highlight("quốc phòng, quốc tế")),
            "[quốc phòng], [quốc] tế"
        );
        let whole = SearchTerms::parse("pho quoc").unwrap();
        assert_eq!(marked(&whole.highlight("phòng quốc")), "phòng [quốc]");
    }

    #[test]
    fn d_and_tone_placement_fold() {
        let terms = SearchTerms::parse("dong van hoa").unwrap();
        assert_eq!(
            marked(&terms.highlight("Đồng Văn hoà nhập")),
            "[Đồng Văn hoà] nhập"
        );
        let terms = SearchTerms::parse("thủy").unwrap();
        assert_eq!(marked(&terms.highlight("thuỷ lợi")), "[thuỷ] lợi");
    }

    #[test]
    fn decomposed_text_is_marked_whole() {
        let terms = SearchTerms::parse("quoc").unwrap();
        let text = "qu\u{6f}\u{302}\u{323}c gia";
        assert_eq!(
            marked(&terms.highlight(text)),
            format!("[{}] gia", &text[..text.len() - 4])
        );
    }

    #[test]
    fn snippet_is_a_window_around_the_first_match() {
        let filler = "lời dẫn ".repeat(40);
        let text = format!("{filler}huấn luyện quân sự {filler}");
        let terms = SearchTerms::parse("huan luyen").unwrap();
        let parts = terms.snippet(&text);
        assert_eq!(parts.first().unwrap().text, "…");
        assert_eq!(parts.last().unwrap().text, "…");
        let joined = marked(&parts);
        assert!(joined.contains("[huấn luyện] quân sự"), "{joined}");
        assert!(joined.chars().count() <= SNIPPET_CHARS + 4 + 2, "{joined}");
        assert!(
            joined.starts_with("…lời ") || joined.starts_with("…dẫn "),
            "starts at a word: {joined}"
        );
    }

    #[test]
    fn snippet_without_a_match_is_the_start() {
        let terms = SearchTerms::parse("khong").unwrap();
        assert_eq!(marked(&terms.snippet("Ngắn gọn.")), "Ngắn gọn.");
    }
}
