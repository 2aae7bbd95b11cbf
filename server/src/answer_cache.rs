//! Lists kept in memory: the answers to the searches and pages that many readers ask again
//! (`quoc phong` after a news story, page 1 of a category, `qd` in the documents library),
//! given again without ranking thousands of hits. An answer is kept under the content's
//! generation (`store::content_generation`, which the database's triggers move on every change
//! to the articles, the categories or the documents, whichever server made it), so no reader
//! ever gets an answer older than the content they could read elsewhere. The least recently
//! asked answers go first. `AppState::kept_answer` is how a handler uses one.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lru::LruCache;
use portal_contract::documents::DocumentSummary;
use portal_contract::{ArticleSummary, Paged};

/// How many answers a server keeps by default: a few tens of megabytes at most.
pub const DEFAULT_ENTRIES: usize = 2000;

/// No answer is kept longer than the API lets a browser keep it (`http_cache`): anything an
/// answer depends on besides the articles and categories (a rebuilt search index) shows within
/// that time too.
const LIFETIME: Duration = Duration::from_secs(60);

pub type ArticleList = Arc<Paged<ArticleSummary>>;
pub type DocumentList = Arc<Paged<DocumentSummary>>;

/// How many lists may be ranked at once (`turn`): lists whose keys share a turn wait for
/// each other, which bounds the waiting without a lock per key.
const TURNS: usize = 64;

/// Answers of type `T`, one cache per kind of list (`AppState`): their keys are the lists'
/// own queries.
pub struct AnswerCache<T> {
    /// `None`: switched off (`--answer-cache 0`), every request is answered afresh.
    entries: Option<Mutex<LruCache<String, Entry<T>>>>,
    turns: Vec<tokio::sync::Mutex<()>>,
    /// How many answers were computed and kept: what the cache could not spare.
    computed: AtomicU64,
}

struct Entry<T> {
    generation: i64,
    stored: Instant,
    answer: Arc<T>,
}

impl<T> AnswerCache<T> {
    /// A cache of up to `entries` answers; none keeps nothing.
    pub fn new(entries: usize) -> Self {
        Self {
            entries: NonZeroUsize::new(entries).map(|size| Mutex::new(LruCache::new(size))),
            turns: (0..TURNS).map(|_| tokio::sync::Mutex::new(())).collect(),
            computed: AtomicU64::new(0),
        }
    }

    /// Waits until no other request is computing the answer for `key` (nor for a key that
    /// shares its turn); the turn lasts as long as the guard.
    pub async fn turn(&self, key: &str) -> tokio::sync::MutexGuard<'_, ()> {
        let mut hasher = DefaultHasher::new();
        key.hash(&mut hasher);
        self.turns[(hasher.finish() % TURNS as u64) as usize]
            .lock()
            .await
    }

    /// How many answers have been computed and kept since the server started.
    pub fn computed(&self) -> u64 {
        self.computed.load(Ordering::Relaxed)
    }

    pub fn is_on(&self) -> bool {
        self.entries.is_some()
    }

    /// The answer kept for `key`, if it was computed under `generation` and is fresh.
    pub fn get(&self, key: &str, generation: i64) -> Option<Arc<T>> {
        let mut entries = self.entries.as_ref()?.lock().ok()?;
        let entry = entries.get(key)?;
        (entry.generation == generation && entry.stored.elapsed() < LIFETIME)
            .then(|| entry.answer.clone())
    }

    /// Keeps `answer`, computed for `key` under `generation`.
    pub fn put(&self, key: String, generation: i64, answer: Arc<T>) {
        let Some(entries) = &self.entries else {
            return;
        };
        self.computed.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut entries) = entries.lock() {
            entries.put(
                key,
                Entry {
                    generation,
                    stored: Instant::now(),
                    answer,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(total: u64) -> ArticleList {
        Arc::new(Paged {
            items: Vec::new(),
            page: 1,
            per_page: 10,
            total,
            more_than_total: false,
        })
    }

    #[test]
    fn an_answer_is_given_again_only_under_its_generation() {
        let cache = AnswerCache::new(2);
        cache.put("q=a".into(), 7, answer(1));
        assert_eq!(cache.get("q=a", 7).map(|a| a.total), Some(1));
        assert!(cache.get("q=a", 8).is_none(), "the content changed since");
        assert!(cache.get("q=b", 7).is_none());
    }

    #[test]
    fn the_least_recently_asked_answer_goes_first() {
        let cache = AnswerCache::new(2);
        cache.put("a".into(), 1, answer(1));
        cache.put("b".into(), 1, answer(2));
        cache.get("a", 1);
        cache.put("c".into(), 1, answer(3));
        assert!(cache.get("a", 1).is_some());
        assert!(cache.get("b", 1).is_none());
        assert!(cache.get("c", 1).is_some());
    }

    #[test]
    fn switched_off_it_keeps_nothing() {
        let cache = AnswerCache::new(0);
        assert!(!cache.is_on());
        cache.put("a".into(), 1, answer(1));
        assert!(cache.get("a", 1).is_none());
    }
}
