//! The app's page (`index.html`) for every route of the web app, with the right status and,
//! for articles, documents, questions, procedures, the introduction and the organisation,
//! their title, description and Open Graph tags in the HTML itself: link previews in messaging
//! apps read those without running the app. Those pages also preload their JSON, so it
//! downloads alongside the app instead of after it, and carry their content as plain HTML
//! (`reading_view`). The reading pages get the reader app, the map, the widget gallery and the
//! widgets the full app (`AppShell`).

use std::path::Path;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use portal_contract::about::{ABOUT_PAGE_PATH, ABOUT_PAGE_SLUG, ORGANIZATION_PAGE_PATH};
use portal_contract::documents::document_title;
use portal_contract::embed::Widget;
use portal_contract::feedback::FEEDBACK_PAGE_PATH;
use portal_contract::i18n::{
    api_path_in, counterpart_page, CONTACT_PAGE_SLUG, EN_ABOUT_PATH, EN_CONTACT_PATH,
    EN_ORGANIZATION_PATH, EN_PREFIX, EN_SEARCH_PATH,
};
use portal_contract::paging;
use portal_contract::procedures::{
    procedure_description, procedure_href, PROCEDURES_DESCRIPTION, PROCEDURES_PAGE_PATH,
};
use portal_contract::questions::{DESCRIPTION_CHARS, LOOKUP_PAGE_PATH, QUESTIONS_PAGE_PATH};
use portal_contract::search_page::SEARCH_PAGE_PATH;
use portal_contract::text::excerpt;
use portal_contract::week::SCHEDULE_PAGE_PATH;
use portal_contract::API_PREFIX;
use portal_contract::{Lang, LinkGroup, PageRequest, WeekSchedule, LINKS_PAGE_PATH};

use crate::html::{escape, meta_content};
use crate::page_content::{
    documents_content, english_home_content, home_content, links_content, procedures_content,
    questions_content, schedule_content, search_content, site_settings,
};
use crate::reading_view;
use crate::state::AppState;
use crate::store;

/// The app's two pages as trunk built them, read once at start: the full app
/// (`index.html`, every page) and the reader app (`reader/index.html`, built from
/// `reader.html`: the same app without the map and the widget gallery, a smaller download).
#[derive(Clone)]
pub struct AppShell {
    full: ShellPage,
    reader: ShellPage,
    /// The reader app's page as trunk built it: it names the app's files.
    reader_built: Arc<str>,
    /// The staff area (`staff.html`, built into `dist/quan-tri/`): its own app, so that
    /// readers never download it.
    staff: ShellPage,
}

/// One of the app's pages, and the API it names in `<meta name="portal-api-base">` (as the app
/// reads it), for the preloads added to it.
#[derive(Clone)]
struct ShellPage {
    html: Arc<str>,
    api_base: Arc<str>,
}

impl ShellPage {
    fn new(html: Arc<str>) -> Self {
        let api_base = meta_content(&html, "portal-api-base")
            .map(|base| base.trim_end_matches('/'))
            .filter(|base| !base.is_empty())
            .unwrap_or(API_PREFIX)
            .into();
        Self { html, api_base }
    }
}

/// Where `make web` puts the reader app's build, under `dist/`.
pub const READER_DIR: &str = "reader";
/// Where `make web` puts the staff area's build, under `dist/`; also its route.
pub const STAFF_DIR: &str = "quan-tri";

