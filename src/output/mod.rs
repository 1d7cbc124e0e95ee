//! Writing the site: everything goes into a fresh folder beside `output/`
//! and is swapped in at the end, so a failed build leaves the last good site
//! in place. A file whose bytes did not change is hard-linked from the
//! previous output instead of written, so it keeps its modification time and
//! `rsync` copies only what changed. bangtin only ever replaces or deletes a
//! folder that carries its marker file.
//!
//! [`exports`] turns results tables into `ket-qua.json` and `ket-qua.csv`.

pub mod exports;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// The file that says "bangtin made this folder".
pub const MARKER: &str = ".bangtin-output";

/// One file to put in the output.
pub enum OutputFile {
    /// Bytes made by the build.
    Bytes { path: String, bytes: Vec<u8> },
    /// A file copied as is (static files, bundle attachments).
    Copy { path: String, from: PathBuf },
}

impl OutputFile {
    pub fn path(&self) -> &str {
        match self {
            OutputFile::Bytes { path, .. } | OutputFile::Copy { path, .. } => path,
        }
    }
}

/// Refuses a target that is a file or a symbolic link (replacing it would
/// lose it, or turn the link into a folder), or a folder that is not empty
/// and was not made by us.
pub fn check_target(output: &Path) -> Result<(), Diagnostic> {
    if let Ok(meta) = fs::symlink_metadata(output) {
        if meta.file_type().is_symlink() {
            return Err(
                Diagnostic::error(t!(Msg::OutputIsLink, dir = output.display()))
                    .hint(t!(Msg::OutputIsLinkHint)),
            );
        }
        if !meta.is_dir() {
            return Err(
                Diagnostic::error(t!(Msg::OutputIsFile, dir = output.display()))
                    .hint(t!(Msg::OutputNotOursHint)),
            );
        }
    }
    let Ok(mut entries) = fs::read_dir(output) else {
        return Ok(());
    };
    if output.join(MARKER).is_file() || entries.next().is_none() {
        return Ok(());
    }
    Err(
        Diagnostic::error(t!(Msg::OutputNotOurs, dir = output.display()))
            .hint(t!(Msg::OutputNotOursHint)),
    )
}

/// How many files were written and how many kept from the last build.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
}

/// Every file of a committed output (its path in the output, `/`-separated)
/// with what the file system says of it once the output is in place: the
/// warm record's stamps, taken as the files were written instead of by a
/// walk of the whole output after the build (a serial tail of the build).
pub type Placed = Vec<(String, fs::Metadata)>;

/// A new output being filled beside the old one, file by file and from any
/// thread, so that pages can be written as they are rendered instead of
/// being held in memory. [`Staging::commit`] swaps it in; dropped without a
/// commit, it is removed and the old output stays as it was.
pub struct Staging {
    output: PathBuf,
    staging: PathBuf,
    retired: PathBuf,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    /// Files written, with their metadata read back at once: nothing
    /// touches them again.
    placed: Mutex<Placed>,
    /// Files hard-linked from the old output: their change time moves when
    /// the old output is removed, so they are read after the commit.
    linked: Mutex<Vec<String>>,
    committed: bool,
}

impl Staging {
    /// Prepares an empty staging folder beside `output` (removing what a
    /// killed build left there).
    pub fn begin(output: &Path) -> Result<Staging, Diagnostic> {
        check_target(output)?;
        let (parent, staging, retired) = beside(output);
        fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
        restore_retired(output, &retired).map_err(|e| write_error(output, &e))?;
        for leftover in [&staging, &retired] {
            remove_ours(leftover).map_err(|e| write_error(leftover, &e))?;
        }
        fs::create_dir_all(&staging).map_err(|e| write_error(&staging, &e))?;
        let s = Staging {
            output: output.to_path_buf(),
            staging,
            retired,
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            placed: Mutex::default(),
            linked: Mutex::default(),
            committed: false,
        };
        let marker = s.staging.join(MARKER);
        fs::write(&marker, b"bangtin\n").map_err(|e| write_error(&s.staging, &e))?;
        if let Ok(m) = fs::metadata(&marker) {
            lock(&s.placed).push((MARKER.to_string(), m));
        }
        Ok(s)
    }

