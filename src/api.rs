//! The only code that talks HTTP. Every page gets its data through these functions, typed
//! with the contract crate, so no page builds a URL or parses JSON by hand.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use portal_contract::{
    ApiError, Article, ArticleSummary, FeedbackInput, FeedbackReceipt, FieldErrors, LinkGroup,
    Paged, PlaceCollection, Site, VisitStats, WeekSchedule, API_PREFIX,
};
use serde::de::DeserializeOwned;

/// A request that takes longer than this is given up, so a reader on a stalled network
/// gets a message and a retry button instead of an endless placeholder. A deployment can
/// change it with `<meta name="portal-api-timeout-ms">` in `index.html`.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

/// Why a request failed, in terms a reader can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiFailure {
    NotFound,
    /// The server refused the request as malformed (400): the reader's input, usually.
    BadRequest,
    /// The server answered with an error status.
    Server(u16),
    /// No answer: offline, refused, or cancelled.
    Network,
    Timeout,
    /// An answer that is not what the contract says.
    BadData,
}

impl ApiFailure {
    /// The message shown to the reader.
    pub fn message(&self) -> &'static str {
        match self {
            ApiFailure::NotFound => "Không tìm thấy nội dung bạn yêu cầu.",
            ApiFailure::BadRequest => {
                "Điều kiện tìm kiếm không hợp lệ. Vui lòng kiểm tra từ khóa và ngày tháng."
            }
            ApiFailure::Server(_) => "Máy chủ đang gặp sự cố, chưa tải được nội dung.",
            ApiFailure::Network => {
                "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng."
            }
            ApiFailure::Timeout => "Máy chủ phản hồi quá lâu. Vui lòng thử lại.",
            ApiFailure::BadData => "Dữ liệu nhận được không hợp lệ.",
        }
    }
}

/// Where the API lives. Read at run time from `<meta name="portal-api-base">` in
/// `index.html`, so one build can be pointed at another server by editing that file.
fn api_base() -> String {
    thread_local! {
        static BASE: String = read_api_base();
    }
    BASE.with(Clone::clone)
}

fn read_api_base() -> String {
    meta_setting("portal-api-base")
        .map(|content| content.trim_end_matches('/').to_string())
        .filter(|content| !content.is_empty())
        .unwrap_or_else(|| API_PREFIX.to_string())
}

fn request_timeout() -> Duration {
    thread_local! {
        static TIMEOUT: Duration = meta_setting("portal-api-timeout-ms")
            .and_then(|ms| ms.parse::<u64>().ok())
            .filter(|ms| *ms > 0)
            .map(Duration::from_millis)
            .unwrap_or(DEFAULT_TIMEOUT);
    }
    TIMEOUT.with(|timeout| *timeout)
}

/// The content of `<meta name="{name}">` in `index.html`: the app's run-time settings.
fn meta_setting(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name='{name}']"))
        .ok()
        .flatten()?
        .get_attribute("content")
        .map(|content| content.trim().to_string())
}

thread_local! {
    /// Answers already received in this visit, by URL: going back to a page shows it at once.
    static RESPONSES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// A GET whose answer is kept for the rest of the visit.
async fn get_json<T: DeserializeOwned>(path_and_query: &str) -> Result<T, ApiFailure> {
    let url = format!("{}{}", api_base(), path_and_query);
    let cached = RESPONSES.with(|cache| cache.borrow().get(&url).cloned());
    let text = match cached {
        Some(text) => text,
        None => {
            let text = fetch_text(Verb::Get, &url).await?;
            RESPONSES.with(|cache| cache.borrow_mut().insert(url, text.clone()));
            text
        }
    };
    serde_json::from_str(&text).map_err(|_| ApiFailure::BadData)
}

/// A request whose answer changes from one moment to the next: never cached.
async fn fresh_json<T: DeserializeOwned>(verb: Verb, path: &str) -> Result<T, ApiFailure> {
    let text = fetch_text(verb, &format!("{}{}", api_base(), path)).await?;
    serde_json::from_str(&text).map_err(|_| ApiFailure::BadData)
}

#[derive(Clone, Copy)]
enum Verb {
    Get,
    Post,
}

async fn fetch_text(verb: Verb, url: &str) -> Result<String, ApiFailure> {
    let (status, text) = exchange(verb, url, None).await?;
    match status {
        200..=299 => Ok(text),
        400 => Err(ApiFailure::BadRequest),
        404 => Err(ApiFailure::NotFound),
        status => Err(ApiFailure::Server(status)),
    }
}

/// One request and its whole answer (status and text), or why there was none: timed out
/// after `request_timeout()`, or aborted because the reader left the page.
async fn exchange(
    verb: Verb,
    url: &str,
    json_body: Option<String>,
) -> Result<(u16, String), ApiFailure> {
    let controller = web_sys::AbortController::new().map_err(|_| ApiFailure::Network)?;
    // A reader who navigates away no longer needs the answer: stop downloading it.
    let on_leave = send_wrapper::SendWrapper::new(controller.clone());
    leptos::prelude::on_cleanup(move || on_leave.abort());
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            request_timeout(),
        )
        .ok()
    };
    let outcome = async {
        let builder = match verb {
            Verb::Get => Request::get(url),
            Verb::Post => Request::post(url),
        }
        .abort_signal(Some(&controller.signal()));
        let request = match json_body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(body)
                .map_err(|_| ApiFailure::Network)?,
            None => builder.build().map_err(|_| ApiFailure::Network)?,
        };
        let response = request.send().await.map_err(|_| ApiFailure::Network)?;
        let text = response.text().await.map_err(|_| ApiFailure::Network)?;
        Ok((response.status(), text))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match outcome {
        Err(ApiFailure::Network) if timed_out.get() => Err(ApiFailure::Timeout),
        other => other,
    }
}

