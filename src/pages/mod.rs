//! One module per route.

pub mod about;
pub mod article;
pub mod category;
pub mod documents;
#[cfg(feature = "embeds")]
pub mod embed_gallery;
pub mod english_home;
pub mod feedback;
pub mod feedback_lookup;
pub mod home;
#[cfg(not(all(feature = "map", feature = "embeds")))]
pub mod in_full_app;
pub mod links;
#[cfg(feature = "map")]
pub mod map;
pub mod procedures;
pub mod questions;
pub mod saved;
pub mod schedule;
pub mod search;
