//! Every bound the app and the server agree on. The app's `maxlength` attributes, the server's
//! validation and the OpenAPI document all read these, so a limit is changed in one place.

/// Feedback: the sender's name, in characters.
pub const NAME_MAX_CHARS: usize = 100;
/// Feedback: an email address, in characters (RFC 5321's path limit).
pub const EMAIL_MAX_CHARS: usize = 254;
/// Feedback: a phone number with its separators, in characters.
pub const PHONE_MAX_CHARS: usize = 40;
/// Feedback: the title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;
/// Feedback: the message, in characters.
pub const MESSAGE_MIN_CHARS: usize = 10;
pub const MESSAGE_MAX_CHARS: usize = 5000;
/// Feedback: the slug of the article it is about.
pub const ARTICLE_SLUG_MAX_CHARS: usize = 200;

/// A rating's comment ("Thông tin này có hữu ích không?"), in characters.
pub const RATING_COMMENT_MAX_CHARS: usize = 500;
/// The path of a rated page, in characters.
pub const RATING_PAGE_MAX_CHARS: usize = 300;

/// A search query, in characters. A longer one is refused rather than cut, so the reader
/// knows what was searched.
pub const QUERY_MAX_CHARS: usize = 200;

/// The first and last years a date parameter may name: enough for any article or document a
/// district keeps, and no year that a date library or a database reads differently.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;
/// The same years as a JSON Schema pattern for a `YYYY-MM-DD` date (the OpenAPI document's).
pub const DATE_YEARS_PATTERN: &str = r"^(19[0-9]{2}|20[0-9]{2}|2100)-";

/// The highest page number a list may be asked for.
pub const MAX_PAGE: u32 = 1_000_000;
/// The largest page a client may ask for; bigger pages would let one request do unbounded work.
pub const MAX_PER_PAGE: u32 = 50;
pub const DEFAULT_PER_PAGE: u32 = 10;

/// The largest request body the API reads (a feedback submission is the largest there is);
/// larger ones get a 413 before they are read.
pub const MAX_BODY_BYTES: usize = 32 * 1024;

// A form filled to every limit must fit in a body: four bytes a character at worst in UTF-8,
// and room for the field names, the hidden fields and the JSON punctuation.
const _: () = assert!(
    4 * (NAME_MAX_CHARS
        + EMAIL_MAX_CHARS
        + PHONE_MAX_CHARS
        + TITLE_MAX_CHARS
        + MESSAGE_MAX_CHARS
        + ARTICLE_SLUG_MAX_CHARS)
        + 2048
        <= MAX_BODY_BYTES
);

/// A staff account's username, in characters: lowercase letters, digits, `.`, `_` and `-`.
pub const STAFF_USERNAME_MAX_CHARS: usize = 64;
/// A staff password, in characters: long enough to resist guessing offline should the hashes
/// leak, short enough that hashing one is bounded work.
pub const STAFF_PASSWORD_MIN_CHARS: usize = 12;
pub const STAFF_PASSWORD_MAX_CHARS: usize = 256;

#[cfg(test)]
mod tests {
    #[test]
    fn the_date_pattern_names_the_year_bounds() {
        // The pattern is written out by hand: change it with the bounds.
        assert_eq!((super::FIRST_YEAR, super::LAST_YEAR), (1900, 2100));
        assert!(super::DATE_YEARS_PATTERN.contains("19[0-9]{2}|20[0-9]{2}|2100"));
    }
}
