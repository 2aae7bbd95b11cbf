//! Website liên kết: a compact chooser of linked websites.

use leptos::prelude::*;
use portal_contract::LinkGroup;

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::Block;
use crate::urls;

#[component]
pub fn LinksBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    let groups = LocalResource::new(api::links);
    view! {
        <Block id="links" heading=t.links_title>
            {loaded(groups, Fit::block(t.links_none), |groups| view! { <LinkChooser groups /> })}
            <p class="more-link"><a href=urls::LINKS>{t.links_all}</a></p>
        </Block>
    }
}

/// A select box and a button: choosing alone never navigates (WCAG 3.2.2, on input).
#[component]
fn LinkChooser(groups: Vec<LinkGroup>) -> impl IntoView {
    let t = crate::i18n::texts();
    let chosen = RwSignal::new(String::new());
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let url = chosen.get_untracked();
        if url.is_empty() {
            return;
        }
        if let Some(window) = web_sys::window() {
            // A new tab, without giving the other site a handle on the portal's window.
            let _ =
                window.open_with_url_and_target_and_features(&url, "_blank", "noopener,noreferrer");
        }
    };
    view! {
        <form class="link-chooser" on:submit=open>
            <label for="link-chooser-select" class="visually-hidden">{t.links_choose_label}</label>
            <select id="link-chooser-select" on:change=move |event| chosen.set(event_target_value(&event))>
                <option value="">{t.links_choose}</option>
                {groups.into_iter().map(|group| view! {
                    <optgroup label=group.name>
                        {group.links.into_iter().map(|link| view! { <option value=link.url>{link.name}</option> }).collect_view()}
                    </optgroup>
                }).collect_view()}
            </select>
            <button type="submit" class="button button-small">{t.links_go}</button>
        </form>
    }
}

/// Every group with its websites, each opening in a new tab.
#[component]
pub fn LinkGroupsList(groups: Vec<LinkGroup>) -> impl IntoView {
    let t = crate::i18n::texts();
    if groups.is_empty() {
        return view! { <p class="empty">{t.links_none}</p> }.into_any();
    }
    groups
        .into_iter()
        .map(|group| {
            view! {
                <section class="link-group">
                    <h2 class="section-heading">{group.name}</h2>
                    <ul class="link-list">
                        {group.links.into_iter().map(|link| view! {
                            <li>
                                <a href=link.url target="_blank" rel="noopener noreferrer">
                                    {link.name}
                                    <span class="visually-hidden">{t.links_new_tab}</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
        .into_any()
}
