//! The database: SQLite (one file, the default) or PostgreSQL (shared by any number of
//! replicas), behind one connection type.
//!
//! The store writes each statement once, in the SQL both engines understand: parameters as
//! `?1`, `?2` (rewritten to `$1`, `$2` for PostgreSQL), integers as 64-bit, times as RFC 3339
//! text, truth values as 0 and 1. Only search (`store::articles`) and a few settings of the
//! engine itself differ, and they ask `Conn::engine`.

pub mod copy;
mod params;
pub mod postgres;
mod row;
pub mod sqlite;

use std::time::Duration;

pub use params::{Param, ParamKind, ToParam};
pub use row::{FromColumn, Row};

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Where the database is: a SQLite file, or a PostgreSQL server's URL.
#[derive(Debug, Clone)]
pub enum Location {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Postgres(::postgres::Error),
    /// The database cannot be reached now (PostgreSQL down, no free connection in time): the
    /// request may succeed later, so it is answered 503 rather than 500.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// A stored value that does not read as the type asked for: a corrupt row.
    #[error("column {index}: {message}")]
    Column { index: usize, message: String },
    /// A query for one row found none.
    #[error("no row")]
    NoRow,
    /// A text parameter holds a NUL character, which PostgreSQL cannot store or compare;
    /// refused on both engines alike, so that both answer the same (a 400).
    #[error("text may not contain the NUL character")]
    NulInText,
}

impl From<::postgres::Error> for Error {
    fn from(err: ::postgres::Error) -> Self {
        if postgres::is_unavailable(&err) {
            Error::Unavailable(err.to_string())
        } else {
            Error::Postgres(err)
        }
    }
}

impl From<r2d2::Error> for Error {
    fn from(err: r2d2::Error) -> Self {
        Error::Unavailable(err.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A stored text that does not parse as what it should hold.
pub(crate) fn bad_column(index: usize, err: impl std::fmt::Display) -> Error {
    Error::Column {
        index,
        message: err.to_string(),
    }
}

/// A pool of connections to one database; cheap to clone.
#[derive(Clone)]
pub enum Pool {
    Sqlite(sqlite::Pool),
    Postgres(postgres::Pool),
}

/// How long a request waits for a free connection before it is answered 503: well inside
/// the request's 10 s budget.
pub const CONNECTION_WAIT: Duration = Duration::from_secs(3);

impl Pool {
    /// A connection from the pool; `Error::Unavailable` when none comes in `CONNECTION_WAIT`.
    pub fn get(&self) -> Result<Conn> {
        Ok(match self {
            Pool::Sqlite(pool) => Conn::Sqlite(pool.get()?),
            Pool::Postgres(pool) => Conn::Postgres(pool.get()?),
        })
    }

    pub fn engine(&self) -> Engine {
        match self {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// How many connections are open and how many of them idle.
    pub fn state(&self) -> r2d2::State {
        match self {
            Pool::Sqlite(pool) => pool.state(),
            Pool::Postgres(pool) => pool.state(),
        }
    }
}

/// Opens the database at `location` and brings its schema up to date. PostgreSQL that
/// cannot be reached is an `Error::Unavailable` the caller may wait out.
pub fn open(location: &Location) -> Result<Pool> {
    match location {
        Location::Sqlite(path) => sqlite::open(path).map(Pool::Sqlite),
        Location::Postgres(url) => postgres::open(url).map(Pool::Postgres),
    }
}

/// One connection, of either engine.
pub enum Conn {
    Sqlite(r2d2::PooledConnection<r2d2_sqlite::SqliteConnectionManager>),
    Postgres(r2d2::PooledConnection<postgres::Manager>),
}

impl Conn {
    pub fn engine(&self) -> Engine {
        match self {
            Conn::Sqlite(_) => Engine::Sqlite,
            Conn::Postgres(_) => Engine::Postgres,
        }
    }

    /// Readies this connection for writing a whole search index (`reindex`, the benchmarks'
    /// synthetic articles): on SQLite, a 256 MB page cache, so that the index's pages,
    /// rewritten as it grows, stay in memory rather than spill to the write-ahead log
    /// (20,000 articles reindexed in 13.7 s against 15.8 s with the default cache).
    /// PostgreSQL's cache is the server's.
    pub fn prepare_for_bulk_indexing(&mut self) -> Result<()> {
        match self.engine() {
            Engine::Sqlite => self.execute_batch("PRAGMA cache_size = -262144"),
            Engine::Postgres => Ok(()),
        }
    }

    /// Runs `sql` for its effect; returns how many rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[&dyn ToParam]) -> Result<u64> {
        params::refuse_nul(params)?;
        match self {
            Conn::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                Ok(statement.execute(rusqlite::params_from_iter(params::sqlite(params)))? as u64)
            }
            Conn::Postgres(client) => postgres::execute(client, sql, params),
        }
    }

    /// Every row `sql` answers, each read by `read`.
    pub fn query<T>(
        &mut self,
        sql: &str,
        params: &[&dyn ToParam],
        mut read: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        params::refuse_nul(params)?;
        match self {
            Conn::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql)?;
                let mut rows =
                    statement.query(rusqlite::params_from_iter(params::sqlite(params)))?;
                let mut out = Vec::new();
                while let Some(row) = rows.next()? {
                    out.push(read(&Row::Sqlite(row))?);
                }
                Ok(out)
            }
            Conn::Postgres(client) => postgres::query(client, sql, params)?
                .iter()
                .map(|row| read(&Row::Postgres(row)))
                .collect(),
        }
    }

    /// The first row `sql` answers, if any.
    pub fn query_opt<T>(
        &mut self,
        sql: &str,
        params: &[&dyn ToParam],
        read: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        // Statements asked for one row select one (by key, or an aggregate).
        Ok(self.query(sql, params, read)?.into_iter().next())
    }

    /// The one row `sql` answers; `Error::NoRow` without one.
    pub fn query_one<T>(
        &mut self,
        sql: &str,
        params: &[&dyn ToParam],
        read: impl FnMut(&Row<'_>) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, params, read)?.ok_or(Error::NoRow)
    }

    /// Runs several statements without parameters (schema changes, engine settings).
    pub fn execute_batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Conn::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Conn::Postgres(client) => Ok(client.batch_execute(sql)?),
        }
    }

