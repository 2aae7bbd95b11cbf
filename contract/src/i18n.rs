//! The portal's two languages: Vietnamese, the default, at every address, and English under
//! `/en`. The interface's text is in the catalogue (`contract/catalogue/*.json`), turned into
//! `Texts` by `build.rs`; the app and the server's reading view both take their words from it.

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// Where the English pages live.
pub const EN_PREFIX: &str = "/en";
/// The English articles' pages: `/en/news/{slug}`.
pub const EN_NEWS_PREFIX: &str = "/en/news/";
pub const EN_ABOUT_PATH: &str = "/en/about";
pub const EN_ORGANIZATION_PATH: &str = "/en/organization";
pub const EN_CONTACT_PATH: &str = "/en/contact";
pub const EN_SEARCH_PATH: &str = "/en/search";
/// The English contact page's slug among the editorial pages (`GET /pages/contact?lang=en`).
pub const CONTACT_PAGE_SLUG: &str = "contact";
/// The query parameter that asks the API for a language's content.
pub const LANG_PARAM: &str = "lang";

/// Pages that exist in both languages, as (Vietnamese, English) paths. Articles pair up by
/// their `counterpart` instead.
pub const COUNTERPART_PAGES: &[(&str, &str)] = &[
    ("/", EN_PREFIX),
    (crate::about::ABOUT_PAGE_PATH, EN_ABOUT_PATH),
    (crate::about::ORGANIZATION_PAGE_PATH, EN_ORGANIZATION_PATH),
    ("/tim-kiem", EN_SEARCH_PATH),
];

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The language's code in `lang` and `hreflang` attributes and the API's `lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of the page at `path`: English under `/en`, Vietnamese elsewhere.
    pub fn of_path(path: &str) -> Lang {
        match path.strip_prefix(EN_PREFIX) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }

    /// The language's home page.
    pub fn home(self) -> &'static str {
        match self {
            Lang::Vi => "/",
            Lang::En => EN_PREFIX,
        }
    }

    /// The page of an article written in this language.
    pub fn article_path(self, slug: &str) -> String {
        match self {
            Lang::Vi => format!("/tin-tuc/{slug}"),
            Lang::En => format!("{EN_NEWS_PREFIX}{slug}"),
        }
    }

    /// `vi_VN` or `en_GB`, for Open Graph's `og:locale`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Vi => "vi_VN",
            Lang::En => "en_GB",
        }
    }
}

/// The other language's version of a fixed page (`/gioi-thieu` → `/en/about`), if it has one.
pub fn counterpart_page(path: &str) -> Option<&'static str> {
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    COUNTERPART_PAGES.iter().find_map(|&(vi, en)| {
        if path == vi {
            Some(en)
        } else if path == en {
            Some(vi)
        } else {
            None
        }
    })
}

/// Page `page` of the English home page's news (`/en?trang=2`).
pub fn english_home_href(page: u32) -> String {
    crate::paging::listing_href(EN_PREFIX, [], page, str::to_string)
}

/// An API path asking for `lang`'s content. Vietnamese is the API's default, so its paths stay
/// as they were (and as the server preloads them).
pub fn api_path_in(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => path.to_string(),
        Lang::En => {
            let separator = if path.contains('?') { '&' } else { '?' };
            format!("{path}{separator}{LANG_PARAM}=en")
        }
    }
}

/// A catalogue text with its `{name}`s replaced: `fill(t.results_count, &[("n", "12")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_home_pages_addresses_name_pages_past_the_first() {
        assert_eq!(english_home_href(1), "/en");
        assert_eq!(english_home_href(2), "/en?trang=2");
    }

    #[test]
    fn english_lives_under_en_only() {
        assert_eq!(Lang::of_path("/en"), Lang::En);
        assert_eq!(Lang::of_path("/en/news/a"), Lang::En);
        assert_eq!(Lang::of_path("/"), Lang::Vi);
        assert_eq!(Lang::of_path("/tin-tuc/en"), Lang::Vi);
        // A Vietnamese slug that starts with the letters.
        assert_eq!(Lang::of_path("/enh"), Lang::Vi);
    }

    #[test]
    fn fixed_pages_pair_both_ways() {
        assert_eq!(counterpart_page("/gioi-thieu"), Some("/en/about"));
        assert_eq!(counterpart_page("/en/about"), Some("/gioi-thieu"));
        assert_eq!(counterpart_page("/"), Some("/en"));
        assert_eq!(counterpart_page("/en/"), Some("/"));
        assert_eq!(counterpart_page("/en/contact"), None);
        assert_eq!(counterpart_page("/van-ban"), None);
    }

    #[test]
    fn the_vietnamese_default_name_is_the_catalogue_s() {
        // `DEFAULT_SITE_NAME` is a `const` for the places that need one; the catalogue's
        // entry must say the same.
        assert_eq!(VI.site_name_default, crate::DEFAULT_SITE_NAME);
    }

    #[test]
    fn english_api_paths_ask_for_english() {
        assert_eq!(api_path_in("/site", Lang::Vi), "/site");
        assert_eq!(api_path_in("/site", Lang::En), "/site?lang=en");
        assert_eq!(
            api_path_in("/articles?page=2", Lang::En),
            "/articles?page=2&lang=en"
        );
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{n} of {total}, {n}", &[("n", "3"), ("total", "9")]),
            "3 of 9, 3"
        );
    }
}
