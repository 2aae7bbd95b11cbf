//! The OpenAPI document of API v1, served at `/api/v1/openapi.json` and checked against the
//! running server by schemathesis in `make test`.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use portal_contract::documents::DOCUMENT_KINDS;
use portal_contract::limits::{
    ANSWER_BODY_MAX_BYTES, ARTICLE_AUTHOR_MAX_CHARS, ARTICLE_SLUG_MAX_CHARS,
    ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS, DATE_YEARS_PATTERN, EMAIL_MAX_CHARS,
    FIRST_YEAR, LAST_YEAR, LOOKUP_CONTACT_MAX_CHARS, MAX_PAGE, MAX_PER_PAGE, MESSAGE_MAX_CHARS,
    MESSAGE_MIN_CHARS, NAME_MAX_CHARS, PHONE_MAX_CHARS, QUERY_MAX_CHARS, QUESTION_FIELD_MAX_CHARS,
    RATING_COMMENT_MAX_CHARS, RATING_PAGE_MAX_CHARS, REFERENCE_MAX_CHARS,
    SCHEDULE_CONTENT_MAX_CHARS, SCHEDULE_PERSON_MAX_CHARS, SCHEDULE_PLACE_MAX_CHARS,
    SCHEDULE_WEEK_MAX_ENTRIES, STAFF_PASSWORD_MAX_CHARS, STAFF_PASSWORD_MIN_CHARS,
    STAFF_USERNAME_MAX_CHARS, TITLE_MAX_CHARS, UNIT_MAX_CHARS,
};
use portal_contract::text::visible_char_pattern;
use serde_json::{json, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::routes::{
    articles, audit, categories, documents, editorial, feedback, feedback_handling, links, map,
    questions, ratings, schedule, session, site, stats, users,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Cổng thông tin điện tử huyện Bình Liêu: API v1",
        version = "1",
        description = "News, documents, schedule, statistics, links, the district map, feedback and \"was this useful?\" ratings of the district portal. \
                       Times are RFC 3339 in +07:00. Errors are `{\"error\": {\"code\", \"message\"}}`."
    ),
    paths(
        site::get_site,
        categories::list_categories,
        articles::list_articles,
        articles::get_article,
        documents::list_documents,
        documents::get_document,
        documents::document_facets,
        schedule::get_schedule,
        stats::get_stats,
        stats::post_visit,
        links::list_links,
        map::get_map,
        feedback::post_feedback,
        feedback::lookup_feedback,
        feedback::list_feedback,
        feedback_handling::get_feedback,
        feedback_handling::assign,
        feedback_handling::decline,
        feedback_handling::answer,
        crate::routes::procedures::list_procedures,
        crate::routes::procedures::get_procedure,
        crate::routes::procedures::list_fields,
        crate::routes::about::get_page,
        crate::routes::about::get_organization,
        crate::routes::about::edit_page,
        crate::routes::about::edit_organization,
        questions::list_questions,
        questions::get_question,
        questions::list_fields,
        ratings::post_rating,
        ratings::list_ratings,
        session::sign_in,
        session::current,
        session::sign_out,
        audit::list_audit,
        users::list_users,
        users::add_user,
        users::change_user,
        editorial::list_articles,
        editorial::create_article,
        editorial::get_article,
        editorial::save_article,
        editorial::submit,
        editorial::publish,
        editorial::schedule,
        editorial::unpublish,
        editorial::preview,
        editorial::list_revisions,
        editorial::get_revision,
        editorial::restore_revision,
        editorial::diff,
        schedule::edit_week,
        links::edit_links,
        crate::routes::photos::upload_photo,
        crate::routes::document_admin::list_documents,
        crate::routes::document_admin::create_document,
        crate::routes::document_admin::get_document,
        crate::routes::document_admin::save_document,
        crate::routes::document_admin::upload_file,
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut document =
            serde_json::to_value(ApiDoc::openapi()).expect("the document serializes");
        contract_limits(&mut document);
        serde_json::to_string_pretty(&document).expect("the document serializes")
    })
}

/// A staff account's name, as `portal_contract::staff::is_valid_username` checks it.
fn username_bounds() -> Value {
    json!({"pattern": format!("^[a-z0-9._-]{{1,{STAFF_USERNAME_MAX_CHARS}}}$")})
}

