//! Choosing a photo on this computer, describing it, and uploading it: for the lead image
//! and for a photo in the body. The description is required: a reader who cannot see the
//! photo hears it instead.

use leptos::prelude::*;
use portal_contract::limits::{PHOTO_ALT_MAX_CHARS, PHOTO_MAX_BYTES};
use portal_contract::Image;

use crate::api;
use crate::ui::focus_by_id;

const TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// Why a chosen file cannot be sent, before sending its megabytes to be told so.
fn file_problem(file: Option<&web_sys::File>) -> Option<String> {
    let Some(file) = file else {
        return Some("Vui lòng chọn một tệp ảnh.".into());
    };
    if !TYPES.contains(&file.type_().as_str()) {
        return Some("Chỉ nhận ảnh JPEG, PNG hoặc WebP.".into());
    }
    if file.size() > PHOTO_MAX_BYTES as f64 {
        return Some(format!(
            "Ảnh lớn hơn {} MB. Vui lòng chọn ảnh nhỏ hơn.",
            PHOTO_MAX_BYTES / (1024 * 1024)
        ));
    }
    None
}

#[component]
pub fn PhotoUpload(
    /// Unique in the page: the start of the fields' ids.
    id: &'static str,
    /// What the group is called (its legend).
    legend: &'static str,
    /// A photo in the body has a caption under it; the lead image has none.
    #[prop(optional)]
    with_caption: bool,
    submit_label: &'static str,
    /// The uploaded photo and its caption.
    on_uploaded: Callback<(Image, String)>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let file_input = NodeRef::<leptos::html::Input>::new();
    let (alt, set_alt) = signal(String::new());
    let (caption, set_caption) = signal(String::new());
    let (file_error, set_file_error) = signal(None::<String>);
    let (alt_error, set_alt_error) = signal(None::<String>);
    let (problem, set_problem) = signal(None::<String>);
    let (busy, set_busy) = signal(false);
    let ids = move |field: &str| format!("{id}-{field}");

    let upload = move || {
        let file = file_input
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let file_trouble = file_problem(file.as_ref());
        let alt_text = alt.get_untracked().trim().to_string();
        let alt_trouble = alt_text
            .is_empty()
            .then(|| "Vui lòng mô tả ảnh cho người không xem được ảnh.".to_string());
        set_file_error.set(file_trouble.clone());
        set_alt_error.set(alt_trouble.clone());
        set_problem.set(None);
        if file_trouble.is_some() {
            focus_by_id(&ids("file"));
            return;
        }
        if alt_trouble.is_some() {
            focus_by_id(&ids("alt"));
            return;
        }
        let Some(file) = file else { return };
        set_busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::upload_photo(file, &alt_text).await;
            set_busy.set(false);
            match result {
                Ok(image) => {
                    let caption_text = caption.get_untracked().trim().to_string();
                    set_alt.set(String::new());
                    set_caption.set(String::new());
                    if let Some(input) = file_input.get_untracked() {
                        input.set_value("");
                    }
                    on_uploaded.run((image, caption_text));
                }
                Err(failure) => {
                    let fields = failure.fields();
                    if let Some(message) = fields.get("alt") {
                        set_alt_error.set(Some(message.clone()));
                    }
                    let about_file = fields
                        .iter()
                        .find(|(field, _)| field.as_str() != "alt")
                        .map(|(_, message)| message.clone());
                    set_problem.set(Some(match (about_file, failure) {
                        (Some(message), _) => format!("Chưa tải được ảnh: {message}"),
                        (None, api::Failure::TooLarge) => {
                            "Chưa tải được ảnh: ảnh quá lớn (tối đa 10 MB).".to_string()
                        }
                        (None, failure) => format!("Chưa tải được ảnh. {}", failure.message()),
                    }));
                }
            }
        });
    };
    let on_enter = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Enter" {
            event.prevent_default();
            upload();
        }
    };

    let described = |hint: String, error_id: String, error: ReadSignal<Option<String>>| {
        move || match error.get() {
            Some(_) => format!("{hint} {error_id}"),
            None => hint.clone(),
        }
    };
    view! {
        <fieldset class="staff-photo">
            <legend>{legend}</legend>
            <div class="field">
                <label for=ids("file")>"Chọn ảnh"</label>
                <input
                    id=ids("file")
                    node_ref=file_input
                    type="file"
                    accept=TYPES.join(",")
                    aria-invalid=move || file_error.get().map(|_| "true")
                    aria-describedby=described(ids("file-hint"), ids("file-error"), file_error)
                />
                <p id=ids("file-hint") class="hint">
                    {format!("JPEG, PNG hoặc WebP, tối đa {} MB.", PHOTO_MAX_BYTES / (1024 * 1024))}
                </p>
                <p id=ids("file-error") class="field-error" hidden=move || file_error.get().is_none()>
                    {move || file_error.get()}
                </p>
            </div>
            <div class="field">
                <label for=ids("alt")>"Mô tả ảnh"</label>
                <input
                    id=ids("alt")
                    type="text"
                    required
                    maxlength=PHOTO_ALT_MAX_CHARS
                    aria-invalid=move || alt_error.get().map(|_| "true")
                    aria-describedby=described(ids("alt-hint"), ids("alt-error"), alt_error)
                    prop:value=alt
                    on:input=move |event| set_alt.set(event_target_value(&event))
                    on:keydown=on_enter
                />
                <p id=ids("alt-hint") class="hint">
                    "Bắt buộc: nói ngắn gọn ảnh có gì, cho người không xem được ảnh."
                </p>
                <p id=ids("alt-error") class="field-error" hidden=move || alt_error.get().is_none()>
                    {move || alt_error.get()}
                </p>
            </div>
            {with_caption.then(|| view! {
                <div class="field">
                    <label for=ids("caption")>"Chú thích ảnh (không bắt buộc)"</label>
                    <input
                        id=ids("caption")
                        type="text"
                        maxlength=PHOTO_ALT_MAX_CHARS
                        prop:value=caption
                        on:input=move |event| set_caption.set(event_target_value(&event))
                        on:keydown=on_enter
                    />
                </div>
            })}
            <p class="notice notice-problem" role="alert">{move || problem.get()}</p>
            <p class="notice notice-done" role="status">{move || busy.get().then_some("Đang tải ảnh lên…")}</p>
            <div class="staff-actions">
                <button type="button" class="button" disabled=busy on:click=move |_| upload()>
                    {submit_label}
                </button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| cancel.run(())>
                        "Hủy"
                    </button>
                })}
            </div>
        </fieldset>
    }
}
