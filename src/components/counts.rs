//! Numbers and counts as the page's language writes them.

pub use portal_contract::plural;

/// `12.345` on the Vietnamese pages, `12,345` on the English ones.
pub fn number(n: u64) -> String {
    portal_contract::format_count(crate::i18n::lang(), n)
}
