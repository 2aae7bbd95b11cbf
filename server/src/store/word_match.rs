//! Searching few, short texts (published questions, procedures) without tone marks: their
//! folded words are stored each after a space in a text column, and each word of a query must
//! start a word there (`LIKE '% word%'`), the same SQL on both engines. Articles and documents,
//! which run to millions, have full-text indexes instead (`store::search`).

use portal_contract::fold;

use crate::db::ToParam;

/// The folded words of `text`, each after a space, as `WordQuery` matches them.
pub fn indexed_words(text: &str) -> String {
    let mut out = String::new();
    for word in words(text) {
        out.push(' ');
        out.push_str(&word);
    }
    out
}

/// Letters and digits only: nothing LIKE would read as a wildcard.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// A reader's query, as LIKE patterns.
pub struct WordQuery {
    given: bool,
    patterns: Vec<String>,
    phrase: String,
}

impl WordQuery {
    /// `None` (no query) matches everything.
    pub fn parse(query: Option<&str>) -> Self {
        let words = query.map(words).unwrap_or_default();
        WordQuery {
            given: query.is_some(),
            patterns: words.iter().map(|word| format!("% {word}%")).collect(),
            phrase: format!("% {}%", words.join(" ")),
        }
    }

    /// A query of punctuation alone: nothing can match it.
    pub fn matches_nothing(&self) -> bool {
        self.given && self.patterns.is_empty()
    }

    pub fn has_words(&self) -> bool {
        !self.patterns.is_empty()
    }

    /// `AND {column} LIKE ?n` for each word, the parameters numbered from `first`
    /// (`with_patterns` puts them there).
    pub fn conditions(&self, column: &str, first: usize) -> String {
        (0..self.patterns.len())
            .map(|index| format!(" AND {column} LIKE ?{}", first + index))
            .collect()
    }

    /// The words as typed, next to each other: the pattern that ranks the best hits first.
    pub fn phrase(&self) -> &String {
        &self.phrase
    }

    /// `params` and then a parameter for each word's pattern.
    pub fn with_patterns<'a>(&'a self, mut params: Vec<&'a dyn ToParam>) -> Vec<&'a dyn ToParam> {
        params.extend(self.patterns.iter().map(|pattern| pattern as &dyn ToParam));
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_start_with_a_space() {
        assert_eq!(indexed_words("Văn phòng, UBND!"), " van phong ubnd");
        assert_eq!(indexed_words(""), "");
    }

    #[test]
    fn queries_become_one_pattern_a_word() {
        let query = WordQuery::parse(Some("Đăng ký  khai-sinh"));
        assert_eq!(query.patterns, ["% dang%", "% ky%", "% khai%", "% sinh%"]);
        assert_eq!(query.phrase(), "% dang ky khai sinh%");
        assert_eq!(
            query.conditions("t.words", 3),
            " AND t.words LIKE ?3 AND t.words LIKE ?4 AND t.words LIKE ?5 AND t.words LIKE ?6"
        );
        assert!(WordQuery::parse(Some("% _ !")).matches_nothing());
        assert!(!WordQuery::parse(None).matches_nothing());
        assert!(!WordQuery::parse(None).has_words());
    }
}
