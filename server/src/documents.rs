//! Rules of documents that are neither SQL nor HTTP: which files may be attached and how their
//! content is recognized, the words a document's number is found by, and the slug a document
//! gets when its import gives none.

use portal_contract::documents::{DocumentKind, DOCUMENT_SLUG_MAX_CHARS};
use portal_contract::slugify;

use crate::search::index_words;

/// The kinds of files a document may have attached, known by their extension and proved by
/// their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Doc,
    Docx,
    Xls,
    Xlsx,
    Odt,
}

/// Every kind, for messages that list them.
pub const FILE_KINDS: [FileKind; 6] = [
    FileKind::Pdf,
    FileKind::Doc,
    FileKind::Docx,
    FileKind::Xls,
    FileKind::Xlsx,
    FileKind::Odt,
];

/// How an OLE compound file (Word 97–2003, Excel 97–2003) begins.
const OLE_SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// A zip container's local file header, central directory entry and end of central directory.
const ZIP_LOCAL: &[u8] = b"PK\x03\x04";
const ZIP_CENTRAL: &[u8] = b"PK\x01\x02";
const ZIP_END: &[u8] = b"PK\x05\x06";
const ZIP64_END_LOCATOR: &[u8] = b"PK\x06\x07";
/// The end of central directory record without its comment, and the longest comment.
const ZIP_END_BYTES: usize = 22;
const ZIP_MAX_COMMENT: usize = 0xFFFF;

impl FileKind {
    /// The kind a file name's extension says, in any letter case.
    pub fn from_name(name: &str) -> Option<Self> {
        let (_, extension) = name.rsplit_once('.')?;
        FILE_KINDS
            .into_iter()
            .find(|kind| kind.extension().eq_ignore_ascii_case(extension))
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Doc => "doc",
            FileKind::Docx => "docx",
            FileKind::Xls => "xls",
            FileKind::Xlsx => "xlsx",
            FileKind::Odt => "odt",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Doc => "application/msword",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Xls => "application/vnd.ms-excel",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
        }
    }

    /// The kind of a stored media type.
    pub fn from_content_type(content_type: &str) -> Option<Self> {
        FILE_KINDS
            .into_iter()
            .find(|kind| kind.content_type() == content_type)
    }

    /// What a download link calls it: `PDF`, `DOCX`.
    pub fn format(self) -> String {
        self.extension().to_ascii_uppercase()
    }

    /// Whether `bytes` are what the extension says, from their structure rather than trust:
    /// a PDF starts `%PDF-`; Word and Excel 97–2003 files are OLE compound files; DOCX, XLSX
    /// and ODT are zip containers whose central directory reads (and, for OOXML, names
    /// `[Content_Types].xml`; for ODT, whose first entry is its `mimetype`). `Err` says what
    /// is wrong.
    pub fn check(self, bytes: &[u8]) -> Result<(), String> {
        let name = self.format();
        match self {
            FileKind::Pdf if bytes.starts_with(b"%PDF-") => Ok(()),
            FileKind::Pdf => Err("is not a PDF (it does not start with %PDF-)".into()),
            FileKind::Doc | FileKind::Xls if bytes.starts_with(OLE_SIGNATURE) => Ok(()),
            FileKind::Doc | FileKind::Xls => {
                Err(format!("is not a {name} file (not an OLE compound file)"))
            }
            FileKind::Docx | FileKind::Xlsx => {
                let directory = zip_central_directory(bytes)
                    .map_err(|problem| format!("is not a {name} file ({problem})"))?;
                if find(directory, b"[Content_Types].xml").is_none() {
                    return Err(format!(
                        "is not a {name} file (a zip without [Content_Types].xml)"
                    ));
                }
                Ok(())
            }
            FileKind::Odt => {
                zip_central_directory(bytes)
                    .map_err(|problem| format!("is not an ODT file ({problem})"))?;
                if !odt_mimetype_first(bytes) {
                    return Err(
                        "is not an ODT file (its first entry is not the text mimetype)".into(),
                    );
                }
                Ok(())
            }
        }
    }
}

