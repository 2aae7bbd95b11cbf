//! Hỏi đáp: what becomes of a citizen's feedback (its states, the look-up by reference and
//! contact, the staff's answer) and the answered questions the public may read.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::feedback::FieldErrors;
use crate::limits::{
    ANSWER_BODY_MAX_BYTES, LOOKUP_CONTACT_MAX_CHARS, MESSAGE_MAX_CHARS, REFERENCE_MAX_CHARS,
    TITLE_MAX_CHARS, UNIT_MAX_CHARS,
};
use crate::text;

/// The public questions' list and one question: `/hoi-dap`, `/hoi-dap/{reference}`.
pub const QUESTIONS_PAGE_PATH: &str = "/hoi-dap";
/// Where a citizen follows their feedback; `?ma=` fills in the reference.
pub const LOOKUP_PAGE_PATH: &str = "/tra-cuu-phan-hoi";
/// The look-up page's query parameter for the reference.
pub const LOOKUP_REFERENCE_PARAM: &str = "ma";
/// A question's description in previews and the page's `<meta>`, in characters.
pub const DESCRIPTION_CHARS: usize = 200;
/// The questions page's query parameter for the field (`/hoi-dap?linh-vuc=dat-dai`).
pub const QUESTION_FIELD_PARAM: &str = "linh-vuc";

/// The names `/hoi-dap` gives its field filter and its words in its address, in the order
/// `questions_href` takes them.
pub const QUESTION_FILTERS: [&str; 2] = [QUESTION_FIELD_PARAM, "q"];
/// How much of a question a card in the list shows, in characters.
pub const QUESTION_EXCERPT_CHARS: usize = 220;

/// One published question's page.
pub fn question_path(reference: &str) -> String {
    format!("{QUESTIONS_PAGE_PATH}/{reference}")
}

/// The address of page `page` of the questions in `field` (any when empty) with `text`, its
/// values written by `encode` (`paging::listing_href`).
pub fn questions_href(
    field: &str,
    text: &str,
    page: u32,
    encode: impl Fn(&str) -> String,
) -> String {
    crate::paging::listing_href(
        QUESTIONS_PAGE_PATH,
        QUESTION_FILTERS.into_iter().zip([field, text.trim()]),
        page,
        encode,
    )
}

/// The look-up page for `reference`, with it filled in.
pub fn lookup_href(reference: &str) -> String {
    format!("{LOOKUP_PAGE_PATH}?{LOOKUP_REFERENCE_PARAM}={reference}")
}

/// Where a piece of feedback stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackStatus {
    /// Đã tiếp nhận: stored, not yet given to a unit.
    Received,
    /// Đang xử lý: a unit is handling it.
    InProgress,
    /// Đã trả lời.
    Answered,
    /// Không xử lý, for a `DeclineReason`.
    Declined,
}

impl FeedbackStatus {
    pub const ALL: [FeedbackStatus; 4] = [
        FeedbackStatus::Received,
        FeedbackStatus::InProgress,
        FeedbackStatus::Answered,
        FeedbackStatus::Declined,
    ];

    /// As stored and as the API's `status` parameter takes it.
    pub fn code(self) -> &'static str {
        match self {
            FeedbackStatus::Received => "received",
            FeedbackStatus::InProgress => "in_progress",
            FeedbackStatus::Answered => "answered",
            FeedbackStatus::Declined => "declined",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            FeedbackStatus::Received => "Đã tiếp nhận",
            FeedbackStatus::InProgress => "Đang xử lý",
            FeedbackStatus::Answered => "Đã trả lời",
            FeedbackStatus::Declined => "Không xử lý",
        }
    }
}

/// Why staff did not handle a piece of feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeclineReason {
    Spam,
    Duplicate,
    /// Outside what the local government may decide.
    OutOfScope,
}

impl DeclineReason {
    pub const ALL: [DeclineReason; 3] = [
        DeclineReason::Spam,
        DeclineReason::Duplicate,
        DeclineReason::OutOfScope,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeclineReason::Spam => "spam",
            DeclineReason::Duplicate => "duplicate",
            DeclineReason::OutOfScope => "out_of_scope",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|reason| reason.code() == code)
    }

    /// As the citizen reads it.
    pub fn label(self) -> &'static str {
        match self {
            DeclineReason::Spam => "Nội dung quảng cáo hoặc không phải ý kiến, kiến nghị",
            DeclineReason::Duplicate => "Trùng với một ý kiến đã gửi trước đó",
            DeclineReason::OutOfScope => "Không thuộc thẩm quyền giải quyết của địa phương",
        }
    }
}

