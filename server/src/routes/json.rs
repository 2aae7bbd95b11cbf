//! JSON request bodies and the staff's JSON answers.
//!
//! A body that is JSON but of the wrong shape (a number where text goes) is a 422 with
//! `error.fields` naming the field, as the form's own errors are; a body that is not JSON is
//! a 400, and one not declared as JSON a 415.

use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{json_error, AppError};
use portal_contract::FieldErrors;

/// A JSON body read into `T`, with the API's errors.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Response;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Response> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"));
        if !is_json {
            return Err(json_error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "the body must be declared as `Content-Type: application/json`",
            ));
        }
        // Bounded already, per path, by `budget::read_body_first`: `Bytes`'s own 2 MB default
        // would refuse an article that path allows.
        let bytes = axum::body::to_bytes(request.into_body(), usize::MAX)
            .await
            .map_err(|_| json_error(StatusCode::BAD_REQUEST, "the body could not be read"))?;
        parse(&bytes)
            .map(ApiJson)
            .map_err(IntoResponse::into_response)
    }
}

/// `T` from JSON text: a syntax error is a 400, a shape error a 422 naming the field. Every
/// body of this API is a JSON object; an array is refused even where serde would read one
/// as a struct's fields in order (`[null, null]` for a change of nothing).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let starts_as_object = bytes
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        .is_some_and(|byte| *byte == b'{');
    if !starts_as_object {
        return match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(_) => {
                let mut fields = FieldErrors::new();
                fields.insert("body".into(), "Nội dung phải là một đối tượng JSON.".into());
                Err(AppError::Invalid(fields))
            }
            Err(err) => Err(AppError::BadRequest(format!(
                "the body is not valid JSON: {err}"
            ))),
        };
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => Ok(value),
        Err(err) if err.inner().is_data() => {
            // A body that is not an object at all is named as a whole.
            let field = match err.path().to_string() {
                path if path == "." || path.starts_with('[') => "body".to_string(),
                path => path,
            };
            let mut fields = FieldErrors::new();
            fields.insert(field, "Giá trị không đúng kiểu dữ liệu.".into());
            Err(AppError::Invalid(fields))
        }
        Err(err) => Err(AppError::BadRequest(format!(
            "the body is not valid JSON: {}",
            err.inner()
        ))),
    }
}

/// JSON whose text never holds `<`, `>`, U+2028 or U+2029 (they are written `\u003c` and so
/// on): staff answers carry what citizens typed, and this text stays inert if a browser ever
/// sniffs it as HTML or a script embeds it.
pub struct HtmlSafeJson<T>(pub T);

/// `value` as JSON text with `<`, `>`, U+2028 and U+2029 escaped, to sit inside HTML.
pub fn html_safe_string<T: Serialize>(value: &T) -> String {
    let mut text = Vec::with_capacity(1024);
    let mut serializer = serde_json::Serializer::with_formatter(&mut text, HtmlSafe);
    match value.serialize(&mut serializer) {
        Ok(()) => String::from_utf8(text).expect("serde_json writes UTF-8"),
        Err(_) => "null".to_string(),
    }
}

impl<T: Serialize> IntoResponse for HtmlSafeJson<T> {
    fn into_response(self) -> Response {
        let mut text = Vec::with_capacity(1024);
        let mut serializer = serde_json::Serializer::with_formatter(&mut text, HtmlSafe);
        if let Err(err) = self.0.serialize(&mut serializer) {
            return AppError::Internal(err.to_string()).into_response();
        }
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            text,
        )
            .into_response()
    }
}

struct HtmlSafe;

impl serde_json::ser::Formatter for HtmlSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(['<', '>', '\u{2028}', '\u{2029}']) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().expect("found a character there");
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    #[tokio::test]
    async fn staff_json_escapes_what_could_end_a_script() {
        let response =
            HtmlSafeJson(serde_json::json!({"m": "<script>a\u{2028}b\u{2029}</script> ệ"}))
                .into_response();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let text = std::str::from_utf8(&body).unwrap();
        assert_eq!(
            text,
            r#"{"m":"\u003cscript\u003ea\u2028b\u2029\u003c/script\u003e ệ"}"#
        );
        let back: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(back["m"], "<script>a\u{2028}b\u{2029}</script> ệ");
    }

    #[test]
    fn shape_errors_name_the_field() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Form {
            name: String,
            elapsed_ms: u64,
        }
        let Err(AppError::Invalid(fields)) = parse::<Form>(br#"{"name": 5, "elapsed_ms": 1}"#)
        else {
            panic!("a shape error is a 422");
        };
        assert!(fields.contains_key("name"), "{fields:?}");
        let Err(AppError::Invalid(fields)) = parse::<Form>(br#"{"name": "a", "elapsed_ms": -1}"#)
        else {
            panic!("a shape error is a 422");
        };
        assert!(fields.contains_key("elapsed_ms"), "{fields:?}");
        assert!(matches!(
            parse::<Form>(b"{\"name\": "),
            Err(AppError::BadRequest(_))
        ));
        // An array is not read as the fields in order.
        let Err(AppError::Invalid(fields)) = parse::<Form>(br#" ["a", 1]"#) else {
            panic!("an array is a 422");
        };
        assert!(fields.contains_key("body"), "{fields:?}");
        assert!(matches!(
            parse::<Form>(b"[1,"),
            Err(AppError::BadRequest(_))
        ));
    }
}
