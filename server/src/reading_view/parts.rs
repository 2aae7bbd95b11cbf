//! The pieces several reading views draw alike: lists of articles, documents and answers,
//! article and document cards, page links, filters, photos, headings and marked words.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use portal_contract::documents::{document_path, DocumentSummary};
use portal_contract::paging::{page_of, pages_to_show};
use portal_contract::questions::{question_path, PublicQuestion};
use portal_contract::time::{format_day, format_day_in, format_display_in};
use portal_contract::{
    fill, format_count, ArticleSummary, Image, Lang, Paged, Segment, Texts, LEAD_IMAGE_SIZES,
    THUMBNAIL_SIZES,
};

use crate::html::escape;

/// A list as the app draws one: `<ul class="{class}">` with each of `items` drawn by `item`
/// in an `<li>`, or, without items, the sentence `empty`.
pub(super) fn list_or_sentence<T>(
    class: &str,
    empty: &str,
    items: &[T],
    item: impl Fn(&T) -> String,
) -> String {
    if items.is_empty() {
        return format!("<p class=\"empty\">{empty}</p>");
    }
    let items: String = items
        .iter()
        .map(|one| format!("<li>{}</li>", item(one)))
        .collect();
    format!("<ul class=\"{class}\">{items}</ul>")
}

/// Articles as the app's `ArticleList` without summaries, in a block under an `h2`.
pub(super) fn article_links(articles: &[ArticleSummary], t: &Texts) -> String {
    list_or_sentence("article-list", t.no_articles, articles, |article| {
        article_card(article, Lang::Vi, 3, false)
    })
}

/// Documents as the app's `DocumentLinks`: the number above the abstract, with the issue date.
pub(super) fn document_links(documents: &[DocumentSummary], t: &Texts) -> String {
    list_or_sentence(
        "article-list document-links",
        t.no_documents,
        documents,
        |document| {
            format!(
                "<a class=\"document-link\" href=\"{href}\">\
                 <span class=\"document-link-number\">{number}</span> {summary}</a>\
                 <p class=\"article-meta\"><time datetime=\"{date}\">{day}</time></p>",
                href = escape(&document_path(&document.slug)),
                number = escape(&document.number),
                summary = escape(&document.summary),
                date = document.issued_on,
                day = format_day(document.issued_on),
            )
        },
    )
}

/// Answered questions as the app's `QuestionLinks`, with when they were answered.
pub(super) fn question_links(questions: &[PublicQuestion], t: &Texts) -> String {
    list_or_sentence(
        "article-list question-links",
        t.no_answered_questions,
        questions,
        |question| {
            format!(
                "<a href=\"{href}\">{title}</a>\
                 <p class=\"article-meta\">{answered}<time datetime=\"{datetime}\">{time}</time></p>",
                href = escape(&question_path(&question.reference)),
                title = escape(&question.title),
                answered = t.answered,
                datetime = question.answer.answered_at.to_rfc3339(),
                time = format_display_in(Lang::Vi, &question.answer.answered_at),
            )
        },
    )
}

/// One article of a list of `lang`'s, as the app's `ArticleCard`
/// (`src/components/article_list.rs`), its title a heading of `level`.
pub(super) fn article_card(
    article: &ArticleSummary,
    lang: Lang,
    level: u8,
    show_summary: bool,
) -> String {
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
pub(super) fn pagination(
    t: &Texts,
    current: u32,
    count: u32,
    href: impl Fn(u32) -> String,
) -> String {
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

/// A heading of `level` (2 to 6; deeper ones stay at 6), as the app's `heading`.
pub(super) fn heading(level: u8, class: &str, text: &str) -> String {
    let level = level.clamp(2, 6);
    format!("<h{level} class=\"{class}\">{}</h{level}>", escape(text))
}

/// The lead image as the app draws it, above the fold: not lazy.
pub(super) fn lead_image(image: &Image) -> String {
    photo(image, "lead-image", LEAD_IMAGE_SIZES, false)
}

/// A photo as the app's `Photo` draws it (`src/components/photo.rs`): every stored width in
/// `srcset` with `sizes`, its width and height; `lazy` below the fold.
pub(super) fn photo(image: &Image, class: &str, sizes: &str, lazy: bool) -> String {
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

/// The characters the browser's `encodeURIComponent` leaves as they are, which the app's
/// links are written with.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// A value in a link's query, as the app writes it.
pub(super) fn encode(value: &str) -> String {
    utf8_percent_encode(value, URI_COMPONENT).to_string()
}

/// A list's filter as the app's `FilterSelect` (`src/components/filter_select.rs`): a
/// labelled select, "all" (`all`) first, then `choices` (value, words shown), the one equal to
/// `value` chosen.
pub(super) fn filter_select<'a>(
    id: &str,
    name: &str,
    label: &str,
    all: &str,
    value: &str,
    choices: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let options: String = choices
        .into_iter()
        .map(|(slug, shown)| {
            format!(
                "<option value=\"{}\"{}>{}</option>",
                escape(slug),
                if slug == value { " selected" } else { "" },
                escape(shown)
            )
        })
        .collect();
    format!(
        "<div class=\"field\"><label for=\"{id}\">{label}</label>\
         <select id=\"{id}\" name=\"{name}\"><option value=\"\">{all}</option>{options}</select></div>"
    )
}

/// Text with its matched parts in `<mark>`, as the app's `highlight::marked`.
pub(super) fn marked(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|segment| {
            if segment.matched {
                format!("<mark>{}</mark>", escape(&segment.text))
            } else {
                escape(&segment.text)
            }
        })
        .collect()
}

/// One document, as the app's `DocumentCard`: its number and abstract with the words marked,
/// and a passage of its body where the words are in it.
pub(super) fn document_card(document: &DocumentSummary, t: &Texts) -> String {
    let (number, summary, snippet) = match &document.highlight {
        Some(highlight) => (
            marked(&highlight.number),
            marked(&highlight.summary),
            highlight
                .snippet
                .iter()
                .any(|part| part.matched)
                .then(|| marked(&highlight.snippet)),
        ),
        None => (escape(&document.number), escape(&document.summary), None),
    };
    format!(
        "<article class=\"document-card\"><h3 class=\"document-card-title\"><a href=\"{href}\">{number}</a></h3>\
         <p class=\"article-meta\">{kind} {issued} <time datetime=\"{date}\">{day}</time> · \
         <span class=\"document-status status-{status}\">{status_label}</span></p>\
         <p class=\"document-card-summary\">{summary}</p>{snippet}</article>",
        href = escape(&document_path(&document.slug)),
        kind = escape(&document.kind.name),
        issued = t.document_issued,
        date = document.issued_on,
        day = format_day_in(Lang::Vi, document.issued_on),
        status = document.status.code.code(),
        status_label = escape(&document.status.label),
        snippet = snippet
            .map(|snippet| format!("<p class=\"document-card-snippet\">… {snippet} …</p>"))
            .unwrap_or_default(),
    )
}

/// A filtered list's total and page as the app's lists announce them (`24 văn bản · Trang
/// 1/3`); `found` is the catalogue's text for the total (`Paged::total_text`).
pub(super) fn list_total<T>(t: &Texts, list: &Paged<T>, found: &'static str) -> String {
    format!(
        "<p class=\"list-total\" role=\"status\">{}{}</p>",
        escape(&fill(found, &[("n", &format_count(Lang::Vi, list.total))])),
        escape(&page_of(t, list.page, list.page_count()).unwrap_or_default()),
    )
}
