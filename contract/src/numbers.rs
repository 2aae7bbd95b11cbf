//! Numbers as Vietnamese readers write them.

/// `2325646` → `2.325.646`: Vietnamese groups thousands with dots.
pub fn group_digits(number: u64) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(999), "999");
        assert_eq!(group_digits(1202), "1.202");
        assert_eq!(group_digits(2325646), "2.325.646");
        assert_eq!(group_digits(100000), "100.000");
        assert_eq!(group_digits(u64::MAX), "18.446.744.073.709.551.615");
    }
}
