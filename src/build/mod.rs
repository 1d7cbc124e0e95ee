//! The pipeline: load → check → model → render → write. Each stage adds its
//! problems to one list, so a run reports everything at once; nothing is
//! written unless the whole run is free of errors.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, BaseUrl, Config};
use crate::content;
use crate::data;
use crate::diag::{Diagnostic, Diagnostics};
use crate::media::{self, Media, MediaStats};
use crate::messages::Msg;
use crate::output::{self, OutputFile, WriteStats};
use crate::render::{self, Renderer};
use crate::site::{self, ModelOptions, RouteKind, Site};
use crate::t;

mod warm;

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub site_dir: PathBuf,
    /// Default: `<site>/output`.
    pub output_dir: Option<PathBuf>,
    /// Replaces `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Warnings fail the run before anything is written.
    pub deny_warnings: bool,
    /// `false` for `check`: everything is verified, nothing written.
    pub write: bool,
    /// Told `(done, total)` while images are encoded (for a progress bar).
    pub progress: Option<ProgressHook>,
}

/// A callback for the progress of image work; called from worker threads.
#[derive(Clone)]
pub struct ProgressHook(pub Arc<dyn Fn(usize, usize) + Send + Sync>);

impl std::fmt::Debug for ProgressHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressHook")
    }
}

impl BuildOptions {
    /// Build the site in `site_dir` into its `output/`.
    pub fn new(site_dir: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site_dir: site_dir.into(),
            output_dir: None,
            base_url: None,
            drafts: false,
            deny_warnings: false,
            write: true,
            progress: None,
        }
    }

    pub fn output(&self) -> PathBuf {
        self.output_dir
            .clone()
            .unwrap_or_else(|| self.site_dir.join("output"))
    }
}

/// A successful run.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages (redirects, feeds and the sitemap not counted).
    pub pages: usize,
    pub images: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    pub output: PathBuf,
    pub written: WriteStats,
    /// Image work: decoded, encoded, reused from the cache, pruned.
    pub media: MediaStats,
    /// Nothing changed since the last build of this output: nothing was
    /// loaded, rendered or written (see `warm`).
    pub unchanged: bool,
    /// Time spent making the search index (part of `elapsed`).
    pub search_index: Duration,
}

