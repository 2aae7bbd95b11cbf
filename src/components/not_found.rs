//! The page for an address the portal does not have, and for content that is gone: the
//! router's fallback, and what `status::loaded` shows when a page's own content answers 404.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::urls;

/// The page for an address the portal does not have.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="Không tìm thấy trang" />
        <Meta name="description" content="Trang bạn tìm không tồn tại trên Cổng thông tin điện tử huyện Bình Liêu." />
        <section class="not-found">
            <h1>"Không tìm thấy trang"</h1>
            <p>"Trang bạn tìm không tồn tại hoặc đã được chuyển đi."</p>
            <p><a class="button" href=urls::HOME>"Về trang chủ"</a></p>
        </section>
    }
}
