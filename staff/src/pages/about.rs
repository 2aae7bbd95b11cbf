//! `/quan-tri/gioi-thieu`: the about page's title, summary and text; `/quan-tri/co-cau-to-chuc`:
//! each unit's functions, contacts and leaders (admins). Both are saved whole: what is on the
//! screen replaces what is stored. What was typed stays on the screen when a save fails.

use std::collections::BTreeMap;

use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;
use portal_contract::about::{
    Leader, OrgUnit, Organization, PageEdit, SitePage, ABOUT_PAGE_PATH, ABOUT_PAGE_SLUG,
    ORGANIZATION_PAGE_PATH, UNIT_TEXT_MAX_CHARS,
};
use portal_contract::limits::{ARTICLE_SUMMARY_MAX_CHARS, ARTICLE_TITLE_MAX_CHARS};
use portal_contract::staff::StaffRole;

use crate::api::{self, Failure};
use crate::editor::rich_text::{self, RichText, EDITOR_ID};
use crate::ui::{focus_by_id, loaded, FieldError, Message, MessageArea, RequireRole};

type Errors = RwSignal<BTreeMap<String, String>>;

fn field_error(errors: Errors, field: String) -> Signal<Option<String>> {
    Signal::derive(move || errors.with(|e| e.get(&field).cloned()))
}

/// Shows `result` in the message area and the fields' notes; true when it was saved.
fn report<T>(result: Result<T, Failure>, message: RwSignal<Message>, errors: Errors) -> Option<T> {
    match result {
        Ok(saved) => {
            errors.set(BTreeMap::new());
            message.set(Message::Done(
                "Đã lưu. Người dân thấy ngay nội dung mới.".into(),
            ));
            Some(saved)
        }
        Err(failure) => {
            errors.set(failure.fields());
            message.set(Message::Problem(failure.message()));
            None
        }
    }
}

#[component]
pub fn AboutPageEditor() -> impl IntoView {
    let page = LocalResource::new(|| api::site_page(ABOUT_PAGE_SLUG));
    view! {
        <Title text="Trang giới thiệu" />
        <h1 class="page-title">"Trang giới thiệu"</h1>
        <RequireRole role=StaffRole::Admin>
            {loaded(page, |page| view! { <PageForm page /> })}
        </RequireRole>
    }
}

#[component]
fn PageForm(page: SitePage) -> impl IntoView {
    let title = RwSignal::new(page.title);
    let summary = RwSignal::new(page.summary);
    let body = NodeRef::<Div>::new();
    let message = RwSignal::new(Message::None);
    let errors: Errors = RwSignal::new(BTreeMap::new());
    let busy = RwSignal::new(false);
    let saved_body = page.body_html;
    body.on_load(move |_| rich_text::set_html(body, &saved_body));
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let edit = PageEdit {
            title: title.get_untracked(),
            summary: summary.get_untracked(),
            body_html: rich_text::cleaned_html(body).unwrap_or_default(),
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::save_site_page(ABOUT_PAGE_SLUG, &edit).await;
            busy.set(false);
            if report(result, message, errors).is_none() {
                for (field, id) in [
                    ("title", "page-title"),
                    ("summary", "page-summary"),
                    ("body_html", EDITOR_ID),
                ] {
                    if errors.with_untracked(|e| e.contains_key(field)) {
                        focus_by_id(id);
                        break;
                    }
                }
            }
        });
    };
    let described = move |field: &'static str, id: &'static str| {
        move || errors.with(|e| e.contains_key(field)).then_some(id)
    };
    view! {
        <p>"Trang " <a href=ABOUT_PAGE_PATH>{ABOUT_PAGE_PATH}</a> " của cổng thông tin."</p>
        <MessageArea message />
        <form class="staff-form" on:submit=save>
            <div class="field">
                <label for="page-title">"Tiêu đề"</label>
                <input id="page-title" type="text" maxlength=ARTICLE_TITLE_MAX_CHARS
                    aria-describedby=described("title", "page-title-error")
                    prop:value=move || title.get() on:input=move |event| title.set(event_target_value(&event)) />
                <FieldError id="page-title-error".to_string() error=field_error(errors, "title".into()) />
            </div>
            <div class="field">
                <label for="page-summary">"Tóm tắt (hiện khi chia sẻ liên kết)"</label>
                <textarea id="page-summary" rows="3" maxlength=ARTICLE_SUMMARY_MAX_CHARS
                    aria-describedby=described("summary", "page-summary-error")
                    prop:value=move || summary.get() on:input=move |event| summary.set(event_target_value(&event))></textarea>
                <FieldError id="page-summary-error".to_string() error=field_error(errors, "summary".into()) />
            </div>
            <div class="field">
                <p id="page-body-label" class="field-label" on:click=move |_| focus_by_id(EDITOR_ID)>"Nội dung"</p>
                <RichText editor=body labelled_by="page-body-label"
                    described_by=Signal::derive(move || errors.with(|e| e.contains_key("body_html")).then(|| "page-body-error".to_string()))
                    on_change=Callback::new(|_| {}) />
                <FieldError id="page-body-error".to_string() error=field_error(errors, "body_html".into()) />
            </div>
            <button type="submit" class="button" disabled=move || busy.get()>"Lưu trang"</button>
        </form>
    }
}

