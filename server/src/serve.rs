//! Accepting connections, with bounds on what a connection can hold: a client must send its
//! request headers within `header_read_timeout`, counted from the moment it connects (a
//! client that connects and says nothing is closed too) and again after each answer (a
//! kept-alive connection left idle is closed); at most `max_connections` are open at once,
//! and at most `max_connections_per_address` from one address (one client cannot take them
//! all). `axum::serve` offers neither.
//!
//! HTTP/1.1 only: browsers reach the portal through HTTP/1.1 here, or through a reverse proxy
//! or CDN that speaks HTTP/2 or 3 to them; serving cleartext HTTP/2 as well would mean reading
//! each connection's first bytes before any timeout applies.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Time to send a request's headers, from the connection's first byte or from the end of
    /// the previous answer on a kept-alive connection.
    pub header_read_timeout: Duration,
    pub max_connections: usize,
    /// Open connections from one address (an IPv6 client by its /64); `None` behind a
    /// reverse proxy, where every connection comes from the proxy.
    pub max_connections_per_address: Option<usize>,
    /// How long open requests may finish after a shutdown signal.
    pub shutdown_grace: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            // A phone on a poor signal sends a few hundred bytes of headers in well under this.
            header_read_timeout: Duration::from_secs(10),
            max_connections: 4096,
            // A carrier's NAT can put many phones behind one address: generous.
            max_connections_per_address: Some(256),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets open requests finish
/// (within `shutdown_grace`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let graceful = GracefulShutdown::new();
    let open = Arc::new(Semaphore::new(limits.max_connections));
    let per_address = Arc::new(OpenPerAddress::default());
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors, say: wait a little rather than spin.
                    tracing::warn!(%err, "accepting a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(place) = open.clone().try_acquire_owned() else {
            tracing::warn!("too many open connections: one closed");
            continue;
        };
        let Some(address_place) = per_address.take(peer.ip(), limits.max_connections_per_address)
        else {
            tracing::debug!("too many open connections from one address: one closed");
            continue;
        };
        // Files go out as headers, then body chunks: without this, Nagle's algorithm holds a
        // small last write until the client's delayed ACK, about 40 ms a response.
        if let Err(err) = stream.set_nodelay(true) {
            tracing::debug!(%err, "TCP_NODELAY not set");
        }
        let service =
            router
                .clone()
                .map_request(move |mut request: axum::http::Request<Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    request
                });
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%err, "connection closed with an error");
            }
            drop((place, address_place));
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still open at shutdown were cut off");
    }
}

/// Connections open per client address.
#[derive(Default)]
struct OpenPerAddress {
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One open connection counted against its address; closing it (dropping this) gives the
/// place back.
struct AddressPlace {
    counts: Arc<OpenPerAddress>,
    address: IpAddr,
}

impl OpenPerAddress {
    fn take(self: &Arc<Self>, address: IpAddr, max: Option<usize>) -> Option<Option<AddressPlace>> {
        let Some(max) = max else {
            return Some(None);
        };
        let address = crate::limits::limit_key(address);
        let mut open = self
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = open.entry(address).or_default();
        if *count >= max {
            return None;
        }
        *count += 1;
        Some(Some(AddressPlace {
            counts: self.clone(),
            address,
        }))
    }
}

impl Drop for AddressPlace {
    fn drop(&mut self) {
        let mut open = self
            .counts
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}
