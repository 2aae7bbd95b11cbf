//! Checking, cleaning and resizing uploaded photos: pure work on bytes, no I/O.
//!
//! A photo is accepted by its first bytes (JPEG, PNG or WebP, whatever it is called or
//! declared as), decoded within bounds (which proves it is an image, and keeps a
//! decompression bomb from taking the server's memory), turned upright by its EXIF
//! orientation, flattened onto white, resized and encoded again as JPEG. What is stored holds
//! pixels only: none of the original's metadata (EXIF with its GPS position, XMP, comments,
//! colour profile) survives the new encoding.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};
use portal_contract::limits::PHOTO_WIDTHS;

/// The widest and tallest photo decoded, in pixels.
pub const MAX_SIDE: u32 = 16_384;
/// What decoding one photo may allocate, in bytes (its decoded pixels included).
pub const MAX_ALLOC: u64 = 512 * 1024 * 1024;
/// The stored JPEGs' quality: no visible loss in a photo at a fraction of the size.
pub const JPEG_QUALITY: u8 = 82;
/// The stored files' media type.
pub const CONTENT_TYPE: &str = "image/jpeg";

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Its first bytes are not those of a JPEG, PNG or WebP file (HTML, SVG, a PDF, a GIF):
    /// 415.
    #[error("Tệp không phải ảnh JPEG, PNG hoặc WebP.")]
    NotAPhoto,
    /// It starts as one but does not decode: cut off, damaged, or a format feature the
    /// decoders do not support (422). The detail is for the log.
    #[error("Không đọc được ảnh: tệp bị hỏng hoặc không đầy đủ. Vui lòng tải lên lại.")]
    Undecodable(String),
    /// Too large in pixels to decode within the bounds (422).
    #[error("Ảnh quá lớn: mỗi chiều tối đa {MAX_SIDE} điểm ảnh.")]
    TooLarge,
}

/// One stored width of a photo: an upright, metadata-free JPEG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
}

