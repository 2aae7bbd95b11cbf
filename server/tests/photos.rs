//! Photo uploads through the whole router: `POST /api/v1/admin/photos` and `GET /media/{name}`.

mod common;

use std::io::Cursor;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use common::{from_peer, StaffSession, TestPortal};
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageBuffer, ImageDecoder, ImageFormat, Rgb, RgbImage, Rgba};
use portal_contract::limits::PHOTO_ALT_MAX_CHARS;
use portal_contract::staff::StaffRole;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const UPLOAD: &str =
    "/api/v1/admin/photos?alt=H%E1%BB%99i%20ngh%E1%BB%8B%20t%E1%BB%95ng%20k%E1%BA%BFt";
const ALT: &str = "Hội nghị tổng kết";

/// In the photo's GPS metadata, and in no stored file.
const GPS_MARKER: &[u8] = b"BINHLIEU-GPS-MARKER";
const CAMERA_MARKER: &[u8] = b"SecretPhone";

/// The (address, width) pairs of a `srcset` value.
fn srcset_sizes(srcset: &str) -> Vec<(String, u32)> {
    srcset
        .split(", ")
        .map(|candidate| {
            let (url, width) = candidate.split_once(' ').unwrap();
            (
                url.to_string(),
                width.trim_end_matches('w').parse().unwrap(),
            )
        })
        .collect()
}

/// Adds an editor and signs them in.
async fn sign_in(portal: &TestPortal) -> StaffSession {
    portal.signed_in("phongvien", StaffRole::Editor).await
}

fn upload_request(
    uri: &str,
    session: Option<&StaffSession>,
    content_type: &str,
    bytes: Vec<u8>,
) -> Request<Body> {
    let mut request = Request::post(uri).header("content-type", content_type);
    if let Some(session) = session {
        request = request
            .header("cookie", &session.cookie)
            .header("x-csrf-token", &session.csrf);
    }
    from_peer(request.body(Body::from(bytes)).unwrap(), [192, 0, 2, 1])
}

/// Uploads `bytes` as `content_type`: the status and the answer as JSON.
async fn upload(
    portal: &TestPortal,
    session: &StaffSession,
    content_type: &str,
    bytes: Vec<u8>,
) -> (StatusCode, Value) {
    send(
        portal,
        upload_request(UPLOAD, Some(session), content_type, bytes),
    )
    .await
}

async fn send(portal: &TestPortal, request: Request<Body>) -> (StatusCode, Value) {
    let (status, headers, body) = portal.request(request).await;
    assert_eq!(
        headers["content-type"],
        "application/json",
        "{status}: {}",
        String::from_utf8_lossy(&body)
    );
    (status, serde_json::from_slice(&body).unwrap())
}

