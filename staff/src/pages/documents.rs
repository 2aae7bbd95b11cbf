//! `/quan-tri/van-ban?q=&trang=` and `/quan-tri/van-ban/{slug}` (`moi` for a new one): the
//! documents library (văn bản) as approvers and admins keep it. A document is its facts, an
//! optional body, the files uploaded for it and the documents it replaces, amends or guides;
//! the server checks it by the import's rules and says in Vietnamese what is wrong, next to
//! the field. What the clerk typed stays in the page whatever the server answers; a save over
//! someone else's newer one is refused (409) and explained.

use std::collections::BTreeMap;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;
use portal_contract::documents::{
    DocumentKind, DocumentRecord, DocumentSummary, StaffDocument, StaffDocumentSave, UploadedFile,
    UploadedFileRef, DOCUMENT_FILE_MAX_BYTES, DOCUMENT_FILE_NAME_MAX_CHARS, DOCUMENT_KINDS,
    DOCUMENT_MAX_FILES, DOCUMENT_NAME_MAX_CHARS, DOCUMENT_NUMBER_MAX_CHARS,
    DOCUMENT_SUMMARY_MAX_CHARS,
};
use portal_contract::limits::{ARTICLE_SLUG_MAX_CHARS, QUERY_MAX_CHARS};
use portal_contract::paging::listing_href;
use portal_contract::staff::StaffRole;
use portal_contract::time::format_day;
use portal_contract::{format_file_size, slugify};

use crate::api::{self, Failure};
use crate::app::BASE;
use crate::editor::rich_text::{self, RichText, EDITOR_ID};
use crate::ui::{
    focus_by_id, focus_soon, loaded, page_number, when, FieldError, Flash, Message, MessageArea,
    Pager, RequireRole,
};

const PER_PAGE: u32 = 20;
/// The extensions a file may have, as the server takes them (`documents::FileKind`).
const EXTENSIONS: [&str; 6] = ["pdf", "doc", "docx", "xls", "xlsx", "odt"];

pub fn document_href(slug: &str) -> String {
    format!("{BASE}/van-ban/{slug}")
}

fn list_href(text: &str, page: u32) -> String {
    let path = format!("{BASE}/van-ban");
    listing_href(&path, [("q", text.trim())], page, api::encode)
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let query = use_query_map();
    let text = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let page = Memo::new(move |_| page_number(&query.read()));
    view! {
        <Title text="Văn bản" />
        <div class="staff-page-head">
            <h1 class="page-title">"Văn bản"</h1>
        </div>
        <RequireRole role=StaffRole::Approver>
            <DocumentList text page />
        </RequireRole>
    }
}

#[component]
fn DocumentList(text: Memo<String>, page: Memo<u32>) -> impl IntoView {
    let list = LocalResource::new(move || {
        let (text, page) = (text.get(), page.get());
        async move { api::documents(&text, page, PER_PAGE).await }
    });
    view! {
        <p><a class="button" href=document_href("moi")>"Thêm văn bản"</a></p>
        <SearchForm text />
        {loaded(list, move |list| {
            if list.items.is_empty() {
                return view! { <p class="empty">"Không có văn bản nào."</p> }.into_any();
            }
            let count = list.page_count();
            let current = list.page;
            let text = text.get_untracked();
            view! {
                <p class="list-total" role="status">{format!("{} văn bản", list.total)}</p>
                <ul class="staff-list">
                    {list.items.into_iter().map(|item| view! { <DocumentItem item /> }).collect_view()}
                </ul>
                <Pager current count href=move |n| list_href(&text, n) />
            }
            .into_any()
        })}
    }
}

#[component]
fn SearchForm(text: Memo<String>) -> impl IntoView {
    let navigate = use_navigate();
    let (typed, set_typed) = signal(text.get_untracked());
    // Back and forward change the address under the form: it follows.
    Effect::new(move || set_typed.set(text.get()));
    view! {
        <form
            class="staff-search"
            role="search"
            on:submit=move |event| {
                event.prevent_default();
                navigate(&list_href(&typed.get_untracked(), 1), Default::default());
            }
        >
            <label for="document-search">"Tìm văn bản (số ký hiệu hoặc từ trong trích yếu)"</label>
            <div class="staff-search-row">
                <input
                    id="document-search"
                    type="search"
                    maxlength=QUERY_MAX_CHARS
                    prop:value=typed
                    on:input=move |event| set_typed.set(event_target_value(&event))
                />
                <button type="submit" class="button">"Tìm"</button>
            </div>
        </form>
    }
}

#[component]
fn DocumentItem(item: DocumentSummary) -> impl IntoView {
    view! {
        <li>
            <h2 class="staff-list-title"><a href=document_href(&item.slug)>{item.number.clone()}</a></h2>
            <p class="article-meta">
                {format!("{} · Ban hành {} · {}", item.kind.name, format_day(item.issued_on), item.status.label)}
            </p>
            <p>{item.summary.clone()}</p>
        </li>
    }
}

