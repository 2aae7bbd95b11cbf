//! What every handler shares.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use portal_contract::documents::DocumentSummary;
use portal_contract::{ArticleSummary, MapTiles, Paged};

use crate::answer_cache::AnswerCache;
use crate::db::{Conn, Engine, Pool};
use crate::error::AppError;
use crate::limits::{limit_key, Bucket, Limits, RateLimiter};
use crate::store;

#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub limits: Arc<Limits>,
    pub rate_limiter: Arc<RateLimiter>,
    /// Staff's bearer token for `/admin/...`; `None` turns those endpoints off.
    pub admin_token: Option<Arc<str>>,
    /// The base map's tiles, sent to the app with `/site`.
    pub map_tiles: Arc<MapTiles>,
    /// Who may frame `/embed/*`: `frame-ancestors` sources (see `security::embed_ancestors`).
    pub embed_ancestors: Arc<str>,
    /// The portal's public address (`https://binhlieu.quangninh.gov.vn`), for canonical links
    /// and previews; `None` writes them relative. Never taken from a request's headers.
    pub public_url: Option<Arc<str>>,
    /// The address the server listens on, as `http://host:port`: feeds and the sitemap need
    /// absolute links, and name this one when no public address is configured.
    pub listen_origin: Arc<str>,
    /// Lists of articles given again while the content has not changed.
    pub article_answers: Arc<AnswerCache<Paged<ArticleSummary>>>,
    /// Lists of documents, the same way.
    pub document_answers: Arc<AnswerCache<Paged<DocumentSummary>>>,
}

impl AppState {
    pub fn new(pool: Pool) -> Self {
        Self::with_limits(pool, Limits::default())
    }

    pub fn with_limits(pool: Pool, limits: Limits) -> Self {
        Self {
            pool,
            limits: Arc::new(limits),
            rate_limiter: Arc::default(),
            admin_token: None,
            map_tiles: Arc::new(MapTiles::openstreetmap()),
            embed_ancestors: "*".into(),
            public_url: None,
            listen_origin: "http://127.0.0.1:8080".into(),
            article_answers: Arc::new(AnswerCache::new(crate::answer_cache::DEFAULT_ENTRIES)),
            document_answers: Arc::new(AnswerCache::new(crate::answer_cache::DEFAULT_ENTRIES)),
        }
    }

    /// Keeps up to `entries` lists of articles, and as many of documents (`answer_cache`);
    /// none answers every request afresh.
    pub fn with_answer_cache(mut self, entries: usize) -> Self {
        self.article_answers = Arc::new(AnswerCache::new(entries));
        self.document_answers = Arc::new(AnswerCache::new(entries));
        self
    }

    /// The answer `cache` keeps for `key` while the content has not changed since, else
    /// `compute`'s, kept. `key` holds everything the answer depends on besides the content.
    pub async fn kept_answer<T, F>(
        &self,
        cache: &AnswerCache<T>,
        key: String,
        compute: F,
    ) -> Result<Arc<T>, AppError>
    where
        T: Send + Sync + 'static,
        F: FnOnce(&mut Conn) -> Result<Arc<T>, AppError> + Send + 'static,
    {
        if !cache.is_on() {
            return self.db(compute).await;
        }
        let generation = self
            .db(|conn| Ok(store::content_generation::current(conn)?))
            .await?;
        if let Some(answer) = cache.get(&key, generation) {
            return Ok(answer);
        }
        // After a change every popular list misses at once: one request computes each, and
        // the others asking for it meanwhile wait for its answer instead of computing it again.
        let _turn = cache.turn(&key).await;
        if let Some(answer) = cache.get(&key, generation) {
            return Ok(answer);
        }
        let answer = self.db(compute).await?;
        cache.put(key, generation, answer.clone());
        Ok(answer)
    }

    /// The portal's absolute address for documents that need one (feeds, the sitemap).
    pub fn site_origin(&self) -> String {
        self.public_url
            .as_deref()
            .unwrap_or(&self.listen_origin)
            .to_string()
    }

