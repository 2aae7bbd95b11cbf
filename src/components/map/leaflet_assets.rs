//! Leaflet's own script and stylesheet, loaded the first time a map is shown, so that pages
//! without a map never download them.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::components::assets::{self, Asset};

/// Where trunk copies the npm package's `dist/` folder (see `index.html`).
const LEAFLET: [Asset; 2] = [
    Asset::Stylesheet("/leaflet/leaflet.css"),
    Asset::Script("/leaflet/leaflet.js"),
];

/// Resolves once Leaflet's global `L` exists and its stylesheet applies.
pub async fn load() -> Result<(), ()> {
    if leaflet_is_defined() {
        return Ok(());
    }
    assets::load("leaflet", &LEAFLET).await?;
    if leaflet_is_defined() {
        Ok(())
    } else {
        Err(())
    }
}

fn leaflet_is_defined() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("L")).is_ok_and(|l| !l.is_undefined())
}
