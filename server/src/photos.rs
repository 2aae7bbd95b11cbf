//! Checking, cleaning and resizing uploaded photos.
