//! The incremental build behind `serve`: the same stages as `build::run`
//! (load → model → render), but documents, Markdown bodies, the theme and
//! rendered pages are kept between runs, and only the routes an edit touches
//! are rendered again (`invalidate`). Nothing is written to disk: the result
//! is the site as served, in memory.

mod fast;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::files::{Entry, SiteFiles};
use super::invalidate::{self, Selection, Touched};
use crate::build::{self, BuildOptions};
use crate::content::markdown::{self, LinkTarget, Links, MarkdownSource};
use crate::content::{self, BundleFile, Document};
use crate::diag::{Diagnostic, Diagnostics};
use crate::output::OutputFile;
use crate::render::{self, Renderer, Theme};
use crate::site::{self, ModelOptions, Site};

/// What changed on disk, as the watcher saw it.
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Site-relative, `/`-separated.
    pub paths: Touched,
    /// Events were lost (or this is the first build): trust nothing kept.
    pub everything: bool,
}

/// A successful rebuild.
#[derive(Debug)]
pub struct Built {
    pub files: Arc<SiteFiles>,
    /// Output paths whose bytes changed, appeared or disappeared.
    pub changed: Vec<String>,
    /// Routes rendered this time.
    pub rendered: usize,
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// Made on the fast path (one body patched in the kept model).
    pub fast: bool,
}

/// What [`Session::preview`] made: the page (none for a document without
/// one) and the warnings of that build.
#[derive(Default)]
pub struct Preview {
    pub page: Option<Arc<[u8]>>,
    pub warnings: Vec<Diagnostic>,
}

/// The state kept between rebuilds.
pub struct Session {
    opts: BuildOptions,
    docs: HashMap<String, Read>,
    bodies: BodyMemo,
    good: Option<Good>,
    /// Changes not yet part of a good build (a failed build keeps them).
    pending: Changes,
    /// The editor's unsaved text of one document, read instead of its file
    /// (a preview session only; see [`Session::preview`]).
    overlay: Option<(String, String)>,
}

/// One Markdown file as last read, with the bundle it was read with.
struct Read {
    disk: PathBuf,
    bundle: Option<Vec<BundleFile>>,
    doc: Option<Document>,
    diags: Vec<Diagnostic>,
}

/// The last build that succeeded: what is being served.
struct Good {
    site: Site,
    theme: Arc<Theme>,
    files: Arc<SiteFiles>,
    /// Compiled templates and shared values of `site` (the fast path
    /// patches one card and renders with it).
    renderer: Renderer,
    /// Of the whole build, in order.
    warnings: Vec<Diagnostic>,
    pages: usize,
    lookups: fast::Lookups,
}

impl Session {
    /// `opts.base_url` should be the local address; nothing is written.
    pub fn new(opts: BuildOptions) -> Session {
        Session {
            opts,
            docs: HashMap::new(),
            bodies: BodyMemo::default(),
            good: None,
            pending: Changes {
                everything: true,
                ..Changes::default()
            },
            overlay: None,
        }
    }

    /// The page of `path` as it would be with `text` in the file, built by
    /// this session (which must not be the one being served: it keeps the
    /// text until the next preview). `disk` are the changes on disk since
    /// the last call. No page: the document has none (the home intro
    /// shows on `/`, which is returned then).
    pub fn preview(
        &mut self,
        path: &str,
        text: &str,
        disk: &Changes,
    ) -> Result<Preview, Vec<Diagnostic>> {
        self.overlay = Some((
            path.to_string(),
            crate::text::nfc(&text.replace("\r\n", "\n")),
        ));
        let mut changes = disk.clone();
        changes.paths.add(path.to_string());
        let built = self.rebuild(&changes)?;
        let Some(good) = &self.good else {
            return Ok(Preview::default());
        };
        let file = good.site.routes.iter().find_map(|r| {
            let mine = match r.kind {
                site::RouteKind::Article(i) => good.site.articles[i].source == path,
                site::RouteKind::Page(i) => good.site.pages[i].source == path,
                site::RouteKind::Home => path == "content/_index.md",
                _ => false,
            };
            mine.then(|| r.file())
        });
        let page = file.and_then(|f| match built.files.get(&f) {
            Some(crate::serve::files::Entry::Memory { bytes, .. }) => Some(Arc::clone(bytes)),
            _ => None,
        });
        Ok(Preview {
            page,
            warnings: built.warnings,
        })
    }