/// Writes the contract's bounds into the document, so they come from the one place the app
/// and the server's validation read them too (utoipa's attributes take only literals).
fn contract_limits(document: &mut Value) {
    if let Some(paths) = document["paths"].as_object_mut() {
        for parameter in paths
            .values_mut()
            .filter_map(Value::as_object_mut)
            .flat_map(|item| item.values_mut())
            .filter_map(|operation| operation.get_mut("parameters"))
            .filter_map(Value::as_array_mut)
            .flatten()
        {
            let bounds = match parameter["name"].as_str() {
                Some("page") => json!({"minimum": 1, "maximum": MAX_PAGE}),
                Some("per_page") => json!({"minimum": 1, "maximum": MAX_PER_PAGE}),
                Some("q") => json!({"maxLength": QUERY_MAX_CHARS}),
                Some("from" | "to") => json!({"pattern": DATE_YEARS_PATTERN}),
                Some("year") => json!({"minimum": FIRST_YEAR, "maximum": LAST_YEAR}),
                Some("username") => username_bounds(),
                Some("week") => json!({
                    "pattern": format!("{DATE_YEARS_PATTERN}W(0[1-9]|[1-4][0-9]|5[0-3])$")
                }),
                _ => continue,
            };
            merge(&mut parameter["schema"], bounds);
        }
    }
    // The documents' types: the contract's list (the `status` filter's values come from its
    // enum's schema).
    if let Some(parameters) =
        document["paths"]["/api/v1/documents"]["get"]["parameters"].as_array_mut()
    {
        let kinds: Vec<&str> = DOCUMENT_KINDS.iter().map(|kind| kind.slug).collect();
        for parameter in parameters.iter_mut().filter(|p| p["name"] == "type") {
            merge(&mut parameter["schema"], json!({"enum": kinds}));
        }
    }
    // The staff's article search compares `q` as typed (the public searches cut it into
    // words first), and the database refuses the NUL character in text: a 400.
    if let Some(parameters) =
        document["paths"]["/api/v1/admin/articles"]["get"]["parameters"].as_array_mut()
    {
        for parameter in parameters.iter_mut().filter(|p| p["name"] == "q") {
            merge(
                &mut parameter["schema"],
                json!({"pattern": "^[^\\u0000]*$"}),
            );
        }
    }
    // Staff accounts: the names and passwords `staff::add_user` accepts.
    let password =
        json!({"minLength": STAFF_PASSWORD_MIN_CHARS, "maxLength": STAFF_PASSWORD_MAX_CHARS});
    let schemas = &mut document["components"]["schemas"];
    merge(
        &mut schemas["NewStaffAccount"]["properties"]["username"],
        username_bounds(),
    );
    merge(
        &mut schemas["NewStaffAccount"]["properties"]["password"],
        password.clone(),
    );
    merge(
        &mut schemas["StaffAccountChange"]["properties"]["password"],
        password,
    );
    // Articles from the staff area: the field lengths `import::validate` holds them to.
    let schemas = &mut document["components"]["schemas"];
    for schema in ["ArticleInput", "ArticleSave"] {
        let properties = &mut schemas[schema]["properties"];
        merge(
            &mut properties["title"],
            json!({"minLength": 1, "maxLength": ARTICLE_TITLE_MAX_CHARS}),
        );
        merge(
            &mut properties["author"],
            json!({"minLength": 1, "maxLength": ARTICLE_AUTHOR_MAX_CHARS}),
        );
        merge(
            &mut properties["summary"],
            json!({"maxLength": ARTICLE_SUMMARY_MAX_CHARS}),
        );
        merge(&mut properties["category"], json!({"minLength": 1}));
        merge(&mut properties["body_html"], json!({"minLength": 1}));
    }
    // A week's entries: a time of day, and the lengths `routes::schedule` holds them to.
    let entry = &mut schemas["DatedScheduleEntry"]["properties"];
    merge(
        &mut entry["time"],
        json!({"pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"}),
    );
    merge(
        &mut entry["content"],
        json!({"minLength": 1, "maxLength": SCHEDULE_CONTENT_MAX_CHARS}),
    );
    for field in ["chair", "participants"] {
        merge(
            &mut entry[field],
            json!({"maxLength": SCHEDULE_PERSON_MAX_CHARS}),
        );
    }
    merge(
        &mut entry["place"],
        json!({"maxLength": SCHEDULE_PLACE_MAX_CHARS}),
    );
    merge(
        &mut schemas["WeekEntries"]["properties"]["entries"],
        json!({"maxItems": SCHEDULE_WEEK_MAX_ENTRIES}),
    );
    let rating = &mut document["components"]["schemas"]["RatingInput"];
    merge(
        &mut rating["properties"]["comment"],
        json!({"maxLength": RATING_COMMENT_MAX_CHARS}),
    );
    merge(
        &mut rating["properties"]["page"],
        json!({"minLength": 1, "maxLength": RATING_PAGE_MAX_CHARS, "pattern": "^/"}),
    );
    let feedback = &mut document["components"]["schemas"]["FeedbackInput"];
    // Text that shows nothing (spaces, zero-width characters) counts as empty.
    let visible = visible_char_pattern();
    let visible = visible.as_str();
    for (field, bounds) in [
        (
            "name",
            json!({"minLength": 1, "maxLength": NAME_MAX_CHARS, "pattern": visible}),
        ),
        (
            "email",
            json!({"maxLength": EMAIL_MAX_CHARS, "pattern": EMAIL_PATTERN}),
        ),
        (
            "phone",
            json!({"maxLength": PHONE_MAX_CHARS, "pattern": PHONE_PATTERN}),
        ),
        (
            "title",
            json!({"minLength": 1, "maxLength": TITLE_MAX_CHARS, "pattern": visible}),
        ),
        (
            "message",
            json!({
                "minLength": MESSAGE_MIN_CHARS,
                "maxLength": MESSAGE_MAX_CHARS,
                // At least MESSAGE_MIN_CHARS characters from the first that shows to the last.
                "pattern": format!(r"{visible}[\s\S]{{{},}}{visible}", MESSAGE_MIN_CHARS - 2),
            }),
        ),
        ("article", json!({"maxLength": ARTICLE_SLUG_MAX_CHARS})),
        ("field", json!({"maxLength": QUESTION_FIELD_MAX_CHARS})),
    ] {
        merge(&mut feedback["properties"][field], bounds);
    }
    // Absent is empty (the struct's defaults), and these may not be empty.
    feedback["required"] = json!(["name", "title", "message"]);
    // An email or a phone number (or both), so staff can answer.
    feedback["anyOf"] = json!([
        {"required": ["email"], "properties": {"email": {"pattern": visible}}},
        {"required": ["phone"], "properties": {"phone": {"pattern": visible}}},
    ]);
    // An editorial page's new text (`portal_contract::about::validate_page_edit`).
    let page = &mut document["components"]["schemas"]["PageEdit"]["properties"];
    merge(
        &mut page["title"],
        json!({"minLength": 1, "maxLength": ARTICLE_TITLE_MAX_CHARS, "pattern": visible}),
    );
    merge(
        &mut page["summary"],
        json!({"minLength": 1, "maxLength": ARTICLE_SUMMARY_MAX_CHARS, "pattern": visible}),
    );
    merge(
        &mut page["body_html"],
        json!({"minLength": 1, "pattern": visible}),
    );
    // Hỏi đáp: a look-up, and the staff's handling (`portal_contract::questions`' rules).
    let schemas = &mut document["components"]["schemas"];
    let lookup = &mut schemas["LookupInput"];
    merge(
        &mut lookup["properties"]["reference"],
        json!({"minLength": 1, "maxLength": REFERENCE_MAX_CHARS, "pattern": visible}),
    );
    merge(
        &mut lookup["properties"]["contact"],
        json!({"minLength": 1, "maxLength": LOOKUP_CONTACT_MAX_CHARS, "pattern": visible}),
    );
    lookup["required"] = json!(["reference", "contact"]);
    let unit = json!({"minLength": 1, "maxLength": UNIT_MAX_CHARS, "pattern": visible});
    merge(
        &mut schemas["AssignInput"]["properties"]["unit"],
        unit.clone(),
    );
    merge(&mut schemas["AnswerInput"]["properties"]["unit"], unit);
    // The limit is in bytes; this many characters fit it whatever they are.
    merge(
        &mut schemas["AnswerInput"]["properties"]["body_html"],
        json!({"minLength": 1, "maxLength": ANSWER_BODY_MAX_BYTES / 4, "pattern": visible}),
    );
}

