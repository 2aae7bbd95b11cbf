//! A list's filter as a labelled select (the documents library's, the procedures'): "all"
//! first, then the choices once they have arrived.

use leptos::prelude::*;

/// A labelled select of one filter's values, "all" first. `choices` are (value, words shown).
#[component]
pub fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    all: &'static str,
    value: RwSignal<String>,
    choices: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                name=name
                prop:value=move || value.get()
                on:change=move |event| value.set(event_target_value(&event))
            >
                <option value="">{all}</option>
                // The options arrive after the address is read: each knows whether it is chosen.
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(slug, shown)| {
                            let selected = value.get_untracked() == slug;
                            view! { <option value=slug selected=selected>{shown}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
