//! One module per route.

pub mod article;
pub mod category;
pub mod embed_gallery;
pub mod feedback;
pub mod home;
pub mod links;
pub mod map;
pub mod not_found;
pub mod schedule;
pub mod search;
