//! Answered questions in lists: as cards with the start of the question (`/hoi-dap`), or as
//! links with the answer's date (the home page's block, the `hoi-dap` widget).

use leptos::prelude::*;
use portal_contract::questions::{asked_by, PublicQuestion, QUESTION_EXCERPT_CHARS};
use portal_contract::text::excerpt;
use portal_contract::time::format_display_in;

use crate::urls::question_href;

/// Questions as cards, or a sentence when there are none.
#[component]
pub fn QuestionList(questions: Vec<PublicQuestion>) -> impl IntoView {
    view! {
        <ul class="article-list question-list">
            {questions.into_iter().map(|question| view! { <li><QuestionCard question /></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn QuestionCard(question: PublicQuestion) -> impl IntoView {
    let t = crate::i18n::texts();
    let answered_at = format_display_in(crate::i18n::lang(), &question.answer.answered_at);
    view! {
        <article class="article-card question-card">
            <div>
                <h3><a href=question_href(&question.reference)>{question.title}</a></h3>
                <p class="article-meta">
                    {asked_by(&question.asker)} " · "
                    {question.field.map(|field| view! { {field.name} " · " })}
                    {t.answered} <time datetime=question.answer.answered_at.to_rfc3339()>{answered_at}</time>
                </p>
                <p class="question-excerpt">{excerpt(&question.question, QUESTION_EXCERPT_CHARS)}</p>
            </div>
        </article>
    }
}

/// Questions as links, with when they were answered.
#[component]
pub fn QuestionLinks(questions: Vec<PublicQuestion>) -> impl IntoView {
    let (t, lang) = (crate::i18n::texts(), crate::i18n::lang());
    if questions.is_empty() {
        return view! { <p class="empty">{t.no_answered_questions}</p> }.into_any();
    }
    view! {
        <ul class="article-list question-links">
            {questions
                .into_iter()
                .map(|question| view! {
                    <li>
                        <a href=question_href(&question.reference)>{question.title}</a>
                        <p class="article-meta">
                            {t.answered} <time datetime=question.answer.answered_at.to_rfc3339()>{format_display_in(lang, &question.answer.answered_at)}</time>
                        </p>
                    </li>
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
