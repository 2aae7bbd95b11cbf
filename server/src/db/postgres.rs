//! PostgreSQL: one database shared by any number of server replicas.

use std::time::Duration;

use ::postgres::types::{ToSql, Type};
use ::postgres::{Client, Config, NoTls};

use super::{params, Result, ToParam};

pub type Pool = r2d2::Pool<Manager>;

/// Schema changes in order; `schema_migrations` records which have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_init.sql"),
    include_str!("../../migrations/postgres/0002_staff.sql"),
    include_str!("../../migrations/postgres/0003_editorial.sql"),
    include_str!("../../migrations/postgres/0004_documents.sql"),
    include_str!("../../migrations/postgres/0005_questions.sql"),
    include_str!("../../migrations/postgres/0006_procedures.sql"),
    include_str!("../../migrations/postgres/0007_english.sql"),
    include_str!("../../migrations/postgres/0008_marked_search.sql"),
    include_str!("../../migrations/postgres/0009_content_generation.sql"),
    include_str!("../../migrations/postgres/0010_document_generation.sql"),
    include_str!("../../migrations/postgres/0011_document_facets.sql"),
];

/// Any one statement's limit: a request's whole budget is 10 s, and a stuck statement must
/// end as an error inside it rather than hold its connection.
const STATEMENT_TIMEOUT: Duration = Duration::from_secs(8);

/// Replicas that start together take this lock to migrate and seed one after another.
pub(super) const STARTUP_LOCK: i64 = 0x706f_7274_616c; // "portal"

/// Opens a pool on the database at `url` and brings its schema up to date.
pub fn open(url: &str) -> Result<Pool> {
    let mut config: Config = url.parse()?;
    config
        .connect_timeout(super::CONNECTION_WAIT)
        .application_name("portal-server")
        .options(&format!(
            "-c statement_timeout={} -c lock_timeout={}",
            STATEMENT_TIMEOUT.as_millis(),
            STATEMENT_TIMEOUT.as_millis()
        ));
    let manager = Manager { config };
    let pool = r2d2::Pool::builder()
        .max_size(16)
        .min_idle(Some(1))
        .connection_timeout(super::CONNECTION_WAIT)
        .build(manager)?;
    migrate(&mut *pool.get()?)?;
    Ok(pool)
}

/// Opens and checks the pool's connections.
#[derive(Debug)]
pub struct Manager {
    config: Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgClient;
    type Error = ::postgres::Error;

    fn connect(&self) -> Result<PgClient, Self::Error> {
        Ok(PgClient(Some(self.config.connect(NoTls)?)))
    }

    fn is_valid(&self, client: &mut PgClient) -> Result<(), Self::Error> {
        client.simple_query("").map(drop)
    }

    fn has_broken(&self, client: &mut PgClient) -> bool {
        client.is_closed()
    }
}

/// A client that may be dropped anywhere. The synchronous client closes its connection on a
/// runtime of its own, which cannot run inside an async task (a pool dropped there would
/// abort the process); there, it is closed on a thread of its own.
pub struct PgClient(Option<Client>);

impl std::ops::Deref for PgClient {
    type Target = Client;
    fn deref(&self) -> &Client {
        self.0.as_ref().expect("a client until dropped")
    }
}

impl std::ops::DerefMut for PgClient {
    fn deref_mut(&mut self) -> &mut Client {
        self.0.as_mut().expect("a client until dropped")
    }
}

impl Drop for PgClient {
    fn drop(&mut self) {
        if let Some(client) = self.0.take() {
            if tokio::runtime::Handle::try_current().is_ok() {
                std::thread::spawn(move || drop(client));
            }
        }
    }
}

fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&STARTUP_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let applied: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
            &[],
        )?
        .get(0);
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[&(index as i64 + 1)],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// `sql` with SQLite's `?N` parameters written as PostgreSQL's `$N`. The store's statements
/// hold no `?` inside quotes, which is all this needs to know.
fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut in_quotes = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                in_quotes = !in_quotes;
                out.push(c);
            }
            '?' if !in_quotes => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn query(
    client: &mut Client,
    sql: &str,
    params: &[&dyn ToParam],
) -> Result<Vec<::postgres::Row>> {
    let bound = params::postgres(params);
    Ok(client.query_typed(&placeholders(sql), &typed(&bound))?)
}

pub(super) fn execute(client: &mut Client, sql: &str, params: &[&dyn ToParam]) -> Result<u64> {
    let bound = params::postgres(params);
    let mut rows = client.query_typed_raw(&placeholders(sql), typed(&bound))?;
    while ::postgres::fallible_iterator::FallibleIterator::next(&mut rows)?.is_some() {}
    Ok(rows.rows_affected().unwrap_or(0))
}

/// The bound parameters as the client takes them: each value with its type.
fn typed<'a>(
    bound: &'a [(Box<dyn ToSql + Sync + 'a>, Type)],
) -> Vec<(&'a (dyn ToSql + Sync), Type)> {
    bound
        .iter()
        .map(|(value, kind)| (value.as_ref() as &(dyn ToSql + Sync), kind.clone()))
        .collect()
}

/// Whether `err` means the server cannot be reached now, rather than that the statement
/// is wrong: the connection is gone, or the server is starting, stopping or overloaded.
pub(super) fn is_unavailable(err: &::postgres::Error) -> bool {
    use std::error::Error as _;
    if err.is_closed() {
        return true;
    }
    if let Some(db) = err.as_db_error() {
        let code = db.code().code();
        // 08: connection exceptions; 53: insufficient resources; 57: operator intervention
        // (shutdown, cannot connect now, statement timeout).
        return code.starts_with("08") || code.starts_with("53") || code.starts_with("57");
    }
    err.source()
        .is_some_and(|source| source.is::<std::io::Error>())
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn numbered_parameters_become_dollars_outside_quotes() {
        assert_eq!(
            placeholders("SELECT '?' , x FROM t WHERE a = ?1 AND (?2 IS NULL OR b = ?2)"),
            "SELECT '?' , x FROM t WHERE a = $1 AND ($2 IS NULL OR b = $2)"
        );
    }
}