/// Whether `path` is the staff area's: `/quan-tri` and everything under it.
pub fn is_staff_path(path: &str) -> bool {
    path.strip_prefix("/quan-tri")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

impl AppShell {
    pub fn load(dist: &Path) -> Self {
        let full: Arc<str> = std::fs::read_to_string(dist.join("index.html"))
            .unwrap_or_else(|_| {
                "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin điện tử</title></head>\
                 <body><p>Ứng dụng chưa được xây dựng (make build).</p></body></html>"
                    .to_string()
            })
            .into();
        // Without a reader build (`trunk build` alone), the full app serves every page.
        let reader_built = std::fs::read_to_string(dist.join(READER_DIR).join("index.html"))
            .map(Arc::from)
            .unwrap_or_else(|_| full.clone());
        let reader = match crate::app_start::after_first_paint(&reader_built) {
            Some(page) => Arc::from(page),
            None => {
                if reader_built.contains("<script") {
                    tracing::warn!("the reader app's page is not laid out as trunk 0.21 writes it: its app starts as soon as a page is parsed");
                }
                reader_built.clone()
            }
        };
        let staff = std::fs::read_to_string(dist.join(STAFF_DIR).join("index.html"))
            .unwrap_or_else(|_| {
                "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
                 <meta name=\"robots\" content=\"noindex, nofollow\"><title>Quản trị</title></head>\
                 <body><p>Khu quản trị chưa được xây dựng (make build).</p></body></html>"
                    .to_string()
            });
        Self {
            full: ShellPage::new(full),
            reader: ShellPage::new(reader),
            reader_built,
            staff: ShellPage::new(staff.into()),
        }
    }

    /// The reader app's page as trunk built it, whose files the service worker keeps.
    pub fn reader_page(&self) -> &str {
        &self.reader_built
    }

    /// Every page, for the security policy (each starts its app with its own inline script).
    pub fn pages(&self) -> [&str; 3] {
        [&self.full.html, &self.reader.html, &self.staff.html]
    }

    /// The page for `path`: the staff area's, the full app where the reader app lacks the
    /// page, else the reader app.
    fn for_path(&self, path: &str) -> &ShellPage {
        if is_staff_path(path) {
            &self.staff
        } else if in_full_app_only(path) {
            &self.full
        } else {
            &self.reader
        }
    }
}

/// The page a list's address asks for (`?trang=N`), read as the app reads it
/// (`src/components/pagination.rs`: a missing or unreadable number is page 1), with the
/// app's page size; `None` past the last page the API serves.
fn requested_page(query: Option<&str>) -> Option<PageRequest> {
    let page = url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(name, _)| name == paging::PAGE_PARAM)
        .map(|(_, value)| value);
    PageRequest::new(Some(paging::requested_page(page.as_deref())), None).ok()
}

/// The map, the widget gallery and the widgets: what the reader app does not have.
fn in_full_app_only(path: &str) -> bool {
    FULL_APP_ROUTES.contains(&path) || path.starts_with("/embed/")
}

/// The pages the reader app does not have (besides the widgets, `/embed/*`).
const FULL_APP_ROUTES: &[&str] = &["/ban-do", "/nhung"];

/// Paths the app draws without asking the server about them first (and the sitemap lists
/// whatever the content).
pub const STATIC_ROUTES: &[&str] = &[
    "/",
    SEARCH_PAGE_PATH,
    DOCUMENTS_PAGE,
    SCHEDULE_PAGE_PATH,
    LINKS_PAGE_PATH,
    "/ban-do",
    "/nhung",
    FEEDBACK_PAGE_PATH,
    QUESTIONS_PAGE_PATH,
    LOOKUP_PAGE_PATH,
    PROCEDURES_PAGE_PATH,
    ABOUT_PAGE_PATH,
    ORGANIZATION_PAGE_PATH,
    EN_PREFIX,
    EN_SEARCH_PATH,
    EN_ABOUT_PATH,
    EN_ORGANIZATION_PATH,
    EN_CONTACT_PATH,
];

/// The documents library's list.
pub const DOCUMENTS_PAGE: &str = portal_contract::documents::DOCUMENTS_PAGE_PATH;
/// The newest documents as RSS (`feeds::rss::documents_feed`).
pub const DOCUMENTS_FEED: &str = "/van-ban/rss.xml";

/// What the server knows of a route: whether it exists, and what previews should show.
struct PageMeta {
    status: StatusCode,
    preview: Option<Preview>,
    /// A feed of this page's own (a category's, the documents'), besides the site's that
    /// every page names.
    feed: Option<Feed>,
    /// The page's own title in previews, where it has one (a category's name).
    title: Option<String>,
    /// The page's own description in previews, where it has one.
    description: Option<&'static str>,
    /// The same page in the other language, where there is one (`hreflang`).
    counterpart: Option<String>,
    /// A list page's content, drawn as its reading view under the site's menu (the other
    /// pages without a preview of their own get the portal's name and menu alone).
    list_page: Option<ListPage>,
}

enum ListPage {
    /// A category's page of articles.
    Category {
        category: portal_contract::CategoryRef,
        list: portal_contract::Paged<portal_contract::ArticleSummary>,
    },
    /// The Vietnamese home page's main column.
    Home(reading_view::HomeContent),
    /// The search page (`/tim-kiem`, `/en/search`) with its hits.
    Search(reading_view::SearchContent),
    /// The work schedule's week; `None` when the address names a week that does not exist.
    Schedule(Option<WeekSchedule>),
    /// Every linked website, by group.
    Links(Vec<LinkGroup>),
    /// The procedures' list, filtered as the address asks.
    Procedures(reading_view::ProceduresContent),
    /// The answered questions' list, filtered as the address asks.
    Questions(reading_view::QuestionsContent),
    /// The documents library, filtered as the address asks.
    Documents(reading_view::DocumentsContent),
    /// The English home page's page of news.
    EnglishHome(portal_contract::Paged<portal_contract::ArticleSummary>),
}

