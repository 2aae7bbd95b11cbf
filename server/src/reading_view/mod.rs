//! The page as plain HTML inside the app's page, shown from the moment the page arrives until
//! the app's wasm has downloaded (seconds on a slow mobile network), and without JavaScript:
//! every reading page gets the portal's name and menu; an article's page also the breadcrumb,
//! the article and its author; a document's page the breadcrumb and the document (its facts,
//! body, files and related documents); a published question's page the question and answer;
//! a procedure's page the procedure as a checklist; `/gioi-thieu` the editorial page and
//! `/co-cau-to-chuc` the organisation's tree; a category's page its page of articles with the
//! page links; the home page its main column (featured news, documents, answers, a block for
//! each category); the search page its form, hits and documents. The app draws itself behind
//! it and removes it when it starts, or, on a page with an `<article>`, once its own is drawn
//! (`src/reading_view.rs`).
//!
//! The markup and class names are the app's (`src/pages/article.rs`, `src/pages/documents.rs`,
//! `src/pages/questions.rs`, `src/pages/procedures.rs`, `src/pages/about.rs`,
//! `src/pages/category.rs`, `src/pages/home.rs`, `src/components/article_list.rs`,
//! `src/components/document_list.rs`, `src/components/question_list.rs`,
//! `src/components/pagination.rs`, `src/components/header.rs`; the search page's in
//! `search.rs`), so the page looks the same before and after; it carries only what needs no
//! script. `tests/e2e/reading-view-drift.spec.ts` compares the two.

use chrono::NaiveDate;
use portal_contract::about::{
    about_path, more_link, tel_href, OrgUnit, Organization, SitePage, UnitKind, ABOUT_PAGE_PATH,
};
use portal_contract::documents::{
    document_path, document_title, Document, DocumentFile, DocumentRelation, DocumentSummary,
    DOCUMENTS_PAGE_PATH,
};
use portal_contract::i18n::{
    counterpart_page, EN_ABOUT_PATH, EN_CONTACT_PATH, EN_ORGANIZATION_PATH, EN_PREFIX,
};
use portal_contract::paging::{page_of, pages_to_show, PAGE_PARAM};
use portal_contract::procedures::{
    Procedure, Requirement, PROCEDURES_PAGE_PATH, PROCEDURE_FIELD_PARAM, PROCEDURE_LEVEL_PARAM,
};
use portal_contract::questions::{
    asked_by, question_path, PublicQuestion, QUESTIONS_PAGE_PATH, QUESTION_FIELD_PARAM,
};
use portal_contract::time::{format_day, format_display, format_display_in};
use portal_contract::{
    category_path, fill, format_file_size, plural, Article, ArticleSummary, CategoryRef, Image,
    Lang, Paged, Site, Texts, LEAD_IMAGE_SIZES, READING_VIEW_ID, THUMBNAIL_SIZES,
};

use crate::html::escape;

mod search;
pub use search::{render_search, SearchContent};

/// The portal's name and menu alone, for the page at `path`: every reading page but those
/// with their own view. `site` is `None` before the site's settings are stored.
pub fn render_frame(site: Option<&Site>, path: &str) -> String {
    let lang = Lang::of_path(path);
    format!(
        "<div id=\"{READING_VIEW_ID}\">{}</div>",
        header(site, lang, &switch_target(lang, counterpart_page(path)))
    )
}

/// Where the language switch leads: the page's counterpart, or the other language's home.
fn switch_target(lang: Lang, counterpart: Option<&str>) -> String {
    counterpart.unwrap_or(lang.other().home()).to_string()
}

/// The reading view of `article` under the portal's name and menu, in its language.
pub fn render(site: Option<&Site>, article: &Article) -> String {
    let lang = article.lang;
    let t = lang.texts();
    let title = escape(&article.title);
    let author = escape(&article.author);
    let counterpart = article
        .counterpart
        .as_ref()
        .map(|slug| lang.other().article_path(slug));
    // As the app: English articles show no category (theirs are Vietnamese) and no sidebar.
    let (category, columns_open, columns_close) = match lang {
        Lang::Vi => (
            format!(
                "<li><a href=\"{}\">{}</a></li>",
                escape(&category_path(&article.category.slug)),
                escape(&article.category.name)
            ),
            "<div class=\"with-sidebar\"><div class=\"main-column\">",
            "</div></div>",
        ),
        Lang::En => (String::new(), "<div class=\"main-column\">", "</div>"),
    };
    // The body was sanitized with the allowlist before it was stored (`sanitize.rs`): it is
    // the same HTML the app puts into the page.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}\
         <main class=\"site-main\">{columns_open}\
         <nav class=\"breadcrumb\" aria-label=\"{breadcrumb}\"><ol><li><a href=\"{home}\">{home_text}</a></li>\
         {category}</ol></nav>\
         <article class=\"article\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{shown_time}</time> · \
         <span class=\"article-author-inline\">{author}</span></p>\
         <p class=\"article-summary\">{summary}</p>{image}\
         <div class=\"article-body\">{body}</div>\
         <p class=\"article-author\">{author}</p></article>\
         {columns_close}</main></div>",
        header = header(site, lang, &switch_target(lang, counterpart.as_deref())),
        breadcrumb = t.breadcrumb_label,
        home = lang.home(),
        home_text = t.menu_home,
        datetime = article.published_at.to_rfc3339(),
        shown_time = format_display_in(lang, &article.published_at),
        summary = escape(&article.summary),
        image = article.image.as_ref().map(lead_image).unwrap_or_default(),
        body = article.body_html,
    )
}

/// A category's page `list.page` under the portal's name and menu, as the app draws it
/// (`src/pages/category.rs`): its name, how many articles, the articles and the page links.
pub fn render_category(
    site: Option<&Site>,
    category: &CategoryRef,
    list: &Paged<ArticleSummary>,
) -> String {
    let t = Lang::Vi.texts();
    let base = category_path(&category.slug);
    let (current, count) = (list.page, list.page_count());
    // As the app's category page: the total as a plain number.
    let total = fill(
        plural(list.total, t.category_total_one, t.category_total),
        &[("n", &list.total.to_string())],
    );
    let page_of = page_of(t, current, count).unwrap_or_default();
    let articles = if list.items.is_empty() && current > 1 {
        format!(
            "<p class=\"empty\">{}<a href=\"{}\">{}</a></p>",
            t.category_page_empty,
            escape(&base),
            t.first_page
        )
    } else if list.items.is_empty() {
        format!("<p class=\"empty\">{}</p>", t.no_articles)
    } else {
        let cards: String = list
            .items
            .iter()
            .map(|article| format!("<li>{}</li>", article_card(article, Lang::Vi, 2, true)))
            .collect();
        format!("<ul class=\"article-list\">{cards}</ul>")
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"page-title\">{name}</h1>\
         <p class=\"list-total\">{total}{page_of}</p>{articles}{pages}</main></div>",
        header = vietnamese_header(site),
        name = escape(&category.name),
        total = escape(&total),
        page_of = escape(&page_of),
        pages = pagination(t, current, count, |page| format!(
            "{base}?{PAGE_PARAM}={page}"
        )),
    )
}

