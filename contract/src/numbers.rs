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

/// A count as `lang` writes it: `12.345` in Vietnamese, `12,345` in English.
pub fn format_count(lang: crate::Lang, n: u64) -> String {
    let grouped = group_digits(n);
    match lang {
        crate::Lang::Vi => grouped,
        crate::Lang::En => grouped.replace('.', ","),
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

/// A file's size as a download link shows it: `856 byte`, `3,4 KB`, `1,2 MB` (1 KB = 1,024
/// bytes; one decimal, written with a comma and left out when it is 0). Integer arithmetic:
/// formatting floats would add to the web app's wasm.
pub fn format_file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes < KB {
        return format!("{} byte", group_digits(bytes));
    }
    // Tenths of the unit, rounded half up; a size that rounds to 1.024 KB reads as 1 MB.
    let tenths = |unit: u64| bytes.saturating_mul(10).saturating_add(unit / 2) / unit;
    let (tenths, name) = match tenths(KB) {
        kb if kb < 10 * 1024 => (kb, "KB"),
        _ => (tenths(KB * KB), "MB"),
    };
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 {
        format!("{} {name}", group_digits(whole))
    } else {
        format!("{},{tenth} {name}", group_digits(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::{format_file_size, group_digits};

    #[test]
    fn file_sizes_read_as_vietnamese_write_them() {
        assert_eq!(format_file_size(0), "0 byte");
        assert_eq!(format_file_size(1023), "1.023 byte");
        assert_eq!(format_file_size(1024), "1 KB");
        assert_eq!(format_file_size(3482), "3,4 KB");
        assert_eq!(format_file_size(1_048_575), "1 MB");
        assert_eq!(format_file_size(1_048_000), "1.023,4 KB");
        assert_eq!(format_file_size(1_258_291), "1,2 MB");
        assert_eq!(format_file_size(50 * 1024 * 1024), "50 MB");
        assert_eq!(format_file_size(5_000 * 1024 * 1024), "5.000 MB");
    }

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