struct Feed {
    href: String,
    title: &'static str,
}

struct Preview {
    title: String,
    description: String,
    path: String,
    image: Option<String>,
    /// The API path (after the API base) the app asks first on this page.
    data: Option<String>,
    /// The page's content as plain HTML (`reading_view`), shown until the app starts.
    reading_view: Option<String>,
    /// What search engines read of the page (schema.org), when it is more than a web page.
    structured: Option<Structured>,
}

enum Structured {
    NewsArticle(NewsArticleFacts),
    /// A question and its answer (`FAQPage`).
    Faq(FaqFacts),
}

struct FaqFacts {
    question: String,
    answer_text: String,
    asked_at: String,
    answered_at: String,
    answered_by: String,
}

struct NewsArticleFacts {
    published_at: String,
    updated_at: String,
    author: String,
    publisher: String,
}

pub async fn app_page(
    State((state, shell)): State<(AppState, AppShell)>,
    request: Request,
) -> Response {
    let path = request.uri().path().to_string();
    if is_staff_path(&path) {
        return staff_page(&shell.staff);
    }
    // The configured address, or relative links: never the request's `Host`, which a client
    // or a misconfigured proxy can set to anything and a cache would then keep.
    let origin = state.public_url.as_deref().unwrap_or("").to_string();
    let meta = match page_meta(&state, &path, request.uri().query()).await {
        Ok(meta) => meta,
        Err(err) => {
            tracing::error!(?err, "looking up a page");
            PageMeta {
                status: StatusCode::OK,
                preview: None,
                feed: None,
                title: None,
                description: None,
                counterpart: None,
                list_page: None,
            }
        }
    };
    let lang = Lang::of_path(&path);
    let page = shell.for_path(&path);
    let html = match meta.preview {
        Some(preview) => {
            let mut html = with_preview(&page.html, &preview, &origin);
            if let Some(data) = &preview.data {
                html = with_data_preload(&html, &page.api_base, data);
            }
            if let Some(view) = &preview.reading_view {
                html = reading_view::insert(&reading_view::without_script_note(&html), view);
            }
            html
        }
        // Every other reading page shows the portal's name and menu until the app starts,
        // and carries a preview card of the portal (or of its category).
        None if !in_full_app_only(&path) => match site_settings(&state, lang).await {
            Ok(site) => {
                let mut html = page.html.to_string();
                if meta.status == StatusCode::OK {
                    let card = ShareCard::for_page(
                        site.as_ref(),
                        meta.title.as_deref(),
                        meta.description,
                        &path,
                    );
                    html = with_share_card(&html, &card, &origin, lang);
                }
                // No preload of the app's requests for a list: its client (gloo-net) writes
                // the query string otherwise than a link can, so the browser would fetch the
                // list twice.
                let view = match &meta.list_page {
                    Some(ListPage::Category { category, list }) => {
                        Some(reading_view::render_category(site.as_ref(), category, list))
                    }
                    Some(ListPage::Home(home)) => {
                        Some(reading_view::render_home(site.as_ref(), home))
                    }
                    Some(ListPage::Search(search)) => {
                        Some(reading_view::render_search(site.as_ref(), search))
                    }
                    Some(ListPage::Schedule(week)) => {
                        Some(reading_view::render_schedule(site.as_ref(), week.as_ref()))
                    }
                    Some(ListPage::Links(groups)) => {
                        Some(reading_view::render_links(site.as_ref(), groups))
                    }
                    Some(ListPage::Procedures(procedures)) => {
                        Some(reading_view::render_procedures(site.as_ref(), procedures))
                    }
                    Some(ListPage::Questions(questions)) => {
                        Some(reading_view::render_questions(site.as_ref(), questions))
                    }
                    Some(ListPage::Documents(documents)) => {
                        Some(reading_view::render_documents(site.as_ref(), documents))
                    }
                    Some(ListPage::EnglishHome(news)) => {
                        Some(reading_view::render_english_home(site.as_ref(), news))
                    }
                    None => None,
                };
                match view {
                    Some(view) => {
                        reading_view::insert(&reading_view::without_script_note(&html), &view)
                    }
                    None => reading_view::insert(
                        &html,
                        &reading_view::render_frame(site.as_ref(), &path),
                    ),
                }
            }
            Err(err) => {
                tracing::error!(?err, "reading the site's settings for a page");
                page.html.to_string()
            }
        },
        None => page.html.to_string(),
    };
    let html = match &meta.feed {
        Some(feed) => insert_in_head(
            &html,
            &format!(
                "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"{}\" href=\"{}\">",
                escape(feed.title),
                escape(&feed.href)
            ),
        ),
        None => html,
    };
    let html = with_language(&html, lang, &path, meta.counterpart.as_deref(), &origin);
    let mut response = (meta.status, html).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    response
}

