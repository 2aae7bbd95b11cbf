//! Turns the interface text catalogue (`catalogue/*.json`: each entry a key with its
//! Vietnamese and English text) into one typed struct, `i18n::Texts`, and its two instances:
//! a key missing from a language, or a placeholder one language has and the other lacks,
//! stops the build instead of showing a blank or a `{n}` to a reader. The JSON stays the
//! source so that translators edit text, not Rust, and the browser tests read the same file.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("catalogue");
    println!("cargo:rerun-if-changed=catalogue");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("contract/catalogue/ exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();

    let mut entries: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("a readable catalogue file");
        let file: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
            .unwrap_or_else(|err| panic!("{}: not a JSON object: {err}", path.display()));
        for (key, value) in file {
            // `_`-keys are notes for translators.
            if key.starts_with('_') {
                continue;
            }
            let valid_name = key.starts_with(|c: char| c.is_ascii_lowercase())
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            assert!(
                valid_name,
                "{}: `{key}` is not a snake_case name",
                path.display()
            );
            let text_in = |lang: &str| -> String {
                value
                    .get(lang)
                    .and_then(|text| text.as_str())
                    .filter(|text| !text.is_empty())
                    .unwrap_or_else(|| panic!("{}: `{key}` has no \"{lang}\" text", path.display()))
                    .to_string()
            };
            let (vi, en) = (text_in("vi"), text_in("en"));
            assert_eq!(
                placeholders(&vi),
                placeholders(&en),
                "{}: `{key}` has different placeholders in vi and en",
                path.display()
            );
            let file_name = path.display().to_string();
            if let Some((first, _, _)) = entries.insert(key.clone(), (file_name, vi, en)) {
                panic!("`{key}` is in {first} and {}", path.display());
            }
        }
    }

    let mut out = String::from(
        "/// Every text of the interface, in one language (`contract/catalogue/*.json`).\n\
         #[derive(Debug)]\npub struct Texts {\n",
    );
    for (key, (file, vi, _)) in &entries {
        writeln!(out, "    /// {vi:?} ({file})\n    pub {key}: &'static str,").unwrap();
    }
    out.push_str("}\n");
    for (name, pick) in [("VI", 0), ("EN", 1)] {
        writeln!(out, "pub static {name}: Texts = Texts {{").unwrap();
        for (key, (_, vi, en)) in &entries {
            let text = if pick == 0 { vi } else { en };
            writeln!(out, "    {key}: {text:?},").unwrap();
        }
        out.push_str("};\n");
    }
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("texts.rs");
    std::fs::write(target, out).expect("OUT_DIR is writable");
}

/// The `{name}`s of a text.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}
