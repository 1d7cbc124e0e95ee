//! The image settings of `site.yaml`, checked: widths, quality, formats.

use crate::config::ImagesConfig;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Webp,
    Jpeg,
    /// Used instead of JPEG for images with transparency.
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// Smallest and largest width accepted in `images.widths`.
const WIDTH_RANGE: (u32, u32) = (16, 8192);

/// Checked settings: widths ascending without repeats, quality 1–100, and
/// at least one format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub widths: Vec<u32>,
    pub quality: u8,
    pub formats: Vec<Format>,
}

impl Settings {
    /// Checks `images:` of `site.yaml`; every problem is an error on that file.
    pub fn from_config(c: &ImagesConfig) -> Result<Settings, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let err = |msg: String| {
            Diagnostic::error(msg)
                .in_file("site.yaml")
                .hint(t!(Msg::ImagesConfigHint))
        };
        let mut widths = c.widths.clone();
        widths.sort_unstable();
        widths.dedup();
        let (lo, hi) = WIDTH_RANGE;
        if widths.is_empty() || widths.iter().any(|w| !(lo..=hi).contains(w)) {
            errors.push(err(t!(Msg::ImagesWidthsInvalid, min = lo, max = hi)));
        }
        if !(1..=100).contains(&c.quality) {
            errors.push(err(t!(Msg::ImagesQualityInvalid, value = c.quality)));
        }
        let mut formats = Vec::new();
        for f in &c.formats {
            match f.trim().to_ascii_lowercase().as_str() {
                "webp" => formats.push(Format::Webp),
                "jpeg" | "jpg" => formats.push(Format::Jpeg),
                other => errors.push(err(t!(Msg::ImagesFormatUnknown, value = other))),
            }
        }
        formats.dedup();
        if c.formats.is_empty() {
            errors.push(err(t!(Msg::ImagesFormatUnknown, value = "[]")));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Settings {
            widths,
            quality: c.quality,
            formats,
        })
    }

    /// The widths made for an image `width` pixels wide: the configured ones
    /// below it, plus its own width when it is not wider than the largest.
    pub fn widths_for(&self, width: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self.widths.iter().copied().filter(|w| *w < width).collect();
        if self.widths.last().is_none_or(|max| width <= *max) || out.is_empty() {
            out.push(width.min(self.widths.last().copied().unwrap_or(width)));
        }
        out.dedup();
        out
    }

    /// The formats for an image, with PNG instead of JPEG when it has
    /// transparency.
    pub fn formats_for(&self, alpha: bool) -> Vec<Format> {
        self.formats
            .iter()
            .map(|f| match f {
                Format::Jpeg if alpha => Format::Png,
                f => *f,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings::from_config(&ImagesConfig::default()).unwrap()
    }

    #[test]
    fn images_are_never_upscaled() {
        let s = settings();
        assert_eq!(s.widths_for(4000), vec![480, 960, 1600]);
        assert_eq!(s.widths_for(1600), vec![480, 960, 1600]);
        assert_eq!(s.widths_for(1200), vec![480, 960, 1200]);
        assert_eq!(s.widths_for(300), vec![300]);
    }

    #[test]
    fn transparency_turns_jpeg_into_png() {
        let s = settings();
        assert_eq!(s.formats_for(false), vec![Format::Webp, Format::Jpeg]);
        assert_eq!(s.formats_for(true), vec![Format::Webp, Format::Png]);
    }

    #[test]
    fn bad_settings_are_errors_on_site_yaml() {
        let c = ImagesConfig {
            widths: vec![0],
            quality: 0,
            formats: vec!["gif".into()],
        };
        let errs = Settings::from_config(&c).unwrap_err();
        assert_eq!(errs.len(), 3);
        assert!(errs[2].message.contains("gif"));
    }
}
