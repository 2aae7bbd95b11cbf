//! Staff accounts, for admins: `/admin/users`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use portal_contract::staff::{NewStaffAccount, StaffAccount, StaffAccountChange, StaffRole};
use portal_contract::ApiError;

use crate::error::AppError;
use crate::staff::{self, AddUserError, ChangeUserError};
use crate::state::{AppState, ClientAddress};
use crate::store;

use super::json::{ApiJson, HtmlSafeJson};
use super::staff_auth::SignedIn;

/// Every account, by name.
#[utoipa::path(get, path = "/api/v1/admin/users", tag = "staff",
    responses((status = 200, description = "The accounts", body = Vec<StaffAccount>),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "Signed in, but not an admin", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn list_users(
    State(state): State<AppState>,
    signed_in: SignedIn,
) -> Result<HtmlSafeJson<Vec<StaffAccount>>, AppError> {
    signed_in.require(StaffRole::Admin)?;
    state
        .db(|conn| Ok(HtmlSafeJson(store::staff::users(conn)?)))
        .await
}

/// Adds an account.
#[utoipa::path(post, path = "/api/v1/admin/users", tag = "staff", request_body = NewStaffAccount,
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses((status = 201, description = "Added", body = StaffAccount),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "Not an admin, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 409, description = "There is an account by that name", body = ApiError),
              (status = 413, description = "The body is over 32 KB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "The username or password is not allowed; `error.fields` says which", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn add_user(
    State(state): State<AppState>,
    client: ClientAddress,
    signed_in: SignedIn,
    ApiJson(input): ApiJson<NewStaffAccount>,
) -> Result<(StatusCode, Json<StaffAccount>), AppError> {
    signed_in.require(StaffRole::Admin)?;
    let address = client.0.map(|ip| ip.to_string());
    state
        .db(move |conn| {
            staff::add_user(
                conn,
                &input.username,
                input.role,
                &input.password,
                Some(&signed_in.user.username),
                address.as_deref().unwrap_or(""),
            )
            .map_err(|err| match err {
                AddUserError::Username => field_error("username", err.to_string()),
                AddUserError::Password(problem) => field_error("password", problem),
                AddUserError::Exists(_) => AppError::Conflict(err.to_string()),
                AddUserError::Database(err) => err.into(),
            })?;
            Ok((
                StatusCode::CREATED,
                Json(StaffAccount {
                    username: input.username,
                    role: input.role,
                    disabled: false,
                }),
            ))
        })
        .await
}

/// Changes an account's role, disables or enables it, or resets its password. Disabling it
/// or resetting its password ends its sessions. An admin cannot disable or demote themselves.
#[utoipa::path(patch, path = "/api/v1/admin/users/{username}", tag = "staff", request_body = StaffAccountChange,
    params(("username" = String, Path, description = "The account"),
           ("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    responses((status = 200, description = "The account as it is now", body = StaffAccount),
              (status = 400, description = "The body is not JSON", body = ApiError),
              (status = 401, description = "Not signed in", body = ApiError),
              (status = 403, description = "Not an admin, or no or wrong X-CSRF-Token", body = ApiError),
              (status = 404, description = "No such account", body = ApiError),
              (status = 409, description = "An admin's change to their own account that would lock them out", body = ApiError),
              (status = 413, description = "The body is over 32 KB", body = ApiError),
              (status = 415, description = "The body is not declared as JSON", body = ApiError),
              (status = 422, description = "The password is not allowed, or a field is of the wrong type", body = ApiError),
              (status = 405, description = "Wrong method", body = ApiError), (status = 503, description = "Busy or too slow; try again", body = ApiError)))]
pub async fn change_user(
    State(state): State<AppState>,
    client: ClientAddress,
    signed_in: SignedIn,
    Path(username): Path<String>,
    ApiJson(change): ApiJson<StaffAccountChange>,
) -> Result<Json<StaffAccount>, AppError> {
    signed_in.require(StaffRole::Admin)?;
    let address = client.0.map(|ip| ip.to_string());
    state
        .db(move |conn| {
            staff::change_user(
                conn,
                &signed_in.user.username,
                &signed_in.token_hash,
                address.as_deref(),
                &username,
                &change,
            )
            .map(Json)
            .map_err(|err| match err {
                ChangeUserError::NotFound(_) => AppError::NotFound(err.to_string()),
                ChangeUserError::Password(problem) => field_error("password", problem),
                ChangeUserError::OwnAccount => AppError::Conflict(err.to_string()),
                ChangeUserError::Database(err) => err.into(),
            })
        })
        .await
}

fn field_error(field: &str, message: String) -> AppError {
    let mut fields = portal_contract::FieldErrors::new();
    fields.insert(field.into(), message);
    AppError::Invalid(fields)
}
