//! The body's editor: an editable area and a toolbar of real buttons. Formatting goes through
//! the browser's `execCommand`, which keeps undo (Ctrl+Z) working; pasted text is cleaned
//! first (`paste`), and what the browser adds on its own (style attributes) is taken off.

use leptos::html::Div;
use leptos::prelude::*;
use portal_contract::limits::LINK_URL_MAX_BYTES;
use portal_contract::Image;
use wasm_bindgen::JsCast;

use super::paste;
use super::photo::PhotoUpload;

pub const EDITOR_ID: &str = "article-body";

fn html_document() -> Option<web_sys::HtmlDocument> {
    document().dyn_into::<web_sys::HtmlDocument>().ok()
}

fn exec(command: &str, value: &str) {
    if let Some(document) = html_document() {
        let _ = document.exec_command_with_show_ui_and_value(command, false, value);
    }
}

/// What the toolbar shows as pressed where the caret is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Formats {
    block: String,
    bold: bool,
    italic: bool,
    bullets: bool,
    numbers: bool,
}

fn formats_here() -> Formats {
    let Some(document) = html_document() else {
        return Formats::default();
    };
    let state = |command: &str| document.query_command_state(command).unwrap_or(false);
    Formats {
        block: document
            .query_command_value("formatBlock")
            .unwrap_or_default()
            .to_ascii_lowercase(),
        bold: state("bold"),
        italic: state("italic"),
        bullets: state("insertUnorderedList"),
        numbers: state("insertOrderedList"),
    }
}

/// Sets the body's HTML (an article opened, a copy restored), cleaned as a save would.
pub fn set_html(editor: NodeRef<Div>, html: &str) {
    if let Some(element) = editor.get_untracked() {
        let cleaned = paste::clean_html(html);
        element.set_inner_html(if cleaned.is_empty() {
            "<p><br></p>"
        } else {
            &cleaned
        });
    }
}

/// The body as it will be stored.
pub fn cleaned_html(editor: NodeRef<Div>) -> Option<String> {
    editor
        .get_untracked()
        .map(|element| paste::clean_html(&element.inner_html()))
}

/// Takes off what the browser writes by itself: Chromium adds `style` to keep a look when
/// paragraphs merge, and the policy (CSP) would block it anyway.
fn strip_styles(element: &web_sys::Element) {
    if let Ok(styled) = element.query_selector_all("[style], [class]") {
        for index in 0..styled.length() {
            if let Some(node) = styled.item(index) {
                if let Some(styled) = node.dyn_ref::<web_sys::Element>() {
                    let _ = styled.remove_attribute("style");
                    let _ = styled.remove_attribute("class");
                }
            }
        }
    }
}

fn table_html() -> String {
    let heads: String = (1..=3).map(|n| format!("<th>Cột {n}</th>")).collect();
    let row = "<tr><td><br></td><td><br></td><td><br></td></tr>";
    format!("<table><thead><tr>{heads}</tr></thead><tbody>{row}{row}</tbody></table><p><br></p>")
}

fn figure_html(image: &Image, caption: &str) -> String {
    let size = match (image.width, image.height) {
        (Some(width), Some(height)) => format!(" width=\"{width}\" height=\"{height}\""),
        _ => String::new(),
    };
    let caption = if caption.is_empty() {
        String::new()
    } else {
        format!("<figcaption>{}</figcaption>", paste::escape(caption))
    };
    format!(
        "<figure><img src=\"{}\" alt=\"{}\"{size}>{caption}</figure><p><br></p>",
        paste::escape(&image.url),
        paste::escape(&image.alt)
    )
}

/// Which small form the toolbar has open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Link,
    Photo,
}