/// The staff area's page, the same for every path under it: the app signs in and routes.
/// Never indexed, never stored by a shared cache.
fn staff_page(page: &ShellPage) -> Response {
    let mut response = (StatusCode::OK, page.html.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex, nofollow"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-cache, private"),
    );
    response
}

/// The page in its language: `<html lang>` (the shell is Vietnamese), and, where the page
/// has a counterpart in the other language, `<link rel="alternate" hreflang>` to both (each
/// version names itself and the other, as search engines ask).
fn with_language(
    html: &str,
    lang: Lang,
    path: &str,
    counterpart: Option<&str>,
    origin: &str,
) -> String {
    let html = match lang {
        Lang::Vi => html.to_string(),
        Lang::En => html.replacen("<html lang=\"vi\"", "<html lang=\"en\"", 1),
    };
    match counterpart {
        Some(other) => insert_in_head(
            &html,
            &format!(
                "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\
                 <link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                lang.code(),
                escape(&absolute(path, origin)),
                lang.other().code(),
                escape(&absolute(other, origin)),
            ),
        ),
        None => html,
    }
}

/// The portal's own image for link previews (`make-share-image.mjs` draws it; trunk copies
/// it beside the app): pages without an image of their own show it.
pub const SHARE_IMAGE: &str = "/share-image.png";

/// What a link preview (Open Graph) shows of a page that is not an article.
struct ShareCard {
    title: String,
    description: String,
    path: String,
}

impl ShareCard {
    /// `description` is the page's own; a category's page (`title` alone) gets one made from
    /// its name.
    fn for_page(
        site: Option<&portal_contract::Site>,
        title: Option<&str>,
        description: Option<&str>,
        path: &str,
    ) -> Self {
        let site_name = site.map_or(portal_contract::DEFAULT_SITE_NAME, |site| &site.name);
        let site_description = site.map_or_else(String::new, |site| site.description.clone());
        match title {
            Some(title) => Self {
                title: format!("{title} | {site_name}"),
                description: description.map_or_else(
                    || format!("Tin {title} – {site_name}"),
                    |description| description.to_string(),
                ),
                path: path.to_string(),
            },
            None => Self {
                title: site_name.to_string(),
                description: site_description,
                path: path.to_string(),
            },
        }
    }
}

fn with_share_card(shell: &str, card: &ShareCard, origin: &str, lang: Lang) -> String {
    let mut tags = open_graph(
        "website",
        &card.title,
        &card.description,
        &card.path,
        origin,
        lang,
    );
    tags.push_str(&share_image_tags(None, origin));
    let html = replace_between(shell, "<title>", "</title>", &escape(&card.title));
    insert_in_head(&html, &tags)
}

/// The Open Graph tags every preview has, and the canonical address.
fn open_graph(
    kind: &str,
    title: &str,
    description: &str,
    path: &str,
    origin: &str,
    lang: Lang,
) -> String {
    let url = escape(&format!("{origin}{path}"));
    let mut tags = format!(
        "<meta property=\"og:type\" content=\"{kind}\">\
         <meta property=\"og:locale\" content=\"{}\">\
         <meta property=\"og:title\" content=\"{}\">\
         <meta property=\"og:url\" content=\"{url}\">\
         <link rel=\"canonical\" href=\"{url}\">",
        lang.locale(),
        escape(title)
    );
    if !description.is_empty() {
        tags.push_str(&format!(
            "<meta property=\"og:description\" content=\"{}\">",
            escape(description)
        ));
    }
    tags
}