/// Runs the whole pipeline. On error, returns every problem found, sorted,
/// warnings included; the output folder is untouched.
pub fn run(opts: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let mut diags = Diagnostics::new();
    let site_dir = opts.site_dir.as_path();
    let output_dir = opts.output();
    let snapshot = opts
        .write
        .then(|| warm::snapshot(opts, &format!("{:?}", crate::messages::lang())));
    if let Some(last) = snapshot.as_ref().and_then(|s| s.unchanged(&output_dir)) {
        output::clear_leftovers(&output_dir);
        return unchanged(opts, last, started);
    }

    let Some(config) = load_config(opts, &mut diags) else {
        return Err(diags.sorted());
    };
    if opts.write {
        check_output_location(site_dir, &output_dir, &mut diags);
    }

    let content::Loaded {
        docs,
        failed,
        diagnostics: ds,
    } = content::load(site_dir, config.offset);
    diags.extend(ds);
    let (data, ds) = data::load(site_dir);
    diags.extend(ds);
    diags.extend(data::check_documents(&data, &docs));
    diags.extend(data::check_organiser(&data, &config, site_dir));
    let media = process_images(site_dir, &config, &docs, opts, &mut diags);
    // Only a build that writes its output keeps bodies beside the site
    // (`bangtin check` leaves the site folder as it is), in the site's
    // cache, which `bangtin clean` removes.
    let bodies = opts
        .write
        .then(|| media::open_folder(site_dir, site::body::FOLDER).ok())
        .flatten()
        .and_then(|dir| site::body::BodyStore::create(&dir));
    let (site, ds) = site::build(
        config,
        docs,
        data,
        ModelOptions {
            drafts: opts.drafts,
            failed,
            bodies: bodies.clone(),
        },
        media,
    );
    diags.extend(ds);

    let theme = match render::theme::load(site_dir, &site.config.theme) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return Err(diags.sorted());
        }
    };
    let renderer = match Renderer::new(&site, &theme) {
        Ok(r) => r,
        Err(ds) => {
            diags.extend(ds);
            return Err(diags.sorted());
        }
    };
    let statics = static_files(site_dir, &site, &theme, &mut diags);
    let denied = opts.deny_warnings && diags.warning_count() > 0;
    // Pages are rendered even when the run already failed, to report the
    // templates' problems too; they are written only when it can succeed.
    let staging = if opts.write && !diags.has_errors() && !denied {
        Some(output::Staging::begin(&output_dir).map_err(|d| with(&diags, d))?)
    } else {
        None
    };
    diags.extend(render_and_write(
        &site,
        &renderer,
        &theme,
        statics,
        staging.as_ref(),
    ));
    if bodies.as_ref().is_some_and(|b| b.failed()) {
        diags
            .push(Diagnostic::error(t!(Msg::BodiesUnreadable)).hint(t!(Msg::BodiesUnreadableHint)));
    }
    if diags.has_errors() {
        // Dropping the staging folder removes it: the old output stays.
        return Err(diags.sorted());
    }
    if denied {
        diags.push(denied_error(diags.warning_count()));
        return Err(diags.sorted());
    }
    let (written, placed) = match staging {
        Some(s) => s.commit().map_err(|d| with(&diags, d))?,
        None => (WriteStats::default(), Vec::new()),
    };
    let mut media_stats = site.media.stats;
    if opts.write {
        media_stats.pruned = media::prune(site_dir, &site.media);
    }
    let warnings = diags.sorted();
    let pages = count_pages(&site);
    let search_index = site.search.elapsed;
    // The model is let go before the output is stamped: both at once were
    // the build's peak (measured at 100,000 articles).
    drop(renderer);
    drop(site);
    if let Some(s) = snapshot {
        let report = warm::Report {
            pages,
            images: media_stats.images,
            files: written.written + written.unchanged,
            warnings: warnings.clone(),
        };
        s.save(site_dir, report, placed);
    }
    Ok(BuildReport {
        pages,
        images: media_stats.images,
        media: media_stats,
        warnings,
        elapsed: started.elapsed(),
        output: output_dir,
        written,
        unchanged: false,
        search_index,
    })
}

/// The report of a build that found its inputs and output as the last one
/// left them: that build's counts and warnings, nothing written.
fn unchanged(
    opts: &BuildOptions,
    last: warm::Report,
    started: Instant,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let count = last.warnings.iter().filter(|d| d.is_warning()).count();
    if opts.deny_warnings && count > 0 {
        let mut diags = Diagnostics::new();
        diags.extend(last.warnings);
        diags.push(denied_error(count));
        return Err(diags.sorted());
    }
    Ok(BuildReport {
        pages: last.pages,
        images: last.images,
        media: MediaStats {
            images: last.images,
            ..MediaStats::default()
        },
        warnings: last.warnings,
        elapsed: started.elapsed(),
        output: opts.output(),
        written: WriteStats {
            written: 0,
            unchanged: last.files,
        },
        unchanged: true,
        search_index: Duration::ZERO,
    })
}

/// The error that fails a run with `--deny-warnings`.
fn denied_error(warnings: usize) -> Diagnostic {
    Diagnostic::error(t!(
        Msg::WarningsDenied,
        warnings = crate::messages::count(warnings, crate::messages::Noun::Warnings)
    ))
}

