//! Pieces that several pages share.

pub mod article_list;
#[cfg(any(feature = "map", feature = "embeds"))]
pub mod assets;
pub mod counts;
pub mod document_list;
pub mod feedback_form;
pub mod filter_select;
pub mod footer;
pub mod header;
pub mod highlight;
pub mod language_switch;
#[cfg(feature = "map")]
pub mod map;
pub mod network_status;
pub mod next_task;
pub mod not_found;
pub mod pagination;
pub mod photo;
pub mod question_list;
pub mod route_focus;
pub mod search_box;
pub mod share;
pub mod sidebar;
pub mod status;
pub mod text_size;
pub mod useful_question;
pub mod widgets;
