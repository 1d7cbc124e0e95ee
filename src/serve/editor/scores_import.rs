//! **Nhập từ Excel** in the scores grid (issue 23): the phase's template to
//! download, and a filled one uploaded from the page, put through the code
//! of `bangtin import scores` (`cli::sheets::plan_import`): first its change
//! table, then, once she confirms, the write, refused when the file changed
//! in between.

use std::path::Path;

use serde_json::{Value, json};

use super::catalog::Catalog;
use super::{Reply, Request, docs, scores};
use crate::cli::sheets::{plan_import, template_bytes};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

type Answer = Result<Reply, Reply>;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The scores file the request names (`?path=`), its cluster and year, and
/// the phase (`?phase=`, the last when empty).
fn target(req: &Request<'_>) -> Result<(String, String, i16, Option<String>), Reply> {
    let path = req.query("path").unwrap_or_default();
    let Some((id, year)) = super::clusters::year_file(&path, "scores") else {
        return Err(Reply::error(400, t!(Msg::EditorNotScoresFile, path = path)));
    };
    let (id, phase) = (id.to_string(), req.query("phase").filter(|p| !p.is_empty()));
    Ok((path, id, year, phase))
}

fn refused(status: u16, diags: &[Diagnostic]) -> Reply {
    Reply::json(
        status,
        &json!({ "error": t!(Msg::EditorImportRefused),
                 "diagnostics": docs::diagnostics_json(diags, None) }),
    )
}

/// `GET /api/scores/template?path=&phase=`: the workbook of `bangtin
/// template scores`, as a download.
pub fn template(site: &Catalog, req: &Request<'_>) -> Answer {
    let (_, id, year, phase) = target(req)?;
    let made =
        template_bytes(site.dir(), &id, year, phase.as_deref()).map_err(|d| refused(409, &[d]))?;
    let mut reply = Reply::asset(XLSX, made.bytes);
    reply.headers.push((
        "Content-Disposition",
        format!("attachment; filename=\"{}\"", made.name),
    ));
    Ok(reply)
}

/// `POST /api/scores/import?path=&phase=&name=[&write=1&version=]` with the
/// workbook's bytes: the change table; with `write=1`, the file written
/// and its grid.
pub fn import(site: &Catalog, req: &Request<'_>) -> Answer {
    let (path, id, year, phase) = target(req)?;
    // only the name's last part, for its kind and the messages
    let name = req.query("name").unwrap_or_default();
    let shown = Path::new(&name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let grids = crate::sheets::read::read_bytes(Path::new(&shown), req.body.to_vec())
        .map_err(|d| refused(400, &[d]))?;
    let before = std::fs::read(site.dir().join(&path)).ok();
    let version = before
        .as_ref()
        .map(|b| blake3::hash(b).to_hex().to_string());
    let made = plan_import(site.dir(), &grids, &shown, (&id, year, phase.as_deref()))
        .map_err(|d: Vec<Diagnostic>| refused(400, &d))?;
    let data = site.data();
    let changes: Vec<Value> = made
        .outcome
        .changes
        .iter()
        .map(|c| {
            let name = data.unit(&c.unit).map(|u| u.current_name().full.clone());
            json!({ "unit": c.unit, "name": name, "what": c.what, "old": c.old, "new": c.new })
        })
        .collect();
    let mut out = json!({ "changes": changes, "sheets": made.outcome.sheets,
                          "new_file": made.is_new, "rewritten": !made.kept && !made.is_new,
                          "version": version, "written": false });
    if req.query("write").as_deref() != Some("1") {
        return Ok(Reply::json(200, &out));
    }
    if req.query("version").filter(|v| !v.is_empty()) != version {
        return Err(Reply::error(409, t!(Msg::EditorConflict, path = path)));
    }
    if !changes.is_empty() {
        let before = before
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        scores::write(site, &path, &before, &made.text)?;
        out["written"] = json!(true);
    }
    out["grid"] = scores::grid_value(site, &path)?;
    Ok(Reply::json(200, &out))
}
