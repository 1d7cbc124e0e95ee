//! Walking `content/`: Markdown files with their front matter, page bundles
//! and the files they carry (FORMAT.md §1, §3). Markdown to HTML is in
//! [`markdown`]. Nothing here knows about URLs; the site model decides them.

pub mod front;
pub mod gallery_marker;
mod leftover;
pub mod markdown;
mod read;

use std::path::{Path, PathBuf};

use jiff::tz::Offset;
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::t;
use crate::text::{nfc, slugify, strip_invisible};
use crate::yaml::{self, Source, Spanned};
pub use front::{DocDate, FrontMatter, SourceInfo};
pub use read::{MAX_TEXT_BYTES, line_ends};
pub(crate) use read::{read_limited, read_text};

/// What a Markdown file is, from where it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// `content/news/**`: a dated article.
    Article,
    /// `content/pages/*`: a standalone page such as `/gioi-thieu/`.
    Page,
    /// `content/_index.md`: the home page's introduction.
    HomeIntro,
    /// `content/news/_index.md` or `content/news/<year>/_index.md`: the
    /// introduction of the news list or of a year archive (FORMAT.md 1.1).
    ListIntro,
}

/// A file that travels with a bundle (a photo, a PDF).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleFile {
    /// Site-relative, `/`-separated, NFC.
    pub path: String,
    /// Relative to the bundle folder, `/`-separated, NFC.
    pub name: String,
    /// Where it is on disk (the name may be NFD there).
    pub disk: PathBuf,
}

/// One Markdown file, read and checked.
#[derive(Debug)]
pub struct Document {
    pub kind: DocKind,
    /// Site-relative, `/`-separated, NFC (`content/news/2024/a.md`).
    pub path: String,
    /// The whole file, NFC.
    pub text: String,
    /// Byte offset of the body in `text`, and lines before it.
    pub body_start: usize,
    pub body_line_offset: usize,
    pub front: FrontMatter,
    pub title: String,
    pub date: Option<DocDate>,
    /// The last URL segment, from `slug`, the bundle folder or the file name.
    pub slug: String,
    pub tags: Vec<String>,
    pub event: Option<String>,
    /// Files of the bundle, when the document is `index.md` of a folder.
    pub bundle: Option<Vec<BundleFile>>,
}

impl Document {
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or_default()
    }

    /// Drops the Markdown body once it is rendered, keeping the front
    /// matter (later checks quote its lines); [`Document::body`] is then empty.
    pub fn forget_body(&mut self) {
        self.text.truncate(self.body_start);
        self.text.shrink_to_fit();
    }

    /// The site path of a standalone page: the sub-folders it sits in under
    /// `content/pages/`, each made a slug, then its own slug
    /// (`content/pages/nhom/lich.md` → `/nhom/lich/`).
    pub fn page_path(&self) -> String {
        let mut path = String::from("/");
        for folder in page_folders(&self.path, self.bundle.is_some()) {
            path.push_str(&slugify(folder));
            path.push('/');
        }
        path.push_str(&self.slug);
        path.push('/');
        path
    }

    /// The site path of the page the document makes, before any base path:
    /// `/` for the home intro, the list of a list intro, an article at
    /// `/tin-tuc/<year>/<slug>/` (the list when its date is unreadable).
    pub fn address(&self) -> String {
        match self.kind {
            DocKind::HomeIntro => "/".to_string(),
            DocKind::ListIntro => match list_intro_year(&self.path) {
                Some(Some(year)) => format!("/tin-tuc/{year}/"),
                _ => "/tin-tuc/".to_string(),
            },
            DocKind::Page => self.page_path(),
            DocKind::Article => match &self.date {
                Some(date) => format!("/tin-tuc/{}/{}/", date.year(), self.slug),
                None => "/tin-tuc/".to_string(),
            },
        }
    }

    /// A [`Source`] for locating front-matter values in this file.
    pub fn source(&self) -> Source<'_> {
        // The front matter starts on the line after the opening `---`.
        let bom = if self.text.starts_with('\u{FEFF}') {
            3
        } else {
            0
        };
        let yaml_start = self.text[bom..]
            .find('\n')
            .map_or(self.text.len(), |i| bom + i + 1);
        Source {
            file: Path::new(&self.path),
            full_text: &self.text,
            line_offset: 1,
            yaml_start,
        }
    }
}

