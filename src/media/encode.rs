//! Resizing (fast_image_resize, Lanczos3) and encoding: WebP through
//! libwebp (lossy; the `image` crate only writes lossless WebP), JPEG and
//! PNG through `image`. Nothing of the source's metadata is written.

use std::collections::HashMap;

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

use super::Job;
use super::settings::Format;
use crate::text::slugify;

/// Pixels ready for an encoder.
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub data: Vec<u8>,
}

/// The height of `width` keeping the aspect ratio, rounded, at least 1.
pub fn height_for(src_w: u32, src_h: u32, width: u32) -> u32 {
    let h = (u64::from(src_h) * u64::from(width) + u64::from(src_w) / 2) / u64::from(src_w.max(1));
    u32::try_from(h.max(1)).unwrap_or(u32::MAX)
}

/// `image` resized to `width` (same pixels when the width is its own).
pub fn resize(image: &DynamicImage, width: u32) -> Result<Pixels, String> {
    let alpha = image.color().has_alpha();
    let (sw, sh) = (image.width(), image.height());
    let pixel = if alpha {
        PixelType::U8x4
    } else {
        PixelType::U8x3
    };
    if width == sw {
        return Ok(Pixels {
            width: sw,
            height: sh,
            alpha,
            data: image.as_bytes().to_vec(),
        });
    }
    let height = height_for(sw, sh, width);
    let src = fast_image_resize::images::ImageRef::new(sw, sh, image.as_bytes(), pixel)
        .map_err(|e| e.to_string())?;
    let mut dst = Image::new(width, height, pixel);
    let opts = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&src, &mut dst, &opts)
        .map_err(|e| e.to_string())?;
    Ok(Pixels {
        width,
        height,
        alpha,
        data: dst.into_vec(),
    })
}

/// Encodes pixels in `format` at `quality` (1–100; PNG ignores it).
pub fn encode(p: &Pixels, format: Format, quality: u8) -> Result<Vec<u8>, String> {
    let color = if p.alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    match format {
        Format::Webp => {
            let layout = if p.alpha {
                webp::PixelLayout::Rgba
            } else {
                webp::PixelLayout::Rgb
            };
            let mut config = webp::WebPConfig::new().map_err(|()| "libwebp".to_string())?;
            config.quality = f32::from(quality);
            config.method = 4;
            config.alpha_compression = 1;
            webp::Encoder::new(&p.data, layout, p.width, p.height)
                .encode_advanced(&config)
                .map(|m| m.to_vec())
                .map_err(|e| format!("{e:?}"))
        }
        Format::Jpeg => {
            let mut out = Vec::new();
            JpegEncoder::new_with_quality(&mut out, quality)
                .write_image(&p.data, p.width, p.height, color)
                .map_err(|e| e.to_string())?;
            Ok(out)
        }
        Format::Png => {
            let mut out = Vec::new();
            PngEncoder::new(&mut out)
                .write_image(&p.data, p.width, p.height, color)
                .map_err(|e| e.to_string())?;
            Ok(out)
        }
    }
}

/// The stem of every job's output names, relative to its bundle folder:
/// the folder part kept, the file stem slugified (`Ảnh 01.JPG` →
/// `anh-01`). Two photos of one bundle that would share a stem (`a.jpg`,
/// `a.png`) keep their extension in it.
pub fn output_stems(jobs: &[Job]) -> Vec<String> {
    let stem_of = |job: &Job, with_ext: bool| {
        let (dir, file) = match job.name.rsplit_once('/') {
            Some((d, f)) => (format!("{d}/"), f),
            None => (String::new(), job.name.as_str()),
        };
        let base = if with_ext {
            file
        } else {
            file.rsplit_once('.').map_or(file, |(s, _)| s)
        };
        let slug = slugify(base);
        let slug = if slug.is_empty() {
            "anh".to_string()
        } else {
            slug
        };
        (bundle_of(job), format!("{dir}{slug}"))
    };
    let mut count: HashMap<(String, String), usize> = HashMap::new();
    for job in jobs {
        *count.entry(stem_of(job, false)).or_default() += 1;
    }
    jobs.iter()
        .map(|job| {
            let key = stem_of(job, false);
            if count[&key] > 1 {
                stem_of(job, true).1
            } else {
                key.1
            }
        })
        .collect()
}

/// The bundle folder of a job, for grouping.
fn bundle_of(job: &Job) -> String {
    job.source
        .strip_suffix(job.name.as_str())
        .unwrap_or(&job.source)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(source: &str, name: &str) -> Job {
        Job {
            source: source.into(),
            name: name.into(),
            disk: source.into(),
        }
    }

    #[test]
    fn output_names_are_slugs_and_never_collide_in_a_bundle() {
        let jobs = [
            job("content/news/a/Ảnh 01.JPG", "Ảnh 01.JPG"),
            job("content/news/a/x.jpg", "x.jpg"),
            job("content/news/a/x.png", "x.png"),
            job("content/news/b/x.jpg", "x.jpg"),
            job("content/news/b/phu/y.jpg", "phu/y.jpg"),
        ];
        assert_eq!(
            output_stems(&jobs),
            ["anh-01", "x-jpg", "x-png", "x", "phu/y"]
        );
    }

    #[test]
    fn heights_keep_the_aspect_ratio() {
        assert_eq!(height_for(4000, 3000, 480), 360);
        assert_eq!(height_for(3000, 4000, 480), 640);
        assert_eq!(height_for(10000, 1, 480), 1);
    }
}
