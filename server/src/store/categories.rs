//! Categories: the menu's tree and each one's size.

use portal_contract::Category;
use rusqlite::{params, Connection, OptionalExtension};

use crate::seed::files::CategorySettings;

pub fn save_category(
    conn: &Connection,
    category: &CategorySettings,
    position: usize,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO categories (slug, name, parent, position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, parent = excluded.parent,
             position = excluded.position",
        params![
            category.slug,
            category.name,
            category.parent,
            position as i64
        ],
    )?;
    Ok(())
}

pub fn categories(conn: &Connection) -> rusqlite::Result<Vec<Category>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.slug, c.name, c.parent,
                (SELECT COUNT(*) FROM articles a WHERE a.category_id = c.id)
         FROM categories c ORDER BY c.position, c.id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Category {
            slug: row.get(0)?,
            name: row.get(1)?,
            parent: row.get(2)?,
            article_count: row.get(3)?,
        })
    })?;
    rows.collect()
}

/// The category with `slug` (its id and name), if there is one.
pub fn category(
    conn: &Connection,
    slug: &str,
) -> rusqlite::Result<Option<(i64, portal_contract::CategoryRef)>> {
    conn.query_row(
        "SELECT id, slug, name FROM categories WHERE slug = ?1",
        [slug],
        |row| {
            Ok((
                row.get(0)?,
                portal_contract::CategoryRef {
                    slug: row.get(1)?,
                    name: row.get(2)?,
                },
            ))
        },
    )
    .optional()
}

/// The id of the category with `slug`, if there is one.
pub fn category_id(conn: &Connection, slug: &str) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT id FROM categories WHERE slug = ?1", [slug], |row| {
        row.get(0)
    })
    .optional()
}

pub fn category_exists(conn: &Connection, slug: &str) -> rusqlite::Result<bool> {
    Ok(category_id(conn, slug)?.is_some())
}
