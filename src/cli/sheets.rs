//! `bangtin template scores` and `bangtin import scores`: the spreadsheet
//! commands; the workbooks themselves are `crate::sheets`.

use std::path::{Path, PathBuf};

use super::scaffold::require_site;
use super::scores::Target;
use crate::diag::Diagnostic;
use crate::messages::{Msg, SheetMsg};
use crate::sheets::doc::Doc;
use crate::sheets::{layout, template};
use crate::t;

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
    let target = Target::find(site_dir, cluster, year, phase)?;
    let cy = target.cy();
    let phase_id = &cy.phases[target.phase].id;
    let out =
        out.unwrap_or_else(|| PathBuf::from(format!("diem-{cluster}-{year}-{phase_id}.xlsx")));
    if out.exists() {
        return Err(
            Diagnostic::error(t!(SheetMsg::TemplateExists, path = out.display()))
                .hint(t!(SheetMsg::TemplateExistsHint)),
        );
    }
    let panel =
        existing(site_dir, cy.id.as_str(), year)?.map_or_else(Vec::new, |(_, d)| d.assessors());
    let plan = layout::plan(&target.data, cy, target.scheme(), target.phase, &panel);
    let title = crate::config::load(site_dir)
        .map(|c| c.title)
        .unwrap_or_default();
    let bytes = template::workbook(&plan, &title).map_err(|e| {
        Diagnostic::error(t!(
            SheetMsg::WorkbookFailed,
            file = out.display(),
            detail = e
        ))
        .hint(t!(SheetMsg::WorkbookFailedHint))
    })?;
    write_new_bytes(&out, &bytes)?;
    let members = layout::members(&target.data, cy, target.phase).len();
    println!(
        "{}",
        t!(
            SheetMsg::TemplateDone,
            path = out.display(),
            sheets = plan.sheets.len(),
            members = members,
            phase = phase_id
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