pub async fn site() -> Result<Site, ApiFailure> {
    get_json("/site").await
}

/// Starts loading an article into the visit's cache, once, without waiting for it.
pub fn prefetch_article(slug: String) {
    thread_local! {
        static STARTED: RefCell<std::collections::HashSet<String>> = RefCell::default();
    }
    if STARTED.with(|started| started.borrow_mut().insert(slug.clone())) {
        leptos::task::spawn_local(async move {
            // A failure here is harmless: the page asks again when it opens.
            let _ = article(&slug).await;
        });
    }
}

pub async fn article(slug: &str) -> Result<Article, ApiFailure> {
    get_json(&format!("/articles/{}", encode(slug))).await
}

/// Newest articles first; `category` narrows to one category.
pub async fn latest(
    category: Option<&str>,
    page: u32,
    per_page: u32,
) -> Result<Paged<ArticleSummary>, ApiFailure> {
    let mut query = format!("/articles?page={page}&per_page={per_page}");
    if let Some(category) = category {
        query.push_str("&category=");
        query.push_str(&encode(category));
    }
    get_json(&query).await
}

pub async fn featured(per_page: u32) -> Result<Paged<ArticleSummary>, ApiFailure> {
    get_json(&format!("/articles?featured=true&per_page={per_page}")).await
}

/// What a reader searches for; every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchCriteria {
    pub text: String,
    pub category: String,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
}

impl SearchCriteria {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.category.is_empty()
            && self.from.is_empty()
            && self.to.is_empty()
    }
}

pub async fn search(
    criteria: &SearchCriteria,
    page: u32,
    per_page: u32,
) -> Result<Paged<ArticleSummary>, ApiFailure> {
    let mut query = format!("/articles?page={page}&per_page={per_page}");
    for (name, value) in [
        ("q", criteria.text.trim()),
        ("category", criteria.category.as_str()),
        ("from", criteria.from.as_str()),
        ("to", criteria.to.as_str()),
    ] {
        if !value.is_empty() {
            query.push_str(&format!("&{name}={}", encode(value)));
        }
    }
    get_json(&query).await
}

pub fn encode(component: &str) -> String {
    js_sys::encode_uri_component(component).into()
}

/// The week of the work schedule that starts with ISO week `week` (`2026-W48`); the current
/// week when `None`.
pub async fn schedule(week: Option<&str>) -> Result<WeekSchedule, ApiFailure> {
    match week {
        Some(week) => get_json(&format!("/schedule?week={}", encode(week))).await,
        None => fresh_json(Verb::Get, "/schedule").await,
    }
}

/// The district's places, as GeoJSON.
pub async fn map() -> Result<PlaceCollection, ApiFailure> {
    get_json("/map").await
}

pub async fn links() -> Result<Vec<LinkGroup>, ApiFailure> {
    get_json("/links").await
}

/// The visit statistics without counting a visit (widgets on other sites show them).
pub async fn visit_stats() -> Result<VisitStats, ApiFailure> {
    fresh_json(Verb::Get, "/stats").await
}

/// The visit statistics, counting this visit first if this browser session has not been
/// counted yet. The mark is kept in session storage: no cookie, nothing sent but the POST.
pub async fn session_visit_stats() -> Result<VisitStats, ApiFailure> {
    const COUNTED: &str = "portal-visit-counted";
    let storage = web_sys::window().and_then(|window| window.session_storage().ok().flatten());
    let counted = storage
        .as_ref()
        .and_then(|storage| storage.get_item(COUNTED).ok().flatten())
        .is_some();
    if counted {
        return visit_stats().await;
    }
    let stats = fresh_json(Verb::Post, "/visits").await?;
    if let Some(storage) = storage {
        let _ = storage.set_item(COUNTED, "1");
    }
    Ok(stats)
}

/// Why feedback was not accepted.
#[derive(Debug, Clone, PartialEq)]
pub enum SendFailure {
    /// The server found these fields wrong (422).
    Invalid(FieldErrors),
    /// Too many submissions from this address; the server says how many seconds to wait.
    RateLimited(u64),
    Failed(ApiFailure),
}

pub async fn send_feedback(input: &FeedbackInput) -> Result<FeedbackReceipt, SendFailure> {
    let body =
        serde_json::to_string(input).map_err(|_| SendFailure::Failed(ApiFailure::BadData))?;
    let url = format!("{}/feedback", api_base());
    let (status, text) = exchange(Verb::Post, &url, Some(body))
        .await
        .map_err(SendFailure::Failed)?;
    match status {
        201 => serde_json::from_str(&text).map_err(|_| SendFailure::Failed(ApiFailure::BadData)),
        422 => {
            let error: ApiError = serde_json::from_str(&text)
                .map_err(|_| SendFailure::Failed(ApiFailure::BadData))?;
            Err(SendFailure::Invalid(error.error.fields))
        }
        429 => Err(SendFailure::RateLimited(retry_after(&text))),
        400 => Err(SendFailure::Failed(ApiFailure::BadRequest)),
        status => Err(SendFailure::Failed(ApiFailure::Server(status))),
    }
}

/// The wait the server asked for. Its number is in the message as well as in `Retry-After`,
/// which a cross-origin deployment might not expose to scripts.
fn retry_after(text: &str) -> u64 {
    serde_json::from_str::<ApiError>(text)
        .ok()
        .and_then(|error| {
            error
                .error
                .message
                .split_whitespace()
                .find_map(|word| word.parse::<u64>().ok())
        })
        .unwrap_or(600)
}
