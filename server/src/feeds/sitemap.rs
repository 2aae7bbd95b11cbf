//! `/sitemap.xml`: every public page with when it last changed. Past 50,000 addresses (the
//! protocol's limit for one file) it becomes an index of `/sitemap/{n}.xml` files.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::{document, not_found, xml_escape};
use crate::state::AppState;
use crate::store;

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
            let articles = store::articles::article_count(conn)?;
            let categories = store::categories::categories(conn)?;
            let fixed = (FIXED_PAGES.len() + categories.len()) as u64;
            let files = file_count(fixed, articles, PER_FILE);
            if files == 1 {
                let locations = store::articles::article_locations(conn, 0, PER_FILE)?;
                return Ok(urlset(&origin, Some(&categories), &locations));
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
            let categories = store::categories::categories(conn)?;
            let fixed = (FIXED_PAGES.len() + categories.len()) as u64;
            let articles = store::articles::article_count(conn)?;
            if n > file_count(fixed, articles, PER_FILE) {
                return Ok(None);
            }
            let (offset, limit) = articles_in_file(n, fixed, PER_FILE);
            let locations = store::articles::article_locations(conn, offset, limit)?;
            Ok(Some(urlset(
                &origin,
                (n == 1).then_some(categories.as_slice()),
                &locations,
            )))
        })
        .await;
    match found {
        Ok(Some(xml)) => document("application/xml; charset=utf-8", xml),
        Ok(None) => not_found("Tệp sơ đồ trang này"),
        Err(err) => err.into_response(),
    }
}

/// How many files `fixed` pages and `articles` fill, `per_file` addresses each.
fn file_count(fixed: u64, articles: u64, per_file: u64) -> u64 {
    (fixed + articles).div_ceil(per_file).max(1)
}

/// The articles (offset, count) in file `n` (from 1): the first file holds the fixed pages
/// and categories, then the first articles; the others hold articles alone.
fn articles_in_file(n: u64, fixed: u64, per_file: u64) -> (u64, u64) {
    if n == 1 {
        (0, per_file.saturating_sub(fixed))
    } else {
        ((n - 1) * per_file - fixed, per_file)
    }
}

/// One sitemap file: the fixed pages and `categories` (the first file only) and `articles`.
fn urlset(
    origin: &str,
    categories: Option<&[portal_contract::Category]>,
    articles: &[store::articles::ArticleLocation],
) -> String {
    let mut xml = format!("{XML_HEAD}<urlset xmlns=\"{NAMESPACE}\">\n");
    // Lists and the home page change when an article does.
    let newest = articles.iter().map(|a| day_of(&a.updated_at)).max();
    if let Some(categories) = categories {
        for page in FIXED_PAGES {
            push_url(&mut xml, &format!("{origin}{page}"), newest);
        }
        for category in categories {
            push_url(
                &mut xml,
                &format!("{origin}/chuyen-muc/{}", category.slug),
                newest,
            );
        }
    }
    for article in articles {
        push_url(
            &mut xml,
            &format!("{origin}/tin-tuc/{}", article.slug),
            Some(day_of(&article.updated_at)),
        );
    }
    xml.push_str("</urlset>\n");
    xml
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

    #[test]
    fn past_the_limit_the_addresses_split_into_files_without_gaps() {
        assert_eq!(file_count(10, 0, PER_FILE), 1);
        assert_eq!(file_count(10, PER_FILE - 10, PER_FILE), 1);
        assert_eq!(file_count(10, PER_FILE - 9, PER_FILE), 2);
        // 10 fixed pages and 25 articles, 10 addresses a file: 10 + 0, 10, 10, 5.
        let per_file = 10;
        let files = file_count(10, 25, per_file);
        assert_eq!(files, 4);
        let ranges: Vec<(u64, u64)> = (1..=files)
            .map(|n| articles_in_file(n, 10, per_file))
            .collect();
        assert_eq!(ranges, [(0, 0), (0, 10), (10, 10), (20, 10)]);
        // 3 fixed pages: the first file also takes 7 articles, the next start at the 8th.
        assert_eq!(articles_in_file(1, 3, per_file), (0, 7));
        assert_eq!(articles_in_file(2, 3, per_file), (7, 10));
    }
}
