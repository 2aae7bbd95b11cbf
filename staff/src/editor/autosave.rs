//! The copy of the form kept in this browser's local storage while staff type: a closed
//! tab, a crash, a lost connection or a refused save never loses more than the last second.
//! One copy per article (`portal-staff-draft:{id}`, `:moi` for one not yet created), removed
//! once the server has what it holds.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::ArticleForm;

/// Typing pauses at least this long before the copy is written: writing on every key
/// would serialize the whole body (up to 512 KB) many times a second.
const PAUSE: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalCopy {
    pub form: ArticleForm,
    /// The article's version the text was written on: restored with it, so that a save of
    /// a copy older than the server's is refused (409) instead of overwriting.
    pub version: Option<i64>,
    /// Milliseconds since 1970, to tell staff how old the copy is.
    pub saved_at: f64,
}

pub fn key(id: Option<i64>) -> String {
    match id {
        Some(id) => format!("portal-staff-draft:{id}"),
        None => "portal-staff-draft:moi".to_string(),
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load(id: Option<i64>) -> Option<LocalCopy> {
    let text = storage()?.get_item(&key(id)).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Whether it was written: a full storage (5 MB, shared by every copy) says no.
pub fn store(id: Option<i64>, form: &ArticleForm, version: Option<i64>) -> bool {
    let copy = LocalCopy {
        form: form.clone(),
        version,
        saved_at: js_sys::Date::now(),
    };
    match (storage(), serde_json::to_string(&copy)) {
        (Some(storage), Ok(text)) => storage.set_item(&key(id), &text).is_ok(),
        _ => false,
    }
}

pub fn clear(id: Option<i64>) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&key(id));
    }
}

/// Runs the last thing asked once nothing more has been asked for `PAUSE`; at once when the
/// page is left or the tab closed before that, so the last keys typed are kept too.
#[derive(Clone)]
pub struct Debounce {
    pending: Rc<RefCell<Pending>>,
}

#[derive(Default)]
struct Pending {
    work: Option<Box<dyn FnOnce()>>,
    timer: Option<TimeoutHandle>,
}

impl Debounce {
    pub fn new() -> Self {
        let debounce = Debounce {
            pending: Rc::default(),
        };
        let on_hide = {
            let debounce = debounce.clone();
            window_event_listener(leptos::ev::pagehide, move |_| debounce.flush())
        };
        // Cleanups must be `Send`; a local stored value is, and lives until they have run.
        let on_leave = StoredValue::new_local(debounce.clone());
        on_cleanup(move || {
            on_hide.remove();
            if let Some(debounce) = on_leave.try_get_value() {
                debounce.flush();
            }
        });
        debounce
    }

    pub fn run(&self, work: impl FnOnce() + 'static) {
        self.cancel();
        let timer = {
            let debounce = self.clone();
            set_timeout_with_handle(move || debounce.flush(), PAUSE).ok()
        };
        *self.pending.borrow_mut() = Pending {
            work: Some(Box::new(work)),
            timer,
        };
    }

    /// Forgets what was waiting.
    pub fn cancel(&self) {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if let Some(timer) = pending.timer {
            timer.clear();
        }
    }

    fn flush(&self) {
        let pending = std::mem::take(&mut *self.pending.borrow_mut());
        if let Some(timer) = pending.timer {
            timer.clear();
        }
        if let Some(work) = pending.work {
            work();
        }
    }
}
