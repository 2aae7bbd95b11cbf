//! Bounds on what one request, and one client, can ask of the server.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Limits {
    /// Larger request bodies get a 413 before they are read.
    pub max_body_bytes: usize,
    /// An API request that takes longer gets a 503.
    pub request_timeout: Duration,
    /// API requests in progress at once; more wait their turn, within `request_timeout`.
    pub max_concurrent_requests: usize,
    pub visits: RateLimit,
    pub feedback: RateLimit,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a reverse
    /// proxy, every request comes from the proxy's own address).
    pub behind_proxy: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: portal_contract::limits::MAX_BODY_BYTES,
            request_timeout: Duration::from_secs(10),
            max_concurrent_requests: 64,
            // Generous: one mobile carrier address can stand for many citizens.
            visits: RateLimit {
                count: 120,
                per: Duration::from_secs(60),
            },
            feedback: RateLimit {
                count: 5,
                per: Duration::from_secs(600),
            },
            behind_proxy: false,
        }
    }
}

/// At most `count` requests in any window of `per`.
#[derive(Debug, Clone, Copy)]
pub struct RateLimit {
    pub count: usize,
    pub per: Duration,
}

/// Which limit a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bucket {
    Visits,
    Feedback,
}

/// Sliding-window counters per client address, in memory: a restart forgets them, which
/// errs on the side of letting citizens through.
#[derive(Debug, Default)]
pub struct RateLimiter {
    recent: Mutex<HashMap<(Bucket, Option<IpAddr>), RequestTimes>>,
}

/// When a client's requests in the current window arrived, oldest first.
type RequestTimes = VecDeque<Instant>;

/// Entries beyond which stale clients are swept out, bounding the memory a scan can take.
const SWEEP_ABOVE: usize = 10_000;

impl RateLimiter {
    /// Counts one request; `Err(seconds)` says how long until the client may try again.
    pub fn check(
        &self,
        bucket: Bucket,
        client: Option<IpAddr>,
        limit: RateLimit,
        now: Instant,
    ) -> Result<(), u64> {
        let mut recent = self
            .recent
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if recent.len() > SWEEP_ABOVE {
            recent.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|last| now.duration_since(*last) < limit.per)
            });
        }
        let times = recent.entry((bucket, client)).or_default();
        while times
            .front()
            .is_some_and(|first| now.duration_since(*first) >= limit.per)
        {
            times.pop_front();
        }
        if times.len() >= limit.count {
            let oldest = *times.front().expect("the window is full, so not empty");
            let wait = limit.per.saturating_sub(now.duration_since(oldest));
            return Err(wait.as_secs().max(1));
        }
        times.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_count_per_window_per_client() {
        let limiter = RateLimiter::default();
        let limit = RateLimit {
            count: 2,
            per: Duration::from_secs(600),
        };
        let start = Instant::now();
        let a = Some("10.0.0.1".parse().unwrap());
        let b = Some("10.0.0.2".parse().unwrap());
        assert!(limiter.check(Bucket::Feedback, a, limit, start).is_ok());
        assert!(limiter
            .check(Bucket::Feedback, a, limit, start + Duration::from_secs(60))
            .is_ok());
        assert_eq!(
            limiter.check(Bucket::Feedback, a, limit, start + Duration::from_secs(120)),
            Err(480)
        );
        assert!(limiter
            .check(Bucket::Feedback, b, limit, start + Duration::from_secs(120))
            .is_ok());
        assert!(limiter
            .check(Bucket::Visits, a, limit, start + Duration::from_secs(120))
            .is_ok());
        // The first request leaves the window after ten minutes.
        assert!(limiter
            .check(Bucket::Feedback, a, limit, start + Duration::from_secs(600))
            .is_ok());
    }
}
