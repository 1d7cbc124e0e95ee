//! Images: the photos that travel with page bundles are decoded, turned
//! upright (EXIF orientation), brought to sRGB, resized to the widths of
//! `site.yaml` (never upscaled) and encoded in each format; metadata (EXIF,
//! GPS) does not survive re-encoding. Every result is cached in
//! `.bangtin-cache/` at the site root, keyed by the hash of the source bytes
//! plus the parameters, so a warm build decodes and encodes nothing.
//!
//! Work runs in parallel on rayon's pool; nothing here waits per image on the
//! calling thread. Bad files (empty, damaged, misnamed, HEIC, oversized)
//! become diagnostics that name the file.

mod cache;
mod decode;
mod encode;
pub mod html;
mod settings;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diag::{Diagnostic, Diagnostics};
pub use cache::{CACHE_DIR, clean, open_folder};
pub use decode::{Sniffed, check_kind, decode as decode_photo};
pub use settings::{Format, Settings};

/// How a file of a bundle is treated, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// A photo bangtin resizes and re-encodes (JPEG, PNG, WebP).
    Photo,
    /// An image format bangtin cannot read (HEIC, AVIF, TIFF, BMP): an error.
    Unsupported,
    /// Anything else (PDF, GIF, SVG): copied as it is.
    Other,
}

/// The role of a bundle file from its extension (case-insensitive).
pub fn role_of(name: &str) -> FileRole {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" | "jpe" | "png" | "webp" => FileRole::Photo,
        "heic" | "heif" | "avif" | "tif" | "tiff" | "bmp" => FileRole::Unsupported,
        _ => FileRole::Other,
    }
}

/// One image to process.
#[derive(Debug, Clone)]
pub struct Job {
    /// Site-relative source path (`content/news/2024/a/anh.jpg`), NFC.
    pub source: String,
    /// Relative to the bundle folder (`anh.jpg`, `phu/anh.jpg`).
    pub name: String,
    pub disk: PathBuf,
}

/// One encoded file of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Relative to the bundle folder, `/`-separated (`toan-canh-960.webp`).
    pub name: String,
    /// The encoded bytes in the cache.
    pub cached: PathBuf,
}

/// A processed image: its upright size and its variants, smallest first
/// within each format.
#[derive(Debug, Clone)]
pub struct ImageInfo {
    pub source: String,
    pub width: u32,
    pub height: u32,
    pub variants: Vec<Variant>,
}

impl ImageInfo {
    /// Variants of one format, smallest first.
    pub fn of_format(&self, f: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == f)
    }

    /// The format of `<img src>`: JPEG (PNG for images with transparency)
    /// when produced, else the first format.
    pub fn fallback_format(&self) -> Format {
        let has = |f| self.variants.iter().any(|v| v.format == f);
        [Format::Jpeg, Format::Png]
            .into_iter()
            .find(|f| has(*f))
            .or_else(|| self.variants.first().map(|v| v.format))
            .unwrap_or(Format::Jpeg)
    }

    /// The largest variant of the fallback format: the "large image" link.
    pub fn large(&self) -> Option<&Variant> {
        self.of_format(self.fallback_format()).last()
    }

    /// The fallback variant closest to `width` without going below it.
    pub fn at_least(&self, width: u32) -> Option<&Variant> {
        let f = self.fallback_format();
        self.of_format(f)
            .find(|v| v.width >= width)
            .or_else(|| self.of_format(f).last())
    }
}

/// Counters of one run: a warm build decodes and encodes nothing.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MediaStats {
    /// Source images in the site.
    pub images: usize,
    /// Source images decoded in this run (cache misses).
    pub decoded: usize,
    /// Files encoded in this run.
    pub encoded: usize,
    /// Files taken from the cache.
    pub reused: usize,
    /// Cache entries removed because no image uses them any more.
    pub pruned: usize,
}

/// All processed images of a run, by source path.
#[derive(Debug, Default)]
pub struct Media {
    pub images: BTreeMap<String, Arc<ImageInfo>>,
    pub stats: MediaStats,
}

impl Media {
    pub fn get(&self, source: &str) -> Option<&Arc<ImageInfo>> {
        self.images.get(source)
    }
}

/// One image after [`process`]: what it is, a warning about it, and how
/// many files had to be encoded for it.
pub(crate) struct Processed {
    pub(crate) info: ImageInfo,
    pub(crate) warning: Option<Diagnostic>,
    pub(crate) encoded: usize,
}

/// Progress of the image work, for a progress bar: `(done, total)` of the
/// images that need encoding. Called from worker threads.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Processes every job in parallel, using and filling the cache under
/// `site_dir`. Problems are returned with the media that could be made.
pub fn process(
    site_dir: &Path,
    jobs: &[Job],
    settings: &Settings,
    progress: Option<Progress<'_>>,
) -> (Media, Diagnostics) {
    let mut diags = Diagnostics::new();
    let cache = match cache::Cache::open(site_dir) {
        Ok(c) => c,
        Err(d) => {
            diags.push(d);
            return (Media::default(), diags);
        }
    };
    let names = encode::output_stems(jobs);
    // First look at every file (cheap: read, hash, look in the cache) so the
    // progress bar knows how much real work there is.
    let plans: Vec<Result<cache::Plan, Diagnostic>> = jobs
        .par_iter()
        .zip(names.par_iter())
        .map(|(job, stem)| cache.plan(job, stem, settings))
        .collect();
    let todo = plans
        .iter()
        .filter(|p| p.as_ref().is_ok_and(cache::Plan::needs_work))
        .count();
    let done = AtomicUsize::new(0);
    let results: Vec<Result<Processed, Diagnostic>> = plans
        .into_par_iter()
        .map(|plan| {
            let plan = plan?;
            let needs_work = plan.needs_work();
            let r = cache.realize(plan, settings);
            if needs_work && let Some(p) = progress {
                p(done.fetch_add(1, Ordering::Relaxed) + 1, todo);
            }
            r
        })
        .collect();
    let mut media = Media::default();
    for r in results {
        match r {
            Ok(Processed {
                info,
                warning,
                encoded,
            }) => {
                media.stats.images += 1;
                media.stats.encoded += encoded;
                media.stats.reused += info.variants.len().saturating_sub(encoded);
                if encoded > 0 {
                    media.stats.decoded += 1;
                }
                diags.extend(warning);
                media.images.insert(info.source.clone(), Arc::new(info));
            }
            Err(d) => diags.push(d),
        }
    }
    (media, diags)
}

/// Removes cache entries that no image of this run uses; called after a
/// successful build so that deleted or changed photos leave no residue.
pub fn prune(site_dir: &Path, media: &Media) -> usize {
    let keep: Vec<&Path> = media
        .images
        .values()
        .flat_map(|i| i.variants.iter().map(|v| v.cached.as_path()))
        .collect();
    cache::prune(site_dir, &keep)
}
