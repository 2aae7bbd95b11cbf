//! `/quan-tri/bai-viet/{id}/lich-su`: every saved version of an article, what changed between
//! any two, and restoring an old one (which makes a new version: nothing is erased).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use portal_contract::editorial::{ChangeKind, FieldDiff, RevisionDiff, RevisionSummary};
use portal_contract::staff::StaffRole;

use crate::api;
use crate::app::{article_href, BASE};
use crate::ui::{loaded, when, Message, MessageArea, RequireRole};

fn reason_label(reason: &str) -> String {
    match reason {
        "created" => "Tạo mới".into(),
        "saved" => "Lưu".into(),
        "restored" => "Khôi phục bản cũ".into(),
        "imported" => "Nhập từ tệp".into(),
        other => other.into(),
    }
}

fn field_label(field: &str) -> String {
    match field {
        "title" => "Tiêu đề".into(),
        "summary" => "Tóm tắt".into(),
        "body" | "body_html" => "Nội dung".into(),
        "category" => "Chuyên mục".into(),
        "author" => "Tác giả".into(),
        "featured" => "Nổi bật".into(),
        "image" => "Ảnh đại diện".into(),
        other => other.into(),
    }
}

#[component]
pub fn RevisionsPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    });
    view! {
        <Title text="Lịch sử sửa đổi" />
        <RequireRole role=StaffRole::Approver>
            {move || match id.get() {
                Some(id) => view! { <Revisions id /> }.into_any(),
                None => view! {
                    <h1 class="page-title">"Không tìm thấy bài viết"</h1>
                    <p><a href=BASE>"Về danh sách bài viết"</a></p>
                }
                .into_any(),
            }}
        </RequireRole>
    }
}