#[component]
pub fn OrganizationEditor() -> impl IntoView {
    let tree = LocalResource::new(api::organization);
    view! {
        <Title text="Cơ cấu tổ chức" />
        <h1 class="page-title">"Cơ cấu tổ chức"</h1>
        <RequireRole role=StaffRole::Admin>
            {loaded(tree, |tree| view! { <OrganizationForm tree /> })}
        </RequireRole>
    }
}

/// Where a unit is in the tree: its index among the top units, then among each parent's
/// children. The same path names its fields in the server's 422 (`units[1].children[3]`).
type UnitPath = Vec<usize>;

fn unit_mut<'a>(tree: &'a mut Organization, path: &[usize]) -> &'a mut OrgUnit {
    let (first, rest) = path.split_first().expect("a unit's path is never empty");
    rest.iter().fold(&mut tree.units[*first], |unit, index| {
        &mut unit.children[*index]
    })
}

fn unit_ref<'a>(tree: &'a Organization, path: &[usize]) -> &'a OrgUnit {
    let (first, rest) = path.split_first().expect("a unit's path is never empty");
    rest.iter()
        .fold(&tree.units[*first], |unit, index| &unit.children[*index])
}

fn error_path(path: &[usize]) -> String {
    let mut text = format!("units[{}]", path[0]);
    for index in &path[1..] {
        text.push_str(&format!(".children[{index}]"));
    }
    text
}

/// Every unit's path, depth first, in the order the public page shows them.
fn paths(units: &[OrgUnit], prefix: &[usize], out: &mut Vec<UnitPath>) {
    for (index, unit) in units.iter().enumerate() {
        let mut path = prefix.to_vec();
        path.push(index);
        out.push(path.clone());
        paths(&unit.children, &path, out);
    }
}

#[component]
fn OrganizationForm(tree: Organization) -> impl IntoView {
    let mut all = Vec::new();
    paths(&tree.units, &[], &mut all);
    let tree = RwSignal::new(tree);
    let message = RwSignal::new(Message::None);
    let errors: Errors = RwSignal::new(BTreeMap::new());
    let busy = RwSignal::new(false);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let edit = tree.get_untracked();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = api::save_organization(&edit).await;
            busy.set(false);
            if report(result, message, errors).is_none() {
                let first = errors.with_untracked(|e| e.keys().next().cloned());
                if let Some(first) = first {
                    focus_by_id(&input_id(&first));
                }
            }
        });
    };
    view! {
        <p>"Trang " <a href=ORGANIZATION_PAGE_PATH>{ORGANIZATION_PAGE_PATH}</a>
            " của cổng thông tin. Sửa chức năng, địa chỉ, điện thoại, thư điện tử và lãnh đạo của từng đơn vị, rồi bấm “Lưu cơ cấu tổ chức”."</p>
        <MessageArea message />
        <form class="staff-form organization-form" on:submit=save>
            {all.into_iter().map(|path| view! { <UnitFields tree path errors /> }).collect_view()}
            <button type="submit" class="button" disabled=move || busy.get()>"Lưu cơ cấu tổ chức"</button>
        </form>
    }
}

/// The id of the input the server's error `field` (`units[0].children[1].phone`) is about.
fn input_id(field: &str) -> String {
    let cleaned: String = field
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("org-{cleaned}")
}

