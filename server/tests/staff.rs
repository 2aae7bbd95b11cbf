//! Staff accounts and sessions: sign-in, CSRF, sign-out, limits and the audit log.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{blocking, from_peer, post_json, TestPortal};
use portal_contract::staff::StaffRole;
use portal_server::limits::Limits;
use portal_server::state::AppState;
use serde_json::{json, Value};

use common::STAFF_PASSWORD as PASSWORD;

fn add(portal: &TestPortal, username: &str, role: StaffRole) {
    portal.with_conn(|conn| {
        portal_server::staff::add_user(conn, username, role, PASSWORD, None, "cli").unwrap()
    });
}

fn sign_in_request(username: &str, password: &str, ip: [u8; 4]) -> Request<Body> {
    from_peer(
        post_json(
            "/api/v1/admin/session",
            &json!({"username": username, "password": password}),
        ),
        ip,
    )
}

/// Signs in; the session cookie (`name=value`) and the CSRF token.
async fn sign_in(portal: &TestPortal, username: &str) -> (String, String) {
    let session = portal.sign_in(username).await;
    (session.cookie, session.csrf)
}

fn with_cookie(method: &str, uri: &str, cookie: &str, csrf: Option<&str>) -> Request<Body> {
    let mut request = Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookie);
    if let Some(csrf) = csrf {
        request = request.header("x-csrf-token", csrf);
    }
    from_peer(request.body(Body::empty()).unwrap(), [192, 0, 2, 1])
}

#[tokio::test]
async fn signing_in_sets_a_strict_cookie_and_gives_a_csrf_token() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "bientap", StaffRole::Editor);
    let (status, headers, body) = portal
        .request(sign_in_request("bientap", PASSWORD, [192, 0, 2, 1]))
        .await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers["set-cookie"].to_str().unwrap();
    for part in ["portal_session=", "HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain HTTP on loopback: {cookie}"
    );
    assert_eq!(headers["cache-control"], "no-store");
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body["user"],
        json!({"username": "bientap", "role": "editor"})
    );
    let csrf = body["csrf_token"].as_str().unwrap();
    assert_eq!(csrf.len(), 43);

    let pair = cookie.split(';').next().unwrap();
    let (status, _, body) = portal
        .request(with_cookie("GET", "/api/v1/admin/session", pair, None))
        .await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["user"]["username"], "bientap");
    assert_eq!(body["csrf_token"], csrf);

    // Anonymous, or with a made-up session: 401.
    portal
        .assert_error(
            "/api/v1/admin/session",
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        )
        .await;
    let (status, _, _) = portal
        .request(with_cookie(
            "GET",
            "/api/v1/admin/session",
            "portal_session=made-up",
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The password is kept as an Argon2id hash, and the sign-in is in the audit log.
    let (hash, audit): (String, Vec<(String, String, Option<String>)>) = portal.with_conn(|conn| {
        (
            conn.query_one("SELECT password_hash FROM staff_users", &[], |r| r.get(0))
                .unwrap(),
            conn.query(
                "SELECT action, subject, address FROM audit_log ORDER BY id",
                &[],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap(),
        )
    });
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert_eq!(
        audit,
        [
            ("user_added".into(), "bientap".into(), Some("cli".into())),
            ("sign_in".into(), "bientap".into(), Some("192.0.2.1".into())),
        ]
    );
}

#[tokio::test]
async fn a_wrong_name_and_a_wrong_password_get_the_same_answer() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "duyet", StaffRole::Approver);
    let (status, _, wrong_password) = portal
        .request(sign_in_request(
            "duyet",
            "not the password at all",
            [192, 0, 2, 2],
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, wrong_name) = portal
        .request(sign_in_request("nobody", PASSWORD, [192, 0, 2, 2]))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong_password, wrong_name);
    let failures: u64 = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in_failed' AND address = '192.0.2.2'",
            &[],
            |r| r.get(0),
        )
        .unwrap()
    });
    assert_eq!(failures, 2);
    // A disabled account cannot sign in, even with its password.
    portal.with_conn(|conn| {
        conn.execute(
            "UPDATE staff_users SET disabled = 1 WHERE username = 'duyet'",
            &[],
        )
        .unwrap()
    });
    let (status, _, body) = portal
        .request(sign_in_request("duyet", PASSWORD, [192, 0, 2, 3]))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body, wrong_name);
}

