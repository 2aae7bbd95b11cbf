//! A portal on a real SQLite file in a temporary folder, with fixture content written here.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use portal_server::limits::Limits;
use portal_server::seed::files::{CategorySettings, SiteSettings};
use portal_server::store;
use portal_server::{app, db, import, state::AppState};
use serde_json::{json, Value};
use tower::ServiceExt;

/// A JSON POST of `body` to `uri`.
pub fn post_json(uri: &str, body: &Value) -> Request<Body> {
    Request::post(uri)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// `request` as coming from a client at `ip`, as the real server sees its peer address.
pub fn from_peer(mut request: Request<Body>, ip: [u8; 4]) -> Request<Body> {
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            ip, 50_000,
        ))));
    request
}

/// One entry of the work schedule on `day`, chaired by the district's chairman.
pub fn add_schedule_entry(pool: &db::Pool, day: chrono::NaiveDate, time: &str, content: &str) {
    let entry = store::schedule::NewScheduleEntry {
        day,
        entry: portal_contract::ScheduleEntry {
            time: time.into(),
            content: content.into(),
            chair: "Chủ tịch UBND huyện".into(),
            participants: "Các phòng chuyên môn".into(),
            place: "Phòng họp tầng 2".into(),
        },
    };
    blocking(|| store::schedule::add_schedule_entry(&mut pool.get().unwrap(), &entry).unwrap());
}

/// The stand-in app's files in `dir/dist`.
fn write_dist(dir: &Path) -> PathBuf {
    let dist = dir.join("dist");
    std::fs::create_dir_all(dist.join("reader")).unwrap();
    std::fs::write(dist.join("index.html"), APP_SHELL).unwrap();
    std::fs::write(dist.join("reader").join("index.html"), READER_SHELL).unwrap();
    std::fs::write(
        dist.join("portal-web-0123456789abcdef.js"),
        "console.log('app')",
    )
    .unwrap();
    dist
}

/// A stand-in for trunk's `index.html`, shaped like it.
pub const APP_SHELL: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
    <meta name=\"description\" content=\"Tin tức huyện\"><title>app</title>\
    <script type=\"module\">import init from '/portal-web-0123456789abcdef.js'; await init();</script>\
    </head><body></body></html>";

/// A stand-in for the reader app's page (`dist/reader/index.html`), which loads its own build.
pub const READER_SHELL: &str = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
    <meta name=\"description\" content=\"Tin tức huyện\"><title>app</title>\
    <script type=\"module\">import init from '/reader/portal-web-fedcba9876543210.js'; await init();</script>\
    </head><body></body></html>";

/// A new, empty database for one test: a SQLite file in `dir`, or, when
/// `PORTAL_TEST_DATABASE_URL` names a PostgreSQL server (`make test` starts a throw-away one),
/// a database of its own there, so that every test runs the same on both engines.
pub fn open_database(dir: &Path) -> db::Pool {
    blocking(|| match std::env::var("PORTAL_TEST_DATABASE_URL") {
        Ok(server) if !server.is_empty() => {
            static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let name = format!(
                "portal_test_{}_{}",
                std::process::id(),
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            );
            let mut admin =
                postgres::Client::connect(&format!("{server} dbname=postgres"), postgres::NoTls)
                    .expect("PORTAL_TEST_DATABASE_URL reaches a PostgreSQL server");
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
            let url = format!("{server} dbname={name}");
            db::open(&db::Location::Postgres(url)).unwrap()
        }
        _ => db::open(&db::Location::Sqlite(dir.join("portal.db"))).unwrap(),
    })
}

/// Runs `work` on a thread of its own. The PostgreSQL client blocks on a runtime of its own,
/// which cannot start inside a test's async runtime (the server itself calls the store
/// through `spawn_blocking`); SQLite does not care either way.
pub fn blocking<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| scope.spawn(work).join().unwrap())
}

/// Whether the tests run on PostgreSQL (see `open_database`).
pub fn on_postgres() -> bool {
    std::env::var("PORTAL_TEST_DATABASE_URL").is_ok_and(|url| !url.is_empty())
}

pub struct TestPortal {
    pub dir: tempfile::TempDir,
    pub pool: db::Pool,
    pub router: Router,
}