/// What the Vietnamese home page shows in its main column (`contract::home`).
pub struct HomeContent {
    pub featured: Vec<ArticleSummary>,
    pub documents: Vec<DocumentSummary>,
    pub questions: Vec<PublicQuestion>,
    /// Each of `home_block_categories` with its newest articles, in the menu's order.
    pub blocks: Vec<(CategoryRef, Vec<ArticleSummary>)>,
}

/// The home page's main column under the portal's name and menu, as the app draws it
/// (`src/pages/home.rs`): the featured news, the newest documents and answers and a block for
/// each category. Not the sidebar beside it: the app brings that.
pub fn render_home(site: Option<&Site>, home: &HomeContent) -> String {
    let t = Lang::Vi.texts();
    let blocks: String = home
        .blocks
        .iter()
        .map(|(category, articles)| {
            let href = escape(&category_path(&category.slug));
            let name = escape(&category.name);
            home_block(
                &format!("category-{}", escape(&category.slug)),
                &format!("<a href=\"{href}\">{name}</a>"),
                &article_links(articles, t),
                &href,
                &name,
            )
        })
        .collect();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <h1 class=\"visually-hidden\">{heading}</h1>\
         <div class=\"with-sidebar\"><div class=\"main-column\">\
         <section class=\"featured\" aria-labelledby=\"featured-heading\">\
         <h2 id=\"featured-heading\" class=\"section-heading\">{featured_heading}</h2>{featured}</section>\
         <div class=\"category-blocks\">{documents}{questions}{blocks}</div>\
         </div></div></main></div>",
        header = vietnamese_header(site),
        heading = t.home_heading,
        featured_heading = t.featured_heading,
        featured = featured_news(&home.featured, t),
        documents = home_block(
            "latest-documents-heading",
            &format!(
                "<a href=\"{DOCUMENTS_PAGE_PATH}\">{}</a>",
                t.latest_documents_heading
            ),
            &document_links(&home.documents, t),
            DOCUMENTS_PAGE_PATH,
            t.see_all_documents_hidden,
        ),
        questions = home_block(
            "latest-questions-heading",
            &format!("<a href=\"{QUESTIONS_PAGE_PATH}\">{}</a>", t.menu_questions),
            &question_links(&home.questions, t),
            QUESTIONS_PAGE_PATH,
            t.see_all_questions_hidden,
        ),
    )
}

/// One block of the home page's main column, as the app's `CategoryBlock`: its heading (a
/// link, already HTML) with `id`, `list`, and the link to all of it (`more_href`), named for
/// screen readers by `hidden_name`. The arguments are escaped already.
fn home_block(id: &str, heading: &str, list: &str, more_href: &str, hidden_name: &str) -> String {
    format!(
        "<section class=\"category-block\" aria-labelledby=\"{id}\">\
         <h2 id=\"{id}\" class=\"section-heading\">{heading}</h2>{list}\
         <p class=\"more-link\"><a href=\"{more_href}\">{see_all} \
         <span class=\"visually-hidden\">{hidden_name}</span> ›</a></p></section>",
        see_all = Lang::Vi.texts().see_all,
    )
}

/// The lead featured article large, the others as a list beside it: the app's
/// `FeaturedNews`. The lead's image is the page's largest paint: not lazy.
fn featured_news(articles: &[ArticleSummary], t: &Texts) -> String {
    let Some((lead, others)) = articles.split_first() else {
        return format!("<p class=\"empty\">{}</p>", t.no_featured);
    };
    format!(
        "<div class=\"featured-grid\"><article class=\"featured-lead\">{image}\
         <h3><a href=\"{href}\">{title}</a></h3>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{time}</time> · {category}</p>\
         <p>{summary}</p></article>{others}</div>",
        image = lead
            .image
            .as_ref()
            .map(|image| photo(image, "lead-image", LEAD_IMAGE_SIZES, false))
            .unwrap_or_default(),
        href = escape(&Lang::Vi.article_path(&lead.slug)),
        title = escape(&lead.title),
        datetime = lead.published_at.to_rfc3339(),
        time = format_display_in(Lang::Vi, &lead.published_at),
        category = escape(&lead.category.name),
        summary = escape(&lead.summary),
        others = article_links(others, t),
    )
}

/// Articles as the app's `ArticleList` without summaries, in a block under an `h2`.
fn article_links(articles: &[ArticleSummary], t: &Texts) -> String {
    if articles.is_empty() {
        return format!("<p class=\"empty\">{}</p>", t.no_articles);
    }
    let cards: String = articles
        .iter()
        .map(|article| format!("<li>{}</li>", article_card(article, Lang::Vi, 3, false)))
        .collect();
    format!("<ul class=\"article-list\">{cards}</ul>")
}

/// Documents as the app's `DocumentLinks`: the number above the abstract, with the issue date.
fn document_links(documents: &[DocumentSummary], t: &Texts) -> String {
    if documents.is_empty() {
        return format!("<p class=\"empty\">{}</p>", t.no_documents);
    }
    let items: String = documents
        .iter()
        .map(|document| {
            format!(
                "<li><a class=\"document-link\" href=\"{href}\">\
                 <span class=\"document-link-number\">{number}</span> {summary}</a>\
                 <p class=\"article-meta\"><time datetime=\"{date}\">{day}</time></p></li>",
                href = escape(&document_path(&document.slug)),
                number = escape(&document.number),
                summary = escape(&document.summary),
                date = document.issued_on,
                day = format_day(document.issued_on),
            )
        })
        .collect();
    format!("<ul class=\"article-list document-links\">{items}</ul>")
}

/// Answered questions as the app's `QuestionLinks`, with when they were answered.
fn question_links(questions: &[PublicQuestion], t: &Texts) -> String {
    if questions.is_empty() {
        return format!("<p class=\"empty\">{}</p>", t.no_answered_questions);
    }
    let items: String = questions
        .iter()
        .map(|question| {
            format!(
                "<li><a href=\"{href}\">{title}</a>\
                 <p class=\"article-meta\">{answered} <time datetime=\"{datetime}\">{time}</time></p></li>",
                href = escape(&question_path(&question.reference)),
                title = escape(&question.title),
                answered = t.answered,
                datetime = question.answer.answered_at.to_rfc3339(),
                time = format_display_in(Lang::Vi, &question.answer.answered_at),
            )
        })
        .collect();
    format!("<ul class=\"article-list question-links\">{items}</ul>")
}

