//! Uploaded photos' files.
