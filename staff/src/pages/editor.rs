//! `/quan-tri/bai-viet/moi` and `/quan-tri/bai-viet/{id}`: writing an article and moving it
//! through the workflow. What is typed is never lost: it is kept on this computer while
//! typing (`editor::autosave`) and stays in the page whatever the server answers; a save
//! over someone else's newer one is refused by the server (409) and explained here.

use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use portal_contract::editorial::{ArticleSave, ArticleStatus, NewDraft, Schedule, StaffArticle};
use portal_contract::limits::{
    ARTICLE_AUTHOR_MAX_CHARS, ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS,
    PHOTO_ALT_MAX_CHARS,
};
use portal_contract::staff::StaffRole;
use portal_contract::Image;

use crate::api::{self, Failure, Step};
use crate::app::{article_href, BASE};
use crate::editor::autosave::{self, Debounce, LocalCopy};
use crate::editor::photo::PhotoUpload;
use crate::editor::rich_text::{self, RichText, EDITOR_ID};
use crate::editor::{paste, ArticleForm};
use crate::session::use_session;
use crate::ui::{focus_by_id, focus_soon, loaded, when, Flash, Message, MessageArea};

const CONFLICT: &str = "Bài viết đã được người khác sửa sau khi bạn mở. Nội dung bạn đang soạn vẫn còn nguyên trong trang này và đã được lưu trên máy này; hãy chọn cách xử lý bên dưới.";

/// The form's fields in the order they appear, with the server's name for each (its 422
/// `fields`) and the id of the control that takes the focus when it is wrong.
const FIELDS: [(&str, &str); 8] = [
    ("title", "article-title"),
    ("category", "article-category"),
    ("author", "article-author"),
    ("summary", "article-summary"),
    ("image.url", "lead-photo-file"),
    ("image.alt", "article-image-alt"),
    ("body_html", EDITOR_ID),
    ("publish_at", "article-publish-at"),
];

#[component]
pub fn EditorPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    move || {
        let id = id.get();
        if id == "moi" {
            return view! { <ArticleEditor article=None /> }.into_any();
        }
        match id.parse::<i64>() {
            Ok(id) => view! { <OpenArticle id /> }.into_any(),
            Err(_) => view! {
                <Title text="Không tìm thấy bài viết" />
                <h1 class="page-title">"Không tìm thấy bài viết"</h1>
                <p><a href=BASE>"Về danh sách bài viết"</a></p>
            }
            .into_any(),
        }
    }
}

#[component]
fn OpenArticle(id: i64) -> impl IntoView {
    let article = LocalResource::new(move || api::article(id));
    view! {
        <Title text="Sửa bài viết" />
        {loaded(article, |article| view! { <ArticleEditor article=Some(article) /> })}
    }
}

/// The same content, bodies compared as they would be stored (the browser writes the same
/// HTML in more than one way).
fn same_content(a: &ArticleForm, b: &ArticleForm) -> bool {
    let without_body = |form: &ArticleForm| ArticleForm {
        body_html: String::new(),
        ..form.clone()
    };
    without_body(a) == without_body(b)
        && paste::clean_html(&a.body_html) == paste::clean_html(&b.body_html)
}

/// `2026-12-01T08:00` from a `datetime-local` field, in Vietnam's time whatever the
/// computer's time zone. Read by hand: chrono's format strings would add kilobytes of wasm.
fn publish_time(local: &str) -> Option<String> {
    let (date, time) = local.split_once('T')?;
    let date = date.parse::<chrono::NaiveDate>().ok()?;
    let (hour, minute) = time.split_once(':')?;
    let (hour, minute) = (
        hour.parse::<u32>().ok()?,
        minute.get(..2)?.parse::<u32>().ok()?,
    );
    (hour < 24 && minute < 60).then(|| format!("{date}T{hour:02}:{minute:02}:00+07:00"))
}

/// The router's navigation, kept where a `Copy` handle can reach it.
type Navigate = Rc<dyn Fn(&str)>;

/// What a successful save left: an article that existed, or one just created.
enum Saved {
    Existing(StaffArticle),
    Created(i64),
}