/// A field (lĩnh vực) questions are filed under (`GET /question-fields`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionField {
    pub slug: String,
    pub name: String,
}

/// `POST /feedback/lookup`: the reference the citizen was given and the email or phone they
/// wrote with. Missing fields read as empty, and are reported like empty ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct LookupInput {
    pub reference: String,
    pub contact: String,
}

/// Every problem with a look-up, by field; empty when it may be sent.
pub fn validate_lookup(input: &LookupInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if !text::has_visible(&input.reference) {
        errors.insert("reference".into(), "Vui lòng nhập mã phản hồi.".into());
    } else if input.reference.chars().count() > REFERENCE_MAX_CHARS {
        errors.insert(
            "reference".into(),
            format!("Mã phản hồi dài tối đa {REFERENCE_MAX_CHARS} ký tự."),
        );
    }
    if !text::has_visible(&input.contact) {
        errors.insert(
            "contact".into(),
            "Vui lòng nhập email hoặc số điện thoại bạn đã ghi khi gửi.".into(),
        );
    } else if input.contact.chars().count() > LOOKUP_CONTACT_MAX_CHARS {
        errors.insert(
            "contact".into(),
            format!("Email hoặc số điện thoại dài tối đa {LOOKUP_CONTACT_MAX_CHARS} ký tự."),
        );
    }
    errors
}

/// An answer to a piece of feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answer {
    /// Sanitized HTML.
    pub body_html: String,
    pub answered_at: DateTime<FixedOffset>,
    /// The unit that answered.
    pub unit: String,
}

/// What the citizen learns from a look-up: nothing they did not write or that staff did not
/// write to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackProgress {
    pub reference: String,
    pub status: FeedbackStatus,
    pub received_at: DateTime<FixedOffset>,
    pub title: String,
    pub field: Option<QuestionField>,
    /// The unit handling it, once assigned.
    pub unit: Option<String>,
    /// Why it is not handled, when it is not.
    pub decline_reason: Option<DeclineReason>,
    pub answer: Option<Answer>,
    /// Whether it is on the public questions page (`/hoi-dap/{reference}`).
    pub published: bool,
}

/// An answered question, as the public reads it (`GET /questions`): the asker by given name
/// only, and no contact detail anywhere, not even one the asker typed into the question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicQuestion {
    pub reference: String,
    pub title: String,
    /// The question as the citizen wrote it (plain text), email addresses and phone numbers
    /// masked.
    pub question: String,
    /// The asker's given name; empty when they gave none that can be shown.
    pub asker: String,
    pub field: Option<QuestionField>,
    pub asked_at: DateTime<FixedOffset>,
    pub answer: Answer,
}

/// `POST /admin/feedback/{reference}/answer`. Answering again replaces the answer (the audit
/// log keeps the earlier one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerInput {
    /// HTML, sanitized as an article's body is.
    pub body_html: String,
    /// Publish the question and answer on `/hoi-dap` (only when the citizen allowed it), or
    /// take them off.
    #[serde(default)]
    pub publish: bool,
    /// The answering unit; by default the unit handling it, else the portal's agency.
    #[serde(default)]
    pub unit: Option<String>,
    /// The title the public reads, when staff reword it for publication; by default the
    /// citizen's, with email addresses and phone numbers masked.
    #[serde(default)]
    pub public_title: Option<String>,
    /// The question the public reads, likewise (a name or an address the citizen wrote).
    #[serde(default)]
    pub public_question: Option<String>,
}

/// Every problem with an answer, by field.
pub fn validate_answer(input: &AnswerInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if !text::has_visible(&input.body_html) {
        errors.insert("body_html".into(), "Vui lòng nhập nội dung trả lời.".into());
    } else if input.body_html.len() > ANSWER_BODY_MAX_BYTES {
        errors.insert(
            "body_html".into(),
            format!(
                "Nội dung trả lời dài tối đa {} KB.",
                ANSWER_BODY_MAX_BYTES / 1024
            ),
        );
    }
    if let Some(unit) = &input.unit {
        check_unit(unit, &mut errors);
    }
    let mut check_public = |field: &str, text: &Option<String>, max: usize| match text {
        Some(text) if !text::has_visible(text) => {
            errors.insert(
                field.into(),
                "Vui lòng nhập nội dung đăng công khai.".into(),
            );
        }
        Some(text) if text.chars().count() > max => {
            errors.insert(field.into(), format!("Dài tối đa {max} ký tự."));
        }
        _ => {}
    };
    check_public("public_title", &input.public_title, TITLE_MAX_CHARS);
    check_public("public_question", &input.public_question, MESSAGE_MAX_CHARS);
    errors
}