/// What [`load`] found under `content/`.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents that loaded without errors, sorted by path.
    pub docs: Vec<Document>,
    /// Markdown files that exist but have errors, sorted: a link to one of
    /// them is not reported again as a broken link.
    pub failed: Vec<String>,
    pub diagnostics: Diagnostics,
}

/// Every document under `content/`, plus the problems found on the way.
pub fn load(site_dir: &Path, offset: Offset) -> Loaded {
    let scan = scan(site_dir);
    let mut diags = scan.diagnostics;
    let results: Vec<(String, Option<Document>, Vec<Diagnostic>)> = scan
        .markdown
        .into_par_iter()
        .map(|m| {
            let (doc, ds) = read_document(&m.path, &m.disk, m.bundle, offset);
            (m.path, doc, ds)
        })
        .collect();
    let mut docs = Vec::new();
    let mut failed = Vec::new();
    for (path, doc, ds) in results {
        if doc.is_none() && ds.iter().any(Diagnostic::is_error) {
            failed.push(path);
        }
        docs.extend(doc);
        diags.extend(ds);
    }
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    failed.sort();
    Loaded {
        docs,
        failed,
        diagnostics: diags,
    }
}

/// A Markdown file found under `content/`, not read yet.
#[derive(Debug, Clone)]
pub struct MarkdownFile {
    /// Site-relative, `/`-separated, NFC.
    pub path: String,
    pub disk: PathBuf,
    /// The files of its bundle, when it is a bundle's `index.md`.
    pub bundle: Option<Vec<BundleFile>>,
}

/// What is under `content/`, without reading any Markdown: the cheap half of
/// [`load`], which `serve` runs on every change to learn about new, deleted
/// and moved files.
#[derive(Debug, Default)]
pub struct Scan {
    /// Sorted by path.
    pub markdown: Vec<MarkdownFile>,
    pub diagnostics: Diagnostics,
}

/// Lists `content/`: Markdown files with the files of their bundles.
pub fn scan(site_dir: &Path) -> Scan {
    let mut diags = Diagnostics::new();
    let content_dir = site_dir.join("content");
    if !content_dir.is_dir() {
        return Scan::default();
    }
    let entries = list_files(site_dir, &content_dir, &mut diags);
    let bundle_dirs: Vec<String> = entries
        .iter()
        .filter(|(rel, _)| {
            rel.ends_with("/index.md")
                && (rel.starts_with("content/news/") || rel.starts_with("content/pages/"))
        })
        .map(|(rel, _)| rel.trim_end_matches("/index.md").to_string())
        .collect();
    let mut bundles: Vec<Vec<BundleFile>> = vec![Vec::new(); bundle_dirs.len()];
    let dir_index: std::collections::HashMap<&str, usize> = bundle_dirs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.as_str(), i))
        .collect();
    let mut markdown = Vec::new();
    for (rel, disk) in entries {
        if rel.ends_with(".md") {
            markdown.push((rel, disk));
            continue;
        }
        // The nearest folder above the file that is a bundle owns it.
        let owner = std::iter::successors(rel.rfind('/'), |&end| rel[..end].rfind('/'))
            .find_map(|end| dir_index.get(&rel[..end]).map(|&i| (i, &bundle_dirs[i])));
        match owner {
            Some((i, dir)) => {
                let name = rel[dir.len() + 1..].to_string();
                bundles[i].push(BundleFile {
                    path: rel,
                    name,
                    disk,
                });
            }
            None => diags.push(Diagnostic::warning(t!(Msg::PhotoNotBundle)).in_file(rel)),
        }
    }
    for files in &mut bundles {
        files.sort_by(|a, b| a.name.cmp(&b.name));
    }
    let bundle_of: std::collections::HashMap<String, usize> = bundle_dirs
        .iter()
        .enumerate()
        .map(|(i, d)| (format!("{d}/index.md"), i))
        .collect();
    let mut markdown: Vec<MarkdownFile> = markdown
        .into_iter()
        .map(|(path, disk)| MarkdownFile {
            bundle: bundle_of.get(&path).map(|&i| bundles[i].clone()),
            path,
            disk,
        })
        .collect();
    markdown.sort_by(|a, b| a.path.cmp(&b.path));
    Scan {
        markdown,
        diagnostics: diags,
    }
}

