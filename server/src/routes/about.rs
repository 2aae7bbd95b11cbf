//! `GET /pages/{slug}` and `GET /organization`: about the place and who runs it; admins
//! change them with `PUT /admin/pages/{slug}` and `PUT /admin/organization`.

use axum::extract::{Path, State};
use axum::Json;
use portal_contract::about::{
    validate_organization, validate_page_edit, Organization, PageEdit, SitePage,
};
use portal_contract::staff::StaffRole;
use portal_contract::text::has_visible;
use portal_contract::ApiError;

use super::json::ApiJson;
use super::query::{ApiQuery, LangQuery};
use super::staff_auth::StaffMember;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/pages/{slug}", tag = "about",
    params(("slug" = String, Path, description = "The page's slug, such as gioi-thieu"), LangQuery),
    responses((status = 200, description = "The editorial page, its body sanitized", body = SitePage),
              (status = 400, description = "`lang` is not `vi` or `en`", body = ApiError),
              (status = 404, description = "No page has this slug (in that language)", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ApiQuery(query): ApiQuery<LangQuery>,
) -> Result<Json<SitePage>, AppError> {
    state
        .db(move |conn| {
            store::about::page(conn, &slug, query.lang())?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("no page has this slug".into()))
        })
        .await
}

#[utoipa::path(get, path = "/api/v1/organization", tag = "about", params(LangQuery),
    responses((status = 200, description = "The organisation from its top units, each with its functions, contacts, leaders and the units under it", body = Organization),
              (status = 400, description = "`lang` is not `vi` or `en`", body = ApiError),
              (status = 404, description = "No organisation is stored yet (in that language)", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn get_organization(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<LangQuery>,
) -> Result<Json<Organization>, AppError> {
    state
        .db(move |conn| {
            store::about::organization(conn, query.lang())?
                .map(Json)
                .ok_or_else(|| AppError::NotFound("no organisation is stored yet".into()))
        })
        .await
}

/// Changes an editorial page's text (admins); the body is sanitized as an article's.
#[utoipa::path(put, path = "/api/v1/admin/pages/{slug}", tag = "staff", request_body = PageEdit,
    params(("slug" = String, Path, description = "The page's slug, such as gioi-thieu"), LangQuery,
           ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    security(("bearer" = [])),
    responses((status = 200, description = "The page as saved", body = SitePage),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token", body = ApiError),
              (status = 403, description = "Not an admin, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No page has this slug", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A field is empty or too long, or the body has no text once sanitized; `error.fields` says which", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn edit_page(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(slug): Path<String>,
    ApiQuery(query): ApiQuery<LangQuery>,
    ApiJson(edit): ApiJson<PageEdit>,
) -> Result<Json<SitePage>, AppError> {
    let lang = query.lang();
    staff.require(StaffRole::Admin)?;
    let mut errors = validate_page_edit(&edit);
    let body_html = crate::sanitize::article_html(&edit.body_html);
    if errors.is_empty() && !has_visible(&crate::sanitize::plain_text(&body_html)) {
        errors.insert(
            "body_html".into(),
            "Nội dung không còn chữ nào sau khi bỏ phần định dạng không được phép.".into(),
        );
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let address = staff.actor().address.map(str::to_string);
    let actor = staff.user.as_ref().map(|user| user.username.clone());
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                if store::about::page(tx, &slug, lang)?.is_none() {
                    return Err(AppError::NotFound("no page has this slug".into()));
                }
                let page = SitePage {
                    slug,
                    title: edit.title.trim().to_string(),
                    summary: edit.summary.trim().to_string(),
                    body_html,
                };
                store::about::save_page(tx, &page, lang, &crate::clock::now_text())?;
                store::audit::record(
                    tx,
                    actor.as_deref(),
                    address.as_deref(),
                    "page_edited",
                    &format!("{} ({})", page.slug, lang.code()),
                )?;
                Ok(Json(page))
            })
        })
        .await
}

/// Replaces the organisation tree (admins).
#[utoipa::path(put, path = "/api/v1/admin/organization", tag = "staff", request_body = Organization,
    params(LangQuery, ("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    security(("bearer" = [])),
    responses((status = 200, description = "The organisation as saved", body = Organization),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in, or no or wrong bearer token", body = ApiError),
              (status = 403, description = "Not an admin, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A unit's field is empty, too long or taken; `error.fields` names it by its path (`units[0].children[2].phone`)", body = ApiError),
              (status = 429, description = "Too many wrong tokens from this address", body = ApiError,
               headers(("Retry-After" = u64, description = "Seconds to wait"))),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn edit_organization(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiQuery(query): ApiQuery<LangQuery>,
    ApiJson(organization): ApiJson<Organization>,
) -> Result<Json<Organization>, AppError> {
    let lang = query.lang();
    staff.require(StaffRole::Admin)?;
    let errors = validate_organization(&organization);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let address = staff.actor().address.map(str::to_string);
    let actor = staff.user.as_ref().map(|user| user.username.clone());
    state
        .db(move |conn| {
            conn.transaction(|tx| {
                store::about::save_organization(
                    tx,
                    &organization,
                    lang,
                    &crate::clock::now_text(),
                )?;
                store::audit::record(
                    tx,
                    actor.as_deref(),
                    address.as_deref(),
                    "organization_edited",
                    lang.code(),
                )?;
                Ok(Json(organization))
            })
        })
        .await
}
