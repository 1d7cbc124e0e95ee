//! What the editor knows of the site between requests: the Markdown files
//! `content::scan` found, a summary of each document for the list, the
//! site's UTC offset and the data of `data/` for the pickers. A request
//! reads what is kept; what the watcher (or the editor's own writes) says
//! changed is brought up to date first, and only that: a changed file is
//! read again, `content/` is scanned again (no Markdown read) when anything
//! in it changed, `site.yaml` and `data/` are loaded again when they did.
//! So opening, saving or listing costs the same in a site of 100,000
//! articles as in one of ten, but for the scan after a change.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use jiff::tz::Offset;
use rayon::prelude::*;

use super::Reply;
use crate::content::{self, DocKind, MarkdownFile};
use crate::data::Data;
use crate::messages::Msg;
use crate::serve::Changes;
use crate::t;

/// A document as the list shows it.
#[derive(Clone)]
pub struct Summary {
    pub path: String,
    pub kind: DocKind,
    pub title: String,
    pub date: Option<content::DocDate>,
    pub tags: Vec<String>,
    pub draft: bool,
    /// Its address on the site.
    pub address: String,
}

/// The list: documents that read, paths of those that did not.
pub struct Listed {
    pub docs: Vec<Summary>,
    pub broken: Vec<String>,
    pub offset: Offset,
}

pub struct Catalog {
    dir: PathBuf,
    known: Mutex<Known>,
}

#[derive(Default)]
struct Known {
    /// Nothing read yet, or the watcher lost events.
    stale: bool,
    pending: Changes,
    /// Whether `content/` must be scanned again.
    rescan: bool,
    offset: Option<Offset>,
    data: Option<Arc<Data>>,
    files: HashMap<String, MarkdownFile>,
    /// `None`: the file has errors.
    docs: HashMap<String, Option<Summary>>,
}

impl Catalog {
    pub fn new(dir: PathBuf) -> Catalog {
        Catalog {
            dir,
            known: Mutex::new(Known {
                stale: true,
                ..Known::default()
            }),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A batch of the watcher's changes.
    pub fn changed(&self, changes: &Changes) {
        let mut k = self.lock();
        k.pending.paths.extend(&changes.paths);
        k.stale |= changes.everything;
    }

    /// The editor wrote, created or moved `path` (or files of its bundle):
    /// known before the watcher reports it, so the next request sees it.
    pub fn wrote(&self, path: &str) {
        let mut k = self.lock();
        k.pending.paths.add(path.to_string());
        k.rescan = true;
    }

    /// The Markdown file at `path`, as `content::scan` lists it: a path
    /// from the browser is only ever compared with the scan's paths.
    pub fn find(&self, path: &str) -> Result<MarkdownFile, Reply> {
        let path = crate::text::nfc(path);
        let k = self.fresh();
        k.files
            .get(&path)
            .cloned()
            .ok_or_else(|| Reply::error(404, t!(Msg::EditorNoDocument, path = path)))
    }

    /// The offset of the site's dates (`site.yaml`; +07:00 when it does not
    /// read).
    pub fn offset(&self) -> Offset {
        self.fresh().offset.unwrap_or(Offset::constant(7))
    }

    pub fn data(&self) -> Arc<Data> {
        let mut k = self.fresh();
        if k.data.is_none() {
            k.data = Some(Arc::new(crate::data::load(&self.dir).0));
        }
        k.data.clone().unwrap_or_default()
    }

    pub fn list(&self) -> Listed {
        let k = self.fresh();
        let mut docs = Vec::new();
        let mut broken = Vec::new();
        for (path, doc) in &k.docs {
            match doc {
                Some(d) => docs.push(d.clone()),
                None => broken.push(path.clone()),
            }
        }
        broken.sort();
        Listed {
            docs,
            broken,
            offset: k.offset.unwrap_or(Offset::constant(7)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Known> {
        // Every update below replaces whole fields: a panic cannot leave
        // half of one, and `stale` is set again first.
        self.known.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The kept state, brought up to date with the pending changes.
    fn fresh(&self) -> MutexGuard<'_, Known> {
        let mut k = self.lock();
        let everything = k.stale;
        if !everything && k.pending.paths.is_empty() && !k.rescan {
            return k;
        }
        let touched = std::mem::take(&mut k.pending).paths;
        let config = everything || touched.any_under(crate::config::CONFIG_FILE);
        if config {
            k.offset = crate::config::load(&self.dir).ok().map(|c| c.offset);
        }
        if everything || touched.any_under("data") {
            k.data = None;
        }
        let offset = k.offset.unwrap_or(Offset::constant(7));
        if everything || config || k.rescan || touched.any_under("content") {
            let scan = content::scan(&self.dir);
            k.files = scan
                .markdown
                .into_iter()
                .map(|m| (m.path.clone(), m))
                .collect();
            // A new offset changes every date: read everything again.
            let keep = !(everything || config);
            let Known { files, docs, .. } = &mut *k;
            docs.retain(|path, _| keep && files.contains_key(path) && !touched.touches(path));
            let read: Vec<(String, Option<Summary>)> = files
                .values()
                .filter(|m| !docs.contains_key(&m.path))
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(|m| (m.path.clone(), summary(m, offset)))
                .collect();
            docs.extend(read);
        }
        k.rescan = false;
        k.stale = false;
        k
    }
}

fn summary(m: &MarkdownFile, offset: Offset) -> Option<Summary> {
    let (doc, _) = content::read_document(&m.path, &m.disk, m.bundle.clone(), offset);
    let d = doc?;
    Some(Summary {
        address: d.address(),
        path: d.path,
        kind: d.kind,
        title: d.title,
        date: d.date,
        tags: d.tags,
        draft: d.front.draft,
    })
}