#[tokio::test]
async fn signing_out_needs_the_csrf_token_and_ends_the_session() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "quantri", StaffRole::Admin);
    let (cookie, csrf) = sign_in(&portal, "quantri").await;
    for token in [None, Some("wrong"), Some("")] {
        let (status, _, body) = portal
            .request(with_cookie(
                "DELETE",
                "/api/v1/admin/session",
                &cookie,
                token,
            ))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{token:?}");
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "forbidden");
    }
    let (status, headers, _) = portal
        .request(with_cookie(
            "DELETE",
            "/api/v1/admin/session",
            &cookie,
            Some(&csrf),
        ))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(headers["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    // The cookie of a signed-out session signs nobody in.
    let (status, _, _) = portal
        .request(with_cookie("GET", "/api/v1/admin/session", &cookie, None))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = portal
        .request(with_cookie(
            "DELETE",
            "/api/v1/admin/session",
            &cookie,
            Some(&csrf),
        ))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_session_past_its_time_is_over() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "bientap", StaffRole::Editor);
    let (cookie, _) = sign_in(&portal, "bientap").await;
    portal.with_conn(|conn| {
        conn.execute("UPDATE staff_sessions SET idle_until = 0", &[])
            .unwrap()
    });
    let (status, _, _) = portal
        .request(with_cookie("GET", "/api/v1/admin/session", &cookie, None))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn wrong_passwords_are_limited_per_address_and_per_account() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "quantri", StaffRole::Admin);
    let mut statuses = Vec::new();
    for _ in 0..20 {
        let (status, _, _) = portal
            .request(sign_in_request(
                "quantri",
                "guessing, guessing",
                [198, 51, 100, 7],
            ))
            .await;
        statuses.push(status.as_u16());
    }
    assert_eq!(statuses[..10], [401; 10]);
    assert_eq!(statuses[10..], [429; 10]);
    // Past the limit even the right password waits.
    let (status, headers, _) = portal
        .request(sign_in_request("quantri", PASSWORD, [198, 51, 100, 7]))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(headers.contains_key("retry-after"));

    // Ten more wrong guesses from as many other addresses: twenty on the account, which
    // then rests, whatever address asks.
    for i in 0..10u8 {
        let (status, _, _) = portal
            .request(sign_in_request(
                "quantri",
                "guessing, guessing",
                [203, 0, 113, i],
            ))
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let (status, _, _) = portal
        .request(sign_in_request("quantri", PASSWORD, [203, 0, 113, 200]))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn only_admins_read_the_audit_log_and_nobody_changes_it() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "quantri", StaffRole::Admin);
    add(&portal, "duyet", StaffRole::Approver);
    portal
        .assert_error(
            "/api/v1/admin/audit",
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        )
        .await;
    let (approver, _) = sign_in(&portal, "duyet").await;
    let (status, _, _) = portal
        .request(with_cookie("GET", "/api/v1/admin/audit", &approver, None))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (admin, _) = sign_in(&portal, "quantri").await;
    let (status, _, body) = portal
        .request(with_cookie(
            "GET",
            "/api/v1/admin/audit?per_page=2",
            &admin,
            None,
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["total"], 4);
    assert_eq!(body["items"][0]["action"], "sign_in");
    assert_eq!(body["items"][0]["actor"], "quantri");
    assert_eq!(body["items"][1]["actor"], "duyet");

    for statement in [
        "UPDATE audit_log SET actor = 'someone else'",
        "DELETE FROM audit_log",
    ] {
        let refused = portal.with_conn(|conn| conn.execute(statement, &[]));
        assert!(refused.is_err(), "{statement}");
    }
    let total: u64 = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT COUNT(*) FROM audit_log WHERE actor IS NOT NULL",
            &[],
            |r| r.get(0),
        )
        .unwrap()
    });
    assert_eq!(total, 2);
}

