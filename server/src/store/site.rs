//! The site's own settings and the frame's menu.

use portal_contract::{CategoryRef, Lang, MapTiles, Site};

use crate::db::{bad_column, Conn, Result};
use crate::seed::files::SiteSettings;

pub fn has_content(conn: &mut Conn) -> Result<bool> {
    conn.query_one("SELECT EXISTS (SELECT 1 FROM categories)", &[], |row| {
        row.get(0)
    })
}

pub fn save_site(conn: &mut Conn, settings: &SiteSettings) -> Result<()> {
    let json = serde_json::to_string(settings).expect("site settings serialize");
    conn.execute(
        "INSERT INTO site (id, json) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
        &[&json],
    )?;
    Ok(())
}

/// The site as the Vietnamese pages' frame shows it; `map_tiles` is the server's own setting,
/// not stored.
pub fn site(conn: &mut Conn, map_tiles: MapTiles) -> Result<Option<Site>> {
    site_in(conn, map_tiles, Lang::Vi)
}

/// The site as the frame of the pages in `lang` shows it: `None` without settings in that
/// language. The English pages have no category menu (the categories are Vietnamese).
pub fn site_in(conn: &mut Conn, map_tiles: MapTiles, lang: Lang) -> Result<Option<Site>> {
    let Some(settings) = site_settings(conn)? else {
        return Ok(None);
    };
    if lang == Lang::En {
        return Ok(settings.english.map(|english| Site {
            name: english.name,
            short_name: english.short_name,
            description: english.description,
            logo_url: settings.logo_url,
            contacts: english.contacts,
            menu: Vec::new(),
            map_tiles,
            glance: english.glance,
        }));
    }
    let menu = conn.query(
        "SELECT slug, name FROM categories WHERE parent IS NULL ORDER BY position, id",
        &[],
        |row| {
            Ok(CategoryRef {
                slug: row.get(0)?,
                name: row.get(1)?,
            })
        },
    )?;
    Ok(Some(Site {
        name: settings.name,
        short_name: settings.short_name,
        description: settings.description,
        logo_url: settings.logo_url,
        contacts: settings.contacts,
        menu,
        map_tiles,
        glance: Vec::new(),
    }))
}

pub(crate) fn site_settings(conn: &mut Conn) -> Result<Option<SiteSettings>> {
    let json: Option<String> =
        conn.query_opt("SELECT json FROM site WHERE id = 1", &[], |row| row.get(0))?;
    json.map(|json| serde_json::from_str(&json).map_err(|err| bad_column(0, err)))
        .transpose()
}
