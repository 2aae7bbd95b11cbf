//! The portal's reference API server: axum over SQLite, serving the built web app too.

pub mod app;
pub mod clock;
pub mod db;
pub mod embed;
pub mod error;
pub mod feeds;
pub mod health;
pub mod html;
pub mod http_cache;
pub mod import;
pub mod limits;
pub mod openapi;
pub mod pages;
pub mod reading_view;
pub mod request_guard;
pub mod routes;
pub mod sanitize;
pub mod search;
pub mod security;
pub mod seed;
pub mod serve;
pub mod staff;
pub mod state;
pub mod store;
pub mod synthetic;
pub mod tiles;
