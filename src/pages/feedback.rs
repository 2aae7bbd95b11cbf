//! `/gui-y-kien`: feedback on the portal in general.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::feedback_form::FeedbackForm;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <Title text=t.feedback_title />
        <Meta name="description" content=t.feedback_description />
        <h1 class="page-title">{t.feedback_title}</h1>
        <p>{t.feedback_intro}</p>
        <FeedbackForm />
    }
}
