//! The search page, `/tim-kiem?q=&chuyen-muc=&tu-ngay=&den-ngay=&trang=` (`/en/search` in
//! English): what its address holds. The app draws it (`src/pages/search.rs`) and the server
//! its reading view, from the same criteria and addresses.

use crate::i18n::EN_SEARCH_PATH;
use crate::paging::listing_href;
use crate::Lang;

/// The Vietnamese search page.
pub const SEARCH_PAGE_PATH: &str = "/tim-kiem";
/// How many documents the search page shows under the articles; the rest are a link away.
pub const DOCUMENT_HITS: u32 = 3;

/// What a reader searches for; every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchCriteria {
    pub text: String,
    /// A category's slug.
    pub category: String,
    /// `YYYY-MM-DD`, inclusive.
    pub from: String,
    pub to: String,
    /// The language of the articles searched (and of the results' page).
    pub lang: Lang,
}

impl SearchCriteria {
    /// The names of the address's parameters, in the order `params` gives the values.
    pub const PARAMS: [&'static str; 4] = ["q", "chuyen-muc", "tu-ngay", "den-ngay"];

    /// The criteria a search page's address in `lang` holds; `param(name)` reads one of its
    /// parameters.
    pub fn from_address<'a>(lang: Lang, param: impl Fn(&str) -> Option<&'a str>) -> Self {
        let get = |name: &str| param(name).unwrap_or_default().to_string();
        Self {
            text: get("q"),
            category: get("chuyen-muc"),
            from: get("tu-ngay"),
            to: get("den-ngay"),
            lang,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.category.is_empty()
            && self.from.is_empty()
            && self.to.is_empty()
    }

    /// The search page of `lang`, without an address's query.
    pub fn path(&self) -> &'static str {
        match self.lang {
            Lang::Vi => SEARCH_PAGE_PATH,
            Lang::En => EN_SEARCH_PATH,
        }
    }

    /// `PARAMS` with their values, the words trimmed.
    pub fn params(&self) -> [(&'static str, &str); 4] {
        let [text, category, from, to] = Self::PARAMS;
        [
            (text, self.text.trim()),
            (category, &self.category),
            (from, &self.from),
            (to, &self.to),
        ]
    }

    /// The address of page `page` of the results, each value written by `encode` (the
    /// browser's `encodeURIComponent` in the app).
    pub fn href(&self, page: u32, encode: impl Fn(&str) -> String) -> String {
        listing_href(self.path(), self.params(), page, encode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_holds_the_criteria_and_the_page() {
        let criteria = SearchCriteria {
            text: " quoc phong ".to_string(),
            category: "thong-bao".to_string(),
            lang: Lang::Vi,
            ..Default::default()
        };
        let href = criteria.href(2, |value| value.replace(' ', "%20"));
        assert_eq!(
            href,
            "/tim-kiem?q=quoc%20phong&chuyen-muc=thong-bao&trang=2"
        );
        let read = SearchCriteria::from_address(Lang::Vi, |name| match name {
            "q" => Some("quoc phong"),
            "chuyen-muc" => Some("thong-bao"),
            _ => None,
        });
        assert_eq!(read.params(), criteria.params());
        assert_eq!(
            SearchCriteria {
                lang: Lang::En,
                ..Default::default()
            }
            .href(1, str::to_string),
            EN_SEARCH_PATH
        );
        assert!(SearchCriteria::default().is_empty());
    }
}
