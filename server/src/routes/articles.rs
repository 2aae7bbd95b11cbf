use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use chrono::{Days, NaiveDate};
use portal_contract::{ApiError, Article, ArticleSummary, Paged};
use serde::Deserialize;

use super::query::{self, ApiQuery};
use crate::answer_cache::ArticleList;
use crate::error::AppError;
use crate::search::SearchTerms;
use crate::state::AppState;
use crate::store::{self, articles::ArticleFilter};

/// The query of `GET /articles`; its OpenAPI parameters are these fields, and the contract's
/// bounds are written into them by `openapi::contract_limits`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArticleListQuery {
    /// Page number, from 1.
    pub page: Option<u32>,
    /// Articles per page (default 10).
    pub per_page: Option<u32>,
    /// Only this category (its slug).
    pub category: Option<String>,
    /// `true`: only featured articles; `false`: only the others. Exactly `true` or `false`.
    pub featured: Option<bool>,
    /// Words to search for, with or without tone marks; the last one also as a prefix.
    pub q: Option<String>,
    /// Published on or after this day (in +07:00), 1900 to 2100.
    #[param(value_type = Option<String>, format = Date)]
    pub from: Option<String>,
    /// Published on or before this day (in +07:00), 1900 to 2100; not before `from`.
    #[param(value_type = Option<String>, format = Date)]
    pub to: Option<String>,
    /// `vi` (the default) or `en`: only the articles written in that language.
    pub lang: Option<portal_contract::Lang>,
}

#[utoipa::path(get, path = "/api/v1/articles", tag = "articles", params(ArticleListQuery),
    responses((status = 200, description = "A page of article summaries, newest first, or by relevance when `q` is given", body = Paged<ArticleSummary>),
              (status = 400, description = "A parameter is malformed or out of range, or `from` is after `to`", body = ApiError),
              (status = 404, description = "No such category", body = ApiError), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_articles(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<ArticleListQuery>,
) -> Result<Json<Paged<ArticleSummary>>, AppError> {
    Ok(Json(Arc::unwrap_or_clone(
        article_list(&state, query).await?,
    )))
}

/// `GET /articles`'s answer to `query`: the one kept (`answer_cache`) while the content has
/// not changed since, else computed.
pub async fn article_list(
    state: &AppState,
    query: ArticleListQuery,
) -> Result<ArticleList, AppError> {
    let page = query::page(query.page, query.per_page)?;
    let from = query.from.map(|v| query::date("from", &v)).transpose()?;
    let to = query.to.map(|v| query::date("to", &v)).transpose()?;
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(AppError::BadRequest("`from` must not be after `to`".into()));
        }
    }
    let text = query::search_text(query.q.as_deref())?;
    let terms = match text.map(SearchTerms::parse) {
        // Only punctuation: nothing can match it.
        Some(None) => return Ok(Arc::new(page.answer(Vec::new(), 0))),
        terms => terms.flatten(),
    };
    let (featured, category) = (query.featured, query.category);
    let lang = query.lang.unwrap_or_default();
    // Everything the answer depends on, as checked: `quoc  phong` and `quoc phong` are one.
    let key = format!(
        "{} {} {category:?} {featured:?} {terms:?} {from:?} {to:?} {lang:?}",
        page.page, page.per_page
    );
    let rank = move |conn: &mut crate::db::Conn| -> Result<ArticleList, AppError> {
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
            lang,
        };
        Ok(Arc::new(store::articles::list_articles(
            conn, &filter, page,
        )?))
    };
    state.kept_answer(&state.article_answers, key, rank).await
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

/// Midnight at the start of `day` in Vietnam, in the form the store keeps times.
fn start_of_day(day: NaiveDate) -> String {
    format!("{day}T00:00:00+07:00")
}
