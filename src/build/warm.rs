//! The warm build: a build whose inputs are all as the last successful build
//! of the same output found them leaves that output alone and reports what
//! the last build reported, without loading, rendering or writing anything.
//!
//! The last build's record is `.bangtin-cache/build-v1/<output>.json`: a key
//! (bangtin's version and executable, the options that change the output),
//! a stamp (size, modification and change times, inode) of every file of the
//! site folder, a stamp of every file of the output, and the build's report
//! (counts and warnings). Stamps are taken before the build reads anything,
//! so a file edited while a build runs is seen as changed by the next one.
//! Anything unknown (no record, a record that does not parse, a file the walk
//! cannot read) means a full build: the cache can cost time, never a page.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::BuildOptions;
use crate::content;
use crate::diag::Diagnostic;
use crate::media;
use crate::output::{MARKER, Placed};

/// The cache's folder in `.bangtin-cache/`; bumped when the record changes.
const FOLDER: &str = "build-v1";

/// A file modified this close before a build stamped it may be modified
/// again within the same tick of the file system's clock, leaving its stamp
/// as it was: such a record is not trusted. Linux file times move in ticks
/// of a few milliseconds; some file systems keep whole seconds only.
const RACY_FINE: Duration = Duration::from_millis(50);
const RACY_COARSE: Duration = Duration::from_secs(2);

/// The size, times and inode of one file, as the file system reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    path: String,
    size: u64,
    mtime_ns: i64,
    ctime_ns: i64,
    inode: u64,
}

/// The state of the inputs when a build starts.
pub struct Snapshot {
    key: String,
    taken_ns: i64,
    inputs: Option<Vec<Stamp>>,
    record: PathBuf,
}

/// What a build that had nothing to do reports.
#[derive(Debug, Serialize, Deserialize)]
pub struct Report {
    pub pages: usize,
    pub images: usize,
    /// Files in the output.
    pub files: usize,
    pub warnings: Vec<Diagnostic>,
}

#[derive(Serialize, Deserialize)]
struct Record {
    key: String,
    taken_ns: i64,
    inputs: Vec<Stamp>,
    outputs: Vec<Stamp>,
    report: Report,
}

/// Stamps the site's files before a build of `opts` reads them.
pub fn snapshot(opts: &BuildOptions, language: &str) -> Snapshot {
    let output = std::path::absolute(opts.output()).unwrap_or_else(|_| opts.output());
    let key = key(opts, &output, language);
    let name = blake3::hash(output.as_os_str().as_encoded_bytes()).to_hex();
    Snapshot {
        key,
        taken_ns: nanos(SystemTime::now()),
        inputs: stamp_inputs(&opts.site_dir),
        record: opts
            .site_dir
            .join(media::CACHE_DIR)
            .join(FOLDER)
            .join(format!("{}.json", &name[..16])),
    }
}

impl Snapshot {
    /// The last build's report when nothing it read or wrote has changed
    /// since: the output is then exactly what a build would make.
    pub fn unchanged(&self, output: &Path) -> Option<Report> {
        let inputs = self.inputs.as_ref()?;
        let bytes = fs::read(&self.record).ok()?;
        let record: Record = serde_json::from_slice(&bytes).ok()?;
        let same = record.key == self.key
            && record.inputs == *inputs
            && !racy(inputs, record.taken_ns)
            && stamp_tree(output, &|_| false).is_some_and(|o| o == record.outputs);
        same.then_some(record.report)
    }

    /// Records a successful build of `output`, whose files are `placed`
    /// (as the staging folder saw them written). Failing to write the
    /// record only makes the next build a full one, so errors are ignored.
    pub fn save(self, site_dir: &Path, report: Report, placed: Placed) {
        let Some(inputs) = self.inputs else {
            return;
        };
        let outputs = output_stamps(&placed);
        let record = Record {
            key: self.key,
            taken_ns: self.taken_ns,
            inputs,
            outputs,
            report,
        };
        let Ok(dir) = media::open_folder(site_dir, FOLDER) else {
            return;
        };
        let Ok(json) = serde_json::to_vec(&record) else {
            return;
        };
        // Written beside and renamed: a killed build leaves no half record.
        let part = self.record.with_extension("part");
        if fs::write(&part, json).is_ok() {
            let _ = fs::rename(&part, &self.record);
        }
        prune_records(&dir);
    }
}

/// The stamps of the files `placed`, in the order of [`stamp_tree`]'s
/// walk: by path, component by component.
fn output_stamps(placed: &Placed) -> Vec<Stamp> {
    let mut stamps: Vec<Stamp> = placed
        .iter()
        .filter_map(|(path, m)| stamp_of(path, m))
        .collect();
    stamps.sort_unstable_by(|a, b| Path::new(&a.path).cmp(Path::new(&b.path)));
    stamps
}

/// Keeps the records of the few outputs built last: a record per output
/// folder, and tests or scripts may build into many temporary ones.
fn prune_records(dir: &Path) {
    const KEEP: usize = 8;
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut records: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if records.len() > KEEP {
        records.sort();
        for (_, path) in &records[..records.len() - KEEP] {
            let _ = fs::remove_file(path);
        }
    }
}

