//! Linked websites, in groups.

use portal_contract::{Link, LinkGroup};

use crate::db::{Conn, Result};

pub fn save_link_group(conn: &mut Conn, group: &LinkGroup, position: usize) -> Result<()> {
    conn.execute(
        "INSERT INTO link_groups (name, position) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position",
        &[&group.name, &position],
    )?;
    let group_id: i64 = conn.query_one(
        "SELECT id FROM link_groups WHERE name = ?1",
        &[&group.name],
        |row| row.get(0),
    )?;
    conn.execute("DELETE FROM links WHERE group_id = ?1", &[&group_id])?;
    for (position, link) in group.links.iter().enumerate() {
        conn.execute(
            "INSERT INTO links (group_id, name, url, position) VALUES (?1, ?2, ?3, ?4)",
            &[&group_id, &link.name, &link.url, &position],
        )?;
    }
    Ok(())
}

/// Replaces every group and link with `groups`, in their order.
pub fn replace_links(conn: &mut Conn, groups: &[LinkGroup]) -> Result<()> {
    conn.execute("DELETE FROM links", &[])?;
    conn.execute("DELETE FROM link_groups", &[])?;
    for (position, group) in groups.iter().enumerate() {
        save_link_group(conn, group, position)?;
    }
    Ok(())
}

pub fn link_groups(conn: &mut Conn) -> Result<Vec<LinkGroup>> {
    let rows: Vec<(String, Link)> = conn.query(
        "SELECT g.name, l.name, l.url FROM link_groups g JOIN links l ON l.group_id = g.id
         ORDER BY g.position, g.id, l.position, l.id",
        &[],
        |row| {
            Ok((
                row.get(0)?,
                Link {
                    name: row.get(1)?,
                    url: row.get(2)?,
                },
            ))
        },
    )?;
    let mut groups: Vec<LinkGroup> = Vec::new();
    for (group, link) in rows {
        match groups.last_mut() {
            Some(last) if last.name == group => last.links.push(link),
            _ => groups.push(LinkGroup {
                name: group,
                links: vec![link],
            }),
        }
    }
    Ok(groups)
}
