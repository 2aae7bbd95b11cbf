//! Search terms: what a citizen typed turned into queries over folded words, for SQLite's
//! FTS5 and PostgreSQL's text search alike, and marking where the terms occur in a title or
//! body.
//!
//! Both engines index the same words, cut here (`index_words`) rather than by either
//! engine's tokenizer, so that they find the same articles. Only letters and digits of the
//! folded query survive as terms, so query syntax typed into the box (quotes, `*`, `-`, `OR`,
//! `NEAR(`, `&`, `!`, `<->`, parentheses) is never interpreted: it is only punctuation
//! between words.
//!
//! The same words are also indexed as written, tone marks kept (`marked_words`), so that the
//! words exactly as typed can rank first. Hits are ranked in tiers, the same on both
//! engines, newest first within a tier (see `store::search`).

use std::collections::BTreeMap;

use portal_contract::{fold, fold_char, Segment};
use unicode_normalization::UnicodeNormalization;

/// Queries with more words than this are cut; longer ones add work and no precision.
const MAX_TERMS: usize = 12;

/// How long a snippet of the body is, in characters, and how much text leads into the match.
const SNIPPET_CHARS: usize = 220;
const SNIPPET_LEAD_CHARS: usize = 60;
/// How much of a body `snippet` scans first, in bytes; it scans four times more each time
/// that is not enough.
const SNIPPET_FIRST_SCAN_BYTES: usize = 2048;

/// PostgreSQL refuses longer lexemes; such a "word" (a pasted hash, say) is left out of its
/// index.
const MAX_LEXEME_BYTES: usize = 2046;

/// The words of `text` as the search index holds them: folded (lowercase, no tone marks,
/// `đ` as `d`), cut at every character that is not a letter or digit.
pub fn index_words(text: &str) -> Vec<String> {
    words_of(&fold(text))
}

/// The words of `text` with their tone marks, as the second index holds them (`văn`, `vấn`,
/// `vận` and `van` apart): lowercase, each tone written as a digit after the word (`vấn` is
/// `vân1`), so that where a writer put the tone does not matter: `hoà` and `hòa`, `thuỷ` and
/// `thủy`, typed with combining marks (some keyboards' "Unicode tổ hợp") or composed, are one
/// word each.
pub fn marked_words(text: &str) -> Vec<String> {
    words_of(&text.nfc().collect::<String>().to_lowercase())
        .iter()
        .map(|word| tone_last(word))
        .collect()
}

/// `word` with its tone mark taken off its vowel and written after it as a digit, in the
/// usual order of Vietnamese typing (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng). The other marks
/// (ă, â, ê, ô, ơ, ư) stay: they make other letters.
fn tone_last(word: &str) -> String {
    let mut tone = None;
    let letters: String = word
        .nfd()
        .filter(|&c| {
            let digit = match c {
                '\u{301}' => '1',
                '\u{300}' => '2',
                '\u{309}' => '3',
                '\u{303}' => '4',
                '\u{323}' => '5',
                _ => return true,
            };
            tone = Some(digit);
            false
        })
        .nfc()
        .collect();
    match tone {
        Some(digit) => format!("{letters}{digit}"),
        None => letters,
    }
}

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of `text` one space apart: what FTS5 indexes, so that its tokenizer finds
/// exactly the words `index_words` cut.
pub fn index_text(text: &str) -> String {
    index_words(text).join(" ")
}

/// `marked_words` one space apart, for FTS5 as `index_text`.
pub fn marked_index_text(text: &str) -> String {
    marked_words(text).join(" ")
}

/// The words of `text` as a PostgreSQL `tsvector` literal, each with its positions (from 1),
/// so that PostgreSQL's own parser never cuts them differently.
pub fn tsvector_literal(text: &str) -> String {
    tsvector_of(index_words(text))
}

/// `marked_words` as a `tsvector` literal, as `tsvector_literal`.
pub fn marked_tsvector_literal(text: &str) -> String {
    tsvector_of(marked_words(text))
}