#[component]
pub fn DocumentEditorPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    view! {
        <RequireRole role=StaffRole::Approver>
            {move || {
                let slug = slug.get();
                if slug == "moi" {
                    view! {
                        <Title text="Thêm văn bản" />
                        <h1 class="page-title">"Thêm văn bản"</h1>
                        <DocumentEditor opened=None />
                    }
                    .into_any()
                } else {
                    view! { <OpenDocument slug /> }.into_any()
                }
            }}
        </RequireRole>
    }
}

#[component]
fn OpenDocument(slug: String) -> impl IntoView {
    let document = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::document(&slug).await }
    });
    view! {
        <Title text="Sửa văn bản" />
        <h1 class="page-title">"Sửa văn bản"</h1>
        {loaded(document, |document| view! { <DocumentEditor opened=Some(document) /> })}
    }
}

/// How a related document relates to the one edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Replaces,
    Amends,
    Guides,
}

impl Relation {
    const ALL: [Relation; 3] = [Relation::Replaces, Relation::Amends, Relation::Guides];

    /// The server's name for the list (`replaces[0]` in a 422).
    fn field(self) -> &'static str {
        match self {
            Relation::Replaces => "replaces",
            Relation::Amends => "amends",
            Relation::Guides => "guides",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Relation::Replaces => "Thay thế",
            Relation::Amends => "Sửa đổi, bổ sung",
            Relation::Guides => "Hướng dẫn",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct FileRow {
    key: u32,
    file: UploadedFile,
    /// The name it downloads as, as typed.
    name: String,
}

#[derive(Debug, Clone, PartialEq)]
struct RelationRow {
    key: u32,
    relation: Relation,
    slug: String,
    /// The number and abstract, when the clerk chose it from a search.
    shown: Option<String>,
}

/// Everything the form holds but the body (which the rich text area holds).
#[derive(Debug, Clone, PartialEq, Default)]
struct Form {
    slug: String,
    number: String,
    kind: String,
    issuer: String,
    signer: String,
    issued_on: String,
    effective_on: String,
    expires_on: String,
    field: String,
    summary: String,
    files: Vec<FileRow>,
    relations: Vec<RelationRow>,
    next_key: u32,
}

impl Form {
    fn from_saved(saved: &StaffDocument) -> Self {
        Self::from_saved_after(saved, 0)
    }

    /// `saved` in rows keyed after `last_key`: the rows on the screen keep their views by key,
    /// so a key given again would show an old row's text over another file or relation.
    fn from_saved_after(saved: &StaffDocument, last_key: u32) -> Self {
        let record = &saved.document;
        let mut form = Form {
            slug: record.slug.clone().unwrap_or_default(),
            number: record.number.clone(),
            kind: record.kind.clone(),
            issuer: record.issuer.clone(),
            signer: record.signer.clone(),
            issued_on: record.issued_on.clone(),
            effective_on: record.effective_on.clone().unwrap_or_default(),
            expires_on: record.expires_on.clone().unwrap_or_default(),
            field: record.field.clone(),
            summary: record.summary.clone(),
            next_key: last_key,
            ..Form::default()
        };
        for (reference, file) in record.files.iter().zip(&saved.files) {
            let key = form.key();
            form.files.push(FileRow {
                key,
                file: file.clone(),
                name: reference.name.clone(),
            });
        }
        for relation in Relation::ALL {
            let slugs = match relation {
                Relation::Replaces => &record.replaces,
                Relation::Amends => &record.amends,
                Relation::Guides => &record.guides,
            };
            for slug in slugs {
                let key = form.key();
                form.relations.push(RelationRow {
                    key,
                    relation,
                    slug: slug.clone(),
                    shown: None,
                });
            }
        }
        form
    }

    fn key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key
    }

    /// What the server takes, with the body as the area holds it.
    fn record(&self, body_html: Option<String>) -> DocumentRecord<UploadedFileRef> {
        let optional = |text: &str| Some(text.trim().to_string()).filter(|text| !text.is_empty());
        let related = |relation: Relation| {
            self.relations
                .iter()
                .filter(|row| row.relation == relation)
                .map(|row| row.slug.clone())
                .collect()
        };
        DocumentRecord {
            slug: optional(&self.slug),
            number: self.number.trim().to_string(),
            kind: self.kind.clone(),
            issuer: self.issuer.trim().to_string(),
            signer: self.signer.trim().to_string(),
            issued_on: self.issued_on.clone(),
            effective_on: optional(&self.effective_on),
            expires_on: optional(&self.expires_on),
            field: self.field.trim().to_string(),
            summary: self.summary.trim().to_string(),
            body_html,
            files: self
                .files
                .iter()
                .map(|row| UploadedFileRef {
                    id: row.file.id.clone(),
                    name: row.name.trim().to_string(),
                })
                .collect(),
            replaces: related(Relation::Replaces),
            amends: related(Relation::Amends),
            guides: related(Relation::Guides),
        }
    }

    /// The checks the server would make first, in Vietnamese, before anything is sent.
    fn problems(&self) -> BTreeMap<String, String> {
        let mut problems = BTreeMap::new();
        let mut require = |field: &str, value: &str, message: &str| {
            if value.trim().is_empty() {
                problems.insert(field.to_string(), message.to_string());
            }
        };
        require("number", &self.number, "Vui lòng nhập số ký hiệu.");
        require("type", &self.kind, "Vui lòng chọn loại văn bản.");
        require("issuer", &self.issuer, "Vui lòng nhập cơ quan ban hành.");
        require("signer", &self.signer, "Vui lòng nhập người ký.");
        require("field", &self.field, "Vui lòng nhập lĩnh vực.");
        require("issued_on", &self.issued_on, "Vui lòng chọn ngày ban hành.");
        require("summary", &self.summary, "Vui lòng nhập trích yếu.");
        if self.files.is_empty() {
            problems.insert(
                "files".into(),
                "Vui lòng tải lên ít nhất một tệp văn bản.".into(),
            );
        }
        problems
    }
}

/// The fields in the order they appear, with the id of the control that takes the focus
/// when the server names the field.
const FIELDS: [(&str, &str); 12] = [
    ("slug", "document-slug"),
    ("number", "document-number"),
    ("type", "document-type"),
    ("issuer", "document-issuer"),
    ("signer", "document-signer"),
    ("field", "document-field"),
    ("issued_on", "document-issued_on"),
    ("effective_on", "document-effective_on"),
    ("expires_on", "document-expires_on"),
    ("summary", "document-summary"),
    ("body_html", EDITOR_ID),
    ("files", "document-file"),
];

/// `files[2].name` → (`files`, 2), `replaces[0]` → (`replaces`, 0).
fn indexed(field: &str) -> Option<(&str, usize)> {
    let (list, rest) = field.split_once('[')?;
    let (at, _) = rest.split_once(']')?;
    Some((list, at.parse().ok()?))
}

/// The file type a chosen file has by its name, or why it cannot be sent: before sending
/// megabytes to be told so.
fn file_problem(file: Option<&web_sys::File>) -> Option<String> {
    let Some(file) = file else {
        return Some("Vui lòng chọn một tệp.".into());
    };
    let name = file.name();
    let known = name.rsplit_once('.').is_some_and(|(_, extension)| {
        EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
    });
    if !known {
        return Some("Chỉ nhận tệp PDF, DOC, DOCX, XLS, XLSX hoặc ODT.".into());
    }
    if file.size() == 0.0 {
        return Some("Tệp trống: không có nội dung.".into());
    }
    if file.size() > DOCUMENT_FILE_MAX_BYTES as f64 {
        return Some(format!(
            "Tệp lớn hơn {} MB. Vui lòng chọn tệp nhỏ hơn.",
            DOCUMENT_FILE_MAX_BYTES / (1024 * 1024)
        ));
    }
    None
}

const CONFLICT: &str = "Văn bản đã được người khác sửa sau khi bạn mở nên chưa lưu được. Những gì bạn nhập vẫn còn nguyên trong trang. Hãy mở bản mới nhất trong thẻ khác để đối chiếu, hoặc tải bản mới nhất vào trang này (bỏ những gì bạn vừa nhập).";

#[component]
fn DocumentEditor(opened: Option<StaffDocument>) -> impl IntoView {
    let navigate = use_navigate();
    let flash = expect_context::<Flash>();
    let existing = opened
        .as_ref()
        .and_then(|document| document.document.slug.clone());
    let form = RwSignal::new(opened.as_ref().map(Form::from_saved).unwrap_or_default());
    let version = RwSignal::new(opened.as_ref().map(|document| document.version.clone()));
    let updated_at = RwSignal::new(opened.as_ref().map(|document| document.updated_at.clone()));
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let message = RwSignal::new(flash.take());
    let conflict = RwSignal::new(false);
    let (busy, set_busy) = signal(None::<&'static str>);
    let body = NodeRef::<Div>::new();
    let initial_body = opened
        .as_ref()
        .and_then(|document| document.document.body_html.clone())
        .unwrap_or_default();
    // The body arrives once the editable area is in the page.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let mounted = body.get().is_some();
        if mounted {
            rich_text::set_html(body, &initial_body);
        }
        mounted
    });

