//! Paging parameters, validated the same way on both sides.

use crate::limits::{DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PagingError {
    NotANumber {
        name: &'static str,
        value: String,
    },
    OutOfRange {
        name: &'static str,
        min: u32,
        max: u32,
    },
}

impl std::fmt::Display for PagingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PagingError::NotANumber { name, value } => {
                write!(f, "`{name}` must be a whole number, got {value:?}")
            }
            PagingError::OutOfRange { name, min, max } => {
                write!(f, "`{name}` must be between {min} and {max}")
            }
        }
    }
}

impl PageRequest {
    /// Reads `page` and `per_page` as they arrive in a query string (absent means default).
    pub fn parse(page: Option<&str>, per_page: Option<&str>) -> Result<Self, PagingError> {
        let page = parse_bounded("page", page, 1, 1, MAX_PAGE)?;
        let per_page = parse_bounded("per_page", per_page, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)?;
        Ok(Self { page, per_page })
    }

    /// Checks numbers that arrived already parsed (the server's typed queries).
    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Result<Self, PagingError> {
        let check = |name, value: Option<u32>, default, max| match value {
            None => Ok(default),
            Some(value) if (1..=max).contains(&value) => Ok(value),
            Some(_) => Err(PagingError::OutOfRange { name, min: 1, max }),
        };
        Ok(Self {
            page: check("page", page, 1, MAX_PAGE)?,
            per_page: check("per_page", per_page, DEFAULT_PER_PAGE, MAX_PER_PAGE)?,
        })
    }

    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }

    /// The answer for this page: its `items` out of `total`.
    pub fn answer<T>(self, items: Vec<T>, total: u64) -> crate::Paged<T> {
        crate::Paged {
            items,
            page: self.page,
            per_page: self.per_page,
            total,
            more_than_total: false,
        }
    }
}

/// The query parameter of a list page's address that names its page (`?trang=2`).
pub const PAGE_PARAM: &str = "trang";

/// The page a list's address asks for, from its `trang` parameter: a missing or unreadable
/// one means the first.
pub fn requested_page(value: Option<&str>) -> u32 {
    value
        .and_then(|value| value.parse::<u32>().ok())
        .filter(|page| *page >= 1)
        .unwrap_or(1)
}

/// A list page's address: `path` with the filters that have a value, each written by
/// `encode` (the browser's `encodeURIComponent` in the app), and the page past the first.
pub fn listing_href<'a>(
    path: &str,
    filters: impl IntoIterator<Item = (&'a str, &'a str)>,
    page: u32,
    encode: impl Fn(&str) -> String,
) -> String {
    let mut parts: Vec<String> = filters
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    if page > 1 {
        parts.push(format!("{PAGE_PARAM}={page}"));
    }
    if parts.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

/// ` · Trang 2/5` after a list's total, when the list has more than one page.
pub fn page_of(t: &crate::Texts, current: u32, count: u32) -> Option<String> {
    (count > 1).then(|| {
        crate::fill(
            t.page_of,
            &[
                ("current", &current.to_string()),
                ("count", &count.to_string()),
            ],
        )
    })
}

/// The page links a list offers around `current` of `count` pages: the first, the last and
/// two either side; `None` where pages are left out (drawn as "…"). The app's pagination and
/// the server's reading view draw the same links.
pub fn pages_to_show(current: u32, count: u32) -> Vec<Option<u32>> {
    let mut shown = Vec::new();
    let mut previous = 0;
    for page in 1..=count {
        let near = page + 2 >= current && page <= current + 2;
        if page == 1 || page == count || near {
            if page > previous + 1 {
                shown.push(None);
            }
            shown.push(Some(page));
            previous = page;
        }
    }
    shown
}

fn parse_bounded(
    name: &'static str,
    raw: Option<&str>,
    default: u32,
    min: u32,
    max: u32,
) -> Result<u32, PagingError> {
    let Some(raw) = raw else {
        return Ok(default);
    };
    let value: u64 = raw.trim().parse().map_err(|_| PagingError::NotANumber {
        name,
        value: raw.to_owned(),
    })?;
    if value < u64::from(min) || value > u64::from(max) {
        return Err(PagingError::OutOfRange { name, min, max });
    }
    Ok(value as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unreadable_page_is_the_first() {
        assert_eq!(requested_page(Some("3")), 3);
        for value in [
            None,
            Some(""),
            Some("0"),
            Some("-2"),
            Some("hai"),
            Some("99999999999"),
        ] {
            assert_eq!(requested_page(value), 1, "{value:?}");
        }
    }

    #[test]
    fn page_links_keep_the_ends_and_the_neighbours() {
        let shown = |current, count| -> Vec<String> {
            pages_to_show(current, count)
                .into_iter()
                .map(|page| page.map_or("…".into(), |page: u32| page.to_string()))
                .collect()
        };
        assert_eq!(shown(1, 1), ["1"]);
        assert_eq!(shown(1, 4), ["1", "2", "3", "4"]);
        assert_eq!(shown(1, 9), ["1", "2", "3", "…", "9"]);
        assert_eq!(shown(5, 9), ["1", "…", "3", "4", "5", "6", "7", "…", "9"]);
        assert_eq!(
            shown(9, 20),
            ["1", "…", "7", "8", "9", "10", "11", "…", "20"]
        );
    }

    #[test]
    fn defaults_when_absent() {
        assert_eq!(
            PageRequest::parse(None, None).unwrap(),
            PageRequest {
                page: 1,
                per_page: DEFAULT_PER_PAGE
            }
        );
    }

    #[test]
    fn rejects_zero_huge_and_text() {
        assert!(matches!(
            PageRequest::parse(Some("0"), None),
            Err(PagingError::OutOfRange { name: "page", .. })
        ));
        assert!(matches!(
            PageRequest::parse(None, Some("9999")),
            Err(PagingError::OutOfRange {
                name: "per_page",
                ..
            })
        ));
        assert!(matches!(
            PageRequest::parse(Some("abc"), None),
            Err(PagingError::NotANumber { name: "page", .. })
        ));
        assert!(matches!(
            PageRequest::parse(Some("-1"), None),
            Err(PagingError::NotANumber { .. })
        ));
        assert!(PageRequest::parse(Some("99999999999999999999"), None).is_err());
    }

    #[test]
    fn parsed_numbers_are_checked_the_same_way() {
        assert_eq!(
            PageRequest::new(Some(2), None).unwrap(),
            PageRequest::parse(Some("2"), None).unwrap()
        );
        assert!(PageRequest::new(Some(0), None).is_err());
        assert!(PageRequest::new(None, Some(MAX_PER_PAGE + 1)).is_err());
        assert!(PageRequest::new(Some(MAX_PAGE), Some(MAX_PER_PAGE)).is_ok());
    }

    #[test]
    fn offset_counts_whole_pages() {
        let request = PageRequest::parse(Some("3"), Some("12")).unwrap();
        assert_eq!(request.offset(), 24);
    }
}