#[component]
fn UnitFields(tree: RwSignal<Organization>, path: UnitPath, errors: Errors) -> impl IntoView {
    let depth = path.len();
    let prefix = error_path(&path);
    let legend = {
        let path = path.clone();
        move || tree.with(|tree| unit_ref(tree, &path).name.clone())
    };
    let text_field = |field: &'static str, label: &'static str, multiline: bool| {
        let key = format!("{prefix}.{field}");
        let id = input_id(&key);
        let error_id = format!("{id}-error");
        let read_path = path.clone();
        let write_path = path.clone();
        let value = move || {
            tree.with(|tree| {
                let unit = unit_ref(tree, &read_path);
                match field {
                    "name" => unit.name.clone(),
                    "functions" => unit.functions.clone(),
                    "address" => unit.address.clone(),
                    "phone" => unit.phone.clone(),
                    _ => unit.email.clone(),
                }
            })
        };
        let write = move |text: String| {
            tree.update(|tree| {
                let unit = unit_mut(tree, &write_path);
                match field {
                    "name" => unit.name = text,
                    "functions" => unit.functions = text,
                    "address" => unit.address = text,
                    "phone" => unit.phone = text,
                    _ => unit.email = text,
                }
            })
        };
        let described = {
            let (key, error_id) = (key.clone(), error_id.clone());
            move || {
                errors
                    .with(|e| e.contains_key(&key))
                    .then(|| error_id.clone())
            }
        };
        let input = if multiline {
            view! {
                <textarea id=id.clone() rows="3" maxlength=UNIT_TEXT_MAX_CHARS aria-describedby=described
                    prop:value=value on:input=move |event| write(event_target_value(&event))></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id.clone() type="text" maxlength=UNIT_TEXT_MAX_CHARS aria-describedby=described
                    prop:value=value on:input=move |event| write(event_target_value(&event)) />
            }
            .into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {input}
                <FieldError id=error_id error=field_error(errors, key) />
            </div>
        }
    };
    view! {
        <fieldset class="organization-unit" style:margin-left=format!("{}rem", (depth - 1) as f32 * 1.25)>
            <legend>{legend}</legend>
            {text_field("name", "Tên đơn vị", false)}
            {text_field("functions", "Chức năng, nhiệm vụ", true)}
            {text_field("address", "Địa chỉ", false)}
            {text_field("phone", "Điện thoại", false)}
            {text_field("email", "Thư điện tử", false)}
            <Leaders tree path errors />
        </fieldset>
    }
}

#[component]
fn Leaders(tree: RwSignal<Organization>, path: UnitPath, errors: Errors) -> impl IntoView {
    let prefix = error_path(&path);
    let count = {
        let path = path.clone();
        Memo::new(move |_| tree.with(|tree| unit_ref(tree, &path).leaders.len()))
    };
    let add = {
        let path = path.clone();
        move |_| {
            tree.update(|tree| {
                unit_mut(tree, &path).leaders.push(Leader {
                    name: String::new(),
                    position: String::new(),
                })
            })
        }
    };
    view! {
        <div class="organization-leaders">
            <p class="field-label">"Lãnh đạo"</p>
            {move || (0..count.get()).map(|number| {
                let key = format!("{prefix}.leaders[{number}]");
                let id = input_id(&key);
                let (name_path, position_path, remove_path) = (path.clone(), path.clone(), path.clone());
                let (read_name, read_position) = (path.clone(), path.clone());
                view! {
                    <div class="organization-leader" role="group" aria-label=format!("Lãnh đạo {}", number + 1)>
                        <div class="field">
                            <label for=id.clone()>"Họ và tên"</label>
                            <input id=id.clone() type="text"
                                aria-describedby={
                                    let (key, error_id) = (key.clone(), format!("{id}-error"));
                                    move || errors.with(|e| e.contains_key(&key)).then(|| error_id.clone())
                                }
                                prop:value=move || tree.with(|tree| unit_ref(tree, &read_name).leaders.get(number).map(|l| l.name.clone()).unwrap_or_default())
                                on:input=move |event| {
                                    let text = event_target_value(&event);
                                    tree.update(|tree| unit_mut(tree, &name_path).leaders[number].name = text);
                                } />
                        </div>
                        <div class="field">
                            <label for=format!("{id}-position")>"Chức vụ"</label>
                            <input id=format!("{id}-position") type="text"
                                prop:value=move || tree.with(|tree| unit_ref(tree, &read_position).leaders.get(number).map(|l| l.position.clone()).unwrap_or_default())
                                on:input=move |event| {
                                    let text = event_target_value(&event);
                                    tree.update(|tree| unit_mut(tree, &position_path).leaders[number].position = text);
                                } />
                        </div>
                        <button type="button" class="button button-small button-secondary"
                            on:click=move |_| tree.update(|tree| { unit_mut(tree, &remove_path).leaders.remove(number); })>
                            "Bỏ lãnh đạo này"
                        </button>
                        <FieldError id=format!("{id}-error") error=field_error(errors, key) />
                    </div>
                }
            }).collect_view()}
            <button type="button" class="button button-small" on:click=add>"Thêm lãnh đạo"</button>
        </div>
    }
}
