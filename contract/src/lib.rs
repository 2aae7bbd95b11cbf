//! The contract between the portal's web app and its JSON API.
//!
//! Both sides compile these types, so a change to a field breaks the build of whichever side
//! was not updated instead of breaking readers at run time. Nothing here touches a browser,
//! a socket or a database.

pub mod about;
pub mod api;
pub mod documents;
pub mod editorial;
pub mod embed;
pub mod feedback;
pub mod home;
pub mod i18n;
pub mod limits;
pub mod map;
pub mod numbers;
pub mod paging;
pub mod procedures;
pub mod questions;
pub mod rating;
pub mod search_page;
pub mod staff;
pub mod text;
pub mod time;
pub mod week;

pub use api::*;
pub use feedback::{
    validate_feedback, FeedbackInput, FeedbackReceipt, FeedbackRecord, FieldErrors,
};
pub use i18n::{fill, Lang, Texts};
pub use map::{
    FeatureCollectionType, FeatureType, Geometry, LinkTarget, MapTiles, Place, PlaceCollection,
    PlaceKind, PlaceLink, PlaceProperties,
};
pub use numbers::{format_count, format_file_size, group_digits, plural};
pub use paging::{PageRequest, PagingError};
pub use rating::{validate_rating, PageRatings, RatingInput};
pub use text::{fold, fold_char, fold_decomposed, slugify};
pub use time::{
    format_date, format_display, portal_offset, to_portal_offset, PORTAL_OFFSET_SECONDS,
};
pub use week::{iso_week_label, parse_iso_week, week_start, weekday_name};
