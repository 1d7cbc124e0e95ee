//! The image cache in `.bangtin-cache/` at the site root. An entry is a
//! folder named by the hash of the source's bytes, holding a `meta` line
//! (upright size, transparency, truncation) and one file per width, format
//! and quality (`960-q80.webp`). Files are written beside and renamed into
//! place, so an interrupted build never leaves half a file. The folder is
//! marked with `CACHEDIR.TAG` (backup tools skip it) and bangtin deletes
//! only a folder carrying that mark.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::decode::{self, Sniffed};
use super::encode;
use super::settings::{Format, Settings};
use super::{ImageInfo, Job, Processed, Variant};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// The cache folder, relative to the site.
pub const CACHE_DIR: &str = ".bangtin-cache";
/// Bumped when the pipeline changes what it produces (filter, encoder).
const IMAGES_DIR: &str = "images-v1";
const TAG_FILE: &str = "CACHEDIR.TAG";
const TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by bangtin.\n\
# Everything here can be deleted; `bangtin clean` does it.\n";

/// An open cache.
pub struct Cache {
    images: PathBuf,
}

/// What is known of an image after reading and hashing it.
pub struct Plan {
    job: Job,
    stem: String,
    kind: Sniffed,
    dir: PathBuf,
    meta: Option<Meta>,
    complete: bool,
}

impl Plan {
    /// Whether something must be decoded and encoded.
    pub fn needs_work(&self) -> bool {
        !self.complete
    }
}

/// What a cache entry remembers of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Meta {
    width: u32,
    height: u32,
    alpha: bool,
    truncated: bool,
}

impl Meta {
    fn parse(s: &str) -> Option<Meta> {
        let v: Vec<u32> = s
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .ok()?;
        match v.as_slice() {
            [w, h, a, t] if *w > 0 && *h > 0 => Some(Meta {
                width: *w,
                height: *h,
                alpha: *a == 1,
                truncated: *t == 1,
            }),
            _ => None,
        }
    }

    fn line(self) -> String {
        format!(
            "{} {} {} {}\n",
            self.width,
            self.height,
            u8::from(self.alpha),
            u8::from(self.truncated)
        )
    }
}

impl Cache {
    /// Opens (and creates, with its tag) the cache of the site in `site_dir`.
    pub fn open(site_dir: &Path) -> Result<Cache, Diagnostic> {
        Ok(Cache {
            images: open_folder(site_dir, IMAGES_DIR)?,
        })
    }

    /// Reads and hashes a source, checks what it is, and looks it up.
    pub fn plan(&self, job: &Job, stem: &str, settings: &Settings) -> Result<Plan, Diagnostic> {
        let bytes = read(job)?;
        let kind = decode::check_kind(&job.name, &bytes).map_err(|p| problem(job, p))?;
        let hash = blake3::hash(&bytes).to_hex();
        let dir = self.images.join(&hash.as_str()[..32]);
        let meta = fs::read_to_string(dir.join("meta"))
            .ok()
            .and_then(|s| Meta::parse(&s));
        let complete = meta.is_some_and(|m| {
            variants(&dir, stem, m, settings)
                .iter()
                .all(|v| v.cached.is_file())
        });
        Ok(Plan {
            job: job.clone(),
            stem: stem.to_string(),
            kind,
            dir,
            meta,
            complete,
        })
    }

    /// Makes whatever the cache lacks for `plan` and describes the image.
    pub fn realize(&self, plan: Plan, settings: &Settings) -> Result<Processed, Diagnostic> {
        let (meta, encoded) = match plan.meta {
            Some(m) if plan.complete => (m, 0),
            _ => fill(&plan, settings)?,
        };
        let warning = meta.truncated.then(|| {
            Diagnostic::warning(t!(Msg::ImageTruncated))
                .in_file(plan.job.source.as_str())
                .hint(t!(Msg::ImageTruncatedHint))
        });
        Ok(Processed {
            info: ImageInfo {
                source: plan.job.source.clone(),
                width: meta.width,
                height: meta.height,
                variants: variants(&plan.dir, &plan.stem, meta, settings),
            },
            warning,
            encoded,
        })
    }
}