/// Files under `content/`, site-relative and NFC, sorted; hidden files and
/// symbolic links that lead outside the site are left out (the latter with
/// an error).
pub(crate) fn list_files(
    site_dir: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> Vec<(String, PathBuf)> {
    let site_canonical = site_dir.canonicalize().unwrap_or_else(|_| site_dir.into());
    let mut out = Vec::new();
    // The walk would follow the folder itself when it is a link: refuse it
    // before listing anything in it.
    if let Some(d) = link_out(site_dir, dir) {
        diags.push(d);
        return out;
    }
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let file = e.path().map(|p| crate::diag::relative(site_dir, p));
                let mut d = Diagnostic::error(t!(Msg::FileRead, detail = e));
                if let Some(f) = file {
                    d = d.in_file(f);
                }
                diags.push(d);
                continue;
            }
        };
        let path = entry.path();
        let rel = site_relative(site_dir, path);
        if entry.path_is_symlink() {
            match path.canonicalize() {
                Ok(target) if target.starts_with(&site_canonical) && target.is_file() => {}
                Ok(target) if target.starts_with(&site_canonical) => continue,
                Ok(target) => {
                    diags.push(
                        Diagnostic::error(t!(Msg::SymlinkOutside, target = target.display()))
                            .in_file(rel)
                            .hint(t!(Msg::SymlinkOutsideHint)),
                    );
                    continue;
                }
                Err(e) => {
                    diags.push(Diagnostic::error(t!(Msg::FileRead, detail = e)).in_file(rel));
                    continue;
                }
            }
        } else if !entry.file_type().is_file() {
            continue;
        }
        if is_junk(&rel) {
            continue;
        }
        out.push((rel, path.to_path_buf()));
    }
    out
}

/// The error for `path` (in the site) when it is a symbolic link that leads
/// outside the site folder, or that cannot be followed (FORMAT.md §1).
pub(crate) fn link_out(site_dir: &Path, path: &Path) -> Option<Diagnostic> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    let rel = site_relative(site_dir, path);
    let site = site_dir
        .canonicalize()
        .unwrap_or_else(|_| site_dir.to_path_buf());
    match path.canonicalize() {
        Ok(target) if target.starts_with(&site) => None,
        Ok(target) => Some(
            Diagnostic::error(t!(Msg::SymlinkOutside, target = target.display()))
                .in_file(rel)
                .hint(t!(Msg::SymlinkOutsideHint)),
        ),
        Err(e) => Some(Diagnostic::error(t!(Msg::FileRead, detail = e)).in_file(rel)),
    }
}

/// Files that operating systems and editors leave behind (Emacs `#a.md#`,
/// backups `a.md~`, Office's lock `~$Báo cáo.docx` with the user's name), and
/// in `static/` the files named `_…`, kept private there (FORMAT.md §1).
fn is_junk(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let private = rel
        .strip_prefix("static/")
        .is_some_and(|inner| inner.split('/').any(|part| part.starts_with('_')));
    matches!(name, "Thumbs.db" | "desktop.ini")
        || name.ends_with('~')
        || name.starts_with("~$")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || private
}

/// `/`-separated NFC path of `path` relative to the site folder.
pub fn site_relative(site_dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(site_dir).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| nfc(&c.as_os_str().to_string_lossy()))
        .collect();
    parts.join("/")
}