    /// The files of the last good build, if any.
    pub fn files(&self) -> Option<Arc<SiteFiles>> {
        self.good.as_ref().map(|g| Arc::clone(&g.files))
    }

    /// Brings the site up to date with `changes` (and any left over from a
    /// failed run). On error the last good site stays as it was.
    pub fn rebuild(&mut self, changes: &Changes) -> Result<Built, Vec<Diagnostic>> {
        let started = Instant::now();
        // The fast path reads the file itself; an overlay must be read instead.
        if self.overlay.is_none()
            && let Some(built) = self.try_fast(changes, started)
        {
            return Ok(built);
        }
        self.pending.paths.extend(&changes.paths);
        let p = &self.pending.paths;
        let everything = changes.everything
            || self.pending.everything
            || self.good.is_none()
            || p.any_under(crate::config::CONFIG_FILE)
            // Data pages cross-reference every data file: rebuild them all.
            || p.any_under("data")
            // A photo's size shows on list pages (covers) and in galleries,
            // which do not record photo files as inputs: rebuild them all.
            || p.iter().any(|path| crate::media::role_of(path) != crate::media::FileRole::Other);
        let theme_touched = everything || p.any_under("themes") || p.any_under("templates");
        self.pending.everything = everything;
        if everything {
            self.docs.clear();
            self.bodies.clear();
        }
        let mut diags = Diagnostics::new();
        let Some(config) = build::load_config(&self.opts, &mut diags) else {
            return Err(diags.sorted());
        };
        let site_dir = self.opts.site_dir.clone();
        self.read_content(&site_dir, config.offset, &mut diags);

        let theme = match (&self.good, theme_touched) {
            (Some(g), false) => Arc::clone(&g.theme),
            _ => match render::theme::load(&site_dir, &config.theme) {
                Ok(t) => Arc::new(t),
                Err(d) => {
                    diags.push(d);
                    return Err(diags.sorted());
                }
            },
        };
        let docs: Vec<&Document> = self.sorted_docs();
        let opts = ModelOptions {
            drafts: self.opts.drafts,
            failed: self.failed_docs(),
            // serve compares and swaps bodies on every edit: in memory
            bodies: None,
        };
        let (data, ds) = crate::data::load(&site_dir);
        diags.extend(ds);
        diags.extend(crate::data::check_documents(&data, docs.iter().copied()));
        diags.extend(crate::data::check_organiser(&data, &config, &site_dir));
        let media = build::process_images(
            &site_dir,
            &config,
            docs.iter().copied(),
            &self.opts,
            &mut diags,
        );
        let (site, ds) = site::build_from(config, &docs, data, opts, media, &self.bodies);
        diags.extend(ds);
        let renderer = match Renderer::new(&site, &theme) {
            Ok(r) => r,
            Err(ds) => {
                diags.extend(ds);
                return Err(diags.sorted());
            }
        };
        let statics = build::static_files(&site_dir, &site, &theme, &mut diags);
        if diags.has_errors() {
            return Err(diags.sorted());
        }

        let selection = match &self.good {
            Some(g) if !everything => {
                invalidate::select(&g.site, &g.theme, &site, &theme, &self.pending.paths)
            }
            _ => Selection::All,
        };
        let previous = self.good.as_ref().map(|g| &*g.files);
        let (pages, rendered) = render_selected(&renderer, &site, &theme, &selection, previous)
            .map_err(|ds| {
                diags.extend(ds);
                diags.clone().sorted()
            })?;

        let files = assemble(&site_dir, statics, pages, previous);
        let changed = changed_paths(previous, &files, &self.pending.paths);
        let files = Arc::new(files);
        let pages = build::count_pages(&site);
        let live: HashSet<&str> = docs.iter().map(|d| d.path.as_str()).collect();
        self.bodies.retain(&live);
        let warnings = diags.sorted();
        self.good = Some(Good {
            site,
            theme,
            files: Arc::clone(&files),
            renderer,
            warnings: warnings.clone(),
            pages,
            lookups: fast::Lookups::default(),
        });
        self.pending = Changes::default();
        Ok(Built {
            files,
            changed,
            rendered,
            pages,
            warnings,
            elapsed: started.elapsed(),
            fast: false,
        })
    }