/// What `portal_contract::validate_feedback` accepts as an email: blank, or one `@` with a
/// local part and a domain that has a dot inside it, no spaces or control characters.
const EMAIL_PATTERN: &str = r"^\s*$|^\s*[^\s@\x00-\x1f\x7f-\x9f]+@[^\s@.\x00-\x1f\x7f-\x9f][^\s@\x00-\x1f\x7f-\x9f]*\.[^\s@\x00-\x1f\x7f-\x9f]*[^\s@.\x00-\x1f\x7f-\x9f]\s*$";

/// What it accepts as a phone number: blank, or 9 to 15 digits with spaces, dots, dashes and
/// brackets, and a `+` only first.
const PHONE_PATTERN: &str = r"^\s*$|^\s*\+?[ .()\-]*([0-9][ .()\-]*){9,15}\s*$";

fn merge(target: &mut Value, bounds: Value) {
    if let (Some(target), Value::Object(bounds)) = (target.as_object_mut(), bounds) {
        target.extend(bounds);
    }
}

pub async fn document() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json()).into_response()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    /// Every `$ref` names a schema the document has: a type alias in a handler's attribute
    /// would point at a name utoipa never writes.
    #[test]
    fn every_reference_resolves() {
        let document: Value = serde_json::from_str(super::json()).unwrap();
        let schemas = document["components"]["schemas"].as_object().unwrap();
        let mut missing = Vec::new();
        let mut stack = vec![&document];
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(map) => {
                    if let Some(Value::String(target)) = map.get("$ref") {
                        let name = target.trim_start_matches("#/components/schemas/");
                        if !schemas.contains_key(name) {
                            missing.push(target.clone());
                        }
                    }
                    stack.extend(map.values());
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }
}
