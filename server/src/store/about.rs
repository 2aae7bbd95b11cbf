//! The portal's editorial pages and its organisation tree.

use portal_contract::about::{Organization, SitePage};
use portal_contract::Lang;

use crate::db::{bad_column, Conn, Result};

/// Stores `page` in `lang` (replacing that language's page of the same slug); its HTML
/// sanitized already.
pub fn save_page(conn: &mut Conn, page: &SitePage, lang: Lang, now: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM site_pages WHERE slug = ?1 AND lang = ?2",
        &[&page.slug, &lang.code()],
    )?;
    conn.execute(
        "INSERT INTO site_pages (slug, lang, title, summary, body_html, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &[
            &page.slug,
            &lang.code(),
            &page.title,
            &page.summary,
            &page.body_html,
            &now,
        ],
    )?;
    Ok(())
}

pub fn page(conn: &mut Conn, slug: &str, lang: Lang) -> Result<Option<SitePage>> {
    conn.query_opt(
        "SELECT slug, title, summary, body_html FROM site_pages WHERE slug = ?1 AND lang = ?2",
        &[&slug, &lang.code()],
        |row| {
            Ok(SitePage {
                slug: row.get(0)?,
                title: row.get(1)?,
                summary: row.get(2)?,
                body_html: row.get(3)?,
            })
        },
    )
}

pub fn has_pages(conn: &mut Conn) -> Result<bool> {
    Ok(conn
        .query_opt("SELECT 1 FROM site_pages LIMIT 1", &[], |row| {
            row.get::<i64>(0)
        })?
        .is_some())
}

/// Stores the whole tree in `lang`, replacing the one there was.
pub fn save_organization(
    conn: &mut Conn,
    organization: &Organization,
    lang: Lang,
    now: &str,
) -> Result<()> {
    let json = serde_json::to_string(organization).map_err(|err| bad_column(0, err))?;
    conn.execute("DELETE FROM organization WHERE lang = ?1", &[&lang.code()])?;
    conn.execute(
        "INSERT INTO organization (lang, json, updated_at) VALUES (?1, ?2, ?3)",
        &[&lang.code(), &json, &now],
    )?;
    Ok(())
}

pub fn organization(conn: &mut Conn, lang: Lang) -> Result<Option<Organization>> {
    conn.query_opt(
        "SELECT json FROM organization WHERE lang = ?1",
        &[&lang.code()],
        |row| {
            let json: String = row.get(0)?;
            serde_json::from_str(&json).map_err(|err| bad_column(0, err))
        },
    )
}
