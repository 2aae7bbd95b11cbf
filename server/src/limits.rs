//! Bounds on what one request, and one client, can ask of the server.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Limits {
    /// Larger request bodies get a 413 before they are read.
    pub max_body_bytes: usize,
    /// An API request that takes longer gets a 503 (for a write, counted once its body has
    /// arrived).
    pub request_timeout: Duration,
    /// How long a write's body may take to arrive; a slower one gets a 408. Bodies are read
    /// before the request takes a place among the writes, so slow senders hold none.
    pub body_deadline: Duration,
    /// Reads (GET, HEAD) in progress at once; more wait their turn, within `request_timeout`.
    pub max_concurrent_reads: usize,
    /// Writes in progress at once, a budget of their own: writes waiting for the database's
    /// lock never keep readers waiting.
    pub max_concurrent_writes: usize,
    pub visits: RateLimit,
    pub feedback: RateLimit,
    /// Wrong staff tokens; past this, every staff request from the address gets a 429.
    pub staff_auth_failures: RateLimit,
    /// Failed staff sign-ins (a wrong username or password); past this, sign-ins from the
    /// address get a 429. Counted apart from wrong tokens: each is guessed alone.
    pub staff_sign_in_failures: RateLimit,
    /// "Was this useful?" answers; a reader gives one a page, so a flood is not a reader.
    pub ratings: RateLimit,
    /// Look-ups of feedback by reference and contact: a citizen makes a few, and a limit
    /// keeps anyone from trying references and contacts at scale.
    pub feedback_lookups: RateLimit,
    /// Take the client's address from the last `X-Forwarded-For` entry (behind a reverse
    /// proxy, every request comes from the proxy's own address).
    pub behind_proxy: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: portal_contract::limits::MAX_BODY_BYTES,
            request_timeout: Duration::from_secs(10),
            // A feedback form is a few kilobytes: seconds even on a poor mobile signal.
            body_deadline: Duration::from_secs(10),
            max_concurrent_reads: 64,
            max_concurrent_writes: 16,
            // Generous: one mobile carrier address can stand for many citizens.
            visits: RateLimit {
                count: 120,
                per: Duration::from_secs(60),
            },
            feedback: RateLimit {
                count: 5,
                per: Duration::from_secs(600),
            },
            staff_auth_failures: RateLimit {
                count: 10,
                per: Duration::from_secs(600),
            },
            staff_sign_in_failures: RateLimit {
                count: 10,
                per: Duration::from_secs(600),
            },
            ratings: RateLimit {
                count: 30,
                per: Duration::from_secs(600),
            },
            feedback_lookups: RateLimit {
                count: 20,
                per: Duration::from_secs(60),
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
    /// Wrong staff tokens: counted per address, so a token cannot be guessed.
    StaffAuthFailures,
    /// Failed sign-ins: counted per address, so a password cannot be guessed.
    StaffSignInFailures,
    Ratings,
    FeedbackLookups,
}

/// The address a limit counts against: an IPv6 client by its /64, which one household or one
/// phone usually holds whole (counting single addresses would let it rotate through 2^64), an
/// IPv4-mapped address as the IPv4 address it is.
pub fn limit_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(std::net::Ipv6Addr::from(
                u128::from(v6) & !((1u128 << 64) - 1),
            )),
        },
    }
}

/// Sliding-window counters per client address, in memory: a restart forgets them, which
/// errs on the side of letting citizens through.
#[derive(Debug, Default)]
pub struct RateLimiter {
    state: Mutex<Windows>,
}

#[derive(Debug, Default)]
struct Windows {
    recent: HashMap<(Bucket, Option<IpAddr>), Window>,
    /// When stale clients were last swept out: at most once a second, so a server with more
    /// active clients than `SWEEP_ABOVE` does not scan them all on every request.
    last_sweep: Option<Instant>,
}

/// One client's requests against one bucket, and the length of that bucket's window: each
/// entry is swept by its own window, never by the window of the request that set off the
/// sweep (a visit's minute must not forget a ten-minute feedback refusal).
#[derive(Debug)]
struct Window {
    per: Duration,
    /// When the requests in the current window arrived, oldest first.
    times: VecDeque<Instant>,
}

impl Window {
    /// Seconds until one more request fits, when `limit` is spent within the window that
    /// ends `now`; times older than the window do not count.
    fn full_for(&self, limit: RateLimit, now: Instant) -> Option<u64> {
        let mut in_window = self
            .times
            .iter()
            .skip_while(|time| now.saturating_duration_since(**time) >= limit.per);
        let Some(oldest) = in_window.next().copied() else {
            // A limit of none (a server configured to refuse) is always spent.
            return (limit.count == 0).then(|| seconds_to_wait(limit.per));
        };
        (1 + in_window.count() >= limit.count).then(|| {
            seconds_to_wait(
                limit
                    .per
                    .saturating_sub(now.saturating_duration_since(oldest)),
            )
        })
    }

    fn is_over(&self, now: Instant) -> bool {
        self.times
            .back()
            .is_none_or(|last| now.duration_since(*last) >= self.per)
    }
}

/// Whole seconds, rounded up: a client that waits as long as it is told must get through.
fn seconds_to_wait(wait: Duration) -> u64 {
    wait.as_millis().div_ceil(1000).max(1) as u64
}

/// Entries beyond which stale clients are swept out, bounding the memory a scan can take.
const SWEEP_ABOVE: usize = 10_000;
const SWEEP_EVERY: Duration = Duration::from_secs(1);

