//! Bản đồ: a small drawing of the district and its places, linking to `/ban-do`. Plain SVG
//! from the map's GeoJSON: no tiles and no Leaflet, so the pages that show it stay light.

use leptos::prelude::*;
use portal_contract::map::extent;
use portal_contract::{fill, Geometry, Place};

use crate::api;
use crate::components::status::{loaded, Fit};
use crate::components::widgets::Block;
use crate::urls::{self, FULL_APP_LINK_REL};

/// The drawing's width in SVG units; its height follows the district's shape.
const WIDTH: f64 = 300.0;
const MARGIN: f64 = 8.0;

#[component]
pub fn MapBlock() -> impl IntoView {
    let t = crate::i18n::texts();
    view! {
        <Block id="map" heading=t.map_title>
            <MapOverview />
        </Block>
    }
}

/// The drawing of the district's places and a link to the map page: the block's body, and
/// the embed's.
#[component]
pub fn MapOverview() -> impl IntoView {
    let t = crate::i18n::texts();
    let places = LocalResource::new(api::map);
    view! {
        {loaded(places, Fit::block(t.map_no_data), |collection| view! {
            <MapSketch places=collection.features />
        })}
        <p class="more-link"><a href=urls::MAP rel=FULL_APP_LINK_REL>{t.map_more}</a></p>
    }
}

/// The drawing alone. Longitudes are narrowed by the cosine of the latitude, so the shape is
/// right at this size and latitude.
#[component]
fn MapSketch(places: Vec<Place>) -> impl IntoView {
    let t = crate::i18n::texts();
    let Some([west, south, east, north]) = extent(&places) else {
        return view! { <p class="empty">{t.map_no_data}</p> }.into_any();
    };
    let narrowing = ((south + north) / 2.0).to_radians().cos();
    let scale = (WIDTH - 2.0 * MARGIN) / ((east - west) * narrowing).max(1e-9);
    let height = (north - south) * scale + 2.0 * MARGIN;
    let project = move |[lng, lat]: [f64; 2]| {
        (
            MARGIN + (lng - west) * narrowing * scale,
            MARGIN + (north - lat) * scale,
        )
    };
    let point_count = places
        .iter()
        .filter(|place| matches!(place.geometry, Geometry::Point { .. }))
        .count();
    let shapes = places
        .into_iter()
        .map(|place| {
            let class = format!("kind-{}", place.properties.kind.code());
            match place.geometry {
                Geometry::Point { coordinates } => {
                    let (x, y) = project(coordinates);
                    view! {
                        <circle class=format!("map-sketch-place {class}") cx=one_decimal(x) cy=one_decimal(y) r="4.5" />
                    }
                    .into_any()
                }
                Geometry::Polygon { coordinates } => {
                    let path: String = coordinates
                        .iter()
                        .map(|ring| {
                            let points: Vec<String> = ring
                                .iter()
                                .map(|position| {
                                    let (x, y) = project(*position);
                                    format!("{},{}", one_decimal(x), one_decimal(y))
                                })
                                .collect();
                            format!("M{}Z", points.join("L"))
                        })
                        .collect();
                    view! { <path class=format!("map-sketch-outline {class}") d=path /> }.into_any()
                }
            }
        })
        .collect_view();
    let description = fill(t.map_sketch_label, &[("n", &point_count.to_string())]);
    view! {
        <svg
            class="map-sketch"
            viewBox=format!("0 0 {} {}", WIDTH as u32, height.round() as u32)
            role="img"
            aria-label=description
        >
            {shapes}
        </svg>
    }
    .into_any()
}

/// `value` with one decimal, written without Rust's float formatting, which would add several
/// KB to the wasm of every page for this drawing alone.
fn one_decimal(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}
