//! `/sitemap.xml`: every public page with when it last changed. Past 50,000 addresses (the
//! protocol's limit for one file) it becomes an index of `/sitemap/{n}.xml` files.
//!
//! The addresses come in one sequence: the fixed pages, the categories and the procedures, then
//! the articles, the documents and the published questions, each in the order they were stored
//! (so a file's addresses stay as content is added). File `n` holds the sequence's
//! `(n - 1) * PER_FILE..n * PER_FILE`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::{document, not_found, xml_escape};
use crate::db::Conn;
use crate::pages::DOCUMENTS_PAGE;
use crate::state::AppState;
use crate::store;
use portal_contract::procedures::procedure_href;
use portal_contract::questions::QUESTIONS_PAGE_PATH;

/// The sitemap protocol's limit of addresses in one file.
pub const PER_FILE: u64 = 50_000;

/// Pages that exist whatever the content.
const FIXED_PAGES: &[&str] = crate::pages::STATIC_ROUTES;

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

pub async fn sitemap(State(state): State<AppState>) -> Response {
    let origin = state.site_origin();
    let found = state
        .db(move |conn| {
            let files = Sequence::read(conn)?.file_count(PER_FILE);
            if files == 1 {
                return Ok(urlset(conn, &origin, 1, PER_FILE)?);
            }
            let mut xml = format!("{XML_HEAD}<sitemapindex xmlns=\"{NAMESPACE}\">\n");
            for n in 1..=files {
                xml.push_str(&format!(
                    "<sitemap><loc>{}</loc></sitemap>\n",
                    xml_escape(&format!("{origin}/sitemap/{n}.xml"))
                ));
            }
            xml.push_str("</sitemapindex>\n");
            Ok(xml)
        })
        .await;
    match found {
        Ok(xml) => document("application/xml; charset=utf-8", xml),
        Err(err) => err.into_response(),
    }
}

/// `/sitemap/{n}.xml`, from 1.
pub async fn sitemap_file(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(n) = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse::<u64>().ok())
        .filter(|n| *n >= 1)
    else {
        return not_found("Tệp sơ đồ trang này");
    };
    let origin = state.site_origin();
    let found = state
        .db(move |conn| {
            if n > Sequence::read(conn)?.file_count(PER_FILE) {
                return Ok(None);
            }
            Ok(Some(urlset(conn, &origin, n, PER_FILE)?))
        })
        .await;
    match found {
        Ok(Some(xml)) => document("application/xml; charset=utf-8", xml),
        Ok(None) => not_found("Tệp sơ đồ trang này"),
        Err(err) => err.into_response(),
    }
}

/// How many addresses of each kind the sitemap lists, in its order.
struct Sequence {
    /// The fixed pages' and the categories' addresses.
    fixed: Vec<String>,
    articles: u64,
    documents: u64,
    questions: u64,
}

impl Sequence {
    /// `fixed` as paths (the origin is added when written).
    fn read(conn: &mut Conn) -> crate::db::Result<Self> {
        let categories = store::categories::categories(conn)?;
        // Procedures are a guide of a few hundred pages at most: listed with the fixed pages.
        let procedures = store::procedures::slugs(conn)?;
        let fixed = FIXED_PAGES
            .iter()
            .map(|page| page.to_string())
            .chain(
                categories
                    .iter()
                    .map(|c| portal_contract::category_path(&c.slug)),
            )
            .chain(procedures.iter().map(|slug| procedure_href(slug)))
            .collect();
        Ok(Self {
            fixed,
            articles: store::articles::article_count(conn)?,
            documents: store::documents::document_count(conn)?,
            questions: store::questions::published_count(conn)?,
        })
    }

    fn file_count(&self, per_file: u64) -> u64 {
        (self.fixed.len() as u64 + self.articles + self.documents + self.questions)
            .div_ceil(per_file)
            .max(1)
    }

    /// The parts of each kind file `n` holds, as (offset, count) within the kind: the fixed
    /// pages, the articles, the documents, the questions.
    fn in_file(&self, n: u64, per_file: u64) -> [(u64, u64); 4] {
        let fixed = self.fixed.len() as u64;
        let documents_start = fixed + self.articles;
        [
            part(n, per_file, 0, fixed),
            part(n, per_file, fixed, self.articles),
            part(n, per_file, documents_start, self.documents),
            part(
                n,
                per_file,
                documents_start + self.documents,
                self.questions,
            ),
        ]
    }
}