#[tokio::test]
async fn behind_a_proxy_the_cookie_is_https_only() {
    let portal = TestPortal::with_state(0, |state| AppState {
        limits: Limits {
            behind_proxy: true,
            ..Limits::default()
        }
        .into(),
        ..state
    });
    add(&portal, "bientap", StaffRole::Editor);
    let (status, headers, _) = portal
        .request(sign_in_request("bientap", PASSWORD, [192, 0, 2, 1]))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers["set-cookie"].to_str().unwrap().contains("; Secure"));
}

/// `portal-server user add` takes the password from standard input, refuses a short one and
/// a second account of the same name.
#[test]
fn the_first_admin_is_added_from_the_command_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("portal.db");
    let run = |username: &str, role: &str, password: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_portal-server"))
            .args(["--db", db.to_str().unwrap(), "--content", "/nonexistent"])
            .args(["user", "add", username, "--role", role])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let added = run("quantri", "admin", PASSWORD);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let short = run("khac", "editor", "ngắn");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12"));
    let again = run("quantri", "editor", PASSWORD);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already an account"));
    let bad_role = run("khac", "boss", PASSWORD);
    assert!(!bad_role.status.success());

    let pool = blocking(|| {
        portal_server::db::open(&portal_server::db::Location::Sqlite(db.clone())).unwrap()
    });
    let users: Vec<(String, String)> = blocking(|| {
        pool.get()
            .unwrap()
            .query("SELECT username, role FROM staff_users", &[], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
    });
    assert_eq!(users, [("quantri".to_string(), "admin".to_string())]);
}

fn json_with_cookie(
    method: &str,
    uri: &str,
    cookie: &str,
    csrf: &str,
    body: &Value,
) -> Request<Body> {
    from_peer(
        Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", cookie)
            .header("x-csrf-token", csrf)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .unwrap(),
        [192, 0, 2, 1],
    )
}