fn stored_files(portal: &TestPortal) -> Vec<(String, String, Vec<u8>)> {
    portal.with_conn(|conn| {
        conn.query(
            "SELECT name, content_type, bytes FROM media_files ORDER BY name",
            &[],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .unwrap()
    })
}

fn stored_count(portal: &TestPortal) -> u64 {
    portal.with_conn(|conn| {
        conn.query_one("SELECT COUNT(*) FROM media_files", &[], |row| row.get(0))
            .unwrap()
    })
}

/// A `width` × `height` picture with gradients and a red band along its left edge.
fn picture(width: u32, height: u32) -> RgbImage {
    ImageBuffer::from_fn(width, height, |x, y| {
        if x < width / 10 {
            Rgb([230, 20, 20])
        } else {
            Rgb([
                (x * 200 / width) as u8,
                (y * 200 / height) as u8,
                ((x ^ y) % 64) as u8 + 100,
            ])
        }
    })
}

fn jpeg(image: &RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(image)
        .unwrap();
    out
}

fn encoded(image: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// The latitude 21° 31' 45.67" as EXIF writes it: three big-endian rationals.
fn latitude() -> Vec<u8> {
    [21u32, 1, 31, 1, 4567, 100]
        .iter()
        .flat_map(|n| n.to_be_bytes())
        .collect()
}

/// An EXIF APP1 segment as a phone writes one: the camera, orientation 6 ("turn 90°
/// clockwise to view"), and a GPS position.
fn exif_segment() -> Vec<u8> {
    fn entry(tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
        tiff.extend_from_slice(&tag.to_be_bytes());
        tiff.extend_from_slice(&kind.to_be_bytes());
        tiff.extend_from_slice(&count.to_be_bytes());
        tiff.extend_from_slice(&value);
    }
    const ASCII: u16 = 2;
    const SHORT: u16 = 3;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    // Offsets from the TIFF header: IFD0 at 8 (3 entries, 42 bytes), the camera's name at 50
    // (12), the GPS IFD at 62 (5 entries, 66), then its latitude, longitude and datum.
    let mut tiff = b"MM\x00\x2a".to_vec();
    tiff.extend_from_slice(&8u32.to_be_bytes());
    tiff.extend_from_slice(&3u16.to_be_bytes());
    entry(&mut tiff, 0x010F, ASCII, 12, 50u32.to_be_bytes());
    entry(&mut tiff, 0x0112, SHORT, 1, [0, 6, 0, 0]);
    entry(&mut tiff, 0x8825, LONG, 1, 62u32.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(tiff.len(), 50);
    tiff.extend_from_slice(CAMERA_MARKER);
    tiff.push(0);
    assert_eq!(tiff.len(), 62);
    tiff.extend_from_slice(&5u16.to_be_bytes());
    entry(&mut tiff, 0x0001, ASCII, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0002, RATIONAL, 3, 128u32.to_be_bytes());
    entry(&mut tiff, 0x0003, ASCII, 2, *b"E\0\0\0");
    entry(&mut tiff, 0x0004, RATIONAL, 3, 152u32.to_be_bytes());
    entry(&mut tiff, 0x0012, ASCII, 20, 176u32.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    assert_eq!(tiff.len(), 128);
    tiff.extend_from_slice(&latitude());
    tiff.extend(
        [107u32, 1, 22, 1, 1234, 100]
            .iter()
            .flat_map(|n| n.to_be_bytes()),
    );
    tiff.extend_from_slice(GPS_MARKER);
    tiff.push(0);
    assert_eq!(tiff.len(), 196);
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// A phone's photo: stored landscape, 1700 × 1300, to be viewed turned (1300 × 1700), with
/// its GPS position in an EXIF segment right after the start-of-image marker.
fn phone_photo() -> Vec<u8> {
    let plain = jpeg(&picture(1700, 1300));
    let mut file = plain[..2].to_vec();
    file.extend_from_slice(&exif_segment());
    file.extend_from_slice(&plain[2..]);
    file
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn assert_clean(bytes: &[u8]) {
    assert!(!contains(bytes, b"Exif"), "an EXIF segment is stored");
    assert!(!contains(bytes, GPS_MARKER), "the GPS datum is stored");
    assert!(!contains(bytes, CAMERA_MARKER), "the camera is stored");
    assert!(!contains(bytes, &latitude()), "the latitude is stored");
}

fn assert_immutable(headers: &HeaderMap) {
    assert_eq!(
        headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_photo_is_stored_upright_at_each_width_without_its_metadata() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    let file = phone_photo();
    // The fixture is what a phone writes: the decoder reads its orientation, and its GPS
    // position is in it.
    let mut decoder = image::ImageReader::with_format(Cursor::new(&file), ImageFormat::Jpeg)
        .into_decoder()
        .unwrap();
    assert_eq!(
        decoder.orientation().unwrap(),
        image::metadata::Orientation::Rotate90
    );
    assert!(contains(&file, GPS_MARKER) && contains(&file, &latitude()));

    let (status, body) = upload(&portal, &session, "image/jpeg", file.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let image: portal_contract::Image = serde_json::from_value(body.clone()).unwrap();
    let hash = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(&file);
        digest[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    assert_eq!(image.alt, ALT);
    // Upright it is 1300 × 1700: 1280 wide is 1674 high.
    assert_eq!(image.url, format!("/media/{hash}-1280.jpg"));
    assert_eq!((image.width, image.height), (Some(1280), Some(1674)));
    let sizes = srcset_sizes(image.srcset.as_deref().unwrap());
    let widths: Vec<u32> = sizes.iter().map(|(_, width)| *width).collect();
    assert_eq!(widths, [320, 640, 1280]);
    let heights = [418, 837, 1674];

    for ((url, width), height) in sizes.iter().zip(heights) {
        assert_eq!(*url, format!("/media/{hash}-{width}.jpg"));
        let (status, headers, bytes) = portal.get(url).await;
        assert_eq!(status, StatusCode::OK, "{url}");
        assert_eq!(headers["content-type"], "image/jpeg");
        assert_immutable(&headers);
        assert!(headers.contains_key("etag"));
        assert_eq!(headers["content-length"], bytes.len().to_string());
        assert_clean(&bytes);
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg)
            .unwrap()
            .into_rgb8();
        assert_eq!(decoded.dimensions(), (*width, height), "{url}");
        // Upright: the red band of the stored left edge is now along the top.
        let top = decoded.get_pixel(*width / 2, 2);
        assert!(top[0] > 180 && top[1] < 80, "{url}: {top:?}");
        let left = decoded.get_pixel(2, height / 2);
        assert!(left[0] < 180 || left[1] > 80, "{url}: {left:?}");
    }

    // What the database holds is clean too, and only these three files.
    let stored = stored_files(&portal);
    assert_eq!(stored.len(), 3);
    for (name, content_type, bytes) in &stored {
        assert!(name.starts_with(&hash), "{name}");
        assert_eq!(content_type, "image/jpeg");
        assert_clean(bytes);
    }

    // The upload is in the audit log, with who and from where.
    let audit: Vec<(String, Option<String>, Option<String>, String)> = portal.with_conn(|conn| {
        conn.query(
            "SELECT action, actor, address, subject FROM audit_log WHERE action = 'photo_uploaded'",
            &[],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )
        .unwrap()
    });
    assert_eq!(
        audit,
        [(
            "photo_uploaded".to_string(),
            Some("phongvien".to_string()),
            Some("192.0.2.1".to_string()),
            image.url.clone()
        )]
    );

    // Asked again with its tag, a file is not sent again.
    let (_, headers, _) = portal.get(&image.url).await;
    let request = Request::get(&image.url)
        .header("if-none-match", headers["etag"].clone())
        .body(Body::empty())
        .unwrap();
    let (status, headers, bytes) = portal.request(request).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert!(bytes.is_empty());
    assert_immutable(&headers);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn png_with_transparency_and_webp_are_taken() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;

    // Half transparent: flattened onto white. Declared as something else: the bytes decide.
    let png = encoded(
        DynamicImage::ImageRgba8(ImageBuffer::from_fn(500, 300, |x, _| {
            Rgba([20, 40, 200, if x < 250 { 0 } else { 255 }])
        })),
        ImageFormat::Png,
    );
    let (status, body) = upload(&portal, &session, "image/webp", png).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["width"], 500);
    assert_eq!(body["height"], 300);
    assert_eq!(srcset_sizes(body["srcset"].as_str().unwrap()).len(), 2);
    let url = body["url"].as_str().unwrap();
    assert!(url.ends_with("-500.jpg"), "{url}");
    let (status, headers, bytes) = portal.get(url).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/jpeg");
    let flat = image::load_from_memory(&bytes).unwrap().into_rgb8();
    assert!(flat.get_pixel(40, 100).0.iter().all(|&c| c > 235));
    assert!(flat.get_pixel(300, 100)[2] > 150);

    let webp = encoded(
        DynamicImage::ImageRgb8(picture(700, 400)),
        ImageFormat::WebP,
    );
    let (status, body) = upload(&portal, &session, "image/webp", webp).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let sizes = srcset_sizes(body["srcset"].as_str().unwrap());
    let widths: Vec<u32> = sizes.iter().map(|(_, width)| *width).collect();
    assert_eq!(widths, [320, 640, 700]);
    assert_eq!(
        (body["width"].as_u64(), body["height"].as_u64()),
        (Some(700), Some(400))
    );
    for (url, _) in &sizes {
        let (status, _, bytes) = portal.get(url).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(image::guess_format(&bytes).unwrap(), ImageFormat::Jpeg);
    }

    // A photo narrower than the narrowest width keeps its own.
    let small = jpeg(&picture(200, 100));
    let (status, body) = upload(&portal, &session, "image/jpeg", small).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        (body["width"].as_u64(), body["height"].as_u64()),
        (Some(200), Some(100))
    );
    assert_eq!(
        body["srcset"],
        format!("{} 200w", body["url"].as_str().unwrap())
    );
    assert_eq!(stored_count(&portal), 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_photo_over_two_megabytes_is_taken() {
    // Noise does not compress: about 3 MB as PNG, over axum's default body limit.
    let mut seed = 0x2545_f491_u32;
    let noise = ImageBuffer::from_fn(1000, 1000, |_, _| {
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        };
        Rgb([next(), next(), next()])
    });
    let png = encoded(DynamicImage::ImageRgb8(noise), ImageFormat::Png);
    assert!(png.len() > 2_500_000, "{}", png.len());
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    let (status, body) = upload(&portal, &session, "image/png", png).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["width"], 1000);
}

#[tokio::test]
async fn files_that_are_not_photos_are_refused_and_nothing_is_stored() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    // Named `.jpg` and sent as a JPEG, but HTML or SVG by their bytes: 415.
    for bytes in [
        &b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"[..],
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"9\"/></svg>",
        b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    ] {
        let (status, body) = upload(&portal, &session, "image/jpeg", bytes.to_vec()).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
        assert_eq!(body["error"]["code"], "unsupported_media_type");
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }

    // A JPEG cut off on the way, or damaged after its first bytes: 422, on the file.
    let whole = jpeg(&picture(800, 600));
    let mut damaged = whole[..3].to_vec();
    damaged.extend_from_slice(&[0x5a; 2000]);
    for bytes in [
        whole[..whole.len() / 2].to_vec(),
        whole[..whole.len() - 2].to_vec(),
        damaged,
    ] {
        let (status, body) = upload(&portal, &session, "image/jpeg", bytes).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "invalid");
        assert!(body["error"]["fields"]["file"].is_string(), "{body}");
    }

    // A decompression bomb: a JPEG whose header claims 16000 × 16000 pixels (768 MB
    // decoded) is refused before its pixels are decoded.
    let mut bomb = jpeg(&picture(64, 64));
    let frame = bomb.windows(2).position(|m| m == [0xFF, 0xC0]).unwrap();
    bomb[frame + 5..frame + 9].copy_from_slice(&[0x3E, 0x80, 0x3E, 0x80]);
    let (status, body) = upload(&portal, &session, "image/jpeg", bomb).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["file"].is_string(), "{body}");

    // No body at all.
    let (status, body) = upload(&portal, &session, "image/jpeg", Vec::new()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["error"]["fields"]["file"].is_string(), "{body}");

    assert_eq!(stored_count(&portal), 0);
    let uploads: u64 = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'photo_uploaded'",
            &[],
            |row| row.get(0),
        )
        .unwrap()
    });
    assert_eq!(uploads, 0);
}

