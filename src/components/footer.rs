//! The bottom of every page: who runs the portal and how to reach them.

use leptos::prelude::*;
use portal_contract::Site;

use crate::api::ApiFailure;
use crate::app::FULL_APP_LINK_REL;

#[component]
pub fn Footer(site: LocalResource<Result<Site, ApiFailure>>) -> impl IntoView {
    let contacts = move || {
        site.get().and_then(Result::ok).map(|site| {
            let contacts = site.contacts;
            let phone_href = format!("tel:{}", contacts.phone.replace([' ', '.'], ""));
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
                        <li><a href="/lich-cong-tac">"Lịch công tác"</a></li>
                        <li><a href="/ban-do" rel=FULL_APP_LINK_REL>"Bản đồ huyện"</a></li>
                        <li><a href="/lien-ket">"Website liên kết"</a></li>
                        <li><a href="/gui-y-kien">"Gửi ý kiến"</a></li>
                        <li><a href="/nhung" rel=FULL_APP_LINK_REL>"Nhúng tiện ích"</a></li>
                    </ul>
                </nav>
                {contacts}
            </div>
        </footer>
    }
}