#[tokio::test]
async fn admins_add_disable_and_reset_accounts() {
    let portal = TestPortal::with_articles(0);
    add(&portal, "quantri", StaffRole::Admin);
    add(&portal, "bientap", StaffRole::Editor);
    let (admin, csrf) = sign_in(&portal, "quantri").await;
    let (editor, editor_csrf) = sign_in(&portal, "bientap").await;

    // An editor may not manage accounts, even with its own CSRF token.
    let new = json!({"username": "phongvien", "role": "editor", "password": PASSWORD});
    let (status, _, _) = portal
        .request(json_with_cookie(
            "POST",
            "/api/v1/admin/users",
            &editor,
            &editor_csrf,
            &new,
        ))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _, body) = portal
        .request(json_with_cookie(
            "POST",
            "/api/v1/admin/users",
            &admin,
            &csrf,
            &new,
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&body)
    );
    let (status, _, _) = portal
        .request(json_with_cookie(
            "POST",
            "/api/v1/admin/users",
            &admin,
            &csrf,
            &new,
        ))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let short = json!({"username": "khac", "role": "editor", "password": "ngắn"});
    let (status, _, body) = portal
        .request(json_with_cookie(
            "POST",
            "/api/v1/admin/users",
            &admin,
            &csrf,
            &short,
        ))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert!(body["error"]["fields"]["password"].is_string(), "{body}");

    // Disabling the editor ends their session at once.
    let (status, _, body) = portal
        .request(json_with_cookie(
            "PATCH",
            "/api/v1/admin/users/bientap",
            &admin,
            &csrf,
            &json!({"disabled": true}),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body,
        json!({"username": "bientap", "role": "editor", "disabled": true})
    );
    let (status, _, _) = portal
        .request(with_cookie("GET", "/api/v1/admin/session", &editor, None))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // A reset password is the one that signs in afterwards.
    let (status, _, _) = portal
        .request(json_with_cookie(
            "PATCH",
            "/api/v1/admin/users/phongvien",
            &admin,
            &csrf,
            &json!({"password": "một mật khẩu mới hẳn", "role": "approver"}),
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = portal
        .request(sign_in_request("phongvien", PASSWORD, [192, 0, 2, 9]))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, body) = portal
        .request(sign_in_request(
            "phongvien",
            "một mật khẩu mới hẳn",
            [192, 0, 2, 9],
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["user"]["role"], "approver");

    // An admin cannot lock themselves out; an unknown account is a 404.
    let (status, _, _) = portal
        .request(json_with_cookie(
            "PATCH",
            "/api/v1/admin/users/quantri",
            &admin,
            &csrf,
            &json!({"role": "editor"}),
        ))
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _, _) = portal
        .request(json_with_cookie(
            "PATCH",
            "/api/v1/admin/users/khongco",
            &admin,
            &csrf,
            &json!({"disabled": true}),
        ))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, body) = portal
        .request(with_cookie("GET", "/api/v1/admin/users", &admin, None))
        .await;
    assert_eq!(status, StatusCode::OK);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(
        body,
        json!([
            {"username": "bientap", "role": "editor", "disabled": true},
            {"username": "phongvien", "role": "approver", "disabled": false},
            {"username": "quantri", "role": "admin", "disabled": false},
        ])
    );
    let actions: Vec<String> = portal.with_conn(|conn| {
        conn.query(
            "SELECT action FROM audit_log WHERE actor = 'quantri' AND action LIKE 'user_%' ORDER BY id",
            &[],
            |r| r.get(0),
        )
        .unwrap()
    });
    assert_eq!(
        actions,
        [
            "user_added",
            "user_disabled",
            "user_role_changed",
            "user_password_reset"
        ]
    );
}

/// The OpenAPI document carries the account rules the server enforces, from the contract.
#[tokio::test]
async fn the_api_document_states_the_account_rules() {
    let portal = TestPortal::with_articles(0);
    let (status, document) = portal.get_json("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let schemas = &document["components"]["schemas"];
    assert_eq!(
        schemas["NewStaffAccount"]["properties"]["username"]["pattern"],
        "^[a-z0-9._-]{1,64}$"
    );
    assert_eq!(
        schemas["NewStaffAccount"]["properties"]["password"]["minLength"],
        12
    );
    let patch = &document["paths"]["/api/v1/admin/users/{username}"]["patch"];
    let username = patch["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|parameter| parameter["name"] == "username")
        .unwrap();
    assert_eq!(username["schema"]["pattern"], "^[a-z0-9._-]{1,64}$");
}

/// Feedback and ratings carry what citizens wrote: approvers and admins read them signed in,
/// editors do not; scripts keep the bearer token.
#[tokio::test]
async fn approvers_read_feedback_and_ratings_signed_in() {
    let portal = TestPortal::with_state(0, |state| state.with_admin_token("script-token-123"));
    add(&portal, "bientap", StaffRole::Editor);
    add(&portal, "duyet", StaffRole::Approver);
    let (editor, _) = sign_in(&portal, "bientap").await;
    let (approver, _) = sign_in(&portal, "duyet").await;
    for uri in ["/api/v1/admin/feedback", "/api/v1/admin/ratings"] {
        let (status, _, _) = portal.request(with_cookie("GET", uri, &editor, None)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{uri}");
        let (status, _, _) = portal
            .request(with_cookie("GET", uri, &approver, None))
            .await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let (status, _, _) = portal
            .request(
                Request::get(uri)
                    .header("authorization", "Bearer script-token-123")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        portal
            .assert_error(uri, StatusCode::UNAUTHORIZED, "unauthorized")
            .await;
    }
}
