//! The bottom of every page: who runs the portal and how to reach them.

use crate::site::use_site;
use crate::urls::{self, FULL_APP_LINK_REL};
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let site = use_site();
    let contacts = move || {
        site.get().and_then(Result::ok).map(|site| {
            let contacts = site.contacts;
            let phone_href = portal_contract::about::tel_href(&contacts.phone);
            let email_href = format!("mailto:{}", contacts.email);
            view! {
                <p class="footer-name">{site.name}</p>
                <p>"Cơ quan chủ quản: " {contacts.agency}</p>
                <address>
                    <p>"Địa chỉ: " {contacts.address}</p>
                    <p>"Điện thoại: " <a href=phone_href>{contacts.phone}</a></p>
                    <p>"Thư điện tử: " <a href=email_href>{contacts.email}</a></p>
                </address>
                <p>"Chịu trách nhiệm nội dung: " {contacts.responsible}</p>
            }
        })
    };
    view! {
        <footer class="site-footer">
            <div class="site-footer-inner">
                <nav class="footer-links" aria-label="Tiện ích">
                    <ul>
                        <li><a href=urls::DOCUMENTS>"Văn bản"</a></li>
                        <li><a href=urls::PROCEDURES>"Thủ tục hành chính"</a></li>
                        <li><a href=urls::SCHEDULE>"Lịch công tác"</a></li>
                        <li><a href=urls::MAP rel=FULL_APP_LINK_REL>"Bản đồ huyện"</a></li>
                        <li><a href=urls::LINKS>"Website liên kết"</a></li>
                        <li><a href=urls::QUESTIONS>"Hỏi đáp"</a></li>
                        <li><a href=urls::ABOUT>"Giới thiệu"</a></li>
                        <li><a href=urls::ORGANIZATION>"Cơ cấu tổ chức"</a></li>
                        <li><a href=urls::FEEDBACK>"Gửi ý kiến"</a></li>
                        <li><a href=urls::LOOKUP>"Tra cứu ý kiến đã gửi"</a></li>
                        <li><a href=urls::SAVED>"Bài đã lưu (đọc khi mất mạng)"</a></li>
                        <li><a href=urls::EMBED_GALLERY rel=FULL_APP_LINK_REL>"Nhúng tiện ích"</a></li>
                    </ul>
                </nav>
                {contacts}
            </div>
        </footer>
    }
}
