//! Reading a photo safely: what the bytes really are (whatever the name
//! says), limits against decompression bombs, EXIF orientation, colour
//! brought to sRGB, and whether the file was cut short.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::messages::Msg;
use crate::t;

/// At most this many pixels (100 megapixels: larger than any phone or
/// camera photo, small enough that two decodes fit in memory).
pub const MAX_PIXELS: u64 = 100_000_000;
/// At most this much memory for one decode.
const MAX_ALLOC: u64 = 1 << 30;

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Jpeg,
    Png,
    Webp,
    /// HEIC/HEIF (iPhone), AVIF: an ISO media container.
    Heic,
    Avif,
    Gif,
    Tiff,
    Bmp,
    Unknown,
}

impl Sniffed {
    pub fn of(bytes: &[u8]) -> Sniffed {
        let at = |i: usize, s: &[u8]| bytes.get(i..i + s.len()) == Some(s);
        if at(0, &[0xFF, 0xD8, 0xFF]) {
            Sniffed::Jpeg
        } else if at(0, b"\x89PNG\r\n\x1a\n") {
            Sniffed::Png
        } else if at(0, b"RIFF") && at(8, b"WEBP") {
            Sniffed::Webp
        } else if at(4, b"ftyp") {
            if at(8, b"avif") || at(8, b"avis") {
                Sniffed::Avif
            } else {
                Sniffed::Heic
            }
        } else if at(0, b"GIF8") {
            Sniffed::Gif
        } else if at(0, b"II*\0") || at(0, b"MM\0*") {
            Sniffed::Tiff
        } else if at(0, b"BM") {
            Sniffed::Bmp
        } else {
            Sniffed::Unknown
        }
    }

    /// The name people know the format by.
    pub fn name(self) -> &'static str {
        match self {
            Sniffed::Jpeg => "JPEG",
            Sniffed::Png => "PNG",
            Sniffed::Webp => "WebP",
            Sniffed::Heic => "HEIC",
            Sniffed::Avif => "AVIF",
            Sniffed::Gif => "GIF",
            Sniffed::Tiff => "TIFF",
            Sniffed::Bmp => "BMP",
            Sniffed::Unknown => "?",
        }
    }

    /// The usual file name ending of the format.
    pub fn extension(self) -> &'static str {
        match self {
            Sniffed::Jpeg => "jpg",
            Sniffed::Png => "png",
            Sniffed::Webp => "webp",
            Sniffed::Heic => "heic",
            Sniffed::Avif => "avif",
            Sniffed::Gif => "gif",
            Sniffed::Tiff => "tif",
            Sniffed::Bmp => "bmp",
            Sniffed::Unknown => "?",
        }
    }

    /// The format a file name's extension claims.
    pub fn from_name(name: &str) -> Sniffed {
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "jpg" | "jpeg" | "jpe" => Sniffed::Jpeg,
            "png" => Sniffed::Png,
            "webp" => Sniffed::Webp,
            "heic" | "heif" => Sniffed::Heic,
            "avif" => Sniffed::Avif,
            "gif" => Sniffed::Gif,
            "tif" | "tiff" => Sniffed::Tiff,
            "bmp" => Sniffed::Bmp,
            _ => Sniffed::Unknown,
        }
    }

    fn image_format(self) -> Option<ImageFormat> {
        match self {
            Sniffed::Jpeg => Some(ImageFormat::Jpeg),
            Sniffed::Png => Some(ImageFormat::Png),
            Sniffed::Webp => Some(ImageFormat::WebP),
            _ => None,
        }
    }
}

/// Why a file cannot be used, as (message, hint).
pub type Problem = (String, String);

/// Checks what a photo's bytes are before any decoding: empty, HEIC, an
/// unreadable format, or an extension that lies.
pub fn check_kind(name: &str, bytes: &[u8]) -> Result<Sniffed, Problem> {
    if bytes.is_empty() {
        return Err((t!(Msg::ImageEmpty), t!(Msg::ImageEmptyHint)));
    }
    let actual = Sniffed::of(bytes);
    let claimed = Sniffed::from_name(name);
    match actual {
        Sniffed::Heic | Sniffed::Avif => Err((
            t!(Msg::ImageHeic, format = actual.name()),
            t!(Msg::ImageHeicHint),
        )),
        Sniffed::Unknown => Err((
            t!(Msg::ImageUndecodable, detail = t!(Msg::ImageUnknownContent)),
            t!(Msg::ImageDamagedHint),
        )),
        Sniffed::Gif | Sniffed::Tiff | Sniffed::Bmp => Err((
            t!(Msg::ImageUnsupported, format = actual.name()),
            t!(Msg::ImageUnsupportedHint),
        )),
        _ if claimed != actual => Err((
            t!(
                Msg::ImageExtensionLies,
                actual = actual.name(),
                claimed = claimed.name()
            ),
            t!(Msg::ImageExtensionLiesHint, ext = actual.extension()),
        )),
        _ => Ok(actual),
    }
}