/// For a list intro, the year archive it introduces (`Some(None)` for the
/// whole news list); `None` for any other file.
pub fn list_intro_year(rel: &str) -> Option<Option<i16>> {
    if rel == "content/news/_index.md" {
        return Some(None);
    }
    let year = rel
        .strip_prefix("content/news/")?
        .strip_suffix("/_index.md")?;
    let ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| year.parse().ok())
}

/// What a Markdown file at `rel` is; `None` where no document may be.
pub fn kind_of(rel: &str) -> Option<DocKind> {
    if rel == "content/_index.md" {
        Some(DocKind::HomeIntro)
    } else if list_intro_year(rel).is_some() {
        Some(DocKind::ListIntro)
    } else if rel.ends_with("/_index.md") {
        None
    } else if rel.starts_with("content/news/") {
        Some(DocKind::Article)
    } else if rel.starts_with("content/pages/") {
        Some(DocKind::Page)
    } else {
        None
    }
}

/// Reads and checks one Markdown file; `None` when it has errors.
pub fn read_document(
    rel: &str,
    disk: &Path,
    bundle: Option<Vec<BundleFile>>,
    offset: Offset,
) -> (Option<Document>, Vec<Diagnostic>) {
    read_document_with(rel, bundle, offset, || read_text(rel, disk))
}

