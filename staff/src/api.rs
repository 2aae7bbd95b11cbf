//! The only code that talks HTTP. Pages call these typed functions; none builds a URL, sets a
//! header or parses JSON by hand.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo_net::http::{Request, RequestBuilder};
use portal_contract::about::{Organization, PageEdit, SitePage};
use portal_contract::editorial::{
    ArticleCreated, ArticlePreview, ArticleSave, ArticleStatus, LinksEdit, NewDraft, RevisionDiff,
    RevisionSummary, Schedule, StaffArticle, StaffArticleSummary, StateChange, WeekEntries,
};
use portal_contract::questions::{
    AnswerInput, AssignInput, DeclineInput, FeedbackStatus, QuestionField,
};
use portal_contract::staff::{
    AuditEntry, NewStaffAccount, SignIn, StaffAccount, StaffAccountChange, StaffSession,
};
use portal_contract::{
    ApiError, Category, FeedbackRecord, Image, LinkGroup, Paged, WeekSchedule, API_PREFIX,
};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why a request did not do what was asked, in terms staff can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// 401: the session is over (or, for a sign-in, the name or password is wrong).
    SignedOut,
    /// 403: this account's role may not do it.
    Forbidden,
    NotFound,
    /// 409: someone changed it since it was opened, or the change would contradict itself.
    Conflict,
    /// 422: what is wrong with each field, in Vietnamese, by field name.
    Invalid(BTreeMap<String, String>),
    /// 429: seconds to wait.
    RateLimited(u64),
    TooLarge,
    Server(u16),
    /// No answer: offline, refused, or cut off.
    Network,
    /// An answer that is not what the contract says.
    BadData,
}

impl Failure {
    pub fn message(&self) -> String {
        match self {
            Failure::SignedOut => "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.".into(),
            Failure::Forbidden => "Tài khoản của bạn không có quyền làm việc này.".into(),
            Failure::NotFound => "Không tìm thấy nội dung này; có thể nó đã bị xóa.".into(),
            Failure::Conflict => {
                "Nội dung đã được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.".into()
            }
            Failure::Invalid(_) => {
                "Một số ô chưa hợp lệ. Vui lòng xem ghi chú bên cạnh từng ô.".into()
            }
            Failure::RateLimited(seconds) => format!(
                "Bạn đã thử quá nhiều lần. Vui lòng thử lại sau khoảng {} phút.",
                seconds.div_ceil(60).max(1)
            ),
            Failure::TooLarge => "Dữ liệu gửi lên quá lớn.".into(),
            Failure::Server(status) => {
                format!("Máy chủ đang gặp sự cố (mã {status}). Vui lòng thử lại sau ít phút.")
            }
            Failure::Network => {
                "Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.".into()
            }
            Failure::BadData => "Máy chủ trả về dữ liệu không đọc được.".into(),
        }
    }

    /// The per-field messages of a 422, empty for any other failure.
    pub fn fields(&self) -> BTreeMap<String, String> {
        match self {
            Failure::Invalid(fields) => fields.clone(),
            _ => BTreeMap::new(),
        }
    }
}

/// Where the API lives: `<meta name="portal-api-base">` in `staff.html`, so one build can be
/// pointed at another server by editing that file, as with the citizens' app.
fn api_base() -> String {
    thread_local! {
        static BASE: String = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document.query_selector("meta[name='portal-api-base']").ok().flatten()
            })
            .and_then(|meta| meta.get_attribute("content"))
            .map(|content| content.trim().trim_end_matches('/').to_string())
            .filter(|content| !content.is_empty())
            .unwrap_or_else(|| API_PREFIX.to_string());
    }
    BASE.with(Clone::clone)
}

thread_local! {
    /// The session's CSRF token: every request that changes something carries it.
    static CSRF_TOKEN: RefCell<String> = RefCell::default();
    /// Told when a request finds the session over, wherever the staff member is.
    static ON_SIGNED_OUT: RefCell<Option<Box<dyn Fn()>>> = RefCell::default();
}

pub fn set_csrf_token(token: &str) {
    CSRF_TOKEN.with(|kept| *kept.borrow_mut() = token.to_string());
}

/// `notify` runs whenever a request answers 401: a session can end under the app (it expired,
/// an admin reset the password), and the staff member must then sign in again.
pub fn on_signed_out(notify: impl Fn() + 'static) {
    ON_SIGNED_OUT.with(|kept| *kept.borrow_mut() = Some(Box::new(notify)));
}