    /// The address the server listens on (`http://127.0.0.1:8080`).
    pub fn with_listen_origin(mut self, origin: String) -> Self {
        self.listen_origin = origin.into();
        self
    }

    /// Names the portal's public address (an origin, checked by `security::source_of`).
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = Some(url.trim_end_matches('/').into());
        self
    }

    /// Lets only these sites frame the widgets: sources from `security::embed_ancestors`.
    pub fn with_embed_ancestors(mut self, sources: &str) -> Self {
        self.embed_ancestors = sources.into();
        self
    }

    /// Uses `tiles` for the base map instead of OpenStreetMap's (checked by `tiles::check`).
    pub fn with_map_tiles(mut self, tiles: MapTiles) -> Self {
        self.map_tiles = Arc::new(tiles);
        self
    }

    /// Turns the staff endpoints on, guarded by `token`.
    pub fn with_admin_token(mut self, token: &str) -> Self {
        self.admin_token = Some(token.into());
        self
    }

    /// Counts a request from `client` against `bucket`'s limit; a 429 when it is spent.
    pub async fn rate_limit(&self, bucket: Bucket, client: ClientAddress) -> Result<(), AppError> {
        self.check_limit(bucket, client, true).await
    }

    /// A 429 when `client` has spent `bucket`'s limit, without counting this request.
    pub async fn rate_limit_spent(
        &self,
        bucket: Bucket,
        client: ClientAddress,
    ) -> Result<(), AppError> {
        self.check_limit(bucket, client, false).await
    }

    /// On PostgreSQL the counts are kept in the database, shared by every replica; on SQLite,
    /// with one process, in its memory.
    async fn check_limit(
        &self,
        bucket: Bucket,
        client: ClientAddress,
        count: bool,
    ) -> Result<(), AppError> {
        let limit = self.limit(bucket);
        let refusal = match self.pool.engine() {
            Engine::Sqlite if count => {
                self.rate_limiter
                    .check(bucket, client.0, limit, Instant::now())
            }
            Engine::Sqlite => self
                .rate_limiter
                .spent(bucket, client.0, limit, Instant::now()),
            Engine::Postgres => {
                let (bucket, client) = shared_key(bucket, client);
                self.db(move |conn| {
                    let now = now_ms();
                    Ok(if count {
                        store::rate_limits::check(conn, &bucket, &client, limit, now)?
                    } else {
                        store::rate_limits::spent(conn, &bucket, &client, limit, now)?
                    })
                })
                .await?
            }
        };
        refusal.map_err(AppError::TooManyRequests)
    }

    fn limit(&self, bucket: Bucket) -> crate::limits::RateLimit {
        match bucket {
            Bucket::Visits => self.limits.visits,
            Bucket::Feedback => self.limits.feedback,
            Bucket::StaffAuthFailures => self.limits.staff_auth_failures,
            Bucket::StaffSignInFailures => self.limits.staff_sign_in_failures,
            Bucket::Ratings => self.limits.ratings,
            Bucket::FeedbackLookups => self.limits.feedback_lookups,
        }
    }

    /// Runs `work` on a pooled connection off the async threads: both engines' calls block.
    pub async fn db<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conn) -> Result<T, AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get()?;
            work(&mut conn)
        })
        .await?
    }
}

/// The bucket's and the client's names as the shared limits store them.
fn shared_key(bucket: Bucket, client: ClientAddress) -> (String, String) {
    let client = client
        .0
        .map_or_else(|| "unknown".to_string(), |ip| limit_key(ip).to_string());
    (format!("{bucket:?}"), client)
}

/// Wall-clock milliseconds: replicas on different machines share the windows.
fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The client's address: the connection's peer, or behind a reverse proxy the address the
/// proxy appended to `X-Forwarded-For`. `None` only when neither is known (in-process tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.limits.behind_proxy {
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .filter_map(|hop| hop.trim().parse::<IpAddr>().ok())
                .next_back();
            if forwarded.is_some() {
                return Ok(Self(forwarded));
            }
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        Ok(Self(peer))
    }
}
