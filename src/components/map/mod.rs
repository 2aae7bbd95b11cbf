//! The district map on Leaflet: base tiles from the site's settings, one layer per kind of
//! place, and a popup per place. Leaflet's files load only when a map is shown.

pub mod leaflet_assets;
pub mod popup;

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_leaflet::prelude::{MapContainer, PopupEvents, Position};
use portal_contract::map::extent;
use portal_contract::{Geometry, MapTiles, Place, PlaceKind};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::html;

/// How far the map zooms in to a place chosen from the list (at least).
const PLACE_ZOOM: f64 = 14.0;

/// The handle of a drawn map, for the list beside it to show a place.
#[derive(Clone, Copy)]
pub struct MapHandle {
    map: ReadSignal<Option<leaflet::Map>, LocalStorage>,
    /// Where the keyboard goes back to when the open popup closes.
    return_focus: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl MapHandle {
    /// Centres `place` on the map, opens its popup and moves the keyboard into it; `from`
    /// gets the keyboard back when the popup closes. Does nothing before the map is drawn.
    pub fn show(&self, place: &Place, from: Option<web_sys::HtmlElement>) {
        let Some(map) = self.map.get_untracked() else {
            return;
        };
        match &place.geometry {
            Geometry::Point {
                coordinates: [lng, lat],
            } => {
                let zoom = map.get_zoom().max(PLACE_ZOOM);
                map.set_view(&leaflet::LatLng::new(*lat, *lng), zoom);
            }
            Geometry::Polygon { .. } => fit(&map, place.geometry.bounds(), true),
        }
        popup::open(&map, place, true);
        // Set after opening: opening closes the previous popup, which returns its focus.
        self.return_focus.set_value(from);
    }

    /// Gives the keyboard back to where it was before a popup took it.
    fn popup_closed(&self) {
        if let Some(element) = self.return_focus.get_value() {
            self.return_focus.set_value(None);
            let _ = element.focus();
        }
    }
}

/// Shows `bounds` whole; `animate` as a pan and zoom the reader follows, else at once.
fn fit(map: &leaflet::Map, bounds: Option<[f64; 4]>, animate: bool) {
    if let Some([west, south, east, north]) = bounds {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"animate".into(), &animate.into());
        map.fit_bounds_with_options(
            &leaflet::LatLngBounds::new(
                &leaflet::LatLng::new(south, west),
                &leaflet::LatLng::new(north, east),
            ),
            &options,
        );
    }
}

/// The map itself. `shown` is the set of kinds whose layer is on; `on_ready` receives the
/// handle once Leaflet has drawn the map; `base_map_failed` turns true when tiles cannot load.
///
/// Leptos draws the container (leptos-leaflet's `MapContainer`); the places are Leaflet layers
/// made here directly, one group per kind. leptos-leaflet's `Marker` and `Polygon` components
/// would do the same at about 100 KB more wasm, paid on every page of the portal.
#[component]
pub fn DistrictMap(
    places: Vec<Place>,
    tiles: MapTiles,
    #[prop(into)] shown: Signal<BTreeSet<PlaceKind>>,
    on_ready: Callback<MapHandle>,
    base_map_failed: RwSignal<bool>,
    /// The map's accessible name.
    label: &'static str,
) -> impl IntoView {
    let (map, set_map) = signal_local(None::<leaflet::Map>);
    let handle = MapHandle {
        map,
        return_focus: StoredValue::new_local(None),
    };
    let container = NodeRef::<leptos::html::Div>::new();
    // Listeners handed to Leaflet live as long as this component, which removes the map.
    let listeners = StoredValue::new_local(Vec::<Listener>::new());
    let groups = StoredValue::new_local(Vec::<KindLayer>::new());
    let all_bounds = extent(&places);
    let places = StoredValue::new_local(places);

    // When Leaflet has made the map: fit it to the district, add the tiles and the places
    // (once); then, every time, put on the map exactly the layers that are switched on.
    Effect::new(move |_| {
        let shown = shown.get();
        let Some(leaflet_map) = map.get() else {
            return;
        };
        if groups.with_value(Vec::is_empty) {
            // At once: the first view is the district, not a zoom towards it (during which a
            // click or tap on a moving marker would miss).
            fit(&leaflet_map, all_bounds, false);
            let on_tile_error = add_tiles(&leaflet_map, &tiles, base_map_failed);
            let (made, on_clicks) = places.with_value(|places| place_layers(&leaflet_map, places));
            listeners.update_value(|listeners| {
                listeners.push(on_tile_error);
                listeners.extend(on_clicks);
            });
            groups.set_value(made);
            if let Some(element) = container.get_untracked() {
                let _ = element.set_attribute("role", "region");
                let _ = element.set_attribute("aria-label", label);
            }
            on_ready.run(handle);
        }
        groups.with_value(|groups| {
            for (kind, group) in groups {
                let layer: &leaflet::Layer = group.unchecked_ref();
                let on_map = leaflet_map.has_layer(layer);
                if shown.contains(kind) && !on_map {
                    leaflet_map.add_layer(layer);
                } else if !shown.contains(kind) && on_map {
                    leaflet_map.remove_layer(layer);
                }
            }
        });
    });

    view! {
        <MapContainer
            class="district-map"
            node_ref=container
            center=Position::new(21.55, 107.4)
            zoom=10.0
            scroll_wheel_zoom=false
            // Half steps let the district fill a phone's map instead of a quarter of it.
            zoom_snap=0.5
            map=set_map
            popup_events=PopupEvents::new().on_popup_close(move |_| handle.popup_closed())
            // Leaflet closes a popup on Escape only while the map itself has the focus; a
            // reader who came from the list has it inside the popup.
            on:keydown=move |event: web_sys::KeyboardEvent| {
                if event.key() == "Escape" {
                    if let Some(map) = map.get_untracked() {
                        popup::close(&map);
                    }
                }
            }
        />
    }
}

