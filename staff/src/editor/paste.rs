//! Text pasted from a word processor or a web page, rebuilt from scratch with only the
//! structure an article may have. Word's HTML carries classes, inline styles, `<o:p>`,
//! conditional comments and lists drawn with paragraphs; web pages carry scripts, event
//! handlers and layout. Kept: paragraphs, headings (h2–h4), bold, italics, lists, links,
//! tables, figures, line breaks and quotations. The server sanitizes again (it is the guard),
//! but what the editor shows is what will be stored.
//!
//! The rules work on a plain tree (`Node`) so they can be tested without a browser; only
//! `parse_html` and `clean_html` touch the DOM.

use wasm_bindgen::JsCast;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

impl Node {
    fn element(name: &str, attrs: Vec<(String, String)>, children: Vec<Node>) -> Node {
        Node::Element {
            name: name.to_string(),
            attrs,
            children,
        }
    }

    fn name(&self) -> Option<&str> {
        match self {
            Node::Element { name, .. } => Some(name),
            Node::Text(_) => None,
        }
    }

    fn is_block(&self) -> bool {
        self.name().is_some_and(|name| BLOCKS.contains(&name))
    }

    /// Text or an image: something a reader would see.
    fn has_content(&self) -> bool {
        match self {
            Node::Text(text) => !text.trim().is_empty(),
            Node::Element { name, children, .. } => {
                name == "img" || name == "table" || children.iter().any(Node::has_content)
            }
        }
    }
}

/// What an article's body is made of at its top level (and inside a quotation).
const BLOCKS: [&str; 11] = [
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "table",
    "figure",
    "blockquote",
    "figcaption",
];

/// Dropped with everything inside: code, styles, metadata, embedded objects and form
/// controls, which no article shows.
const DROPPED: [&str; 20] = [
    "script", "style", "head", "title", "meta", "link", "noscript", "template", "iframe", "object",
    "embed", "svg", "math", "xml", "button", "input", "select", "textarea", "canvas", "video",
];

/// Containers that only group blocks: their content stays, as a paragraph when it is only
/// text (a `<div>` per line, as some editors write).
const CONTAINERS: [&str; 16] = [
    "div", "section", "article", "header", "footer", "main", "aside", "nav", "center", "address",
    "pre", "dl", "dt", "dd", "body", "html",
];

/// Cleans a parsed fragment into an article's blocks.
pub fn clean(nodes: Vec<Node>) -> Vec<Node> {
    let cleaned = clean_all(nodes, 0);
    tidy(as_blocks(cleaned))
}

/// Deeper than this is not a document anyone wrote: the rest is kept as text.
const MAX_DEPTH: usize = 200;