/// Reads `site.yaml` with the command line's `base_url`. A broken file gives
/// defaults so that content can still be checked; `None` when there is no
/// `site.yaml` at all (nothing more to check).
pub(crate) fn load_config(opts: &BuildOptions, diags: &mut Diagnostics) -> Option<Config> {
    let site_dir = opts.site_dir.as_path();
    let mut config = match config::load(site_dir) {
        Ok(mut c) => {
            diags.extend(std::mem::take(&mut c.warnings));
            c
        }
        Err(ds) => {
            diags.extend(ds);
            if !site_dir.join(config::CONFIG_FILE).is_file() {
                return None;
            }
            fallback_config()
        }
    };
    if let Some(url) = &opts.base_url {
        match BaseUrl::parse(url) {
            Some(b) => config.base_url = b,
            None => diags.push(
                Diagnostic::error(t!(Msg::BaseUrlInvalid, url = url))
                    .hint(t!(Msg::BaseUrlInvalidHint)),
            ),
        }
    }
    Some(config)
}

/// Resizes and encodes the photos of published bundles (cached).
pub(crate) fn process_images<'a>(
    site_dir: &Path,
    config: &Config,
    docs: impl IntoIterator<Item = &'a content::Document>,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Media {
    let settings = match media::Settings::from_config(&config.images) {
        Ok(s) => s,
        Err(ds) => {
            diags.extend(ds);
            return Media::default();
        }
    };
    let jobs: Vec<media::Job> = docs
        .into_iter()
        .filter(|d| opts.drafts || !d.front.draft)
        .flat_map(|d| d.bundle.iter().flatten())
        .filter(|f| media::role_of(&f.name) != media::FileRole::Other)
        .map(|f| media::Job {
            source: f.path.clone(),
            name: f.name.clone(),
            disk: f.disk.clone(),
        })
        .collect();
    let hook = opts.progress.as_ref().map(|h| h.0.clone());
    let progress = |done: usize, total: usize| {
        if let Some(h) = &hook {
            h(done, total);
        }
    };
    let (media, ds) = media::process(site_dir, &jobs, &settings, Some(&progress));
    diags.extend(ds);
    media
}

/// Defaults used to keep checking content when `site.yaml` itself is wrong.
fn fallback_config() -> Config {
    config::parse(
        "title: bangtin\nbase_url: http://localhost/\n",
        Path::new(config::CONFIG_FILE),
    )
    .unwrap_or_else(|_| unreachable!("the fallback site.yaml is valid"))
}

/// The output may not sit inside a folder we read from.
fn check_output_location(site_dir: &Path, output: &Path, diags: &mut Diagnostics) {
    let abs = resolved;
    let out = abs(output);
    let home = std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty());
    if home.is_some_and(|h| abs(Path::new(&h)) == out) {
        diags.push(
            Diagnostic::error(t!(Msg::OutputIsHome, dir = output.display()))
                .hint(t!(Msg::OutputContainsSiteHint)),
        );
        return;
    }
    if abs(site_dir).starts_with(&out) {
        diags.push(
            Diagnostic::error(t!(Msg::OutputContainsSite, dir = output.display()))
                .hint(t!(Msg::OutputContainsSiteHint)),
        );
        return;
    }
    for inside in ["content", "static", "data", "themes", "templates"] {
        if out.starts_with(abs(&site_dir.join(inside))) {
            diags.push(Diagnostic::error(t!(
                Msg::OutputInsideSource,
                dir = output.display(),
                inside = inside
            )));
        }
    }
    if let Err(d) = output::check_target(output) {
        diags.push(d);
    }
}

/// `p` as an absolute path with links and `..` resolved as far as it
/// exists: the nearest existing folder above it, made canonical, with the
/// rest of the path after it.
fn resolved(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(real) = std::fs::canonicalize(cur) {
            return rest.iter().rev().fold(real, |acc, part| acc.join(part));
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent;
            }
            _ => return abs,
        }
    }
}