    let error = move |field: &'static str| {
        Signal::derive(move || errors.with(|errors| errors.get(field).cloned()))
    };
    let show_errors = move |found: BTreeMap<String, String>| {
        let first = FIELDS
            .iter()
            .find(|(field, _)| found.contains_key(*field))
            .map(|(_, id)| id.to_string())
            .or_else(|| {
                // A file's or a relation's: the first of those rows.
                let (list, at) = found.keys().find_map(|field| indexed(field))?;
                form.with_untracked(|form| match list {
                    "files" => form
                        .files
                        .get(at)
                        .map(|row| format!("file-{}-name", row.key)),
                    _ => form
                        .relations
                        .iter()
                        .filter(|row| row.relation.field() == list)
                        .nth(at)
                        .map(|row| format!("relation-{}-remove", row.key)),
                })
            });
        errors.set(found);
        if let Some(id) = first {
            focus_soon(id);
        }
    };

    let body_html = move || {
        let html = rich_text::cleaned_html(body).unwrap_or_default();
        let text = body
            .get_untracked()
            .and_then(|element| element.text_content())
            .unwrap_or_default();
        // An empty area still holds an empty paragraph: a document of files only.
        (!text.trim().is_empty() || html.contains("<img")).then_some(html)
    };

    let save = {
        let existing = existing.clone();
        move || {
            if busy.get_untracked().is_some() {
                return;
            }
            let current = form.get_untracked();
            let problems = current.problems();
            if !problems.is_empty() {
                show_errors(problems);
                message.set(Message::Problem(
                    "Chưa lưu: một số ô cần sửa (xem ghi chú bên cạnh từng ô).".into(),
                ));
                return;
            }
            let record = current.record(body_html());
            let existing = existing.clone();
            let navigate = navigate.clone();
            set_busy.set(Some("Đang lưu…"));
            message.set(Message::None);
            leptos::task::spawn_local(async move {
                let outcome = match &existing {
                    None => api::create_document(&record).await,
                    Some(slug) => {
                        let save = StaffDocumentSave {
                            version: version.get_untracked().unwrap_or_default(),
                            document: record,
                        };
                        api::save_document(slug, &save).await
                    }
                };
                set_busy.set(None);
                match outcome {
                    Ok(saved) => {
                        errors.set(BTreeMap::new());
                        conflict.set(false);
                        let slug = saved.document.slug.clone().unwrap_or_default();
                        if existing.is_none() {
                            flash.set(Message::Done(format!(
                                "Đã thêm văn bản {}. Người dân đã đọc được văn bản này trên cổng.",
                                saved.document.number
                            )));
                            // The new document's address takes the place of the empty form's.
                            navigate(
                                &document_href(&slug),
                                NavigateOptions {
                                    replace: true,
                                    ..Default::default()
                                },
                            );
                            return;
                        }
                        version.set(Some(saved.version.clone()));
                        updated_at.set(Some(saved.updated_at.clone()));
                        let last_key = form.with_untracked(|form| form.next_key);
                        form.set(Form::from_saved_after(&saved, last_key));
                        message.set(Message::Done(format!(
                            "Đã lưu lúc {}. Người dân đã đọc được bản này trên cổng.",
                            when(&saved.updated_at)
                        )));
                    }
                    Err(Failure::Conflict) if existing.is_none() => {
                        show_errors(BTreeMap::from([(
                            "slug".to_string(),
                            "Đã có văn bản dùng đường dẫn này: hãy nhập một đường dẫn khác, hoặc mở văn bản kia để sửa.".to_string(),
                        )]));
                        message.set(Message::Problem(
                            "Chưa lưu được: đường dẫn đã có văn bản khác dùng.".into(),
                        ));
                    }
                    Err(Failure::Conflict) => {
                        conflict.set(true);
                        message.set(Message::Problem(CONFLICT.into()));
                        focus_soon("conflict-heading".into());
                    }
                    Err(Failure::Invalid(fields)) => {
                        let known: Vec<&str> = FIELDS.iter().map(|(field, _)| *field).collect();
                        let mut text =
                            "Chưa lưu được: một số ô cần sửa (xem ghi chú bên cạnh từng ô)."
                                .to_string();
                        for (field, problem) in &fields {
                            if !known.contains(&field.as_str()) && indexed(field).is_none() {
                                text.push(' ');
                                text.push_str(problem);
                            }
                        }
                        show_errors(fields);
                        message.set(Message::Problem(text));
                    }
                    Err(failure) => message.set(Message::Problem(format!(
                        "Chưa lưu được. {} Những gì bạn nhập vẫn còn nguyên trong trang.",
                        failure.message()
                    ))),
                }
            });
        }
    };

    // The conflict: the other person's version into the form, the clerk's changes dropped.
    let load_theirs = {
        let existing = existing.clone();
        move || {
            let Some(slug) = existing.clone() else { return };
            set_busy.set(Some("Đang tải bản mới nhất…"));
            leptos::task::spawn_local(async move {
                let outcome = api::document(&slug).await;
                set_busy.set(None);
                match outcome {
                    Ok(latest) => {
                        rich_text::set_html(
                            body,
                            latest.document.body_html.as_deref().unwrap_or_default(),
                        );
                        version.set(Some(latest.version.clone()));
                        updated_at.set(Some(latest.updated_at.clone()));
                        let last_key = form.with_untracked(|form| form.next_key);
                        form.set(Form::from_saved_after(&latest, last_key));
                        errors.set(BTreeMap::new());
                        conflict.set(false);
                        message.set(Message::Done("Đã tải bản mới nhất.".into()));
                        focus_soon("document-number".into());
                    }
                    Err(failure) => message.set(Message::Problem(format!(
                        "Chưa tải được bản mới nhất. {}",
                        failure.message()
                    ))),
                }
            });
        }
    };

    let text_field = move |field: &'static str,
                           label: &'static str,
                           max: usize,
                           read: fn(&Form) -> String,
                           write: fn(&mut Form, String)| {
        let id = format!("document-{field}");
        let error_id = format!("{id}-error");
        let error = error(field);
        let described = {
            let error_id = error_id.clone();
            move || error.get().map(|_| error_id.clone())
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    type="text"
                    maxlength=max
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=described
                    prop:value=move || form.with(read)
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        form.update(|form| write(form, typed));
                    }
                />
                <FieldError id=error_id error />
            </div>
        }
    };
    let date_field = move |field: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           read: fn(&Form) -> String,
                           write: fn(&mut Form, String)| {
        let id = format!("document-{field}");
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let error = error(field);
        let described = {
            let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
            move || match error.get() {
                Some(_) => format!("{hint_id} {error_id}"),
                None => hint_id.clone(),
            }
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    type="date"
                    min="1900-01-01"
                    max="2100-12-31"
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby=described
                    prop:value=move || form.with(read)
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        form.update(|form| write(form, typed));
                    }
                />
                <p id=hint_id class="hint">{hint}</p>
                <FieldError id=error_id error />
            </div>
        }
    };

    let slug_error = error("slug");
    let type_error = error("type");
    let summary_error = error("summary");
    let body_error = error("body_html");
    let public = existing.as_ref().map(|slug| format!("/van-ban/{slug}"));
    let save_click = save.clone();
    view! {
        <p class="hint">
            "Lưu xong, văn bản hiện ngay trên cổng thông tin, trong mục “Văn bản”. "
            {public.clone().map(|href| view! {
                <a href=href target="_blank" rel="noopener">"Xem văn bản này trên cổng"</a>
            })}
        </p>
        {move || updated_at.get().map(|at| view! {
            <p class="staff-status-line">{format!("Sửa lần cuối lúc {}", when(&at))}</p>
        })}
        <form
            class="staff-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save();
            }
        >
            {match existing.clone() {
                Some(slug) => view! {
                    <p class="field">
                        <span class="field-label">"Đường dẫn"</span>
                        " "
                        <code id="document-slug">{slug}</code>
                        " (không đổi được)"
                    </p>
                }
                .into_any(),
                None => view! {
                    <div class="field">
                        <label for="document-slug">"Đường dẫn (không bắt buộc)"</label>
                        <input
                            id="document-slug"
                            type="text"
                            maxlength=ARTICLE_SLUG_MAX_CHARS
                            aria-invalid=move || slug_error.get().map(|_| "true")
                            aria-describedby=move || match slug_error.get() {
                                Some(_) => "document-slug-hint document-slug-error",
                                None => "document-slug-hint",
                            }
                            prop:value=move || form.with(|form| form.slug.clone())
                            on:input=move |event| {
                                let typed = event_target_value(&event);
                                form.update(|form| form.slug = typed);
                            }
                        />
                        <p id="document-slug-hint" class="hint">
                            {move || {
                                let made = form.with(|form| {
                                    slugify(&format!("{} {}", form.number, form.summary))
                                });
                                format!(
                                    "Để trống thì đường dẫn được tạo từ số ký hiệu và trích yếu{}.",
                                    if made.is_empty() { String::new() } else { format!(" (bắt đầu bằng “{}”)", made.chars().take(40).collect::<String>()) }
                                )
                            }}
                        </p>
                        <FieldError id="document-slug-error".to_string() error=slug_error />
                    </div>
                }
                .into_any(),
            }}
            {text_field("number", "Số ký hiệu", DOCUMENT_NUMBER_MAX_CHARS, |form| form.number.clone(), |form, typed| form.number = typed)}
            <div class="field">
                <label for="document-type">"Loại văn bản"</label>
                <select
                    id="document-type"
                    aria-invalid=move || type_error.get().map(|_| "true")
                    aria-describedby=move || type_error.get().map(|_| "document-type-error")
                    on:change=move |event| {
                        let chosen = event_target_value(&event);
                        form.update(|form| form.kind = chosen);
                    }
                >
                    <option value="" prop:selected=move || form.with(|form| form.kind.is_empty())>
                        "— Chọn loại văn bản —"
                    </option>
                    {DOCUMENT_KINDS.iter().map(|kind: &DocumentKind| view! {
                        <option value=kind.slug prop:selected=move || form.with(|form| form.kind == kind.slug)>
                            {format!("{} ({})", kind.name, kind.code)}
                        </option>
                    }).collect_view()}
                </select>
                <FieldError id="document-type-error".to_string() error=type_error />
            </div>
            {text_field("issuer", "Cơ quan ban hành", DOCUMENT_NAME_MAX_CHARS, |form| form.issuer.clone(), |form, typed| form.issuer = typed)}
            {text_field("signer", "Người ký", DOCUMENT_NAME_MAX_CHARS, |form| form.signer.clone(), |form, typed| form.signer = typed)}
            {text_field("field", "Lĩnh vực", DOCUMENT_NAME_MAX_CHARS, |form| form.field.clone(), |form, typed| form.field = typed)}
            {date_field("issued_on", "Ngày ban hành", "Bắt buộc.", |form| form.issued_on.clone(), |form, typed| form.issued_on = typed)}
            {date_field("effective_on", "Ngày có hiệu lực", "Để trống nếu có hiệu lực từ ngày ban hành.", |form| form.effective_on.clone(), |form, typed| form.effective_on = typed)}
            {date_field("expires_on", "Ngày hết hiệu lực", "Ngày đầu tiên văn bản không còn hiệu lực; để trống nếu không có thời hạn.", |form| form.expires_on.clone(), |form, typed| form.expires_on = typed)}
            <div class="field">
                <label for="document-summary">"Trích yếu"</label>
                <textarea
                    id="document-summary"
                    rows="3"
                    maxlength=DOCUMENT_SUMMARY_MAX_CHARS
                    aria-invalid=move || summary_error.get().map(|_| "true")
                    aria-describedby=move || summary_error.get().map(|_| "document-summary-error")
                    prop:value=move || form.with(|form| form.summary.clone())
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        form.update(|form| form.summary = typed);
                    }
                ></textarea>
                <FieldError id="document-summary-error".to_string() error=summary_error />
            </div>
            <div class="field">
                <p id="document-body-label" class="field-label" on:click=move |_| focus_by_id(EDITOR_ID)>
                    "Nội dung (không bắt buộc)"
                </p>
                <RichText
                    editor=body
                    labelled_by="document-body-label"
                    described_by=Signal::derive(move || body_error.get().map(|_| "document-body-error".to_string()))
                    on_change=Callback::new(|_| {})
                />
                <FieldError id="document-body-error".to_string() error=body_error />
            </div>
            <Files form errors message />
            <Relations form errors />
            <MessageArea message />
            <p class="notice notice-busy" role="status">{move || busy.get()}</p>
            {move || conflict.get().then(|| {
                let load_theirs = load_theirs.clone();
                // The staff's own copy: the public page may be a cached one, minutes old.
                let latest = existing.as_deref().map(document_href);
                view! {
                    <section class="staff-conflict" aria-labelledby="conflict-heading">
                        <h2 id="conflict-heading" tabindex="-1">"Văn bản đã được người khác sửa"</h2>
                        <div class="staff-actions">
                            {latest.map(|href| view! {
                                <a class="button button-secondary" href=href target="_blank" rel="noopener">
                                    "Mở bản mới nhất trong thẻ khác"
                                </a>
                            })}
                            <button type="button" class="button button-secondary" on:click=move |_| load_theirs()>
                                "Tải bản mới nhất vào trang này"
                            </button>
                        </div>
                    </section>
                }
            })}
            <div class="staff-actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || busy.get().is_some()
                    on:click=move |_| save_click()
                >
                    {move || busy.get().unwrap_or("Lưu văn bản")}
                </button>
                <a class="button button-secondary" href=list_href("", 1)>"Về danh sách văn bản"</a>
            </div>
        </form>
    }
}