#[component]
fn Revisions(id: i64) -> impl IntoView {
    let revisions = LocalResource::new(move || api::revisions(id));
    let article = LocalResource::new(move || api::article(id));
    let message = RwSignal::new(Message::None);
    let from = RwSignal::new(None::<i64>);
    let to = RwSignal::new(None::<i64>);
    let diff = RwSignal::new(None::<Result<RevisionDiff, api::Failure>>);

    // The two newest versions are compared first: what the last save changed.
    Effect::new(move || {
        if let Some(Ok(list)) = revisions.get() {
            to.set(list.first().map(|revision| revision.number));
            from.set(list.get(1).or(list.first()).map(|revision| revision.number));
        }
    });
    let compare = move || {
        let (Some(from), Some(to)) = (from.get_untracked(), to.get_untracked()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            diff.set(Some(api::diff(id, from, to).await));
        });
    };
    let restore = move |number: i64| {
        let version = article
            .get_untracked()
            .and_then(Result::ok)
            .map(|article| article.version);
        leptos::task::spawn_local(async move {
            let result = match version {
                Some(version) => api::restore(id, number, version).await,
                None => Err(api::Failure::NotFound),
            };
            match result {
                Ok(_) => {
                    message.set(Message::Done(format!(
                        "Đã khôi phục bản {number}: nội dung đó giờ là bản mới nhất của bài (chưa đăng lại)."
                    )));
                    revisions.refetch();
                    article.refetch();
                    diff.set(None);
                }
                Err(failure) => {
                    message.set(Message::Problem(format!(
                        "Chưa khôi phục được bản {number}. {}",
                        failure.message()
                    )));
                    article.refetch();
                }
            }
        });
    };

    let title = move || {
        article
            .get()
            .and_then(Result::ok)
            .map(|article| article.content.title)
            .unwrap_or_default()
    };
    view! {
        <div class="staff-page-head">
            <h1 class="page-title">"Lịch sử sửa đổi"</h1>
            <a href=article_href(id)>"‹ Quay lại sửa bài"</a>
        </div>
        <p class="staff-status-line">{title}</p>
        <MessageArea message />
        {loaded(revisions, move |list: Vec<RevisionSummary>| {
            let choices = list.clone();
            let options = move |chosen: RwSignal<Option<i64>>| {
                choices.iter()
                    .map(|revision| {
                        let number = revision.number;
                        view! {
                            <option value=number.to_string() prop:selected=move || chosen.get() == Some(number)>
                                {format!("Bản {number} – {}", when(&revision.saved_at))}
                            </option>
                        }
                    })
                    .collect_view()
            };
            let newest = list.first().map(|revision| revision.number);
            view! {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="revisions-caption">
                    <table class="staff-table">
                        <caption id="revisions-caption">"Các bản đã lưu, mới nhất trước"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Bản"</th>
                                <th scope="col">"Lúc"</th>
                                <th scope="col">"Người lưu"</th>
                                <th scope="col">"Lý do"</th>
                                <th scope="col">"Khôi phục"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.iter().map(|revision| {
                                let number = revision.number;
                                view! {
                                    <tr>
                                        <td>{number}</td>
                                        <td>{when(&revision.saved_at)}</td>
                                        <td>{revision.saved_by.clone().unwrap_or_else(|| "Hệ thống".into())}</td>
                                        <td>{reason_label(&revision.reason)}</td>
                                        <td>
                                            {if Some(number) == newest {
                                                view! { <span>"Bản hiện tại"</span> }.into_any()
                                            } else {
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="button button-small button-secondary"
                                                        aria-label=format!("Khôi phục bản {number}")
                                                        on:click=move |_| restore(number)
                                                    >
                                                        "Khôi phục"
                                                    </button>
                                                }
                                                .into_any()
                                            }}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <form
                    class="staff-compare"
                    on:submit=move |event| {
                        event.prevent_default();
                        compare();
                    }
                >
                    <div class="field">
                        <label for="diff-from">"So sánh từ bản"</label>
                        <select id="diff-from" on:change=move |event| from.set(event_target_value(&event).parse().ok())>
                            {options(from)}
                        </select>
                    </div>
                    <div class="field">
                        <label for="diff-to">"Đến bản"</label>
                        <select id="diff-to" on:change=move |event| to.set(event_target_value(&event).parse().ok())>
                            {options(to)}
                        </select>
                    </div>
                    <button type="submit" class="button">"So sánh"</button>
                </form>
            }
        })}
        <section class="staff-diff" aria-live="polite">
            {move || diff.get().map(|result| match result {
                Ok(diff) => view! { <DiffView diff /> }.into_any(),
                Err(failure) => view! { <p class="notice notice-problem">{failure.message()}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn DiffView(diff: RevisionDiff) -> impl IntoView {
    let heading = format!("Thay đổi từ bản {} đến bản {}", diff.from, diff.to);
    if diff.fields.is_empty() {
        return view! {
            <h2>{heading}</h2>
            <p class="empty">"Hai bản giống nhau."</p>
        }
        .into_any();
    }
    view! {
        <h2>{heading}</h2>
        <p class="hint">"Phần bị xóa được gạch ngang, phần thêm vào được gạch chân."</p>
        {diff.fields.into_iter().map(|field: FieldDiff| view! {
            <h3>{field_label(&field.field)}</h3>
            <p class="diff">
                {field.changes.into_iter().map(|change| match change.kind {
                    ChangeKind::Same => view! { <span>{change.text}</span> }.into_any(),
                    // Screen readers do not say where a deletion or an insertion is.
                    ChangeKind::Removed => view! {
                        <del><span class="visually-hidden">"[Đã xóa: "</span>{change.text}<span class="visually-hidden">"]"</span></del>
                    }
                    .into_any(),
                    ChangeKind::Added => view! {
                        <ins><span class="visually-hidden">"[Đã thêm: "</span>{change.text}<span class="visually-hidden">"]"</span></ins>
                    }
                    .into_any(),
                }).collect_view()}
            </p>
        }).collect_view()}
    }
    .into_any()
}
