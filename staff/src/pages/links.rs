//! `/quan-tri/lien-ket`: the linked websites shown on every page, in groups, in order
//! (admins). Saved whole: the list as it is on the screen replaces the stored one.

use leptos::prelude::*;
use leptos_meta::Title;
use portal_contract::editorial::LinksEdit;
use portal_contract::limits::{LINKS_MAX_COUNT, LINK_NAME_MAX_CHARS, LINK_URL_MAX_BYTES};
use portal_contract::staff::StaffRole;
use portal_contract::{Link, LinkGroup};

use crate::api;
use crate::ui::{focus_soon, focus_soon_enabled, loaded, Message, MessageArea, RequireRole};

#[derive(Debug, Clone, PartialEq)]
struct LinkRow {
    key: u32,
    name: String,
    url: String,
}

#[derive(Debug, Clone, PartialEq)]
struct GroupRow {
    key: u32,
    name: String,
    links: Vec<LinkRow>,
}

/// Everything on the page, with the counter that gives each new row its key.
#[derive(Debug, Clone, Default)]
struct Groups {
    groups: Vec<GroupRow>,
    next_key: u32,
}

impl Groups {
    fn from_saved(saved: Vec<LinkGroup>) -> Self {
        let mut list = Groups::default();
        for group in saved {
            let key = list.key();
            let links = group
                .links
                .into_iter()
                .map(|link| LinkRow {
                    key: list.key(),
                    name: link.name,
                    url: link.url,
                })
                .collect();
            list.groups.push(GroupRow {
                key,
                name: group.name,
                links,
            });
        }
        list
    }