impl RateLimiter {
    /// Counts one request; `Err(seconds)` says how long until the client may try again.
    pub fn check(
        &self,
        bucket: Bucket,
        client: Option<IpAddr>,
        limit: RateLimit,
        now: Instant,
    ) -> Result<(), u64> {
        let client = client.map(limit_key);
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let Windows { recent, last_sweep } = &mut *state;
        let swept_lately =
            last_sweep.is_some_and(|last| now.saturating_duration_since(last) < SWEEP_EVERY);
        if recent.len() > SWEEP_ABOVE && !swept_lately {
            recent.retain(|_, window| !window.is_over(now));
            *last_sweep = Some(now);
        }
        let window = recent.entry((bucket, client)).or_insert_with(|| Window {
            per: limit.per,
            times: VecDeque::new(),
        });
        window.per = limit.per;
        // Times past the window are dropped here, where the window is written anyway.
        while window
            .times
            .front()
            .is_some_and(|first| now.duration_since(*first) >= limit.per)
        {
            window.times.pop_front();
        }
        if let Some(wait) = window.full_for(limit, now) {
            return Err(wait);
        }
        window.times.push_back(now);
        Ok(())
    }

    /// `Err(seconds)` when the client has spent `limit` already, without counting a request:
    /// checked before work that the limit guards (reading a body, comparing a token).
    pub fn spent(
        &self,
        bucket: Bucket,
        client: Option<IpAddr>,
        limit: RateLimit,
        now: Instant,
    ) -> Result<(), u64> {
        let client = client.map(limit_key);
        let state = self
            .state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match state
            .recent
            .get(&(bucket, client))
            .and_then(|window| window.full_for(limit, now))
        {
            Some(wait) => Err(wait),
            None => Ok(()),
        }
    }

    /// How many client windows are kept.
    pub fn tracked(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .recent
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_count_by_their_64() {
        let limiter = RateLimiter::default();
        let limit = RateLimit {
            count: 1,
            per: Duration::from_secs(600),
        };
        let now = Instant::now();
        let first = Some("2001:db8:1:2:aaaa::1".parse().unwrap());
        let same_64 = Some("2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap());
        let next_64 = Some("2001:db8:1:3::1".parse().unwrap());
        assert!(limiter.check(Bucket::Feedback, first, limit, now).is_ok());
        assert!(limiter
            .check(Bucket::Feedback, same_64, limit, now)
            .is_err());
        assert!(limiter.check(Bucket::Feedback, next_64, limit, now).is_ok());
        let v4 = Some("192.0.2.9".parse().unwrap());
        let mapped = Some("::ffff:192.0.2.9".parse().unwrap());
        assert!(limiter.check(Bucket::Feedback, v4, limit, now).is_ok());
        assert!(limiter.check(Bucket::Feedback, mapped, limit, now).is_err());
    }

    #[test]
    fn spent_looks_without_counting() {
        let limiter = RateLimiter::default();
        let limit = RateLimit {
            count: 2,
            per: Duration::from_secs(60),
        };
        let now = Instant::now();
        let client = Some("192.0.2.1".parse().unwrap());
        for _ in 0..5 {
            assert!(limiter.spent(Bucket::Feedback, client, limit, now).is_ok());
        }
        limiter.check(Bucket::Feedback, client, limit, now).unwrap();
        limiter.check(Bucket::Feedback, client, limit, now).unwrap();
        assert_eq!(
            limiter.spent(
                Bucket::Feedback,
                client,
                limit,
                now + Duration::from_secs(10)
            ),
            Err(50)
        );
        assert!(limiter
            .spent(
                Bucket::Feedback,
                client,
                limit,
                now + Duration::from_secs(60)
            )
            .is_ok());
    }

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

    /// Past `SWEEP_ABOVE` clients a sweep runs; it drops the visit windows that are over and
    /// keeps a feedback refusal whose ten minutes are not.
    #[test]
    fn a_sweep_keeps_each_window_for_its_own_length() {
        let limiter = RateLimiter::default();
        let visits = RateLimit {
            count: 120,
            per: Duration::from_secs(60),
        };
        let feedback = RateLimit {
            count: 1,
            per: Duration::from_secs(600),
        };
        let start = Instant::now();
        let refused = Some("192.0.2.1".parse().unwrap());
        assert!(limiter
            .check(Bucket::Feedback, refused, feedback, start)
            .is_ok());
        assert!(limiter
            .check(Bucket::Feedback, refused, feedback, start)
            .is_err());
        for n in 0..=SWEEP_ABOVE as u32 {
            let visitor = Some(IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + n)));
            assert!(limiter
                .check(Bucket::Visits, visitor, visits, start)
                .is_ok());
        }
        assert_eq!(limiter.tracked(), SWEEP_ABOVE + 2);
        // A minute on, the next visit sets off a sweep: every visit window is over.
        let later = start + Duration::from_secs(61);
        let newcomer = Some("198.51.100.1".parse().unwrap());
        assert!(limiter
            .check(Bucket::Visits, newcomer, visits, later)
            .is_ok());
        assert_eq!(limiter.tracked(), 2, "the refused client and the newcomer");
        assert_eq!(
            limiter.check(Bucket::Feedback, refused, feedback, later),
            Err(539)
        );
        assert!(limiter
            .check(
                Bucket::Feedback,
                refused,
                feedback,
                start + Duration::from_secs(600)
            )
            .is_ok());
    }
}
