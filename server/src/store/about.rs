//! The portal's editorial pages and its organisation tree.

use portal_contract::about::{Organization, SitePage};

use crate::db::{bad_column, Conn, Result};

/// Stores `page` (replacing one of the same slug); its HTML sanitized already.
pub fn save_page(conn: &mut Conn, page: &SitePage, now: &str) -> Result<()> {
    conn.execute("DELETE FROM site_pages WHERE slug = ?1", &[&page.slug])?;
    conn.execute(
        "INSERT INTO site_pages (slug, title, summary, body_html, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            &page.slug,
            &page.title,
            &page.summary,
            &page.body_html,
            &now,
        ],
    )?;
    Ok(())
}

pub fn page(conn: &mut Conn, slug: &str) -> Result<Option<SitePage>> {
    conn.query_opt(
        "SELECT slug, title, summary, body_html FROM site_pages WHERE slug = ?1",
        &[&slug],
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

/// Stores the whole tree, replacing the one there was.
pub fn save_organization(conn: &mut Conn, organization: &Organization, now: &str) -> Result<()> {
    let json = serde_json::to_string(organization).map_err(|err| bad_column(0, err))?;
    conn.execute("DELETE FROM organization", &[])?;
    conn.execute(
        "INSERT INTO organization (id, json, updated_at) VALUES (1, ?1, ?2)",
        &[&json, &now],
    )?;
    Ok(())
}

pub fn organization(conn: &mut Conn) -> Result<Option<Organization>> {
    conn.query_opt("SELECT json FROM organization WHERE id = 1", &[], |row| {
        let json: String = row.get(0)?;
        serde_json::from_str(&json).map_err(|err| bad_column(0, err))
    })
}
