use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::Json;
use portal_contract::{ApiError, Article, ArticleSummary, PageRequest, Paged};

use chrono::{Days, NaiveDate};

use crate::error::AppError;
use crate::search::SearchTerms;
use crate::state::AppState;
use crate::store::{self, articles::ArticleFilter};

/// A longer query is refused rather than cut, so the reader knows what was searched.
const MAX_QUERY_CHARS: usize = 200;

#[utoipa::path(get, path = "/api/v1/articles", tag = "articles", params(ArticleListQuery),
    responses((status = 200, description = "A page of article summaries, newest first, or by relevance when `q` is given", body = Paged<ArticleSummary>),
              (status = 400, description = "A parameter is malformed or out of range", body = ApiError),
              (status = 404, description = "No such category", body = ApiError), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_articles(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Paged<ArticleSummary>>, AppError> {
    let page = PageRequest::parse(
        query.get("page").map(String::as_str),
        query.get("per_page").map(String::as_str),
    )
    .map_err(|err| AppError::BadRequest(err.to_string()))?;
    let from = query
        .get("from")
        .map(|v| parse_date("from", v))
        .transpose()?;
    let to = query.get("to").map(|v| parse_date("to", v)).transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(AppError::BadRequest("`from` must not be after `to`".into()));
        }
    }
    let text = query.get("q").map(|q| q.trim()).filter(|q| !q.is_empty());
    if text.is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
        return Err(AppError::BadRequest(format!(
            "`q` must be at most {MAX_QUERY_CHARS} characters"
        )));
    }
    let terms = match text.map(SearchTerms::parse) {
        // Only punctuation: nothing can match it.
        Some(None) => return Ok(Json(page.answer(Vec::new(), 0))),
        terms => terms.flatten(),
    };
    let featured = match query.get("featured").map(String::as_str) {
        None => None,
        Some("true" | "1") => Some(true),
        Some("false" | "0") => Some(false),
        Some(other) => {
            return Err(AppError::BadRequest(format!(
                "`featured` must be true or false, got {other:?}"
            )))
        }
    };
    let category = query.get("category").cloned();
    state
        .db(move |conn| {
            let category_id = match category {
                None => None,
                Some(slug) => {
                    Some(store::categories::category_id(conn, &slug)?.ok_or_else(|| {
                        AppError::NotFound(format!("no category has the slug {slug:?}"))
                    })?)
                }
            };
            let filter = ArticleFilter {
                category_id,
                featured,
                from: from.map(start_of_day),
                until: to.map(|day| start_of_day(day + Days::new(1))),
                terms,
            };
            Ok(Json(store::articles::list_articles(conn, &filter, page)?))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/articles/{slug}", tag = "articles",
    params(("slug" = String, Path, description = "The article's slug")),
    responses((status = 200, description = "The article, its body sanitized", body = Article),
              (status = 404, description = "No such article", body = ApiError), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_article(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Article>, AppError> {
    state
        .db(move |conn| {
            store::articles::article(conn, &slug)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound(format!("no article has the slug {slug:?}")))
        })
        .await
}

/// A `YYYY-MM-DD` day, exactly in that form.
fn parse_date(name: &str, value: &str) -> Result<NaiveDate, AppError> {
    let well_formed =
        value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-';
    well_formed
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| {
            AppError::BadRequest(format!(
                "`{name}` must be a date as YYYY-MM-DD, got {value:?}"
            ))
        })
}

/// Midnight at the start of `day` in Vietnam, in the form the store keeps times.
fn start_of_day(day: NaiveDate) -> String {
    format!("{day}T00:00:00+07:00")
}

/// The query of `GET /articles`, for the OpenAPI document (the handler reads the raw query to
/// give precise error messages).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ArticleListQuery {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 1000000)]
    page: Option<u32>,
    /// Articles per page, at most 50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    per_page: Option<u32>,
    /// Only this category (its slug).
    category: Option<String>,
    /// Only featured (`true`) or only other (`false`) articles.
    featured: Option<bool>,
    /// Words to search for, with or without tone marks; the last one also as a prefix.
    #[param(max_length = 200)]
    q: Option<String>,
    /// Published on or after this day (in +07:00).
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// Published on or before this day (in +07:00).
    #[param(value_type = Option<String>, format = Date)]
    to: Option<String>,
}
