use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::Json;
use portal_contract::{Article, ArticleSummary, PageRequest, Paged};

use crate::error::AppError;
use crate::state::AppState;
use crate::store::{self, ArticleFilter};

/// Search parameters; reserved until search lands, so a client never gets silently
/// unfiltered results for a search it asked for.
const SEARCH_PARAMETERS: [&str; 3] = ["q", "from", "to"];

pub async fn list_articles(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Paged<ArticleSummary>>, AppError> {
    let page = PageRequest::parse(
        query.get("page").map(String::as_str),
        query.get("per_page").map(String::as_str),
    )
    .map_err(|err| AppError::BadRequest(err.to_string()))?;
    if let Some(name) = SEARCH_PARAMETERS
        .iter()
        .find(|name| query.contains_key(**name))
    {
        return Err(AppError::BadRequest(format!(
            "`{name}` is not supported by this server yet"
        )));
    }
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
                Some(slug) => Some(store::category_id(conn, &slug)?.ok_or_else(|| {
                    AppError::NotFound(format!("no category has the slug {slug:?}"))
                })?),
            };
            let filter = ArticleFilter {
                category_id,
                featured,
            };
            Ok(Json(store::list_articles(conn, &filter, page)?))
        })
        .await
}

pub async fn get_article(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Article>, AppError> {
    state
        .db(move |conn| {
            store::article(conn, &slug)?
                .map(Json)
                .ok_or_else(|| AppError::NotFound(format!("no article has the slug {slug:?}")))
        })
        .await
}