    fn key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key
    }

    fn to_edit(&self) -> LinksEdit {
        LinksEdit {
            groups: self
                .groups
                .iter()
                .map(|group| LinkGroup {
                    name: group.name.trim().to_string(),
                    links: group
                        .links
                        .iter()
                        .map(|link| Link {
                            name: link.name.trim().to_string(),
                            url: link.url.trim().to_string(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn group_mut(&mut self, key: u32) -> Option<&mut GroupRow> {
        self.groups.iter_mut().find(|group| group.key == key)
    }

    fn link_count(&self) -> usize {
        self.groups.iter().map(|group| group.links.len()).sum()
    }
}

/// Moves the item with `key` one place up (`-1`) or down (`1`), if it can go there.
fn shift<T>(items: &mut [T], key_of: impl Fn(&T) -> u32, key: u32, by: isize) -> bool {
    let Some(at) = items.iter().position(|item| key_of(item) == key) else {
        return false;
    };
    let Some(to) = at.checked_add_signed(by).filter(|to| *to < items.len()) else {
        return false;
    };
    items.swap(at, to);
    true
}

#[component]
pub fn LinksPage() -> impl IntoView {
    let saved = LocalResource::new(api::links);
    view! {
        <Title text="Liên kết" />
        <h1 class="page-title">"Liên kết website"</h1>
        <RequireRole role=StaffRole::Admin>
            {loaded(saved, |groups| view! { <LinksEditor groups /> })}
        </RequireRole>
    }
}

#[component]
fn LinksEditor(groups: Vec<LinkGroup>) -> impl IntoView {
    let list = RwSignal::new(Groups::from_saved(groups));
    let message = RwSignal::new(Message::None);
    let (busy, set_busy) = signal(false);
    let save = move || {
        let edit = list.with_untracked(Groups::to_edit);
        set_busy.set(true);
        message.set(Message::None);
        leptos::task::spawn_local(async move {
            let result = api::save_links(&edit).await;
            set_busy.set(false);
            match result {
                Ok(saved) => {
                    list.set(Groups::from_saved(saved));
                    message.set(Message::Done("Đã lưu danh sách liên kết.".into()));
                }
                Err(failure) => {
                    let mut text = format!("Chưa lưu được. {}", failure.message());
                    for (field, problem) in failure.fields() {
                        text.push_str(&format!(" {}: {problem}", place_of(&field)));
                    }
                    message.set(Message::Problem(text));
                }
            }
        });
    };
    let add_group = move || {
        let key = list.try_update(|list| {
            let key = list.key();
            list.groups.push(GroupRow {
                key,
                name: String::new(),
                links: vec![],
            });
            key
        });
        if let Some(key) = key {
            focus_soon(format!("group-{key}-name"));
        }
    };
    view! {
        <p class="hint">
            "Các liên kết hiện ở chân mỗi trang của cổng, theo nhóm và theo thứ tự dưới đây."
        </p>
        <form
            class="staff-form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save();
            }
        >
            <For
                each=move || list.with(|list| list.groups.iter().map(|group| group.key).collect::<Vec<_>>())
                key=|key| *key
                children=move |key| view! { <GroupFields key list /> }
            />
            <div class="staff-actions">
                <button id="add-group" type="button" class="button button-secondary" on:click=move |_| add_group()>
                    "Thêm nhóm"
                </button>
                <button type="submit" class="button" disabled=busy>
                    {move || if busy.get() { "Đang lưu…" } else { "Lưu liên kết" }}
                </button>
            </div>
            <MessageArea message />
        </form>
    }
}

/// "Nhóm 2, liên kết 3" from a 422's key (`groups[1].links[2].url`).
fn place_of(field: &str) -> String {
    let numbers: Vec<usize> = field
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers.as_slice() {
        [group, link, ..] => format!("Nhóm {}, liên kết {}", group + 1, link + 1),
        [group] => format!("Nhóm {}", group + 1),
        [] => "Danh sách".to_string(),
    }
}

#[component]
fn GroupFields(key: u32, list: RwSignal<Groups>) -> impl IntoView {
    let index = Memo::new(move |_| {
        list.with(|list| list.groups.iter().position(|group| group.key == key))
            .unwrap_or(0)
    });
    let count = Memo::new(move |_| list.with(|list| list.groups.len()));
    let last = move || index.get() + 1 >= count.get();
    let name = list.with_untracked(|list| {
        list.groups
            .iter()
            .find(|group| group.key == key)
            .map(|group| group.name.clone())
            .unwrap_or_default()
    });
    let heading_id = format!("group-{key}-legend");
    let move_group = move |by: isize, button: &'static str| {
        list.update(|list| {
            shift(&mut list.groups, |group| group.key, key, by);
        });
        // Moved in the page, the button would lose the focus; at the end of the list it is
        // disabled, and the other one takes it.
        let other = if button == "up" { "down" } else { "up" };
        focus_soon_enabled([
            format!("group-{key}-{button}"),
            format!("group-{key}-{other}"),
        ]);
    };
    let add_link = move || {
        let new = list.try_update(|list| {
            let link = list.key();
            if list.link_count() < LINKS_MAX_COUNT {
                if let Some(group) = list.group_mut(key) {
                    group.links.push(LinkRow {
                        key: link,
                        name: String::new(),
                        url: String::new(),
                    });
                    return Some(link);
                }
            }
            None
        });
        if let Some(Some(link)) = new {
            focus_soon(format!("link-{link}-name"));
        }
    };
    view! {
        <fieldset class="staff-group">
            <legend id=heading_id>{move || format!("Nhóm {}", index.get() + 1)}</legend>
            <div class="field">
                <label for=format!("group-{key}-name")>"Tên nhóm"</label>
                <input
                    id=format!("group-{key}-name")
                    type="text"
                    maxlength=LINK_NAME_MAX_CHARS
                    prop:value=name
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        list.update(|list| if let Some(group) = list.group_mut(key) { group.name = typed; });
                    }
                />
            </div>
            <ol class="staff-links">
                <For
                    each=move || list.with(|list| {
                        list.groups.iter().find(|group| group.key == key)
                            .map(|group| group.links.iter().map(|link| link.key).collect::<Vec<_>>())
                            .unwrap_or_default()
                    })
                    key=|link| *link
                    children=move |link| view! { <LinkFields group=key link list /> }
                />
            </ol>
            <div class="staff-actions">
                <button type="button" class="button button-small button-secondary" on:click=move |_| add_link()>
                    "Thêm liên kết"
                </button>
                <button
                    id=format!("group-{key}-up")
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Đưa lên: nhóm {}", index.get() + 1)
                    disabled=move || index.get() == 0
                    on:click=move |_| move_group(-1, "up")
                >
                    "Đưa lên"
                </button>
                <button
                    id=format!("group-{key}-down")
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Đưa xuống: nhóm {}", index.get() + 1)
                    disabled=last
                    on:click=move |_| move_group(1, "down")
                >
                    "Đưa xuống"
                </button>
                <button
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Xóa nhóm {}", index.get() + 1)
                    on:click=move |_| {
                        list.update(|list| list.groups.retain(|group| group.key != key));
                        focus_soon("add-group".into());
                    }
                >
                    "Xóa nhóm"
                </button>
            </div>
        </fieldset>
    }
}

#[component]
fn LinkFields(group: u32, link: u32, list: RwSignal<Groups>) -> impl IntoView {
    let position = Memo::new(move |_| {
        list.with(|list| {
            list.groups
                .iter()
                .find(|row| row.key == group)
                .map(|row| {
                    let at = row
                        .links
                        .iter()
                        .position(|row| row.key == link)
                        .unwrap_or(0);
                    (at, row.links.len())
                })
                .unwrap_or((0, 0))
        })
    });
    let (name, url) = list.with_untracked(|list| {
        list.groups
            .iter()
            .find(|row| row.key == group)
            .and_then(|row| row.links.iter().find(|row| row.key == link))
            .map(|row| (row.name.clone(), row.url.clone()))
            .unwrap_or_default()
    });
    let edit = move |change: &dyn Fn(&mut LinkRow)| {
        list.update(|list| {
            if let Some(row) = list
                .group_mut(group)
                .and_then(|row| row.links.iter_mut().find(|row| row.key == link))
            {
                change(row);
            }
        });
    };
    let move_link = move |by: isize, button: &'static str| {
        list.update(|list| {
            if let Some(row) = list.group_mut(group) {
                shift(&mut row.links, |link| link.key, link, by);
            }
        });
        let other = if button == "up" { "down" } else { "up" };
        focus_soon_enabled([
            format!("link-{link}-{button}"),
            format!("link-{link}-{other}"),
        ]);
    };
    let number = move || position.get().0 + 1;
    view! {
        <li class="staff-link">
            <div class="field">
                <label for=format!("link-{link}-name")>"Tên trang"</label>
                <input
                    id=format!("link-{link}-name")
                    type="text"
                    maxlength=LINK_NAME_MAX_CHARS
                    prop:value=name
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        edit(&|row| row.name = typed.clone());
                    }
                />
            </div>
            <div class="field">
                <label for=format!("link-{link}-url")>"Địa chỉ (URL)"</label>
                <input
                    id=format!("link-{link}-url")
                    type="url"
                    inputmode="url"
                    placeholder="https://"
                    maxlength=LINK_URL_MAX_BYTES
                    prop:value=url
                    on:input=move |event| {
                        let typed = event_target_value(&event);
                        edit(&|row| row.url = typed.clone());
                    }
                />
            </div>
            <div class="staff-actions">
                <button
                    id=format!("link-{link}-up")
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Đưa lên: liên kết {}", number())
                    disabled=move || position.get().0 == 0
                    on:click=move |_| move_link(-1, "up")
                >
                    "Đưa lên"
                </button>
                <button
                    id=format!("link-{link}-down")
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Đưa xuống: liên kết {}", number())
                    disabled=move || { let (at, count) = position.get(); at + 1 >= count }
                    on:click=move |_| move_link(1, "down")
                >
                    "Đưa xuống"
                </button>
                <button
                    type="button"
                    class="button button-small button-secondary"
                    aria-label=move || format!("Xóa: liên kết {}", number())
                    on:click=move |_| {
                        list.update(|list| {
                            if let Some(row) = list.group_mut(group) {
                                row.links.retain(|row| row.key != link);
                            }
                        });
                        focus_soon(format!("group-{group}-name"));
                    }
                >
                    "Xóa"
                </button>
            </div>
        </li>
    }
}
