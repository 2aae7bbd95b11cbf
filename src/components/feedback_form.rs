//! "Gửi ý kiến phản hồi": the feedback form. What the citizen types is kept in local storage
//! until the server confirms it, so neither a reload nor a failed send loses it.

use leptos::prelude::*;
use portal_contract::limits::{
    EMAIL_MAX_CHARS, MESSAGE_MAX_CHARS, MESSAGE_MIN_CHARS, NAME_MAX_CHARS, PHONE_MAX_CHARS,
    TITLE_MAX_CHARS,
};
use portal_contract::{fill, validate_feedback, FeedbackInput, FeedbackReceipt, FieldErrors};
use wasm_bindgen::JsCast;

use crate::api::{self, SendFailure};
use crate::components::counts::number;
use portal_contract::questions::lookup_href;

/// What the form is doing.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    Editing,
    Sending,
    Sent(FeedbackReceipt),
    /// Not sent; the text is intact and can be sent again.
    Failed(String),
    /// The device is offline: kept (the draft is in local storage) and sent by itself when
    /// the connection returns.
    WaitingForNetwork,
}

fn offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// The draft's key: one draft per article, and one for the site in general.
fn draft_key(article: Option<&str>) -> String {
    format!("portal-feedback-draft:{}", article.unwrap_or("chung"))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_draft(article: Option<&str>) -> Option<FeedbackInput> {
    let text = storage()?.get_item(&draft_key(article)).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

fn save_draft(article: Option<&str>, draft: &FeedbackInput) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(draft)) {
        let _ = storage.set_item(&draft_key(article), &text);
    }
}

fn clear_draft(article: Option<&str>) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&draft_key(article));
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The order the fields appear in, for moving focus to the first one that needs attention.
const FIELDS: [&str; 6] = ["name", "email", "phone", "title", "field", "message"];

fn focus_field(field: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("feedback-{field}")))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