/// The central directory of a zip container, once its structure is checked: it starts with a
/// local file header, its end record is where the format puts it (with its comment reaching
/// exactly to the end), and the directory it points to lies before that record and starts
/// with a directory entry.
fn zip_central_directory(bytes: &[u8]) -> Result<&[u8], &'static str> {
    if !bytes.starts_with(ZIP_LOCAL) {
        return Err("not a zip container");
    }
    let earliest = bytes.len().saturating_sub(ZIP_END_BYTES + ZIP_MAX_COMMENT);
    let last = bytes
        .len()
        .checked_sub(ZIP_END_BYTES)
        .ok_or("a zip cut short")?;
    let end = (earliest..=last)
        .rev()
        .find(|&at| {
            bytes[at..].starts_with(ZIP_END)
                && at + ZIP_END_BYTES + usize::from(u16_at(bytes, at + 20)) == bytes.len()
        })
        .ok_or("a zip without its central directory's end")?;
    let size = u32_at(bytes, end + 12);
    let offset = u32_at(bytes, end + 16);
    if size == u32::MAX || offset == u32::MAX {
        // ZIP64: the real values are in a record before; a locator must point to it.
        let located = end >= 20 && bytes[end - 20..].starts_with(ZIP64_END_LOCATOR);
        return if located {
            Ok(&bytes[..end])
        } else {
            Err("a ZIP64 end without its locator")
        };
    }
    let (size, offset) = (size as usize, offset as usize);
    if offset.checked_add(size).is_none_or(|stop| stop > end) || size == 0 {
        return Err("its central directory lies outside the file");
    }
    let directory = &bytes[offset..offset + size];
    if !directory.starts_with(ZIP_CENTRAL) {
        return Err("its central directory is not where its end says");
    }
    Ok(directory)
}

