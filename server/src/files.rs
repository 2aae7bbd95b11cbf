//! `/files/{id}/{name}`: documents' attached files, from the database, cached for good.
//!
//! The id is the attachment's row, which names one content for ever (a changed file gets a
//! new row: `store::documents`), so browsers and caches keep an answer a year without asking
//! again; the content's SHA-256 is its `ETag`. The name must be the one stored with the id: a
//! right id with another name is a 404, never another file. Ranges (`Range: bytes=…`) let a
//! phone resume a large PDF; the bytes are read a chunk at a time from the database, for a
//! range as for a whole download, so no answer holds a whole 50 MB file in memory.
//! (`security::add_headers` adds `X-Content-Type-Options: nosniff` to every answer.)

use axum::body::{Body, Bytes};
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::db::Pool;
use crate::error::{json_error, AppError};
use crate::media::IMMUTABLE;
use crate::state::AppState;
use crate::store::documents::{self as store, StoredFile, CHUNK_BYTES};

/// A document's attached file, a part of it (206), or a 404.
pub async fn serve_file(
    State(state): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    request_headers: HeaderMap,
) -> Response {
    // A path that does not decode (invalid UTF-8 in its escapes) names no file either.
    let Ok(Path((id, name))) = path else {
        return not_found();
    };
    let Some(id) = file_id(&id) else {
        return not_found();
    };
    let found = state.db(move |conn| Ok(store::file(conn, id)?)).await;
    let file = match found {
        Ok(Some(file)) if file.name == name => file,
        Ok(_) => return not_found(),
        Err(err) => return err.into_response(),
    };
    let etag = format!("\"{}\"", file.sha256);
    let etag = HeaderValue::from_str(&etag).expect("a hex hash is a valid header value");
    let cached = request_headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|list| names_tag(list, &etag));
    if cached {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
        headers.insert(header::ETAG, etag);
        return response;
    }
    // A range is honoured only for the content the client has part of (`If-Range`).
    let range_applies = request_headers
        .get(header::IF_RANGE)
        .is_none_or(|value| value.to_str().is_ok_and(|value| value.trim() == etag));
    let range = request_headers
        .get(header::RANGE)
        .and_then(|value| value.to_str().ok())
        .filter(|_| range_applies);
    match wanted(range, file.size) {
        Wanted::Unsatisfiable => {
            let mut response = json_error(
                StatusCode::RANGE_NOT_SATISFIABLE,
                format!("the file has {} bytes", file.size),
            );
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_RANGE,
                HeaderValue::from_str(&format!("bytes */{}", file.size))
                    .expect("a number is a valid header value"),
            );
            headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
            response
        }
        Wanted::Whole => answer(state.pool.clone(), file, etag, StatusCode::OK, 0, None),
        Wanted::Part(first, last) => answer(
            state.pool.clone(),
            file,
            etag,
            StatusCode::PARTIAL_CONTENT,
            first,
            Some(last),
        ),
    }
}

/// Bytes `first..=last` of `file` (to its end when `last` is `None`), read as they are sent.
fn answer(
    pool: Pool,
    file: StoredFile,
    etag: HeaderValue,
    status: StatusCode,
    first: u64,
    last: Option<u64>,
) -> Response {
    let end = last.map_or(file.size, |last| last + 1);
    let mut response = Response::new(chunks(pool, file.sha256.clone(), first, end));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    let value = |text: String| HeaderValue::from_str(&text).ok();
    if let Some(content_type) = value(file.content_type.clone()) {
        headers.insert(header::CONTENT_TYPE, content_type);
    }
    if let Some(length) = value((end - first).to_string()) {
        headers.insert(header::CONTENT_LENGTH, length);
    }
    if last.is_some() {
        if let Some(range) = value(format!("bytes {first}-{}/{}", end - 1, file.size)) {
            headers.insert(header::CONTENT_RANGE, range);
        }
    }
    if let Some(disposition) = value(content_disposition(&file)) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
    headers.insert(header::ETAG, etag);
    response
}

/// Bytes `from..to` of the stored file with this hash, a chunk per statement, each on a
/// connection taken only while it reads, so a slow download holds no connection between
/// chunks. A chunk that is gone mid-way (the file replaced meanwhile) ends the body with an
/// error, which cuts the connection: the client sees a short download, never wrong bytes.
fn chunks(pool: Pool, sha256: String, from: u64, to: u64) -> Body {
    let chunk = CHUNK_BYTES as u64;
    let stream = futures_util::stream::try_unfold(from, move |at| {
        let (pool, sha256) = (pool.clone(), sha256.clone());
        async move {
            if at >= to {
                return Ok(None);
            }
            let position = at / chunk;
            let read = tokio::task::spawn_blocking(move || {
                store::chunk(&mut pool.get()?, &sha256, position)
            })
            .await
            .map_err(std::io::Error::other)?
            .map_err(std::io::Error::other)?;
            let bytes = read.ok_or_else(|| std::io::Error::other("a stored chunk is missing"))?;
            let start = position * chunk;
            let skip = (at - start) as usize;
            let take = ((to - start) as usize).min(bytes.len());
            if skip >= take {
                return Err(std::io::Error::other(
                    "a stored chunk is shorter than its file",
                ));
            }
            let next = start + take as u64;
            Ok(Some((Bytes::from(bytes).slice(skip..take), next)))
        }
    });
    Body::from_stream(stream)
}

