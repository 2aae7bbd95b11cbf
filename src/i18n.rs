//! The language of the page being shown, and its catalogue of interface text
//! (`portal_contract::i18n`). The language follows the address (`/en…` is English); the app
//! redraws its whole frame when it changes (`app::Frame`), so components read it once, as
//! they are drawn, and write `texts().menu_home` where they had the Vietnamese words.

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

/// Called by the frame before it draws a page in `lang`; also sets `<html lang>`, which
/// screen readers and translation tools follow.
pub fn set_lang(lang: Lang) {
    LANG.with(|current| current.set(lang));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}