fn clean_all(nodes: Vec<Node>, depth: usize) -> Vec<Node> {
    nodes
        .into_iter()
        .flat_map(|node| clean_node(node, depth))
        .collect()
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// An inline style, lowercase and without spaces, for the few properties read.
fn style_of(attrs: &[(String, String)]) -> String {
    attr(attrs, "style")
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn bold_style(style: &str) -> Option<bool> {
    let value = style
        .split(';')
        .find_map(|rule| rule.strip_prefix("font-weight:"))?;
    Some(matches!(
        value.trim_end_matches("!important"),
        "bold" | "bolder" | "600" | "700" | "800" | "900"
    ))
}

fn italic_style(style: &str) -> Option<bool> {
    let value = style
        .split(';')
        .find_map(|rule| rule.strip_prefix("font-style:"))?;
    Some(matches!(
        value.trim_end_matches("!important"),
        "italic" | "oblique"
    ))
}

fn clean_node(node: Node, depth: usize) -> Vec<Node> {
    let (name, attrs, children) = match node {
        Node::Text(text) => {
            let text = collapse_spaces(&text);
            return if text.is_empty() {
                vec![]
            } else {
                vec![Node::Text(text)]
            };
        }
        Node::Element {
            name,
            attrs,
            children,
        } => (name.to_ascii_lowercase(), attrs, children),
    };
    if depth > MAX_DEPTH {
        return vec![Node::Text(collapse_spaces(&text_of(&children)))];
    }
    let style = style_of(&attrs);
    // Word's list bullets and numbers (`mso-list:Ignore`) and anything hidden.
    if DROPPED.contains(&name.as_str())
        || style.contains("mso-list:ignore")
        || style.contains("display:none")
    {
        return vec![];
    }
    let list_kind = word_list_kind(&name, &style, &children);
    let inner = clean_all(children, depth + 1);
    match name.as_str() {
        "p" => match list_kind {
            // Word writes a list as paragraphs; they become items, and `as_blocks` puts
            // neighbouring items into one list.
            Some(kind) => vec![Node::element(
                "li",
                vec![("data-list".into(), kind.into())],
                inner,
            )],
            None => vec![block("p", inner)],
        },
        "h1" | "h2" => vec![block("h2", inner)],
        "h3" => vec![block("h3", inner)],
        "h4" | "h5" | "h6" => vec![block("h4", inner)],
        "blockquote" => vec![Node::element("blockquote", vec![], as_blocks(inner))],
        "ul" | "ol" => vec![list(&name, inner)],
        "li" => vec![Node::element("li", vec![], inner)],
        "table" => vec![table(inner)],
        "thead" | "tbody" | "tfoot" => {
            let name = if name == "thead" { "thead" } else { "tbody" };
            vec![Node::element(name, vec![], only(inner, &["tr"]))]
        }
        "tr" => vec![Node::element("tr", vec![], only(inner, &["th", "td"]))],
        "th" | "td" => vec![cell(&name, &attrs, inner)],
        "caption" | "figure" | "figcaption" => vec![Node::element(&name, vec![], inner)],
        "img" => image(&attrs).into_iter().collect(),
        "br" => vec![Node::element("br", vec![], vec![])],
        "a" => match attr(&attrs, "href").filter(|href| link_allowed(href)) {
            // A link around whole paragraphs cannot stay one inside the article's blocks.
            Some(_) if inner.iter().any(Node::is_block) => inner,
            Some(href) => vec![Node::element(
                "a",
                vec![("href".into(), href.trim().to_string())],
                inner,
            )],
            None => inner,
        },
        // Google Docs wraps a whole document in `<b style="font-weight:normal">`.
        "b" | "strong" if bold_style(&style) != Some(false) => wrap("strong", inner),
        "i" | "em" if italic_style(&style) != Some(false) => wrap("em", inner),
        "sub" | "sup" => wrap(&name, inner),
        name if CONTAINERS.contains(&name) => {
            if inner.iter().any(Node::is_block) {
                inner
            } else {
                vec![block("p", inner)]
            }
        }
        // Spans, fonts and anything unknown: only the emphasis their style gives is kept.
        _ => {
            let mut kept = inner;
            if italic_style(&style) == Some(true) {
                kept = wrap("em", kept);
            }
            if bold_style(&style) == Some(true) {
                kept = wrap("strong", kept);
            }
            kept
        }
    }
}

/// Whether a Word paragraph is a list item (`mso-list:l0 level1 lfo1`), and which kind: its
/// hidden marker (`mso-list:Ignore`) is a number or a letter for a numbered list.
fn word_list_kind(name: &str, style: &str, children: &[Node]) -> Option<&'static str> {
    if name != "p" || !style.contains("mso-list:") || style.contains("mso-list:none") {
        return None;
    }
    fn marker(nodes: &[Node]) -> Option<String> {
        nodes.iter().find_map(|node| match node {
            Node::Element {
                attrs, children, ..
            } => {
                if style_of(attrs).contains("mso-list:ignore") {
                    Some(text_of(children))
                } else {
                    marker(children)
                }
            }
            Node::Text(_) => None,
        })
    }
    let marker = marker(children).unwrap_or_default();
    let marker = marker.trim();
    let numbered = marker.chars().any(|c| c.is_ascii_digit())
        || (marker.len() <= 5
            && (marker.ends_with('.') || marker.ends_with(')'))
            && marker.chars().next().is_some_and(char::is_alphanumeric));
    Some(if numbered { "ol" } else { "ul" })
}

fn text_of(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|node| match node {
            Node::Text(text) => text.clone(),
            Node::Element { children, .. } => text_of(children),
        })
        .collect()
}

/// Runs of spaces, tabs, line breaks and no-break spaces as one space, as a browser shows
/// them: Word breaks its source lines inside sentences.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{a0}' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// A block of inline content. Blocks inside it (a heading inside a paragraph, which no
/// parser makes but a tree may have) are lifted out around it.
fn block(name: &str, inner: Vec<Node>) -> Node {
    Node::element(name, vec![], inner)
}