/// The attached files: each with the name it downloads as, and a form to upload another.
#[component]
fn Files(
    form: RwSignal<Form>,
    errors: RwSignal<BTreeMap<String, String>>,
    message: RwSignal<Message>,
) -> impl IntoView {
    let file_input = NodeRef::<leptos::html::Input>::new();
    let (file_error, set_file_error) = signal(None::<String>);
    let (uploading, set_uploading) = signal(false);
    let list_error = Signal::derive(move || errors.with(|errors| errors.get("files").cloned()));
    let shown_error = Signal::derive(move || file_error.get().or_else(|| list_error.get()));
    let upload = move || {
        let file = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let full = form.with_untracked(|form| form.files.len() >= DOCUMENT_MAX_FILES);
        let problem = if full {
            Some(format!("Một văn bản có tối đa {DOCUMENT_MAX_FILES} tệp."))
        } else {
            file_problem(file.as_ref())
        };
        set_file_error.set(problem.clone());
        let Some(file) = file.filter(|_| problem.is_none()) else {
            focus_by_id("document-file");
            return;
        };
        let name = file.name();
        set_uploading.set(true);
        leptos::task::spawn_local(async move {
            let outcome = api::upload_document_file(file, &name).await;
            set_uploading.set(false);
            match outcome {
                Ok(uploaded) => {
                    if let Some(input) = file_input.get_untracked() {
                        input.set_value("");
                    }
                    let key = form.try_update(|form| {
                        let key = form.key();
                        form.files.push(FileRow {
                            key,
                            name: uploaded.name.clone(),
                            file: uploaded,
                        });
                        key
                    });
                    errors.update(|errors| {
                        errors.remove("files");
                    });
                    message.set(Message::Done(
                        "Đã tải tệp lên. Bấm “Lưu văn bản” để gắn tệp vào văn bản.".into(),
                    ));
                    if let Some(key) = key {
                        focus_soon(format!("file-{key}-name"));
                    }
                }
                Err(failure) => {
                    let detail = failure.fields().into_values().next();
                    set_file_error.set(Some(match (detail, failure) {
                        (Some(detail), _) => format!("Chưa tải được tệp: {detail}"),
                        (None, Failure::TooLarge) => format!(
                            "Chưa tải được tệp: tệp quá lớn (tối đa {} MB).",
                            DOCUMENT_FILE_MAX_BYTES / (1024 * 1024)
                        ),
                        (None, failure) => format!("Chưa tải được tệp. {}", failure.message()),
                    }));
                    focus_by_id("document-file");
                }
            }
        });
    };
    let accept = EXTENSIONS
        .iter()
        .map(|extension| format!(".{extension}"))
        .collect::<Vec<_>>()
        .join(",");
    view! {
        <fieldset class="staff-group">
            <legend>"Tệp đính kèm"</legend>
            {move || form.with(|form| form.files.is_empty()).then(|| view! {
                <p class="empty">"Chưa có tệp nào."</p>
            })}
            <ol class="staff-links">
                <For
                    each=move || form.with(|form| form.files.iter().map(|row| row.key).collect::<Vec<_>>())
                    key=|key| *key
                    children=move |key| view! { <FileFields key form errors /> }
                />
            </ol>
            <div class="field">
                <label for="document-file">"Chọn tệp để tải lên"</label>
                <input
                    id="document-file"
                    node_ref=file_input
                    type="file"
                    accept=accept
                    aria-invalid=move || shown_error.get().map(|_| "true")
                    aria-describedby=move || match shown_error.get() {
                        Some(_) => "document-file-hint document-file-error",
                        None => "document-file-hint",
                    }
                />
                <p id="document-file-hint" class="hint">
                    {format!(
                        "PDF, DOC, DOCX, XLS, XLSX hoặc ODT, tối đa {} MB. Nội dung tệp phải đúng loại mà đuôi tên tệp cho biết.",
                        DOCUMENT_FILE_MAX_BYTES / (1024 * 1024)
                    )}
                </p>
                <FieldError id="document-file-error".to_string() error=shown_error />
            </div>
            <button
                type="button"
                class="button button-secondary"
                disabled=uploading
                on:click=move |_| upload()
            >
                {move || if uploading.get() { "Đang tải tệp lên…" } else { "Tải tệp lên" }}
            </button>
        </fieldset>
    }
}