/// Everything the editor works with, as copyable handles, so each action is a method.
#[derive(Clone, Copy)]
struct Editing {
    id: Option<i64>,
    /// The article as the server last described it.
    article: RwSignal<Option<StaffArticle>>,
    /// The version the text in the form was written on: sent with the next save.
    version: RwSignal<Option<i64>>,
    form: RwSignal<ArticleForm>,
    /// What the server holds, as the form held it when it was loaded or saved.
    baseline: RwSignal<ArticleForm>,
    errors: RwSignal<BTreeMap<String, String>>,
    message: RwSignal<Message>,
    /// What is being done, shown while it is.
    busy: RwSignal<Option<&'static str>>,
    conflict: RwSignal<bool>,
    offer: RwSignal<Option<LocalCopy>>,
    publish_at: RwSignal<String>,
    body: NodeRef<Div>,
    autosave: StoredValue<Debounce, LocalStorage>,
    navigate: StoredValue<Navigate, LocalStorage>,
    /// Read when the editor opens: the reactive context is not at hand in a task.
    flash: Flash,
}

impl Editing {
    /// Starts `work` unless something else is being done: two saves at once would race.
    fn start(self, work: impl std::future::Future<Output = ()> + 'static) {
        if self.busy.get_untracked().is_none() {
            self.message.set(Message::None);
            leptos::task::spawn_local(work);
        }
    }

    fn dirty(self) -> bool {
        self.id.is_none() || self.form.get_untracked() != self.baseline.get_untracked()
    }

    fn keep_on_this_computer(self) {
        autosave::store(
            self.id,
            &self.form.get_untracked(),
            self.version.get_untracked(),
        );
    }