/// `og:image` for `image` (a page's own, on this site or an allowed host), or the portal's.
fn share_image_tags(image: Option<&str>, origin: &str) -> String {
    match image {
        Some(image) => format!(
            "<meta property=\"og:image\" content=\"{}\">",
            escape(&absolute(image, origin))
        ),
        None => format!(
            "<meta property=\"og:image\" content=\"{}\">\
             <meta property=\"og:image:width\" content=\"1200\">\
             <meta property=\"og:image:height\" content=\"630\">",
            escape(&absolute(SHARE_IMAGE, origin))
        ),
    }
}

fn absolute(url: &str, origin: &str) -> String {
    if url.starts_with("http://") || url.starts_with("https://") {
        url.to_string()
    } else {
        format!("{origin}/{}", url.trim_start_matches('/'))
    }
}

async fn page_meta(
    state: &AppState,
    path: &str,
    query: Option<&str>,
) -> Result<PageMeta, crate::error::AppError> {
    let found = |preview| PageMeta {
        status: StatusCode::OK,
        preview,
        feed: None,
        title: None,
        description: None,
        counterpart: counterpart_page(path).map(str::to_string),
        list_page: None,
    };
    let missing = PageMeta {
        status: StatusCode::NOT_FOUND,
        preview: None,
        feed: None,
        title: None,
        description: None,
        counterpart: None,
        list_page: None,
    };
    if path == DOCUMENTS_PAGE {
        return Ok(PageMeta {
            feed: Some(Feed {
                href: DOCUMENTS_FEED.to_string(),
                title: "Văn bản mới",
            }),
            title: Some("Văn bản".to_string()),
            description: Some(
                "Văn bản của huyện Bình Liêu: quyết định, kế hoạch, thông báo, công văn…, tra cứu \
                 theo số ký hiệu, loại, cơ quan ban hành, lĩnh vực, năm và tình trạng hiệu lực.",
            ),
            // A filter the API refuses gets the frame only: the app says what is wrong.
            list_page: documents_content(state, query)
                .await?
                .map(ListPage::Documents),
            ..found(None)
        });
    }
    if path == PROCEDURES_PAGE_PATH {
        return Ok(PageMeta {
            title: Some("Thủ tục hành chính".to_string()),
            description: Some(PROCEDURES_DESCRIPTION),
            list_page: Some(ListPage::Procedures(
                procedures_content(state, query).await?,
            )),
            ..found(None)
        });
    }
    // The introduction, the English contacts and the organisation are content from the
    // database, readable before the app starts as an article is.
    let lang = Lang::of_path(path);
    let editorial_page = match path {
        ABOUT_PAGE_PATH | EN_ABOUT_PATH => Some(ABOUT_PAGE_SLUG),
        EN_CONTACT_PATH => Some(CONTACT_PAGE_SLUG),
        _ => None,
    };
    if let Some(slug) = editorial_page {
        let tiles = state.map_tiles.as_ref().clone();
        let found_page = state
            .db(move |conn| {
                let Some(page) = store::about::page(conn, slug, lang)? else {
                    return Ok(None);
                };
                Ok(Some((page, store::site::site_in(conn, tiles, lang)?)))
            })
            .await?;
        return Ok(match found_page {
            Some((page, site)) => found(Some(Preview {
                path: path.to_string(),
                data: Some(api_path_in(&format!("/pages/{slug}"), lang)),
                reading_view: Some(reading_view::render_page(site.as_ref(), &page, path)),
                structured: None,
                title: page.title,
                description: page.summary,
                image: None,
            })),
            None => missing,
        });
    }
    if path == ORGANIZATION_PAGE_PATH || path == EN_ORGANIZATION_PATH {
        let tiles = state.map_tiles.as_ref().clone();
        let found_organization = state
            .db(move |conn| {
                let Some(organization) = store::about::organization(conn, lang)? else {
                    return Ok(None);
                };
                Ok(Some((
                    organization,
                    store::site::site_in(conn, tiles, lang)?,
                )))
            })
            .await?;
        let t = lang.texts();
        return Ok(match found_organization {
            Some((organization, site)) => found(Some(Preview {
                path: path.to_string(),
                data: Some(api_path_in("/organization", lang)),
                reading_view: Some(reading_view::render_organization(
                    site.as_ref(),
                    &organization,
                    lang,
                )),
                structured: None,
                title: t.org_title.to_string(),
                description: t.org_description.to_string(),
                image: None,
            })),
            None => missing,
        });
    }
    if path == lang.home() && lang == Lang::Vi {
        return Ok(PageMeta {
            list_page: Some(ListPage::Home(home_content(state).await?)),
            ..found(None)
        });
    }
    if path == EN_PREFIX {
        return Ok(PageMeta {
            list_page: Some(ListPage::EnglishHome(
                english_home_content(state, query).await?,
            )),
            ..found(None)
        });
    }
    if path == SEARCH_PAGE_PATH || path == EN_SEARCH_PATH {
        // A search the API refuses (a malformed date, an unknown category) gets the frame
        // only: the app says what is wrong.
        return Ok(PageMeta {
            list_page: search_content(state, lang, query)
                .await
                .ok()
                .map(ListPage::Search),
            ..found(None)
        });
    }
    if path == SCHEDULE_PAGE_PATH {
        return Ok(PageMeta {
            list_page: Some(ListPage::Schedule(schedule_content(state, query).await?)),
            ..found(None)
        });
    }
    if path == QUESTIONS_PAGE_PATH {
        // A field the API does not know gets the frame only: the app says what is wrong.
        return Ok(PageMeta {
            list_page: questions_content(state, query)
                .await?
                .map(ListPage::Questions),
            ..found(None)
        });
    }
    if path == LINKS_PAGE_PATH {
        return Ok(PageMeta {
            list_page: Some(ListPage::Links(links_content(state).await?)),
            ..found(None)
        });
    }
    if STATIC_ROUTES.contains(&path) || path == crate::service_worker::SAVED_PAGE {
        return Ok(found(None));
    }
    if let Some(widget) = path.strip_prefix("/embed/") {
        return Ok(match Widget::from_slug(widget) {
            Some(_) => found(None),
            None => missing,
        });
    }
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["tin-tuc", slug] | ["en", "news", slug] if !slug.is_empty() => {
            let slug = slug.to_string();
            let tiles = state.map_tiles.as_ref().clone();
            let found_article = state
                .db(move |conn| {
                    // An article has the page of its own language only.
                    let Some(article) = store::articles::article(conn, &slug)?
                        .filter(|article| article.lang == lang)
                    else {
                        return Ok(None);
                    };
                    let site = store::site::site_in(conn, tiles, lang)?;
                    Ok(Some((article, site)))
                })
                .await?;
            Ok(match found_article {
                Some((article, site)) => PageMeta {
                    counterpart: article
                        .counterpart
                        .as_ref()
                        .map(|slug| lang.other().article_path(slug)),
                    ..found(Some(Preview {
                        path: lang.article_path(&article.slug),
                        data: Some(format!("/articles/{}", article.slug)),
                        reading_view: Some(reading_view::render_article(site.as_ref(), &article)),
                        structured: Some(Structured::NewsArticle(NewsArticleFacts {
                            published_at: article.published_at.to_rfc3339(),
                            updated_at: article.updated_at.to_rfc3339(),
                            author: article.author.clone(),
                            publisher: site.as_ref().map_or_else(
                                || portal_contract::DEFAULT_SITE_NAME.to_string(),
                                |site| site.name.clone(),
                            ),
                        })),
                        title: article.title,
                        description: article.summary,
                        image: article.image.map(|image| image.url),
                    }))
                },
                None => missing,
            })
        }
        ["chuyen-muc", slug] if !slug.is_empty() => {
            let slug = slug.to_string();
            let feed = format!("/rss/{slug}.xml");
            let page = requested_page(query);
            let found_category = state
                .db(move |conn| {
                    let Some((id, category)) = store::categories::category(conn, &slug)? else {
                        return Ok(None);
                    };
                    let filter = store::articles::ArticleFilter {
                        category_id: Some(id),
                        ..Default::default()
                    };
                    let list = match page {
                        Some(page) => Some(store::articles::list_articles(conn, &filter, page)?),
                        None => None,
                    };
                    Ok(Some((category, list)))
                })
                .await?;
            Ok(match found_category {
                Some((category, list)) => PageMeta {
                    feed: Some(Feed {
                        href: feed,
                        title: "Tin của chuyên mục",
                    }),
                    title: Some(category.name.clone()),
                    list_page: list.map(|list| ListPage::Category { category, list }),
                    ..found(None)
                },
                None => missing,
            })
        }
        ["van-ban", slug] if !slug.is_empty() => {
            let slug = slug.to_string();
            let tiles = state.map_tiles.as_ref().clone();
            let today = crate::clock::today();
            let found_document = state
                .db(move |conn| {
                    let Some(document) = store::documents::document(conn, &slug, today)? else {
                        return Ok(None);
                    };
                    let site = store::site::site(conn, tiles)?;
                    Ok(Some((document, site)))
                })
                .await?;
            Ok(match found_document {
                Some((document, site)) => found(Some(Preview {
                    title: document_title(&document.kind, &document.number),
                    path: format!("{DOCUMENTS_PAGE}/{}", document.slug),
                    data: Some(format!("/documents/{}", document.slug)),
                    reading_view: Some(reading_view::render_document(site.as_ref(), &document)),
                    structured: None,
                    description: document.summary,
                    // The portal's share image: a document has no picture of its own.
                    image: None,
                })),
                None => missing,
            })
        }
        ["thu-tuc", slug] if !slug.is_empty() => {
            let slug = slug.to_string();
            let tiles = state.map_tiles.as_ref().clone();
            let found_procedure = state
                .db(move |conn| {
                    let Some(procedure) = store::procedures::procedure(conn, &slug)? else {
                        return Ok(None);
                    };
                    Ok(Some((procedure, store::site::site(conn, tiles)?)))
                })
                .await?;
            Ok(match found_procedure {
                Some((procedure, site)) => found(Some(Preview {
                    path: procedure_href(&procedure.slug),
                    data: Some(format!("/procedures/{}", procedure.slug)),
                    reading_view: Some(reading_view::render_procedure(site.as_ref(), &procedure)),
                    structured: None,
                    description: procedure_description(&procedure.name, &procedure.field.name),
                    title: procedure.name,
                    image: None,
                })),
                None => missing,
            })
        }
        ["hoi-dap", reference] if !reference.is_empty() => {
            let reference = reference.to_uppercase();
            let tiles = state.map_tiles.as_ref().clone();
            let found_question = state
                .db(move |conn| {
                    let Some(question) = store::questions::question(conn, &reference)? else {
                        return Ok(None);
                    };
                    Ok(Some((question, store::site::site(conn, tiles)?)))
                })
                .await?;
            Ok(match found_question {
                Some((question, site)) => {
                    let answer_text = crate::sanitize::plain_text(&question.answer.body_html);
                    found(Some(Preview {
                        path: format!("{QUESTIONS_PAGE_PATH}/{}", question.reference),
                        data: Some(format!("/questions/{}", question.reference)),
                        reading_view: Some(reading_view::render_question(site.as_ref(), &question)),
                        description: excerpt(&question.question, DESCRIPTION_CHARS),
                        structured: Some(Structured::Faq(FaqFacts {
                            question: question.question,
                            answer_text: answer_text
                                .split_whitespace()
                                .collect::<Vec<_>>()
                                .join(" "),
                            asked_at: question.asked_at.to_rfc3339(),
                            answered_at: question.answer.answered_at.to_rfc3339(),
                            answered_by: question.answer.unit,
                        })),
                        title: question.title,
                        image: None,
                    }))
                }
                None => missing,
            })
        }
        _ => Ok(missing),
    }
}