/// Emphasis around inline content; around blocks (a whole paragraph in bold) it would be
/// invalid, so blocks are left as they are.
fn wrap(name: &str, inner: Vec<Node>) -> Vec<Node> {
    if inner.iter().any(Node::is_block) || !inner.iter().any(Node::has_content) {
        return inner;
    }
    vec![Node::element(name, vec![], inner)]
}

fn only(nodes: Vec<Node>, names: &[&str]) -> Vec<Node> {
    nodes
        .into_iter()
        .filter(|node| node.name().is_some_and(|name| names.contains(&name)))
        .collect()
}

/// Items only; a nested list goes into the item before it, anything else into an item.
fn list(name: &str, inner: Vec<Node>) -> Node {
    let mut items: Vec<Node> = Vec::new();
    for node in inner {
        match node.name() {
            Some("li") => items.push(plain_item(node)),
            Some("ul" | "ol") => match items.last_mut() {
                Some(Node::Element { children, .. }) => children.push(node),
                _ => items.push(Node::element("li", vec![], vec![node])),
            },
            _ if !node.has_content() => {}
            _ => items.push(Node::element("li", vec![], vec![node])),
        }
    }
    Node::element(name, vec![], items)
}

/// An item without the mark a Word paragraph left on it.
fn plain_item(node: Node) -> Node {
    match node {
        Node::Element { children, .. } => Node::element("li", vec![], children),
        text => text,
    }
}

fn table(inner: Vec<Node>) -> Node {
    let mut parts = Vec::new();
    let mut loose_rows = Vec::new();
    for node in only(inner, &["caption", "thead", "tbody", "tr"]) {
        if node.name() == Some("tr") {
            loose_rows.push(node);
            continue;
        }
        if !loose_rows.is_empty() {
            parts.push(Node::element(
                "tbody",
                vec![],
                std::mem::take(&mut loose_rows),
            ));
        }
        if node.name() == Some("caption") {
            parts.insert(0, node);
        } else {
            parts.push(node);
        }
    }
    if !loose_rows.is_empty() {
        parts.push(Node::element("tbody", vec![], loose_rows));
    }
    Node::element("table", vec![], parts)
}

fn cell(name: &str, attrs: &[(String, String)], inner: Vec<Node>) -> Node {
    let mut kept = Vec::new();
    for span in ["colspan", "rowspan"] {
        if let Some(value) = attr(attrs, span)
            .map(str::trim)
            .filter(|value| value.parse::<u16>().is_ok_and(|n| (2..=1000).contains(&n)))
        {
            kept.push((span.to_string(), value.to_string()));
        }
    }
    if name == "th" {
        if let Some(scope) = attr(attrs, "scope")
            .map(str::to_ascii_lowercase)
            .filter(|scope| ["row", "col", "rowgroup", "colgroup"].contains(&scope.as_str()))
        {
            kept.push(("scope".into(), scope));
        }
    }
    // Word puts a paragraph in every cell; its margins would make every row tall.
    let inner = match <[Node; 1]>::try_from(inner) {
        Ok([Node::Element { name, children, .. }]) if name == "p" => children,
        Ok([single]) => vec![single],
        Err(inner) => inner,
    };
    Node::element(name, kept, inner)
}

fn image(attrs: &[(String, String)]) -> Option<Node> {
    let src = attr(attrs, "src")
        .map(str::trim)
        .filter(|src| image_allowed(src))?;
    let mut kept = vec![
        ("src".to_string(), src.to_string()),
        (
            "alt".to_string(),
            collapse_spaces(attr(attrs, "alt").unwrap_or_default())
                .trim()
                .to_string(),
        ),
    ];
    for size in ["width", "height"] {
        if let Some(value) = attr(attrs, size)
            .map(str::trim)
            .filter(|value| value.parse::<u32>().is_ok_and(|n| n > 0))
        {
            kept.push((size.to_string(), value.to_string()));
        }
    }
    Some(Node::element("img", kept, vec![]))
}

