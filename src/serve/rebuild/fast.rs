//! The fast path for the commonest save: the body of an article or a
//! standalone page changed and nothing that places it did (its front matter,
//! file and bundle are as they were). Such an edit cannot move the document,
//! rename a tag or change any address, so the last good model stays right
//! but for that document's HTML and summary: those are patched in place, its
//! card is made again, and only the routes that list the file as an input
//! are rendered. Everything else is kept: no rescan of `content/`, no model,
//! no data, no template compilation.
//!
//! It is deliberately narrow; anything it does not recognise (a new or
//! deleted file, a temporary file, a changed front matter, a warning on the
//! document, a render error, changes left from a failed build) returns
//! `None` and the full incremental rebuild runs, which is the reference.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::{Built, Changes, Good, Read, Session};
use crate::content::{self, DocKind, Document};
use crate::serve::files::Entry;
use crate::site::{self, Input, LinkMap, RouteKind, Site};

/// Where an edited document's text lives in the model.
#[derive(Clone, Copy)]
enum Slot {
    Article(usize),
    Page(usize),
}

/// One edited document, read again.
struct Edit {
    path: String,
    slot: Slot,
    doc: Document,
    html: String,
    summary: String,
}

/// What the fast path keeps next to the last good build, made on first use.
#[derive(Default)]
pub(super) struct Lookups {
    /// Link targets of every document: an edit on this path never moves one.
    links: Option<LinkMap>,
    /// Source file → the routes that have it as an input.
    routes_by_file: Option<HashMap<String, Vec<usize>>>,
}

impl Session {
    /// Handles `changes` on the fast path, or says it cannot (`None`), in
    /// which case nothing kept has changed.
    pub(super) fn try_fast(&mut self, changes: &Changes, started: Instant) -> Option<Built> {
        let clean = !changes.everything
            && !self.pending.everything
            && self.pending.paths.is_empty()
            && !changes.paths.is_empty();
        if !clean {
            return None;
        }
        let good = self.good.as_mut()?;
        let mut edits = Vec::new();
        for path in changes.paths.iter() {
            let old = self.docs.get(path)?;
            if good.warnings.iter().any(|d| names(d, path)) {
                return None;
            }
            edits.push(reread(path, old, &good.site)?);
        }
        let links = link_map(&mut good.lookups, &good.site, &self.docs, self.opts.drafts);
        let settings = good.site.config.markdown;
        for e in &mut edits {
            let rendered = site::render_body(&e.doc, settings, links, &self.bodies);
            if !rendered.diagnostics.is_empty() {
                return None;
            }
            e.summary = site::summary_of(&e.doc, &rendered.first_paragraph);
            e.html = rendered.html;
        }

        for e in &mut edits {
            swap_text(good, e);
        }
        // The search index holds every body; its files keep their names
        // unless the edit changed how many there are.
        let mut search = crate::search::build(&good.site);
        let same_files = search.files.len() == good.site.search.files.len()
            && search
                .files
                .iter()
                .zip(&good.site.search.files)
                .all(|(a, b)| a.name == b.name);
        if same_files {
            std::mem::swap(&mut good.site.search, &mut search);
        }
        let pages = same_files.then(|| render_routes(good, &edits)).flatten();
        let Some(pages) = pages else {
            // Put the model back as it was, for the full rebuild to compare.
            if same_files {
                std::mem::swap(&mut good.site.search, &mut search);
            }
            for e in &mut edits {
                swap_text(good, e);
            }
            return None;
        };

        let mut files = (*good.files).clone();
        let mut changed = Vec::new();
        let rendered = pages.len();
        for (file, bytes) in pages {
            let same = matches!(files.get(&file),
                Some(Entry::Memory { bytes: old, .. }) if **old == *bytes);
            if !same {
                files.insert(file.clone(), Entry::memory(bytes));
                changed.push(file);
            }
        }
        changed.sort();
        for e in edits {
            if let Some(read) = self.docs.get_mut(&e.path) {
                read.doc = Some(e.doc);
            }
        }
        good.files = Arc::new(files);
        Some(Built {
            files: Arc::clone(&good.files),
            changed,
            rendered,
            pages: good.pages,
            warnings: good.warnings.clone(),
            elapsed: started.elapsed(),
            fast: true,
        })
    }
}

impl Session {
    /// Makes what the fast path looks up, so that the first edit after a
    /// full rebuild does not wait for it; `serve` calls this once the
    /// rebuilt site is served.
    pub fn prepare_fast_path(&mut self) {
        if let Some(good) = self.good.as_mut() {
            link_map(&mut good.lookups, &good.site, &self.docs, self.opts.drafts);
            routes_by_file(&mut good.lookups, &good.site);
        }
    }
}

