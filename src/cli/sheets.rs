//! `bangtin template scores` and `bangtin import scores`: the spreadsheet
//! commands; the workbooks themselves are `crate::sheets`.

use std::path::{Path, PathBuf};

use super::scaffold::require_site;
use super::scores::Target;
use crate::build::BuildOptions;
use crate::diag::Diagnostic;
use crate::messages::{Msg, SheetMsg};
use crate::sheets::doc::Doc;
use crate::sheets::import::{Change, import};
use crate::sheets::{layout, read, template};
use crate::t;
use crate::text::display_width;

/// A phase's scores template: its file name, its bytes, and what the
/// message about it says (sheets, members, phase). The same workbook for
/// `bangtin template scores` and the editor's download.
pub struct Template {
    pub name: String,
    pub bytes: Vec<u8>,
    pub sheets: usize,
    pub members: usize,
    pub phase: String,
}

/// Makes the template of a phase (the last when none is named).
pub fn template_bytes(
    site_dir: &Path,
    cluster: &str,
    year: i16,
    phase: Option<&str>,
) -> Result<Template, Diagnostic> {
    let target = Target::find(site_dir, cluster, year, phase)?;
    let cy = target.cy();
    let phase_id = cy.phases[target.phase].id.clone();
    let name = format!("diem-{cluster}-{year}-{phase_id}.xlsx");
    let panel =
        existing(site_dir, cy.id.as_str(), year)?.map_or_else(Vec::new, |(_, d)| d.assessors());
    let plan = layout::plan(&target.data, cy, target.scheme(), target.phase, &panel);
    let title = crate::config::load(site_dir)
        .map(|c| c.title)
        .unwrap_or_default();
    let bytes = template::workbook(&plan, &title).map_err(|e| {
        Diagnostic::error(t!(SheetMsg::WorkbookFailed, file = name, detail = e))
            .hint(t!(SheetMsg::WorkbookFailedHint))
    })?;
    Ok(Template {
        bytes,
        sheets: plan.sheets.len(),
        members: layout::members(&target.data, cy, target.phase).len(),
        phase: phase_id,
        name,
    })
}

/// Writes the scores template of a phase to `out` (default
/// `diem-<cluster>-<year>-<phase>.xlsx` in the current folder), never over a file.
pub fn template_scores(
    site_dir: &Path,
    cluster: &str,
    year: i16,
    phase: Option<&str>,
    out: Option<PathBuf>,
) -> Result<(), Diagnostic> {
    require_site(site_dir)?;
    let made = template_bytes(site_dir, cluster, year, phase)?;
    let out = out.unwrap_or_else(|| PathBuf::from(&made.name));
    if out.exists() {
        return Err(
            Diagnostic::error(t!(SheetMsg::TemplateExists, path = out.display()))
                .hint(t!(SheetMsg::TemplateExistsHint)),
        );
    }
    write_new_bytes(&out, &made.bytes)?;
    println!(
        "{}",
        t!(
            SheetMsg::TemplateDone,
            path = out.display(),
            sheets = made.sheets,
            members = made.members,
            phase = made.phase
        )
    );
    Ok(())
}

/// Creates `path` with `bytes`; an existing file is never replaced.
fn write_new_bytes(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(t!(Msg::WriteFailed, path = path.display(), detail = e))
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(fail)?;
    std::io::Write::write_all(&mut file, bytes).map_err(fail)
}

/// The scores file of a cluster-year: its site-relative path and, when it
/// exists, its document; a file that does not parse is an error (the import
/// would not know what it changes).
fn existing(
    site_dir: &Path,
    cluster: &str,
    year: i16,
) -> Result<Option<(String, Doc)>, Diagnostic> {
    let rel = format!("data/scores/{year}/{cluster}.yaml");
    let path = site_dir.join(&rel);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    match Doc::read(Path::new(&rel), &crate::text::nfc(&text)) {
        Some(doc) => Ok(Some((rel, doc))),
        None => Err(Diagnostic::error(t!(SheetMsg::ImportBadYaml, target = rel))
            .in_file(&rel)
            .hint(t!(SheetMsg::ImportBadYamlHint))),
    }
}

/// What an import of a filled template would write: the same for `bangtin
/// import scores` and the editor's Nhập từ Excel.
pub struct Imported {
    /// `data/scores/<year>/<cluster>.yaml`.
    pub rel: String,
    pub outcome: crate::sheets::import::Outcome,
    /// The file's new text.
    pub text: String,
    /// The file's comments and layout were kept (false: it was written
    /// whole, or is new).
    pub kept: bool,
    pub is_new: bool,
}

