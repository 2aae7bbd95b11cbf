//! The audit log, for admins: `GET /admin/audit`.

use axum::extract::State;
use portal_contract::staff::{AuditEntry, StaffRole};
use portal_contract::{ApiError, Paged};
use serde::Deserialize;

use crate::error::AppError;
use crate::state::AppState;
use crate::store;

use super::json::HtmlSafeJson;
use super::query::{self, ApiQuery};
use super::staff_auth::SignedIn;

/// The log, newest first. Admins only; nobody can change it.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "staff", params(AuditQuery),
    responses((status = 200, description = "Entries, newest first", body = Paged<AuditEntry>),
              (status = 400, description = "A parameter is malformed or out of range", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "Signed in, but not an admin", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_audit(
    State(state): State<AppState>,
    signed_in: SignedIn,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<HtmlSafeJson<Paged<AuditEntry>>, AppError> {
    signed_in.require(StaffRole::Admin)?;
    let page = query::page(query.page, query.per_page)?;
    state
        .db(move |conn| Ok(HtmlSafeJson(store::audit::entries(conn, page)?)))
        .await
}

/// The query of `GET /admin/audit`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Page number, from 1.
    page: Option<u32>,
    /// Entries per page (default 10).
    per_page: Option<u32>,
}