#[component]
pub fn RichText(
    editor: NodeRef<Div>,
    /// The id of the element that names the area (its visible label).
    labelled_by: &'static str,
    /// The ids of a hint and an error that describe it, when shown.
    described_by: Signal<Option<String>>,
    /// Told after every change, for the form to read the HTML.
    on_change: Callback<()>,
) -> impl IntoView {
    let formats = RwSignal::new(Formats::default());
    let panel = RwSignal::new(Panel::None);
    // Where the caret was in the area: the toolbar and its forms take the focus, and a
    // command must apply where the writer was.
    let saved = StoredValue::new_local(None::<web_sys::Range>);

    let remember = move || {
        let Some(element) = editor.get_untracked() else {
            return;
        };
        let range = window()
            .get_selection()
            .ok()
            .flatten()
            .filter(|selection| selection.range_count() > 0)
            .and_then(|selection| selection.get_range_at(0).ok())
            .filter(|range| {
                range
                    .common_ancestor_container()
                    .is_ok_and(|node| element.contains(Some(&node)))
            });
        if let Some(range) = range {
            saved.set_value(Some(range.clone_range()));
            formats.set(formats_here());
        }
    };
    // The caret back where it was (at the end, if the area was never used), with the focus.
    let restore = move || {
        let Some(element) = editor.get_untracked() else {
            return;
        };
        let _ = element.focus();
        let Some(selection) = window().get_selection().ok().flatten() else {
            return;
        };
        let range = saved.get_value().or_else(|| {
            let range = document().create_range().ok()?;
            range.select_node_contents(&element).ok()?;
            range.collapse_with_to_start(false);
            Some(range)
        });
        if let Some(range) = range {
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    };
    let changed = move || {
        if let Some(element) = editor.get_untracked() {
            strip_styles(&element);
        }
        remember();
        on_change.run(());
    };
    let command = move |name: &'static str, value: &'static str| {
        restore();
        exec(name, value);
        changed();
    };
    let insert = move |html: String| {
        restore();
        exec("insertHTML", &html);
        changed();
    };

    // Enter starts a paragraph, not a `<div>`.
    exec("defaultParagraphSeparator", "p");

    let on_paste = move |event: leptos::ev::ClipboardEvent| {
        event.prevent_default();
        let Some(data) = event.clipboard_data() else {
            return;
        };
        let html = data.get_data("text/html").unwrap_or_default();
        let cleaned = if html.trim().is_empty() {
            paste::plain_text_to_html(&data.get_data("text/plain").unwrap_or_default())
        } else {
            paste::clean_html(&html)
        };
        if !cleaned.is_empty() {
            exec("insertHTML", &cleaned);
            changed();
        }
    };

    // A toolbar button keeps the caret in the area when clicked with the mouse.
    let keep_focus = |event: leptos::ev::MouseEvent| event.prevent_default();
    let block_button = move |label: &'static str, tag: &'static str| {
        view! {
            <button
                type="button"
                aria-pressed=move || if formats.get().block == tag { "true" } else { "false" }
                on:mousedown=keep_focus
                on:click=move |_| command("formatBlock", tag)
            >
                {label}
            </button>
        }
    };
    let toggle_button = move |label: &'static str,
                              name: &'static str,
                              pressed: fn(&Formats) -> bool,
                              class: &'static str| {
        view! {
            <button
                type="button"
                class=class
                aria-pressed=move || if formats.with(pressed) { "true" } else { "false" }
                on:mousedown=keep_focus
                on:click=move |_| command(name, "")
            >
                {label}
            </button>
        }
    };
    let open = move |which: Panel| {
        remember();
        panel.set(if panel.get_untracked() == which {
            Panel::None
        } else {
            which
        });
    };

    view! {
        <div class="rich-text">
            <div class="rich-text-toolbar" role="toolbar" aria-label="Định dạng nội dung" aria-controls=EDITOR_ID>
                {block_button("Đoạn văn", "p")}
                {block_button("Tiêu đề 2", "h2")}
                {block_button("Tiêu đề 3", "h3")}
                {toggle_button("Đậm", "bold", |f| f.bold, "tool-bold")}
                {toggle_button("Nghiêng", "italic", |f| f.italic, "tool-italic")}
                {toggle_button("Danh sách", "insertUnorderedList", |f| f.bullets, "")}
                {toggle_button("Danh sách số", "insertOrderedList", |f| f.numbers, "")}
                <button
                    type="button"
                    aria-expanded=move || if panel.get() == Panel::Link { "true" } else { "false" }
                    on:mousedown=keep_focus
                    on:click=move |_| open(Panel::Link)
                >
                    "Liên kết"
                </button>
                <button
                    type="button"
                    aria-expanded=move || if panel.get() == Panel::Photo { "true" } else { "false" }
                    on:mousedown=keep_focus
                    on:click=move |_| open(Panel::Photo)
                >
                    "Ảnh"
                </button>
                <button
                    type="button"
                    aria-label="Bảng: chèn bảng 3 cột có hàng đầu"
                    on:mousedown=keep_focus
                    on:click=move |_| insert(table_html())
                >
                    "Bảng"
                </button>
            </div>
            {move || match panel.get() {
                Panel::None => ().into_any(),
                Panel::Link => view! {
                    <LinkForm
                        on_done=Callback::new(move |url: Option<String>| {
                            panel.set(Panel::None);
                            match url {
                                Some(url) => {
                                    restore();
                                    let collapsed = window()
                                        .get_selection()
                                        .ok()
                                        .flatten()
                                        .is_none_or(|selection| selection.is_collapsed());
                                    if collapsed {
                                        let escaped = paste::escape(&url);
                                        exec("insertHTML", &format!("<a href=\"{escaped}\">{escaped}</a>"));
                                    } else {
                                        exec("createLink", &url);
                                    }
                                    changed();
                                }
                                None => restore(),
                            }
                        })
                    />
                }
                .into_any(),
                Panel::Photo => view! {
                    <PhotoUpload
                        id="body-photo"
                        legend="Chèn ảnh vào nội dung"
                        with_caption=true
                        submit_label="Tải lên và chèn ảnh"
                        on_uploaded=Callback::new(move |(image, caption): (Image, String)| {
                            panel.set(Panel::None);
                            insert(figure_html(&image, &caption));
                        })
                        on_cancel=Callback::new(move |_| {
                            panel.set(Panel::None);
                            restore();
                        })
                    />
                }
                .into_any(),
            }}
            <div
                id=EDITOR_ID
                node_ref=editor
                class="rich-text-area article-body"
                contenteditable="true"
                role="textbox"
                aria-multiline="true"
                aria-labelledby=labelled_by
                aria-describedby=move || described_by.get()
                spellcheck="true"
                lang="vi"
                on:input=move |_| changed()
                on:keyup=move |_| remember()
                on:mouseup=move |_| remember()
                on:focus=move |_| remember()
                on:paste=on_paste
            ></div>
        </div>
    }
}