    fn error(self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|errors| errors.get(field).cloned()))
    }

    /// The checks the server would make first, in Vietnamese, before anything is sent.
    fn validate(self) -> bool {
        let form = self.form.get_untracked();
        let mut errors = BTreeMap::new();
        if form.title.trim().is_empty() {
            errors.insert("title".into(), "Vui lòng nhập tiêu đề.".into());
        }
        if form.category.is_empty() {
            errors.insert("category".into(), "Vui lòng chọn chuyên mục.".into());
        }
        if form.author.trim().is_empty() {
            errors.insert("author".into(), "Vui lòng nhập tên tác giả.".into());
        }
        if form
            .image
            .as_ref()
            .is_some_and(|image| image.alt.trim().is_empty())
        {
            errors.insert(
                "image.alt".into(),
                "Vui lòng mô tả ảnh đại diện cho người không xem được ảnh.".into(),
            );
        }
        let valid = errors.is_empty();
        self.show_errors(errors);
        if !valid {
            self.message.set(Message::Problem(
                "Chưa lưu: một số ô cần sửa (xem ghi chú bên cạnh từng ô).".into(),
            ));
        }
        valid
    }

    fn show_errors(self, errors: BTreeMap<String, String>) {
        let first = FIELDS
            .iter()
            .find(|(field, _)| errors.contains_key(*field))
            .map(|(_, id)| *id);
        self.errors.set(errors);
        if let Some(id) = first {
            focus_soon(id.to_string());
        }
    }

    /// What went wrong, said so the writer knows their text is safe and what to do next.
    fn failed(self, failure: Failure, doing: &str) {
        self.busy.set(None);
        match failure {
            Failure::Conflict => {
                self.keep_on_this_computer();
                self.conflict.set(true);
                self.message.set(Message::Problem(CONFLICT.into()));
                focus_soon("conflict-heading".into());
            }
            Failure::Invalid(fields) => {
                let known: Vec<&str> = FIELDS.iter().map(|(field, _)| *field).collect();
                let others: Vec<String> = fields
                    .iter()
                    .filter(|(field, _)| !known.contains(&field.as_str()))
                    .map(|(_, message)| message.clone())
                    .collect();
                let mut text =
                    format!("Chưa {doing} được: một số ô cần sửa (xem ghi chú bên cạnh từng ô).");
                for other in others {
                    text.push(' ');
                    text.push_str(&other);
                }
                self.show_errors(fields);
                self.message.set(Message::Problem(text));
            }
            other => {
                self.keep_on_this_computer();
                self.message.set(Message::Problem(format!(
                    "Chưa {doing} được. {} Nội dung vẫn còn nguyên trong trang và đã được lưu trên máy này.",
                    other.message()
                )));
            }
        }
    }

    fn read_body(self) {
        if let Some(element) = self.body.get_untracked() {
            let html = element.inner_html();
            self.form.update(|form| form.body_html = html);
        }
    }

    fn set_body(self, html: &str) {
        rich_text::set_html(self.body, html);
    }

    fn go(self, path: &str) {
        self.navigate.with_value(|navigate| navigate(path));
    }

    /// Sends the form: creates the article the first time, saves a new version after.
    async fn save(self) -> Option<Saved> {
        self.autosave.with_value(Debounce::cancel);
        if !self.validate() {
            return None;
        }
        self.read_body();
        let sent = self.form.get_untracked();
        let body_html =
            rich_text::cleaned_html(self.body).unwrap_or_else(|| sent.body_html.clone());
        self.busy.set(Some("Đang lưu…"));
        let outcome = match self.id {
            None => api::create_article(&NewDraft {
                slug: None,
                title: sent.title.trim().to_string(),
                category: sent.category.clone(),
                published_at: None,
                author: sent.author.trim().to_string(),
                summary: Some(sent.summary.trim().to_string()).filter(|s| !s.is_empty()),
                body_html,
                featured: Some(sent.featured),
                image: sent.image.clone(),
            })
            .await
            .map(|created| Saved::Created(created.id)),
            Some(id) => api::save_article(
                id,
                &ArticleSave {
                    version: self.version.get_untracked().unwrap_or_default(),
                    title: sent.title.trim().to_string(),
                    category: sent.category.clone(),
                    author: sent.author.trim().to_string(),
                    summary: sent.summary.trim().to_string(),
                    body_html,
                    featured: sent.featured,
                    image: sent.image.clone(),
                },
            )
            .await
            .map(Saved::Existing),
        };
        match outcome {
            Ok(saved) => {
                // A copy timed while the save was on its way would outlive it: drop it too.
                self.autosave.with_value(Debounce::cancel);
                autosave::clear(self.id);
                self.busy.set(None);
                self.errors.set(BTreeMap::new());
                self.conflict.set(false);
                if let Saved::Existing(article) = &saved {
                    self.version.set(Some(article.version));
                    self.article.set(Some(article.clone()));
                    self.baseline.set(sent);
                }
                Some(saved)
            }
            Err(failure) => {
                self.failed(failure, "lưu");
                None
            }
        }
    }

    /// After a new article's first save its editor is at its own address.
    fn open_created(self, id: i64, message: Message) {
        self.flash.set(message);
        self.navigate
            .with_value(|navigate| navigate(&article_href(id)));
    }

    async fn save_only(self) {
        match self.save().await {
            Some(Saved::Created(id)) => {
                self.open_created(id, Message::Done("Đã lưu bản nháp.".into()))
            }
            Some(Saved::Existing(article)) => self.message.set(Message::Done(format!(
                "Đã lưu lúc {}.",
                when(&article.updated_at)
            ))),
            None => {}
        }
    }

    /// Saves what is unsaved, then asks the server for `change`: a step through the
    /// workflow must apply to the text on the screen.
    async fn change(self, change: Change) {
        let (id, version) = if self.dirty() {
            match self.save().await {
                Some(Saved::Existing(article)) => (article.id, Some(article.version)),
                Some(Saved::Created(id)) => (id, None),
                None => return,
            }
        } else {
            match self.id {
                Some(id) => (id, self.version.get_untracked()),
                None => return,
            }
        };
        self.busy.set(Some(change.doing()));
        let outcome = match &change {
            Change::Step(step) => api::step(id, *step, version).await,
            Change::Schedule(publish_at) => {
                api::schedule_article(
                    id,
                    &Schedule {
                        publish_at: publish_at.clone(),
                        version,
                    },
                )
                .await
            }
        };
        self.busy.set(None);
        match outcome {
            Ok(article) => {
                let done = change.done(&article);
                if self.id.is_none() {
                    self.open_created(id, Message::Done(done));
                    return;
                }
                self.version.set(Some(article.version));
                self.article.set(Some(article));
                self.message.set(Message::Done(done));
            }
            Err(failure) if self.id.is_none() => self.open_created(
                id,
                Message::Problem(format!(
                    "Đã lưu bản nháp, nhưng chưa {} được. {}",
                    change.verb(),
                    failure.message()
                )),
            ),
            Err(failure) => self.failed(failure, change.verb()),
        }
    }

    async fn preview(self) {
        if self.dirty() {
            match self.save().await {
                Some(Saved::Existing(article)) => {
                    self.go(&format!("{}/xem-truoc", article_href(article.id)))
                }
                Some(Saved::Created(id)) => self.go(&format!("{}/xem-truoc", article_href(id))),
                None => {}
            }
        } else if let Some(id) = self.id {
            self.go(&format!("{}/xem-truoc", article_href(id)));
        }
    }

    fn restore_local(self) {
        let Some(copy) = self.offer.get_untracked() else {
            return;
        };
        self.offer.set(None);
        if copy.version.is_some() {
            self.version.set(copy.version);
        }
        self.set_body(&copy.form.body_html);
        self.form.set(copy.form);
        self.message.set(Message::Done(
            "Đã khôi phục bản lưu trên máy. Bấm “Lưu nháp” để lưu lên máy chủ.".into(),
        ));
        focus_soon("article-title".into());
    }

    fn discard_local(self) {
        self.offer.set(None);
        autosave::clear(self.id);
        self.message
            .set(Message::Done("Đã bỏ bản lưu trên máy.".into()));
        focus_soon("article-title".into());
    }

    /// The conflict: the other person's version into the editor; the writer's stays on this
    /// computer, offered back by the usual restore notice.
    async fn load_theirs(self) {
        let Some(id) = self.id else { return };
        self.keep_on_this_computer();
        self.busy.set(Some("Đang tải bản mới nhất…"));
        match api::article(id).await {
            Ok(article) => {
                self.busy.set(None);
                let theirs = ArticleForm::from(&article);
                self.offer.set(autosave::load(Some(id)));
                self.set_body(&theirs.body_html);
                self.baseline.set(theirs.clone());
                self.form.set(theirs);
                self.version.set(Some(article.version));
                self.article.set(Some(article));
                self.conflict.set(false);
                self.errors.set(BTreeMap::new());
                self.message.set(Message::Done(
                    "Đã tải bản mới nhất. Bản bạn đang soạn vẫn được lưu trên máy này: bấm “Khôi phục bản lưu trên máy” để lấy lại."
                        .into(),
                ));
            }
            Err(failure) => self.failed(failure, "tải bản mới nhất"),
        }
    }

    /// The conflict: the writer's text saved over the newer version, which stays in the
    /// article's revisions.
    async fn overwrite(self) {
        let Some(id) = self.id else { return };
        self.busy.set(Some("Đang lưu…"));
        match api::article(id).await {
            Ok(article) => {
                self.version.set(Some(article.version));
                self.article.set(Some(article));
                if let Some(Saved::Existing(article)) = self.save().await {
                    self.message.set(Message::Done(format!(
                        "Đã lưu bản của bạn lúc {}. Bản của người kia vẫn còn trong lịch sử sửa đổi.",
                        when(&article.updated_at)
                    )));
                }
            }
            Err(failure) => self.failed(failure, "lưu"),
        }
    }
}