/// `POST /admin/feedback/{reference}/assign`: the unit that will handle it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignInput {
    pub unit: String,
}

pub fn validate_assign(input: &AssignInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_unit(&input.unit, &mut errors);
    errors
}

fn check_unit(unit: &str, errors: &mut FieldErrors) {
    if !text::has_visible(unit) {
        errors.insert("unit".into(), "Vui lòng nhập tên đơn vị.".into());
    } else if unit.chars().count() > UNIT_MAX_CHARS {
        errors.insert(
            "unit".into(),
            format!("Tên đơn vị dài tối đa {UNIT_MAX_CHARS} ký tự."),
        );
    }
}

/// `POST /admin/feedback/{reference}/decline`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeclineInput {
    pub reason: DeclineReason,
}

/// The asker as the public sees them: the given name, which Vietnamese writes last ("Nguyễn
/// Văn An" is "An"); nothing when the name holds what may be a contact detail.
pub fn public_asker(name: &str) -> String {
    let given = text::trim_invisible(name)
        .split_whitespace()
        .last()
        .unwrap_or("");
    let is_a_name = given
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.');
    if is_a_name && given.chars().count() <= 30 {
        given.to_string()
    } else {
        String::new()
    }
}

/// Who asked, as pages say it: "Bạn An hỏi", or "Người dân hỏi" without a name to show.
pub fn asked_by(asker: &str) -> String {
    if asker.is_empty() {
        "Người dân hỏi".to_string()
    } else {
        format!("Bạn {asker} hỏi")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for status in FeedbackStatus::ALL {
            assert_eq!(FeedbackStatus::from_code(status.code()), Some(status));
            let json = serde_json::to_string(&status).unwrap();
            assert_eq!(json, format!("\"{}\"", status.code()));
        }
        for reason in DeclineReason::ALL {
            assert_eq!(DeclineReason::from_code(reason.code()), Some(reason));
        }
        assert_eq!(FeedbackStatus::from_code("closed"), None);
    }

    #[test]
    fn the_asker_is_a_given_name_or_nothing() {
        assert_eq!(public_asker("Nguyễn Văn An"), "An");
        assert_eq!(public_asker("  Hoàng Thị Mai \u{200B}"), "Mai");
        assert_eq!(public_asker("Lý"), "Lý");
        assert_eq!(public_asker("an@example.com"), "");
        assert_eq!(public_asker("Anh Ba 0912345678"), "");
        assert_eq!(public_asker(""), "");
    }

    #[test]
    fn look_ups_need_both_fields_within_bounds() {
        let errors = validate_lookup(&LookupInput::default());
        assert_eq!(errors.len(), 2);
        let long = LookupInput {
            reference: "P".repeat(REFERENCE_MAX_CHARS + 1),
            contact: "an@example.com".into(),
        };
        assert!(validate_lookup(&long).contains_key("reference"));
        let fine = LookupInput {
            reference: "PH-2026-000001".into(),
            contact: "0912 345 678".into(),
        };
        assert!(validate_lookup(&fine).is_empty());
    }

    #[test]
    fn an_answer_needs_text_and_a_short_unit() {
        assert!(validate_answer(&AnswerInput::default()).contains_key("body_html"));
        let fine = AnswerInput {
            body_html: "<p>Trả lời: Theo quy định…</p>".into(),
            publish: true,
            ..Default::default()
        };
        let blank_public = AnswerInput {
            public_question: Some(" \u{200B}".into()),
            ..fine.clone()
        };
        assert!(validate_answer(&blank_public).contains_key("public_question"));
        assert!(validate_answer(&fine).is_empty());
        let long_unit = AnswerInput {
            unit: Some("x".repeat(UNIT_MAX_CHARS + 1)),
            ..fine
        };
        assert!(validate_answer(&long_unit).contains_key("unit"));
    }
}