#[derive(Clone)]
enum Body {
    None,
    Json(String),
    /// A photo's bytes as they are, with the file's type.
    File(web_sys::File),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

async fn exchange(verb: Verb, path: &str, body: Body) -> Result<(u16, String), Failure> {
    let url = format!("{}{path}", api_base());
    let builder: RequestBuilder = match verb {
        Verb::Get => Request::get(&url),
        Verb::Post => Request::post(&url),
        Verb::Put => Request::put(&url),
        Verb::Patch => Request::patch(&url),
        Verb::Delete => Request::delete(&url),
    };
    // Staff must see what is stored now, never a copy the browser kept from a minute ago.
    let mut builder = builder.cache(web_sys::RequestCache::NoStore);
    if verb != Verb::Get {
        let token = CSRF_TOKEN.with(|token| token.borrow().clone());
        builder = builder.header("x-csrf-token", &token);
    }
    let request = match body {
        Body::None => builder.build(),
        Body::Json(json) => builder
            .header("content-type", "application/json")
            .body(json),
        Body::File(file) => {
            let kind = file.type_();
            builder.header("content-type", &kind).body(file)
        }
    }
    .map_err(|_| Failure::Network)?;
    let response = request.send().await.map_err(|_| Failure::Network)?;
    let text = response.text().await.map_err(|_| Failure::Network)?;
    Ok((response.status(), text))
}

/// The failure an error status stands for.
fn failure(status: u16, text: &str) -> Failure {
    let error = serde_json::from_str::<ApiError>(text).ok();
    match status {
        401 => Failure::SignedOut,
        403 => Failure::Forbidden,
        404 => Failure::NotFound,
        409 => Failure::Conflict,
        413 => Failure::TooLarge,
        422 => Failure::Invalid(error.map(|error| error.error.fields).unwrap_or_default()),
        429 => Failure::RateLimited(
            error
                .and_then(|error| error.error.retry_after)
                .unwrap_or(600),
        ),
        status => Failure::Server(status),
    }
}

async fn call<T: DeserializeOwned>(verb: Verb, path: &str, body: Body) -> Result<T, Failure> {
    let (mut status, mut text) = exchange(verb, path, body.clone()).await?;
    // Signing in again in another tab replaces the session, and this tab's CSRF token with
    // it: take the new token and try once more, rather than report a refusal.
    if status == 403 && verb != Verb::Get && refresh_csrf_token().await {
        (status, text) = exchange(verb, path, body).await?;
    }
    if (200..300).contains(&status) {
        return serde_json::from_str(&text).map_err(|_| Failure::BadData);
    }
    let failure = failure(status, &text);
    if failure == Failure::SignedOut {
        ON_SIGNED_OUT.with(|notify| {
            if let Some(notify) = notify.borrow().as_ref() {
                notify();
            }
        });
    }
    Err(failure)
}

/// Whether the session now has another CSRF token than the one sent (now kept instead).
async fn refresh_csrf_token() -> bool {
    let Ok(Some(session)) = current_session().await else {
        return false;
    };
    let changed = CSRF_TOKEN.with(|token| *token.borrow() != session.csrf_token);
    if changed {
        set_csrf_token(&session.csrf_token);
    }
    changed
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, Failure> {
    call(Verb::Get, path, Body::None).await
}

async fn send<T: DeserializeOwned>(
    verb: Verb,
    path: &str,
    input: &impl Serialize,
) -> Result<T, Failure> {
    let json = serde_json::to_string(input).map_err(|_| Failure::BadData)?;
    call(verb, path, Body::Json(json)).await
}

pub fn encode(component: &str) -> String {
    js_sys::encode_uri_component(component).into()
}

// Signing in and out.

/// Who is signed in, if anyone: `Ok(None)` when nobody is (a 401 here is an answer, not a
/// session that ended under the app).
pub async fn current_session() -> Result<Option<StaffSession>, Failure> {
    let (status, text) = exchange(Verb::Get, "/admin/session", Body::None).await?;
    match status {
        200 => serde_json::from_str(&text)
            .map(Some)
            .map_err(|_| Failure::BadData),
        401 => Ok(None),
        status => Err(failure(status, &text)),
    }
}

/// A wrong name or password is `Failure::SignedOut`.
pub async fn sign_in(input: &SignIn) -> Result<StaffSession, Failure> {
    let json = serde_json::to_string(input).map_err(|_| Failure::BadData)?;
    let (status, text) = exchange(Verb::Post, "/admin/session", Body::Json(json)).await?;
    if status == 200 {
        return serde_json::from_str(&text).map_err(|_| Failure::BadData);
    }
    Err(failure(status, &text))
}

pub async fn sign_out() -> Result<(), Failure> {
    let (status, text) = exchange(Verb::Delete, "/admin/session", Body::None).await?;
    match status {
        // Signed out already is what was asked for.
        200..=299 | 401 => Ok(()),
        status => Err(failure(status, &text)),
    }
}

// Articles.

pub async fn categories() -> Result<Vec<Category>, Failure> {
    get("/categories").await
}

pub async fn articles(
    status: Option<ArticleStatus>,
    text: &str,
    page: u32,
    per_page: u32,
) -> Result<Paged<StaffArticleSummary>, Failure> {
    let mut path = format!("/admin/articles?page={page}&per_page={per_page}");
    if let Some(status) = status {
        path.push_str(&format!("&status={}", status.code()));
    }
    if !text.trim().is_empty() {
        path.push_str(&format!("&q={}", encode(text.trim())));
    }
    get(&path).await
}

pub async fn create_article(draft: &NewDraft) -> Result<ArticleCreated, Failure> {
    send(Verb::Post, "/admin/articles", draft).await
}

pub async fn article(id: i64) -> Result<StaffArticle, Failure> {
    get(&format!("/admin/articles/{id}")).await
}

pub async fn save_article(id: i64, save: &ArticleSave) -> Result<StaffArticle, Failure> {
    send(Verb::Put, &format!("/admin/articles/{id}"), save).await
}

/// A step through the workflow that needs nothing but the version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Submit,
    Publish,
    Unpublish,
}

/// `version` is the one the change was decided on; `None` for an article just created.
pub async fn step(id: i64, step: Step, version: Option<i64>) -> Result<StaffArticle, Failure> {
    let name = match step {
        Step::Submit => "submit",
        Step::Publish => "publish",
        Step::Unpublish => "unpublish",
    };
    let change = StateChange { version };
    send(Verb::Post, &format!("/admin/articles/{id}/{name}"), &change).await
}

pub async fn schedule_article(id: i64, schedule: &Schedule) -> Result<StaffArticle, Failure> {
    send(
        Verb::Post,
        &format!("/admin/articles/{id}/schedule"),
        schedule,
    )
    .await
}

pub async fn preview(id: i64) -> Result<ArticlePreview, Failure> {
    get(&format!("/admin/articles/{id}/preview")).await
}

pub async fn revisions(id: i64) -> Result<Vec<RevisionSummary>, Failure> {
    get(&format!("/admin/articles/{id}/revisions")).await
}

pub async fn diff(id: i64, from: i64, to: i64) -> Result<RevisionDiff, Failure> {
    get(&format!("/admin/articles/{id}/diff?from={from}&to={to}")).await
}

pub async fn restore(id: i64, number: i64, version: i64) -> Result<StaffArticle, Failure> {
    let change = StateChange {
        version: Some(version),
    };
    send(
        Verb::Post,
        &format!("/admin/articles/{id}/revisions/{number}/restore"),
        &change,
    )
    .await
}

/// Uploads a photo as it is (the server makes the smaller sizes); `alt` describes it for
/// people who cannot see it.
pub async fn upload_photo(file: web_sys::File, alt: &str) -> Result<Image, Failure> {
    call(
        Verb::Post,
        &format!("/admin/photos?alt={}", encode(alt.trim())),
        Body::File(file),
    )
    .await
}

// The work schedule and the linked websites.

pub async fn week(week: &str) -> Result<WeekSchedule, Failure> {
    get(&format!("/schedule?week={}", encode(week))).await
}

pub async fn save_week(week: &str, entries: &WeekEntries) -> Result<WeekSchedule, Failure> {
    send(
        Verb::Put,
        &format!("/admin/schedule/{}", encode(week)),
        entries,
    )
    .await
}

pub async fn links() -> Result<Vec<LinkGroup>, Failure> {
    get("/links").await
}

pub async fn save_links(edit: &LinksEdit) -> Result<Vec<LinkGroup>, Failure> {
    send(Verb::Put, "/admin/links", edit).await
}

// Citizens' feedback and its answers.

pub async fn question_fields() -> Result<Vec<QuestionField>, Failure> {
    get("/question-fields").await
}

/// The feedback in `status` (any when `None`) and `field` (any when empty), newest first;
/// with `held`, only what was held back as likely spam, else only the rest.
pub async fn feedback(
    status: Option<FeedbackStatus>,
    field: &str,
    held: bool,
    page: u32,
    per_page: u32,
) -> Result<Paged<FeedbackRecord>, Failure> {
    let mut path = format!("/admin/feedback?page={page}&per_page={per_page}&held={held}");
    if let Some(status) = status {
        path.push_str(&format!("&status={}", status.code()));
    }
    if !field.is_empty() {
        path.push_str(&format!("&field={}", encode(field)));
    }
    get(&path).await
}

pub async fn feedback_item(reference: &str) -> Result<FeedbackRecord, Failure> {
    get(&format!("/admin/feedback/{}", encode(reference))).await
}

pub async fn assign_feedback(
    reference: &str,
    input: &AssignInput,
) -> Result<FeedbackRecord, Failure> {
    let path = format!("/admin/feedback/{}/assign", encode(reference));
    send(Verb::Post, &path, input).await
}

pub async fn decline_feedback(
    reference: &str,
    input: &DeclineInput,
) -> Result<FeedbackRecord, Failure> {
    let path = format!("/admin/feedback/{}/decline", encode(reference));
    send(Verb::Post, &path, input).await
}

pub async fn answer_feedback(
    reference: &str,
    input: &AnswerInput,
) -> Result<FeedbackRecord, Failure> {
    let path = format!("/admin/feedback/{}/answer", encode(reference));
    send(Verb::Post, &path, input).await
}

// The about page and the organisation.

pub async fn site_page(slug: &str) -> Result<SitePage, Failure> {
    get(&format!("/pages/{}", encode(slug))).await
}

pub async fn save_site_page(slug: &str, edit: &PageEdit) -> Result<SitePage, Failure> {
    send(Verb::Put, &format!("/admin/pages/{}", encode(slug)), edit).await
}

pub async fn organization() -> Result<Organization, Failure> {
    get("/organization").await
}

pub async fn save_organization(tree: &Organization) -> Result<Organization, Failure> {
    send(Verb::Put, "/admin/organization", tree).await
}

// Accounts and the audit log.

pub async fn users() -> Result<Vec<StaffAccount>, Failure> {
    get("/admin/users").await
}

pub async fn add_user(account: &NewStaffAccount) -> Result<StaffAccount, Failure> {
    send(Verb::Post, "/admin/users", account).await
}

pub async fn change_user(
    username: &str,
    change: &StaffAccountChange,
) -> Result<StaffAccount, Failure> {
    send(
        Verb::Patch,
        &format!("/admin/users/{}", encode(username)),
        change,
    )
    .await
}

pub async fn ratings(
    page: u32,
    per_page: u32,
) -> Result<Paged<portal_contract::rating::PageRatings>, Failure> {
    get(&format!("/admin/ratings?page={page}&per_page={per_page}")).await
}

pub async fn audit(page: u32, per_page: u32) -> Result<Paged<AuditEntry>, Failure> {
    get(&format!("/admin/audit?page={page}&per_page={per_page}")).await
}

// ---------------------------------------------------------------------------------------------
// The documents library (văn bản): approvers and admins add and edit documents and upload
// their files (`pages::documents`).

/// The documents, newest issued first, or those `text` finds (a number as typed, words).
pub async fn documents(
    text: &str,
    page: u32,
    per_page: u32,
) -> Result<Paged<portal_contract::documents::DocumentSummary>, Failure> {
    let mut path = format!("/admin/documents?page={page}&per_page={per_page}");
    if !text.trim().is_empty() {
        path.push_str(&format!("&q={}", encode(text.trim())));
    }
    get(&path).await
}

pub async fn document(slug: &str) -> Result<portal_contract::documents::StaffDocument, Failure> {
    get(&format!("/admin/documents/{}", encode(slug))).await
}

pub async fn create_document(
    document: &portal_contract::documents::StaffDocumentInput,
) -> Result<portal_contract::documents::StaffDocument, Failure> {
    send(Verb::Post, "/admin/documents", document).await
}

/// A 409 here: someone changed the document since `save.version`.
pub async fn save_document(
    slug: &str,
    save: &portal_contract::documents::StaffDocumentSave,
) -> Result<portal_contract::documents::StaffDocument, Failure> {
    send(
        Verb::Put,
        &format!("/admin/documents/{}", encode(slug)),
        save,
    )
    .await
}

/// Uploads a file to attach, as it is, under `name` (which says its kind by its extension).
pub async fn upload_document_file(
    file: web_sys::File,
    name: &str,
) -> Result<portal_contract::documents::UploadedFile, Failure> {
    call(
        Verb::Post,
        &format!("/admin/document-files?name={}", encode(name.trim())),
        Body::File(file),
    )
    .await
}