/// A kind of place and the Leaflet group that holds its layer.
type KindLayer = (PlaceKind, leaflet::LayerGroup);
/// A listener handed to Leaflet: kept alive as long as the map.
type Listener = Closure<dyn Fn()>;

/// One layer group per kind of place, each place a marker (points) or an outline (areas)
/// that opens its popup when clicked. Returns the groups and the click listeners.
fn place_layers(map: &leaflet::Map, places: &[Place]) -> (Vec<KindLayer>, Vec<Listener>) {
    let mut groups: Vec<KindLayer> = Vec::new();
    let mut listeners = Vec::new();
    for place in places {
        let kind = place.properties.kind;
        let layer = place_layer(place);
        let on_click = {
            let (map, place) = (map.clone(), place.clone());
            Closure::<dyn Fn()>::new(move || popup::open(&map, &place, false))
        };
        layer
            .unchecked_ref::<leaflet::Evented>()
            .on("click", on_click.as_ref());
        listeners.push(on_click);
        let group = match groups.iter().position(|(k, _)| *k == kind) {
            Some(index) => &groups[index].1,
            None => {
                groups.push((kind, leaflet::LayerGroup::new()));
                &groups[groups.len() - 1].1
            }
        };
        group.add_layer(&layer);
    }
    (groups, listeners)
}

fn place_layer(place: &Place) -> leaflet::Layer {
    let kind = place.properties.kind;
    match &place.geometry {
        Geometry::Point {
            coordinates: [lng, lat],
        } => {
            let icon = leaflet::DivIconOptions::new();
            icon.set_class_name(format!("place-marker kind-{}", kind.code()));
            icon.set_icon_size(leaflet::Point::new(24.0, 24.0));
            icon.set_icon_anchor(leaflet::Point::new(12.0, 12.0));
            let options = leaflet::MarkerOptions::new();
            if let Some(icon) = div_icon(&icon) {
                options.set_icon(icon);
            }
            options.set_title(place.properties.name.clone());
            // The list beside the map is the keyboard's way to every place: 22 more tab stops
            // inside the map would only be in the way.
            options.set_keyboard(false);
            leaflet::Marker::new_with_options(&leaflet::LatLng::new(*lat, *lng), &options).into()
        }
        Geometry::Polygon { coordinates } => {
            let outline: js_sys::Array = coordinates
                .first()
                .into_iter()
                .flatten()
                .map(|[lng, lat]| leaflet::LatLng::new(*lat, *lng))
                .collect();
            let options = leaflet::PolylineOptions::new();
            options.set_color("#a3161b".into());
            options.set_weight(2.0);
            options.set_fill_opacity(0.06);
            options.set_class_name(format!("place-outline kind-{}", kind.code()));
            leaflet::Polygon::new_with_options(&outline, &options).into()
        }
    }
}

/// `L.divIcon(options)`: the leaflet crate's `DivIcon::new` builds a plain `L.Icon`, which
/// needs an image URL and throws without one.
fn div_icon(options: &leaflet::DivIconOptions) -> Option<leaflet::Icon> {
    let leaflet = js_sys::Reflect::get(&js_sys::global(), &"L".into()).ok()?;
    let factory: js_sys::Function = js_sys::Reflect::get(&leaflet, &"divIcon".into())
        .ok()?
        .dyn_into()
        .ok()?;
    factory
        .call1(&leaflet, options)
        .ok()
        .map(|icon| icon.unchecked_into())
}

/// The base map. Its credit is built from plain text, so nothing in the settings is ever
/// read as HTML. A tile that fails to load (offline, blocked) raises `failed`. Returns the
/// error listener, which must outlive the layer.
fn add_tiles(map: &leaflet::Map, tiles: &MapTiles, failed: RwSignal<bool>) -> Listener {
    let options = leaflet::TileLayerOptions::default();
    options.set_attribution(attribution_html(tiles));
    options.set_max_zoom(f64::from(tiles.max_zoom));
    let layer = leaflet::TileLayer::new_options(&tiles.url_template, &options);
    let on_error = Closure::<dyn Fn()>::new(move || failed.set(true));
    layer.on("tileerror", on_error.as_ref().unchecked_ref());
    layer.add_to(map);
    on_error
}

fn attribution_html(tiles: &MapTiles) -> String {
    let text = html::escape(&tiles.attribution);
    match &tiles.attribution_url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            format!(
                "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{text}</a>",
                html::escape(url)
            )
        }
        _ => text,
    }
}