/// One article of a list of `lang`'s, as the app's `ArticleCard`
/// (`src/components/article_list.rs`), its title a heading of `level`.
fn article_card(article: &ArticleSummary, lang: Lang, level: u8, show_summary: bool) -> String {
    let summary = if show_summary {
        format!(
            "<p class=\"article-card-summary\">{}</p>",
            escape(&article.summary)
        )
    } else {
        String::new()
    };
    let image = article
        .image
        .as_ref()
        .map(|image| photo(image, "article-card-image", THUMBNAIL_SIZES, true))
        .unwrap_or_default();
    format!(
        "<article class=\"article-card\">{image}\
         <h{level} class=\"article-card-title\"><a href=\"{href}\">{title}</a></h{level}>\
         <p class=\"article-meta\"><time datetime=\"{datetime}\">{time}</time></p>{summary}</article>",
        href = escape(&lang.article_path(&article.slug)),
        title = escape(&article.title),
        datetime = article.published_at.to_rfc3339(),
        time = format_display_in(lang, &article.published_at),
    )
}

/// The page links of a list, as the app's `Pagination` (`src/components/pagination.rs`);
/// nothing for a single page. `href(n)` is the address of page `n`.
fn pagination(t: &Texts, current: u32, count: u32, href: impl Fn(u32) -> String) -> String {
    if count <= 1 {
        return String::new();
    }
    let link = |page: u32, label: &str, current: bool| {
        format!(
            "<li><a href=\"{}\"{} aria-label=\"{}\">{page}</a></li>",
            escape(&href(page)),
            if current {
                " aria-current=\"page\""
            } else {
                ""
            },
            escape(&fill(label, &[("page", &page.to_string())]))
        )
    };
    let mut items = String::new();
    if current > 1 {
        items.push_str(&format!(
            "<li><a href=\"{}\" rel=\"prev\">{}</a></li>",
            escape(&href(current - 1)),
            t.page_previous
        ));
    }
    for page in pages_to_show(current, count) {
        items.push_str(&match page {
            None => "<li class=\"pagination-gap\" aria-hidden=\"true\">…</li>".to_string(),
            Some(page) if page == current => link(page, t.page_n_current, true),
            Some(page) => link(page, t.page_n, false),
        });
    }
    if current < count {
        items.push_str(&format!(
            "<li><a href=\"{}\" rel=\"next\">{}</a></li>",
            escape(&href(current + 1)),
            t.page_next
        ));
    }
    format!(
        "<nav class=\"pagination\" aria-label=\"{}\"><ul>{items}</ul></nav>",
        t.pagination_label
    )
}

/// The header of the Vietnamese pages that have no English counterpart.
fn vietnamese_header(site: Option<&Site>) -> String {
    header(site, Lang::Vi, EN_PREFIX)
}

/// The reading view of `document` under the portal's name and menu.
pub fn render_document(site: Option<&Site>, document: &Document) -> String {
    let date = |day: NaiveDate| format!("<time datetime=\"{day}\">{}</time>", format_day(day));
    let filtered = |name: &str, slug: &str, text: &str| {
        format!(
            "<a href=\"/van-ban?{name}={}\">{}</a>",
            escape(slug),
            escape(text)
        )
    };
    let status = &document.status;
    let replaced_by = status
        .replaced_by
        .as_ref()
        .map(|newer| {
            format!(
                " bởi <a href=\"{}\">{}</a>",
                escape(&document_path(&newer.slug)),
                escape(&newer.number)
            )
        })
        .unwrap_or_default();
    let facts: String = [
        ("Số ký hiệu", escape(&document.number)),
        (
            "Loại văn bản",
            filtered("loai", &document.kind.slug, &document.kind.name),
        ),
        (
            "Cơ quan ban hành",
            filtered("co-quan", &document.issuer.slug, &document.issuer.name),
        ),
        ("Người ký", escape(&document.signer)),
        ("Ngày ban hành", date(document.issued_on)),
        (
            "Ngày hiệu lực",
            date(document.effective_on.unwrap_or(document.issued_on)),
        ),
        (
            "Ngày hết hiệu lực",
            document
                .expires_on
                .map_or_else(|| "Không xác định".to_string(), date),
        ),
        (
            "Lĩnh vực",
            filtered("linh-vuc", &document.field.slug, &document.field.name),
        ),
        (
            "Tình trạng",
            format!(
                "<span class=\"document-status status-{}\">{}</span>{replaced_by}",
                status.code.code(),
                escape(&status.label)
            ),
        ),
    ]
    .iter()
    .map(|(label, value)| format!("<div><dt>{label}</dt><dd>{value}</dd></div>"))
    .collect();
    // The body was sanitized with the allowlist before it was stored, as an article's.
    let body = document
        .body_html
        .as_ref()
        .map(|body| format!("<div class=\"article-body\">{body}</div>"))
        .unwrap_or_default();
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"/van-ban\">Văn bản</a></li></ol></nav>\
         <article class=\"document\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-summary\">{summary}</p>\
         <dl class=\"document-facts\">{facts}</dl>{body}{files}{relations}</article>\
         </main></div>",
        header = vietnamese_header(site),
        title = escape(&document_title(&document.kind, &document.number)),
        summary = escape(&document.summary),
        files = document_files(&document.files),
        relations = document_relations(&document.relations),
    )
}

/// The reading view of a published question and its answer under the portal's name and menu.
pub fn render_question(site: Option<&Site>, question: &PublicQuestion) -> String {
    let time = |at: &chrono::DateTime<chrono::FixedOffset>| {
        format!(
            "<time datetime=\"{}\">{}</time>",
            at.to_rfc3339(),
            format_display(at)
        )
    };
    let field = question
        .field
        .as_ref()
        .map(|field| {
            format!(
                " · <a href=\"{QUESTIONS_PAGE_PATH}?{QUESTION_FIELD_PARAM}={}\">{}</a>",
                escape(&field.slug),
                escape(&field.name)
            )
        })
        .unwrap_or_default();
    // The answer was sanitized with the articles' allowlist before it was stored.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"{QUESTIONS_PAGE_PATH}\">Hỏi đáp</a></li></ol></nav>\
         <article class=\"question\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-meta\">{asker} · {asked_at}{field}</p>\
         <h2 class=\"section-heading\">Câu hỏi</h2><p class=\"question-text\">{text}</p>\
         <section class=\"question-answer\" aria-labelledby=\"answer-heading\">\
         <h2 id=\"answer-heading\" class=\"section-heading\">Trả lời</h2>\
         <p class=\"article-meta\">{unit} · {answered_at}</p>\
         <div class=\"article-body\">{body}</div></section></article></main></div>",
        header = vietnamese_header(site),
        title = escape(&question.title),
        asker = escape(&asked_by(&question.asker)),
        asked_at = time(&question.asked_at),
        text = escape(&question.question),
        unit = escape(&question.answer.unit),
        answered_at = time(&question.answer.answered_at),
        body = question.answer.body_html,
    )
}

