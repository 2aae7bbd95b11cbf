//! `/quan-tri/nhat-ky?trang=N`: the audit log, newest first (admins). Nobody can change it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use portal_contract::staff::{AuditEntry, StaffRole};

use crate::api;
use crate::app::BASE;
use crate::ui::{loaded, page_number, when, Pager, RequireRole};

const PER_PAGE: u32 = 50;

/// What happened, as staff say it; a code this app does not know yet, as it is.
fn action_label(action: &str) -> &str {
    match action {
        "sign_in" => "Đăng nhập",
        "sign_in_failed" => "Đăng nhập sai",
        "sign_out" => "Đăng xuất",
        "user_added" => "Thêm tài khoản",
        "user_role_changed" => "Đổi vai trò",
        "user_disabled" => "Khóa tài khoản",
        "user_enabled" => "Mở khóa tài khoản",
        "user_password_reset" => "Đặt lại mật khẩu",
        "article_created" => "Tạo bài viết",
        "article_saved" => "Lưu bài viết",
        "article_submitted" => "Gửi duyệt",
        "article_published" => "Đăng bài",
        "article_scheduled" => "Hẹn giờ đăng",
        "article_unscheduled" => "Hủy hẹn giờ",
        "article_unpublished" => "Gỡ bài",
        "article_restored" => "Khôi phục bản cũ",
        "photo_uploaded" => "Tải ảnh lên",
        "schedule_edited" => "Sửa lịch công tác",
        "links_edited" => "Sửa liên kết",
        other => other,
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let page = Memo::new(move |_| page_number(&query.read()));
    let entries = LocalResource::new(move || {
        let page = page.get();
        async move { api::audit(page, PER_PAGE).await }
    });
    view! {
        <Title text="Nhật ký" />
        <h1 class="page-title">"Nhật ký hoạt động"</h1>
        <RequireRole role=StaffRole::Admin>
            {loaded(entries, |list| {
                let (current, count) = (list.page, list.page_count());
                if list.items.is_empty() {
                    return view! { <p class="empty">"Nhật ký chưa có gì."</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="audit-caption">
                        <table class="staff-table">
                            <caption id="audit-caption">{format!("{} sự kiện, mới nhất trước", list.total)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Lúc"</th>
                                    <th scope="col">"Người làm"</th>
                                    <th scope="col">"Địa chỉ"</th>
                                    <th scope="col">"Việc"</th>
                                    <th scope="col">"Đối tượng"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.items.into_iter().map(|entry: AuditEntry| view! {
                                    <tr>
                                        <td>{when(&entry.at)}</td>
                                        <td>{entry.actor.unwrap_or_else(|| "—".into())}</td>
                                        <td>{entry.address.map(|address| if address == "cli" { "Dòng lệnh".to_string() } else { address }).unwrap_or_else(|| "—".into())}</td>
                                        <td>{action_label(&entry.action).to_string()}</td>
                                        <td>{entry.subject}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Pager current count href=|n| format!("{BASE}/nhat-ky?trang={n}") />
                }
                .into_any()
            })}
        </RequireRole>
    }
}
