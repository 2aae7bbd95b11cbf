//! The number the database's triggers move on every change to what public lists show: the
//! articles and the categories (migration `content_generation`), the documents and their
//! relations (migration `document_generation`). The answer cache's test of freshness
//! (`answer_cache`).

use crate::db::{Conn, Result};

pub fn current(conn: &mut Conn) -> Result<i64> {
    conn.query_one("SELECT generation FROM content_generation", &[], |row| {
        row.get(0)
    })
}