enum Change {
    Step(Step),
    Schedule(String),
}

impl Change {
    fn doing(&self) -> &'static str {
        match self {
            Change::Step(Step::Submit) => "Đang gửi duyệt…",
            Change::Step(Step::Publish) => "Đang đăng bài…",
            Change::Step(Step::Unpublish) => "Đang gỡ bài…",
            Change::Schedule(_) => "Đang hẹn giờ đăng…",
        }
    }

    fn verb(&self) -> &'static str {
        match self {
            Change::Step(Step::Submit) => "gửi duyệt",
            Change::Step(Step::Publish) => "đăng bài",
            Change::Step(Step::Unpublish) => "gỡ bài",
            Change::Schedule(_) => "hẹn giờ đăng",
        }
    }

    fn done(&self, article: &StaffArticle) -> String {
        match self {
            Change::Step(Step::Submit) => "Đã gửi bài cho người duyệt.".into(),
            Change::Step(Step::Publish) => "Đã đăng bài: người dân đã đọc được bài này.".into(),
            Change::Step(Step::Unpublish) if article.status == ArticleStatus::Unpublished => {
                "Đã gỡ bài khỏi cổng thông tin.".into()
            }
            Change::Step(Step::Unpublish) => "Đã hủy hẹn giờ đăng.".into(),
            Change::Schedule(_) => format!(
                "Đã hẹn giờ: bài sẽ tự đăng lúc {}.",
                article.publish_at.as_deref().map(when).unwrap_or_default()
            ),
        }
    }
}

