//! `GET /documents`, `GET /documents/{slug}` and `GET /document-facets`: the documents
//! library. Filter values are slugs, so the app's Vietnamese query names map to them one to
//! one (`/van-ban?loai=quyet-dinh&co-quan=…&linh-vuc=…&nam=…&tinh-trang=…`).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use portal_contract::documents::{
    Document, DocumentFacets, DocumentKind, DocumentStatus, DocumentSummary,
};
use portal_contract::limits::{FIRST_YEAR, LAST_YEAR};
use portal_contract::{ApiError, Paged};
use serde::Deserialize;

use super::query::{self, ApiQuery};
use crate::answer_cache::DocumentList;
use crate::error::AppError;
use crate::search::SearchTerms;
use crate::state::AppState;
use crate::store::documents::{self as store, DocumentFilter};

/// The query of `GET /documents`; the contract's bounds and the types' and statuses' values
/// are written into its OpenAPI parameters by `openapi::contract_limits`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentListQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Documents per page (default 10).
    pub per_page: Option<u32>,
    /// Only this type: its slug (`quyet-dinh`, `ke-hoach`, ...).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Only this issuing body: its slug, as `/document-facets` lists them.
    pub issuer: Option<String>,
    /// Only this field: its slug, as `/document-facets` lists them.
    pub field: Option<String>,
    /// Only documents issued this year.
    #[param(value_type = Option<i32>)]
    pub year: Option<String>,
    /// Only documents with this status today.
    #[param(value_type = Option<DocumentStatus>)]
    pub status: Option<String>,
    /// Words of the number, the abstract or the body, with or without tone marks; the last
    /// one also as a prefix. `125/QĐ-UBND`, `125 qd ubnd` and `125` find that number.
    pub q: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/documents", tag = "documents", params(DocumentListQuery),
    responses((status = 200, description = "A page of documents, newest issued first, or by relevance when `q` is given", body = Paged<DocumentSummary>),
              (status = 400, description = "A parameter is malformed or out of range, or names a type, issuer, field or status that does not exist; the message names it", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_documents(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<DocumentListQuery>,
) -> Result<Json<Paged<DocumentSummary>>, AppError> {
    Ok(Json(Arc::unwrap_or_clone(
        document_list(&state, query).await?,
    )))
}

/// `GET /documents`'s answer to `query`: the one kept (`answer_cache`) while the content has
/// not changed since, else computed.
pub async fn document_list(
    state: &AppState,
    query: DocumentListQuery,
) -> Result<DocumentList, AppError> {
    let page = query::page(query.page, query.per_page)?;
    let kind = query
        .kind
        .map(|slug| match DocumentKind::by_slug(&slug) {
            Some(kind) => Ok(kind.slug.to_string()),
            None => Err(AppError::BadRequest(format!(
                "`type`: no document type has the slug {slug:?}"
            ))),
        })
        .transpose()?;
    let status = query
        .status
        .map(|code| {
            DocumentStatus::from_code(&code).ok_or_else(|| {
                let codes: Vec<&str> = DocumentStatus::ALL.iter().map(|s| s.code()).collect();
                AppError::BadRequest(format!(
                    "`status` must be one of {}, got {code:?}",
                    codes.join(", ")
                ))
            })
        })
        .transpose()?;
    let year = query.year.map(|text| year(&text)).transpose()?;
    let text = query::search_text(query.q.as_deref())?;
    let terms = match text.map(SearchTerms::parse) {
        // Only punctuation: nothing can match it.
        Some(None) => return Ok(Arc::new(page.answer(Vec::new(), 0))),
        terms => terms.flatten(),
    };
    let (issuer, field) = (query.issuer, query.field);
    // A status is the one on the day asked: the day is part of the answer's key.
    let today = crate::clock::today();
    let key = format!(
        "{} {} {kind:?} {issuer:?} {field:?} {year:?} {status:?} {terms:?} {today}",
        page.page, page.per_page
    );
    state
        .kept_answer(&state.document_answers, key, move |conn| {
            if let Some(slug) = &issuer {
                if !store::issuer_exists(conn, slug)? {
                    return Err(AppError::BadRequest(format!(
                        "`issuer`: no issuing body has the slug {slug:?}"
                    )));
                }
            }
            if let Some(slug) = &field {
                if !store::field_exists(conn, slug)? {
                    return Err(AppError::BadRequest(format!(
                        "`field`: no field has the slug {slug:?}"
                    )));
                }
            }
            let filter = DocumentFilter {
                kind,
                issuer,
                field,
                year,
                status,
                terms,
            };
            Ok(Arc::new(store::list(conn, &filter, page, today)?))
        })
        .await
}

/// A year as the `year` filter takes it: digits, 1900 to 2100.
fn year(text: &str) -> Result<i32, AppError> {
    let parsed = (!text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse::<i32>().ok())
        .flatten()
        .filter(|year| (FIRST_YEAR..=LAST_YEAR).contains(year));
    parsed.ok_or_else(|| {
        AppError::BadRequest(format!(
            "`year` must be a year from {FIRST_YEAR} to {LAST_YEAR}, got {text:?}"
        ))
    })
}

#[utoipa::path(get, path = "/api/v1/documents/{slug}", tag = "documents",
    params(("slug" = String, Path, description = "The document's slug")),
    responses((status = 200, description = "The document, its body sanitized, with its files and related documents", body = Document),
              (status = 404, description = "No such document", body = ApiError), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_document(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Document>, AppError> {
    let today = crate::clock::today();
    if slug.contains('\0') {
        // No slug has one; the database would refuse to compare it (a 400) where the answer
        // is simply that there is no such document.
        return Err(AppError::NotFound("no such document".into()));
    }
    state
        .db(move |conn| {
            store::document(conn, &slug, today)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound(format!("no document has the slug {slug:?}")))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/document-facets", tag = "documents",
    responses((status = 200, description = "Every type, issuing body, field, year and status some document has, with how many do: the list's filters", body = DocumentFacets),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn document_facets(
    State(state): State<AppState>,
) -> Result<Json<DocumentFacets>, AppError> {
    let today = crate::clock::today();
    state
        .db(move |conn| Ok(Json(store::facets(conn, today)?)))
        .await
}

#[cfg(test)]
mod tests {
    use super::year;

    #[test]
    fn years_are_four_digits_within_bounds() {
        assert_eq!(year("2025").unwrap(), 2025);
        assert_eq!(year("1900").unwrap(), 1900);
        for bad in ["abc", "", "20251", "1899", "2101", "+202", "-1", "２０２５"] {
            assert!(year(bad).is_err(), "{bad}");
        }
    }
}