#[component]
fn FileFields(
    key: u32,
    form: RwSignal<Form>,
    errors: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let index = Memo::new(move |_| {
        form.with(|form| form.files.iter().position(|row| row.key == key))
            .unwrap_or(0)
    });
    let (name, facts) = form.with_untracked(|form| {
        form.files
            .iter()
            .find(|row| row.key == key)
            .map(|row| {
                (
                    row.name.clone(),
                    format!("{}, {}", row.file.format, format_file_size(row.file.size)),
                )
            })
            .unwrap_or_default()
    });
    // The server names a file by its place: `files[1].name`, `files[1].id`.
    let error = Signal::derive(move || {
        let at = index.get();
        errors.with(|errors| {
            errors
                .iter()
                .find(|(field, _)| indexed(field) == Some(("files", at)))
                .map(|(_, message)| message.clone())
        })
    });
    let error_id = format!("file-{key}-error");
    view! {
        <li class="staff-link">
            <div class="field">
                <label for=format!("file-{key}-name")>{move || format!("Tên tệp {} khi tải về", index.get() + 1)}</label>
                <input
                    id=format!("file-{key}-name")
                    type="text"
                    maxlength=DOCUMENT_FILE_NAME_MAX_CHARS
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby={
                        let error_id = error_id.clone();
                        move || match error.get() {
                            Some(_) => format!("file-{key}-facts {error_id}"),
                            None => format!("file-{key}-facts"),
                        }
                    }
                    prop:value=name
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        form.update(|form| {
                            if let Some(row) = form.files.iter_mut().find(|row| row.key == key) {
                                row.name = typed;
                            }
                        });
                    }
                />
                <p id=format!("file-{key}-facts") class="hint">{facts}</p>
                <FieldError id=error_id error />
            </div>
            <button
                type="button"
                class="button button-small button-secondary"
                aria-label=move || format!("Bỏ tệp {}", index.get() + 1)
                on:click=move |_| {
                    form.update(|form| form.files.retain(|row| row.key != key));
                    errors.update(|errors| errors.retain(|field, _| !field.starts_with("files")));
                    focus_soon("document-file".into());
                }
            >
                "Bỏ tệp"
            </button>
        </li>
    }
}

