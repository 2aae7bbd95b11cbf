//! Numbers and counts as the page's language writes them.

use portal_contract::{group_digits, Lang};

/// `12.345` on the Vietnamese pages, `12,345` on the English ones.
pub fn number(n: u64) -> String {
    let grouped = group_digits(n);
    match crate::i18n::lang() {
        Lang::Vi => grouped,
        Lang::En => grouped.replace('.', ","),
    }
}

/// The catalogue text for a count of `n`: `one` for exactly one (English says "1 document",
/// Vietnamese the same words for any number), `many` otherwise.
pub fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
