use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use portal_contract::MapTiles;
use portal_server::limits::{Limits, RateLimit};
use portal_server::{app, db, import, import_documents, seed, state::AppState, store, synthetic};

/// The district portal's reference API server.
#[derive(Parser)]
#[command(version)]
struct Cli {
    /// SQLite database file (created and seeded on first start), unless --database-url names
    /// a PostgreSQL server.
    #[arg(long, global = true, default_value = "data/portal.db")]
    db: PathBuf,
    /// A PostgreSQL database instead of the SQLite file, for several replicas sharing one:
    /// postgres://user:password@host:5432/portal (or host=/run/postgresql dbname=portal).
    /// The database must exist; its tables are created and seeded on first start.
    #[arg(long, global = true, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The built web app (trunk's output).
    #[arg(long, default_value = "dist")]
    dist: PathBuf,
    /// Visits counted per client address per minute; more get a 429.
    #[arg(long, default_value_t = Limits::default().visits.count)]
    visits_per_minute: usize,
    /// Feedback submissions accepted per client address per ten minutes; more get a 429.
    #[arg(long, default_value_t = Limits::default().feedback.count)]
    feedback_per_10_minutes: usize,
    /// Lists of articles (searches, category pages) kept in memory while the content has not
    /// changed; 0 answers every request afresh.
    #[arg(long, default_value_t = portal_server::answer_cache::DEFAULT_ENTRIES)]
    answer_cache: usize,
    /// Staff's bearer token for `/api/v1/admin/...`; without one those endpoints are off.
    /// Prefer the environment variable: command lines are visible to other users.
    #[arg(long, env = "PORTAL_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Trust the last `X-Forwarded-For` address as the client's (only behind a reverse proxy).
    #[arg(long)]
    behind_proxy: bool,
    /// The base map's tiles: a Leaflet URL template with {z}, {x}, {y} (and {s} for
    /// subdomains). Its host is added to the Content-Security-Policy's img-src.
    #[arg(long, default_value_t = MapTiles::openstreetmap().url_template)]
    map_tile_url: String,
    /// Credit for the tiles, shown on the map as plain text.
    #[arg(long, default_value_t = MapTiles::openstreetmap().attribution)]
    map_attribution: String,
    /// Where the credit links to ("" for no link).
    #[arg(long, default_value_t = MapTiles::openstreetmap().attribution_url.unwrap_or_default())]
    map_attribution_url: String,
    /// The deepest zoom the tile server has.
    #[arg(long, default_value_t = MapTiles::openstreetmap().max_zoom)]
    map_max_zoom: u8,
    /// Sites allowed to show the widgets under /embed/ in a frame: "*" for any, or origins
    /// such as "https://quangninh.gov.vn https://*.binhlieu.quangninh.gov.vn". Every other
    /// page refuses to be framed.
    #[arg(long, default_value = "*")]
    embed_allowed_sites: String,
    /// The portal's public address, such as https://binhlieu.quangninh.gov.vn: canonical links
    /// and link previews name it. Without it they are relative (previews in messaging apps
    /// then show no address).
    #[arg(long, env = "PORTAL_PUBLIC_URL")]
    public_url: Option<String>,
    /// Hosts besides the portal's own that article images may come from, such as
    /// "media.quangninh.gov.vn" (spaces or commas between them): kept by the sanitizer on
    /// import and allowed in the Content-Security-Policy's img-src. Other images are dropped.
    #[arg(
        long,
        global = true,
        env = "PORTAL_ALLOWED_IMAGE_HOSTS",
        default_value = ""
    )]
    allowed_image_hosts: String,
    /// Demo content seeded into an empty database.
    #[arg(long, global = true, default_value = "content")]
    content: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Import articles from a JSON array of article inputs (idempotent by slug).
    Import { file: PathBuf },
    /// Import documents (văn bản) and their files from a JSON array (idempotent by slug); the
    /// files' paths are relative to the JSON file and must stay inside its folder.
    ImportDocuments { file: PathBuf },
    /// Add made-up articles for load and search benchmarks.
    Seed {
        /// How many articles to add.
        #[arg(long)]
        synthetic: usize,
    },
    /// Rebuild the search indexes from the articles and the documents.
    Reindex,
    /// Remove the sender's name, email and phone from feedback answered or declined more than
    /// DAYS days ago (a published question keeps its asker's given name).
    PurgeContacts {
        /// Days since the feedback was closed.
        #[arg(long, value_name = "DAYS")]
        older_than: u32,
    },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Copy a SQLite portal whole into the empty PostgreSQL database --database-url names,
    /// then check that every table holds as many rows as the source.
    Migrate {
        /// The SQLite file to copy.
        #[arg(long)]
        from: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; its password is read from standard input (one line), never from the
    /// command line, which other users of the machine can see.
    Add {
        /// Lowercase letters, digits, '.', '_' and '-'.
        username: String,
        /// editor (writes drafts), approver (also publishes) or admin (also manages accounts).
        #[arg(long)]
        role: String,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| {
                "portal_server=info,tower_http=warn,tower_http::trace=info".into()
            }),
        )
        // Colour codes only for a person at a terminal, not in log files or journald.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stdout()))
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("portal-server: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    // Before anything is sanitized (seeding, import) or the policy is built.
    portal_server::sanitize::allow_image_hosts(
        portal_server::sanitize::parse_image_hosts(&cli.allowed_image_hosts)
            .map_err(|e| format!("--allowed-image-hosts: {e}"))?,
    );
    if let Some(Command::Migrate { from }) = &cli.command {
        return migrate(from, cli.database_url.as_deref());
    }
    let location = match &cli.database_url {
        Some(url) => db::Location::Postgres(url.clone()),
        None => db::Location::Sqlite(cli.db.clone()),
    };
    let pool = open_waiting(&location)?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    conn.with_startup_lock(|conn| prepare(conn, &cli.content).map_err(StartError::Message))
        .map_err(|err| err.to_string())?;
    match cli.command {
        Some(Command::Import { file }) => {
            let count = import::import_file(&mut conn, &file).map_err(|e| e.to_string())?;
            println!("imported {count} article(s) from {}", file.display());
            Ok(())
        }
        Some(Command::ImportDocuments { file }) => {
            let count =
                import_documents::import_file(&mut conn, &file).map_err(|e| e.to_string())?;
            println!("imported {count} document(s) from {}", file.display());
            Ok(())
        }
        Some(Command::Seed { synthetic }) => {
            let started = std::time::Instant::now();
            let count = synthetic::add_articles(&mut conn, synthetic).map_err(|e| e.to_string())?;
            println!(
                "added {count} synthetic article(s) in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Some(Command::Reindex) => {
            let started = std::time::Instant::now();
            // One transaction: searches meanwhile read the index as it was until the new one
            // is whole, and a rebuild that fails leaves the old one. It is also twice as fast
            // as a commit per article.
            conn.prepare_for_bulk_indexing()
                .map_err(|e| e.to_string())?;
            let (count, documents) = conn
                .transaction(|tx| {
                    Ok::<_, db::Error>((
                        store::search::rebuild(tx)?,
                        store::document_search::rebuild(tx)?,
                    ))
                })
                .map_err(|e| e.to_string())?;
            println!(
                "indexed {count} article(s) and {documents} document(s) in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Some(Command::PurgeContacts { older_than }) => {
            let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(older_than));
            let cutoff =
                portal_server::clock::stored_text(portal_contract::to_portal_offset(&cutoff));
            let purged = conn
                .transaction(|tx| {
                    let purged = store::feedback::purge_contacts(tx, &cutoff)?;
                    store::audit::record_with_detail(
                        tx,
                        None,
                        Some("cli"),
                        "contacts_purged",
                        &format!("closed before {cutoff}"),
                        Some(&purged.to_string()),
                    )?;
                    Ok::<_, db::Error>(purged)
                })
                .map_err(|e| e.to_string())?;
            println!(
                "removed the contact details of {purged} feedback item(s) closed before {cutoff}"
            );
            Ok(())
        }
        Some(Command::User {
            action: UserCommand::Add { username, role },
        }) => {
            let role = portal_contract::staff::StaffRole::from_code(&role)
                .ok_or_else(|| format!("--role {role:?}: editor, approver or admin"))?;
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .map_err(|e| format!("reading the password: {e}"))?;
            let password = password.trim_end_matches(['\r', '\n']);
            portal_server::staff::add_user(&mut conn, &username, role, password, None, "cli")
                .map_err(|e| e.to_string())?;
            println!("added {username} ({})", role.code());
            Ok(())
        }
        Some(Command::Migrate { .. }) => unreachable!("handled before the database is opened"),
        None => {
            drop(conn);
            let options = ServeOptions {
                addr: cli.addr,
                dist: cli.dist,
                behind_proxy: cli.behind_proxy,
                visits_per_minute: cli.visits_per_minute,
                feedback_per_10_minutes: cli.feedback_per_10_minutes,
                answer_cache: cli.answer_cache,
                admin_token: cli.admin_token,
                embed_allowed_sites: cli.embed_allowed_sites,
                public_url: cli.public_url,
                map_tiles: MapTiles {
                    url_template: cli.map_tile_url,
                    attribution: cli.map_attribution,
                    attribution_url: Some(cli.map_attribution_url).filter(|url| !url.is_empty()),
                    max_zoom: cli.map_max_zoom,
                },
            };
            serve(pool, options)
        }
    }
}

/// Opens the database, waiting while it cannot be reached: a replica started before
/// PostgreSQL (or during its restart) becomes ready when PostgreSQL does, instead of exiting
/// and being restarted in a loop. Any other failure (a wrong password, no such database)
/// ends the start at once.
fn open_waiting(location: &db::Location) -> Result<db::Pool, String> {
    let mut wait = std::time::Duration::from_millis(250);
    loop {
        match db::open(location) {
            Ok(pool) => return Ok(pool),
            Err(db::Error::Unavailable(detail)) => {
                tracing::warn!(%detail, retry_in_ms = wait.as_millis() as u64, "the database cannot be reached yet");
                std::thread::sleep(wait);
                wait = (wait * 2).min(std::time::Duration::from_secs(5));
            }
            Err(err) => {
                return Err(match location {
                    db::Location::Sqlite(path) => format!("database {}: {err}", path.display()),
                    db::Location::Postgres(_) => format!("database: {err}"),
                })
            }
        }
    }
}

/// A failure while the startup lock is held: the lock itself, or what was done under it.
#[derive(Debug, thiserror::Error)]
enum StartError {
    #[error("{0}")]
    Message(String),
    #[error(transparent)]
    Database(#[from] db::Error),
}

/// What every start does before it serves: cleans stored articles under a changed
/// sanitizer, and seeds an empty database from `content`.
fn prepare(conn: &mut db::Conn, content: &std::path::Path) -> Result<(), String> {
    let recleaned = portal_server::sanitize::reclean_stored(conn)
        .map_err(|e| format!("cleaning stored articles: {e}"))?;
    if recleaned > 0 {
        tracing::info!(
            recleaned,
            "stored articles and documents cleaned again under the current sanitizer"
        );
    }
    match seed::seed_if_empty(conn, content).map_err(|e| format!("seeding: {e}"))? {
        seed::Seeded::Articles(count) => {
            tracing::info!(count, content = %content.display(), "seeded demo content")
        }
        seed::Seeded::NoContentFolder => tracing::warn!(
            content = %content.display(),
            "empty database and no content folder: starting without content"
        ),
        seed::Seeded::AlreadyHadContent => {
            let places = seed::seed_map_if_empty(conn, content)
                .map_err(|e| format!("seeding the map: {e}"))?;
            if places > 0 {
                tracing::info!(places, "added the map's places");
            }
            let documents = seed::seed_documents_if_empty(conn, content)
                .map_err(|e| format!("seeding the documents: {e}"))?;
            if documents > 0 {
                tracing::info!(documents, "added the demo documents");
            }
            let questions = seed::seed_questions_if_empty(conn, content)
                .map_err(|e| format!("seeding the questions: {e}"))?;
            if questions > 0 {
                tracing::info!(questions, "added the question fields and demo answers");
            }
            let procedures = seed::seed_procedures_if_empty(conn, content)
                .map_err(|e| format!("seeding the procedures and pages: {e}"))?;
            if procedures > 0 {
                tracing::info!(procedures, "added the procedures, pages and organisation");
            }
            let english = seed::seed_english_if_empty(conn, content)
                .map_err(|e| format!("seeding the English pages: {e}"))?;
            if english > 0 {
                tracing::info!(english, "added the English news and pages");
            }
        }
    }
    let adopted = portal_server::editorial::adopt_published_once(conn)
        .map_err(|e| format!("giving staff a copy of the published articles: {e}"))?;
    if adopted > 0 {
        tracing::info!(adopted, "published articles given a staff copy");
    }
    // In one transaction, as the `reindex` command does.
    let reindexed = conn
        .transaction(store::search::rebuild_if_outdated)
        .map_err(|e| format!("rebuilding the search index: {e}"))?;
    if reindexed > 0 {
        tracing::info!(reindexed, "search index built under its current layout");
    }
    let documents = conn
        .transaction(store::document_search::rebuild_if_outdated)
        .map_err(|e| format!("rebuilding the documents' search index: {e}"))?;
    if documents > 0 {
        tracing::info!(
            documents,
            "documents' search index built under its current layout"
        );
    }
    Ok(())
}

/// `portal-server migrate --from FILE --database-url URL`.
fn migrate(from: &std::path::Path, database_url: Option<&str>) -> Result<(), String> {
    let url = database_url
        .ok_or("migrate copies into PostgreSQL: give --database-url (or DATABASE_URL)")?;
    if !from.is_file() {
        return Err(format!("{}: no such SQLite file", from.display()));
    }
    let source = db::open(&db::Location::Sqlite(from.to_path_buf()))
        .map_err(|e| format!("{}: {e}", from.display()))?;
    let target = open_waiting(&db::Location::Postgres(url.to_string()))?;
    let started = std::time::Instant::now();
    let counts = db::copy::copy_all(
        &mut source.get().map_err(|e| e.to_string())?,
        &mut target.get().map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    for (table, rows) in counts {
        println!("{table:>16}: {rows} row(s), the same as the source");
    }
    println!("copied in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// What `serve` takes from the command line.
struct ServeOptions {
    addr: SocketAddr,
    dist: PathBuf,
    behind_proxy: bool,
    visits_per_minute: usize,
    feedback_per_10_minutes: usize,
    answer_cache: usize,
    admin_token: Option<String>,
    embed_allowed_sites: String,
    map_tiles: MapTiles,
    public_url: Option<String>,
}

fn serve(pool: db::Pool, options: ServeOptions) -> Result<(), String> {
    let ServeOptions {
        addr,
        dist,
        behind_proxy,
        visits_per_minute,
        feedback_per_10_minutes,
        answer_cache,
        admin_token,
        embed_allowed_sites,
        map_tiles,
        public_url,
    } = options;
    let public_url = public_url
        .map(|url| {
            let url = url.trim_end_matches('/').to_string();
            match portal_server::security::source_of(&url) {
                Some(origin) if origin == url => Ok(url),
                _ => Err(format!(
                    "--public-url {url:?} is not an address like https://binhlieu.quangninh.gov.vn"
                )),
            }
        })
        .transpose()?;
    portal_server::tiles::check(&map_tiles)?;
    let embed_ancestors = portal_server::security::embed_ancestors(&embed_allowed_sites)?;
    if !dist.join("index.html").exists() {
        tracing::warn!(dist = %dist.display(), "no index.html: the web app is not built (run `make build`)");
    }
    let defaults = Limits::default();
    let limits = Limits {
        behind_proxy,
        visits: RateLimit {
            count: visits_per_minute,
            ..defaults.visits
        },
        feedback: RateLimit {
            count: feedback_per_10_minutes,
            ..defaults.feedback
        },
        ..defaults
    };
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let mut state = AppState::with_limits(pool, limits)
            .with_map_tiles(map_tiles)
            .with_embed_ancestors(&embed_ancestors)
            .with_answer_cache(answer_cache);
        if let Some(token) = admin_token
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            state = state.with_admin_token(token);
        }
        state = state.with_listen_origin(format!("http://{addr}"));
        if let Some(url) = &public_url {
            state = state.with_public_url(url);
        }
        tokio::spawn(portal_server::editorial::publish_when_due(state.clone()));
        let router = app::router(state, &dist);
        println!("Portal: http://{addr}");
        portal_server::serve::serve(
            listener,
            router,
            portal_server::serve::ConnectionLimits {
                max_connections_per_address: (!behind_proxy)
                    .then_some(
                        portal_server::serve::ConnectionLimits::default()
                            .max_connections_per_address,
                    )
                    .flatten(),
                ..portal_server::serve::ConnectionLimits::default()
            },
            shutdown_signal(),
        )
        .await;
        Ok(())
    })
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler installs");
    tokio::select! {
        _ = interrupt => {}
        _ = terminate.recv() => {}
    }
}
