//! The whole HTTP surface: the API under `/api/v1`, the built web app everywhere else.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, MethodRouter};
use axum::Router;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tower_http::LatencyUnit;

use crate::error::json_error;
use crate::feeds;
use crate::pages::{self, AppShell};
use crate::routes;
use crate::security::{self, SecurityPolicy};
use crate::state::AppState;

pub fn router(state: AppState, dist: &Path) -> Router {
    // Any path that is not a file of the app is a route of the app: its page, with a 404
    // status for addresses that do not exist (the app draws the 404 page itself).
    let shell = AppShell::load(dist);
    let tile_origin = crate::tiles::origin(&state.map_tiles.url_template);
    let policy = Arc::new(SecurityPolicy::for_app(
        &shell.pages(),
        tile_origin.as_deref(),
        &crate::sanitize::allowed_image_hosts(),
        &state.embed_ancestors,
    ));
    let worker: Arc<str> = crate::service_worker::script(shell.reader_page()).into();
    let app_pages = get(pages::app_page).with_state((state.clone(), shell));
    let files = ServeDir::new(dist)
        // `make build` writes .br and .gz files beside the app's files.
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(app_pages.clone());
    let app_files = Router::new()
        .fallback(file_or_page)
        .with_state(AppFiles { files, app_pages });
    let api = routes::api(&state);
    Router::new()
        .nest("/api/v1", api)
        .route("/embed.js", get(crate::embed::loader_script))
        .route("/rss.xml", get(feeds::rss::site_feed))
        .route("/rss/{file}", get(feeds::rss::category_feed))
        .route(pages::DOCUMENTS_FEED, get(feeds::rss::documents_feed))
        .route(
            "/lich-cong-tac.ics",
            get(feeds::calendar::schedule_calendar),
        )
        .route("/sitemap.xml", get(feeds::sitemap::sitemap))
        .route("/sitemap/{file}", get(feeds::sitemap::sitemap_file))
        .route("/robots.txt", get(feeds::robots::robots))
        .route(
            "/sw.js",
            get(move || async move { crate::service_worker::answer(&worker) }),
        )
        .route("/healthz", get(crate::health::healthz))
        .route("/media/{name}", get(crate::media::serve_media))
        .route("/files/{id}/{name}", get(crate::files::serve_file))
        .route("/api", any(routes::api_not_found))
        .route("/api/", any(routes::api_not_found))
        .route("/api/{*rest}", any(routes::api_not_found))
        .with_state(state)
        .fallback_service(app_files)
        .layer(middleware::from_fn(cache_policy))
        .layer(middleware::from_fn(crate::request_guard::refuse_malformed))
        .layer(middleware::from_fn_with_state(
            policy,
            security::add_headers,
        ))
        .layer(CompressionLayer::new().compress_when(DefaultPredicate::new().and(not_ranged)))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(LatencyUnit::Micros),
                ),
        )
        .layer(CatchPanicLayer::custom(|_| {
            json_error(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "the server could not answer this request",
            )
            .into_response()
        }))
}

/// Answers that serve byte ranges (documents' files) go as they are stored: their lengths,
/// offsets and `ETag` are the file's, which a compressed copy would contradict, and the files
/// are PDFs and zip containers, compressed already.
fn not_ranged(
    _: axum::http::StatusCode,
    _: axum::http::Version,
    headers: &axum::http::HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    !headers.contains_key(header::ACCEPT_RANGES)
}

/// One line per request, when it is answered: method, path, status and latency. Never the
/// query string or the body, which can carry what a citizen typed (a search, a phone number).
fn request_span(request: &Request) -> tracing::Span {
    tracing::info_span!("request", method = %request.method(), path = %request.uri().path())
}

/// The built app's files, and the app's page for every path that is not one of them.
#[derive(Clone)]
struct AppFiles {
    files: ServeDir<MethodRouter>,
    app_pages: MethodRouter,
}

/// A file of the built app, or the app's page. A path the file server cannot open for any
/// reason (a name too long for the file system, say) is not a file of the app either: it gets
/// the page, whose status says whether the route exists, never an empty 500.
async fn file_or_page(State(app): State<AppFiles>, request: Request) -> Response {
    let mut retry = Request::new(Body::empty());
    *retry.method_mut() = request.method().clone();
    *retry.uri_mut() = request.uri().clone();
    *retry.version_mut() = request.version();
    *retry.headers_mut() = request.headers().clone();
    let mut files = app.files;
    match files.try_call(request).await {
        Ok(response) => response.map(Body::new),
        Err(err) => {
            tracing::debug!(%err, "a path the file server cannot open");
            match app.app_pages.oneshot(retry).await {
                Ok(response) => response,
                Err(never) => match never {},
            }
        }
    }
}

/// Trunk names its outputs with a content hash, so those never change and can be cached for
/// good; `index.html` must be revalidated so a new release is picked up at once.
async fn cache_policy(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    vary_on_encoding(response.headers_mut());
    if path.starts_with("/api/") || response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let value = if is_hashed_asset(&path) && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// `portal-web-1a2b3c4d5e6f7a8b_bg.wasm` and the like: a hex hash in the name (trunk prints
/// a 64-bit hash without leading zeros, so 12 to 16 digits).
fn is_hashed_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split(['-', '_', '.'])
        .any(|part| (12..=16).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Every answer may be compressed for one client and not for another (the app's files are
/// served from .br and .gz variants, the rest compressed on the fly), so caches must keep
/// them apart by `Accept-Encoding`.
fn vary_on_encoding(headers: &mut axum::http::HeaderMap) {
    let named = headers.get_all(header::VARY).iter().any(|value| {
        value.to_str().is_ok_and(|value| {
            value.split(',').any(|name| {
                name.trim().eq_ignore_ascii_case("accept-encoding") || name.trim() == "*"
            })
        })
    });
    if !named {
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn recognizes_trunk_hashed_names() {
        assert!(is_hashed_asset("/portal-web-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_hashed_asset("/style-0123456789abcdef.css"));
        assert!(is_hashed_asset("/portal-web-662ea41ed6d91cf.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/tin-tuc/tong-ket-cong-tac"));
    }
}