#[component]
pub fn FeedbackForm(#[prop(optional)] article: Option<String>) -> impl IntoView {
    let t = crate::i18n::texts();
    let draft = RwSignal::new(load_draft(article.as_deref()).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let status = RwSignal::new(Status::Editing);
    let opened_at = now_ms();
    let article_slug = StoredValue::new(article);

    let edit = move |field: &'static str, value: String| {
        draft.update(|draft| match field {
            "name" => draft.name = value,
            "email" => draft.email = value,
            "phone" => draft.phone = value,
            "title" => draft.title = value,
            "message" => draft.message = value,
            "website" => draft.website = value,
            "field" => draft.field = Some(value).filter(|slug| !slug.is_empty()),
            "allow_publish" => draft.allow_publish = value == "true",
            _ => {}
        });
        article_slug.with_value(|article| save_draft(article.as_deref(), &draft.get_untracked()));
    };

    let send = move || {
        let mut input = draft.get_untracked();
        input.article = article_slug.get_value();
        input.elapsed_ms = (now_ms() - opened_at).max(0.0) as u64;
        let found = validate_feedback(&input);
        if let Some(first) = FIELDS.iter().find(|field| found.contains_key(**field)) {
            errors.set(found);
            focus_field(first);
            return;
        }
        errors.set(FieldErrors::new());
        status.set(Status::Sending);
        leptos::task::spawn_local(async move {
            match api::send_feedback(&input).await {
                Ok(receipt) => {
                    article_slug.with_value(|article| clear_draft(article.as_deref()));
                    draft.set(FeedbackInput::default());
                    status.set(Status::Sent(receipt));
                }
                Err(SendFailure::Invalid(fields)) => {
                    let first = FIELDS
                        .iter()
                        .find(|field| fields.contains_key(**field))
                        .copied();
                    let message = fields.get("article").cloned();
                    errors.set(fields);
                    match (first, message) {
                        (Some(first), _) => {
                            status.set(Status::Editing);
                            focus_field(first);
                        }
                        (None, Some(message)) => status.set(Status::Failed(message)),
                        (None, None) => {
                            status.set(Status::Failed(t.feedback_server_refused.into()))
                        }
                    }
                }
                Err(SendFailure::RateLimited(seconds)) => {
                    let minutes = seconds.div_ceil(60).max(1);
                    status.set(Status::Failed(fill(
                        t.feedback_rate_limited,
                        &[("minutes", &minutes.to_string())],
                    )));
                }
                Err(SendFailure::Failed(api::ApiFailure::Network)) if offline() => {
                    status.set(Status::WaitingForNetwork)
                }
                Err(SendFailure::Failed(failure)) => status.set(Status::Failed(fill(
                    t.feedback_failed,
                    &[("reason", failure.message())],
                ))),
            }
        });
    };
    // In the mountains the signal comes and goes: what waited is sent when it comes back.
    crate::components::status::retry_when_back_online(Callback::new(move |_| {
        if status.get_untracked() == Status::WaitingForNetwork {
            send();
        }
    }));

    let field = move |name: &'static str,
                      label: String,
                      kind: &'static str,
                      autocomplete: &'static str,
                      max_chars: usize| {
        let id = format!("feedback-{name}");
        let error_id = format!("feedback-{name}-error");
        let error = move || errors.with(|errors| errors.get(name).cloned());
        let value = move || {
            draft.with(|draft| match name {
                "name" => draft.name.clone(),
                "email" => draft.email.clone(),
                "phone" => draft.phone.clone(),
                "title" => draft.title.clone(),
                _ => draft.message.clone(),
            })
        };
        let described = {
            let error_id = error_id.clone();
            move || error().map(|_| error_id.clone())
        };
        let input = if kind == "textarea" {
            view! {
                <textarea
                    id=id.clone()
                    name=name
                    rows="7"
                    minlength=MESSAGE_MIN_CHARS
                    maxlength=max_chars
                    aria-invalid=move || error().map(|_| "true")
                    aria-describedby=described
                    prop:value=value
                    on:input=move |event| edit(name, event_target_value(&event))
                ></textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=id.clone()
                    name=name
                    type=kind
                    autocomplete=autocomplete
                    maxlength=max_chars
                    aria-invalid=move || error().map(|_| "true")
                    aria-describedby=described
                    prop:value=value
                    on:input=move |event| edit(name, event_target_value(&event))
                />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {input}
                <p id=error_id class="field-error" hidden=move || error().is_none()>{error}</p>
            </div>
        }
    };

    let message_label = fill(
        t.feedback_message,
        &[
            ("min", &MESSAGE_MIN_CHARS.to_string()),
            ("max", &number(MESSAGE_MAX_CHARS as u64)),
        ],
    );
    view! {
        <div class="feedback">
            {move || match status.get() {
                Status::Sent(receipt) => view! {
                    <div class="feedback-sent" role="status">
                        <p><strong>{t.feedback_thanks}</strong></p>
                        <p>{t.feedback_reference_before} <strong class="feedback-reference">{receipt.reference.clone()}</strong>
                           {t.feedback_reference_after}</p>
                        <p><a href=lookup_href(&receipt.reference)>{t.feedback_follow}</a></p>
                        <button type="button" class="button button-small" on:click=move |_| status.set(Status::Editing)>
                            {t.feedback_another}
                        </button>
                    </div>
                }
                .into_any(),
                _ => ().into_any(),
            }}
            <form
                class="feedback-form"
                novalidate
                hidden=move || matches!(status.get(), Status::Sent(_))
                on:submit=move |event| {
                    event.prevent_default();
                    send();
                }
            >
                <p class="hint">{t.feedback_required_hint}</p>
                {field("name", t.feedback_name.into(), "text", "name", NAME_MAX_CHARS)}
                {field("email", t.feedback_email.into(), "email", "email", EMAIL_MAX_CHARS)}
                {field("phone", t.feedback_phone.into(), "tel", "tel", PHONE_MAX_CHARS)}
                {field("title", t.feedback_subject.into(), "text", "off", TITLE_MAX_CHARS)}
                <FieldChoice draft errors edit />
                {field("message", message_label, "textarea", "off", MESSAGE_MAX_CHARS)}
                <div class="field field-check">
                    <input id="feedback-allow_publish" name="allow_publish" type="checkbox"
                        aria-describedby="feedback-allow_publish-hint"
                        prop:checked=move || draft.with(|draft| draft.allow_publish)
                        on:change=move |event| edit("allow_publish", event_target_checked(&event).to_string()) />
                    <div>
                        <label for="feedback-allow_publish">{t.feedback_publish}</label>
                        <p id="feedback-allow_publish-hint" class="hint">{t.feedback_publish_hint}</p>
                    </div>
                </div>
                // People never see this; scripts that fill every field fill it too.
                <div class="honeypot" aria-hidden="true">
                    <label for="feedback-website">{t.feedback_honeypot}</label>
                    <input id="feedback-website" name="website" type="text" tabindex="-1" autocomplete="off"
                        on:input=move |event| edit("website", event_target_value(&event)) />
                </div>
                {move || match status.get() {
                    Status::WaitingForNetwork => view! {
                        <div class="feedback-waiting" role="status">
                            <p>{t.feedback_offline}</p>
                        </div>
                    }
                    .into_any(),
                    Status::Failed(message) => view! {
                        <div class="error-notice" role="alert">
                            <p>{message}</p>
                            <button type="button" class="button" on:click=move |_| send()>{t.feedback_resend}</button>
                        </div>
                    }
                    .into_any(),
                    _ => ().into_any(),
                }}
                <p>
                    <button type="submit" class="button"
                        disabled=move || matches!(status.get(), Status::Sending | Status::WaitingForNetwork)>
                        {move || if status.get() == Status::Sending { t.sending } else { t.feedback_send }}
                    </button>
                </p>
            </form>
        </div>
    }
}

/// "Lĩnh vực": optional, so the form works without it when the list cannot be loaded.
#[component]
fn FieldChoice(
    draft: RwSignal<FeedbackInput>,
    errors: RwSignal<FieldErrors>,
    edit: impl Fn(&'static str, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = crate::i18n::texts();
    let fields = LocalResource::new(api::question_fields);
    let error = move || errors.with(|errors| errors.get("field").cloned());
    let chosen = move || draft.with(|draft| draft.field.clone().unwrap_or_default());
    // A draft may name a field the list no longer has: it is dropped, not sent.
    Effect::new(move |_| {
        let Some(Ok(list)) = fields.get() else {
            return;
        };
        let kept = chosen();
        if !kept.is_empty() && !list.iter().any(|field| field.slug == kept) {
            edit("field", String::new());
        }
    });
    move || {
        let choices = fields
            .get()
            .and_then(Result::ok)
            .filter(|list| !list.is_empty())?;
        Some(view! {
            <div class="field">
                <label for="feedback-field">{t.field_label}</label>
                <select id="feedback-field" name="field"
                    aria-invalid=move || error().map(|_| "true")
                    aria-describedby=move || error().map(|_| "feedback-field-error")
                    on:change=move |event| edit("field", event_target_value(&event))>
                    <option value="" selected=chosen().is_empty()>{t.feedback_field_choose}</option>
                    {choices.into_iter().map(|choice| {
                        let selected = chosen() == choice.slug;
                        view! { <option value=choice.slug selected=selected>{choice.name}</option> }
                    }).collect_view()}
                </select>
                <p id="feedback-field-error" class="field-error" hidden=move || error().is_none()>{error}</p>
            </div>
        })
    }
}
