//! The language of the app, and its catalogue of interface text (`portal_contract::i18n`).
//! The language is the address's (`/en…` is English), fixed for the app's life: crossing to
//! the other language loads the page anew (`app::ReloadAcrossLanguages`). So components read
//! it once, as they are drawn, and write `texts().menu_home` where they had the words.

use std::cell::Cell;

use portal_contract::{Lang, Texts};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Vi) };
}

/// The language of the page being drawn.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The interface text in the language of the page being drawn.
pub fn texts() -> &'static Texts {
    lang().texts()
}

/// The language of the page the app starts on.
pub fn page_lang() -> Lang {
    web_sys::window()
        .and_then(|window| window.location().pathname().ok())
        .map_or(Lang::Vi, |path| Lang::of_path(&path))
}

/// Called once, before the app draws anything; also sets `<html lang>` (the server sends it
/// already), which screen readers and translation tools follow.
pub fn set_lang(lang: Lang) {
    LANG.with(|current| current.set(lang));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