/// The address as a browser reads it: without the tabs and line breaks it ignores.
fn plain_url(url: &str) -> String {
    url.trim()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A path on this site (`/tin-tuc/...`), never `//host` or `/\host`, which leave it.
fn site_path(url: &str) -> bool {
    url.starts_with('/') && !url[1..].starts_with(['/', '\\'])
}

pub fn link_allowed(href: &str) -> bool {
    let url = plain_url(href);
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
        || site_path(&url)
}

/// Images the server may keep: ours, or on the web; never a file on the writer's computer
/// (`file:///C:/...`, which Word pastes) or inline data.
fn image_allowed(src: &str) -> bool {
    let url = plain_url(src);
    url.starts_with("https://") || url.starts_with("http://") || site_path(&url)
}

/// Top-level content as blocks: loose text and inline elements between blocks become
/// paragraphs, and neighbouring loose items (Word's list paragraphs) one list.
fn as_blocks(nodes: Vec<Node>) -> Vec<Node> {
    let mut blocks = Vec::new();
    let mut run: Vec<Node> = Vec::new();
    let mut items: Vec<Node> = Vec::new();
    let mut items_kind = "ul";
    fn flush_run(run: &mut Vec<Node>, blocks: &mut Vec<Node>) {
        if run.iter().any(Node::has_content) {
            blocks.push(block("p", std::mem::take(run)));
        }
        run.clear();
    }
    fn flush_items(items: &mut Vec<Node>, kind: &str, blocks: &mut Vec<Node>) {
        if !items.is_empty() {
            blocks.push(Node::element(kind, vec![], std::mem::take(items)));
        }
    }
    for node in nodes {
        if node.name() == Some("li") {
            flush_run(&mut run, &mut blocks);
            let kind = match &node {
                Node::Element { attrs, .. } if attr(attrs, "data-list") == Some("ol") => "ol",
                _ => "ul",
            };
            if kind != items_kind {
                flush_items(&mut items, items_kind, &mut blocks);
                items_kind = kind;
            }
            items.push(plain_item(node));
        } else if node.is_block() {
            flush_run(&mut run, &mut blocks);
            flush_items(&mut items, items_kind, &mut blocks);
            blocks.push(node);
        } else if items.is_empty() || node.has_content() {
            flush_items(&mut items, items_kind, &mut blocks);
            run.push(node);
        }
    }
    flush_run(&mut run, &mut blocks);
    flush_items(&mut items, items_kind, &mut blocks);
    blocks
}

/// Empty paragraphs and empty emphasis out; the spaces at the edges of a block trimmed.
fn tidy(nodes: Vec<Node>) -> Vec<Node> {
    nodes
        .into_iter()
        .flat_map(|node| match node {
            Node::Text(text) => vec![Node::Text(text)],
            Node::Element {
                name,
                attrs,
                children,
            } => {
                let mut children = tidy(children);
                let textual = matches!(
                    name.as_str(),
                    "p" | "h2" | "h3" | "h4" | "li" | "th" | "td" | "figcaption" | "caption"
                );
                if textual {
                    trim_edges(&mut children);
                }
                let droppable = matches!(name.as_str(), "p" | "h2" | "h3" | "h4" | "figcaption");
                if droppable && !children.iter().any(Node::has_content) {
                    return vec![];
                }
                let emphasis = matches!(name.as_str(), "strong" | "em" | "a" | "sub" | "sup");
                if emphasis && !children.iter().any(Node::has_content) {
                    return children;
                }
                vec![Node::Element {
                    name,
                    attrs,
                    children,
                }]
            }
        })
        .collect()
}

fn trim_edges(children: &mut Vec<Node>) {
    fn first_text(nodes: &mut [Node], start: bool) -> Option<&mut String> {
        let node = if start {
            nodes.first_mut()?
        } else {
            nodes.last_mut()?
        };
        match node {
            Node::Text(text) => Some(text),
            Node::Element { name, children, .. } if name != "br" && name != "img" => {
                first_text(children, start)
            }
            Node::Element { .. } => None,
        }
    }
    if let Some(text) = first_text(children, true) {
        *text = text.trim_start().to_string();
    }
    if let Some(text) = first_text(children, false) {
        *text = text.trim_end().to_string();
    }
    // A line break that ends a block shows nothing.
    while children.last().and_then(Node::name) == Some("br") {
        children.pop();
    }
    children.retain(|node| !matches!(node, Node::Text(text) if text.is_empty()));
}

pub fn to_html(nodes: &[Node]) -> String {
    let mut out = String::new();
    write_html(nodes, &mut out);
    out
}

fn write_html(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => escape_into(text, false, out),
            Node::Element {
                name,
                attrs,
                children,
            } => {
                out.push('<');
                out.push_str(name);
                for (key, value) in attrs {
                    out.push(' ');
                    out.push_str(key);
                    out.push_str("=\"");
                    escape_into(value, true, out);
                    out.push('"');
                }
                out.push('>');
                if name == "br" || name == "img" {
                    continue;
                }
                write_html(children, out);
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
    }
}

fn escape_into(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

pub fn escape(text: &str) -> String {
    let mut out = String::new();
    escape_into(text, true, &mut out);
    out
}

/// Plain text as paragraphs: one a line, blank lines dropped.
pub fn plain_text_to_html(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| format!("<p>{}</p>", escape(&collapse_spaces(line))))
        .collect()
}

/// `html` as a tree, through the browser's own parser (in a document that runs nothing and
/// loads nothing).
pub fn parse_html(html: &str) -> Vec<Node> {
    let Ok(parser) = web_sys::DomParser::new() else {
        return vec![];
    };
    let Ok(document) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return vec![];
    };
    document
        .body()
        .map(|body| read_children(&body))
        .unwrap_or_default()
}