pub const CATEGORIES: [(&str, &str); 3] = [
    ("tin-trong-huyen", "Tin trong huyện"),
    ("quoc-phong-an-ninh", "Quốc phòng – An ninh"),
    ("thong-bao", "Thông báo"),
];

/// `count` articles, one a day back from 1 November 2024, cycling through the categories;
/// every seventh is featured.
pub fn fixture_articles(count: usize) -> Vec<Value> {
    (0..count)
        .map(|i| {
            let day =
                chrono::NaiveDate::from_ymd_opt(2024, 11, 1).unwrap() - chrono::Days::new(i as u64);
            json!({
                "title": format!("Bài viết thử số {i} về đường giao thông xã Đồng Văn"),
                "category": CATEGORIES[i % CATEGORIES.len()].0,
                "published_at": format!("{day}T08:30:00+07:00"),
                "author": "Ban biên tập",
                "summary": format!("Tóm tắt bài {i}."),
                "body_html": format!("<p>Đoạn một của bài {i}.</p><p>Đoạn hai.</p>"),
                "featured": i % 7 == 0,
            })
        })
        .collect()
}

impl TestPortal {
    /// A portal with the fixture site, categories and `articles` articles.
    pub fn with_articles(articles: usize) -> Self {
        Self::with_records(fixture_articles(articles))
    }

    /// A portal with the fixture site and categories and these article inputs.
    pub fn with_records(records: Vec<Value>) -> Self {
        Self::build(records, |state| state)
    }

    /// A portal with `articles` fixture articles and these limits.
    pub fn with_limits(articles: usize, limits: Limits) -> Self {
        Self::build(fixture_articles(articles), |state| AppState {
            limits: limits.into(),
            ..state
        })
    }

    /// A portal with `articles` fixture articles whose state `configure` adjusts.
    pub fn with_state(articles: usize, configure: impl FnOnce(AppState) -> AppState) -> Self {
        Self::build(fixture_articles(articles), configure)
    }

