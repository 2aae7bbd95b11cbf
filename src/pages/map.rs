//! `/ban-do`: the district map, its layers by kind of place, and the same places as a list
//! that filters as you type; choosing a place in the list shows it on the map.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use portal_contract::{fill, fold_decomposed, Place, PlaceKind};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiFailure};
use crate::components::counts::plural;
use crate::components::map::{leaflet_assets, DistrictMap, MapHandle};
use crate::components::status::{loaded, ErrorNotice, Fit};
use crate::site::use_site;

#[component]
pub fn MapPage() -> impl IntoView {
    let t = crate::i18n::texts();
    let places = LocalResource::new(api::map);
    view! {
        <Title text=t.map_title />
        <Meta name="description" content=t.map_description />
        <h1 class="page-title">{t.map_heading}</h1>
        {loaded(places, Fit::page(6), move |collection| {
            if collection.features.is_empty() {
                return view! { <p class="empty">{t.map_no_data}</p> }.into_any();
            }
            view! { <PlacesAndMap places=collection.features /> }.into_any()
        })}
    }
}

#[component]
fn PlacesAndMap(places: Vec<Place>) -> impl IntoView {
    let t = crate::i18n::texts();
    let kinds: Vec<(PlaceKind, usize)> = PlaceKind::ALL
        .into_iter()
        .map(|kind| {
            let count = places.iter().filter(|p| p.properties.kind == kind).count();
            (kind, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    let shown = RwSignal::new(kinds.iter().map(|(kind, _)| *kind).collect::<BTreeSet<_>>());
    let approximate = places.iter().any(|place| place.properties.approximate);
    let filter = RwSignal::new(String::new());
    let handle = StoredValue::new_local(None::<MapHandle>);
    let places = StoredValue::new(places);
    // Indexes of the places the list shows: in a shown layer, and whose name, kind or address
    // holds what was typed, tone marks and case ignored ("hoanh mo" finds "Hoành Mô"). As a
    // phrase: "dong van" is Đồng Văn, not Khe Vằn in Húc Động.
    let listed = Memo::new(move |_| {
        let phrase = words(&fold(&filter.get()));
        let shown = shown.get();
        places.with_value(|places| {
            places
                .iter()
                .enumerate()
                .filter(|(_, place)| shown.contains(&place.properties.kind))
                .filter(|(_, place)| {
                    let properties = &place.properties;
                    let address = properties.address.as_deref().unwrap_or("");
                    [properties.name.as_str(), properties.kind.label(), address]
                        .iter()
                        .any(|text| words(&fold(text)).contains(&phrase))
                })
                .map(|(index, _)| index)
                .collect::<Vec<_>>()
        })
    });
    let show_on_map = move |index: usize, from: Option<web_sys::HtmlElement>| {
        let place = places.with_value(|places| places[index].clone());
        if let Some(handle) = handle.get_value() {
            handle.show(&place, from);
        }
    };

    view! {
        {approximate.then(|| view! {
            <p class="map-disclaimer">{t.map_disclaimer}</p>
        })}
        <div class="map-layout">
            <div class="map-column">
                <fieldset class="map-layers">
                    <legend>{t.map_layers}</legend>
                    {kinds.into_iter().map(|(kind, count)| view! {
                        <label class="map-layer">
                            <input
                                type="checkbox"
                                prop:checked=move || shown.with(|shown| shown.contains(&kind))
                                on:change=move |event| {
                                    let on = event_target_checked(&event);
                                    shown.update(|shown| {
                                        if on { shown.insert(kind); } else { shown.remove(&kind); }
                                    });
                                }
                            />
                            <span class=format!("layer-swatch place-marker kind-{}", kind.code()) aria-hidden="true"></span>
                            {kind.label()} " (" {count} ")"
                        </label>
                    }).collect_view()}
                </fieldset>
                <MapArea places=places.get_value() shown=shown on_ready=Callback::new(move |h| handle.set_value(Some(h))) />
            </div>
            <section class="place-list-section" aria-labelledby="place-list-heading">
                <h2 id="place-list-heading" class="section-heading">{t.map_places_heading}</h2>
                <div class="field">
                    <label for="place-filter">{t.map_filter_label}</label>
                    <input
                        id="place-filter"
                        type="search"
                        autocomplete="off"
                        prop:value=move || filter.get()
                        on:input=move |event| filter.set(event_target_value(&event))
                    />
                </div>
                <p class="place-count" role="status">
                    {move || match listed.with(Vec::len) {
                        0 => t.map_no_places.to_string(),
                        count => fill(
                            plural(count as u64, t.map_places_count_one, t.map_places_count),
                            &[("n", &count.to_string())],
                        ),
                    }}
                </p>
                <ul class="place-list">
                    <For each=move || listed.get() key=|index| *index let:index>
                        {places.with_value(|places| {
                            let place = &places[index];
                            let meta = match &place.properties.address {
                                Some(address) => format!("{} · {address}", place.properties.kind.label()),
                                None => place.properties.kind.label().to_string(),
                            };
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="place-button"
                                        data-place=place.id.clone()
                                        on:click=move |event| {
                                            let button = event
                                                .current_target()
                                                .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
                                            show_on_map(index, button);
                                        }
                                    >
                                        <span class="place-name">{place.properties.name.clone()}</span>
                                        <span class="place-meta">{meta}</span>
                                    </button>
                                </li>
                            }
                        })}
                    </For>
                </ul>
            </section>
        </div>
    }
}

/// The map once Leaflet and the site's tile settings are in; until then a box of the map's
/// size, and if either fails, a notice with a retry (the list keeps working meanwhile).
#[component]
fn MapArea(
    places: Vec<Place>,
    shown: RwSignal<BTreeSet<PlaceKind>>,
    on_ready: Callback<MapHandle>,
) -> impl IntoView {
    let leaflet = LocalResource::new(leaflet_assets::load);
    let site = use_site();
    let base_map_failed = RwSignal::new(false);
    let t = crate::i18n::texts();
    view! {
        <div class="map-status" role="status">
            {move || base_map_failed.get().then(|| view! {
                <p class="map-notice">{t.map_base_failed}</p>
            })}
        </div>
        {move || match (leaflet.get(), site.get()) {
            (Some(Err(())), _) => view! {
                <ErrorNotice failure=ApiFailure::Network retry=Callback::new(move |_| leaflet.refetch()) />
            }.into_any(),
            (_, Some(Err(failure))) => view! {
                <ErrorNotice failure retry=Callback::new(move |_| site.refetch()) />
            }.into_any(),
            (Some(Ok(())), Some(Ok(site))) => view! {
                <DistrictMap
                    places=places.clone()
                    tiles=site.map_tiles
                    shown=shown
                    on_ready=on_ready
                    base_map_failed=base_map_failed
                    label=t.map_heading
                />
            }.into_any(),
            _ => view! {
                <div class="district-map placeholder" aria-busy="true">
                    <span class="visually-hidden" role="status">{t.map_loading}</span>
                </div>
            }.into_any(),
        }}
    }
}

/// `text`'s words, one space apart: punctuation and runs of spaces do not break a match.
fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase, without tone marks, `đ` as `d`: decomposed by the browser, whose Unicode tables
/// cost the wasm nothing (the contract's `fold` would link 100 KB of them).
fn fold(text: &str) -> String {
    fold_decomposed(&String::from(js_sys::JsString::from(text).normalize("NFD")))
}
