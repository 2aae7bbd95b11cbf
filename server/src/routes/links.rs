use axum::extract::State;
use axum::Json;
use portal_contract::editorial::LinksEdit;
use portal_contract::limits::{LINKS_MAX_COUNT, LINK_NAME_MAX_CHARS, LINK_URL_MAX_BYTES};
use portal_contract::staff::StaffRole;
use portal_contract::{ApiError, FieldErrors, Link, LinkGroup};

use super::json::ApiJson;
use super::staff_auth::StaffMember;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;

#[utoipa::path(get, path = "/api/v1/links", tag = "widgets",
    responses((status = 200, description = "Linked websites in groups", body = Vec<LinkGroup>), (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_links(State(state): State<AppState>) -> Result<Json<Vec<LinkGroup>>, AppError> {
    state
        .db(|conn| Ok(Json(store::links::link_groups(conn)?)))
        .await
}

/// Replaces every group of linked websites (admins).
#[utoipa::path(put, path = "/api/v1/admin/links", tag = "staff", request_body = LinksEdit,
    params(("X-CSRF-Token" = Option<String>, Header, description = "The session's CSRF token: required with the session cookie, not with the bearer token")),
    responses((status = 200, description = "The links as saved", body = Vec<LinkGroup>),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "Not an admin, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 413, description = "The body is over 4 MB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "A name or address is not allowed; `error.fields` says which (`groups[0].links[2].url`)", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn edit_links(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(input): ApiJson<LinksEdit>,
) -> Result<Json<Vec<LinkGroup>>, AppError> {
    staff.require(StaffRole::Admin)?;
    let errors = validate_links(&input);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let address = staff.actor().address.map(str::to_string);
    let actor = staff.name().to_string();
    state
        .db(move |conn| {
            conn.transaction(|tx| -> Result<(), AppError> {
                let groups: Vec<LinkGroup> = input
                    .groups
                    .iter()
                    .map(|group| LinkGroup {
                        name: group.name.trim().to_string(),
                        links: group
                            .links
                            .iter()
                            .map(|link| Link {
                                name: link.name.trim().to_string(),
                                url: link.url.trim().to_string(),
                            })
                            .collect(),
                    })
                    .collect();
                store::links::replace_links(tx, &groups)?;
                store::audit::record(tx, Some(&actor), address.as_deref(), "links_edited", "")?;
                Ok(())
            })?;
            Ok(Json(store::links::link_groups(conn)?))
        })
        .await
}

/// What is wrong with each group and link, by path (`groups[0].links[2].url`), in Vietnamese.
fn validate_links(input: &LinksEdit) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let count: usize = input.groups.iter().map(|group| group.links.len()).sum();
    if count > LINKS_MAX_COUNT || input.groups.len() > LINKS_MAX_COUNT {
        errors.insert(
            "groups".into(),
            format!("Tối đa {LINKS_MAX_COUNT} liên kết."),
        );
        return errors;
    }
    let mut names = std::collections::HashSet::new();
    for (g, group) in input.groups.iter().enumerate() {
        let name = group.name.trim();
        if name.is_empty() || name.chars().count() > LINK_NAME_MAX_CHARS {
            errors.insert(
                format!("groups[{g}].name"),
                format!("Hãy đặt tên nhóm (tối đa {LINK_NAME_MAX_CHARS} ký tự)."),
            );
        } else if !names.insert(name.to_lowercase()) {
            errors.insert(format!("groups[{g}].name"), "Hai nhóm trùng tên.".into());
        }
        for (l, link) in group.links.iter().enumerate() {
            let name = link.name.trim();
            if name.is_empty() || name.chars().count() > LINK_NAME_MAX_CHARS {
                errors.insert(
                    format!("groups[{g}].links[{l}].name"),
                    format!("Hãy đặt tên liên kết (tối đa {LINK_NAME_MAX_CHARS} ký tự)."),
                );
            }
            let url = link.url.trim();
            let web_address = url::Url::parse(url).is_ok_and(|parsed| {
                matches!(parsed.scheme(), "http" | "https") && parsed.host().is_some()
            });
            if !web_address || url.len() > LINK_URL_MAX_BYTES {
                errors.insert(
                    format!("groups[{g}].links[{l}].url"),
                    "Địa chỉ phải bắt đầu bằng https:// hoặc http://.".into(),
                );
            }
        }
    }
    errors
}