/// The documents this one replaces, amends or guides: found by a search, kept by slug.
#[component]
fn Relations(form: RwSignal<Form>, errors: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    let (typed, set_typed) = signal(String::new());
    let (relation, set_relation) = signal(Relation::Replaces);
    let (found, set_found) = signal(None::<Result<Vec<DocumentSummary>, String>>);
    let (searching, set_searching) = signal(false);
    let search = move || {
        let text = typed.get_untracked();
        if text.trim().is_empty() {
            set_found.set(Some(
                Err("Vui lòng nhập số ký hiệu hoặc từ cần tìm.".into()),
            ));
            return;
        }
        set_searching.set(true);
        leptos::task::spawn_local(async move {
            let outcome = api::documents(&text, 1, 5).await;
            set_searching.set(false);
            set_found.set(Some(
                outcome
                    .map(|list| list.items)
                    .map_err(|failure| format!("Chưa tìm được. {}", failure.message())),
            ));
        });
    };
    let choose = move |item: DocumentSummary| {
        let kind = relation.get_untracked();
        form.update(|form| {
            let taken = form
                .relations
                .iter()
                .any(|row| row.relation == kind && row.slug == item.slug);
            if !taken {
                let key = form.key();
                form.relations.push(RelationRow {
                    key,
                    relation: kind,
                    slug: item.slug.clone(),
                    shown: Some(format!("{} – {}", item.number, item.summary)),
                });
            }
        });
        set_found.set(None);
        set_typed.set(String::new());
        focus_soon("relation-search".into());
    };
    view! {
        <fieldset class="staff-group">
            <legend>"Văn bản liên quan"</legend>
            {move || form.with(|form| form.relations.is_empty()).then(|| view! {
                <p class="empty">"Chưa có văn bản liên quan."</p>
            })}
            <ul class="staff-links">
                <For
                    each=move || form.with(|form| form.relations.iter().map(|row| row.key).collect::<Vec<_>>())
                    key=|key| *key
                    children=move |key| view! { <RelationItem key form errors /> }
                />
            </ul>
            <div class="field">
                <label for="relation-kind">"Văn bản này"</label>
                <select
                    id="relation-kind"
                    on:change=move |event| {
                        let chosen = event_target_value(&event);
                        if let Some(kind) = Relation::ALL.into_iter().find(|kind| kind.field() == chosen) {
                            set_relation.set(kind);
                        }
                    }
                >
                    {Relation::ALL.into_iter().map(|kind| view! {
                        <option value=kind.field()>{kind.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="relation-search">"Văn bản liên quan (số ký hiệu hoặc từ trong trích yếu)"</label>
                <div class="staff-search-row">
                    <input
                        id="relation-search"
                        type="search"
                        maxlength=QUERY_MAX_CHARS
                        prop:value=typed
                        on:input=move |event| set_typed.set(event_target_value(&event))
                        on:keydown=move |event: leptos::ev::KeyboardEvent| {
                            // Enter searches here; it must not save the whole form.
                            if event.key() == "Enter" {
                                event.prevent_default();
                                search();
                            }
                        }
                    />
                    <button type="button" class="button button-secondary" disabled=searching on:click=move |_| search()>
                        "Tìm"
                    </button>
                </div>
            </div>
            <div role="status">
                {move || match found.get() {
                    None => ().into_any(),
                    Some(Err(problem)) => view! { <p class="field-error">{problem}</p> }.into_any(),
                    Some(Ok(items)) if items.is_empty() => {
                        view! { <p class="empty">"Không tìm thấy văn bản nào."</p> }.into_any()
                    }
                    Some(Ok(items)) => view! {
                        <ul class="staff-list">
                            {items.into_iter().map(|item| {
                                let label = format!("Chọn {}", item.number);
                                let text = format!("{} – {}", item.number, item.summary);
                                view! {
                                    <li>
                                        <span>{text}</span>
                                        " "
                                        <button
                                            type="button"
                                            class="button button-small button-secondary"
                                            aria-label=label
                                            on:click=move |_| choose(item.clone())
                                        >
                                            "Chọn"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                }}
            </div>
        </fieldset>
    }
}

#[component]
fn RelationItem(
    key: u32,
    form: RwSignal<Form>,
    errors: RwSignal<BTreeMap<String, String>>,
) -> impl IntoView {
    let (relation, slug, shown) = form.with_untracked(|form| {
        form.relations
            .iter()
            .find(|row| row.key == key)
            .map(|row| (row.relation, row.slug.clone(), row.shown.clone()))
            .unwrap_or((Relation::Replaces, String::new(), None))
    });
    // The server names a relation by its place among those of its kind: `replaces[1]`.
    let error = Signal::derive(move || {
        let at = form.with(|form| {
            form.relations
                .iter()
                .filter(|row| row.relation == relation)
                .position(|row| row.key == key)
        })?;
        errors.with(|errors| {
            errors
                .iter()
                .find(|(field, _)| indexed(field) == Some((relation.field(), at)))
                .map(|(_, message)| message.clone())
        })
    });
    let error_id = format!("relation-{key}-error");
    let text = shown.unwrap_or_else(|| slug.clone());
    view! {
        <li class="staff-link">
            <p>
                <strong>{format!("{}: ", relation.label())}</strong>
                <a href=format!("/van-ban/{slug}") target="_blank" rel="noopener">{text.clone()}</a>
            </p>
            <FieldError id=error_id.clone() error />
            <button
                id=format!("relation-{key}-remove")
                type="button"
                class="button button-small button-secondary"
                aria-label=format!("Bỏ liên quan: {} {}", relation.label().to_lowercase(), text)
                aria-describedby=move || error.get().map(|_| error_id.clone())
                on:click=move |_| {
                    form.update(|form| form.relations.retain(|row| row.key != key));
                    errors.update(|errors| errors.retain(|field, _| indexed(field).is_none_or(|(list, _)| list == "files")));
                    focus_soon("relation-search".into());
                }
            >
                "Bỏ"
            </button>
        </li>
    }
}
