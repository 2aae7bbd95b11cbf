//! The staff's articles: working copies, revisions, and publishing into `articles`.
