//! The staff area's web app (`/quan-tri`): press officers and clerks sign in, write and
//! publish articles, and keep the work schedule, the linked websites and the accounts.

mod api;
mod app;
mod editor;
mod pages;
mod session;
mod ui;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