#[tokio::test]
async fn a_photo_needs_its_description() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    let photo = jpeg(&picture(400, 300));
    let too_long = "a".repeat(PHOTO_ALT_MAX_CHARS + 1);
    for uri in [
        "/api/v1/admin/photos".to_string(),
        "/api/v1/admin/photos?alt=".to_string(),
        "/api/v1/admin/photos?alt=%20%20%E2%80%8B%20".to_string(),
        format!("/api/v1/admin/photos?alt={too_long}"),
    ] {
        let request = upload_request(&uri, Some(&session), "image/jpeg", photo.clone());
        let (status, body) = send(&portal, request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}: {body}");
        assert!(body["error"]["fields"]["alt"].is_string(), "{uri}: {body}");
    }
    // At the limit, and trimmed.
    let longest = "ả".repeat(PHOTO_ALT_MAX_CHARS);
    let uri = format!("/api/v1/admin/photos?alt=%20{longest}%20");
    let (status, body) = send(
        &portal,
        upload_request(&uri, Some(&session), "image/jpeg", photo),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["alt"], longest);
}

#[tokio::test]
async fn only_a_signed_in_staff_member_with_the_csrf_token_uploads() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    let photo = jpeg(&picture(400, 300));

    let (status, body) = send(
        &portal,
        upload_request(UPLOAD, None, "image/jpeg", photo.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");

    let without_token = from_peer(
        Request::post(UPLOAD)
            .header("content-type", "image/jpeg")
            .header("cookie", &session.cookie)
            .body(Body::from(photo.clone()))
            .unwrap(),
        [192, 0, 2, 1],
    );
    let (status, body) = send(&portal, without_token).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");

    let wrong_token = StaffSession {
        cookie: session.cookie.clone(),
        csrf: "not-the-token".into(),
    };
    let (status, body) = upload(&portal, &wrong_token, "image/jpeg", photo).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(stored_count(&portal), 0);
}

#[tokio::test]
async fn a_script_uploads_with_the_bearer_token() {
    let portal = TestPortal::with_state(0, |state| state.with_admin_token("jeton-des-scripts"));
    let photo = jpeg(&picture(400, 300));
    let with_token = |token: &str| {
        from_peer(
            Request::post(UPLOAD)
                .header("content-type", "image/jpeg")
                .header("authorization", format!("Bearer {token}"))
                .body(Body::from(photo.clone()))
                .unwrap(),
            [192, 0, 2, 9],
        )
    };
    let (status, body) = send(&portal, with_token("wrong")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(stored_count(&portal), 0);
    let (status, body) = send(&portal, with_token("jeton-des-scripts")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let actor: Option<String> = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT actor FROM audit_log WHERE action = 'photo_uploaded'",
            &[],
            |row| row.get(0),
        )
        .unwrap()
    });
    assert_eq!(actor.as_deref(), Some("token"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_30_mb_upload_is_refused_before_it_is_read() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(portal_server::serve::serve(
        listener,
        portal.router.clone(),
        portal_server::serve::ConnectionLimits::default(),
        std::future::pending(),
    ));
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST {UPLOAD} HTTP/1.1\r\nHost: portal\r\nContent-Type: image/jpeg\r\n\
         Content-Length: {}\r\nCookie: {}\r\nX-CSRF-Token: {}\r\n\r\n",
        30 * 1024 * 1024,
        session.cookie,
        session.csrf
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    // The first bytes of the body, and then nothing: the answer must not wait for the rest.
    stream.write_all(&jpeg(&picture(64, 64))).await.unwrap();
    let mut answer = vec![0; 4096];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("an answer before the body is sent");
    let answer = String::from_utf8_lossy(&answer[..read.unwrap()]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("payload_too_large"), "{answer}");
    assert_eq!(stored_count(&portal), 0);
}

#[tokio::test]
async fn unknown_media_is_404() {
    let portal = TestPortal::with_articles(0);
    for uri in [
        "/media/0123456789abcdef0123456789abcdef-320.jpg",
        "/media/0123456789abcdef0123456789abcdef-320.png",
        "/media/not-a-photo.jpg",
        "/media/..%2Fportal.db",
        "/media/0123456789ABCDEF0123456789ABCDEF-320.jpg",
    ] {
        let (status, headers, _) = portal.get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_ne!(
            headers.get("cache-control").map(|v| v.to_str().unwrap()),
            Some("public, max-age=31536000, immutable"),
            "{uri}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_file_twice_answers_the_same_and_stores_nothing_new() {
    let portal = TestPortal::with_articles(0);
    let session = sign_in(&portal).await;
    let photo = jpeg(&picture(900, 600));
    let (status, first) = upload(&portal, &session, "image/jpeg", photo.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let before = stored_files(&portal);
    assert_eq!(before.len(), 3);
    let (status, second) = upload(&portal, &session, "image/jpeg", photo).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(first, second);
    assert_eq!(stored_files(&portal), before);
    // Both uploads are in the log.
    let uploads: u64 = portal.with_conn(|conn| {
        conn.query_one(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'photo_uploaded'",
            &[],
            |row| row.get(0),
        )
        .unwrap()
    });
    assert_eq!(uploads, 2);
}