    /// A portal serving what `pool` already holds.
    pub fn on_pool(pool: db::Pool) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let router = app::router(AppState::new(pool.clone()), &write_dist(dir.path()));
        Self { dir, pool, router }
    }

    fn build(records: Vec<Value>, configure: impl FnOnce(AppState) -> AppState) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let pool = open_database(dir.path());
        blocking(|| {
            pool.get()
                .unwrap()
                .transaction(|tx| -> Result<(), import::ImportError> {
                    store::site::save_site(tx, &site_settings())?;
                    for (position, (slug, name)) in CATEGORIES.iter().enumerate() {
                        let category = CategorySettings {
                            slug: slug.to_string(),
                            name: name.to_string(),
                            parent: None,
                        };
                        store::categories::save_category(tx, &category, position)?;
                    }
                    import::import_records(tx, &records)?;
                    Ok(())
                })
                .unwrap()
        });
        let dist = write_dist(dir.path());
        let router = app::router(configure(AppState::new(pool.clone())), &dist);
        Self { dir, pool, router }
    }

    /// Runs `work` on a connection of the portal's database, off the test's async runtime
    /// (see `blocking`).
    pub fn with_conn<T: Send>(&self, work: impl FnOnce(&mut db::Conn) -> T + Send) -> T {
        blocking(|| work(&mut self.pool.get().unwrap()))
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Sends `request` as a browser would: with a `Host` header, unless the test set one.
    pub async fn request(&self, mut request: Request<Body>) -> (StatusCode, HeaderMap, Vec<u8>) {
        if !request.headers().contains_key("host") {
            request
                .headers_mut()
                .insert("host", "127.0.0.1:8080".parse().unwrap());
        }
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        (status, headers, body)
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    /// GETs `uri` and parses the body as JSON, which every API answer must be.
    pub async fn get_json(&self, uri: &str) -> (StatusCode, Value) {
        let (status, headers, body) = self.get(uri).await;
        let content_type = headers.get("content-type").map(|v| v.to_str().unwrap());
        // GeoJSON (`/map`) is JSON under its own name.
        assert!(
            matches!(
                content_type,
                Some("application/json" | "application/geo+json")
            ),
            "{uri} answered {status} without JSON: {content_type:?}"
        );
        (status, serde_json::from_slice(&body).unwrap())
    }

    /// The content of the page at `uri` as the server sends it, before the app starts: what
    /// its reading view has inside `<main>`. The page must answer 200 and have one.
    pub async fn page_main(&self, uri: &str) -> String {
        let (status, _, body) = self.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        let html = String::from_utf8(body).unwrap();
        let start = html
            .find("<main")
            .unwrap_or_else(|| panic!("{uri}: no main"));
        let end = start + html[start..].find("</main>").expect("the main's end");
        html[start..end].to_string()
    }

    /// Asserts that `uri` answers `status` with the API's error shape and `code`.
    pub async fn assert_error(&self, uri: &str, status: StatusCode, code: &str) -> String {
        let (got, body) = self.get_json(uri).await;
        assert_eq!(got, status, "{uri}: {body}");
        assert_eq!(body["error"]["code"], code, "{uri}: {body}");
        let message = body["error"]["message"].as_str().unwrap().to_string();
        assert!(!message.is_empty(), "{uri}: empty message");
        message
    }
}

pub fn site_settings() -> SiteSettings {
    serde_json::from_value(json!({
        "name": "Cổng thông tin điện tử huyện Thử Nghiệm",
        "short_name": "Huyện Thử Nghiệm",
        "description": "Trang thử.",
        "contacts": {
            "agency": "UBND huyện Thử Nghiệm",
            "address": "Số 1, thị trấn",
            "phone": "0203 000 000",
            "email": "test@example.gov.vn",
            "responsible": "Chánh Văn phòng"
        }
    }))
    .unwrap()
}

pub fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

/// The password of the staff accounts tests add with `signed_in`.
pub const STAFF_PASSWORD: &str = "mật khẩu của tòa soạn";

/// A signed-in staff member, as a browser holds them: the session cookie and the CSRF token.
pub struct StaffSession {
    pub cookie: String,
    pub csrf: String,
}

impl StaffSession {
    /// A request as the staff app sends it: the cookie, the CSRF token on changes, JSON.
    pub fn request(&self, method: &str, uri: &str, body: Option<&Value>) -> Request<Body> {
        let mut request = Request::builder()
            .method(method)
            .uri(uri)
            .header("cookie", &self.cookie);
        if method != "GET" {
            request = request.header("x-csrf-token", &self.csrf);
        }
        let request = match body {
            Some(body) => request
                .header("content-type", "application/json")
                .body(Body::from(body.to_string())),
            None => request.body(Body::empty()),
        };
        from_peer(request.unwrap(), [192, 0, 2, 1])
    }
}

impl TestPortal {
    /// Adds an account with `role` and signs it in.
    pub async fn signed_in(
        &self,
        username: &str,
        role: portal_contract::staff::StaffRole,
    ) -> StaffSession {
        let name = username.to_string();
        self.with_conn(move |conn| {
            portal_server::staff::add_user(conn, &name, role, STAFF_PASSWORD, None, "cli").unwrap()
        });
        self.sign_in(username).await
    }

    /// Signs in an account added with `STAFF_PASSWORD`.
    pub async fn sign_in(&self, username: &str) -> StaffSession {
        let request = from_peer(
            post_json(
                "/api/v1/admin/session",
                &json!({"username": username, "password": STAFF_PASSWORD}),
            ),
            [192, 0, 2, 1],
        );
        let (status, headers, body) = self.request(request).await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        let cookie = headers["set-cookie"].to_str().unwrap();
        let body: Value = serde_json::from_slice(&body).unwrap();
        StaffSession {
            cookie: cookie.split(';').next().unwrap().to_string(),
            csrf: body["csrf_token"].as_str().unwrap().to_string(),
        }
    }

    /// Sends `request`; the status and the body as JSON (`null` when it is not JSON).
    pub async fn send_json(&self, request: Request<Body>) -> (StatusCode, Value) {
        let (status, _, body) = self.request(request).await;
        (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
    }
}

/// What stands in `html` after each `start`, up to the next `end`: the texts of a list's
/// headings, say.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    html.split(start)
        .skip(1)
        .map(|rest| &rest[..rest.find(end).expect("the end after each start")])
        .collect()
}
