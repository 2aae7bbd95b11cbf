//! Drawing in pieces. The app's first drawing is one long task on a slow phone, and the page
//! answers no tap or scroll until it ends; parts drawn in a task of their own keep each
//! piece short.

use leptos::prelude::*;

/// Draws `children` in a task after the one that draws the rest.
#[component]
pub fn NextTask(children: ChildrenFn) -> impl IntoView {
    let (due, set_due) = signal(false);
    set_timeout(move || set_due.set(true), std::time::Duration::ZERO);
    move || due.get().then(|| children())
}