pub(crate) fn count_pages(site: &Site) -> usize {
    site.routes
        .iter()
        .filter(|r| {
            !matches!(
                r.kind,
                RouteKind::Redirect { .. }
                    | RouteKind::Feed
                    | RouteKind::Sitemap
                    | RouteKind::SitemapPart(_)
                    | RouteKind::Robots
                    | RouteKind::SearchFile(_)
            )
        })
        .count()
}

/// Theme assets, then the site's `static/` (which may replace them), then
/// the files that travel with bundles, next to their page.
pub(crate) fn static_files(
    site_dir: &Path,
    site: &Site,
    theme: &render::Theme,
    diags: &mut Diagnostics,
) -> Vec<OutputFile> {
    let mut files = Vec::new();
    if theme.static_on_disk.is_empty() {
        for (name, f) in theme.embedded_static() {
            files.push(OutputFile::Bytes {
                path: name.to_string(),
                bytes: f.text.clone().into_bytes(),
            });
        }
    }
    for (name, disk) in &theme.static_on_disk {
        files.push(OutputFile::Copy {
            path: name.clone(),
            from: disk.clone(),
        });
    }
    let static_dir = site_dir.join("static");
    if static_dir.is_dir() {
        for (rel, disk) in content::list_files(site_dir, &static_dir, diags) {
            let path = rel.trim_start_matches("static/").to_string();
            files.push(OutputFile::Copy { path, from: disk });
        }
    }
    let bundles = site
        .articles
        .iter()
        .map(|a| (&a.path, &a.bundle))
        .chain(site.pages.iter().map(|p| (&p.path, &p.bundle)));
    for (page_path, bundle) in bundles {
        let page_dir = page_path.trim_start_matches('/');
        for f in bundle {
            // Photos are published only as their processed variants: the
            // originals may be huge and carry GPS positions.
            if media::role_of(&f.name) != media::FileRole::Other {
                for v in site.media.get(&f.path).map_or(&[][..], |i| &i.variants) {
                    files.push(OutputFile::Copy {
                        path: format!("{page_dir}{}", v.name),
                        from: v.cached.clone(),
                    });
                }
                continue;
            }
            files.push(OutputFile::Copy {
                path: format!("{page_dir}{}", f.name),
                from: f.disk.clone(),
            });
        }
    }
    files
}

/// Renders every route and writes it (with the static files) as soon as it
/// is made, in parallel, so that memory holds the model and the pages being
/// worked on, never the whole output. Returns every problem met.
fn render_and_write(
    site: &Site,
    renderer: &Renderer,
    theme: &render::Theme,
    statics: Vec<OutputFile>,
    staging: Option<&output::Staging>,
) -> Vec<Diagnostic> {
    let pages: HashSet<String> = site.routes.iter().map(|r| r.file()).collect();
    let statics = dedupe(statics, &pages);
    // `staging?`: without a staging folder (`check`, a failed run) pages
    // are rendered for their problems and nothing is written.
    let put_static = statics.par_iter().filter_map(|f| staging?.put(f).err());
    let put_page = site.routes.par_iter().filter_map(|r| {
        let page = match renderer.render_route(site, r, theme) {
            Ok(p) => p,
            Err(d) => return Some(d),
        };
        staging?.put_bytes(&page.file, &page.bytes).err()
    });
    put_static.chain(put_page).collect()
}

/// One file per path: a later static file replaces an earlier one, and a
/// page replaces any static file at its path.
fn dedupe(files: Vec<OutputFile>, pages: &HashSet<String>) -> Vec<OutputFile> {
    let mut by_path: BTreeMap<String, OutputFile> = BTreeMap::new();
    for f in files {
        if !pages.contains(f.path()) {
            by_path.insert(f.path().to_string(), f);
        }
    }
    by_path.into_values().collect()
}

/// `problems` so far plus `last`, sorted: the report of a failed write.
fn with(problems: &Diagnostics, last: Diagnostic) -> Vec<Diagnostic> {
    let mut all = problems.clone();
    all.push(last);
    all.sorted()
}
