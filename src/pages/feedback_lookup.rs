//! `/tra-cuu-phan-hoi?ma=`: a citizen follows their feedback by the reference they were given
//! and the email or phone they wrote with, up to the answer.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;
use portal_contract::limits::{LOOKUP_CONTACT_MAX_CHARS, REFERENCE_MAX_CHARS};
use portal_contract::questions::{
    validate_lookup, FeedbackProgress, FeedbackStatus, LookupInput, LOOKUP_REFERENCE_PARAM,
};
use portal_contract::time::format_display_in;
use portal_contract::{fill, FieldErrors};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiFailure, SendFailure};
use crate::urls::{self, question_href};

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Editing,
    Looking,
    Found(Box<FeedbackProgress>),
    /// Nothing matched: the same answer for a wrong reference and a wrong contact.
    NotFound,
    /// Not looked up; what was typed stays and can be sent again.
    Failed(String),
}

const FIELDS: [&str; 2] = ["reference", "contact"];

fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

#[component]
pub fn FeedbackLookupPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let query = use_query_map();
    let reference = RwSignal::new(
        query
            .read_untracked()
            .get(LOOKUP_REFERENCE_PARAM)
            .unwrap_or_default(),
    );
    let contact = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let status = RwSignal::new(Status::Editing);

    let look_up = move || {
        let input = LookupInput {
            reference: reference.get_untracked(),
            contact: contact.get_untracked(),
        };
        let found = validate_lookup(&input);
        if let Some(first) = FIELDS.iter().find(|field| found.contains_key(**field)) {
            errors.set(found);
            focus(&format!("lookup-{first}"));
            return;
        }
        errors.set(FieldErrors::new());
        status.set(Status::Looking);
        leptos::task::spawn_local(async move {
            let next = match api::lookup_feedback(&input).await {
                Ok(progress) => Status::Found(Box::new(progress)),
                Err(SendFailure::Failed(ApiFailure::NotFound)) => Status::NotFound,
                Err(SendFailure::Invalid(fields)) => {
                    errors.set(fields);
                    Status::Editing
                }
                Err(SendFailure::RateLimited(seconds)) => Status::Failed(fill(
                    t.lookup_rate_limited,
                    &[("minutes", &seconds.div_ceil(60).max(1).to_string())],
                )),
                Err(SendFailure::Failed(failure)) => {
                    Status::Failed(fill(t.lookup_failed, &[("reason", failure.message())]))
                }
            };
            status.set(next);
            focus("lookup-result");
        });
    };

    let field = move |name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>,
                      max_chars: usize| {
        let id = format!("lookup-{name}");
        let error_id = format!("lookup-{name}-error");
        let error = move || errors.with(|errors| errors.get(name).cloned());
        let described = {
            let error_id = error_id.clone();
            move || error().map(|_| error_id.clone())
        };
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=name type=kind maxlength=max_chars
                    autocomplete="off"
                    aria-invalid=move || error().map(|_| "true")
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event)) />
                <p id=error_id class="field-error" hidden=move || error().is_none()>{error}</p>
            </div>
        }
    };

    view! {
        <Title text=t.lookup_title />
        <Meta name="description" content=t.lookup_description />
        <h1 class="page-title">{t.lookup_title}</h1>
        <p>{t.lookup_intro}</p>
        <form class="feedback-form lookup-form" novalidate
            on:submit=move |event| {
                event.prevent_default();
                look_up();
            }>
            {field("reference", t.lookup_reference, "text", reference, REFERENCE_MAX_CHARS)}
            {field("contact", t.lookup_contact, "text", contact, LOOKUP_CONTACT_MAX_CHARS)}
            <p>
                <button type="submit" class="button" disabled=move || status.get() == Status::Looking>
                    {move || if status.get() == Status::Looking { t.lookup_looking } else { t.lookup_button }}
                </button>
            </p>
        </form>
        // The focus moves here with each result, which a screen reader then reads: no live
        // region besides, or the result would be read twice.
        <div id="lookup-result" tabindex="-1" class="lookup-result">
            {move || match status.get() {
                Status::Editing | Status::Looking => ().into_any(),
                Status::Found(progress) => view! { <Progress progress=*progress /> }.into_any(),
                Status::NotFound => view! {
                    <div class="error-notice">
                        <p>{t.lookup_not_found}</p>
                    </div>
                }
                .into_any(),
                Status::Failed(message) => view! {
                    <div class="error-notice">
                        <p>{message}</p>
                        <button type="button" class="button" on:click=move |_| look_up()>{t.retry}</button>
                    </div>
                }
                .into_any(),
            }}
        </div>
    }
}

/// Where the feedback stands, and the answer when there is one.
#[component]
fn Progress(progress: FeedbackProgress) -> impl IntoView {
    let (t, lang) = (crate::i18n::texts(), crate::i18n::lang());
    let state = match (progress.status, &progress.unit, progress.decline_reason) {
        (FeedbackStatus::InProgress, Some(unit), _) => {
            format!("{}: {unit}", FeedbackStatus::InProgress.label())
        }
        (FeedbackStatus::Declined, _, Some(reason)) => {
            format!("{}: {}", FeedbackStatus::Declined.label(), reason.label())
        }
        (status, _, _) => status.label().to_string(),
    };
    let published = progress
        .published
        .then(|| question_href(&progress.reference));
    view! {
        <section class="lookup-progress" aria-labelledby="lookup-progress-heading">
            <h2 id="lookup-progress-heading" class="section-heading">{progress.title}</h2>
            <dl class="document-facts">
                <div><dt>{t.lookup_reference_short}</dt><dd>{progress.reference}</dd></div>
                <div><dt>{t.lookup_sent_on}</dt><dd><time datetime=progress.received_at.to_rfc3339()>{format_display_in(lang, &progress.received_at)}</time></dd></div>
                {progress.field.map(|field| view! { <div><dt>{t.field_label}</dt><dd>{field.name}</dd></div> })}
                <div><dt>{t.status_label}</dt><dd class="feedback-status">{state}</dd></div>
            </dl>
            {progress.answer.map(|answer| view! {
                <section class="question-answer" aria-labelledby="lookup-answer-heading">
                    <h3 id="lookup-answer-heading" class="section-heading">{t.answer_heading}</h3>
                    <p class="article-meta">
                        {answer.unit} " · "
                        <time datetime=answer.answered_at.to_rfc3339()>{format_display_in(lang, &answer.answered_at)}</time>
                    </p>
                    // The server sanitized this HTML with the articles' allowlist before storing it.
                    <div class="article-body" inner_html=answer.body_html></div>
                </section>
            })}
            {published.map(|href| view! {
                <p>{t.lookup_published_before} <a href=href>{t.menu_questions}</a> {t.lookup_published_after}</p>
            })}
            <p><a href=urls::QUESTIONS>{t.lookup_other_questions}</a></p>
        </section>
    }
}