    /// Adds one file. A file whose bytes equal the previous output's is
    /// hard-linked from it, so it keeps its modification time.
    pub fn put(&self, f: &OutputFile) -> Result<(), Diagnostic> {
        match f {
            OutputFile::Bytes { path, bytes } => self.put_bytes(path, bytes),
            OutputFile::Copy { path, from } => self.place(
                path,
                |old| same_file_content(old, from),
                |dest| fs::copy(from, dest).map(|_| ()),
            ),
        }
    }

    /// Adds one file made by the build.
    pub fn put_bytes(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.place(
            path,
            |old| same_bytes(old, bytes),
            |dest| fs::write(dest, bytes),
        )
    }

    /// Hard-links `path` from the previous output when `same` finds the new
    /// file's bytes there, else `write`s it into its folder; counts which.
    fn place(
        &self,
        path: &str,
        same: impl FnOnce(&Path) -> bool,
        write: impl FnOnce(&Path) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let dest = self.staging.join(path);
        if let Some(dir) = dest.parent() {
            fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
        }
        let old = self.output.join(path);
        let kept = same(&old) && fs::hard_link(&old, &dest).is_ok();
        if kept {
            lock(&self.linked).push(path.to_string());
            self.unchanged.fetch_add(1, Ordering::Relaxed);
            return Ok(());
        }
        write(&dest).map_err(|e| write_error(&dest, &e))?;
        // A file that cannot be read back is left out of the list: the
        // next build finds the output different and builds it all.
        if let Ok(m) = fs::metadata(&dest) {
            lock(&self.placed).push((path.to_string(), m));
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Swaps the staging folder in for the output: two renames. Returns the
    /// counts and every file placed, with its metadata.
    pub fn commit(mut self) -> Result<(WriteStats, Placed), Diagnostic> {
        let (output, staging, retired) = (&self.output, &self.staging, &self.retired);
        if output.exists() {
            fs::rename(output, retired).map_err(|e| write_error(output, &e))?;
        }
        if let Err(e) = fs::rename(staging, output) {
            // Put the old site back before reporting.
            let _ = fs::rename(retired, output);
            return Err(write_error(output, &e));
        }
        self.committed = true;
        let _ = remove_ours(retired);
        let linked = std::mem::take(&mut *lock(&self.linked));
        let mut placed = std::mem::take(&mut *lock(&self.placed));
        placed.par_extend(linked.into_par_iter().filter_map(|p| {
            let m = fs::metadata(output.join(&p)).ok()?;
            Some((p, m))
        }));
        let stats = WriteStats {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        };
        Ok((stats, placed))
    }
}

/// The folder `output` sits in, and the staging and retired folders a
/// build makes beside it (`.NAME.bangtin-new`, `.NAME.bangtin-old`).
fn beside(output: &Path) -> (&Path, PathBuf, PathBuf) {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = output.file_name().map_or_else(
        || "output".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let staging = parent.join(format!(".{name}.bangtin-new"));
    let retired = parent.join(format!(".{name}.bangtin-old"));
    (parent, staging, retired)
}

/// Removes what a killed build left beside `output` (only folders carrying
/// our marker), for a build that writes nothing and so never calls
/// [`Staging::begin`], which does the same.
pub fn clear_leftovers(output: &Path) {
    let (_, staging, retired) = beside(output);
    let _ = restore_retired(output, &retired);
    for leftover in [staging, retired] {
        // A folder without our marker stays: it is not ours to delete.
        let _ = remove_ours(&leftover);
    }
}

/// A build killed between the two renames of [`Staging::commit`] left no
/// output, and the previous one moved aside: that one is put back, so the
/// site is never lost (the new one, perhaps incomplete, is then discarded).
fn restore_retired(output: &Path, retired: &Path) -> io::Result<()> {
    if fs::symlink_metadata(output).is_err() && retired.join(MARKER).is_file() {
        fs::rename(retired, output)?;
    }
    Ok(())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_ours(&self.staging);
        }
    }
}

/// The list behind `m`; a thread that panicked while holding it left a
/// list that is still whole (each push is one step).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn same_bytes(old: &Path, bytes: &[u8]) -> bool {
    fs::metadata(old).is_ok_and(|m| m.len() == bytes.len() as u64)
        && fs::read(old).is_ok_and(|b| b == bytes)
}

