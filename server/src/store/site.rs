//! The site's own settings and the frame's menu.

use portal_contract::{CategoryRef, MapTiles, Site};
use rusqlite::{Connection, OptionalExtension};

use super::bad_text;
use crate::seed::files::SiteSettings;

pub fn has_content(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT EXISTS (SELECT 1 FROM categories)", [], |row| {
        row.get(0)
    })
}

pub fn save_site(conn: &Connection, settings: &SiteSettings) -> rusqlite::Result<()> {
    let json = serde_json::to_string(settings).expect("site settings serialize");
    conn.execute(
        "INSERT INTO site (id, json) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        [json],
    )?;
    Ok(())
}

/// The site as the frame shows it; `map_tiles` is the server's own setting, not stored.
pub fn site(conn: &Connection, map_tiles: MapTiles) -> rusqlite::Result<Option<Site>> {
    let Some(settings) = site_settings(conn)? else {
        return Ok(None);
    };
    let mut statement = conn.prepare_cached(
        "SELECT slug, name FROM categories WHERE parent IS NULL ORDER BY position, id",
    )?;
    let menu = statement
        .query_map([], |row| {
            Ok(CategoryRef {
                slug: row.get(0)?,
                name: row.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Some(Site {
        name: settings.name,
        short_name: settings.short_name,
        description: settings.description,
        logo_url: settings.logo_url,
        contacts: settings.contacts,
        menu,
        map_tiles,
    }))
}

pub(crate) fn site_settings(conn: &Connection) -> rusqlite::Result<Option<SiteSettings>> {
    let json: Option<String> = conn
        .query_row("SELECT json FROM site WHERE id = 1", [], |row| row.get(0))
        .optional()?;
    json.map(|json| serde_json::from_str(&json).map_err(|err| bad_text(0, err)))
        .transpose()
}