/// Checks `grids` (read from `shown`) against the phase's plan and merges
/// them into the cluster-year's scores file as it is on disk; writes
/// nothing.
pub fn plan_import(
    site_dir: &Path,
    grids: &[read::Grid],
    shown: &str,
    (cluster, year, phase): (&str, i16, Option<&str>),
) -> Result<Imported, Vec<Diagnostic>> {
    let one = |d: Diagnostic| vec![d];
    let target = Target::find(site_dir, cluster, year, phase).map_err(one)?;
    let found = existing(site_dir, cluster, year).map_err(one)?;
    let (old, is_new) = match &found {
        Some((_, d)) => (d.clone(), false),
        None => (Doc::new(cluster, year), true),
    };
    let plan = layout::plan(
        &target.data,
        target.cy(),
        target.scheme(),
        target.phase,
        &old.assessors(),
    );
    let whole = !shown.to_ascii_lowercase().ends_with(".csv");
    let outcome = import(&target.data, &plan, shown, grids, whole, &old)?;
    let (text, kept) = match outcome.doc.write(found.as_ref().map(|(_, d)| d)) {
        Ok(text) => (text, !is_new),
        Err(text) => (text, false),
    };
    Ok(Imported {
        rel: format!("data/scores/{year}/{cluster}.yaml"),
        outcome,
        text,
        kept,
        is_new,
    })
}

/// `bangtin import scores FILE --cluster ID --year Y [--phase ID] [--write]`.
pub fn import_scores(
    site_dir: &Path,
    file: &Path,
    cluster: &str,
    year: i16,
    phase: Option<&str>,
    write: bool,
) -> Result<(), Vec<Diagnostic>> {
    let one = |d: Diagnostic| vec![d];
    require_site(site_dir).map_err(one)?;
    let grids = read::read(file).map_err(one)?;
    let shown = file.display().to_string();
    let Imported {
        rel,
        outcome,
        text,
        kept,
        is_new,
    } = plan_import(site_dir, &grids, &shown, (cluster, year, phase))?;
    println!(
        "{}",
        t!(SheetMsg::ImportSheets, sheets = outcome.sheets.join(", "))
    );
    if outcome.changes.is_empty() {
        println!(
            "{}",
            t!(SheetMsg::ImportUnchanged, file = shown, target = rel)
        );
        return Ok(());
    }
    print_changes(&outcome.changes);
    let n = outcome.changes.len();
    if is_new {
        println!("{}", t!(SheetMsg::ImportNewFile, target = rel));
    }
    if !write {
        println!("{}", t!(SheetMsg::ImportPreview, changes = n, target = rel));
        return Ok(());
    }
    write_atomic(&site_dir.join(&rel), &text).map_err(one)?;
    println!("{}", t!(SheetMsg::ImportWritten, changes = n, target = rel));
    if !is_new {
        let says = if kept {
            SheetMsg::ImportKeptLayout
        } else {
            SheetMsg::ImportRewrote
        };
        println!("{}", t!(says));
    }
    // The same checks as `bangtin check`, on the site with the new file.
    let mut opts = BuildOptions::new(site_dir);
    opts.write = false;
    match crate::build::run(&opts) {
        Ok(report) => {
            super::print_diagnostics(&report.warnings);
            println!("{}", t!(SheetMsg::ImportChecked, target = rel));
            Ok(())
        }
        Err(diags) => {
            super::print_diagnostics(&diags);
            eprintln!("{}", t!(SheetMsg::ImportCheckFailed, target = rel));
            Err(Vec::new())
        }
    }
}

/// The change table: unit, item, old → new, in columns.
fn print_changes(changes: &[Change]) {
    let head = (
        t!(SheetMsg::ChangeUnit),
        t!(SheetMsg::ChangeWhat),
        t!(SheetMsg::ChangeOldNew),
    );
    let w1 = changes
        .iter()
        .map(|c| display_width(&c.unit))
        .chain([display_width(&head.0)])
        .max()
        .unwrap_or(0);
    let w2 = changes
        .iter()
        .map(|c| display_width(&c.what))
        .chain([display_width(&head.1)])
        .max()
        .unwrap_or(0);
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(display_width(s))));
    println!("{}  {}  {}", pad(&head.0, w1), pad(&head.1, w2), head.2);
    for c in changes {
        println!(
            "{}  {}  {} → {}",
            pad(&c.unit, w1),
            pad(&c.what, w2),
            c.old,
            c.new
        );
    }
}

/// Writes `text` to `path` through a temporary file beside it and a rename:
/// a reader sees the old file or the new one, never half of one.
fn write_atomic(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(t!(Msg::WriteFailed, path = path.display(), detail = e))
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let tmp = path.with_extension("yaml.bangtin-tmp");
    std::fs::write(&tmp, text).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