fn tsvector_of(words: Vec<String>) -> String {
    let mut positions: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, word) in words.into_iter().enumerate() {
        if word.len() <= MAX_LEXEME_BYTES {
            // PostgreSQL keeps positions up to 16383 and reads larger ones as 16383.
            positions
                .entry(word)
                .or_default()
                .push((index + 1).min(16_383));
        }
    }
    positions
        .iter()
        .map(|(word, at)| {
            let mut at = at.clone();
            at.dedup();
            let at: Vec<String> = at.iter().map(usize::to_string).collect();
            // Words hold only letters and digits: nothing to escape inside the quotes.
            format!("'{word}':{}", at.join(","))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerms {
    /// Folded words; the last one also matches as a prefix (the word still being typed).
    words: Vec<String>,
    /// The same words as typed, with their marks or without: the articles with exactly
    /// these words rank first (`as_typed`).
    marked: Option<Vec<String>>,
}

/// Which part of an article (or a document) a query looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Title,
    /// An article's summary (sapo); documents have none.
    Summary,
    Body,
    /// A document's number as people type it (`documents::number_words`); articles have none.
    Number,
}

impl SearchTerms {
    /// The terms of `query`, or `None` when it has no letter or digit at all.
    pub fn parse(query: &str) -> Option<Self> {
        let mut words = index_words(query);
        words.truncate(MAX_TERMS);
        let mut marked = marked_words(query);
        marked.truncate(MAX_TERMS);
        // A letter that no composition joins to the one before cuts a marked word in two;
        // then the words as typed are not used.
        let cut_alike = marked.len() == words.len();
        (!words.is_empty()).then(|| Self {
            words,
            marked: cut_alike.then_some(marked),
        })
    }

    /// The words exactly as typed, lowercase, marks and all: the terms for the index of
    /// marked words, whose hits rank first. `văn phòng` prefers "văn phòng" to "vận phòng";
    /// `hoa`, typed without marks, is the word "hoa" (a flower) before "hòa" and "hóa".
    pub fn as_typed(&self) -> Option<SearchTerms> {
        self.marked.clone().map(|words| Self {
            words,
            marked: None,
        })
    }

    /// FTS5: every word anywhere (in `column` only, when given), the last as a prefix. Words
    /// are quoted; they hold only letters and digits, so the quotes cannot be broken out of.
    pub fn fts_all(&self, column: Option<Column>) -> String {
        let last = self.words.len() - 1;
        let words = self
            .words
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
            .join(" ");
        match column {
            Some(column) => format!("{} : ({words})", fts_column(column)),
            None => words,
        }
    }

    /// FTS5: the words next to each other in the order typed, the last as a prefix, in
    /// `column` (in any one column, when none is given).
    pub fn fts_phrase(&self, column: Option<Column>) -> String {
        let phrase = format!("\"{}\"*", self.words.join(" "));
        match column {
            Some(column) => format!("{} : {phrase}", fts_column(column)),
            None => phrase,
        }
    }

    /// FTS5: the words next to each other in the order typed, each whole, in `column` (in
    /// any one column, when none is given).
    pub fn fts_whole_phrase(&self, column: Option<Column>) -> String {
        let phrase = format!("\"{}\"", self.words.join(" "));
        match column {
            Some(column) => format!("{} : {phrase}", fts_column(column)),
            None => phrase,
        }
    }

    /// PostgreSQL: the words next to each other in the order typed, each whole.
    pub fn tsquery_whole_phrase(&self) -> String {
        self.words
            .iter()
            .map(|word| format!("'{word}'"))
            .collect::<Vec<_>>()
            .join(" <-> ")
    }

    /// PostgreSQL: every word, the last as a prefix (a `tsquery` literal).
    pub fn tsquery_all(&self) -> String {
        self.tsquery_joined(" & ")
    }

    /// PostgreSQL: the words next to each other in the order typed.
    pub fn tsquery_phrase(&self) -> String {
        self.tsquery_joined(" <-> ")
    }

    fn tsquery_joined(&self, operator: &str) -> String {
        let last = self.words.len() - 1;
        self.words
            .iter()
            .enumerate()
            .map(|(i, word)| {
                if i == last {
                    format!("'{word}':*")
                } else {
                    format!("'{word}'")
                }
            })
            .collect::<Vec<_>>()
            .join(operator)
    }

    /// `text` cut into parts, the words that match marked.
    pub fn highlight(&self, text: &str) -> Vec<Segment> {
        segments(text, &self.matches(text))
    }

    /// A short passage of `text` around the first place it has the words as typed (or, when
    /// it has them nowhere, around the first match), marked; the start of the text when
    /// nothing in it matches.
    ///
    /// Folding and scanning a whole body for every hit was most of a search's time, and the
    /// passage needs only the text up to the first match and a window after it: the body is
    /// scanned in growing leading parts, each cut at a space, until one holds a match and the
    /// whole window after it (or is the whole body). A part that ends after the window gives
    /// the same passage as the whole body would.
    pub fn snippet(&self, text: &str) -> Vec<Segment> {
        let mut length = SNIPPET_FIRST_SCAN_BYTES;
        loop {
            let part = &text[..cut_at_space(text, length)];
            let whole = part.len() == text.len();
            let matches = self.matches(part);
            // The passage opens on the words as typed, which ranked the hit; on any match only
            // when the whole body has them nowhere.
            let anchor = self.first_phrase(part, &matches);
            let enough = match (anchor, matches.last()) {
                // More characters after the anchor than the window holds, and the part does
                // not end in a match (which the text after it could still extend).
                (Some(anchor), Some(&(_, end))) => {
                    part[matches[anchor].0..]
                        .chars()
                        .nth(SNIPPET_CHARS + 1)
                        .is_some()
                        && end < part.trim_end().len()
                }
                _ => false,
            };
            if whole || enough {
                let anchor = anchor.and_then(|i| matches.get(i)).or(matches.first());
                return snippet_of(part, &matches, anchor.copied(), !whole);
            }
            length = length.saturating_mul(4);
        }
    }

    /// The first of `matches` (ranges of `text`) that holds the words as typed, next to each
    /// other (the last as a prefix).
    fn first_phrase(&self, text: &str, matches: &[(usize, usize)]) -> Option<usize> {
        let last = self.words.len() - 1;
        matches.iter().position(|&(start, end)| {
            let words = index_words(&text[start..end]);
            words.windows(self.words.len()).any(|window| {
                window
                    .iter()
                    .zip(&self.words)
                    .enumerate()
                    .all(|(i, (word, term))| {
                        if i == last {
                            word.starts_with(term.as_str())
                        } else {
                            word == term
                        }
                    })
            })
        })
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

fn fts_column(column: Column) -> &'static str {
    match column {
        Column::Title => "title",
        Column::Summary => "summary",
        Column::Body => "body",
        Column::Number => "number",
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

/// The first `bytes` of `text`, extended to the next whitespace (or the end) so that no word
/// is cut.
fn cut_at_space(text: &str, bytes: usize) -> usize {
    if bytes >= text.len() {
        return text.len();
    }
    let mut at = bytes;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..]
        .char_indices()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(text.len(), |(offset, _)| at + offset)
}

/// The passage of `text` around `anchor`, one of `matches` (its start when there is none);
/// `more_follows` when `text` is only the beginning of the body.
fn snippet_of(
    text: &str,
    matches: &[(usize, usize)],
    anchor: Option<(usize, usize)>,
    more_follows: bool,
) -> Vec<Segment> {
    let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let char_at = |byte: usize| char_starts.partition_point(|&start| start < byte);
    let first_char = anchor.map(|(start, _)| char_at(start)).unwrap_or(0);
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
        .iter()
        .filter(|&&(start, end)| start >= from_byte && end <= to_byte)
        .map(|&(start, end)| (start - from_byte, end - from_byte))
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
    if to < char_starts.len() || more_follows {
        parts.push(Segment {
            text: "…".into(),
            matched: false,
        });
    }
    parts
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
            terms.fts_all(None),
            r#""quoc" "phong" "or" "near" "an" "ninh"*"#
        );
        assert_eq!(
            terms.fts_phrase(Some(Column::Title)),
            r#"title : "quoc phong or near an ninh"*"#
        );
        assert_eq!(
            terms.tsquery_phrase(),
            "'quoc' <-> 'phong' <-> 'or' <-> 'near' <-> 'an' <-> 'ninh':*"
        );
        assert_eq!(SearchTerms::parse(r#"*"()-"#), None);
        assert_eq!(SearchTerms::parse(""), None);
    }

    #[test]
    fn the_index_holds_folded_words_with_their_positions() {
        assert_eq!(
            index_text("Văn phòng HĐND-UBND, Đồn 2024"),
            "van phong hdnd ubnd don 2024"
        );
        assert_eq!(
            tsvector_literal("Văn phòng văn thư"),
            "'phong':2 'thu':4 'van':1,3"
        );
        assert_eq!(tsvector_literal(" -- "), "");
    }

    #[test]
    fn words_as_typed_keep_their_marks_wherever_they_were_put() {
        // "vấn" typed with combining marks (U+0302, U+0301), as some keyboards send it.
        assert_eq!(
            marked_words("Va\u{302}\u{301}n PHÒNG, Đồn vận văn"),
            ["vân1", "phong2", "đôn2", "vân5", "văn"]
        );
        // Where the tone sits does not matter.
        assert_eq!(
            marked_words("hoà hòa thuỷ thủy"),
            ["hoa2", "hoa2", "thuy3", "thuy3"]
        );
        assert_eq!(marked_index_text("Vận phòng-2024"), "vân5 phong2 2024");
        assert_eq!(
            marked_tsvector_literal("Hoa hòa hóa hoa"),
            "'hoa':1,4 'hoa1':3 'hoa2':2"
        );
        let terms = SearchTerms::parse("Văn  phòng*").unwrap();
        assert_eq!(terms.words, ["van", "phong"]);
        let typed = terms.as_typed().unwrap();
        assert_eq!(typed.fts_whole_phrase(None), r#""văn phong2""#);
        assert_eq!(typed.tsquery_whole_phrase(), "'văn' <-> 'phong2'");
        // Typed without marks, the words as typed are the plain words.
        let plain = SearchTerms::parse("hoa").unwrap().as_typed().unwrap();
        assert_eq!(
            plain.fts_whole_phrase(Some(Column::Title)),
            r#"title : "hoa""#
        );
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
    fn a_snippet_from_part_of_the_body_is_the_one_the_whole_body_gives() {
        // The first match at every byte around the end of the first part scanned and of the
        // next, followed by random words, phrases of matches with single and double spaces,
        // marks and punctuation: scanning part of the body must never change the passage.
        let words = [
            "quốc", "phòng", "Quốc", "phong", "an", "ninh", "huấn", "luyện", "dân", "quân", "Đồng",
            "Văn", "xã", "thôn", "năm", "2024", "–", ",", ".", "", "\n",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = move |below: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % below
        };
        let boundaries = [SNIPPET_FIRST_SCAN_BYTES, SNIPPET_FIRST_SCAN_BYTES * 4];
        for query in ["quoc phong", "an ninh", "dong van", "huan luyen dan qu"] {
            let terms = SearchTerms::parse(query).unwrap();
            for boundary in boundaries {
                for first_match in (boundary - 1400..boundary + 300).step_by(7) {
                    // ASCII lead that matches nothing, ending exactly at `first_match`.
                    let mut text = "loi ".repeat(first_match / 4);
                    text.push_str(&"x".repeat(first_match % 4));
                    text.push(' ');
                    text.push_str(query);
                    for _ in 0..next(400) {
                        text.push_str(words[next(words.len())]);
                        text.push_str(if next(4) == 0 { "  " } else { " " });
                    }
                    let whole = whole_body_snippet(&terms, &text);
                    assert_eq!(
                        marked(&terms.snippet(&text)),
                        marked(&whole),
                        "query {query:?}, first match at byte {first_match}"
                    );
                }
            }
        }
        // A part that ends in a run of spaces after a match: the text after the run could
        // still join the match into a phrase reaching past the window.
        let terms = SearchTerms::parse("quoc phong").unwrap();
        let text = format!(
            "{}quốc phòng{}quốc phòng và an ninh",
            "loi ".repeat(7900 / 4),
            " ".repeat(500)
        );
        assert_eq!(
            marked(&terms.snippet(&text)),
            marked(&whole_body_snippet(&terms, &text))
        );
    }

    /// The passage the whole body gives, read at once, anchored as `snippet` anchors it.
    fn whole_body_snippet(terms: &SearchTerms, text: &str) -> Vec<Segment> {
        let matches = terms.matches(text);
        let anchor = terms
            .first_phrase(text, &matches)
            .and_then(|i| matches.get(i))
            .or(matches.first());
        snippet_of(text, &matches, anchor.copied(), false)
    }

    #[test]
    fn a_snippet_opens_on_the_words_as_typed() {
        let terms = SearchTerms::parse("van phong").unwrap();
        let body = format!(
            "Giải phóng mặt bằng ở xã Đồng Văn. {} Chánh Văn phòng HĐND chủ trì.",
            "Nội dung dài. ".repeat(40)
        );
        let snippet = marked(&terms.snippet(&body));
        assert!(snippet.contains("[Văn phòng]"), "{snippet}");
        assert!(!snippet.contains("[phóng]"), "{snippet}");
        // Past the first part scanned, too; the same passage as the whole body gives.
        let long = format!(
            "Giải phóng mặt bằng. {} Chánh Văn phòng HĐND chủ trì. {}",
            "Nội dung dài. ".repeat(400),
            "Phần sau. ".repeat(100)
        );
        let snippet = marked(&terms.snippet(&long));
        assert!(snippet.contains("[Văn phòng]"), "{snippet}");
        assert_eq!(snippet, marked(&whole_body_snippet(&terms, &long)));
        // Without the words as typed anywhere, the passage opens on the first match.
        let scattered = "Giải phóng mặt bằng ở xã Đồng Văn.";
        assert!(marked(&terms.snippet(scattered)).starts_with("Giải [phóng]"));
    }

    #[test]
    fn snippet_without_a_match_is_the_start() {
        let terms = SearchTerms::parse("khong").unwrap();
        assert_eq!(marked(&terms.snippet("Ngắn gọn.")), "Ngắn gọn.");
    }
}
