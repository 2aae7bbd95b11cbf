//! `/hoi-dap?linh-vuc=&q=&trang=`: the questions citizens allowed to be published, with
//! their answers, filtered by field and searched with or without tone marks.
//! `/hoi-dap/{reference}`: one question and its answer.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use portal_contract::fill;
use portal_contract::limits::{DEFAULT_PER_PAGE, QUERY_MAX_CHARS};
use portal_contract::questions::{asked_by, PublicQuestion, DESCRIPTION_CHARS};
use portal_contract::text::excerpt;
use portal_contract::time::format_display_in;

use crate::api;
use crate::components::counts::{number, plural};
use crate::components::pagination::{page_of, requested_page, Pagination};
use crate::components::question_list::QuestionList;
use crate::components::share::ShareActions;
use crate::components::status::{loaded, Fit};
use crate::components::useful_question::UsefulQuestion;
use crate::reading_view;
use crate::urls::{self, question_href, questions_href, QUESTION_FILTERS};

#[component]
pub fn QuestionsPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let query = use_query_map();
    let requested = move || {
        let query = query.read();
        let [field, text] = QUESTION_FILTERS.map(|name| query.get(name).unwrap_or_default());
        (field, text, requested_page(&query))
    };
    let questions = LocalResource::new(move || {
        let (field, text, page) = requested();
        async move { api::questions(&field, &text, page, DEFAULT_PER_PAGE).await }
    });
    let fields = LocalResource::new(api::question_fields);
    // The server's view of this page shows the list and the fields to choose from: it stays
    // until both are drawn.
    reading_view::hand_over_when(move || questions.read().is_some() && fields.read().is_some());
    let field = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    // Back and forward change the address: show what it says.
    Effect::new(move |_| {
        let (shown_field, shown_text, _) = requested();
        field.set(shown_field);
        text.set(shown_text);
    });
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        navigate(
            &questions_href(&field.get_untracked(), &text.get_untracked(), 1),
            Default::default(),
        );
    };
    view! {
        <Title text=t.menu_questions />
        <Meta name="description" content=t.questions_description />
        <h1 class="page-title">{t.menu_questions}</h1>
        <p>
            {t.questions_intro}
            <a href=urls::FEEDBACK>{t.questions_ask}</a> " · " <a href=urls::LOOKUP>{t.questions_lookup}</a>
        </p>
        <form class="search-form question-filters" role="search" aria-label=t.questions_search_label
            action=urls::QUESTIONS method="get" on:submit=submit>
            <div class="field field-wide">
                <label for="question-text">{t.keywords_label}</label>
                <input id="question-text" type="search" name=QUESTION_FILTERS[1] maxlength=QUERY_MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event)) />
            </div>
            <div class="field">
                <label for="question-field">{t.field_label}</label>
                <select id="question-field" name=QUESTION_FILTERS[0]
                    prop:value=move || field.get()
                    on:change=move |event| field.set(event_target_value(&event))>
                    <option value="">{t.all_fields}</option>
                    // The options arrive after the address is read: each knows whether it is chosen.
                    {move || fields.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|choice| {
                        let selected = field.get_untracked() == choice.slug;
                        view! { <option value=choice.slug selected=selected>{choice.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field field-actions">
                <button type="submit" class="button">{t.questions_search_button}</button>
            </div>
        </form>
        <section aria-labelledby="question-results-heading">
            <h2 id="question-results-heading" class="visually-hidden">{t.questions_list_heading}</h2>
            {loaded(questions, Fit::page(10), move |list| {
                let (shown_field, shown_text, current) = requested();
                let count = list.page_count();
                if list.items.is_empty() {
                    return view! {
                        <p class="empty" role="status">
                            {t.questions_none}
                            <a href=urls::QUESTIONS>{t.questions_all}</a>
                        </p>
                    }
                    .into_any();
                }
                view! {
                    <p class="list-total" role="status">
                        {fill(plural(list.total, t.questions_total_one, t.questions_total), &[("n", &number(list.total))])}
                        {page_of(t, current, count)}
                    </p>
                    <QuestionList questions=list.items />
                    <Pagination current count href=move |n| questions_href(&shown_field, &shown_text, n) />
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let question = LocalResource::new(move || {
        let reference = params.read().get("reference").unwrap_or_default();
        async move { api::question(&reference).await }
    });
    reading_view::hand_over_when_loaded(question);
    view! { {loaded(question, Fit::page(8), |question| view! { <QuestionView question /> })} }
}

/// The page of one question. Its markup is copied by the server's reading view
/// (`server/src/reading_view.rs`); `tests/e2e/reading-view-drift.spec.ts` compares the two.
#[component]
fn QuestionView(question: PublicQuestion) -> impl IntoView {
    let t = crate::i18n::texts();
    let lang = crate::i18n::lang();
    let path = question_href(&question.reference);
    let address = urls::absolute(&path);
    let description = excerpt(&question.question, DESCRIPTION_CHARS);
    let field_link = question.field.clone().map(|field| {
        view! { " · " <a href=questions_href(&field.slug, "", 1)>{field.name}</a> }
    });
    view! {
        <Title text=question.title.clone() />
        <Meta name="description" content=description />
        <nav class="breadcrumb" aria-label=t.breadcrumb_label>
            <ol>
                <li><a href=urls::HOME>{t.menu_home}</a></li>
                <li><a href=urls::QUESTIONS>{t.menu_questions}</a></li>
            </ol>
        </nav>
        <article class="question">
            <h1 class="article-title">{question.title.clone()}</h1>
            <p class="article-meta">
                {asked_by(&question.asker)} " · "
                <time datetime=question.asked_at.to_rfc3339()>{format_display_in(lang, &question.asked_at)}</time>
                {field_link}
            </p>
            <h2 class="section-heading">{t.question_heading}</h2>
            <p class="question-text">{question.question}</p>
            <section class="question-answer" aria-labelledby="answer-heading">
                <h2 id="answer-heading" class="section-heading">{t.answer_heading}</h2>
                <p class="article-meta">
                    {question.answer.unit} " · "
                    <time datetime=question.answer.answered_at.to_rfc3339()>{format_display_in(lang, &question.answer.answered_at)}</time>
                </p>
                // The server sanitized this HTML with the articles' allowlist before storing it.
                <div class="article-body" inner_html=question.answer.body_html></div>
            </section>
            <ShareActions title=question.title url=address label=t.question_share />
        </article>
        <UsefulQuestion page=path />
    }
}
