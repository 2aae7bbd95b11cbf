//! `/lien-ket`: every linked website, by group.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::links::LinkGroupsList;

#[component]
pub fn LinksPage() -> impl IntoView {
    let groups = LocalResource::new(api::links);
    view! {
        <Title text="Website liên kết" />
        <Meta name="description" content="Các cổng thông tin của Trung ương, tỉnh Quảng Ninh và các địa phương, sở, ngành." />
        <h1 class="page-title">"Website liên kết"</h1>
        {loaded(groups, Fit::page(8), |groups| view! { <LinkGroupsList groups /> })}
    }
}