/// A decoded photo, upright, in sRGB, 8 bits per channel.
pub struct Decoded {
    pub image: DynamicImage,
    /// Whether any pixel is not fully opaque.
    pub alpha: bool,
    /// The file ends early but still gave a picture.
    pub truncated: bool,
}

/// Decodes `bytes` (already checked to be `kind`).
pub fn decode(kind: Sniffed, bytes: &[u8]) -> Result<Decoded, Problem> {
    let format = kind.image_format().ok_or_else(|| {
        (
            t!(Msg::ImageUndecodable, detail = kind.name()),
            t!(Msg::ImageDamagedHint),
        )
    })?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let damaged = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => (
            t!(
                Msg::ImageTooLarge,
                detail = e,
                megapixels = MAX_PIXELS / 1_000_000
            ),
            t!(Msg::ImageTooLargeHint),
        ),
        e => (
            t!(Msg::ImageUndecodable, detail = e.to_string().trim()),
            t!(Msg::ImageDamagedHint),
        ),
    };
    let mut decoder = reader.into_decoder().map_err(damaged)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err((
            t!(
                Msg::ImageTooLarge,
                detail = format!("{w}×{h}"),
                megapixels = MAX_PIXELS / 1_000_000
            ),
            t!(Msg::ImageTooLargeHint),
        ));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    let alpha = image.color().has_alpha() && has_transparency(&image);
    let mut image = if alpha {
        DynamicImage::ImageRgba8(image.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(image.into_rgb8())
    };
    if let Some(icc) = icc {
        to_srgb(&mut image, &icc);
    }
    Ok(Decoded {
        image,
        alpha,
        truncated: is_truncated(kind, bytes),
    })
}

fn has_transparency(image: &DynamicImage) -> bool {
    match image {
        DynamicImage::ImageRgba8(b) => b.pixels().any(|p| p.0[3] < 255),
        DynamicImage::ImageLumaA8(b) => b.pixels().any(|p| p.0[1] < 255),
        other => other.to_rgba8().pixels().any(|p| p.0[3] < 255),
    }
}

/// Converts pixels described by an embedded ICC profile (Display P3 from
/// phones, Adobe RGB from cameras) to sRGB, since the outputs carry no
/// profile. A profile that cannot be used leaves the pixels as they are.
fn to_srgb(image: &mut DynamicImage, icc: &[u8]) {
    use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};
    let Ok(source) = ColorProfile::new_from_slice(icc) else {
        return;
    };
    if source.color_space != DataColorSpace::Rgb {
        return;
    }
    let srgb = ColorProfile::new_srgb();
    let (layout, buf): (Layout, &mut [u8]) = match image {
        DynamicImage::ImageRgb8(b) => (Layout::Rgb, b.as_mut()),
        DynamicImage::ImageRgba8(b) => (Layout::Rgba, b.as_mut()),
        _ => return,
    };
    let Ok(transform) =
        source.create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
    else {
        return;
    };
    let input = buf.to_vec();
    let _ = transform.transform(&input, buf);
}

/// Whether the file lacks its end marker (JPEG `FFD9`, PNG `IEND`, WebP's
/// RIFF size), which means it was cut short while copying.
fn is_truncated(kind: Sniffed, bytes: &[u8]) -> bool {
    match kind {
        Sniffed::Jpeg => {
            let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
            !bytes[..end].ends_with(&[0xFF, 0xD9])
        }
        Sniffed::Png => !bytes.windows(4).rev().take(64).any(|w| w == b"IEND"),
        Sniffed::Webp => {
            let size = bytes
                .get(4..8)
                .and_then(|s| <[u8; 4]>::try_from(s).ok())
                .map_or(0, u32::from_le_bytes);
            (bytes.len() as u64) < u64::from(size) + 8
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_known_by_their_bytes_not_their_names() {
        assert_eq!(Sniffed::of(&[0xFF, 0xD8, 0xFF, 0xE0]), Sniffed::Jpeg);
        assert_eq!(Sniffed::of(b"\0\0\0\x18ftypheic\0\0"), Sniffed::Heic);
        assert_eq!(Sniffed::of(b"\0\0\0\x18ftypavif\0\0"), Sniffed::Avif);
        assert!(check_kind("a.png", &[0xFF, 0xD8, 0xFF, 0xE0]).is_err());
        assert!(check_kind("a.JPG", &[0xFF, 0xD8, 0xFF, 0xE0]).is_ok());
        assert!(check_kind("a.jpg", b"").is_err());
    }

    #[test]
    fn a_jpeg_without_its_end_marker_is_truncated() {
        assert!(is_truncated(Sniffed::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE0, 1, 2]));
        assert!(!is_truncated(
            Sniffed::Jpeg,
            &[0xFF, 0xD8, 0xFF, 0xD9, 0, 0]
        ));
    }
}
