//! `/rss.xml` (the latest articles) and `/rss/{category}.xml` (one category's), RSS 2.0.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset};
use portal_contract::{ArticleSummary, PageRequest, Site};

use super::{document, not_found, xml_escape};
use crate::state::AppState;
use crate::store::{self, articles::ArticleFilter};

/// How many articles a feed carries.
pub const FEED_ITEMS: u32 = 30;

pub async fn site_feed(State(state): State<AppState>) -> Response {
    feed(state, None).await
}

/// `/rss/{category-slug}.xml`.
pub async fn category_feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match file.strip_suffix(".xml") {
        Some(slug) if !slug.is_empty() => feed(state, Some(slug.to_string())).await,
        _ => not_found("Bản tin này"),
    }
}

async fn feed(state: AppState, category: Option<String>) -> Response {
    let origin = state.site_origin();
    let tiles = state.map_tiles.as_ref().clone();
    let found = state
        .db(move |conn| {
            let category = match category {
                None => None,
                Some(slug) => match store::categories::category(conn, &slug)? {
                    Some(category) => Some(category),
                    None => return Ok(None),
                },
            };
            let filter = ArticleFilter {
                category_id: category.as_ref().map(|(id, _)| *id),
                ..ArticleFilter::default()
            };
            let page = PageRequest::new(Some(1), Some(FEED_ITEMS)).expect("within the bounds");
            let articles = store::articles::list_articles(conn, &filter, page)?.items;
            let site = store::site::site(conn, tiles)?;
            Ok(Some((category.map(|(_, c)| c), articles, site)))
        })
        .await;
    match found {
        Ok(Some((category, articles, site))) => document(
            "application/rss+xml; charset=utf-8",
            render(&origin, site.as_ref(), category.as_ref(), &articles),
        ),
        Ok(None) => not_found("Chuyên mục này"),
        Err(err) => err.into_response(),
    }
}

/// RFC 822 with the portal's offset, as RSS 2.0 wants: `Fri, 03 Dec 2021 14:57:00 +0700`.
pub fn rfc822(time: &DateTime<FixedOffset>) -> String {
    portal_contract::to_portal_offset(time).to_rfc2822()
}

fn render(
    origin: &str,
    site: Option<&Site>,
    category: Option<&portal_contract::CategoryRef>,
    articles: &[ArticleSummary],
) -> String {
    let site_name = site.map_or(portal_contract::DEFAULT_SITE_NAME, |s| s.name.as_str());
    let (title, link, self_url, description) = match category {
        Some(category) => (
            format!("{} – {site_name}", category.name),
            format!("{origin}/chuyen-muc/{}", category.slug),
            format!("{origin}/rss/{}.xml", category.slug),
            format!("Tin mới của chuyên mục {}", category.name),
        ),
        None => (
            site_name.to_string(),
            format!("{origin}/"),
            format!("{origin}/rss.xml"),
            site.map_or_else(|| site_name.to_string(), |s| s.description.clone()),
        ),
    };
    let mut xml = String::with_capacity(8 * 1024);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    xml.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>vi</language>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        xml_escape(&title),
        xml_escape(&link),
        xml_escape(&description),
        xml_escape(&self_url),
    ));
    if let Some(newest) = articles.first() {
        xml.push_str(&format!(
            "<lastBuildDate>{}</lastBuildDate>\n",
            rfc822(&newest.published_at)
        ));
    }
    for article in articles {
        let url = format!("{origin}/tin-tuc/{}", article.slug);
        xml.push_str(&format!(
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n\
             <pubDate>{}</pubDate>\n<category>{}</category>\n<description>{}</description>\n</item>\n",
            xml_escape(&article.title),
            xml_escape(&url),
            xml_escape(&url),
            rfc822(&article.published_at),
            xml_escape(&article.category.name),
            // The summary is plain text already; escaped, it stays text in every reader.
            xml_escape(&article.summary),
        ));
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}
