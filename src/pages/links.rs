//! `/lien-ket`: every linked website, by group.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::links::LinkGroupsList;

#[component]
pub fn LinksPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let groups = LocalResource::new(api::links);
    crate::reading_view::hand_over_when_loaded(groups);
    view! {
        <Title text=t.links_title />
        <Meta name="description" content=t.links_description />
        <h1 class="page-title">{t.links_title}</h1>
        {loaded(groups, Fit::page(8), |groups| view! { <LinkGroupsList groups /> })}
    }
}
