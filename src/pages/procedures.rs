//! `/thu-tuc?linh-vuc=&muc-do=&q=&trang=`: the administrative procedures, filtered by field
//! and level and searched by name with or without tone marks. `/thu-tuc/{slug}`: one
//! procedure as a citizen's checklist (what to bring, the steps, where to hand it in), which
//! also prints on one or two A4 pages. The portal only guides: applications go to the
//! one-stop desks or the national public service portal.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use portal_contract::limits::{DEFAULT_PER_PAGE, QUERY_MAX_CHARS};
use portal_contract::procedures::{
    procedure_description, Procedure, ProcedureLevel, ProcedureSummary, Requirement,
    PROCEDURES_DESCRIPTION,
};
use portal_contract::{fill, format_file_size};

use crate::api::{self, ApiFailure};
use crate::components::counts::{number, plural};
use crate::components::filter_select::FilterSelect;
use crate::components::pagination::{page_of, requested_page, Pagination};
use crate::components::share::ShareActions;
use crate::components::status::{loaded, Fit};
use crate::components::useful_question::UsefulQuestion;
use crate::pages::article::print_page;
use crate::reading_view;
use crate::urls::{self, document_href, procedure_href, procedures_href, PROCEDURE_FILTERS};

#[component]
pub fn ProceduresPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let query = use_query_map();
    let requested = move || {
        let query = query.read();
        let [field, level, text] =
            PROCEDURE_FILTERS.map(|name| query.get(name).unwrap_or_default());
        (field, level, text, requested_page(&query))
    };
    // The server answers an unknown field or level with a 400, whose message is about search
    // terms in general: `None` here, so the list can say which of the reader's choices it was.
    let procedures = LocalResource::new(move || {
        let (field, level, text, page) = requested();
        async move {
            match api::procedures(&field, &level, &text, page, DEFAULT_PER_PAGE).await {
                Err(ApiFailure::BadRequest) => Ok(None),
                answer => answer.map(Some),
            }
        }
    });
    let fields = LocalResource::new(api::procedure_fields);
    // The server's view of this page shows the list and the fields to choose from: it stays
    // until both are drawn.
    reading_view::hand_over_when(move || procedures.read().is_some() && fields.read().is_some());
    let [field, level, text]: [RwSignal<String>; 3] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    // Back and forward change the address: show what it says.
    Effect::new(move |_| {
        let (shown_field, shown_level, shown_text, _) = requested();
        field.set(shown_field);
        level.set(shown_level);
        text.set(shown_text);
    });
    let navigate = use_navigate();
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let href = procedures_href(
            &field.get_untracked(),
            &level.get_untracked(),
            &text.get_untracked(),
            1,
        );
        navigate(&href, Default::default());
    };
    let field_choices = Signal::derive(move || {
        let fields = fields.get().and_then(Result::ok).unwrap_or_default();
        fields.into_iter().map(|f| (f.slug, f.name)).collect()
    });
    let level_choices = Signal::derive(|| {
        ProcedureLevel::ALL
            .map(|level| (level.slug().to_string(), level.label().to_string()))
            .to_vec()
    });
    view! {
        <Title text=t.procedures_title />
        <Meta name="description" content=PROCEDURES_DESCRIPTION />
        <h1 class="page-title">{t.procedures_title}</h1>
        <p>
            {t.procedures_intro_what}
            {t.procedures_intro_where}
        </p>
        <form class="search-form procedure-filters" role="search" aria-label=t.procedures_search_label
            action=urls::PROCEDURES method="get" on:submit=submit>
            <div class="field field-wide">
                <label for="procedure-text">{t.procedures_name_label}</label>
                <input id="procedure-text" type="search" name=PROCEDURE_FILTERS[2] maxlength=QUERY_MAX_CHARS
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event)) />
            </div>
            <FilterSelect id="procedure-field" name=PROCEDURE_FILTERS[0] label=t.field_label all=t.all_fields
                value=field choices=field_choices />
            <FilterSelect id="procedure-level" name=PROCEDURE_FILTERS[1] label=t.procedures_level all=t.procedures_all_levels
                value=level choices=level_choices />
            <div class="field field-actions">
                <button type="submit" class="button">{t.procedures_search_button}</button>
                {move || {
                    let (field, level, text, _) = requested();
                    let filtered = !(field.is_empty() && level.is_empty() && text.trim().is_empty());
                    filtered.then(|| view! { <a class="reset-link" href=urls::PROCEDURES>{t.clear_filters}</a> })
                }}
            </div>
        </form>
        <section aria-labelledby="procedure-results-heading">
            <h2 id="procedure-results-heading" class="visually-hidden">{t.procedures_list_heading}</h2>
            {loaded(procedures, Fit::page(10), move |list| {
                let Some(list) = list else {
                    return view! {
                        <div class="no-results" role="status">
                            <p>{t.procedures_unknown_filter}</p>
                            <p><a href=urls::PROCEDURES>{t.procedures_all}</a></p>
                        </div>
                    }
                    .into_any();
                };
                let (shown_field, shown_level, shown_text, _) = requested();
                let (current, count) = (list.page, list.page_count());
                if list.items.is_empty() {
                    let first = procedures_href(&shown_field, &shown_level, &shown_text, 1);
                    return if current > 1 {
                        view! { <p class="empty">{t.procedures_page_empty} <a href=first>{t.first_page}</a></p> }
                            .into_any()
                    } else {
                        view! {
                            <p class="empty" role="status">
                                {t.procedures_none}
                                <a href=urls::PROCEDURES>{t.procedures_all}</a>
                            </p>
                        }
                        .into_any()
                    };
                }
                view! {
                    <p class="list-total" role="status">
                        {fill(plural(list.total, t.procedures_total_one, t.procedures_total), &[("n", &number(list.total))])}
                        {page_of(t, current, count)}
                    </p>
                    <ProcedureList procedures=list.items />
                    <Pagination current count
                        href=move |n| procedures_href(&shown_field, &shown_level, &shown_text, n) />
                }
                .into_any()
            })}
        </section>
    }
}