/// The attributes the rules read; every other one is never even looked at.
const READ_ATTRIBUTES: [&str; 9] = [
    "style", "href", "src", "alt", "width", "height", "colspan", "rowspan", "scope",
];

pub fn read_children(parent: &web_sys::Node) -> Vec<Node> {
    let list = parent.child_nodes();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|child| read(&child))
        .collect()
}

fn read(node: &web_sys::Node) -> Option<Node> {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => Some(Node::Text(node.text_content().unwrap_or_default())),
        web_sys::Node::ELEMENT_NODE => {
            let element = node.dyn_ref::<web_sys::Element>()?;
            let attrs = READ_ATTRIBUTES
                .iter()
                .filter_map(|name| {
                    element
                        .get_attribute(name)
                        .map(|value| (name.to_string(), value))
                })
                .collect();
            Some(Node::Element {
                name: element.local_name(),
                attrs,
                children: read_children(node),
            })
        }
        // Comments (Word's `<!--[if !supportLists]-->`), processing instructions.
        _ => None,
    }
}

/// Any HTML, as an article body may hold it.
pub fn clean_html(html: &str) -> String {
    to_html(&clean(parse_html(html)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(name: &str, attrs: &[(&str, &str)], children: Vec<Node>) -> Node {
        Node::Element {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            children,
        }
    }

    fn text(text: &str) -> Node {
        Node::Text(text.into())
    }

    fn cleaned(nodes: Vec<Node>) -> String {
        to_html(&clean(nodes))
    }

    #[test]
    fn word_paragraphs_lose_classes_styles_and_o_p() {
        let word = vec![
            el(
                "p",
                &[("style", "margin:0cm;font-family:Times")],
                vec![
                    el(
                        "b",
                        &[],
                        vec![el(
                            "span",
                            &[("style", "font-size:14.0pt")],
                            vec![text("Thông\r\nbáo")],
                        )],
                    ),
                    el("o:p", &[], vec![text("\u{a0}")]),
                ],
            ),
            el("p", &[], vec![el("o:p", &[], vec![text("\u{a0}")])]),
            el(
                "p",
                &[],
                vec![el(
                    "span",
                    &[("style", "font-weight: bold; color:red")],
                    vec![text("đậm")],
                )],
            ),
        ];
        assert_eq!(
            cleaned(word),
            "<p><strong>Thông báo</strong></p><p><strong>đậm</strong></p>"
        );
    }

    #[test]
    fn scripts_styles_and_handlers_are_gone() {
        let nodes = vec![
            el("script", &[], vec![text("alert(1)")]),
            el("style", &[], vec![text("p{}")]),
            el(
                "p",
                &[("onclick", "x()"), ("class", "MsoNormal")],
                vec![
                    el("a", &[("href", "javascript:alert(1)")], vec![text("xấu")]),
                    text(" "),
                    el(
                        "a",
                        &[("href", " https://example.vn/a ")],
                        vec![text("tốt")],
                    ),
                ],
            ),
            el(
                "img",
                &[("src", "file:///C:/Users/a.png"), ("onerror", "x()")],
                vec![],
            ),
        ];
        assert_eq!(
            cleaned(nodes),
            "<p>xấu <a href=\"https://example.vn/a\">tốt</a></p>"
        );
    }

    #[test]
    fn headings_map_to_the_articles_levels() {
        let nodes = vec![
            el("h1", &[], vec![text("Một")]),
            el("h5", &[], vec![text("Năm")]),
        ];
        assert_eq!(cleaned(nodes), "<h2>Một</h2><h4>Năm</h4>");
    }

    #[test]
    fn word_list_paragraphs_become_lists() {
        let item = |marker: &str, words: &str| {
            el(
                "p",
                &[
                    ("class", "MsoListParagraph"),
                    ("style", "mso-list:l0 level1 lfo1"),
                ],
                vec![
                    el("span", &[("style", "mso-list:Ignore")], vec![text(marker)]),
                    text(words),
                ],
            )
        };
        let nodes = vec![
            item("·", "Một"),
            item("·", "Hai"),
            el("p", &[], vec![text("Giữa")]),
            item("1.", "Ba"),
        ];
        assert_eq!(
            cleaned(nodes),
            "<ul><li>Một</li><li>Hai</li></ul><p>Giữa</p><ol><li>Ba</li></ol>"
        );
    }

    #[test]
    fn tables_keep_their_structure_and_spans_only() {
        let nodes = vec![el(
            "table",
            &[("class", "MsoTableGrid"), ("border", "1")],
            vec![el(
                "tbody",
                &[],
                vec![
                    text("\n"),
                    el(
                        "tr",
                        &[("style", "height:20pt")],
                        vec![
                            el(
                                "td",
                                &[("colspan", "2"), ("width", "300")],
                                vec![el("p", &[("class", "MsoNormal")], vec![text("Ô")])],
                            ),
                            el("td", &[("rowspan", "x")], vec![]),
                        ],
                    ),
                ],
            )],
        )];
        assert_eq!(
            cleaned(nodes),
            "<table><tbody><tr><td colspan=\"2\">Ô</td><td></td></tr></tbody></table>"
        );
    }

    #[test]
    fn google_docs_normal_weight_wrapper_is_not_bold() {
        let nodes = vec![el(
            "b",
            &[
                ("style", "font-weight:normal"),
                ("id", "docs-internal-guid"),
            ],
            vec![el("p", &[], vec![text("Văn bản")])],
        )];
        assert_eq!(cleaned(nodes), "<p>Văn bản</p>");
    }

    #[test]
    fn loose_text_and_divs_become_paragraphs() {
        let nodes = vec![
            text("Dòng một"),
            el("div", &[], vec![text("Dòng hai")]),
            el("div", &[], vec![el("p", &[], vec![text("Dòng ba")])]),
        ];
        assert_eq!(
            cleaned(nodes),
            "<p>Dòng một</p><p>Dòng hai</p><p>Dòng ba</p>"
        );
    }

    #[test]
    fn figures_keep_image_and_caption() {
        let nodes = vec![el(
            "figure",
            &[("class", "x")],
            vec![
                el(
                    "img",
                    &[
                        ("src", "/media/a.jpg"),
                        ("alt", "Cầu \"mới\""),
                        ("width", "800"),
                        ("height", "abc"),
                    ],
                    vec![],
                ),
                el("figcaption", &[], vec![text("Chú thích")]),
            ],
        )];
        assert_eq!(
            cleaned(nodes),
            "<figure><img src=\"/media/a.jpg\" alt=\"Cầu &quot;mới&quot;\" width=\"800\"><figcaption>Chú thích</figcaption></figure>"
        );
    }

    #[test]
    fn plain_text_is_a_paragraph_a_line() {
        assert_eq!(
            plain_text_to_html("Một <b>\r\n\r\n  Hai & ba  \n"),
            "<p>Một &lt;b&gt;</p><p>Hai &amp; ba</p>"
        );
    }

    #[test]
    fn links_are_checked_as_a_browser_reads_them() {
        assert!(link_allowed("https://binhlieu.quangninh.gov.vn"));
        assert!(link_allowed("mailto:a@b.vn"));
        assert!(link_allowed("/tin-tuc/a"));
        assert!(!link_allowed("java\tscript:alert(1)"));
        assert!(!link_allowed("//evil.example"));
        assert!(!link_allowed("/\\evil.example"));
        assert!(!link_allowed("data:text/html,x"));
    }
}