/// Decodes the source and encodes every variant missing from the cache.
fn fill(plan: &Plan, settings: &Settings) -> Result<(Meta, usize), Diagnostic> {
    let bytes = read(&plan.job)?;
    let decoded = decode::decode(plan.kind, &bytes).map_err(|p| problem(&plan.job, p))?;
    drop(bytes);
    let meta = Meta {
        width: decoded.image.width(),
        height: decoded.image.height(),
        alpha: decoded.alpha,
        truncated: decoded.truncated,
    };
    fs::create_dir_all(&plan.dir).map_err(|e| write_error(&plan.dir, &e))?;
    let wanted = variants(&plan.dir, &plan.stem, meta, settings);
    let missing: Vec<&Variant> = wanted.iter().filter(|v| !v.cached.is_file()).collect();
    let widths: Vec<u32> = {
        let mut w: Vec<u32> = missing.iter().map(|v| v.width).collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    // One resize per width, shared by its formats; widths in parallel.
    let results: Vec<Result<usize, Diagnostic>> = widths
        .par_iter()
        .map(|&width| {
            let pixels = encode::resize(&decoded.image, width)
                .map_err(|e| problem(&plan.job, undecodable(&e)))?;
            let mut n = 0;
            for v in missing.iter().filter(|v| v.width == width) {
                let bytes = encode::encode(&pixels, v.format, settings.quality)
                    .map_err(|e| problem(&plan.job, undecodable(&e)))?;
                write_atomic(&v.cached, &bytes)?;
                n += 1;
            }
            Ok(n)
        })
        .collect();
    let mut encoded = 0;
    for r in results {
        encoded += r?;
    }
    write_atomic(&plan.dir.join("meta"), meta.line().as_bytes())?;
    Ok((meta, encoded))
}

/// The variants of an image with `meta` under the current settings.
fn variants(dir: &Path, stem: &str, meta: Meta, settings: &Settings) -> Vec<Variant> {
    let widths = settings.widths_for(meta.width);
    let mut out = Vec::new();
    for format in settings.formats_for(meta.alpha) {
        for &width in &widths {
            let ext = format.extension();
            let file = match format {
                Format::Png => format!("{width}.{ext}"),
                _ => format!("{width}-q{}.{ext}", settings.quality),
            };
            out.push(Variant {
                width,
                height: encode::height_for(meta.width, meta.height, width),
                format,
                name: format!("{stem}-{width}.{ext}"),
                cached: dir.join(file),
            });
        }
    }
    out
}

fn read(job: &Job) -> Result<Vec<u8>, Diagnostic> {
    fs::read(&job.disk)
        .map_err(|e| Diagnostic::error(t!(Msg::FileRead, detail = e)).in_file(job.source.as_str()))
}

fn problem(job: &Job, (message, hint): decode::Problem) -> Diagnostic {
    Diagnostic::error(message)
        .in_file(job.source.as_str())
        .hint(hint)
}

fn undecodable(detail: &str) -> decode::Problem {
    (
        t!(Msg::ImageUndecodable, detail = detail),
        t!(Msg::ImageDamagedHint),
    )
}

fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(t!(Msg::WriteFailed, path = path.display(), detail = e))
}

/// Writes beside `path` and renames, so readers never see half a file.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
    fs::write(&tmp, bytes)
        .and_then(|()| fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = fs::remove_file(&tmp);
            write_error(path, &e)
        })
}

/// Deletes every cached file not in `keep` (and entries left empty, and
/// caches of older pipeline versions). Returns how many files went.
pub fn prune(site_dir: &Path, keep: &[&Path]) -> usize {
    let root = site_dir.join(CACHE_DIR);
    if !root.join(TAG_FILE).is_file() {
        return 0;
    }
    let keep: HashSet<&Path> = keep.iter().copied().collect();
    let mut removed = 0;
    let Ok(top) = fs::read_dir(&root) else {
        return 0;
    };
    for entry in top.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("images-v") && name != IMAGES_DIR {
            removed += count_files(&entry.path());
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    let Ok(entries) = fs::read_dir(root.join(IMAGES_DIR)) else {
        return removed;
    };
    for entry in entries.flatten() {
        let dir = entry.path();
        let Ok(files) = fs::read_dir(&dir) else {
            continue;
        };
        let mut kept = 0;
        for f in files.flatten() {
            let path = f.path();
            let is_meta = path.file_name().is_some_and(|n| n == "meta");
            if is_meta {
                continue;
            }
            if keep.contains(path.as_path()) {
                kept += 1;
            } else if fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        if kept == 0 && fs::remove_dir_all(&dir).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn count_files(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count()
}

/// Creates `.bangtin-cache/<name>/` with the cache's tag and returns it:
/// every cache of a site lives there, so `clean` removes them together.
pub fn open_folder(site_dir: &Path, name: &str) -> Result<PathBuf, Diagnostic> {
    let root = site_dir.join(CACHE_DIR);
    let dir = root.join(name);
    fs::create_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
    let tag = root.join(TAG_FILE);
    if !tag.is_file() {
        fs::write(&tag, TAG).map_err(|e| write_error(&tag, &e))?;
    }
    Ok(dir)
}

/// Removes the cache of the site in `site_dir`. `Ok(None)` when there was
/// none; `Ok(Some(files))` with the number of files removed.
pub fn clean(site_dir: &Path) -> Result<Option<usize>, Diagnostic> {
    let root = site_dir.join(CACHE_DIR);
    if !root.exists() {
        return Ok(None);
    }
    if !root.join(TAG_FILE).is_file() {
        return Err(
            Diagnostic::error(t!(Msg::CacheNotOurs, dir = root.display()))
                .hint(t!(Msg::OutputNotOursHint)),
        );
    }
    let n = count_files(&root);
    fs::remove_dir_all(&root).map_err(|e| write_error(&root, &e))?;
    Ok(Some(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lines_round_trip_and_junk_is_ignored() {
        let m = Meta {
            width: 3000,
            height: 4000,
            alpha: false,
            truncated: true,
        };
        assert_eq!(Meta::parse(&m.line()), Some(m));
        assert_eq!(Meta::parse("3000 x"), None);
        assert_eq!(Meta::parse("0 1 0 0"), None);
    }

    #[test]
    fn clean_refuses_a_folder_without_the_tag() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join(CACHE_DIR)).unwrap();
        fs::write(tmp.path().join(CACHE_DIR).join("x"), "x").unwrap();
        assert!(clean(tmp.path()).is_err());
        assert!(tmp.path().join(CACHE_DIR).join("x").is_file());
        Cache::open(tmp.path()).unwrap();
        assert_eq!(clean(tmp.path()).unwrap(), Some(2));
        assert_eq!(clean(tmp.path()).unwrap(), None);
    }
}