    /// Lists `content/` and reads the Markdown files that are new, changed
    /// or whose bundle changed; the others are kept as they were read.
    fn read_content(&mut self, site_dir: &Path, offset: jiff::tz::Offset, diags: &mut Diagnostics) {
        let scan = content::scan(site_dir);
        diags.extend(scan.diagnostics.iter().cloned());
        let pending = &self.pending.paths;
        let stale: Vec<&content::MarkdownFile> = scan
            .markdown
            .iter()
            .filter(|m| match self.docs.get(&m.path) {
                Some(r) => r.bundle != m.bundle || pending.touches(&m.path),
                None => true,
            })
            .collect();
        let overlay = self.overlay.as_ref();
        let fresh: Vec<(String, Read)> = stale
            .par_iter()
            .map(|m| {
                let (doc, ds) = match overlay {
                    Some((path, text)) if *path == m.path => {
                        content::read_document_with(&m.path, m.bundle.clone(), offset, || {
                            Ok(text.clone())
                        })
                    }
                    _ => content::read_document(&m.path, &m.disk, m.bundle.clone(), offset),
                };
                let read = Read {
                    disk: m.disk.clone(),
                    bundle: m.bundle.clone(),
                    doc,
                    diags: ds,
                };
                (m.path.clone(), read)
            })
            .collect();
        let present: HashSet<&str> = scan.markdown.iter().map(|m| m.path.as_str()).collect();
        self.docs.retain(|p, _| present.contains(p.as_str()));
        self.docs.extend(fresh);
        let mut paths: Vec<&String> = self.docs.keys().collect();
        paths.sort_unstable();
        for p in paths {
            diags.extend(self.docs[p].diags.iter().cloned());
        }
    }

    /// Markdown files read with errors (see [`ModelOptions::failed`]).
    fn failed_docs(&self) -> Vec<String> {
        let mut failed: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, r)| r.doc.is_none() && r.diags.iter().any(Diagnostic::is_error))
            .map(|(p, _)| p.clone())
            .collect();
        failed.sort_unstable();
        failed
    }

    fn sorted_docs(&self) -> Vec<&Document> {
        let mut docs: Vec<&Document> = self.docs.values().filter_map(|r| r.doc.as_ref()).collect();
        docs.sort_by(|a, b| a.path.cmp(&b.path));
        docs
    }
}

type Rendered = (Vec<(String, Entry)>, usize);

