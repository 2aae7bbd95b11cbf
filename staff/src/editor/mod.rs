//! The article editor's parts that are not a page: the rich text area and its toolbar, the
//! cleaning of pasted text, the copy kept on this computer while typing, and photo uploads.

pub mod autosave;
pub mod paste;
pub mod photo;
pub mod rich_text;

use portal_contract::editorial::StaffArticle;
use portal_contract::Image;
use serde::{Deserialize, Serialize};

/// Everything the editor's form holds: what a save sends, less the version.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ArticleForm {
    pub title: String,
    pub category: String,
    pub author: String,
    pub summary: String,
    pub featured: bool,
    pub image: Option<Image>,
    /// As the editable area holds it; cleaned (`paste::clean_html`) when sent.
    pub body_html: String,
}

impl From<&StaffArticle> for ArticleForm {
    fn from(article: &StaffArticle) -> Self {
        let content = &article.content;
        ArticleForm {
            title: content.title.clone(),
            category: content.category.clone(),
            author: content.author.clone(),
            summary: content.summary.clone(),
            featured: content.featured,
            image: content.image.clone(),
            body_html: content.body_html.clone(),
        }
    }
}