#[component]
fn ArticleEditor(article: Option<StaffArticle>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let flash = expect_context::<Flash>();
    let id = article.as_ref().map(|article| article.id);
    let opened = article.as_ref().map(ArticleForm::from).unwrap_or_default();
    let stored = autosave::load(id);
    // A copy that holds nothing new is of no use: it goes.
    let offer = match stored {
        Some(copy) if !same_content(&copy.form, &opened) => Some(copy),
        Some(_) => {
            autosave::clear(id);
            None
        }
        None => None,
    };
    let editing = Editing {
        id,
        version: RwSignal::new(article.as_ref().map(|article| article.version)),
        article: RwSignal::new(article),
        form: RwSignal::new(opened.clone()),
        baseline: RwSignal::new(opened.clone()),
        errors: RwSignal::new(BTreeMap::new()),
        message: RwSignal::new(flash.take()),
        busy: RwSignal::new(None),
        conflict: RwSignal::new(false),
        offer: RwSignal::new(offer),
        publish_at: RwSignal::new(String::new()),
        body: NodeRef::new(),
        autosave: StoredValue::new_local(Debounce::new()),
        navigate: StoredValue::new_local(Rc::new(move |path: &str| {
            // A new article's address gives way to the article's own: back does not lead to
            // an empty form.
            navigate(
                path,
                NavigateOptions {
                    replace: id.is_none(),
                    ..Default::default()
                },
            )
        }) as Navigate),
        flash,
    };
    let Editing {
        form,
        errors,
        message,
        busy,
        conflict,
        offer,
        body,
        ..
    } = editing;

    // The body arrives once the editable area is in the page.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let mounted = body.get().is_some();
        if mounted {
            editing.set_body(&opened.body_html);
        }
        mounted
    });

    // Every change is kept on this computer a second after typing pauses; not while a
    // stored copy waits for the writer's decision, which would overwrite it.
    Effect::new(move |previous: Option<()>| {
        let current = form.get();
        if previous.is_none() || offer.with_untracked(Option::is_some) {
            return;
        }
        if current == editing.baseline.get_untracked() {
            editing.autosave.with_value(Debounce::cancel);
            autosave::clear(id);
            return;
        }
        let version = editing.version.get_untracked();
        editing.autosave.with_value(|debounce| {
            debounce.run(move || {
                // Saved to the server meanwhile: nothing of this is unsaved any more.
                if current != editing.baseline.get_untracked() {
                    autosave::store(id, &current, version);
                }
            })
        });
    });

    let approver = move || session.may(StaffRole::Approver);
    let status = move || {
        editing
            .article
            .with(|article| article.as_ref().map(|article| article.status))
    };
    let heading = if id.is_some() {
        "Sửa bài viết"
    } else {
        "Viết bài mới"
    };

    let text_field = move |field: &'static str,
                           id: &'static str,
                           label: &'static str,
                           max: usize,
                           read: fn(&ArticleForm) -> String,
                           write: fn(&mut ArticleForm, String)| {
        let error = editing.error(field);
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    maxlength=max
                    aria-invalid=move || error.get().map(|_| "true")
                    aria-describedby={
                        let error_id = error_id.clone();
                        move || error.get().map(|_| error_id.clone())
                    }
                    prop:value=move || form.with(read)
                    on:input=move |event| form.update(|form| write(form, event_target_value(&event)))
                />
                <crate::ui::FieldError id=error_id error />
            </div>
        }
    };

    let categories = LocalResource::new(api::categories);
    let category_error = editing.error("category");
    let summary_error = editing.error("summary");
    let body_error = editing.error("body_html");
    let image_alt_error = editing.error("image.alt");
    let image_url_error = editing.error("image.url");
    let publish_error = editing.error("publish_at");
    let lead_url =
        Memo::new(move |_| form.with(|form| form.image.as_ref().map(|image| image.url.clone())));

    view! {
        <Title text=heading />
        <div class="staff-page-head">
            <h1 class="page-title">{heading}</h1>
            <a href=BASE>"‹ Danh sách bài viết"</a>
        </div>
        <StatusLine article=editing.article />

        {move || offer.get().map(|copy| view! {
            <section class="notice notice-info staff-offer" aria-labelledby="offer-heading">
                <h2 id="offer-heading">"Có bản lưu trên máy này"</h2>
                <p>
                    {format!(
                        "Máy này còn giữ một bản bạn soạn lúc {}, khác với bản trên máy chủ.",
                        when_ms(copy.saved_at)
                    )}
                    {(copy.version.is_some() && copy.version != editing.version.get_untracked()).then_some(
                        " Bài đã được sửa trên máy chủ sau bản này; nếu khôi phục rồi lưu, bạn sẽ được hỏi lại."
                    )}
                </p>
                <div class="staff-actions">
                    <button type="button" class="button" on:click=move |_| editing.restore_local()>
                        "Khôi phục bản lưu trên máy"
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| editing.discard_local()>
                        "Bỏ bản lưu"
                    </button>
                </div>
            </section>
        })}

        {move || (conflict.get() && id.is_some()).then(|| {
            let id = id.unwrap_or_default();
            view! {
                <section class="notice notice-problem staff-conflict" aria-labelledby="conflict-heading">
                    <h2 id="conflict-heading" tabindex="-1">"Bài viết đã có bản mới hơn"</h2>
                    <p>
                        "Người khác đã lưu bài này sau khi bạn mở. Nội dung bạn đang soạn vẫn còn nguyên ở đây và đã được lưu trên máy này."
                    </p>
                    <ul class="staff-choices">
                        <li>
                            <a href=article_href(id) target="_blank" rel="noopener">
                                "Mở bản của người kia trong thẻ mới"
                            </a>
                            " để so sánh."
                        </li>
                        <li>
                            <button type="button" class="button button-secondary" on:click=move |_| editing.start(editing.load_theirs())>
                                "Tải bản của người kia vào đây"
                            </button>
                            " (bản của bạn vẫn giữ trên máy này)."
                        </li>
                        <li>
                            <button type="button" class="button button-secondary" on:click=move |_| editing.start(editing.overwrite())>
                                "Lưu bản của tôi đè lên"
                            </button>
                            " (bản của người kia vẫn còn trong lịch sử sửa đổi)."
                        </li>
                    </ul>
                </section>
            }
        })}

        <div class="staff-form staff-editor">
            {text_field("title", "article-title", "Tiêu đề", ARTICLE_TITLE_MAX_CHARS, |f| f.title.clone(), |f, v| f.title = v)}
            <div class="field">
                <label for="article-category">"Chuyên mục"</label>
                <select
                    id="article-category"
                    aria-invalid=move || category_error.get().map(|_| "true")
                    aria-describedby=move || category_error.get().map(|_| "article-category-error")
                    on:change=move |event| form.update(|form| form.category = event_target_value(&event))
                >
                    <option value="" prop:selected=move || form.with(|form| form.category.is_empty())>
                        "— Chọn chuyên mục —"
                    </option>
                    {move || categories.get().and_then(Result::ok).map(|list| {
                        list.into_iter().map(|category| {
                            let slug = category.slug.clone();
                            let label = if category.parent.is_some() {
                                format!("– {}", category.name)
                            } else {
                                category.name.clone()
                            };
                            view! {
                                <option value=category.slug prop:selected=move || form.with(|form| form.category == slug)>
                                    {label}
                                </option>
                            }
                        }).collect_view()
                    })}
                </select>
                {move || matches!(categories.get(), Some(Err(_))).then(|| view! {
                    <p class="field-error">
                        "Chưa tải được danh sách chuyên mục. "
                        <button type="button" class="button button-small" on:click=move |_| categories.refetch()>"Thử lại"</button>
                    </p>
                })}
                <crate::ui::FieldError id="article-category-error".to_string() error=category_error />
            </div>
            {text_field("author", "article-author", "Tác giả", ARTICLE_AUTHOR_MAX_CHARS, |f| f.author.clone(), |f, v| f.author = v)}
            <div class="field">
                <label for="article-summary">"Tóm tắt"</label>
                <textarea
                    id="article-summary"
                    rows="3"
                    maxlength=ARTICLE_SUMMARY_MAX_CHARS
                    aria-invalid=move || summary_error.get().map(|_| "true")
                    aria-describedby=move || if summary_error.get().is_some() {
                        "article-summary-hint article-summary-error"
                    } else {
                        "article-summary-hint"
                    }
                    prop:value=move || form.with(|form| form.summary.clone())
                    on:input=move |event| form.update(|form| form.summary = event_target_value(&event))
                ></textarea>
                <p id="article-summary-hint" class="hint">"Để trống: lấy những câu đầu của nội dung."</p>
                <crate::ui::FieldError id="article-summary-error".to_string() error=summary_error />
            </div>
            <div class="field field-check">
                <input
                    id="article-featured"
                    type="checkbox"
                    prop:checked=move || form.with(|form| form.featured)
                    on:change=move |event| form.update(|form| form.featured = event_target_checked(&event))
                />
                <label for="article-featured">"Nổi bật (hiện trong mục tin nổi bật của trang chủ)"</label>
            </div>

            {move || match lead_url.get() {
                Some(url) => view! {
                    <fieldset class="staff-photo">
                        <legend>"Ảnh đại diện"</legend>
                        <img class="staff-lead-image" src=url alt="" />
                        <div class="field">
                            <label for="article-image-alt">"Mô tả ảnh"</label>
                            <input
                                id="article-image-alt"
                                type="text"
                                required
                                maxlength=PHOTO_ALT_MAX_CHARS
                                aria-invalid=move || image_alt_error.get().map(|_| "true")
                                aria-describedby=move || image_alt_error.get().map(|_| "article-image-alt-error")
                                prop:value=move || form.with(|form| form.image.as_ref().map(|image| image.alt.clone()).unwrap_or_default())
                                on:input=move |event| {
                                    let alt = event_target_value(&event);
                                    form.update(|form| if let Some(image) = form.image.as_mut() { image.alt = alt; });
                                }
                            />
                            <crate::ui::FieldError id="article-image-alt-error".to_string() error=image_alt_error />
                        </div>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| {
                                form.update(|form| form.image = None);
                                focus_soon("lead-photo-file".into());
                            }
                        >
                            "Bỏ ảnh đại diện"
                        </button>
                    </fieldset>
                }
                .into_any(),
                None => view! {
                    <PhotoUpload
                        id="lead-photo"
                        legend="Ảnh đại diện"
                        submit_label="Tải ảnh lên"
                        on_uploaded=Callback::new(move |(image, _): (Image, String)| {
                            form.update(|form| form.image = Some(image));
                            message.set(Message::Done("Đã tải ảnh đại diện lên. Bấm “Lưu nháp” để lưu bài.".into()));
                            focus_soon("article-image-alt".into());
                        })
                    />
                    <crate::ui::FieldError id="lead-photo-error".to_string() error=image_url_error />
                }
                .into_any(),
            }}

            <div class="field">
                <p id="article-body-label" class="field-label" on:click=move |_| focus_by_id(EDITOR_ID)>"Nội dung"</p>
                <RichText
                    editor=body
                    labelled_by="article-body-label"
                    described_by=Signal::derive(move || body_error.get().map(|_| "article-body-error".to_string()))
                    on_change=Callback::new(move |_| editing.read_body())
                />
                <crate::ui::FieldError id="article-body-error".to_string() error=body_error />
            </div>
        </div>

        <MessageArea message />
        <p class="notice notice-busy" role="status">{move || busy.get()}</p>

        <div class="staff-actions staff-editor-actions">
            <button type="button" class="button" disabled=move || busy.get().is_some()
                on:click=move |_| editing.start(editing.save_only())>
                "Lưu nháp"
            </button>
            {move || matches!(status(), None | Some(ArticleStatus::Draft | ArticleStatus::Unpublished)).then(|| view! {
                <button type="button" class="button" disabled=move || busy.get().is_some()
                    on:click=move |_| editing.start(editing.change(Change::Step(Step::Submit)))>
                    "Gửi duyệt"
                </button>
            })}
            // Everyone who writes sees their article as citizens will.
            <button type="button" class="button button-secondary" disabled=move || busy.get().is_some()
                on:click=move |_| editing.start(editing.preview())>
                "Xem trước"
            </button>
            {move || {
                let republish = editing.article.with(|article| article.as_ref().is_some_and(|a| a.unpublished_changes));
                (approver() && (status() != Some(ArticleStatus::Published) || republish)).then(|| view! {
                    <button type="button" class="button" disabled=move || busy.get().is_some()
                        on:click=move |_| editing.start(editing.change(Change::Step(Step::Publish)))>
                        {if republish { "Đăng thay đổi" } else { "Đăng bài" }}
                    </button>
                })
            }}
            {move || (approver() && matches!(status(), Some(ArticleStatus::Published | ArticleStatus::Scheduled))).then(|| view! {
                <button type="button" class="button button-secondary" disabled=move || busy.get().is_some()
                    on:click=move |_| editing.start(editing.change(Change::Step(Step::Unpublish)))>
                    {if status() == Some(ArticleStatus::Scheduled) { "Hủy hẹn giờ" } else { "Gỡ bài" }}
                </button>
            })}
            {move || (approver() && id.is_some()).then(|| view! {
                <a class="button button-secondary" href=format!("{}/lich-su", article_href(id.unwrap_or_default()))>
                    "Lịch sử sửa đổi"
                </a>
            })}
        </div>

        {move || (approver() && status() != Some(ArticleStatus::Published)).then(|| view! {
            <fieldset class="staff-schedule-publish">
                <legend>"Hẹn giờ đăng"</legend>
                <div class="field">
                    <label for="article-publish-at">"Thời điểm đăng (giờ Việt Nam)"</label>
                    <input
                        id="article-publish-at"
                        type="datetime-local"
                        aria-invalid=move || publish_error.get().map(|_| "true")
                        aria-describedby=move || publish_error.get().map(|_| "article-publish-at-error")
                        prop:value=move || editing.publish_at.get()
                        on:input=move |event| editing.publish_at.set(event_target_value(&event))
                    />
                    <crate::ui::FieldError id="article-publish-at-error".to_string() error=publish_error />
                </div>
                <button type="button" class="button" disabled=move || busy.get().is_some()
                    on:click=move |_| {
                        match publish_time(&editing.publish_at.get_untracked()) {
                            Some(at) => editing.start(editing.change(Change::Schedule(at))),
                            None => {
                                errors.update(|errors| {
                                    errors.insert("publish_at".into(), "Vui lòng chọn ngày và giờ đăng.".into());
                                });
                                focus_by_id("article-publish-at");
                            }
                        }
                    }>
                    "Hẹn giờ đăng"
                </button>
            </fieldset>
        })}
    }
}

