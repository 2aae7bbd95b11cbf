//! Categories: the menu's tree and each one's size.

use crate::db::{Conn, Result};
use crate::seed::files::CategorySettings;
use portal_contract::Category;

pub fn save_category(conn: &mut Conn, category: &CategorySettings, position: usize) -> Result<()> {
    conn.execute(
        "INSERT INTO categories (slug, name, parent, position) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, parent = excluded.parent,
             position = excluded.position",
        &[&category.slug, &category.name, &category.parent, &position],
    )?;
    Ok(())
}

pub fn categories(conn: &mut Conn) -> Result<Vec<Category>> {
    conn.query(
        "SELECT c.slug, c.name, c.parent,
                (SELECT COUNT(*) FROM articles a WHERE a.category_id = c.id)
         FROM categories c ORDER BY c.position, c.id",
        &[],
        |row| {
            Ok(Category {
                slug: row.get(0)?,
                name: row.get(1)?,
                parent: row.get(2)?,
                article_count: row.get(3)?,
            })
        },
    )
}

/// The category with `slug` (its id and name), if there is one.
pub fn category(
    conn: &mut Conn,
    slug: &str,
) -> Result<Option<(i64, portal_contract::CategoryRef)>> {
    conn.query_opt(
        "SELECT id, slug, name FROM categories WHERE slug = ?1",
        &[&slug],
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
}

/// The id of the category with `slug`, if there is one.
pub fn category_id(conn: &mut Conn, slug: &str) -> Result<Option<i64>> {
    conn.query_opt(
        "SELECT id FROM categories WHERE slug = ?1",
        &[&slug],
        |row| row.get(0),
    )
}

pub fn category_exists(conn: &mut Conn, slug: &str) -> Result<bool> {
    Ok(category_id(conn, slug)?.is_some())
}

pub fn category_name(conn: &mut Conn, slug: &str) -> Result<Option<String>> {
    conn.query_opt(
        "SELECT name FROM categories WHERE slug = ?1",
        &[&slug],
        |row| row.get(0),
    )
}