#[component]
fn ProcedureList(procedures: Vec<ProcedureSummary>) -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <ul class="article-list procedure-list">
            {procedures.into_iter().map(|procedure| view! {
                <li>
                    <h3 class="article-card-title"><a href=procedure_href(&procedure.slug)>{procedure.name}</a></h3>
                    <p class="article-meta">
                        {fill(t.procedure_card_meta, &[
                            ("code", &procedure.code),
                            ("field", &procedure.field.name),
                            ("level", procedure.level.label()),
                        ])}
                    </p>
                    <p class="procedure-card-online">{procedure.online.label()}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let procedure = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        async move { api::procedure(&slug).await }
    });
    reading_view::hand_over_when_loaded(procedure);
    view! { {loaded(procedure, Fit::page(10), |procedure| view! { <ProcedureView procedure /> })} }
}

/// The page of one procedure. Its markup is copied by the server's reading view
/// (`server/src/reading_view.rs`); `tests/e2e/reading-view-drift.spec.ts` compares the two.
#[component]
fn ProcedureView(procedure: Procedure) -> impl IntoView {
    let t = crate::i18n::texts();
    let path = procedure_href(&procedure.slug);
    let address = urls::absolute(&path);
    let description = procedure_description(&procedure.name, &procedure.field.name);
    let field_href = procedures_href(&procedure.field.slug, "", "", 1);
    let level_href = procedures_href("", procedure.level.slug(), "", 1);
    let facts: [(&str, AnyView); 7] = [
        (t.procedure_code, procedure.code.into_any()),
        (
            t.field_label,
            view! { <a href=field_href>{procedure.field.name}</a> }.into_any(),
        ),
        (
            t.procedures_level,
            view! { <a href=level_href>{procedure.level.label()}</a> }.into_any(),
        ),
        (t.procedure_agency, procedure.agency.into_any()),
        (t.procedure_time, procedure.processing_time.into_any()),
        (t.procedure_fees, procedure.fees.into_any()),
        (t.procedure_result, procedure.result.into_any()),
    ];
    // Only an https address becomes a link: the portal sends readers to no other kind.
    let service_url = procedure
        .service_url
        .filter(|url| url.starts_with("https://"));
    view! {
        <Title text=procedure.name.clone() />
        <Meta name="description" content=description />
        <nav class="breadcrumb" aria-label=t.breadcrumb_label>
            <ol>
                <li><a href=urls::HOME>{t.menu_home}</a></li>
                <li><a href=urls::PROCEDURES>{t.procedures_title}</a></li>
            </ol>
        </nav>
        <article class="procedure">
            <h1 class="article-title">{procedure.name.clone()}</h1>
            {procedure.illustrative.then(|| view! {
                <p class="procedure-note">
                    {t.procedure_illustrative}
                    {t.procedure_illustrative_unchecked}
                </p>
            })}
            <dl class="document-facts">
                {facts
                    .into_iter()
                    .map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
                    .collect_view()}
            </dl>
            <div class="procedure-online">
                <p><strong>{procedure.online.label()}</strong></p>
                {service_url.map(|url| view! {
                    <p><a class="button" href=url>{t.procedure_online_button}</a></p>
                })}
                <p>{t.procedure_no_applications}</p>
            </div>
            <section aria-labelledby="procedure-requirements-heading">
                <h2 id="procedure-requirements-heading" class="section-heading">{t.procedure_requirements}</h2>
                <p class="hint">{t.procedure_checklist_hint}</p>
                <ul class="procedure-checklist">
                    {procedure
                        .requirements
                        .into_iter()
                        .enumerate()
                        .map(|(index, requirement)| view! { <RequirementItem index requirement /> })
                        .collect_view()}
                </ul>
            </section>
            <section aria-labelledby="procedure-steps-heading">
                <h2 id="procedure-steps-heading" class="section-heading">{t.procedure_steps}</h2>
                <ol class="procedure-steps">
                    {procedure.steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="procedure-ways-heading">
                <h2 id="procedure-ways-heading" class="section-heading">{t.procedure_ways}</h2>
                <ul class="procedure-ways">
                    {procedure.ways.into_iter().map(|way| view! {
                        <li><span class="procedure-way-kind">{format!("{}:", way.kind.label())}</span> " " {way.note}</li>
                    }).collect_view()}
                </ul>
            </section>
            {(!procedure.legal_bases.is_empty()).then(|| view! {
                <section aria-labelledby="procedure-legal-heading">
                    <h2 id="procedure-legal-heading" class="section-heading">{t.procedure_legal}</h2>
                    <ul class="procedure-legal-bases">
                        {procedure.legal_bases.into_iter().map(|basis| match basis.document {
                            Some(slug) => view! { <li><a href=document_href(&slug)>{basis.title}</a></li> }.into_any(),
                            None => view! { <li>{basis.title}</li> }.into_any(),
                        }).collect_view()}
                    </ul>
                </section>
            })}
            <p class="print-only article-address">{t.procedure_address} {address.clone()}</p>
            <p class="article-tools">
                <button type="button" class="button button-small" on:click=|_| print_page()>{t.procedure_print}</button>
            </p>
            <ShareActions title=procedure.name url=address label=t.procedure_share />
        </article>
        <UsefulQuestion page=path />
    }
}

/// One paper of the application as a box to tick, with its blank form when there is one.
#[component]
fn RequirementItem(index: usize, requirement: Requirement) -> impl IntoView {
    let t = crate::i18n::texts();
    let id = format!("procedure-requirement-{}", index + 1);
    let form = requirement.form.map(|form| {
        let file = form.file;
        view! {
            <p class="procedure-form">
                // `download`: the router leaves the link to the browser, which saves the file.
                <a class="button button-small" href=file.url download="">
                    {fill(t.procedure_form_download, &[("format", &file.format), ("size", &format_file_size(file.size))])}
                    <span class="visually-hidden">{format!(": {}", file.name)}</span>
                </a>
                " "
                <a href=document_href(&form.document)>{t.procedure_form_document}</a>
            </p>
        }
    });
    view! {
        <li>
            <input type="checkbox" id=id.clone() />
            <div>
                <label for=id>
                    {requirement.name} " " <span class="procedure-copies">{format!("({})", requirement.copies)}</span>
                </label>
                {form}
            </div>
        </li>
    }
}