/// The reading view of a procedure under the portal's name and menu: the app's
/// `ProcedureView` (`src/pages/procedures.rs`) without its print button and share actions.
pub fn render_procedure(site: Option<&Site>, procedure: &Procedure) -> String {
    let note = if procedure.illustrative {
        "<p class=\"procedure-note\">Mã thủ tục, phí, lệ phí và thời hạn giải quyết trên trang này \
         mang tính minh họa, chưa đối chiếu với Cơ sở dữ liệu quốc gia về thủ tục hành chính.</p>"
    } else {
        ""
    };
    let facts: String = [
        ("Mã thủ tục", escape(&procedure.code)),
        (
            "Lĩnh vực",
            format!(
                "<a href=\"{PROCEDURES_PAGE_PATH}?{PROCEDURE_FIELD_PARAM}={}\">{}</a>",
                escape(&procedure.field.slug),
                escape(&procedure.field.name)
            ),
        ),
        (
            "Cấp thực hiện",
            format!(
                "<a href=\"{PROCEDURES_PAGE_PATH}?{PROCEDURE_LEVEL_PARAM}={}\">{}</a>",
                procedure.level.slug(),
                procedure.level.label()
            ),
        ),
        ("Cơ quan thực hiện", escape(&procedure.agency)),
        ("Thời hạn giải quyết", escape(&procedure.processing_time)),
        ("Phí, lệ phí", escape(&procedure.fees)),
        ("Kết quả", escape(&procedure.result)),
    ]
    .iter()
    .map(|(term, value)| format!("<div><dt>{term}</dt><dd>{value}</dd></div>"))
    .collect();
    // As the app: only an https address becomes a link.
    let service = procedure
        .service_url
        .as_deref()
        .filter(|url| url.starts_with("https://"))
        .map(|url| {
            format!(
                "<p><a class=\"button\" href=\"{}\">Làm thủ tục này trên Cổng Dịch vụ công quốc gia</a></p>",
                escape(url)
            )
        })
        .unwrap_or_default();
    let requirements: String = procedure
        .requirements
        .iter()
        .enumerate()
        .map(|(index, requirement)| requirement_item(index, requirement))
        .collect();
    let steps: String = procedure
        .steps
        .iter()
        .map(|step| format!("<li>{}</li>", escape(step)))
        .collect();
    let ways: String = procedure
        .ways
        .iter()
        .map(|way| {
            format!(
                "<li><span class=\"procedure-way-kind\">{}:</span> {}</li>",
                way.kind.label(),
                escape(&way.note)
            )
        })
        .collect();
    let legal_bases = if procedure.legal_bases.is_empty() {
        String::new()
    } else {
        let items: String = procedure
            .legal_bases
            .iter()
            .map(|basis| match &basis.document {
                Some(slug) => format!(
                    "<li><a href=\"{}\">{}</a></li>",
                    escape(&document_path(slug)),
                    escape(&basis.title)
                ),
                None => format!("<li>{}</li>", escape(&basis.title)),
            })
            .collect();
        format!(
            "<section aria-labelledby=\"procedure-legal-heading\">\
             <h2 id=\"procedure-legal-heading\" class=\"section-heading\">Căn cứ pháp lý</h2>\
             <ul class=\"procedure-legal-bases\">{items}</ul></section>"
        )
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"Đường dẫn\"><ol><li><a href=\"/\">Trang chủ</a></li>\
         <li><a href=\"{PROCEDURES_PAGE_PATH}\">Thủ tục hành chính</a></li></ol></nav>\
         <article class=\"procedure\"><h1 class=\"article-title\">{name}</h1>{note}\
         <dl class=\"document-facts\">{facts}</dl>\
         <div class=\"procedure-online\"><p><strong>{online}</strong></p>{service}\
         <p>Cổng thông tin điện tử của huyện không tiếp nhận hồ sơ.</p></div>\
         <section aria-labelledby=\"procedure-requirements-heading\">\
         <h2 id=\"procedure-requirements-heading\" class=\"section-heading\">Thành phần hồ sơ</h2>\
         <p class=\"hint\">Đánh dấu từng giấy tờ đã chuẩn bị. Dấu chỉ nằm trên máy của bạn, không gửi đi đâu.</p>\
         <ul class=\"procedure-checklist\">{requirements}</ul></section>\
         <section aria-labelledby=\"procedure-steps-heading\">\
         <h2 id=\"procedure-steps-heading\" class=\"section-heading\">Trình tự thực hiện</h2>\
         <ol class=\"procedure-steps\">{steps}</ol></section>\
         <section aria-labelledby=\"procedure-ways-heading\">\
         <h2 id=\"procedure-ways-heading\" class=\"section-heading\">Cách thức thực hiện</h2>\
         <ul class=\"procedure-ways\">{ways}</ul></section>{legal_bases}</article></main></div>",
        header = vietnamese_header(site),
        name = escape(&procedure.name),
        online = procedure.online.label(),
    )
}

/// One paper of the application as a box to tick (it works without the app), with its blank
/// form when there is one.
fn requirement_item(index: usize, requirement: &Requirement) -> String {
    let id = format!("procedure-requirement-{}", index + 1);
    let form = requirement
        .form
        .as_ref()
        .map(|form| {
            let file = &form.file;
            format!(
                "<p class=\"procedure-form\"><a class=\"button button-small\" href=\"{url}\" download=\"\">\
                 Tải mẫu ({format}, {size})<span class=\"visually-hidden\">: {name}</span></a> \
                 <a href=\"{document}\">Văn bản ban hành mẫu</a></p>",
                url = escape(&file.url),
                format = escape(&file.format),
                size = format_file_size(file.size),
                name = escape(&file.name),
                document = escape(&document_path(&form.document)),
            )
        })
        .unwrap_or_default();
    format!(
        "<li><input type=\"checkbox\" id=\"{id}\"><div><label for=\"{id}\">{name} \
         <span class=\"procedure-copies\">({copies})</span></label>{form}</div></li>",
        name = escape(&requirement.name),
        copies = escape(&requirement.copies),
    )
}

