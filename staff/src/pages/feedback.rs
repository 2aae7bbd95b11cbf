//! `/quan-tri/phan-hoi?trang=&tinh-trang=&linh-vuc=`: the citizens' feedback, newest first,
//! filtered by state and field (approvers and admins). `/quan-tri/phan-hoi/{reference}`: one
//! piece of feedback with its sender's contact details, to give to a unit, decline, or answer
//! and publish on `/hoi-dap` when its sender allowed it.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use std::collections::BTreeMap;

use portal_contract::limits::{MESSAGE_MAX_CHARS, TITLE_MAX_CHARS, UNIT_MAX_CHARS};
use portal_contract::paging::listing_href;
use portal_contract::questions::{
    AnswerInput, AssignInput, DeclineInput, DeclineReason, FeedbackStatus,
};
use portal_contract::staff::StaffRole;
use portal_contract::{format_display, FeedbackRecord};

use crate::api::{self, Failure};
use crate::app::BASE;
use crate::editor::rich_text::{self, RichText, EDITOR_ID};
use crate::ui::{
    focus_by_id, loaded, page_number, FieldError, Message, MessageArea, Pager, RequireRole,
};

const PER_PAGE: u32 = 20;

pub fn feedback_href(reference: &str) -> String {
    format!("{BASE}/phan-hoi/{reference}")
}

fn list_href(status: &str, field: &str, held: bool, page: u32) -> String {
    let path = format!("{BASE}/phan-hoi");
    let held = if held { "1" } else { "" };
    listing_href(
        &path,
        [
            ("tinh-trang", status),
            ("linh-vuc", field),
            ("nghi-rac", held),
        ],
        page,
        api::encode,
    )
}

