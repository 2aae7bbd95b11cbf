//! `/rss.xml` (the latest articles), `/rss/{category}.xml` (one category's) and
//! `/van-ban/rss.xml` (the latest documents), RSS 2.0.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, NaiveTime};
use portal_contract::documents::{document_title, DocumentSummary};
use portal_contract::{portal_offset, ArticleSummary, PageRequest, Site};

use super::{document, not_found, xml_escape};
use crate::pages::{DOCUMENTS_FEED, DOCUMENTS_PAGE};
use crate::state::AppState;
use crate::store::documents::DocumentFilter;
use crate::store::{self, articles::ArticleFilter};

/// How many articles or documents a feed carries.
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
            render_articles(&origin, site.as_ref(), category.as_ref(), &articles),
        ),
        Ok(None) => not_found("Chuyên mục này"),
        Err(err) => err.into_response(),
    }
}

/// `/van-ban/rss.xml`: the newest issued documents.
pub async fn documents_feed(State(state): State<AppState>) -> Response {
    let origin = state.site_origin();
    let tiles = state.map_tiles.as_ref().clone();
    let today = crate::clock::today();
    let found = state
        .db(move |conn| {
            let page = PageRequest::new(Some(1), Some(FEED_ITEMS)).expect("within the bounds");
            let documents =
                store::documents::list(conn, &DocumentFilter::default(), page, today)?.items;
            let site = store::site::site(conn, tiles)?;
            Ok((documents, site))
        })
        .await;
    match found {
        Ok((documents, site)) => document(
            "application/rss+xml; charset=utf-8",
            render_documents(&origin, site.as_ref(), &documents),
        ),
        Err(err) => err.into_response(),
    }
}

/// RFC 822 with the portal's offset, as RSS 2.0 wants: `Fri, 03 Dec 2021 14:57:00 +0700`.
pub fn rfc822(time: &DateTime<FixedOffset>) -> String {
    portal_contract::to_portal_offset(time).to_rfc2822()
}

/// A feed's channel: what it is and where.
struct Channel {
    title: String,
    link: String,
    self_url: String,
    description: String,
}

/// One entry of a feed.
struct Item<'a> {
    title: String,
    url: String,
    published: DateTime<FixedOffset>,
    category: &'a str,
    /// Plain text.
    description: &'a str,
}

fn render_articles(
    origin: &str,
    site: Option<&Site>,
    category: Option<&portal_contract::CategoryRef>,
    articles: &[ArticleSummary],
) -> String {
    let site_name = site_name(site);
    let channel = match category {
        Some(category) => Channel {
            title: format!("{} – {site_name}", category.name),
            link: format!("{origin}{}", portal_contract::category_path(&category.slug)),
            self_url: format!("{origin}/rss/{}.xml", category.slug),
            description: format!("Tin mới của chuyên mục {}", category.name),
        },
        None => Channel {
            title: site_name.to_string(),
            link: format!("{origin}/"),
            self_url: format!("{origin}/rss.xml"),
            description: site.map_or_else(|| site_name.to_string(), |s| s.description.clone()),
        },
    };
    let items = articles.iter().map(|article| Item {
        title: article.title.clone(),
        url: format!("{origin}/tin-tuc/{}", article.slug),
        published: article.published_at,
        category: &article.category.name,
        description: &article.summary,
    });
    render(&channel, items)
}

fn render_documents(origin: &str, site: Option<&Site>, documents: &[DocumentSummary]) -> String {
    let site_name = site_name(site);
    let channel = Channel {
        title: format!("Văn bản – {site_name}"),
        link: format!("{origin}{DOCUMENTS_PAGE}"),
        self_url: format!("{origin}{DOCUMENTS_FEED}"),
        description: format!("Văn bản mới ban hành – {site_name}"),
    };
    let items = documents.iter().map(|document| Item {
        title: document_title(&document.kind, &document.number),
        url: format!("{origin}{DOCUMENTS_PAGE}/{}", document.slug),
        // A document carries its day of issue alone: the start of that day in Vietnam.
        published: document
            .issued_on
            .and_time(NaiveTime::MIN)
            .and_local_timezone(portal_offset())
            .single()
            .expect("a fixed offset has one local time"),
        category: &document.field.name,
        description: &document.summary,
    });
    render(&channel, items)
}

fn site_name(site: Option<&Site>) -> &str {
    site.map_or(portal_contract::DEFAULT_SITE_NAME, |s| s.name.as_str())
}

/// The feed, its items newest first as given.
fn render<'a>(channel: &Channel, items: impl Iterator<Item = Item<'a>>) -> String {
    let mut xml = String::with_capacity(8 * 1024);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    xml.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n<description>{}</description>\n<language>vi</language>\n\
         <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        xml_escape(&channel.title),
        xml_escape(&channel.link),
        xml_escape(&channel.description),
        xml_escape(&channel.self_url),
    ));
    let mut items = items.peekable();
    if let Some(newest) = items.peek() {
        xml.push_str(&format!(
            "<lastBuildDate>{}</lastBuildDate>\n",
            rfc822(&newest.published)
        ));
    }
    for item in items {
        xml.push_str(&format!(
            "<item>\n<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n\
             <pubDate>{}</pubDate>\n<category>{}</category>\n<description>{}</description>\n</item>\n",
            xml_escape(&item.title),
            xml_escape(&item.url),
            xml_escape(&item.url),
            rfc822(&item.published),
            xml_escape(item.category),
            // The summary is plain text already; escaped, it stays text in every reader.
            xml_escape(item.description),
        ));
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}