/// [`read_document`] of a text that may not be on disk (the editor's
/// preview of unsaved text): `text` gives it.
pub fn read_document_with(
    rel: &str,
    bundle: Option<Vec<BundleFile>>,
    offset: Offset,
    text: impl FnOnce() -> Result<String, Diagnostic>,
) -> (Option<Document>, Vec<Diagnostic>) {
    let Some(kind) = kind_of(rel) else {
        // A Hugo or Zola habit: an `_index.md` elsewhere is not an article.
        let (msg, hint) = if rel.ends_with("/_index.md") {
            (Msg::IndexIgnored, Msg::IndexIgnoredHint)
        } else {
            (Msg::ContentOutsideNews, Msg::ContentOutsideNewsHint)
        };
        return (
            None,
            vec![
                Diagnostic::warning(t!(msg))
                    .in_file(rel)
                    .at("", 1, 1)
                    .hint(t!(hint)),
            ],
        );
    };
    let text = match text() {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    let split = match front::split(&text) {
        Ok(s) => s,
        Err(e) => {
            let (msg, hint) = match e {
                front::SplitError::Missing => {
                    (Msg::FrontMatterMissing, Msg::FrontMatterMissingHint)
                }
                front::SplitError::Unclosed => {
                    (Msg::FrontMatterUnclosed, Msg::FrontMatterUnclosedHint)
                }
            };
            let d = Diagnostic::error(t!(msg))
                .in_file(rel)
                .at(&text, 1, 1)
                .hint(t!(hint));
            return (None, vec![d]);
        }
    };
    let src = Source {
        file: Path::new(rel),
        full_text: &text,
        line_offset: split.yaml_line_offset,
        yaml_start: split.yaml.as_ptr() as usize - text.as_ptr() as usize,
    };
    let (front, mut diags) = yaml::parse_all_keys::<FrontMatter>(split.yaml, src);
    let Some(front) = front else {
        return (None, diags);
    };
    let body_start = text.len() - split.body.len();
    let body_line_offset = split.body_line_offset;
    let checked = check_front(rel, kind, &front, src, offset, bundle.is_some(), &mut diags);
    check_photos(
        &front,
        bundle.as_deref().unwrap_or_default(),
        src,
        &mut diags,
    );
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let (title, date, slug, tags) = checked;
    let event = front.event.as_ref().map(|e| e.value.clone());
    let doc = Document {
        kind,
        path: rel.to_string(),
        body_start,
        body_line_offset,
        front,
        title,
        date,
        slug,
        tags,
        event,
        bundle,
        text,
    };
    (Some(doc), diags)
}

type Checked = (String, Option<DocDate>, String, Vec<String>);

/// Where `serve`'s editor moves the files it removes (dated folders in the
/// site folder): never an input of the site.
pub const TRASH_DIR: &str = ".bangtin-trash";

/// Tags one article may have (docs/format.md §3): every tag page shows the
/// article, so thousands of tags would make thousands of pages of it.
pub const MAX_TAGS: usize = 50;
/// The longest tag, in characters: a tag becomes a page address.
pub const MAX_TAG_CHARS: usize = 100;

/// The checks of FORMAT.md §3 that need no other file.
fn check_front(
    rel: &str,
    kind: DocKind,
    front: &FrontMatter,
    src: Source<'_>,
    offset: Offset,
    is_bundle: bool,
    diags: &mut Vec<Diagnostic>,
) -> Checked {
    let missing = |key: &str| {
        Diagnostic::error(t!(Msg::MissingKey, key = key))
            .in_file(rel)
            .at(src.full_text, 2, 1)
            .hint(t!(Msg::MissingKeyHint, key = key))
    };
    let title = match &front.title {
        Some(t) => t.value.trim().to_string(),
        None if matches!(kind, DocKind::HomeIntro | DocKind::ListIntro) => String::new(),
        None => {
            diags.push(missing("title"));
            String::new()
        }
    };
    let date = match &front.date {
        Some(d) => {
            let parsed = front::parse_date(&d.value, offset);
            if parsed.is_none() {
                diags.push(front::date_error(&src, d, Some(offset)));
            }
            parsed
        }
        None if kind == DocKind::Article => {
            diags.push(missing("date"));
            None
        }
        None => None,
    };
    if let Some(d) = &front.description
        && kind != DocKind::ListIntro
    {
        diags.push(
            src.error_at(d, t!(Msg::UnknownKey, key = "description"))
                .hint(t!(Msg::DescriptionOnlyIntroHint)),
        );
    }
    if let Some(e) = &front.event
        && !front::EVENT_KINDS.contains(&e.value.as_str())
    {
        let hint = crate::diag::closest(&e.value, front::EVENT_KINDS.iter().copied()).map_or_else(
            || t!(Msg::ExpectedKeys, keys = front::EVENT_KINDS.join(", ")),
            |s| t!(Msg::DidYouMean, suggestion = s),
        );
        diags.push(
            src.error_at(e, t!(Msg::EventUnknown, value = e.value))
                .hint(hint),
        );
    }
    if let Some(as_of) = front.source.as_ref().and_then(|s| s.as_of.as_ref())
        && front::parse_date(&as_of.value, offset).is_none()
    {
        diags.push(front::date_error(&src, as_of, None));
    }
    for alias in &front.aliases {
        let a = alias.value.trim();
        if !a.starts_with('/') || a.split('/').any(|p| p == ".." || p == ".") || a.contains('\\') {
            diags.push(
                src.error_at(alias, t!(Msg::AliasInvalid, alias = a))
                    .hint(t!(Msg::AliasInvalidHint)),
            );
        }
    }
    let slug = document_slug(rel, front.slug.as_ref(), is_bundle, src, diags);
    if kind == DocKind::Page {
        check_page_folders(rel, is_bundle, diags);
    }
    if let Some(extra) = front.tags.get(MAX_TAGS) {
        diags.push(
            src.error_at(
                extra,
                t!(
                    Msg::TooManyTags,
                    count = crate::messages::integer(front.tags.len()),
                    max = MAX_TAGS
                ),
            )
            .hint(t!(Msg::TooManyTagsHint)),
        );
    }
    for tag in front.tags.iter().take(MAX_TAGS) {
        let len = tag.value.trim().chars().count();
        if len > MAX_TAG_CHARS {
            diags.push(
                src.error_at(
                    tag,
                    t!(
                        Msg::TagTooLong,
                        len = crate::messages::integer(len),
                        max = MAX_TAG_CHARS
                    ),
                )
                .hint(t!(Msg::TagTooLongHint)),
            );
        }
    }
    let tags = front
        .tags
        .iter()
        .take(MAX_TAGS)
        .filter_map(|tag| {
            // A zero-width space separates words, as a space would.
            let spaced = tag.value.trim().replace('\u{200B}', " ");
            let (clean, had_invisible) = strip_invisible(&spaced);
            let had_invisible = had_invisible || spaced != tag.value.trim();
            if had_invisible {
                diags.push(invisible_warning(src, tag, "tags"));
            }
            (!clean.is_empty()).then_some(clean)
        })
        .collect();
    (title, date, slug, tags)
}

/// Every photo named in `photos` or `cover` must be a file of the bundle.
fn check_photos(
    front: &FrontMatter,
    files: &[BundleFile],
    src: Source<'_>,
    diags: &mut Vec<Diagnostic>,
) {
    let named = front
        .photos
        .iter()
        .map(|p| &p.file)
        .chain(front.cover.as_ref());
    for file in named {
        let wanted = nfc(file.value.trim());
        if crate::text::leaves_folder(&wanted, false) {
            let folder = t!(Msg::ArticleFolder);
            let hint = t!(
                Msg::PathLeavesFolderHint,
                folder = folder,
                example = "toan-canh.jpg"
            );
            diags.push(
                src.error_at(
                    file,
                    t!(Msg::PathLeavesFolder, file = wanted, folder = folder),
                )
                .hint(hint),
            );
        } else if !files.iter().any(|f| f.name == wanted) {
            let list: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            let hint = match crate::diag::closest(&wanted, list.iter().copied()) {
                Some(s) => t!(Msg::DidYouMean, suggestion = s),
                None if list.is_empty() => t!(Msg::PhotoMissingNoneHint),
                None => t!(Msg::PhotoMissingHint, files = list.join(", ")),
            };
            diags.push(
                src.error_at(file, t!(Msg::PhotoMissing, file = wanted))
                    .hint(hint),
            );
        }
    }
}

/// The folders between `content/pages/` and a page's file (or its bundle
/// folder, which gives the slug).
fn page_folders(rel: &str, is_bundle: bool) -> Vec<&str> {
    let inner = rel.strip_prefix("content/pages/").unwrap_or_default();
    let inner = if is_bundle {
        inner.trim_end_matches("/index.md")
    } else {
        inner
    };
    let mut folders: Vec<&str> = inner.split('/').collect();
    folders.pop();
    folders
}

/// A sub-folder of `content/pages/` must give a slug, as it is part of the
/// address.
fn check_page_folders(rel: &str, is_bundle: bool, diags: &mut Vec<Diagnostic>) {
    for folder in page_folders(rel, is_bundle) {
        if slugify(folder).is_empty() {
            diags.push(
                Diagnostic::error(t!(Msg::PageFolderNoSlug, folder = folder))
                    .in_file(rel)
                    .hint(t!(Msg::PageFolderNoSlugHint)),
            );
        }
    }
}

fn invisible_warning(src: Source<'_>, value: &Spanned<String>, what: &str) -> Diagnostic {
    src.warning_at(value, t!(Msg::InvisibleChars, what = what))
        .hint(t!(Msg::InvisibleCharsHint))
}

fn document_slug(
    rel: &str,
    explicit: Option<&Spanned<String>>,
    is_bundle: bool,
    src: Source<'_>,
    diags: &mut Vec<Diagnostic>,
) -> String {
    if let Some(s) = explicit {
        let (clean, had_invisible) = strip_invisible(s.value.trim());
        if had_invisible {
            diags.push(invisible_warning(src, s, "slug"));
        }
        let valid = !clean.is_empty()
            && clean.split('-').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            });
        if !valid {
            diags.push(
                src.error_at(s, t!(Msg::SlugInvalid, value = clean))
                    .hint(t!(Msg::SlugInvalidHint, suggestion = slugify(&clean))),
            );
        }
        return clean;
    }
    let stem = if is_bundle {
        rel.trim_end_matches("/index.md")
            .rsplit('/')
            .next()
            .unwrap_or("")
    } else {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        name.strip_suffix(".md").unwrap_or(name)
    };
    let slug = slugify(stem);
    if slug.is_empty() && !rel.ends_with("_index.md") {
        diags.push(
            Diagnostic::error(t!(Msg::SlugEmpty, value = stem))
                .in_file(rel)
                .hint(t!(Msg::SlugEmptyHint)),
        );
    }
    slug
}
