//! `/gui-y-kien`: feedback on the portal in general.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::feedback_form::FeedbackForm;

#[component]
pub fn FeedbackPage() -> impl IntoView {
    view! {
        <Title text="Gửi ý kiến phản hồi" />
        <Meta name="description" content="Gửi ý kiến, kiến nghị của người dân tới UBND huyện Bình Liêu." />
        <h1 class="page-title">"Gửi ý kiến phản hồi"</h1>
        <p>"Ý kiến, kiến nghị của bạn được chuyển tới Văn phòng HĐND và UBND huyện. Chúng tôi trả lời qua email hoặc số điện thoại bạn để lại."</p>
        <FeedbackForm />
    }
}
