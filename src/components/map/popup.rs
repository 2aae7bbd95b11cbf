//! A place's popup: its name, kind, address, news link and whether its position is
//! approximate. Built as DOM nodes from text, never from HTML strings.

use portal_contract::{LinkTarget, Place};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Opens `place`'s popup on `map`, closing any other; with `focus`, moves the keyboard into
/// it so a screen reader reads it out.
pub fn open(map: &leaflet::Map, place: &Place, focus: bool) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(content) = content(&document, place) else {
        return;
    };
    let [lng, lat] = place.geometry.anchor();
    let options = leaflet::PopupOptions::default();
    options.set_max_width(280.0);
    let popup = leaflet::Popup::new_with_lat_lng(&leaflet::LatLng::new(lat, lng), &options);
    popup.set_content(&content);
    popup.open_on(map);
    if focus {
        if let Some(content) = content.dyn_ref::<HtmlElement>() {
            let _ = content.focus();
        }
    }
}

/// Closes whichever popup is open on `map`.
pub fn close(map: &leaflet::Map) {
    let close = js_sys::Reflect::get(map, &"closePopup".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(close) = close {
        let _ = close.call0(map);
    }
}

fn content(document: &Document, place: &Place) -> Option<Element> {
    let t = crate::i18n::texts();
    let properties = &place.properties;
    let root = document.create_element("div").ok()?;
    root.set_class_name("place-popup");
    root.set_attribute("tabindex", "-1").ok()?;
    root.set_attribute("data-place", &place.id).ok()?;
    append_text(document, &root, "p", "place-popup-name", &properties.name)?;
    append_text(
        document,
        &root,
        "p",
        "place-popup-kind",
        properties.kind.label(),
    )?;
    if let Some(address) = &properties.address {
        append_text(document, &root, "p", "place-popup-address", address)?;
    }
    if let Some(link) = &properties.link {
        let paragraph = document.create_element("p").ok()?;
        let prefix = match link.target {
            LinkTarget::Category => t.map_popup_category,
            LinkTarget::Article => t.map_popup_article,
        };
        paragraph.set_text_content(Some(prefix));
        let anchor = document.create_element("a").ok()?;
        anchor.set_attribute("href", &link.path()).ok()?;
        anchor.set_text_content(Some(&link.title));
        paragraph.append_child(&anchor).ok()?;
        root.append_child(&paragraph).ok()?;
    }
    if properties.approximate {
        append_text(
            document,
            &root,
            "p",
            "place-popup-note",
            t.map_popup_approximate,
        )?;
    }
    Some(root)
}

fn append_text(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> Option<()> {
    let element = document.create_element(tag).ok()?;
    element.set_class_name(class);
    element.set_text_content(Some(text));
    parent.append_child(&element).ok()?;
    Some(())
}