#[component]
pub fn FeedbackListPage() -> impl IntoView {
    let query = use_query_map();
    let requested = move || {
        let query = query.read();
        (
            query.get("tinh-trang").unwrap_or_default(),
            query.get("linh-vuc").unwrap_or_default(),
            query.get("nghi-rac").is_some(),
            page_number(&query),
        )
    };
    let list = LocalResource::new(move || {
        let (status, field, held, page) = requested();
        async move {
            let status = FeedbackStatus::from_code(&status);
            api::feedback(status, &field, held, page, PER_PAGE).await
        }
    });
    let fields = LocalResource::new(api::question_fields);
    let (status, set_status) = signal(String::new());
    let (field, set_field) = signal(String::new());
    let (held, set_held) = signal(false);
    Effect::new(move |_| {
        let (shown_status, shown_field, shown_held, _) = requested();
        set_status.set(shown_status);
        set_field.set(shown_field);
        set_held.set(shown_held);
    });
    let navigate = use_navigate();
    let filter = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        navigate(
            &list_href(
                &status.get_untracked(),
                &field.get_untracked(),
                held.get_untracked(),
                1,
            ),
            Default::default(),
        );
    };
    view! {
        <Title text="Ý kiến, câu hỏi của người dân" />
        <h1 class="page-title">"Ý kiến, câu hỏi của người dân"</h1>
        <RequireRole role=StaffRole::Approver>
            <form class="staff-filters" on:submit=filter.clone()>
                <div class="field">
                    <label for="feedback-status">"Tình trạng"</label>
                    <select id="feedback-status" prop:value=move || status.get()
                        on:change=move |event| set_status.set(event_target_value(&event))>
                        <option value="">"Mọi tình trạng"</option>
                        {FeedbackStatus::ALL.into_iter().map(|choice| view! {
                            <option value=choice.code() selected=move || status.get() == choice.code()>{choice.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="feedback-field">"Lĩnh vực"</label>
                    <select id="feedback-field" prop:value=move || field.get()
                        on:change=move |event| set_field.set(event_target_value(&event))>
                        <option value="">"Mọi lĩnh vực"</option>
                        {move || fields.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|choice| {
                            let selected = field.get_untracked() == choice.slug;
                            view! { <option value=choice.slug selected=selected>{choice.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                // Sent faster than a person writes, or with the field only bots see: kept, but
                // apart, so the inbox is what people wrote.
                <div class="field field-check">
                    <input id="feedback-held" type="checkbox" prop:checked=move || held.get()
                        on:change=move |event| set_held.set(event_target_checked(&event)) />
                    <label for="feedback-held">"Chỉ xem thư nghi là rác"</label>
                </div>
                <button type="submit" class="button">"Lọc"</button>
            </form>
            {loaded(list, move |list| {
                let (status, field, held, _) = requested();
                let (current, count) = (list.page, list.page_count());
                if list.items.is_empty() {
                    return view! { <p class="empty">"Không có ý kiến nào."</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="feedback-caption">
                        <table class="staff-table">
                            <caption id="feedback-caption">{format!("{} ý kiến, mới nhất trước", list.total)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Mã số"</th>
                                    <th scope="col">"Tiêu đề"</th>
                                    <th scope="col">"Người gửi"</th>
                                    <th scope="col">"Ngày gửi"</th>
                                    <th scope="col">"Lĩnh vực"</th>
                                    <th scope="col">"Tình trạng"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.items.into_iter().map(|item: FeedbackRecord| view! {
                                    <tr>
                                        <td><a href=feedback_href(&item.reference)>{item.reference.clone()}</a></td>
                                        <td>{item.title}</td>
                                        <td>{item.name}</td>
                                        <td>{format_display(&item.received_at)}</td>
                                        <td>{item.field.map(|field| field.name)}</td>
                                        <td>{item.status.label()}{item.published.then_some(" · đã đăng")}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pager current count href=move |n| list_href(&status, &field, held, n) />
                }
                .into_any()
            })}
        </RequireRole>
    }
}

#[component]
pub fn FeedbackItemPage() -> impl IntoView {
    let params = use_params_map();
    let reference = move || params.read().get("reference").unwrap_or_default();
    let record = LocalResource::new(move || {
        let reference = reference();
        async move { api::feedback_item(&reference).await }
    });
    view! {
        <Title text="Trả lời ý kiến" />
        <RequireRole role=StaffRole::Approver>
            <p><a href=format!("{BASE}/phan-hoi")>"‹ Danh sách ý kiến"</a></p>
            {loaded(record, |record| view! { <FeedbackItem record /> })}
        </RequireRole>
    }
}

/// The answer being written, kept on this device until it is saved: a failed save, a closed
/// tab or a lost session does not lose it.
fn draft_key(reference: &str) -> String {
    format!("portal-answer-draft:{reference}")
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[component]
fn FeedbackItem(record: FeedbackRecord) -> impl IntoView {
    let current = RwSignal::new(record);
    let message = RwSignal::new(Message::None);
    let reference = current.get_untracked().reference;
    // Each form's own field errors: a unit refused in one is not shown under the other.
    let assign_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let answer_errors = RwSignal::new(BTreeMap::<String, String>::new());
    let unit = RwSignal::new(current.get_untracked().unit.unwrap_or_default());
    let answer_unit = RwSignal::new(
        current
            .get_untracked()
            .answer
            .map(|answer| answer.unit)
            .or_else(|| current.get_untracked().unit)
            .unwrap_or_default(),
    );
    let publish = RwSignal::new(current.get_untracked().published);
    let public_title = RwSignal::new(current.get_untracked().public_title);
    let public_question = RwSignal::new(current.get_untracked().public_question);
    let reason = RwSignal::new(DeclineReason::Spam.code().to_string());
    let body = NodeRef::<Div>::new();
    let busy = RwSignal::new(false);
    let key = StoredValue::new(draft_key(&reference));
    let using_draft = RwSignal::new(false);

    // The editor starts with the draft kept on this device, else the answer given.
    let given = move || {
        current
            .get_untracked()
            .answer
            .map(|answer| answer.body_html)
            .unwrap_or_default()
    };
    body.on_load(move |_| {
        let draft = storage().and_then(|storage| storage.get_item(&key.get_value()).ok().flatten());
        using_draft.set(draft.as_ref().is_some_and(|draft| *draft != given()));
        rich_text::set_html(body, &draft.unwrap_or_else(given));
    });
    let keep_draft = Callback::new(move |_| {
        if let (Some(storage), Some(html)) = (storage(), rich_text::cleaned_html(body)) {
            let _ = storage.set_item(&key.get_value(), &html);
        }
    });
    let forget_draft = move || {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&key.get_value());
        }
        using_draft.set(false);
    };
    let discard_draft = move |_| {
        forget_draft();
        rich_text::set_html(body, &given());
        focus_by_id(EDITOR_ID);
    };

    let outcome = move |result: Result<FeedbackRecord, Failure>,
                        errors: RwSignal<BTreeMap<String, String>>,
                        done: &str| {
        busy.set(false);
        match result {
            Ok(record) => {
                errors.set(Default::default());
                current.set(record);
                message.set(Message::Done(done.to_string()));
                true
            }
            Err(failure) => {
                errors.set(failure.fields());
                message.set(Message::Problem(failure.message()));
                false
            }
        }
    };

    let assign = {
        let reference = reference.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let reference = reference.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let input = AssignInput {
                    unit: unit.get_untracked(),
                };
                let result = api::assign_feedback(&reference, &input).await;
                if outcome(result, assign_errors, "Đã giao cho đơn vị xử lý.")
                    && answer_unit.get_untracked().is_empty()
                {
                    answer_unit.set(unit.get_untracked());
                }
            });
        }
    };
    let decline = {
        let reference = reference.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let Some(reason) = DeclineReason::from_code(&reason.get_untracked()) else {
                return;
            };
            let reference = reference.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let result = api::decline_feedback(&reference, &DeclineInput { reason }).await;
                outcome(result, assign_errors, "Đã chuyển sang “Không xử lý”.");
            });
        }
    };
    let answer = {
        let reference = reference.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let reference = reference.clone();
            let publishing = publish.get_untracked();
            let input = AnswerInput {
                body_html: rich_text::cleaned_html(body).unwrap_or_default(),
                publish: publishing,
                unit: Some(answer_unit.get_untracked()).filter(|unit| !unit.trim().is_empty()),
                // The wording is the public's only when it is published.
                public_title: publishing.then(|| public_title.get_untracked()),
                public_question: publishing.then(|| public_question.get_untracked()),
            };
            busy.set(true);
            leptos::task::spawn_local(async move {
                let result = api::answer_feedback(&reference, &input).await;
                let done = if publishing {
                    "Đã lưu câu trả lời và đăng lên trang Hỏi đáp."
                } else {
                    "Đã lưu câu trả lời. Người gửi xem được khi tra cứu."
                };
                if outcome(result, answer_errors, done) {
                    forget_draft();
                } else {
                    let first = ["body_html", "unit", "public_title", "public_question"]
                        .into_iter()
                        .find(|field| answer_errors.with_untracked(|e| e.contains_key(*field)));
                    match first {
                        Some("body_html") => focus_by_id(EDITOR_ID),
                        Some("unit") => focus_by_id("answer-unit"),
                        Some(field) => focus_by_id(&format!("answer-{}", field.replace('_', "-"))),
                        None => {}
                    }
                }
            });
        }
    };

    let error = |errors: RwSignal<BTreeMap<String, String>>, field: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(field).cloned()))
    };
    let described =
        |errors: RwSignal<BTreeMap<String, String>>, field: &'static str, id: &'static str| {
            move || errors.with(|e| e.contains_key(field)).then_some(id)
        };
    let record = move || current.get();
    view! {
        <h1 class="page-title">{move || record().title}</h1>
        <MessageArea message />
        <dl class="document-facts">
            <div><dt>"Mã số"</dt><dd>{move || record().reference}</dd></div>
            <div><dt>"Ngày gửi"</dt><dd>{move || format_display(&record().received_at)}</dd></div>
            <div><dt>"Người gửi"</dt><dd>{move || record().name}</dd></div>
            <div><dt>"Email"</dt><dd>{move || record().email}</dd></div>
            <div><dt>"Điện thoại"</dt><dd>{move || record().phone}</dd></div>
            <div><dt>"Lĩnh vực"</dt><dd>{move || record().field.map(|field| field.name).unwrap_or_else(|| "Không chọn".into())}</dd></div>
            <div><dt>"Tình trạng"</dt><dd class="feedback-state">{move || {
                let record = record();
                let mut state = record.status.label().to_string();
                if let Some(unit) = record.unit.filter(|_| record.status == FeedbackStatus::InProgress) {
                    state.push_str(&format!(": {unit}"));
                }
                if let Some(reason) = record.decline_reason {
                    state.push_str(&format!(": {}", reason.label()));
                }
                if record.published {
                    state.push_str(" · đã đăng trên trang Hỏi đáp");
                }
                state
            }}</dd></div>
            <div><dt>"Đồng ý công khai"</dt><dd>{move || if record().allow_publish { "Có" } else { "Không" }}</dd></div>
            {move || record().held_reason.map(|reason| view! {
                <div><dt>"Nghi là thư rác"</dt><dd>{reason}</dd></div>
            })}
        </dl>
        <h2 class="section-heading">"Nội dung"</h2>
        <p class="feedback-message">{move || record().message}</p>

        <section aria-labelledby="assign-heading" hidden=move || record().status == FeedbackStatus::Answered>
            <h2 id="assign-heading" class="section-heading">"Giao đơn vị xử lý"</h2>
            <form class="staff-inline-form" on:submit=assign>
                <div class="field">
                    <label for="assign-unit">"Đơn vị"</label>
                    <input id="assign-unit" type="text" maxlength=UNIT_MAX_CHARS
                        aria-describedby=described(assign_errors, "unit", "assign-unit-error")
                        prop:value=move || unit.get()
                        on:input=move |event| unit.set(event_target_value(&event)) />
                    <FieldError id="assign-unit-error".to_string() error=error(assign_errors, "unit") />
                </div>
                <button type="submit" class="button" disabled=move || busy.get()>"Giao xử lý"</button>
            </form>
        </section>

        <section aria-labelledby="answer-heading">
            <h2 id="answer-heading" class="section-heading">"Trả lời"</h2>
            <form class="staff-form" on:submit=answer>
                <div class="field">
                    <p id="answer-body-label" class="field-label" on:click=move |_| focus_by_id(EDITOR_ID)>"Nội dung trả lời"</p>
                    <p class="notice notice-info" hidden=move || !using_draft.get()>
                        "Đang dùng bản nháp lưu trên máy này, chưa được lưu lên máy chủ. "
                        <button type="button" class="button button-small button-secondary" on:click=discard_draft>
                            "Bỏ bản nháp"
                        </button>
                    </p>
                    <RichText
                        editor=body
                        labelled_by="answer-body-label"
                        described_by=Signal::derive(move || answer_errors.with(|e| e.contains_key("body_html")).then(|| "answer-body-error".to_string()))
                        on_change=keep_draft
                    />
                    <FieldError id="answer-body-error".to_string() error=error(answer_errors, "body_html") />
                </div>
                <div class="field">
                    <label for="answer-unit">"Đơn vị trả lời"</label>
                    <input id="answer-unit" type="text" maxlength=UNIT_MAX_CHARS
                        aria-describedby=described(answer_errors, "unit", "answer-unit-error")
                        prop:value=move || answer_unit.get()
                        on:input=move |event| answer_unit.set(event_target_value(&event)) />
                    <FieldError id="answer-unit-error".to_string() error=error(answer_errors, "unit") />
                </div>
                <div class="field field-check">
                    <input id="answer-publish" type="checkbox"
                        disabled=move || !record().allow_publish
                        aria-describedby=move || if answer_errors.with(|e| e.contains_key("publish")) { "answer-publish-note answer-publish-error" } else { "answer-publish-note" }
                        prop:checked=move || publish.get()
                        on:change=move |event| publish.set(event_target_checked(&event)) />
                    <div>
                        <label for="answer-publish">"Đăng câu hỏi và câu trả lời lên trang Hỏi đáp"</label>
                        <p id="answer-publish-note" class="hint">{move || if record().allow_publish {
                            "Người gửi đã đồng ý. Trang Hỏi đáp chỉ hiện tên gọi, không hiện email, số điện thoại."
                        } else {
                            "Người gửi không đồng ý công khai: câu trả lời chỉ gửi riêng cho người gửi."
                        }}</p>
                        <FieldError id="answer-publish-error".to_string() error=error(answer_errors, "publish") />
                    </div>
                </div>
                // What the public reads: the citizen's words with email addresses and phone
                // numbers masked, for staff to take out a name or an address before publishing.
                <fieldset class="public-wording" hidden=move || !publish.get()>
                    <legend>"Nội dung đăng công khai"</legend>
                    <div class="field">
                        <label for="answer-public-title">"Tiêu đề"</label>
                        <input id="answer-public-title" type="text" maxlength=TITLE_MAX_CHARS
                            aria-describedby=described(answer_errors, "public_title", "answer-public-title-error")
                            prop:value=move || public_title.get()
                            on:input=move |event| public_title.set(event_target_value(&event)) />
                        <FieldError id="answer-public-title-error".to_string() error=error(answer_errors, "public_title") />
                    </div>
                    <div class="field">
                        <label for="answer-public-question">"Câu hỏi"</label>
                        <textarea id="answer-public-question" rows="5" maxlength=MESSAGE_MAX_CHARS
                            aria-describedby=described(answer_errors, "public_question", "answer-public-question-error")
                            prop:value=move || public_question.get()
                            on:input=move |event| public_question.set(event_target_value(&event))></textarea>
                        <FieldError id="answer-public-question-error".to_string() error=error(answer_errors, "public_question") />
                    </div>
                </fieldset>
                <button type="submit" class="button" disabled=move || busy.get()>"Lưu câu trả lời"</button>
            </form>
        </section>

        <section aria-labelledby="decline-heading" hidden=move || record().status == FeedbackStatus::Answered>
            <h2 id="decline-heading" class="section-heading">"Không xử lý"</h2>
            <form class="staff-inline-form" on:submit=decline>
                <div class="field">
                    <label for="decline-reason">"Lý do"</label>
                    <select id="decline-reason" prop:value=move || reason.get()
                        on:change=move |event| reason.set(event_target_value(&event))>
                        {DeclineReason::ALL.into_iter().map(|choice| view! {
                            <option value=choice.code()>{choice.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-secondary" disabled=move || busy.get()>"Không xử lý"</button>
            </form>
        </section>
    }
}
