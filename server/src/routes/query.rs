//! Query strings read into typed structs. A query that does not fit its struct (a word where
//! a number goes, a number too large) is a 400 in the API's JSON error shape, with serde's
//! account of which parameter was wrong.

use axum::extract::rejection::QueryRejection;
use axum::extract::FromRequestParts;
use chrono::NaiveDate;
use portal_contract::limits::{FIRST_YEAR, LAST_YEAR, QUERY_MAX_CHARS};
use portal_contract::{Lang, PageRequest, PagingError};

use crate::error::AppError;

#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct ApiQuery<T>(pub T);

impl From<QueryRejection> for AppError {
    fn from(rejection: QueryRejection) -> Self {
        AppError::BadRequest(rejection.body_text())
    }
}

impl From<PagingError> for AppError {
    fn from(err: PagingError) -> Self {
        AppError::BadRequest(err.to_string())
    }
}

/// `?lang=`: the language of the content asked for. Anything but `vi` or `en` is a 400.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `vi` (the default) or `en`: the content written in that language.
    pub lang: Option<Lang>,
}

impl LangQuery {
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }
}

/// `page` and `per_page` of a list, within the contract's bounds.
pub fn page(page: Option<u32>, per_page: Option<u32>) -> Result<PageRequest, AppError> {
    Ok(PageRequest::new(page, per_page)?)
}

/// The words of a `q` parameter, trimmed; `None` when there are none. A query over
/// `QUERY_MAX_CHARS` is refused rather than cut, so the reader knows what was searched.
pub fn search_text(q: Option<&str>) -> Result<Option<&str>, AppError> {
    let text = q.map(str::trim).filter(|q| !q.is_empty());
    if text.is_some_and(|q| q.chars().count() > QUERY_MAX_CHARS) {
        return Err(AppError::BadRequest(format!(
            "`q` must be at most {QUERY_MAX_CHARS} characters"
        )));
    }
    Ok(text)
}

/// A `YYYY-MM-DD` day, exactly in that form, between 1900 and 2100.
pub fn date(name: &str, value: &str) -> Result<NaiveDate, AppError> {
    day(value).ok_or_else(|| AppError::BadRequest(date_message(name, value)))
}

/// A `YYYY-MM-DD` day, exactly in that form, between 1900 and 2100 (queries and imports).
pub fn day(value: &str) -> Option<NaiveDate> {
    let well_formed = value.len() == 10
        && value.bytes().enumerate().all(|(index, byte)| match index {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    well_formed
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
        .filter(|day| (FIRST_YEAR..=LAST_YEAR).contains(&chrono::Datelike::year(day)))
}

/// What a parameter or field `name` is told when `day` refuses its `value`.
pub fn date_message(name: &str, value: &str) -> String {
    format!(
        "`{name}` must be a date as YYYY-MM-DD between {FIRST_YEAR} and {LAST_YEAR}, got {value:?}"
    )
}

#[cfg(test)]
mod tests {
    use super::date;

    #[test]
    fn dates_are_strict_and_bounded() {
        assert!(date("from", "2024-11-01").is_ok());
        assert!(date("from", "1900-01-01").is_ok());
        assert!(date("from", "2100-12-31").is_ok());
        for bad in [
            "-001-01-01",
            "1899-12-31",
            "2101-01-01",
            "2024-1-01",
            "2024-02-30",
            "+2024-0101",
            "２０２４-01-01",
            "",
        ] {
            assert!(date("from", bad).is_err(), "{bad}");
        }
    }
}
