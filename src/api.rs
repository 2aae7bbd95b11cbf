//! The only code that talks HTTP. Every page gets its data through these functions, typed
//! with the contract crate, so no page builds a URL or parses JSON by hand.

use std::cell::RefCell;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;
use portal_contract::about::{Organization, SitePage};
use portal_contract::documents::{Document, DocumentFacets, DocumentSummary};
use portal_contract::i18n::api_path_in;
use portal_contract::procedures::{Procedure, ProcedureField, ProcedureSummary};
use portal_contract::questions::{FeedbackProgress, LookupInput, PublicQuestion, QuestionField};
use portal_contract::{
    ApiError, Article, ArticleSummary, FeedbackInput, FeedbackReceipt, FieldErrors, Lang,
    LinkGroup, Paged, PlaceCollection, Site, VisitStats, WeekSchedule, API_PREFIX,
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
        let t = crate::i18n::texts();
        match self {
            ApiFailure::NotFound => t.error_not_found,
            ApiFailure::BadRequest => t.error_bad_request,
            ApiFailure::Server(_) => t.error_server,
            ApiFailure::Network => t.error_network,
            ApiFailure::Timeout => t.error_timeout,
            ApiFailure::BadData => t.error_bad_data,
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

/// Answers kept in memory, by URL, for as long as the server's `Cache-Control` allows: going
/// back to a page shows it at once, and a stale page is refreshed behind the reader's back.
mod cache {
    use std::cell::RefCell;

    /// Bounds for a long visit on a phone: a few dozen pages, articles included.
    const MAX_ENTRIES: usize = 64;
    const MAX_BYTES: usize = 2 * 1024 * 1024;

    /// How long the server lets an answer be used, from `Cache-Control` (and `Age`, when a
    /// shared cache on the way has kept it already).
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Lifetime {
        pub fresh_ms: f64,
        pub usable_ms: f64,
    }

    pub fn lifetime(cache_control: Option<&str>, age: Option<&str>) -> Option<Lifetime> {
        let mut max_age = None;
        let mut stale = 0u64;
        for directive in cache_control?.split(',') {
            let directive = directive.trim().to_ascii_lowercase();
            let (name, value) = directive
                .split_once('=')
                .map_or((directive.as_str(), ""), |(name, value)| {
                    (name.trim(), value.trim())
                });
            let seconds = value.trim_matches('"').parse::<u64>().ok();
            match name {
                // `no-cache` allows keeping only with a revalidation before every use.
                "no-store" | "no-cache" => return None,
                "max-age" => max_age = Some(seconds?),
                "stale-while-revalidate" => stale = seconds.unwrap_or(0),
                _ => {}
            }
        }
        let age = age
            .and_then(|age| age.trim().parse::<u64>().ok())
            .unwrap_or(0);
        let fresh = max_age?.saturating_sub(age);
        let stale = max_age?.saturating_add(stale).saturating_sub(age);
        (stale > 0).then_some(Lifetime {
            fresh_ms: fresh as f64 * 1000.0,
            usable_ms: stale as f64 * 1000.0,
        })
    }

    pub enum Hit {
        Fresh(String),
        /// Usable now, but due for a refresh.
        Stale(String),
    }

    struct Entry {
        url: String,
        text: String,
        fresh_until: f64,
        usable_until: f64,
    }

    /// Oldest first. A list rather than a map: at this size a scan costs nothing, and it
    /// keeps the order to evict in without another map's code in the wasm.
    #[derive(Default)]
    struct Store {
        entries: Vec<Entry>,
        bytes: usize,
    }

    thread_local! {
        static STORE: RefCell<Store> = RefCell::default();
    }

    /// A monotonic clock: a change of the device's time must not make answers fresh again.
    pub fn now_ms() -> f64 {
        web_sys::window()
            .and_then(|window| window.performance())
            .map_or_else(js_sys::Date::now, |performance| performance.now())
    }

    pub fn get(url: &str, now: f64) -> Option<Hit> {
        STORE.with(|store| {
            let mut store = store.borrow_mut();
            let index = store.entries.iter().position(|entry| entry.url == url)?;
            let entry = &store.entries[index];
            if now < entry.fresh_until {
                Some(Hit::Fresh(entry.text.clone()))
            } else if now < entry.usable_until {
                Some(Hit::Stale(entry.text.clone()))
            } else {
                store.remove(index);
                None
            }
        })
    }

    pub fn has(url: &str, now: f64) -> bool {
        get(url, now).is_some()
    }

    /// Keeps `text` (which parsed) for `lifetime`; without one, forgets what was kept.
    pub fn put(url: &str, text: String, lifetime: Option<Lifetime>, now: f64) {
        STORE.with(|store| {
            let mut store = store.borrow_mut();
            if let Some(index) = store.entries.iter().position(|entry| entry.url == url) {
                store.remove(index);
            }
            let Some(lifetime) = lifetime else { return };
            if text.len() > MAX_BYTES {
                return;
            }
            while store.entries.len() >= MAX_ENTRIES || store.bytes + text.len() > MAX_BYTES {
                store.remove(0);
            }
            store.bytes += text.len();
            store.entries.push(Entry {
                url: url.to_string(),
                text,
                fresh_until: now + lifetime.fresh_ms,
                usable_until: now + lifetime.usable_ms,
            });
        });
    }

    impl Store {
        fn remove(&mut self, index: usize) {
            let entry = self.entries.remove(index);
            self.bytes -= entry.text.len();
        }
    }
}

thread_local! {
    /// URLs being refreshed or prefetched, so a busy page does not ask twice at once.
    static IN_FLIGHT: RefCell<Vec<String>> = RefCell::default();
}

/// A GET whose answer is kept as long as the server's `Cache-Control` says. Only an answer
/// that parsed is kept, so a retry after a bad answer asks the server again.
async fn get_json<T: DeserializeOwned>(path_and_query: &str) -> Result<T, ApiFailure> {
    let url = format!("{}{}", api_base(), path_and_query);
    let now = cache::now_ms();
    if let Some(hit) = cache::get(&url, now) {
        let (text, stale) = match hit {
            cache::Hit::Fresh(text) => (text, false),
            cache::Hit::Stale(text) => (text, true),
        };
        if let Ok(value) = serde_json::from_str(&text) {
            if stale {
                fetch_in_background(url, Purpose::Revalidate, parses::<T>);
            }
            return Ok(value);
        }
    }
    let answer = fetch_text(Verb::Get, &url, None, Purpose::Page).await?;
    let value = serde_json::from_str(&answer.text).map_err(|_| ApiFailure::BadData)?;
    keep(&url, answer, now);
    Ok(value)
}

fn parses<T: DeserializeOwned>(text: &str) -> bool {
    serde_json::from_str::<T>(text).is_ok()
}

/// Keeps an answer that parsed, from the time it was asked for (as HTTP caches count: it
/// was made no earlier), for as long as its headers allow.
fn keep(url: &str, answer: Answer, requested: f64) {
    // The browser's own HTTP cache may hand over a copy it has kept for a while, without an
    // `Age`: its `Date` tells how old it is. (A phone whose clock runs ahead makes answers
    // look older, so they are asked for again sooner; never kept longer than allowed.)
    let since_date = answer
        .date
        .as_deref()
        .map(js_sys::Date::parse)
        .filter(|made| made.is_finite())
        .map(|made| ((js_sys::Date::now() - made) / 1000.0).max(0.0) as u64);
    let age = answer
        .age
        .as_deref()
        .and_then(|age| age.trim().parse::<u64>().ok())
        .max(since_date)
        .map(|age| age.to_string());
    let lifetime = cache::lifetime(answer.cache_control.as_deref(), age.as_deref());
    cache::put(url, answer.text, lifetime, requested);
}

/// Fetches `url` into the cache without anyone waiting for it, unless it is on its way
/// already. `parses` is the check the page that reads it would make.
fn fetch_in_background(url: String, purpose: Purpose, parses: fn(&str) -> bool) {
    let started = IN_FLIGHT.with(|urls| {
        let mut urls = urls.borrow_mut();
        let new = !urls.contains(&url);
        if new {
            urls.push(url.clone());
        }
        new
    });
    if !started {
        return;
    }
    leptos::task::spawn_local(async move {
        let requested = cache::now_ms();
        // A failure is harmless: a stale answer stays until it is too old to use, and a page
        // asks again when it opens.
        if let Ok(answer) = fetch_text(Verb::Get, &url, None, purpose).await {
            if parses(&answer.text) {
                keep(&url, answer, requested);
            }
        }
        IN_FLIGHT.with(|urls| urls.borrow_mut().retain(|other| *other != url));
    });
}

/// A request whose answer changes from one moment to the next: never cached.
async fn fresh_json<T: DeserializeOwned>(verb: Verb, path: &str) -> Result<T, ApiFailure> {
    // A POST carries an (empty) JSON object: the server takes writes only as JSON, which a
    // form on another site cannot send without the API's consent.
    let body = matches!(verb, Verb::Post).then(|| "{}".to_string());
    let answer = fetch_text(
        verb,
        &format!("{}{}", api_base(), path),
        body,
        Purpose::Page,
    )
    .await?;
    serde_json::from_str(&answer.text).map_err(|_| ApiFailure::BadData)
}

#[derive(Clone, Copy)]
enum Verb {
    Get,
    Post,
}

/// Who waits for a request's answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// The page on screen: when the reader leaves it, nobody needs the answer any more, so
    /// the download stops.
    Page,
    /// The page the reader is likely to open next: it runs on when the reader moves.
    Prefetch,
    /// A stale answer kept in memory: the browser's HTTP cache holds the same stale copy, so
    /// this asks the server (with the copy's ETag) and runs on when the reader moves.
    Revalidate,
}

/// A response: its status, its text and the headers the app reads.
struct Answer {
    status: u16,
    text: String,
    cache_control: Option<String>,
    age: Option<String>,
    date: Option<String>,
    retry_after: Option<String>,
}

async fn fetch_text(
    verb: Verb,
    url: &str,
    json_body: Option<String>,
    purpose: Purpose,
) -> Result<Answer, ApiFailure> {
    let answer = exchange(verb, url, json_body, purpose).await?;
    match answer.status {
        200..=299 => Ok(answer),
        400 => Err(ApiFailure::BadRequest),
        404 => Err(ApiFailure::NotFound),
        status => Err(ApiFailure::Server(status)),
    }
}

/// One request and its whole answer, or why there was none: timed out after
/// `request_timeout()`, or aborted because the reader left the page.
async fn exchange(
    verb: Verb,
    url: &str,
    json_body: Option<String>,
    purpose: Purpose,
) -> Result<Answer, ApiFailure> {
    let controller = web_sys::AbortController::new().map_err(|_| ApiFailure::Network)?;
    if purpose == Purpose::Page {
        let on_leave = send_wrapper::SendWrapper::new(controller.clone());
        leptos::prelude::on_cleanup(move || on_leave.abort());
    }
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
        let mut builder = match verb {
            Verb::Get => Request::get(url),
            Verb::Post => Request::post(url),
        }
        .abort_signal(Some(&controller.signal()));
        if purpose == Purpose::Revalidate {
            builder = builder.cache(web_sys::RequestCache::NoCache);
        }
        let request = match json_body {
            Some(body) => builder
                .header("content-type", "application/json")
                .body(body)
                .map_err(|_| ApiFailure::Network)?,
            None => builder.build().map_err(|_| ApiFailure::Network)?,
        };
        let response = request.send().await.map_err(|_| ApiFailure::Network)?;
        let text = response.text().await.map_err(|_| ApiFailure::Network)?;
        let headers = response.headers();
        Ok(Answer {
            status: response.status(),
            text,
            cache_control: headers.get("cache-control"),
            age: headers.get("age"),
            date: headers.get("date"),
            retry_after: headers.get("retry-after"),
        })
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

/// The site's settings in `lang` (the English name, description and contacts, and no
/// category menu, under `/en`).
pub async fn site(lang: Lang) -> Result<Site, ApiFailure> {
    get_json(&api_path_in("/site", lang)).await
}

/// Starts loading an article into the cache, unless it is there already (a stale copy is
/// refreshed when the page opens) or on its way, without waiting for it.
pub fn prefetch_article(slug: String) {
    let url = format!("{}{}", api_base(), article_path(&slug));
    if !cache::has(&url, cache::now_ms()) {
        fetch_in_background(url, Purpose::Prefetch, parses::<Article>);
    }
}

fn article_path(slug: &str) -> String {
    format!("/articles/{}", encode(slug))
}

pub async fn article(slug: &str) -> Result<Article, ApiFailure> {
    get_json(&article_path(slug)).await
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

/// The newest articles written in `lang`.
pub async fn latest_in(
    lang: Lang,
    page: u32,
    per_page: u32,
) -> Result<Paged<ArticleSummary>, ApiFailure> {
    get_json(&api_path_in(
        &format!("/articles?page={page}&per_page={per_page}"),
        lang,
    ))
    .await
}

pub async fn featured(per_page: u32) -> Result<Paged<ArticleSummary>, ApiFailure> {
    get_json(&format!("/articles?featured=true&per_page={per_page}")).await
}

pub use portal_contract::search_page::SearchCriteria;

pub async fn search(
    criteria: &SearchCriteria,
    page: u32,
    per_page: u32,
) -> Result<Paged<ArticleSummary>, ApiFailure> {
    let mut query = format!("/articles?page={page}&per_page={per_page}");
    let [text, category, from, to] = criteria.params().map(|(_, value)| value);
    for (name, value) in [
        ("q", text),
        ("category", category),
        ("from", from),
        ("to", to),
    ] {
        if !value.is_empty() {
            query.push_str(&format!("&{name}={}", encode(value)));
        }
    }
    get_json(&api_path_in(&query, criteria.lang)).await
}

pub use portal_contract::documents::DocumentCriteria;

/// Documents, newest issued first, or by relevance when `criteria` has words.
pub async fn documents(
    criteria: &DocumentCriteria,
    page: u32,
    per_page: u32,
) -> Result<Paged<DocumentSummary>, ApiFailure> {
    let mut query = format!("/documents?page={page}&per_page={per_page}");
    let names = ["q", "type", "issuer", "field", "year", "status"];
    for (name, value) in names.into_iter().zip(criteria.values()) {
        if !value.is_empty() {
            query.push_str(&format!("&{name}={}", encode(value)));
        }
    }
    get_json(&query).await
}

pub async fn document(slug: &str) -> Result<Document, ApiFailure> {
    get_json(&format!("/documents/{}", encode(slug))).await
}

/// The values the documents' filters can take, with their counts.
pub async fn document_facets() -> Result<DocumentFacets, ApiFailure> {
    get_json("/document-facets").await
}

/// The fields (lĩnh vực) questions are filed under, in the order the form offers them.
pub async fn question_fields() -> Result<Vec<QuestionField>, ApiFailure> {
    get_json("/question-fields").await
}

/// Answered questions, newest answer first, or by relevance when `text` has words; `field`
/// narrows to one field. Empty strings mean "any".
pub async fn questions(
    field: &str,
    text: &str,
    page: u32,
    per_page: u32,
) -> Result<Paged<PublicQuestion>, ApiFailure> {
    let mut query = format!("/questions?page={page}&per_page={per_page}");
    for (name, value) in [("field", field), ("q", text.trim())] {
        if !value.is_empty() {
            query.push_str(&format!("&{name}={}", encode(value)));
        }
    }
    get_json(&query).await
}

pub async fn question(reference: &str) -> Result<PublicQuestion, ApiFailure> {
    get_json(&format!("/questions/{}", encode(reference))).await
}

/// The fields (lĩnh vực) procedures are grouped under.
pub async fn procedure_fields() -> Result<Vec<ProcedureField>, ApiFailure> {
    get_json("/procedure-fields").await
}

/// Procedures of `field` and `level` (slugs) with `text` in them, tone marks or not; empty
/// strings mean "any". A field or level the server does not know is `ApiFailure::BadRequest`.
pub async fn procedures(
    field: &str,
    level: &str,
    text: &str,
    page: u32,
    per_page: u32,
) -> Result<Paged<ProcedureSummary>, ApiFailure> {
    let mut query = format!("/procedures?page={page}&per_page={per_page}");
    for (name, value) in [("field", field), ("level", level), ("q", text.trim())] {
        if !value.is_empty() {
            query.push_str(&format!("&{name}={}", encode(value)));
        }
    }
    get_json(&query).await
}

pub async fn procedure(slug: &str) -> Result<Procedure, ApiFailure> {
    get_json(&format!("/procedures/{}", encode(slug))).await
}

/// An editorial page (`/gioi-thieu`'s is `portal_contract::about::ABOUT_PAGE_SLUG`).
pub async fn site_page(slug: &str, lang: Lang) -> Result<SitePage, ApiFailure> {
    get_json(&api_path_in(&format!("/pages/{}", encode(slug)), lang)).await
}

/// The organisation that runs the district, from its top units down, in `lang`.
pub async fn organization(lang: Lang) -> Result<Organization, ApiFailure> {
    get_json(&api_path_in("/organization", lang)).await
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
    let answer = send("/feedback", input).await?;
    serde_json::from_str(&answer.text).map_err(|_| SendFailure::Failed(ApiFailure::BadData))
}

/// Where a citizen's feedback stands. A reference and contact that match nothing is
/// `SendFailure::Failed(ApiFailure::NotFound)`.
pub async fn lookup_feedback(input: &LookupInput) -> Result<FeedbackProgress, SendFailure> {
    let answer = send("/feedback/lookup", input).await?;
    serde_json::from_str(&answer.text).map_err(|_| SendFailure::Failed(ApiFailure::BadData))
}

/// "Thông tin này có hữu ích không?": one reader's rating of a page.
pub async fn send_rating(input: &portal_contract::RatingInput) -> Result<(), SendFailure> {
    send("/ratings", input).await.map(|_| ())
}

/// POSTs what a reader filled in; the answer when it was accepted (2xx), else why not.
async fn send(path: &str, input: &impl serde::Serialize) -> Result<Answer, SendFailure> {
    let body =
        serde_json::to_string(input).map_err(|_| SendFailure::Failed(ApiFailure::BadData))?;
    let url = format!("{}{path}", api_base());
    let answer = exchange(Verb::Post, &url, Some(body), Purpose::Page)
        .await
        .map_err(SendFailure::Failed)?;
    match answer.status {
        200..=299 => Ok(answer),
        422 => {
            let error: ApiError = serde_json::from_str(&answer.text)
                .map_err(|_| SendFailure::Failed(ApiFailure::BadData))?;
            Err(SendFailure::Invalid(error.error.fields))
        }
        429 => Err(SendFailure::RateLimited(retry_after(&answer))),
        404 => Err(SendFailure::Failed(ApiFailure::NotFound)),
        400 => Err(SendFailure::Failed(ApiFailure::BadRequest)),
        status => Err(SendFailure::Failed(ApiFailure::Server(status))),
    }
}

/// The wait the server asked for: the error's `retry_after`, which a cross-origin deployment
/// passes on even where it does not expose the `Retry-After` header to scripts; that header
/// next; ten minutes (the feedback limit's window) when neither says.
fn retry_after(answer: &Answer) -> u64 {
    serde_json::from_str::<ApiError>(&answer.text)
        .ok()
        .and_then(|error| error.error.retry_after)
        .or_else(|| answer.retry_after.as_deref()?.trim().parse().ok())
        .unwrap_or(600)
}