/// "Liên kết": the address, asked in the page (not in a browser dialog), checked like the
/// server checks it.
#[component]
fn LinkForm(on_done: Callback<Option<String>>) -> impl IntoView {
    let (url, set_url) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let submit = move || {
        let typed = url.get_untracked().trim().to_string();
        // A bare address (`www.example.vn`) is meant as a web address.
        let typed = if typed.starts_with("www.") {
            format!("https://{typed}")
        } else {
            typed
        };
        if paste::link_allowed(&typed) {
            on_done.run(Some(typed));
        } else {
            set_error.set(Some(
                "Địa chỉ cần bắt đầu bằng https://, http://, mailto: hoặc tel: (hoặc / cho trang trong cổng)."
                    .into(),
            ));
            crate::ui::focus_by_id("link-url");
        }
    };
    // The address field takes the focus as the form opens.
    Effect::new(move || crate::ui::focus_by_id("link-url"));
    view! {
        <fieldset class="staff-inline-form">
            <legend>"Chèn liên kết"</legend>
            <div class="field">
                <label for="link-url">"Địa chỉ liên kết"</label>
                <input
                    id="link-url"
                    type="url"
                    inputmode="url"
                    maxlength=LINK_URL_MAX_BYTES
                    placeholder="https://"
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=move || error.get().map(|_| "link-url-error")
                    prop:value=url
                    on:input=move |event| set_url.set(event_target_value(&event))
                    on:keydown=move |event| match event.key().as_str() {
                        "Enter" => {
                            event.prevent_default();
                            submit();
                        }
                        "Escape" => on_done.run(None),
                        _ => {}
                    }
                />
                <p id="link-url-error" class="field-error" hidden=move || error.get().is_none()>{move || error.get()}</p>
            </div>
            <div class="staff-actions">
                <button type="button" class="button" on:click=move |_| submit()>"Chèn liên kết"</button>
                <button type="button" class="button button-secondary" on:click=move |_| on_done.run(None)>"Hủy"</button>
            </div>
        </fieldset>
    }
}