/// The part of a kind whose addresses are `start..start + count` in the sequence that file
/// `n` (from 1) holds, as (offset within the kind, count).
fn part(n: u64, per_file: u64, start: u64, count: u64) -> (u64, u64) {
    let (from, to) = ((n - 1) * per_file, n * per_file);
    let (first, end) = (from.max(start), to.min(start + count));
    if first < end {
        (first - start, end - first)
    } else {
        (0, 0)
    }
}

/// Sitemap file `n`.
fn urlset(conn: &mut Conn, origin: &str, n: u64, per_file: u64) -> crate::db::Result<String> {
    let sequence = Sequence::read(conn)?;
    let [fixed, articles, documents, questions] = sequence.in_file(n, per_file);
    let mut xml = format!("{XML_HEAD}<urlset xmlns=\"{NAMESPACE}\">\n");
    if fixed.1 > 0 {
        // Lists, the home page and the library change when an article or a document does.
        let newest = store::articles::last_change(conn)?.max(store::documents::last_change(conn)?);
        let newest = newest.as_deref().map(day_of);
        let (offset, count) = (fixed.0 as usize, fixed.1 as usize);
        for path in &sequence.fixed[offset..offset + count] {
            push_url(&mut xml, &format!("{origin}{path}"), newest);
        }
    }
    if articles.1 > 0 {
        for article in store::articles::article_locations(conn, articles.0, articles.1)? {
            push_url(
                &mut xml,
                &format!("{origin}{}", article.lang.article_path(&article.slug)),
                Some(day_of(&article.updated_at)),
            );
        }
    }
    if documents.1 > 0 {
        for document in store::documents::document_locations(conn, documents.0, documents.1)? {
            push_url(
                &mut xml,
                &format!("{origin}{DOCUMENTS_PAGE}/{}", document.slug),
                Some(day_of(&document.updated_at)),
            );
        }
    }
    if questions.1 > 0 {
        for (reference, answered_at) in
            store::questions::published_locations(conn, questions.0, questions.1)?
        {
            push_url(
                &mut xml,
                &format!("{origin}{QUESTIONS_PAGE_PATH}/{reference}"),
                Some(day_of(&answered_at)),
            );
        }
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}

/// `2021-12-03` of a stored RFC 3339 time (W3C Datetime's date form, which sitemaps take).
fn day_of(time: &str) -> &str {
    time.get(..10).unwrap_or(time)
}

fn push_url(xml: &mut String, url: &str, lastmod: Option<&str>) {
    xml.push_str(&format!("<url><loc>{}</loc>", xml_escape(url)));
    if let Some(day) = lastmod {
        xml.push_str(&format!("<lastmod>{day}</lastmod>"));
    }
    xml.push_str("</url>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sequence(fixed: usize, articles: u64, documents: u64, questions: u64) -> Sequence {
        Sequence {
            fixed: vec![String::new(); fixed],
            articles,
            documents,
            questions,
        }
    }

    #[test]
    fn past_the_limit_the_addresses_split_into_files_without_gaps() {
        assert_eq!(sequence(10, 0, 0, 0).file_count(PER_FILE), 1);
        assert_eq!(sequence(10, PER_FILE - 10, 0, 0).file_count(PER_FILE), 1);
        assert_eq!(sequence(10, PER_FILE - 10, 1, 0).file_count(PER_FILE), 2);
        assert_eq!(sequence(10, PER_FILE - 9, 0, 0).file_count(PER_FILE), 2);
        // 10 fixed pages, 25 articles, 7 documents and 4 questions, 10 addresses a file: 10;
        // 10 articles; 10 articles; 5 articles and 5 documents; 2 documents and 4 questions.
        let per_file = 10;
        let all = sequence(10, 25, 7, 4);
        assert_eq!(all.file_count(per_file), 5);
        let parts: Vec<[(u64, u64); 4]> = (1..=5).map(|n| all.in_file(n, per_file)).collect();
        assert_eq!(
            parts,
            [
                [(0, 10), (0, 0), (0, 0), (0, 0)],
                [(0, 0), (0, 10), (0, 0), (0, 0)],
                [(0, 0), (10, 10), (0, 0), (0, 0)],
                [(0, 0), (20, 5), (0, 5), (0, 0)],
                [(0, 0), (0, 0), (5, 2), (0, 4)],
            ]
        );
        // 3 fixed pages: the first file also takes 7 articles, the next start at the 8th.
        let few = sequence(3, 20, 0, 0);
        assert_eq!(few.in_file(1, per_file)[1], (0, 7));
        assert_eq!(few.in_file(2, per_file)[1], (7, 10));
    }
}