/// The part of a file of `size` bytes a `Range` header asks for. One range of bytes only: a
/// header with several, another unit, or one that does not parse is ignored and the whole
/// file sent (RFC 9110, 14.2); a range that starts past the end cannot be satisfied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Whole,
    /// First and last byte, inclusive.
    Part(u64, u64),
    Unsatisfiable,
}

fn wanted(range: Option<&str>, size: u64) -> Wanted {
    let Some(spec) = range.and_then(|range| range.trim().strip_prefix("bytes=")) else {
        return Wanted::Whole;
    };
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Wanted::Whole;
    };
    if spec.contains(',') || size == 0 {
        return Wanted::Whole;
    }
    let number = |text: &str| {
        let text = text.trim();
        (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u64>().ok())
            .flatten()
    };
    if first.trim().is_empty() {
        // The last N bytes.
        return match number(last) {
            Some(0) => Wanted::Unsatisfiable,
            Some(suffix) => Wanted::Part(size.saturating_sub(suffix), size - 1),
            None => Wanted::Whole,
        };
    }
    let Some(first) = number(first) else {
        return Wanted::Whole;
    };
    // An open end runs to the file's end.
    let last = if last.trim().is_empty() {
        None
    } else {
        match number(last) {
            Some(last) => Some(last),
            None => return Wanted::Whole,
        }
    };
    if last.is_some_and(|last| last < first) {
        return Wanted::Whole;
    }
    if first >= size {
        return Wanted::Unsatisfiable;
    }
    Wanted::Part(first, last.map_or(size - 1, |last| last.min(size - 1)))
}

/// `inline` for a PDF (browsers show it), `attachment` for the rest; the name as a plain
/// ASCII fallback and, for everything else, in UTF-8 (RFC 6266, RFC 8187).
fn content_disposition(file: &StoredFile) -> String {
    let disposition = if file.content_type == "application/pdf" {
        "inline"
    } else {
        "attachment"
    };
    format!(
        "{disposition}; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_name(&file.name),
        percent_encoded(&file.name)
    )
}

/// The name without tone marks (`Quyết định` → `Quyet dinh`), with anything that is not
/// printable ASCII, a quote or a backslash as `_`.
fn ascii_name(name: &str) -> String {
    let mut ascii = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii() {
            let keep = (' '..='~').contains(&c) && c != '"' && c != '\\';
            ascii.push(if keep { c } else { '_' });
            continue;
        }
        let mut folded = String::new();
        portal_contract::fold_char(c, |f| folded.push(f));
        if c.is_uppercase() {
            folded = folded.to_uppercase();
        }
        let plain: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
        if plain.is_empty() {
            ascii.push('_');
        } else {
            ascii.push_str(&plain);
        }
    }
    ascii
}

/// RFC 8187's encoding: attr-chars as they are, every other byte as `%XX`.
fn percent_encoded(name: &str) -> String {
    let mut encoded = String::with_capacity(name.len() * 3);
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// An attachment's id as written in its address: digits only, within i64.
fn file_id(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 18 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Whether an `If-None-Match` list names `tag`, weakly compared (RFC 9110, 13.1.2).
fn names_tag(list: &str, tag: &HeaderValue) -> bool {
    let tag = tag.to_str().unwrap_or_default();
    list.split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}

fn not_found() -> Response {
    AppError::NotFound("no such file".into()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_byte_range_is_read_as_rfc_9110_says() {
        let size = 1000;
        assert_eq!(wanted(None, size), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=0-99"), size), Wanted::Part(0, 99));
        assert_eq!(wanted(Some("bytes=900-"), size), Wanted::Part(900, 999));
        assert_eq!(wanted(Some("bytes=900-5000"), size), Wanted::Part(900, 999));
        assert_eq!(wanted(Some("bytes=-100"), size), Wanted::Part(900, 999));
        assert_eq!(wanted(Some("bytes=-5000"), size), Wanted::Part(0, 999));
        assert_eq!(wanted(Some("bytes=1000-"), size), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=1000-1200"), size), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=-0"), size), Wanted::Unsatisfiable);
        for ignored in [
            "bytes=5-3",
            "bytes=0-1,5-6",
            "items=0-5",
            "bytes=a-b",
            "bytes=+5-9",
            "bytes=",
            "bytes=-",
        ] {
            assert_eq!(wanted(Some(ignored), size), Wanted::Whole, "{ignored}");
        }
    }

    #[test]
    fn names_are_given_in_ascii_and_in_utf8() {
        let file = StoredFile {
            name: "Quyết định 125-QĐ-UBND \"mới\".pdf".into(),
            content_type: "application/pdf".into(),
            sha256: String::new(),
            size: 1,
        };
        assert_eq!(
            content_disposition(&file),
            "inline; filename=\"Quyet dinh 125-QD-UBND _moi_.pdf\"; \
             filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20125-Q%C4%90-UBND%20%22m%E1%BB%9Bi%22.pdf"
        );
        let sheet = StoredFile {
            name: "Biểu mẫu.xlsx".into(),
            content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                .into(),
            ..file
        };
        assert!(content_disposition(&sheet).starts_with("attachment; filename=\"Bieu mau.xlsx\""));
    }

    #[test]
    fn ids_are_plain_numbers() {
        assert_eq!(file_id("17"), Some(17));
        for bad in ["", "-1", "+1", "1a", "１", "9999999999999999999"] {
            assert_eq!(file_id(bad), None, "{bad}");
        }
    }
}