/// Whether a file was modified too close before the stamps were taken.
fn racy(inputs: &[Stamp], taken_ns: i64) -> bool {
    let coarse = inputs.iter().all(|s| s.mtime_ns % 1_000_000_000 == 0);
    let window = if coarse { RACY_COARSE } else { RACY_FINE }.as_millis() as i64 * 1_000_000;
    inputs
        .iter()
        .any(|s| s.mtime_ns.max(s.ctime_ns).saturating_add(window) >= taken_ns)
}

/// What besides the files decides the output: the program itself, the
/// options and the language of the messages kept in the report.
fn key(opts: &BuildOptions, output: &Path, language: &str) -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| stamp(&p.to_string_lossy(), &p));
    format!(
        "{} {:?} drafts={} base_url={:?} lang={language} output={}",
        env!("CARGO_PKG_VERSION"),
        exe,
        opts.drafts,
        opts.base_url,
        output.display()
    )
}

/// Every file of the site folder but the outputs (folders carrying the
/// output marker), the caches, the editor's trash and version control.
fn stamp_inputs(site_dir: &Path) -> Option<Vec<Stamp>> {
    let skip = |dir: &Path| {
        dir.join(MARKER).exists()
            || dir.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n == media::CACHE_DIR
                    || n == content::TRASH_DIR
                    || n == ".git"
                    || n.ends_with(".bangtin-new")
                    || n.ends_with(".bangtin-old")
            })
    };
    stamp_tree(site_dir, &skip)
}

/// Stamps of the files under `root`, sorted by path; `None` when a part of
/// the tree cannot be read. A symbolic link is stamped by what it points to.
/// The folders are read in one pass, the files stamped in parallel.
fn stamp_tree(root: &Path, skip: &dyn Fn(&Path) -> bool) -> Option<Vec<Stamp>> {
    let mut files = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_type().is_dir() || !skip(e.path()));
    for entry in walk {
        let entry = entry.ok()?;
        if !entry.file_type().is_dir() {
            files.push(entry.into_path());
        }
    }
    files
        .par_iter()
        .map(|path| {
            let rel = path.strip_prefix(root).ok()?;
            stamp(&slashed(rel), path)
        })
        .collect()
}

/// `rel` with `/` between its parts, as the output's files are named when
/// they are written (their stamps are compared with a walk's).
fn slashed(rel: &Path) -> String {
    let s = rel.to_string_lossy();
    match std::path::MAIN_SEPARATOR {
        '/' => s.into_owned(),
        sep => s.replace(sep, "/"),
    }
}

fn stamp(path: &str, disk: &Path) -> Option<Stamp> {
    stamp_of(path, &fs::metadata(disk).ok()?)
}

fn stamp_of(path: &str, m: &fs::Metadata) -> Option<Stamp> {
    #[cfg(unix)]
    let (ctime_ns, inode) = {
        use std::os::unix::fs::MetadataExt;
        let ctime = m.ctime().saturating_mul(1_000_000_000) + m.ctime_nsec();
        (ctime, m.ino())
    };
    #[cfg(not(unix))]
    let (ctime_ns, inode) = (0, 0);
    Some(Stamp {
        path: path.to_string(),
        size: m.len(),
        mtime_ns: nanos(m.modified().ok()?),
        ctime_ns,
        inode,
    })
}

fn nanos(t: SystemTime) -> i64 {
    // Nanoseconds since 1970 fit an i64 until 2262.
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Staging;

    /// Writes `files` (path, text) as the new output through a staging
    /// folder, as a build does; the stamps the record would keep.
    fn build_output(out: &Path, files: &[(&str, &str)]) -> Vec<Stamp> {
        let staging = Staging::begin(out).expect("staging");
        for (path, text) in files {
            staging.put_bytes(path, text.as_bytes()).expect("write");
        }
        let (_, placed) = staging.commit().expect("commit");
        output_stamps(&placed)
    }

    #[test]
    fn the_stamps_taken_while_writing_are_those_a_walk_of_the_output_finds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("output");
        // `a-b` sorts before `a/…` as text but after `a` as a path.
        let first = [
            ("a-b/index.html", "1"),
            ("a/index.html", "2"),
            ("a/b/index.html", "3"),
            ("a.html", "4"),
            ("z/y/x/index.html", "5"),
        ];
        let stamps = build_output(&out, &first);
        assert_eq!(stamps.len(), first.len() + 1, "the files and the marker");
        assert_eq!(Some(stamps), stamp_tree(&out, &|_| false));
        // A second build keeps two files (hard links from the old output,
        // whose removal changes their change time), rewrites one, drops two.
        let second = [
            ("a/index.html", "2"),
            ("a.html", "4 new"),
            ("z/y/x/index.html", "5"),
        ];
        let stamps = build_output(&out, &second);
        assert_eq!(Some(stamps), stamp_tree(&out, &|_| false));
    }
}
