//! One module per page of the staff area.

pub mod about;
pub mod articles;
pub mod audit;
pub mod documents;
pub mod editor;
pub mod feedback;
pub mod links;
pub mod preview;
pub mod ratings;
pub mod revisions;
pub mod schedule;
pub mod sign_in;
pub mod users;