/// The reading view of an editorial page (`/gioi-thieu`, `/en/about`, `/en/contact`), at
/// `path`, under the portal's name and menu.
pub fn render_page(site: Option<&Site>, page: &SitePage, path: &str) -> String {
    let lang = Lang::of_path(path);
    let t = lang.texts();
    let (more_href, more_text) = more_link(lang, &page.slug);
    // The body was sanitized with the articles' allowlist before it was stored.
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"{breadcrumb}\"><ol><li><a href=\"{home}\">{home_text}</a></li></ol></nav>\
         <article class=\"site-page\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-summary\">{summary}</p><div class=\"article-body\">{body}</div>\
         <p class=\"more-link\"><a href=\"{more_href}\">{more_text}</a></p>\
         </article></main></div>",
        header = header(site, lang, &switch_target(lang, counterpart_page(path))),
        breadcrumb = t.breadcrumb_label,
        home = lang.home(),
        home_text = t.menu_home,
        title = escape(&page.title),
        summary = escape(&page.summary),
        body = page.body_html,
    )
}

/// The reading view of the organisation (`/co-cau-to-chuc`, `/en/organization`) under the
/// portal's name and menu.
pub fn render_organization(site: Option<&Site>, organization: &Organization, lang: Lang) -> String {
    let t = lang.texts();
    let path = match lang {
        Lang::Vi => portal_contract::about::ORGANIZATION_PAGE_PATH,
        Lang::En => EN_ORGANIZATION_PATH,
    };
    format!(
        "<div id=\"{READING_VIEW_ID}\">{header}<main class=\"site-main\">\
         <nav class=\"breadcrumb\" aria-label=\"{breadcrumb}\"><ol><li><a href=\"{home}\">{home_text}</a></li>\
         <li><a href=\"{about}\">{about_text}</a></li></ol></nav>\
         <article class=\"organization\"><h1 class=\"article-title\">{title}</h1>\
         <p class=\"article-summary\">{description}</p>{units}</article></main></div>",
        header = header(site, lang, &switch_target(lang, counterpart_page(path))),
        breadcrumb = t.breadcrumb_label,
        home = lang.home(),
        home_text = t.menu_home,
        about = about_path(lang),
        about_text = t.menu_about,
        title = t.org_title,
        description = t.org_description,
        units = org_units(&organization.units, 2, t),
    )
}

/// Units as a list, each under a heading of `level`, as the app's `units` in
/// `src/pages/about.rs`.
fn org_units(units: &[OrgUnit], level: u8, t: &Texts) -> String {
    let items: String = units
        .iter()
        .map(|unit| format!("<li class=\"org-unit\">{}</li>", org_unit(unit, level, t)))
        .collect();
    format!("<ul class=\"org-units\">{items}</ul>")
}

fn org_unit(unit: &OrgUnit, level: u8, t: &Texts) -> String {
    let map_link = if unit.place.is_some() {
        format!(
            " · <a href=\"/ban-do\" rel=\"external\">{}</a>",
            t.org_on_map
        )
    } else {
        String::new()
    };
    let mut facts = format!(
        "<div><dt>{}</dt><dd>{}{map_link}</dd></div>",
        t.org_address,
        escape(&unit.address)
    );
    if !unit.phone.is_empty() {
        facts.push_str(&format!(
            "<div><dt>{}</dt><dd><a href=\"{}\">{}</a></dd></div>",
            t.org_phone,
            escape(&tel_href(&unit.phone)),
            escape(&unit.phone)
        ));
    }
    if !unit.email.is_empty() {
        facts.push_str(&format!(
            "<div><dt>{}</dt><dd><a href=\"mailto:{1}\">{1}</a></dd></div>",
            t.org_email,
            escape(&unit.email)
        ));
    }
    if !unit.leaders.is_empty() {
        let leaders: String = unit
            .leaders
            .iter()
            .map(|leader| {
                format!(
                    "<li><span class=\"org-leader-position\">{}:</span> {}</li>",
                    escape(&leader.position),
                    escape(&leader.name)
                )
            })
            .collect();
        facts.push_str(&format!(
            "<div><dt>{}</dt><dd><ul class=\"org-leaders\">{leaders}</ul></dd></div>",
            t.org_leaders
        ));
    }
    // The children by kind, in the order their first one comes, each kind under a heading.
    let mut kinds: Vec<UnitKind> = Vec::new();
    for child in &unit.children {
        if !kinds.contains(&child.kind) {
            kinds.push(child.kind);
        }
    }
    let groups: String = kinds
        .into_iter()
        .map(|kind| {
            let group: Vec<OrgUnit> = unit
                .children
                .iter()
                .filter(|child| child.kind == kind)
                .cloned()
                .collect();
            format!(
                "{}{}",
                heading(level + 1, "org-group-heading", kind.group_label(t)),
                org_units(&group, level + 2, t)
            )
        })
        .collect();
    format!(
        "{}<p class=\"org-functions\">{}</p><dl class=\"org-facts\">{facts}</dl>{groups}",
        heading(level, "org-unit-name", &unit.name),
        escape(&unit.functions),
    )
}

/// A heading of `level` (2 to 6; deeper ones stay at 6), as the app's `heading`.
fn heading(level: u8, class: &str, text: &str) -> String {
    let level = level.clamp(2, 6);
    format!("<h{level} class=\"{class}\">{}</h{level}>", escape(text))
}

/// The attached files as download links saying their type and size; nothing without files.
fn document_files(files: &[DocumentFile]) -> String {
    if files.is_empty() {
        return String::new();
    }
    let items: String = files
        .iter()
        .map(|file| {
            let name = escape(&file.name);
            format!(
                "<li><span class=\"document-file-name\">{name}</span> \
                 <a class=\"button button-small\" href=\"{}\" download=\"\">Tải về ({}, {})\
                 <span class=\"visually-hidden\">: {name}</span></a></li>",
                escape(&file.url),
                escape(&file.format),
                format_file_size(file.size)
            )
        })
        .collect();
    format!(
        "<section class=\"document-files\" aria-labelledby=\"document-files-heading\">\
         <h2 id=\"document-files-heading\" class=\"section-heading\">Tệp đính kèm</h2>\
         <ul class=\"document-file-list\">{items}</ul></section>"
    )
}

/// The related documents, each with how it relates; nothing without any.
fn document_relations(relations: &[DocumentRelation]) -> String {
    if relations.is_empty() {
        return String::new();
    }
    let items: String = relations
        .iter()
        .map(|relation| {
            format!(
                "<li><span class=\"document-relation-kind\">{}:</span> \
                 <a href=\"{}\">{}</a> \
                 <span class=\"document-relation-summary\">{}</span></li>",
                escape(&relation.label),
                escape(&document_path(&relation.slug)),
                escape(&relation.number),
                escape(&relation.summary)
            )
        })
        .collect();
    format!(
        "<section class=\"document-relations\" aria-labelledby=\"document-relations-heading\">\
         <h2 id=\"document-relations-heading\" class=\"section-heading\">Văn bản liên quan</h2>\
         <ul class=\"document-relation-list\">{items}</ul></section>"
    )
}