    /// Runs `work` in a transaction: committed when it succeeds, rolled back when it fails.
    /// On SQLite the transaction takes the write lock at once (`BEGIN IMMEDIATE`), so a read
    /// followed by a write in it cannot be overtaken by another writer.
    pub fn transaction<T, E: From<Error>>(
        &mut self,
        work: impl FnOnce(&mut Conn) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let begin = match self.engine() {
            Engine::Sqlite => "BEGIN IMMEDIATE",
            Engine::Postgres => "BEGIN",
        };
        self.execute_batch(begin)?;
        match work(self) {
            Ok(value) => {
                self.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(err) => {
                // The connection may be gone; the error that matters is the first one.
                let _ = self.execute_batch("ROLLBACK");
                Err(err)
            }
        }
    }

    /// The SQLite connection itself, for what only SQLite has (FTS5, pragmas).
    pub fn as_sqlite(&mut self) -> Option<&mut rusqlite::Connection> {
        match self {
            Conn::Sqlite(conn) => Some(conn),
            Conn::Postgres(_) => None,
        }
    }

    /// Runs `work` holding the startup lock: replicas that start together on one PostgreSQL
    /// database clean and seed it one after another, so an empty one is seeded once.
    pub fn with_startup_lock<T, E: From<Error>>(
        &mut self,
        work: impl FnOnce(&mut Conn) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.engine() == Engine::Sqlite {
            return work(self);
        }
        let key = postgres::STARTUP_LOCK;
        self.query_one(
            "SELECT 1 FROM (SELECT pg_advisory_lock(?1)) AS locked",
            &[&key],
            |_| Ok(()),
        )?;
        let result = work(self);
        self.query_one("SELECT pg_advisory_unlock(?1)", &[&key], |_| Ok(()))?;
        result
    }

    /// Answers whether the database answers: `/healthz`.
    pub fn ping(&mut self) -> Result<()> {
        self.query_one("SELECT 1", &[], |row| row.get::<i64>(0))
            .map(drop)
    }
}