/// The format of `bytes` by their first bytes, if it is one the portal takes.
pub fn sniff(bytes: &[u8]) -> Result<ImageFormat, PhotoError> {
    match image::guess_format(bytes) {
        Ok(format @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => Ok(format),
        _ => Err(PhotoError::NotAPhoto),
    }
}

/// The widths a photo `width` pixels wide (upright) is stored at, narrowest first: those of
/// `PHOTO_WIDTHS` it is at least as wide as, and its own width when it is narrower than the
/// widest (a 1000 px photo is not shown at 640 px on a wide screen).
pub fn widths_for(width: u32) -> Vec<u32> {
    let widest = width.min(PHOTO_WIDTHS[PHOTO_WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = PHOTO_WIDTHS
        .iter()
        .copied()
        .filter(|&stored| stored < widest)
        .collect();
    widths.push(widest);
    widths
}

/// Checks, cleans and resizes a photo: its variants, narrowest first. CPU-bound (a large
/// photo takes a good part of a second): run it off the async threads.
pub fn process(bytes: &[u8]) -> Result<Vec<Variant>, PhotoError> {
    let format = sniff(bytes)?;
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        // The JPEG decoder draws what is missing from a cut-off file as grey, as browsers do;
        // stored, that would be a photo half grey for good.
        return Err(PhotoError::Undecodable(
            "the JPEG ends before its end-of-image marker".into(),
        ));
    }
    let (image, orientation) = decode(bytes, format)?;
    let pixels = flatten(image);
    let swaps = swaps_sides(orientation);
    let (upright_width, upright_height) = if swaps {
        (pixels.height(), pixels.width())
    } else {
        pixels.dimensions()
    };
    let widths = widths_for(upright_width);
    // The widest straight from the original, the others from it: each of them is then a
    // reduction by two or four, which the filter does well, at a fraction of the work.
    let mut sizes: Vec<(u32, u32)> = widths
        .iter()
        .map(|&width| (width, scaled(upright_height, width, upright_width)))
        .collect();
    let (widest_width, widest_height) = sizes.pop().expect("at least one width");
    let widest = resize(&pixels, widest_width, widest_height, swaps);
    drop(pixels);
    let mut variants = Vec::with_capacity(widths.len());
    for (width, height) in sizes {
        variants.push(encode(resize(&widest, width, height, swaps), orientation)?);
    }
    variants.push(encode(widest, orientation)?);
    Ok(variants)
}

/// `bytes` decoded within the bounds, and the orientation its metadata asks for.
fn decode(bytes: &[u8], format: ImageFormat) -> Result<(DynamicImage, Orientation), PhotoError> {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    // `into_decoder` checks the sides; the decoded pixels count against the allocation too
    // (as `ImageReader::decode` does it).
    limits.reserve(decoder.total_bytes()).map_err(refusal)?;
    // Unreadable orientation metadata leaves the photo as it is rather than refusing it.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    Ok((image, orientation))
}

fn refusal(err: ImageError) -> PhotoError {
    match err {
        ImageError::Limits(_) => PhotoError::TooLarge,
        other => PhotoError::Undecodable(other.to_string()),
    }
}

/// The photo as 8-bit RGB; transparent parts drawn over white, as a page shows them.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let mut flat = RgbImage::new(rgba.width(), rgba.height());
    for (from, to) in rgba.pixels().zip(flat.pixels_mut()) {
        let alpha = u32::from(from[3]);
        for channel in 0..3 {
            let value = (u32::from(from[channel]) * alpha + 255 * (255 - alpha) + 127) / 255;
            to[channel] = value as u8;
        }
    }
    flat
}

/// Whether applying `orientation` swaps width and height.
fn swaps_sides(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// `side` scaled by `to / from`, rounded, at least 1.
fn scaled(side: u32, to: u32, from: u32) -> u32 {
    let value = (u64::from(side) * u64::from(to) + u64::from(from) / 2) / u64::from(from);
    u32::try_from(value).unwrap_or(u32::MAX).max(1)
}

/// `pixels` (as stored, before the orientation is applied) at the upright size
/// `width` × `height`. Resizing before turning the photo upright turns far fewer pixels.
fn resize(pixels: &RgbImage, width: u32, height: u32, swaps: bool) -> RgbImage {
    let (width, height) = if swaps {
        (height, width)
    } else {
        (width, height)
    };
    if pixels.dimensions() == (width, height) {
        return pixels.clone();
    }
    image::imageops::resize(pixels, width, height, FilterType::CatmullRom)
}

/// `pixels` turned upright and encoded, with nothing but the pixels.
fn encode(pixels: RgbImage, orientation: Orientation) -> Result<Variant, PhotoError> {
    let mut image = DynamicImage::ImageRgb8(pixels);
    image.apply_orientation(orientation);
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
        .encode_image(&image)
        // Never for an RGB image of at most 16384 pixels a side; refused rather than a panic.
        .map_err(|err| PhotoError::Undecodable(format!("encoding: {err}")))?;
    Ok(Variant {
        width: image.width(),
        height: image.height(),
        jpeg,
    })
}

/// Whether a JPEG's segments run from its start-of-image marker to its end-of-image marker:
/// a file cut off anywhere (in its headers or in the image data) does not.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return false;
    }
    let mut at = 2;
    loop {
        // A marker: 0xFF, perhaps more 0xFF as fill, then its code.
        if bytes.get(at) != Some(&0xFF) {
            return false;
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let Some(&code) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match code {
            // End of image.
            0xD9 => return true,
            // Markers without a segment: restarts, TEM.
            0xD0..=0xD7 | 0x01 => continue,
            // A stuffed zero outside image data.
            0x00 => return false,
            _ => {}
        }
        let Some(length) = bytes.get(at..at + 2) else {
            return false;
        };
        let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
        if length < 2 || at + length > bytes.len() {
            return false;
        }
        at += length;
        if code != 0xDA {
            continue;
        }
        // After a start of scan, the image data: up to the next marker that is neither a
        // stuffed zero nor a restart.
        loop {
            let Some(offset) = bytes[at..].iter().position(|&byte| byte == 0xFF) else {
                return false;
            };
            at += offset;
            match bytes.get(at + 1) {
                None => return false,
                Some(0x00 | 0xD0..=0xD7) => at += 2,
                Some(0xFF) => at += 1,
                Some(_) => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageBuffer, Rgb, Rgba};

    /// A `width` × `height` photo-like picture: gradients, so resizing has something to do.
    fn picture(width: u32, height: u32) -> RgbImage {
        ImageBuffer::from_fn(width, height, |x, y| {
            Rgb([
                (x * 255 / width.max(1)) as u8,
                (y * 255 / height.max(1)) as u8,
                ((x + y) % 256) as u8,
            ])
        })
    }

    fn jpeg(image: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(image)
            .unwrap();
        out
    }

    fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    /// An EXIF APP1 segment (big-endian TIFF) with only an orientation.
    fn exif_orientation(value: u16) -> Vec<u8> {
        let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
        tiff.extend_from_slice(&1u16.to_be_bytes());
        tiff.extend_from_slice(&0x0112u16.to_be_bytes());
        tiff.extend_from_slice(&3u16.to_be_bytes());
        tiff.extend_from_slice(&1u32.to_be_bytes());
        tiff.extend_from_slice(&value.to_be_bytes());
        tiff.extend_from_slice(&[0, 0]);
        tiff.extend_from_slice(&0u32.to_be_bytes());
        let mut segment = vec![0xFF, 0xE1];
        segment.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
        segment.extend_from_slice(b"Exif\0\0");
        segment.extend_from_slice(&tiff);
        segment
    }

    fn with_segment(jpeg: &[u8], segment: &[u8]) -> Vec<u8> {
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(segment);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn decoded(variant: &Variant) -> RgbImage {
        let image = image::load_from_memory_with_format(&variant.jpeg, ImageFormat::Jpeg)
            .unwrap()
            .into_rgb8();
        assert_eq!(image.dimensions(), (variant.width, variant.height));
        image
    }

    #[test]
    fn widths_never_exceed_the_original() {
        assert_eq!(widths_for(4000), [320, 640, 1280]);
        assert_eq!(widths_for(1280), [320, 640, 1280]);
        assert_eq!(widths_for(1279), [320, 640, 1279]);
        assert_eq!(widths_for(1000), [320, 640, 1000]);
        assert_eq!(widths_for(640), [320, 640]);
        assert_eq!(widths_for(320), [320]);
        assert_eq!(widths_for(319), [319]);
        assert_eq!(widths_for(1), [1]);
    }

    #[test]
    fn a_large_photo_gets_every_width_in_proportion() {
        let variants = process(&jpeg(&picture(2000, 1500))).unwrap();
        let sizes: Vec<(u32, u32)> = variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, [(320, 240), (640, 480), (1280, 960)]);
        for variant in &variants {
            decoded(variant);
            assert_eq!(sniff(&variant.jpeg), Ok(ImageFormat::Jpeg));
        }
    }

    #[test]
    fn a_small_photo_keeps_its_own_width() {
        let variants = process(&jpeg(&picture(200, 150))).unwrap();
        assert_eq!(variants.len(), 1);
        assert_eq!((variants[0].width, variants[0].height), (200, 150));
        let variants = process(&jpeg(&picture(700, 10))).unwrap();
        let sizes: Vec<(u32, u32)> = variants.iter().map(|v| (v.width, v.height)).collect();
        // Never less than a pixel high.
        assert_eq!(sizes, [(320, 5), (640, 9), (700, 10)]);
        let variants = process(&jpeg(&picture(1, 1))).unwrap();
        assert_eq!((variants[0].width, variants[0].height), (1, 1));
    }

    #[test]
    fn the_exif_orientation_is_applied_and_dropped() {
        // Stored landscape, 400 × 300, with a red left edge; orientation 6 says "turn 90°
        // clockwise to view", so the photo is upright as 300 × 400 with red at the top.
        let mut stored = picture(400, 300);
        for y in 0..300 {
            for x in 0..40 {
                stored.put_pixel(x, y, Rgb([255, 0, 0]));
            }
        }
        let file = with_segment(&jpeg(&stored), &exif_orientation(6));
        let variants = process(&file).unwrap();
        assert_eq!(variants.len(), 1);
        let upright = decoded(&variants[0]);
        assert_eq!(upright.dimensions(), (300, 400));
        let top = upright.get_pixel(150, 5);
        let bottom = upright.get_pixel(150, 395);
        assert!(top[0] > 200 && top[1] < 60, "{top:?}");
        assert!(bottom[0] < 200 || bottom[1] > 60, "{bottom:?}");
        assert!(!variants[0].jpeg.windows(4).any(|w| w == b"Exif"));
    }

    #[test]
    fn png_transparency_becomes_white() {
        let image = ImageBuffer::from_fn(400, 100, |x, _| {
            if x < 200 {
                Rgba([0, 0, 255, 0])
            } else {
                Rgba([0, 0, 255, 255])
            }
        });
        let file = encoded(&DynamicImage::ImageRgba8(image), ImageFormat::Png);
        assert_eq!(sniff(&file), Ok(ImageFormat::Png));
        let variants = process(&file).unwrap();
        assert_eq!((variants[0].width, variants[0].height), (320, 80));
        let flat = decoded(&variants[0]);
        let left = flat.get_pixel(40, 40);
        let right = flat.get_pixel(280, 40);
        assert!(left.0.iter().all(|&c| c > 240), "{left:?}");
        assert!(right[2] > 200 && right[0] < 40, "{right:?}");
    }

    #[test]
    fn webp_and_sixteen_bit_png_are_taken() {
        let webp = encoded(
            &DynamicImage::ImageRgb8(picture(700, 350)),
            ImageFormat::WebP,
        );
        assert_eq!(sniff(&webp), Ok(ImageFormat::WebP));
        let sizes: Vec<u32> = process(&webp).unwrap().iter().map(|v| v.width).collect();
        assert_eq!(sizes, [320, 640, 700]);

        let deep = DynamicImage::ImageRgb8(picture(330, 200)).into_rgba16();
        let png = encoded(&DynamicImage::ImageRgba16(deep), ImageFormat::Png);
        assert_eq!(process(&png).unwrap()[0].width, 320);
    }

    #[test]
    fn the_smallest_files_of_each_format_are_taken() {
        // schemathesis's samples (`make test`'s API conformance run sends them): 1 × 1 pixel.
        use base64::Engine;
        for sample in [
            "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAFA3PEY8MlBGQUZaVVBfeMiCeG5uePWvuZHI////////////////\
             ////////////////////////////////////wAALCAABAAEBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAEC\
             AwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAk\
             M2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJ\
             ipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3\
             +Pn6/9oACAEBAAA/AKVf/9k=",
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==",
            "UklGRhoAAABXRUJQVlA4TA4AAAAvAAAAAAcQEf0PRET/Aw==",
        ] {
            let file = base64::engine::general_purpose::STANDARD
                .decode(sample)
                .unwrap();
            let variants = process(&file).unwrap();
            assert_eq!((variants[0].width, variants[0].height), (1, 1));
        }
    }

    #[test]
    fn what_is_not_a_photo_by_its_bytes_is_refused() {
        for bytes in [
            &b"<!DOCTYPE html><html><body>hi</body></html>"[..],
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            b"<?xml version=\"1.0\"?><svg/>",
            b"%PDF-1.7",
            b"GIF89a\x01\x00\x01\x00",
            b"",
            b"\xFF",
        ] {
            assert_eq!(process(bytes), Err(PhotoError::NotAPhoto), "{bytes:?}");
        }
    }

    #[test]
    fn cut_off_and_damaged_files_are_undecodable() {
        let whole = jpeg(&picture(500, 400));
        assert!(jpeg_is_complete(&whole));
        for cut in [whole.len() - 1, whole.len() / 2, 200, 20, 3] {
            assert!(
                matches!(process(&whole[..cut]), Err(PhotoError::Undecodable(_))),
                "cut at {cut}"
            );
        }
        let mut damaged = whole[..4].to_vec();
        damaged.extend_from_slice(&[0x42; 500]);
        assert!(matches!(process(&damaged), Err(PhotoError::Undecodable(_))));
        // Bytes after the end-of-image marker (some cameras write them) are no harm.
        let mut trailing = whole.clone();
        trailing.extend_from_slice(b"trailing");
        assert!(process(&trailing).is_ok());

        let picture = DynamicImage::ImageRgb8(picture(500, 400));
        for format in [ImageFormat::Png, ImageFormat::WebP] {
            let whole = encoded(&picture, format);
            for cut in [whole.len() * 2 / 3, 40, 12] {
                assert!(
                    matches!(process(&whole[..cut]), Err(PhotoError::Undecodable(_))),
                    "{format:?} cut at {cut}"
                );
            }
        }
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        // A PNG that claims 20000 × 20000 pixels (1.2 GB as RGB): refused by its header.
        let mut header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
        let ihdr = [
            &20_000u32.to_be_bytes()[..],
            &20_000u32.to_be_bytes(),
            &[8, 2, 0, 0, 0],
        ]
        .concat();
        header.extend_from_slice(&ihdr);
        let mut crc_input = b"IHDR".to_vec();
        crc_input.extend_from_slice(&ihdr);
        header.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        assert_eq!(process(&header), Err(PhotoError::TooLarge));

        // Within the sides but over the allocation: a JPEG whose header says 16000 × 16000
        // (768 MB as RGB), refused before its pixels are.
        let mut file = jpeg(&picture(64, 64));
        let frame = file
            .windows(2)
            .position(|marker| marker == [0xFF, 0xC0])
            .unwrap();
        file[frame + 5..frame + 7].copy_from_slice(&16_000u16.to_be_bytes());
        file[frame + 7..frame + 9].copy_from_slice(&16_000u16.to_be_bytes());
        assert_eq!(process(&file), Err(PhotoError::TooLarge));
        file[frame + 5..frame + 7].copy_from_slice(&20_000u16.to_be_bytes());
        assert_eq!(process(&file), Err(PhotoError::TooLarge));
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
