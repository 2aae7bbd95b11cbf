//! "Thông tin này có hữu ích không?": a reader's yes or no on a page, with an optional
//! comment. Checked the same way by the app before sending and by the server.

use serde::{Deserialize, Serialize};

use crate::limits::{RATING_COMMENT_MAX_CHARS, RATING_PAGE_MAX_CHARS};
use crate::FieldErrors;

/// `POST /ratings`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingInput {
    /// The page's path: an article's `/tin-tuc/{slug}` or a document's `/van-ban/{slug}`.
    pub page: String,
    /// Whether the page answered what the reader came for.
    pub useful: bool,
    /// What was missing or wrong, in the reader's words; may be empty.
    #[serde(default)]
    pub comment: String,
}

/// `GET /admin/ratings`: one page's ratings, as staff see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageRatings {
    pub page: String,
    pub useful: u64,
    pub not_useful: u64,
    /// The comments left with the ratings, newest first (at most ten).
    pub comments: Vec<String>,
}

/// Every problem with `input` that the page's existence aside can be told from it alone.
pub fn validate_rating(input: &RatingInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if input.page.is_empty()
        || !input.page.starts_with('/')
        || input.page.chars().count() > RATING_PAGE_MAX_CHARS
    {
        errors.insert("page".into(), "Không rõ trang được đánh giá.".into());
    }
    let comment = input.comment.chars().count();
    if comment > RATING_COMMENT_MAX_CHARS {
        errors.insert(
            "comment".into(),
            format!("Góp ý dài tối đa {RATING_COMMENT_MAX_CHARS} ký tự (hiện có {comment})."),
        );
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_is_bounded_and_the_page_is_a_path() {
        let valid = RatingInput {
            page: "/tin-tuc/a".into(),
            useful: false,
            comment: "ệ".repeat(RATING_COMMENT_MAX_CHARS),
        };
        assert!(validate_rating(&valid).is_empty());
        let long = RatingInput {
            comment: "ệ".repeat(RATING_COMMENT_MAX_CHARS + 1),
            ..valid.clone()
        };
        assert!(validate_rating(&long)["comment"].contains("501"));
        for page in ["", "tin-tuc/a", "https://evil.example/"] {
            let input = RatingInput {
                page: page.into(),
                ..valid.clone()
            };
            assert!(validate_rating(&input).contains_key("page"), "{page}");
        }
    }
}