/// Renders the selected routes in parallel; the others keep the entry they
/// have in `previous` (a route that has none is always selected).
fn render_selected(
    renderer: &Renderer,
    site: &Site,
    theme: &Theme,
    selection: &Selection,
    previous: Option<&SiteFiles>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let results: Vec<Result<(String, Entry, bool), Diagnostic>> = site
        .routes
        .par_iter()
        .enumerate()
        .map(|(i, route)| {
            let file = route.file();
            let kept = match selection {
                Selection::All => None,
                Selection::Some(flags) if flags[i] => None,
                Selection::Some(_) => previous.and_then(|p| p.get(&file)),
            };
            if let Some(entry) = kept {
                return Ok((file, entry.clone(), false));
            }
            let page = renderer.render_route(site, route, theme)?;
            let entry = match previous.and_then(|p| p.get(&file)) {
                // Same bytes: keep the entry, so its date and tag stay.
                Some(e @ Entry::Memory { bytes, .. }) if **bytes == *page.bytes => e.clone(),
                _ => Entry::memory(page.bytes),
            };
            Ok((file, entry, true))
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    let mut rendered = 0;
    for r in results {
        match r {
            Ok((file, entry, fresh)) => {
                rendered += usize::from(fresh);
                pages.push((file, entry));
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok((pages, rendered))
    } else {
        Err(errors)
    }
}

/// Static files first, pages over them (as `build` does).
fn assemble(
    site_dir: &Path,
    statics: Vec<OutputFile>,
    pages: Vec<(String, Entry)>,
    previous: Option<&SiteFiles>,
) -> SiteFiles {
    let mut files = SiteFiles::new();
    for f in statics {
        let path = f.path().to_string();
        let entry = match f {
            OutputFile::Bytes { bytes, .. } => match previous.and_then(|p| p.get(&path)) {
                Some(e @ Entry::Memory { bytes: old, .. }) if **old == *bytes => e.clone(),
                _ => Entry::memory(bytes),
            },
            OutputFile::Copy { from, .. } => Entry::Disk {
                source: content::site_relative(site_dir, &from),
                path: from,
            },
        };
        files.insert(path, entry);
    }
    files.extend(pages);
    files
}

/// Output paths that differ between two builds (a file served from disk
/// differs when its source was touched).
fn changed_paths(
    previous: Option<&SiteFiles>,
    files: &SiteFiles,
    touched: &Touched,
) -> Vec<String> {
    let Some(previous) = previous else {
        return files.keys().cloned().collect();
    };
    let mut changed: Vec<String> = files
        .iter()
        .filter(|(p, e)| {
            let same = previous.get(*p).is_some_and(|old| old.same_as(e));
            let edited = matches!(e, Entry::Disk { source, .. } if touched.touches(source));
            !same || edited
        })
        .map(|(p, _)| p.clone())
        .collect();
    changed.extend(previous.keys().filter(|p| !files.contains_key(*p)).cloned());
    changed.sort();
    changed
}

/// Markdown bodies already rendered, with the link lookups each made; one is
/// reused while its text, its bundle and every lookup are the same.
#[derive(Default)]
pub struct BodyMemo {
    entries: Mutex<HashMap<String, Memo>>,
}

struct Memo {
    body: String,
    bundle: Option<Vec<String>>,
    lookups: Vec<(String, LinkTarget)>,
    html: String,
    first_paragraph: String,
}

impl BodyMemo {
    fn clear(&self) {
        self.lock().clear();
    }

    fn retain(&self, live: &HashSet<&str>) {
        self.lock().retain(|p, _| live.contains(p.as_str()));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Memo>> {
        // A panic while holding the lock cannot leave a half-written map:
        // every change is a single insert, remove or clear.
        self.entries.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl site::BodyRenderer for BodyMemo {
    fn render(&self, src: &MarkdownSource<'_>, links: &dyn Links) -> markdown::Rendered {
        let bundle = src.bundle_files.map(<[String]>::to_vec);
        if let Some(m) = self.lock().get(src.path)
            && m.body == src.body
            && m.bundle == bundle
            && m.lookups.iter().all(|(s, t)| links.lookup(s) == *t)
        {
            return markdown::Rendered {
                html: m.html.clone(),
                first_paragraph: m.first_paragraph.clone(),
                diagnostics: Vec::new(),
            };
        }
        let recorder = Recorder {
            inner: links,
            lookups: Mutex::default(),
            listed: Mutex::new(false),
        };
        let rendered = markdown::render(src, &recorder);
        let listed = *recorder
            .listed
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Bodies with problems depend on every source (for hints): not kept.
        if rendered.diagnostics.is_empty() && !listed {
            let lookups = recorder
                .lookups
                .into_inner()
                .unwrap_or_else(PoisonError::into_inner);
            self.lock().insert(
                src.path.to_string(),
                Memo {
                    body: src.body.to_string(),
                    bundle,
                    lookups,
                    html: rendered.html.clone(),
                    first_paragraph: rendered.first_paragraph.clone(),
                },
            );
        }
        rendered
    }
}

/// Passes link questions on and writes down what was asked.
struct Recorder<'a> {
    inner: &'a dyn Links,
    lookups: Mutex<Vec<(String, LinkTarget)>>,
    listed: Mutex<bool>,
}

impl Links for Recorder<'_> {
    fn lookup(&self, source: &str) -> LinkTarget {
        let target = self.inner.lookup(source);
        self.lookups
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((source.to_string(), target.clone()));
        target
    }

    fn sources(&self) -> Vec<&str> {
        *self.listed.lock().unwrap_or_else(PoisonError::into_inner) = true;
        self.inner.sources()
    }

    fn rooted(&self, site_path: &str) -> String {
        self.inner.rooted(site_path)
    }

    // Not recorded: a photo edit rebuilds every body (see `rebuild`).
    fn picture(&self, source: &str) -> Option<&crate::media::html::Picture> {
        self.inner.picture(source)
    }
}
