//! The Vietnamese home page's blocks: how many items each shows and which categories get a
//! block of their own there. The app draws the page (`src/pages/home.rs`) and the server its
//! reading view (`server/src/reading_view.rs`) from these, so the two show the same items.

use crate::limits::MAX_PER_PAGE;
use crate::CategoryRef;

/// Tin tiêu điểm: the lead article and the others beside it.
pub const FEATURED_COUNT: u32 = 5;
/// The newest articles in each category's block.
pub const PER_CATEGORY: u32 = 4;
/// Văn bản mới.
pub const LATEST_DOCUMENTS: u32 = 5;
/// Hỏi đáp: the newest answered questions.
pub const LATEST_QUESTIONS: u32 = 4;
const _: () = assert!(
    FEATURED_COUNT <= MAX_PER_PAGE
        && PER_CATEGORY <= MAX_PER_PAGE
        && LATEST_DOCUMENTS <= MAX_PER_PAGE
        && LATEST_QUESTIONS <= MAX_PER_PAGE
);

/// Tin sở ban ngành, a block of the sidebar on every Vietnamese page.
pub const DEPARTMENT_CATEGORY: &str = "tin-so-ban-nganh";
/// Thông tin báo chí, a block of the sidebar on every Vietnamese page.
pub const PRESS_CATEGORY: &str = "thong-tin-bao-chi";

/// The categories of `menu` with a block in the home page's main column, in the menu's order:
/// all but the two the sidebar shows.
pub fn home_block_categories(menu: &[CategoryRef]) -> impl Iterator<Item = &CategoryRef> {
    menu.iter()
        .filter(|category| ![DEPARTMENT_CATEGORY, PRESS_CATEGORY].contains(&category.slug.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidebar_categories_have_no_block_of_their_own() {
        let category = |slug: &str| CategoryRef {
            slug: slug.to_string(),
            name: slug.to_string(),
        };
        let menu = [
            category("tin-tuc"),
            category(DEPARTMENT_CATEGORY),
            category("thong-bao"),
            category(PRESS_CATEGORY),
        ];
        let slugs: Vec<&str> = home_block_categories(&menu)
            .map(|category| category.slug.as_str())
            .collect();
        assert_eq!(slugs, ["tin-tuc", "thong-bao"]);
    }
}