fn same_file_content(old: &Path, from: &Path) -> bool {
    match (fs::metadata(old), fs::metadata(from)) {
        (Ok(a), Ok(b)) if a.len() == b.len() => {
            matches!((fs::read(old), fs::read(from)), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}

/// Deletes `dir` only when it carries our marker (or does not exist).
fn remove_ours(dir: &Path) -> io::Result<()> {
    if !dir.exists() {
        return Ok(());
    }
    if dir.join(MARKER).is_file() || is_empty_dir(dir) {
        fs::remove_dir_all(dir)
    } else {
        Err(io::Error::other(t!(
            Msg::OutputNotOurs,
            dir = dir.display()
        )))
    }
}

fn is_empty_dir(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(t!(Msg::WriteFailed, path = path.display(), detail = e))
}

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    use super::*;

    /// Writes `files` as the new content of `output`, as a build does.
    fn write_site(output: &Path, files: Vec<OutputFile>) -> Result<WriteStats, Diagnostic> {
        let staging = Staging::begin(output)?;
        files.par_iter().try_for_each(|f| staging.put(f))?;
        staging.commit().map(|(stats, _)| stats)
    }

    fn bytes(path: &str, s: &str) -> OutputFile {
        OutputFile::Bytes {
            path: path.into(),
            bytes: s.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_folder_not_made_by_bangtin_is_never_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("luan-van.docx"), "quan trọng").unwrap();
        let err = write_site(&out, vec![bytes("index.html", "x")]).unwrap_err();
        assert!(err.message.contains("output"), "{}", err.message);
        assert_eq!(
            fs::read_to_string(out.join("luan-van.docx")).unwrap(),
            "quan trọng"
        );
    }

    #[test]
    fn unchanged_files_keep_their_inode_and_stale_files_go() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        write_site(&out, vec![bytes("a/index.html", "A"), bytes("b.html", "B")]).unwrap();
        let inode = fs::metadata(out.join("a/index.html")).unwrap().ino();
        let stats =
            write_site(&out, vec![bytes("a/index.html", "A"), bytes("c.html", "C")]).unwrap();
        assert_eq!(
            stats,
            WriteStats {
                written: 1,
                unchanged: 1
            }
        );
        assert_eq!(fs::metadata(out.join("a/index.html")).unwrap().ino(), inode);
        assert!(!out.join("b.html").exists());
        assert!(out.join(MARKER).is_file());
        assert!(!tmp.path().join(".output.bangtin-old").exists());
    }

    #[test]
    fn a_build_killed_between_the_two_renames_gets_the_previous_site_back() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        write_site(&out, vec![bytes("index.html", "cũ")]).unwrap();
        // What a kill between the renames of `commit` leaves: the old site
        // moved aside, the new one still staged, no output.
        fs::rename(&out, tmp.path().join(".output.bangtin-old")).unwrap();
        let staged = tmp.path().join(".output.bangtin-new");
        fs::create_dir(&staged).unwrap();
        fs::write(staged.join(MARKER), "bangtin\n").unwrap();
        clear_leftovers(&out);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "cũ");
        assert!(!staged.exists());
        // The same through a build that writes.
        fs::rename(&out, tmp.path().join(".output.bangtin-old")).unwrap();
        let staging = Staging::begin(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "cũ");
        drop(staging);
        assert!(!tmp.path().join(".output.bangtin-old").exists());
    }
}