/// An OpenDocument text stores its media type first, uncompressed, under `mimetype`.
fn odt_mimetype_first(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"mimetype";
    const TYPE: &[u8] = b"application/vnd.oasis.opendocument.text";
    if bytes.len() < 30 {
        return false;
    }
    let name_length = usize::from(u16_at(bytes, 26));
    let extra_length = usize::from(u16_at(bytes, 28));
    let data = 30 + name_length + extra_length;
    bytes.get(30..30 + name_length) == Some(NAME)
        && bytes
            .get(data..data + TYPE.len())
            .is_some_and(|found| found == TYPE)
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The words a document is found by besides its abstract: its number as people type it. For
/// `125/QĐ-UBND`: its parts (`125 qd ubnd`), those parts joined (`125qdubnd`), numbers
/// without their leading zeros (`05` also as `5`), and the type's code (`qd`), so that
/// `125/QD-UBND`, `125 qd ubnd`, `125` and `qd` alone (every Quyết định, whatever its number
/// says) all find it. Folded as the search index folds.
pub fn number_words(number: &str, kind: &DocumentKind) -> String {
    let parts = index_words(number);
    let mut words = parts.clone();
    if parts.len() > 1 {
        words.push(parts.concat());
    }
    for part in &parts {
        let trimmed = part.trim_start_matches('0');
        if trimmed.len() < part.len()
            && !trimmed.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
        {
            words.push(trimmed.to_string());
        }
    }
    words.extend(index_words(kind.code));
    words.join(" ")
}

/// The slug of a document its import gives none: its number and abstract, cut at a word to
/// at most `DOCUMENT_SLUG_MAX_CHARS` characters.
pub fn default_slug(number: &str, summary: &str) -> String {
    let slug = slugify(&format!("{number} {summary}"));
    if slug.len() <= DOCUMENT_SLUG_MAX_CHARS {
        return slug;
    }
    // A slug is ASCII: bytes are characters.
    let cut = &slug[..=DOCUMENT_SLUG_MAX_CHARS];
    match cut.rfind('-') {
        Some(at) if at > 0 => cut[..at].to_string(),
        _ => slug[..DOCUMENT_SLUG_MAX_CHARS].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored (uncompressed) zip holding `names`, each with `content`, as `zip -0` writes.
    pub fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, content) in entries {
            let offset = out.len() as u32;
            let header = |signature: &[u8], central: bool| {
                let mut h = signature.to_vec();
                if central {
                    h.extend(20u16.to_le_bytes()); // made by
                }
                h.extend(20u16.to_le_bytes()); // needed
                h.extend(0u16.to_le_bytes()); // flags
                h.extend(0u16.to_le_bytes()); // stored
                h.extend(0u32.to_le_bytes()); // time, date
                h.extend(0u32.to_le_bytes()); // crc (not checked here)
                h.extend((content.len() as u32).to_le_bytes());
                h.extend((content.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes()); // extra
                if central {
                    h.extend(0u16.to_le_bytes()); // comment
                    h.extend(0u16.to_le_bytes()); // disk
                    h.extend(0u16.to_le_bytes()); // internal attributes
                    h.extend(0u32.to_le_bytes()); // external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            out.extend(header(ZIP_LOCAL, false));
            out.extend(*content);
            central.extend(header(ZIP_CENTRAL, true));
        }
        let directory_offset = out.len() as u32;
        out.extend(&central);
        out.extend(ZIP_END);
        out.extend(0u32.to_le_bytes()); // disks
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((entries.len() as u16).to_le_bytes());
        out.extend((central.len() as u32).to_le_bytes());
        out.extend(directory_offset.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    #[test]
    fn kinds_come_from_extensions() {
        assert_eq!(FileKind::from_name("Quyết định.PDF"), Some(FileKind::Pdf));
        assert_eq!(FileKind::from_name("bieu-mau.xlsx"), Some(FileKind::Xlsx));
        assert_eq!(FileKind::from_name("trang.html"), None);
        assert_eq!(FileKind::from_name("pdf"), None);
    }

    #[test]
    fn content_must_match_the_extension() {
        assert!(FileKind::Pdf.check(b"%PDF-1.4\n...").is_ok());
        assert!(FileKind::Pdf.check(b"<html><body>").is_err());
        let mut ole = OLE_SIGNATURE.to_vec();
        ole.extend([0; 500]);
        assert!(FileKind::Doc.check(&ole).is_ok());
        assert!(FileKind::Xls.check(b"PK\x03\x04").is_err());

        let docx = stored_zip(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", b"<w/>"),
        ]);
        assert!(FileKind::Docx.check(&docx).is_ok());
        assert!(FileKind::Xlsx.check(&docx).is_ok());
        assert!(FileKind::Odt.check(&docx).is_err());
        // Cut, or only a signature: the directory does not read.
        assert!(FileKind::Docx.check(&docx[..docx.len() - 5]).is_err());
        assert!(FileKind::Docx
            .check(b"PK\x03\x04 and nothing else")
            .is_err());
        let plain_zip = stored_zip(&[("a.txt", b"a")]);
        assert!(FileKind::Docx.check(&plain_zip).is_err());

        let odt = stored_zip(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office/>"),
        ]);
        assert!(FileKind::Odt.check(&odt).is_ok());
    }

    #[test]
    fn numbers_are_found_as_typed() {
        let decision = DocumentKind::by_slug("quyet-dinh").unwrap();
        assert_eq!(
            number_words("125/QĐ-UBND", decision),
            "125 qd ubnd 125qdubnd qd"
        );
        assert_eq!(
            number_words("05/2024/QĐ-UBND", decision),
            "05 2024 qd ubnd 052024qdubnd 5 qd"
        );
        let letter = DocumentKind::by_slug("cong-van").unwrap();
        assert_eq!(
            number_words("215/UBND-VP", letter),
            "215 ubnd vp 215ubndvp cv"
        );
    }

    #[test]
    fn default_slugs_are_cut_at_a_word() {
        assert_eq!(
            default_slug("125/QĐ-UBND", "Về việc ban hành quy chế"),
            "125-qd-ubnd-ve-viec-ban-hanh-quy-che"
        );
        let long = default_slug("48/KH-UBND", &"Kế hoạch triển khai ".repeat(20));
        assert!(long.len() <= DOCUMENT_SLUG_MAX_CHARS, "{long}");
        assert!(long.starts_with("48-kh-ubnd-ke-hoach") && !long.ends_with('-'));
    }
}