fn with_preview(shell: &str, preview: &Preview, origin: &str) -> String {
    let title = escape(&preview.title);
    let description = escape(&preview.description);
    let mut tags = open_graph(
        "article",
        &preview.title,
        &preview.description,
        &preview.path,
        origin,
        Lang::of_path(&preview.path),
    );
    tags.push_str(&share_image_tags(preview.image.as_deref(), origin));
    let image = preview
        .image
        .as_deref()
        .map(|image| absolute(image, origin));
    let data = match &preview.structured {
        Some(Structured::NewsArticle(facts)) => Some(serde_json::json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": preview.title,
            "description": preview.description,
            "datePublished": facts.published_at,
            "dateModified": facts.updated_at,
            "author": {"@type": "Person", "name": facts.author},
            "publisher": {"@type": "GovernmentOrganization", "name": facts.publisher},
            "mainEntityOfPage": format!("{origin}{}", preview.path),
            "image": image.as_ref().map(|image| vec![image]).unwrap_or_default(),
            "inLanguage": "vi",
        })),
        Some(Structured::Faq(facts)) => Some(serde_json::json!({
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": "vi",
            "mainEntity": [{
                "@type": "Question",
                "name": preview.title,
                "text": facts.question,
                "dateCreated": facts.asked_at,
                "answerCount": 1,
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": facts.answer_text,
                    "dateCreated": facts.answered_at,
                    "author": {"@type": "GovernmentOrganization", "name": facts.answered_by},
                    "url": format!("{origin}{}", preview.path),
                },
            }],
        })),
        None => None,
    };
    if let Some(data) = data {
        // A data block, never run (the CSP's script hashes do not cover it and need not);
        // its text cannot close the element (`<` is written \u003c).
        tags.push_str(&format!(
            "<script type=\"application/ld+json\">{}</script>",
            crate::routes::json::html_safe_string(&data)
        ));
    }
    let mut html = replace_between(shell, "<title>", "</title>", &title);
    html = replace_meta_description(&html, &description);
    insert_in_head(&html, &tags)
}

