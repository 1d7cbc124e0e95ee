//! Files the editor makes from what the browser sends (photos into an
//! article's folder, PDFs into `static/docs/`): a safe name of their own,
//! never over a file that is there.

use std::path::{Path, PathBuf};

use super::Reply;
use crate::messages::Msg;
use crate::t;

/// `anh-hoi-nghi.jpg`, else `anh-hoi-nghi-2.jpg`, … : never a file that is
/// there, compared without case (as addresses are); `fallback` when the
/// name has nothing to slug.
pub fn free_name(
    folder: &Path,
    wish: &str,
    ext: &str,
    fallback: &str,
) -> Result<(String, PathBuf), Reply> {
    if wish.contains('\0') {
        return Err(Reply::error(400, t!(Msg::EditorBadName)));
    }
    let base = wish.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let mut slug = crate::text::slugify(&crate::text::nfc(stem));
    if slug.is_empty() {
        slug = fallback.into();
    }
    slug.truncate(80);
    let slug = slug.trim_end_matches('-').to_string();
    let taken: Vec<String> = std::fs::read_dir(folder)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    (1..10_000)
        .map(|n| match n {
            1 => format!("{slug}.{ext}"),
            n => format!("{slug}-{n}.{ext}"),
        })
        .find(|name| !taken.contains(name))
        .map(|name| {
            let disk = folder.join(&name);
            (name, disk)
        })
        .ok_or_else(|| Reply::error(409, t!(Msg::EditorBadName)))
}

/// Makes the file `disk` with `bytes`, never over one that is there; a
/// failed write leaves nothing.
pub fn write_new(disk: &Path, bytes: &[u8]) -> Result<(), Reply> {
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(disk)
        .map_err(|e| write_failed(disk, &e))?;
    std::io::Write::write_all(&mut out, bytes).map_err(|e| {
        let _ = std::fs::remove_file(disk);
        write_failed(disk, &e)
    })
}

pub fn write_failed(path: &Path, e: &std::io::Error) -> Reply {
    Reply::error(500, t!(Msg::WriteFailed, path = path.display(), detail = e))
}
