//! "Thông tin này có hữu ích không?": readers rate a page; staff read the counts.

use axum::extract::State;
use axum::http::StatusCode;
use portal_contract::text::trim_invisible;
use portal_contract::{
    to_portal_offset, validate_rating, ApiError, Lang, PageRatings, Paged, RatingInput,
};
use serde::Deserialize;

use super::json::{ApiJson, HtmlSafeJson};
use super::query::{self, ApiQuery};
use super::staff_auth::StaffReader;
use crate::error::AppError;
use crate::limits::Bucket;
use crate::state::{AppState, ClientAddress};
use crate::store;

/// Counts one rating. No cookie is set and nothing about the reader is kept but the comment;
/// the app sends at most one per page per browser session.
#[utoipa::path(post, path = "/api/v1/ratings", tag = "ratings", request_body = RatingInput,
    responses((status = 204, description = "Counted"),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 404, description = "No such page", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError),
              (status = 408, description = "The body did not arrive in time", body = ApiError),
              (status = 413, description = "The body is too large", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "Fields are wrong; `error.fields` says which", body = ApiError),
              (status = 429, description = "Too many ratings from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn post_rating(
    State(state): State<AppState>,
    client: ClientAddress,
    ApiJson(input): ApiJson<RatingInput>,
) -> Result<StatusCode, AppError> {
    let errors = validate_rating(&input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    state.rate_limit(Bucket::Ratings, client).await?;
    let now = to_portal_offset(&chrono::Utc::now()).to_rfc3339();
    state
        .db(move |conn| {
            if !rated_page_exists(conn, &input.page)? {
                return Err(AppError::NotFound(format!(
                    "no page at {:?} can be rated",
                    input.page
                )));
            }
            let comment = trim_invisible(&input.comment);
            store::ratings::save_rating(conn, &input.page, input.useful, comment, &now)?;
            Ok(StatusCode::NO_CONTENT)
        })
        .await
}

/// The pages readers can rate: articles (each on its language's page), documents,
/// procedures and published questions.
fn rated_page_exists(conn: &mut crate::db::Conn, page: &str) -> Result<bool, AppError> {
    let slug_after = |prefix: &str| {
        page.strip_prefix(prefix)
            .filter(|slug| !slug.is_empty() && !slug.contains('/'))
    };
    for lang in Lang::ALL {
        let prefix = lang.article_path("");
        if let Some(slug) = slug_after(&prefix) {
            return Ok(store::articles::article_lang(conn, slug)? == Some(lang));
        }
    }
    if let Some(slug) = slug_after("/van-ban/") {
        return Ok(store::documents::document_id(conn, slug)?.is_some());
    }
    if let Some(slug) = slug_after("/thu-tuc/") {
        return Ok(store::procedures::procedure(conn, slug)?.is_some());
    }
    if let Some(reference) = slug_after("/hoi-dap/") {
        return Ok(store::questions::question(conn, &reference.to_uppercase())?.is_some());
    }
    Ok(false)
}

/// The query of `GET /admin/ratings`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RatingListQuery {
    /// Page number, from 1.
    page: Option<u32>,
    /// Rated pages per page (default 10).
    per_page: Option<u32>,
}

/// Every rated page with its counts and latest comments, the worst first. Approvers and
/// admins signed in, or scripts with the bearer token.
#[utoipa::path(get, path = "/api/v1/admin/ratings", tag = "staff", params(RatingListQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "Rated pages, the largest share of \"no\" first", body = Paged<PageRatings>),
              (status = 400, description = "A parameter is malformed or out of range", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token (also when the server has no token configured)", body = ApiError),
              (status = 403, description = "Signed in as an editor: approvers and admins read this", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError),
              (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_ratings(
    State(state): State<AppState>,
    _staff: StaffReader,
    ApiQuery(query): ApiQuery<RatingListQuery>,
) -> Result<HtmlSafeJson<Paged<PageRatings>>, AppError> {
    let page = query::page(query.page, query.per_page)?;
    state
        .db(move |conn| Ok(HtmlSafeJson(store::ratings::page_ratings(conn, page)?)))
        .await
}
