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

/// Feedback: the slug of the field (lĩnh vực) it is filed under.
pub const QUESTION_FIELD_MAX_CHARS: usize = 64;
/// A feedback reference as a look-up takes it (`PH-2026-000042`), in characters.
pub const REFERENCE_MAX_CHARS: usize = 40;
/// A look-up's contact: the email or phone given when writing, in characters.
pub const LOOKUP_CONTACT_MAX_CHARS: usize = EMAIL_MAX_CHARS;
/// The unit handling or answering a question, in characters.
pub const UNIT_MAX_CHARS: usize = 200;
/// An answer's body as sent, in bytes: pages of text with a table or two.
pub const ANSWER_BODY_MAX_BYTES: usize = 64 * 1024;

/// A rating's comment ("Thông tin này có hữu ích không?"), in characters.
pub const RATING_COMMENT_MAX_CHARS: usize = 500;
/// The path of a rated page, in characters.
pub const RATING_PAGE_MAX_CHARS: usize = 300;

/// A search query, in characters. A longer one is refused rather than cut, so the reader
/// knows what was searched.
pub const QUERY_MAX_CHARS: usize = 200;
/// How far a search counts its hits: beyond this, the answer says "more than 1,000" (as
/// large search engines do) instead of counting a common word's 70,000 hits on every search,
/// and the pages end there. Nobody reads page 101; everybody waits for the count.
pub const SEARCH_COUNT_LIMIT: u64 = 1000;

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
        + ARTICLE_SLUG_MAX_CHARS
        + QUESTION_FIELD_MAX_CHARS)
        + 2048
        <= MAX_BODY_BYTES
);

/// A staff account's username, in characters: lowercase letters, digits, `.`, `_` and `-`.
pub const STAFF_USERNAME_MAX_CHARS: usize = 64;
/// A staff password, in characters: long enough to resist guessing offline should the hashes
/// leak, short enough that hashing one is bounded work.
pub const STAFF_PASSWORD_MIN_CHARS: usize = 12;
pub const STAFF_PASSWORD_MAX_CHARS: usize = 256;

/// An article's fields, in characters (import files and the staff area alike).
pub const ARTICLE_TITLE_MAX_CHARS: usize = 300;
pub const ARTICLE_AUTHOR_MAX_CHARS: usize = 200;
pub const ARTICLE_SUMMARY_MAX_CHARS: usize = 1000;
/// An article's body as sent, in bytes: a long report with tables fits many times over.
pub const ARTICLE_BODY_MAX_BYTES: usize = 512 * 1024;
/// The largest body the staff's article endpoints read: a body at its limit, escaped in JSON
/// (up to six bytes a character for `<`, `>` and `&` as `\u003c`), and the other fields.
pub const STAFF_ARTICLE_REQUEST_MAX_BYTES: usize = 4 * 1024 * 1024;
const _: () = assert!(
    6 * ARTICLE_BODY_MAX_BYTES
        + 4 * (ARTICLE_TITLE_MAX_CHARS + ARTICLE_AUTHOR_MAX_CHARS + ARTICLE_SUMMARY_MAX_CHARS)
        + 64 * 1024
        <= STAFF_ARTICLE_REQUEST_MAX_BYTES
);

/// A photo staff upload: JPEG, PNG or WebP of at most this many bytes.
pub const PHOTO_MAX_BYTES: usize = 10 * 1024 * 1024;
/// A photo's description for people who cannot see it, in characters.
pub const PHOTO_ALT_MAX_CHARS: usize = 300;
/// The widths a photo is stored at (never wider than the original).
pub const PHOTO_WIDTHS: [u32; 3] = [320, 640, 1280];

/// One entry of the work schedule, in characters.
pub const SCHEDULE_CONTENT_MAX_CHARS: usize = 1000;
pub const SCHEDULE_PERSON_MAX_CHARS: usize = 300;
pub const SCHEDULE_PLACE_MAX_CHARS: usize = 300;
/// Entries in one week.
pub const SCHEDULE_WEEK_MAX_ENTRIES: usize = 200;

/// The linked websites: a name in characters, an address in bytes, and how many.
pub const LINK_NAME_MAX_CHARS: usize = 200;
pub const LINK_URL_MAX_BYTES: usize = 2000;
pub const LINKS_MAX_COUNT: usize = 200;

#[cfg(test)]
mod tests {
    #[test]
    fn the_date_pattern_names_the_year_bounds() {
        // The pattern is written out by hand: change it with the bounds.
        assert_eq!((super::FIRST_YEAR, super::LAST_YEAR), (1900, 2100));
        assert!(super::DATE_YEARS_PATTERN.contains("19[0-9]{2}|20[0-9]{2}|2100"));
    }
}
