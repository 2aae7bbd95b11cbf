//! Linked websites, in groups.

use portal_contract::{Link, LinkGroup};
use rusqlite::{params, Connection};

pub fn save_link_group(
    conn: &Connection,
    group: &LinkGroup,
    position: usize,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO link_groups (name, position) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position",
        params![group.name, position as i64],
    )?;
    let group_id: i64 = conn.query_row(
        "SELECT id FROM link_groups WHERE name = ?1",
        [&group.name],
        |row| row.get(0),
    )?;
    conn.execute("DELETE FROM links WHERE group_id = ?1", [group_id])?;
    for (position, link) in group.links.iter().enumerate() {
        conn.execute(
            "INSERT INTO links (group_id, name, url, position) VALUES (?1, ?2, ?3, ?4)",
            params![group_id, link.name, link.url, position as i64],
        )?;
    }
    Ok(())
}

pub fn link_groups(conn: &Connection) -> rusqlite::Result<Vec<LinkGroup>> {
    let mut statement = conn.prepare_cached(
        "SELECT g.name, l.name, l.url FROM link_groups g JOIN links l ON l.group_id = g.id
         ORDER BY g.position, g.id, l.position, l.id",
    )?;
    let mut rows = statement.query([])?;
    let mut groups: Vec<LinkGroup> = Vec::new();
    while let Some(row) = rows.next()? {
        let group: String = row.get(0)?;
        let link = Link {
            name: row.get(1)?,
            url: row.get(2)?,
        };
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