/// The lead image as the app draws it, above the fold: not lazy.
fn lead_image(image: &Image) -> String {
    photo(image, "lead-image", LEAD_IMAGE_SIZES, false)
}

/// A photo as the app's `Photo` draws it (`src/components/photo.rs`): every stored width in
/// `srcset` with `sizes`, its width and height; `lazy` below the fold.
fn photo(image: &Image, class: &str, sizes: &str, lazy: bool) -> String {
    let mut html = format!("<img class=\"{class}\" src=\"{}\"", escape(&image.url));
    if let Some(srcset) = &image.srcset {
        html.push_str(&format!(" srcset=\"{}\" sizes=\"{sizes}\"", escape(srcset)));
    }
    for (name, value) in [("width", image.width), ("height", image.height)] {
        if let Some(value) = value {
            html.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    html.push_str(&format!(
        " alt=\"{}\" loading=\"{}\">",
        escape(&image.alt),
        if lazy { "lazy" } else { "eager" }
    ));
    html
}

/// The app's header as far as it needs no script (`src/components/header.rs`): the link to
/// the other language (to `switch_to`), the portal's name and its menu in `lang` (in
/// Vietnamese the categories, the documents library, the questions, the procedures and the
/// introduction; in English the introduction, the organisation and the contacts).
fn header(site: Option<&Site>, lang: Lang, switch_to: &str) -> String {
    let t = lang.texts();
    let site_name = site.map_or(t.site_name_default, |site| &site.name);
    let menu = match lang {
        Lang::Vi => {
            let categories: String = site
                .map_or(&[][..], |site| &site.menu)
                .iter()
                .map(|item| {
                    format!(
                        "<li><a href=\"{}\">{}</a></li>",
                        escape(&category_path(&item.slug)),
                        escape(&item.name)
                    )
                })
                .collect();
            format!(
                "<li><a href=\"/\">{}</a></li>{categories}\
                 <li><a href=\"{DOCUMENTS_PAGE_PATH}\">{}</a></li><li><a href=\"{QUESTIONS_PAGE_PATH}\">{}</a></li>\
                 <li><a href=\"{PROCEDURES_PAGE_PATH}\">{}</a></li><li><a href=\"{ABOUT_PAGE_PATH}\">{}</a></li>",
                t.menu_home, t.menu_documents, t.menu_questions, t.menu_procedures, t.menu_about
            )
        }
        Lang::En => format!(
            "<li><a href=\"{EN_PREFIX}\">{}</a></li><li><a href=\"{EN_ABOUT_PATH}\">{}</a></li>\
             <li><a href=\"{EN_ORGANIZATION_PATH}\">{}</a></li><li><a href=\"{EN_CONTACT_PATH}\">{}</a></li>",
            t.menu_home, t.menu_about, t.menu_organization, t.menu_contact
        ),
    };
    let other = lang.other();
    format!(
        "<header class=\"site-header\"><div class=\"utility-bar\">\
         <a class=\"language-switch\" href=\"{switch}\" hreflang=\"{code}\" lang=\"{code}\" rel=\"external\" aria-label=\"{label}\">{text}</a></div>\
         <div class=\"site-header-inner\">\
         <a class=\"site-name\" href=\"{home}\"><span class=\"site-emblem\" aria-hidden=\"true\">★</span>\
         <span>{site}</span></a></div>\
         <nav class=\"main-menu\" aria-label=\"{menu_label}\"><ul>{menu}</ul></nav>\
         </header>",
        switch = escape(switch_to),
        code = other.code(),
        label = t.switch_language_label,
        text = t.switch_language,
        home = lang.home(),
        site = escape(site_name),
        menu_label = t.menu_label,
    )
}

/// `page` with `view` at the start of its body.
pub fn insert(page: &str, view: &str) -> String {
    match page.find("<body>") {
        Some(at) => {
            let at = at + "<body>".len();
            format!("{}{view}{}", &page[..at], &page[at..])
        }
        None => format!("{page}{view}"),
    }
}

/// `page` without its `<noscript>` note that the page needs JavaScript: an article's page
/// with its reading view does not.
pub fn without_script_note(page: &str) -> String {
    match (page.find("<noscript>"), page.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{}", &page[..start], &page[end + "</noscript>".len()..])
        }
        _ => page.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;
    use portal_contract::{CategoryRef, Contacts, MapTiles};

    fn site(name: &str, menu: &[(&str, &str)]) -> Site {
        Site {
            name: name.into(),
            short_name: name.into(),
            description: String::new(),
            logo_url: None,
            contacts: Contacts {
                agency: String::new(),
                address: String::new(),
                phone: String::new(),
                email: String::new(),
                responsible: String::new(),
            },
            menu: menu
                .iter()
                .map(|(slug, name)| CategoryRef {
                    slug: slug.to_string(),
                    name: name.to_string(),
                })
                .collect(),
            map_tiles: MapTiles::openstreetmap(),
            glance: Vec::new(),
        }
    }

    fn article() -> Article {
        Article {
            slug: "tin-nong".into(),
            title: "Tin \"nóng\" <b>".into(),
            summary: "Tóm tắt & thêm".into(),
            body_html: "<p>Đoạn <em>một</em>.</p>".into(),
            published_at: DateTime::parse_from_rfc3339("2024-11-01T08:30:00+07:00").unwrap(),
            updated_at: DateTime::parse_from_rfc3339("2024-11-01T08:30:00+07:00").unwrap(),
            author: "Ban <biên tập>".into(),
            lang: Lang::Vi,
            counterpart: None,
            category: CategoryRef {
                slug: "thong-bao".into(),
                name: "Thông báo".into(),
            },
            image: None,
            featured: false,
            related: vec![],
        }
    }

    #[test]
    fn the_view_escapes_text_and_keeps_the_stored_body() {
        let site = site("Cổng <huyện>", &[("tin-trong-huyen", "Tin trong huyện")]);
        let view = render(Some(&site), &article());
        assert!(view.starts_with("<div id=\"server-page\">"), "{view}");
        assert!(view.contains("<span>Cổng &lt;huyện&gt;</span>"), "{view}");
        assert!(
            view.contains("<h1 class=\"article-title\">Tin &quot;nóng&quot; &lt;b&gt;</h1>"),
            "{view}"
        );
        assert!(
            view.contains("<time datetime=\"2024-11-01T08:30:00+07:00\">01/11/2024 08:30</time>"),
            "{view}"
        );
        assert!(view.contains("Tóm tắt &amp; thêm"), "{view}");
        assert!(view.contains("Ban &lt;biên tập&gt;"), "{view}");
        assert!(
            view.contains("<div class=\"article-body\"><p>Đoạn <em>một</em>.</p></div>"),
            "{view}"
        );
        assert!(
            view.contains("href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{view}"
        );
        assert!(
            view.contains("<li><a href=\"/chuyen-muc/tin-trong-huyen\">Tin trong huyện</a></li>"),
            "{view}"
        );
    }

    fn document() -> Document {
        use portal_contract::documents::{
            DocumentKind, DocumentRef, DocumentStatus, DocumentStatusInfo, DocumentTag,
            RelationKind,
        };
        Document {
            slug: "56-qd".into(),
            number: "56/QĐ-UBND".into(),
            kind: DocumentKind::by_slug("quyet-dinh").unwrap().to_ref(),
            issuer: DocumentTag {
                slug: "ubnd-huyen".into(),
                name: "UBND huyện".into(),
            },
            field: DocumentTag {
                slug: "noi-vu".into(),
                name: "Nội vụ".into(),
            },
            signer: "Chủ tịch <UBND>".into(),
            issued_on: NaiveDate::from_ymd_opt(2021, 8, 20).unwrap(),
            effective_on: None,
            expires_on: None,
            summary: "Về việc quy chế & làm việc".into(),
            status: DocumentStatusInfo::new(
                DocumentStatus::BiThayThe,
                Some(DocumentRef {
                    slug: "125-qd".into(),
                    number: "125/QĐ-UBND".into(),
                    summary: "Quy chế mới".into(),
                }),
            ),
            body_html: None,
            files: vec![DocumentFile {
                id: 3,
                name: "Quyết định 56.pdf".into(),
                size: 1_258_291,
                content_type: "application/pdf".into(),
                format: "PDF".into(),
                url: "/files/3/Quy%E1%BA%BFt".into(),
            }],
            relations: vec![DocumentRelation {
                kind: RelationKind::ReplacedBy,
                label: RelationKind::ReplacedBy.label().into(),
                slug: "125-qd".into(),
                number: "125/QĐ-UBND".into(),
                summary: "Quy chế mới".into(),
            }],
        }
    }

    #[test]
    fn a_documents_view_has_its_facts_status_files_and_relations() {
        let view = render_document(None, &document());
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(
            view.contains("<h1 class=\"article-title\">Quyết định 56/QĐ-UBND</h1>"),
            "{view}"
        );
        assert!(view.contains("<p class=\"article-summary\">Về việc quy chế &amp; làm việc</p>"));
        assert!(view.contains("<div><dt>Người ký</dt><dd>Chủ tịch &lt;UBND&gt;</dd></div>"));
        // Without its own date it takes effect when issued; without an end, none is shown.
        assert!(view.contains(
            "<div><dt>Ngày hiệu lực</dt><dd><time datetime=\"2021-08-20\">20/08/2021</time></dd></div>"
        ));
        assert!(view.contains("<div><dt>Ngày hết hiệu lực</dt><dd>Không xác định</dd></div>"));
        assert!(view.contains(
            "<dd><span class=\"document-status status-bi-thay-the\">Bị thay thế</span> bởi <a href=\"/van-ban/125-qd\">125/QĐ-UBND</a></dd>"
        ), "{view}");
        assert!(view.contains(
            "<a class=\"button button-small\" href=\"/files/3/Quy%E1%BA%BFt\" download=\"\">Tải về (PDF, 1,2 MB)<span class=\"visually-hidden\">: Quyết định 56.pdf</span></a>"
        ), "{view}");
        assert!(view.contains("<span class=\"document-relation-kind\">Bị thay thế bởi:</span>"));
        assert!(
            !view.contains("article-body"),
            "no body, no body element: {view}"
        );
    }

    #[test]
    fn the_view_starts_the_body_and_the_script_note_can_go() {
        let page = "<html><body>\n<noscript>Cần JavaScript.</noscript>\n</body></html>";
        assert_eq!(
            insert(page, "<div>bài</div>"),
            "<html><body><div>bài</div>\n<noscript>Cần JavaScript.</noscript>\n</body></html>"
        );
        assert_eq!(without_script_note(page), "<html><body>\n\n</body></html>");
        assert_eq!(without_script_note("<body></body>"), "<body></body>");
    }

    #[test]
    fn the_frame_alone_has_the_name_and_menu_and_no_article() {
        let view = render_frame(Some(&site("Cổng", &[("thong-bao", "Thông báo")])), "/");
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(
            view.contains("<a href=\"/chuyen-muc/thong-bao\">Thông báo</a>"),
            "{view}"
        );
        assert!(
            !view.contains("<article") && !view.contains("<main"),
            "{view}"
        );
        // Before the site's settings are stored: the default name, the home link alone.
        let view = render_frame(None, "/");
        assert!(
            view.contains(&format!(
                "<span>{}</span>",
                portal_contract::DEFAULT_SITE_NAME
            )),
            "{view}"
        );
        assert!(
            view.contains(
                "<ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/van-ban\">Văn bản</a></li>\
                 <li><a href=\"/hoi-dap\">Hỏi đáp</a></li><li><a href=\"/thu-tuc\">Thủ tục</a></li>\
                 <li><a href=\"/gioi-thieu\">Giới thiệu</a></li></ul>"
            ),
            "{view}"
        );
    }

    fn procedure() -> Procedure {
        use portal_contract::documents::DocumentFile;
        use portal_contract::procedures::{
            LegalBasis, OnlineService, ProcedureField, ProcedureForm, ProcedureLevel, Way, WayKind,
        };
        Procedure {
            slug: "dang-ky-khai-sinh".into(),
            code: "1.001193".into(),
            name: "Đăng ký <khai> sinh".into(),
            field: ProcedureField {
                slug: "ho-tich".into(),
                name: "Hộ tịch".into(),
            },
            level: ProcedureLevel::CapXa,
            agency: "UBND xã".into(),
            steps: vec!["Bước 1: Nộp hồ sơ.".into(), "Bước 2: Nhận kết quả.".into()],
            ways: vec![Way {
                kind: WayKind::InPerson,
                note: "Tại Bộ phận một cửa & xã.".into(),
            }],
            requirements: vec![
                Requirement {
                    name: "Tờ khai".into(),
                    copies: "01 bản chính".into(),
                    form: Some(ProcedureForm {
                        document: "14-hd".into(),
                        file: DocumentFile {
                            id: 7,
                            name: "Mẫu tờ khai.pdf".into(),
                            size: 12_288,
                            content_type: "application/pdf".into(),
                            format: "PDF".into(),
                            url: "/files/7/M%E1%BA%ABu".into(),
                        },
                    }),
                },
                Requirement {
                    name: "Giấy chứng sinh".into(),
                    copies: "01 bản chính".into(),
                    form: None,
                },
            ],
            processing_time: "Trong ngày".into(),
            fees: "Miễn phí".into(),
            result: "Giấy khai sinh".into(),
            legal_bases: vec![
                LegalBasis {
                    title: "Luật Hộ tịch".into(),
                    document: None,
                },
                LegalBasis {
                    title: "Hướng dẫn 14".into(),
                    document: Some("14-hd".into()),
                },
            ],
            online: OnlineService::Full,
            service_url: Some("https://dichvucong.gov.vn/p?ma=1&b=2".into()),
            illustrative: true,
        }
    }

    #[test]
    fn a_procedures_view_is_a_checklist_with_its_forms_and_links() {
        let view = render_procedure(None, &procedure());
        assert!(
            view.starts_with("<div id=\"server-page\"><header"),
            "{view}"
        );
        assert!(view.contains("<h1 class=\"article-title\">Đăng ký &lt;khai&gt; sinh</h1>"));
        assert!(view.contains("mang tính minh họa, chưa đối chiếu với Cơ sở dữ liệu quốc gia"));
        assert!(view.contains(
            "<div><dt>Lĩnh vực</dt><dd><a href=\"/thu-tuc?linh-vuc=ho-tich\">Hộ tịch</a></dd></div>"
        ));
        assert!(view.contains(
            "<div><dt>Cấp thực hiện</dt><dd><a href=\"/thu-tuc?muc-do=cap-xa\">Cấp xã</a></dd></div>"
        ));
        assert!(view.contains(
            "<li><input type=\"checkbox\" id=\"procedure-requirement-1\"><div>\
             <label for=\"procedure-requirement-1\">Tờ khai <span class=\"procedure-copies\">(01 bản chính)</span></label>\
             <p class=\"procedure-form\"><a class=\"button button-small\" href=\"/files/7/M%E1%BA%ABu\" download=\"\">\
             Tải mẫu (PDF, 12 KB)<span class=\"visually-hidden\">: Mẫu tờ khai.pdf</span></a> \
             <a href=\"/van-ban/14-hd\">Văn bản ban hành mẫu</a></p></div></li>"
        ), "{view}");
        assert!(view.contains("<label for=\"procedure-requirement-2\">Giấy chứng sinh"));
        assert!(view.contains("<ol class=\"procedure-steps\"><li>Bước 1: Nộp hồ sơ.</li>"));
        assert!(view.contains(
            "<li><span class=\"procedure-way-kind\">Trực tiếp:</span> Tại Bộ phận một cửa &amp; xã.</li>"
        ));
        assert!(view
            .contains("<li>Luật Hộ tịch</li><li><a href=\"/van-ban/14-hd\">Hướng dẫn 14</a></li>"));
        assert!(
            view.contains("<a class=\"button\" href=\"https://dichvucong.gov.vn/p?ma=1&amp;b=2\">")
        );

        // Not illustrative, no legal basis, and an address that is not https: none of them.
        let mut other = procedure();
        other.illustrative = false;
        other.legal_bases.clear();
        other.service_url = Some("javascript:alert(1)".into());
        let view = render_procedure(None, &other);
        assert!(!view.contains("procedure-note"), "{view}");
        assert!(!view.contains("Căn cứ pháp lý"), "{view}");
        assert!(!view.contains("javascript:"), "{view}");
    }

    #[test]
    fn an_editorial_pages_view_keeps_its_stored_body() {
        let page = SitePage {
            slug: "gioi-thieu".into(),
            title: "Giới thiệu <huyện>".into(),
            summary: "Tóm tắt & thêm".into(),
            body_html: "<h2>Tổng quan</h2><p>Đoạn.</p>".into(),
        };
        let view = render_page(None, &page, ABOUT_PAGE_PATH);
        assert!(view.contains("<h1 class=\"article-title\">Giới thiệu &lt;huyện&gt;</h1>"));
        assert!(view.contains("<p class=\"article-summary\">Tóm tắt &amp; thêm</p>"));
        assert!(view.contains("<div class=\"article-body\"><h2>Tổng quan</h2><p>Đoạn.</p></div>"));
        assert!(view.contains("<a href=\"/co-cau-to-chuc\">"));
    }

    #[test]
    fn the_organizations_view_nests_units_grouped_by_kind_with_phone_links() {
        use portal_contract::about::Leader;
        let unit = |slug: &str, name: &str, kind: UnitKind, children: Vec<OrgUnit>| OrgUnit {
            slug: slug.into(),
            name: name.into(),
            kind,
            functions: format!("Chức năng của {name}"),
            address: "Khu Bình Công".into(),
            phone: "0203 3878 125".into(),
            email: format!("{slug}@example.gov.vn"),
            place: (kind == UnitKind::Committee).then(|| "ubnd-huyen".to_string()),
            leaders: vec![Leader {
                name: "Nguyễn Văn A".into(),
                position: "Chủ tịch".into(),
            }],
            children,
        };
        let organization = Organization {
            units: vec![unit(
                "ubnd",
                "UBND huyện",
                UnitKind::Committee,
                vec![
                    unit("noi-vu", "Phòng Nội vụ", UnitKind::Office, vec![]),
                    unit("xa-a", "Xã A", UnitKind::Commune, vec![]),
                    unit("tu-phap", "Phòng Tư pháp", UnitKind::Office, vec![]),
                ],
            )],
        };
        let view = render_organization(None, &organization, Lang::Vi);
        assert!(view.contains(
            "<ul class=\"org-units\"><li class=\"org-unit\"><h2 class=\"org-unit-name\">UBND huyện</h2>"
        ), "{view}");
        assert!(view.contains(
            "<div><dt>Điện thoại</dt><dd><a href=\"tel:02033878125\">0203 3878 125</a></dd></div>"
        ));
        assert!(view.contains("<a href=\"mailto:ubnd@example.gov.vn\">ubnd@example.gov.vn</a>"));
        assert!(view
            .contains("Khu Bình Công · <a href=\"/ban-do\" rel=\"external\">Xem trên bản đồ</a>"));
        assert!(view.contains(
            "<li><span class=\"org-leader-position\">Chủ tịch:</span> Nguyễn Văn A</li>"
        ));
        // The offices together under one heading, before the communes, as they first come.
        assert!(
            view.contains(
                "<h3 class=\"org-group-heading\">Cơ quan chuyên môn</h3><ul class=\"org-units\">\
             <li class=\"org-unit\"><h4 class=\"org-unit-name\">Phòng Nội vụ</h4>"
            ),
            "{view}"
        );
        let offices = view.find("Cơ quan chuyên môn").unwrap();
        let justice = view.find("Phòng Tư pháp</h4>").unwrap();
        let communes = view
            .find("<h3 class=\"org-group-heading\">Xã, thị trấn</h3>")
            .unwrap();
        assert!(offices < justice && justice < communes, "{view}");
        // Only units with a place link to the map.
        assert_eq!(view.matches("Xem trên bản đồ").count(), 1, "{view}");
    }
}