/// Where the article is in its workflow, and who touched it last.
#[component]
fn StatusLine(article: RwSignal<Option<StaffArticle>>) -> impl IntoView {
    move || {
        article.get().map(|article| {
            let scheduled = (article.status == ArticleStatus::Scheduled)
                .then(|| article.publish_at.as_deref().map(|at| format!(" · Sẽ tự đăng lúc {}", when(at))))
                .flatten();
            let changes = article
                .unpublished_changes
                .then_some(" · Có thay đổi chưa đăng");
            let by = article
                .updated_by
                .as_ref()
                .map(|name| format!(" bởi {name}"))
                .unwrap_or_default();
            let public = (article.status == ArticleStatus::Published).then(|| view! {
                " · " <a href=format!("/tin-tuc/{}", article.slug) target="_blank" rel="noopener">"Xem trên cổng thông tin"</a>
            });
            view! {
                <p class="staff-status-line">
                    "Trạng thái: "
                    <strong class=format!("status status-{}", article.status.code())>{article.status.label()}</strong>
                    {scheduled}
                    {changes}
                    {format!(" · Sửa lần cuối lúc {}{by}", when(&article.updated_at))}
                    {public}
                </p>
            }
        })
    }
}

/// `03/12/2021 14:57` in Vietnam's time, from milliseconds since 1970.
fn when_ms(ms: f64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|time| portal_contract::format_display(&time))
        .unwrap_or_default()
}
