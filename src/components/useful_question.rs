//! "Thông tin này có hữu ích không?" under a page: yes or no, an optional comment, sent once
//! per page in a browser session (marked in session storage: no cookie).

use leptos::prelude::*;
use portal_contract::limits::RATING_COMMENT_MAX_CHARS;
use portal_contract::{fill, RatingInput};

use crate::api::{self, SendFailure};

const RATED_PREFIX: &str = "portal-rated:";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn already_rated(page: &str) -> bool {
    session()
        .and_then(|storage| {
            storage
                .get_item(&format!("{RATED_PREFIX}{page}"))
                .ok()
                .flatten()
        })
        .is_some()
}

fn mark_rated(page: &str) {
    if let Some(storage) = session() {
        let _ = storage.set_item(&format!("{RATED_PREFIX}{page}"), "1");
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Asking,
    /// The reader chose; a comment may follow before sending.
    Chosen(bool),
    Sending(bool),
    Thanked,
}

/// `page` is the path being rated, such as `/tin-tuc/{slug}`.
#[component]
pub fn UsefulQuestion(page: String) -> impl IntoView {
    let t = crate::i18n::texts();
    let step = RwSignal::new(if already_rated(&page) {
        Step::Thanked
    } else {
        Step::Asking
    });
    let comment = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let page = StoredValue::new(page);
    let send = move |useful: bool| {
        step.set(Step::Sending(useful));
        failure.set(None);
        let input = RatingInput {
            page: page.get_value(),
            useful,
            comment: comment.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match api::send_rating(&input).await {
                Ok(()) => {
                    mark_rated(&input.page);
                    step.set(Step::Thanked);
                }
                // What the reader wrote stays in the box; the button sends it again.
                Err(err) => {
                    failure.set(Some(match err {
                        SendFailure::Invalid(fields) => fields
                            .into_values()
                            .next()
                            .unwrap_or_else(|| t.rating_invalid.into()),
                        SendFailure::RateLimited(_) => t.rating_rate_limited.into(),
                        SendFailure::Failed(failure) => failure.message().into(),
                    }));
                    step.set(Step::Chosen(useful));
                }
            }
        });
    };
    let chosen = move || match step.get() {
        Step::Chosen(useful) | Step::Sending(useful) => Some(useful),
        _ => None,
    };
    view! {
        <section class="useful-question" aria-labelledby="useful-heading">
            <h2 id="useful-heading" class="useful-heading">{t.rating_question}</h2>
            {move || match step.get() {
                Step::Thanked => view! {
                    <p class="useful-thanks" role="status">{t.rating_thanks}</p>
                }
                .into_any(),
                _ => view! {
                    <div class="useful-choices" role="group" aria-labelledby="useful-heading">
                        <button type="button" class="button button-outline"
                            aria-pressed=move || (chosen() == Some(true)).to_string()
                            on:click=move |_| step.set(Step::Chosen(true))>{t.rating_yes}</button>
                        <button type="button" class="button button-outline"
                            aria-pressed=move || (chosen() == Some(false)).to_string()
                            on:click=move |_| step.set(Step::Chosen(false))>{t.rating_no}</button>
                    </div>
                    <Show when=move || chosen().is_some()>
                        <form class="useful-form" on:submit=move |event| {
                            event.prevent_default();
                            if let Some(useful) = chosen() {
                                send(useful);
                            }
                        }>
                            <label for="useful-comment">
                                {fill(t.rating_comment_label, &[("max", &RATING_COMMENT_MAX_CHARS.to_string())])}
                            </label>
                            <textarea id="useful-comment" rows="3"
                                maxlength=RATING_COMMENT_MAX_CHARS.to_string()
                                prop:value=move || comment.get()
                                on:input=move |event| comment.set(event_target_value(&event))></textarea>
                            {move || failure.get().map(|message| view! {
                                <p class="useful-error" role="alert">{message}</p>
                            })}
                            <button type="submit" class="button"
                                disabled=move || matches!(step.get(), Step::Sending(_))>
                                {move || if matches!(step.get(), Step::Sending(_)) { t.sending } else { t.rating_send }}
                            </button>
                        </form>
                    </Show>
                }
                .into_any(),
            }}
        </section>
    }
}
