//! Citizens' feedback ("Gửi ý kiến phản hồi"): the form's fields and the rules they follow.
//! The app checks them before sending and the server checks them again, with the same code
//! and the same Vietnamese messages.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::limits::{
    ARTICLE_SLUG_MAX_CHARS, EMAIL_MAX_CHARS, MESSAGE_MAX_CHARS, MESSAGE_MIN_CHARS, NAME_MAX_CHARS,
    PHONE_MAX_CHARS, QUESTION_FIELD_MAX_CHARS, TITLE_MAX_CHARS,
};
use crate::questions::{Answer, DeclineReason, FeedbackStatus, QuestionField};
use crate::text;

/// The feedback form's page, where citizens ask their questions.
pub const FEEDBACK_PAGE_PATH: &str = "/gui-y-kien";

/// `POST /feedback`. Every field defaults to empty, so a missing field is reported like an
/// empty one: next to its place in the form. The lengths are `crate::limits`' (the server's
/// OpenAPI document writes them into this schema).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct FeedbackInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub title: String,
    pub message: String,
    /// The slug of the article the feedback is about, if any.
    pub article: Option<String>,
    /// The slug of the field (lĩnh vực) it is about, from `GET /question-fields`, if any.
    pub field: Option<String>,
    /// Whether the citizen allows the question and its answer on the public questions page
    /// (by given name only).
    pub allow_publish: bool,
    /// Hidden from people; a bot that fills every field fills this one too.
    pub website: String,
    /// How long the form was open before it was sent, in milliseconds.
    #[serde(deserialize_with = "whole_number")]
    pub elapsed_ms: u64,
}

/// A count that JSON may write as `1500` or `1500.0` (the same number to JSON Schema, and
/// to some clients' serializers).
fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u64, D::Error> {
    struct WholeNumber;
    impl serde::de::Visitor<'_> for WholeNumber {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number of milliseconds")
        }
        fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<u64, E> {
            Ok(value)
        }
        fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<u64, E> {
            u64::try_from(value).map_err(|_| E::custom("a count is not negative"))
        }
        fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<u64, E> {
            // Past u64's range a float saturates; such a form was open long enough anyway.
            if value.fract() == 0.0 && value >= 0.0 {
                Ok(value as u64)
            } else {
                Err(E::custom("a count is a whole number"))
            }
        }
    }
    deserializer.deserialize_any(WholeNumber)
}

/// The answer to an accepted submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackReceipt {
    /// What the citizen quotes when asking about it, such as `PH-2026-000042`.
    pub reference: String,
    pub received_at: DateTime<FixedOffset>,
}

/// A stored submission, as staff see it (`GET /admin/feedback`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackRecord {
    pub reference: String,
    pub received_at: DateTime<FixedOffset>,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub title: String,
    pub message: String,
    pub article: Option<String>,
    /// Why the submission was held back as likely spam; `None` for ordinary ones.
    pub held_reason: Option<String>,
    pub status: FeedbackStatus,
    pub field: Option<QuestionField>,
    pub allow_publish: bool,
    /// The unit handling it.
    pub unit: Option<String>,
    pub decline_reason: Option<DeclineReason>,
    pub answer: Option<Answer>,
    /// On the public questions page.
    pub published: bool,
    /// The title and question as the public reads them: staff's wording, or the citizen's
    /// with email addresses and phone numbers masked.
    pub public_title: String,
    pub public_question: String,
}

/// Field name → what is wrong with it, in Vietnamese.
pub type FieldErrors = BTreeMap<String, String>;

/// Every problem with `input`, by field; empty when it may be sent.
pub fn validate_feedback(input: &FeedbackInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let mut fail = |field: &str, message: String| {
        errors.entry(field.to_string()).or_insert(message);
    };
    // Lengths up to a maximum count every character sent (as the form's `maxlength` does);
    // a name or title needs a character that shows, and the message's minimum counts from
    // its first such character to its last.
    let chars = |text: &str| text.chars().count();

    if !text::has_visible(&input.name) {
        fail("name", "Vui lòng nhập họ và tên.".into());
    } else if chars(&input.name) > NAME_MAX_CHARS {
        fail(
            "name",
            format!("Họ và tên dài tối đa {NAME_MAX_CHARS} ký tự."),
        );
    }

    let email = input.email.trim();
    let phone = input.phone.trim();
    if email.is_empty() && phone.is_empty() {
        fail(
            "email",
            "Vui lòng nhập email hoặc số điện thoại để chúng tôi trả lời.".into(),
        );
    }
    if chars(&input.email) > EMAIL_MAX_CHARS {
        fail(
            "email",
            format!("Email dài tối đa {EMAIL_MAX_CHARS} ký tự."),
        );
    } else if !email.is_empty() && !is_email(email) {
        fail("email", "Email chưa đúng, ví dụ: ten@example.com.".into());
    }
    if input.phone.chars().count() > PHONE_MAX_CHARS {
        fail(
            "phone",
            format!("Số điện thoại dài tối đa {PHONE_MAX_CHARS} ký tự."),
        );
    } else if !phone.is_empty() && !is_phone(phone) {
        fail(
            "phone",
            "Số điện thoại chưa đúng, ví dụ: 0203 3878 125.".into(),
        );
    }

    if !text::has_visible(&input.title) {
        fail("title", "Vui lòng nhập tiêu đề.".into());
    } else if chars(&input.title) > TITLE_MAX_CHARS {
        fail(
            "title",
            format!("Tiêu đề dài tối đa {TITLE_MAX_CHARS} ký tự."),
        );
    }

    let message = chars(&input.message);
    if chars(text::trim_invisible(&input.message)) < MESSAGE_MIN_CHARS {
        fail(
            "message",
            format!("Nội dung cần ít nhất {MESSAGE_MIN_CHARS} ký tự."),
        );
    } else if message > MESSAGE_MAX_CHARS {
        fail(
            "message",
            format!("Nội dung dài tối đa {MESSAGE_MAX_CHARS} ký tự (hiện có {message})."),
        );
    }
    if input
        .article
        .as_ref()
        .is_some_and(|slug| slug.chars().count() > ARTICLE_SLUG_MAX_CHARS)
    {
        fail(
            "article",
            "Bài viết này không còn trên cổng thông tin.".into(),
        );
    }
    // Whether the field exists is the server's to say; the app offers only those that do.
    if input
        .field
        .as_ref()
        .is_some_and(|slug| slug.chars().count() > QUESTION_FIELD_MAX_CHARS)
    {
        fail("field", "Lĩnh vực này không có trong danh sách.".into());
    }
    errors
}

fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    email.chars().count() <= EMAIL_MAX_CHARS
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Digits with the usual separators; 9 to 15 digits (a Vietnamese number has 10).
fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " .-()+".contains(c));
    let plus_only_first = phone.chars().skip(1).all(|c| c != '+');
    allowed && plus_only_first && (9..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> FeedbackInput {
        FeedbackInput {
            name: "Nguyễn Văn An".into(),
            email: "an@example.com".into(),
            title: "Đường thôn Khe Mạ".into(),
            message: "Đề nghị sửa đoạn đường bị sạt lở.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_form_passes() {
        assert!(validate_feedback(&valid()).is_empty());
        let phone_only = FeedbackInput {
            email: String::new(),
            phone: "0203 3878 125".into(),
            ..valid()
        };
        assert!(validate_feedback(&phone_only).is_empty());
    }

    #[test]
    fn every_field_is_checked() {
        let errors = validate_feedback(&FeedbackInput::default());
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(fields, ["email", "message", "name", "title"]);
        assert!(errors["email"].contains("email hoặc số điện thoại"));
    }

    #[test]
    fn contact_formats() {
        for bad in [
            "an",
            "an@",
            "@example.com",
            "an@example",
            "an @example.com",
            "a@b@c.vn",
            "an@.vn",
        ] {
            let input = FeedbackInput {
                email: bad.into(),
                ..valid()
            };
            assert!(validate_feedback(&input).contains_key("email"), "{bad}");
        }
        for bad in [
            "12345",
            "0203-abc-125",
            "++84 203 3878 125",
            "0203 3878 125 4444 4444",
        ] {
            let input = FeedbackInput {
                phone: bad.into(),
                ..valid()
            };
            assert!(validate_feedback(&input).contains_key("phone"), "{bad}");
        }
        for good in ["+84 203 3878 125", "(0203) 3878.125", "0912345678"] {
            let input = FeedbackInput {
                phone: good.into(),
                ..valid()
            };
            assert!(validate_feedback(&input).is_empty(), "{good}");
        }
    }

    #[test]
    fn message_length_counts_characters_not_bytes() {
        let short = FeedbackInput {
            message: "ngắn quá".into(),
            ..valid()
        };
        assert!(validate_feedback(&short).contains_key("message"));
        let exactly_min = FeedbackInput {
            message: "đường đất!".into(),
            ..valid()
        };
        assert_eq!(exactly_min.message.chars().count(), 10);
        assert!(validate_feedback(&exactly_min).is_empty());
        let longest = FeedbackInput {
            message: "ệ".repeat(MESSAGE_MAX_CHARS),
            ..valid()
        };
        assert!(validate_feedback(&longest).is_empty());
        let too_long = FeedbackInput {
            message: "ệ".repeat(MESSAGE_MAX_CHARS + 1),
            ..valid()
        };
        assert!(validate_feedback(&too_long)["message"].contains("5001"));
    }

    #[test]
    fn elapsed_time_may_be_written_as_a_whole_float() {
        let parse = |json: &str| serde_json::from_str::<FeedbackInput>(json).map(|f| f.elapsed_ms);
        assert_eq!(parse(r#"{"elapsed_ms": 1500}"#).unwrap(), 1500);
        assert_eq!(parse(r#"{"elapsed_ms": 1500.0}"#).unwrap(), 1500);
        assert_eq!(parse(r#"{}"#).unwrap(), 0);
        assert!(parse(r#"{"elapsed_ms": 1.5}"#).is_err());
        assert!(parse(r#"{"elapsed_ms": -1}"#).is_err());
        assert!(parse(r#"{"elapsed_ms": "1500"}"#).is_err());
    }

    #[test]
    fn phone_length_is_bounded() {
        let longest = FeedbackInput {
            phone: format!("{}0912345678", " ".repeat(PHONE_MAX_CHARS - 10)),
            ..valid()
        };
        assert!(validate_feedback(&longest).is_empty());
        let too_long = FeedbackInput {
            phone: format!("{}0912345678", " ".repeat(PHONE_MAX_CHARS - 9)),
            ..valid()
        };
        assert!(validate_feedback(&too_long)["phone"].contains("40"));
    }

    #[test]
    fn text_that_does_not_show_is_empty() {
        for blank in ["", "   ", "\u{200B}\u{200D}", "\u{FEFF}", "\t\u{1}\u{7F}"] {
            let input = FeedbackInput {
                name: blank.into(),
                title: blank.into(),
                message: format!("{blank}ngắn quá!{blank}"),
                ..valid()
            };
            let errors = validate_feedback(&input);
            assert!(errors.contains_key("name"), "{blank:?}");
            assert!(errors.contains_key("title"), "{blank:?}");
            assert!(errors.contains_key("message"), "{blank:?}");
        }
    }
}
