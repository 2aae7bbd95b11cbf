//! `/lien-ket`: every linked website, by group.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api;
use crate::components::status::loaded;

#[component]
pub fn LinksPage() -> impl IntoView {
    let groups = LocalResource::new(api::links);
    view! {
        <Title text="Website liên kết" />
        <Meta name="description" content="Các cổng thông tin của Trung ương, tỉnh Quảng Ninh và các địa phương, sở, ngành." />
        <h1 class="page-title">"Website liên kết"</h1>
        {loaded(groups, 8, |groups| {
            if groups.is_empty() {
                return view! { <p class="empty">"Chưa có website liên kết."</p> }.into_any();
            }
            groups
                .into_iter()
                .map(|group| view! {
                    <section class="link-group">
                        <h2 class="section-heading">{group.name}</h2>
                        <ul class="link-list">
                            {group.links.into_iter().map(|link| view! {
                                <li>
                                    <a href=link.url target="_blank" rel="noopener noreferrer">
                                        {link.name}
                                        <span class="visually-hidden">" (mở trong thẻ mới)"</span>
                                    </a>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                })
                .collect_view()
                .into_any()
        })}
    }
}