/// `html` with `tags` at the end of its head.
fn insert_in_head(html: &str, tags: &str) -> String {
    let mut html = html.to_string();
    match html.find("</head>") {
        Some(at) => html.insert_str(at, tags),
        None => html.push_str(tags),
    }
    html
}

/// Adds `<link rel=preload>` for the API path `data` on the API at `base`, exactly as the app
/// will request it (same URL, same CORS mode), so the browser hands the app the answer it
/// already has.
fn with_data_preload(html: &str, base: &str, data: &str) -> String {
    let link = format!(
        "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">",
        escape(&format!("{base}{data}"))
    );
    insert_in_head(html, &link)
}

fn replace_between(html: &str, start: &str, end: &str, with: &str) -> String {
    let Some(open) = html.find(start) else {
        return html.to_string();
    };
    let from = open + start.len();
    let Some(close) = html[from..].find(end) else {
        return html.to_string();
    };
    format!("{}{with}{}", &html[..from], &html[from + close..])
}

fn replace_meta_description(html: &str, description: &str) -> String {
    let Some(at) = html.find("<meta name=\"description\"") else {
        return html.to_string();
    };
    let Some(length) = html[at..].find('>') else {
        return html.to_string();
    };
    format!(
        "{}<meta name=\"description\" content=\"{description}\">{}",
        &html[..at],
        &html[at + length + 1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_replaces_title_and_description_and_escapes() {
        let shell = "<html><head><title>Cổng</title><meta name=\"description\" content=\"chung\"></head><body></body></html>";
        let preview = Preview {
            title: "Tin \"nóng\" <script>".into(),
            description: "Mô tả & thêm".into(),
            path: "/tin-tuc/tin-nong".into(),
            image: Some("/anh/a.jpg".into()),
            data: None,
            reading_view: None,
            structured: Some(Structured::NewsArticle(NewsArticleFacts {
                published_at: "2021-12-03T14:57:00+07:00".into(),
                updated_at: "2021-12-04T08:00:00+07:00".into(),
                author: "Ban biên tập".into(),
                publisher: "Cổng thông tin".into(),
            })),
        };
        let html = with_preview(shell, &preview, "https://binhlieu.example");
        assert!(
            html.contains("<title>Tin &quot;nóng&quot; &lt;script&gt;</title>"),
            "{html}"
        );
        // The structured data holds the title as JSON, its `<` unable to end the element.
        let data = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("a NewsArticle block");
        assert!(!data.contains('<'), "{data}");
        let data: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(data["@type"], "NewsArticle");
        assert_eq!(data["headline"], "Tin \"nóng\" <script>");
        assert_eq!(data["datePublished"], "2021-12-03T14:57:00+07:00");
        assert_eq!(data["image"][0], "https://binhlieu.example/anh/a.jpg");
        assert!(
            html.contains("<meta name=\"description\" content=\"Mô tả &amp; thêm\">"),
            "{html}"
        );
        assert!(
            html.contains(
                "<meta property=\"og:url\" content=\"https://binhlieu.example/tin-tuc/tin-nong\">"
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "<meta property=\"og:image\" content=\"https://binhlieu.example/anh/a.jpg\">"
            ),
            "{html}"
        );
        assert!(!html.contains("content=\"chung\""), "{html}");
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn data_preload_uses_the_configured_api_base() {
        let page = ShellPage::new(
            "<html><head><meta name=\"portal-api-base\" content=\"https://api.example.gov.vn/api/v1/\"></head><body></body></html>".into(),
        );
        let html = with_data_preload(&page.html, &page.api_base, "/articles/tin-nong");
        assert!(
            html.contains("<link rel=\"preload\" href=\"https://api.example.gov.vn/api/v1/articles/tin-nong\" as=\"fetch\" crossorigin=\"anonymous\"></head>"),
            "{html}"
        );
        let without_setting = ShellPage::new("<head></head>".into());
        let html = with_data_preload(
            &without_setting.html,
            &without_setting.api_base,
            "/articles/a",
        );
        assert!(html.contains("href=\"/api/v1/articles/a\""), "{html}");
    }
}