/// Link targets of the last good build's documents.
fn link_map<'a>(
    lookups: &'a mut Lookups,
    site: &Site,
    docs: &HashMap<String, Read>,
    drafts: bool,
) -> &'a LinkMap {
    lookups.links.get_or_insert_with(|| {
        let docs: Vec<&Document> = docs.values().filter_map(|r| r.doc.as_ref()).collect();
        LinkMap::new(&site.config, &docs, drafts, &site.media)
    })
}

/// Source file → indexes of the routes that have it as an input.
fn routes_by_file<'a>(lookups: &'a mut Lookups, site: &Site) -> &'a HashMap<String, Vec<usize>> {
    lookups.routes_by_file.get_or_insert_with(|| {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in site.routes.iter().enumerate() {
            for input in &r.inputs {
                if let Input::File(p) = input {
                    map.entry(p.clone()).or_default().push(i);
                }
            }
        }
        map
    })
}

/// Reads `path` again; `None` unless only its body changed and it is an
/// article or page of the last good build.
fn reread(path: &str, old: &Read, site: &Site) -> Option<Edit> {
    let before = old.doc.as_ref()?;
    if !old.diags.is_empty() {
        return None;
    }
    let offset = site.config.offset;
    let (doc, diags) = content::read_document(path, &old.disk, old.bundle.clone(), offset);
    let doc = doc?;
    if !diags.is_empty() || !same_placing(before, &doc) {
        return None;
    }
    let slot = match doc.kind {
        DocKind::Article => Slot::Article(site.articles.iter().position(|a| a.source == path)?),
        DocKind::Page => Slot::Page(site.pages.iter().position(|p| p.source == path)?),
        // The home text decides `has_intro`, which every page shows.
        DocKind::HomeIntro | DocKind::ListIntro => return None,
    };
    Some(Edit {
        path: path.to_string(),
        slot,
        doc,
        html: String::new(),
        summary: String::new(),
    })
}

/// Whether two reads of a file differ only in their body: the same front
/// matter text (so the same title, date, tags, draft, cluster, units…) and
/// the same derived values.
fn same_placing(a: &Document, b: &Document) -> bool {
    a.text[..a.body_start] == b.text[..b.body_start]
        && a.kind == b.kind
        && a.path == b.path
        && a.title == b.title
        && a.date == b.date
        && a.slug == b.slug
        && a.tags == b.tags
        && a.event == b.event
        && a.bundle == b.bundle
}

fn names(d: &crate::diag::Diagnostic, path: &str) -> bool {
    d.file.as_deref().is_some_and(|f| f.to_str() == Some(path))
}

/// Exchanges the edit's HTML and summary with the model's (twice undoes).
fn swap_text(good: &mut Good, e: &mut Edit) {
    match e.slot {
        Slot::Article(i) => {
            let a = &mut good.site.articles[i];
            a.html.swap_text(&mut e.html);
            std::mem::swap(&mut a.summary, &mut e.summary);
            good.renderer.refresh_card(&good.site, i);
        }
        Slot::Page(i) => {
            let p = &mut good.site.pages[i];
            std::mem::swap(&mut p.html, &mut e.html);
            std::mem::swap(&mut p.summary, &mut e.summary);
        }
    }
}

/// Renders every route that has one of the edited files as an input;
/// `None` on any error (the full rebuild then reports it).
fn render_routes(good: &mut Good, edits: &[Edit]) -> Option<Vec<(String, Vec<u8>)>> {
    let site = &good.site;
    let by_file = routes_by_file(&mut good.lookups, site);
    let mut chosen: Vec<usize> = edits
        .iter()
        .flat_map(|e| by_file.get(&e.path).into_iter().flatten().copied())
        .collect();
    chosen.extend(
        site.routes
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r.kind, RouteKind::Search | RouteKind::SearchFile(_)))
            .map(|(i, _)| i),
    );
    chosen.sort_unstable();
    chosen.dedup();
    let (renderer, theme) = (&good.renderer, &*good.theme);
    let pages: Vec<Option<(String, Vec<u8>)>> = chosen
        .par_iter()
        .map(|&i| {
            let page = renderer.render_route(site, &site.routes[i], theme).ok()?;
            Some((page.file, page.bytes))
        })
        .collect();
    pages.into_iter().collect()
}
