//! `POST /api/scores/preview` (issue 23): a scores grid's unsaved values,
//! written into the scores file's text the way `bangtin import scores`
//! writes it (`sheets::doc`), then checked and ranked by the real checks and
//! engine (`data::load_with`), never by a second implementation in the page.
//! A value the checks refuse is shown at its cell and left out of the
//! ranking, so the table beside the grid is what the rest would publish.

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Value, json};

use std::sync::Arc;

use super::catalog::Catalog;
use super::{Reply, docs, scores_grid};
use crate::data::{self, ClusterYear, Data, DataFile};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::results::{Criterion, Rule};
use crate::sheets::doc::{Count, Doc, Place};
use crate::t;

type Answer = Result<Reply, Reply>;

fn cluster_year<'a>(data: &'a Data, id: &str, year: i16) -> Option<&'a ClusterYear> {
    data.cluster_years
        .iter()
        .find(|cy| cy.id == id && cy.year == year)
}

/// The `proportional` criteria of the cluster-year's scheme: their cells
/// hold the measured ratio (`{ actual: … }`), not points.
fn ratio_criteria(data: &Data, cy: &ClusterYear) -> HashSet<String> {
    let Some(scheme) = crate::output::exports::scheme_of(data, cy) else {
        return HashSet::new();
    };
    Criterion::leaves(&scheme.engine.criteria)
        .into_iter()
        .filter(|k| matches!(k.rule, Some(Rule::Proportional { .. })))
        .map(|k| k.id.clone())
        .collect()
}

/// One cell of the request: its place and the text typed in it.
fn cells(v: &Value) -> Vec<(Place, String)> {
    let s = |c: &Value, k: &str| c[k].as_str().unwrap_or_default().to_string();
    v["cells"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|c| {
            let place = (
                s(c, "phase"),
                s(c, "unit"),
                s(c, "sheet"),
                s(c, "criterion"),
            );
            (place, s(c, "value"))
        })
        .filter(|((p, u, sh, k), _)| ![p, u, sh, k].iter().any(|x| x.is_empty()))
        .collect()
}

/// A unit's entry apart from its cells, as the request gives it: status and
/// note, bonus and penalty items with counts, disqualifiers. Each key given
/// replaces the file's; a key left out keeps it.
fn apply_entry(doc: &mut Doc, u: &Value) {
    let text = |k: &str| {
        u[k].as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let (Some(phase), Some(unit)) = (text("phase"), text("unit")) else {
        return;
    };
    let counts = |k: &str| -> Option<Vec<Count>> {
        let list = u.get(k)?.as_array()?;
        Some(
            list.iter()
                .filter_map(|c| {
                    Some(Count {
                        item: c["item"].as_str()?.trim().to_string(),
                        count: c["count"]
                            .as_u64()
                            .and_then(|n| u32::try_from(n).ok())
                            .unwrap_or(1),
                        evidence: c["evidence"]
                            .as_str()
                            .filter(|e| !e.trim().is_empty())
                            .map(String::from),
                    })
                })
                .collect(),
        )
    };
    let entry = doc.entry(&phase, &unit);
    if u.get("status").is_some() {
        entry.status = text("status");
    }
    if u.get("note").is_some() {
        entry.note = text("note");
    }
    if let Some(list) = counts("bonus") {
        entry.bonus = list;
    }
    if let Some(list) = counts("penalties") {
        entry.penalties = list;
    }
    if let Some(list) = u["disqualified"].as_array() {
        entry.disqualified = list
            .iter()
            .filter_map(|d| d.as_str().map(String::from))
            .collect();
    }
}

/// The byte of `text` at a diagnostic's 1-based line and column (counted
/// in characters).
fn byte_at(text: &str, line: usize, column: usize) -> Option<usize> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let rest = text.get(start..)?;
    let col = rest
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(rest.len(), |(i, _)| i);
    Some(start + col)
}

fn place_json(p: &Place) -> Value {
    json!({ "phase": p.0, "unit": p.1, "sheet": p.2, "criterion": p.3 })
}

/// The new text of the file, and the places of the values its checks refuse.
fn check(site_dir: &Path, path: &str, doc: &Doc, original: Option<&Doc>) -> Checked {
    let (text, rewritten) = match doc.write(original) {
        Ok(text) => (text, false),
        Err(whole) => (whole, original.is_some()),
    };
    let overlay = DataFile {
        path: path.to_string(),
        text: text.clone(),
    };
    let (data, diags) = data::load_with(site_dir, Some(&overlay));
    let mine: Vec<Diagnostic> = diags
        .sorted()
        .into_iter()
        .filter(|d| d.file.as_deref() == Some(Path::new(path)))
        .collect();
    let written = Doc::read(Path::new(path), &text);
    let placed = mine
        .into_iter()
        .map(|d| {
            let place = written
                .as_ref()
                .zip(byte_at(&text, d.line, d.column))
                .and_then(|(w, at)| w.place_at(at).cloned());
            (d, place)
        })
        .collect();
    Checked {
        text,
        rewritten,
        data,
        diagnostics: placed,
    }
}

struct Checked {
    text: String,
    /// The whole file was written anew (a list or a key changed): the
    /// comments between its values are lost, and the page says so.
    rewritten: bool,
    data: Data,
    diagnostics: Vec<(Diagnostic, Option<Place>)>,
}

impl Checked {
    /// The cells holding an error.
    fn refused(&self) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        for (d, p) in &self.diagnostics {
            if let Some(p) = p.as_ref().filter(|_| d.is_error())
                && !out.contains(p)
            {
                out.push(p.clone());
            }
        }
        out
    }
}

/// The scores file a request names, and what it is judged against.
struct Target {
    path: String,
    id: String,
    year: i16,
    data: Arc<Data>,
    /// The file on disk: its text, its version, and it read as a grid.
    disk: Option<(String, String, Doc)>,
}

impl Target {
    fn find(site: &Catalog, path: &str) -> Result<Target, Reply> {
        let Some((id, year)) = super::clusters::year_file(path, "scores") else {
            return Err(Reply::error(400, t!(Msg::EditorNotScoresFile, path = path)));
        };
        let data = site.data();
        if cluster_year(&data, id, year).is_none() {
            return Err(Reply::error(
                404,
                t!(Msg::EditorNoClusterYear, id = id, year = year),
            ));
        }
        let disk = match std::fs::read(site.dir().join(path)) {
            Ok(bytes) => {
                let version = blake3::hash(&bytes).to_hex().to_string();
                let text = String::from_utf8(bytes).ok();
                let doc = text.as_deref().and_then(|t| Doc::read(Path::new(path), t));
                match (text, doc) {
                    (Some(text), Some(doc)) => Some((text, version, doc)),
                    _ => {
                        return Err(Reply::error(
                            409,
                            t!(Msg::EditorScoresNotAGrid, path = path),
                        ));
                    }
                }
            }
            Err(_) => None,
        };
        Ok(Target {
            path: path.to_string(),
            id: id.to_string(),
            year,
            data,
            disk,
        })
    }

    fn cy(&self) -> Option<&ClusterYear> {
        cluster_year(&self.data, &self.id, self.year)
    }

    fn original(&self) -> Option<&Doc> {
        self.disk.as_ref().map(|(_, _, d)| d)
    }

    fn version(&self) -> Option<&str> {
        self.disk.as_ref().map(|(_, v, _)| v.as_str())
    }

    /// The file's values with the request's changes.
    fn edited(&self, v: &Value) -> Doc {
        let ratio = self
            .cy()
            .map(|cy| ratio_criteria(&self.data, cy))
            .unwrap_or_default();
        let mut doc = self
            .original()
            .cloned()
            .unwrap_or_else(|| Doc::new(&self.id, self.year));
        for u in v["units"].as_array().map(Vec::as_slice).unwrap_or_default() {
            apply_entry(&mut doc, u);
        }
        for (place, typed) in cells(v) {
            let is_ratio = ratio.contains(&place.3);
            doc.set(&place, &typed, is_ratio);
        }
        doc
    }

    /// `doc` checked and ranked as the build would.
    fn judge(&self, site_dir: &Path, doc: &Doc) -> Value {
        let first = check(site_dir, &self.path, doc, self.original());
        let refused = first.refused();
        // The ranking leaves out what the checks refused: the value goes, and
        // its unit is listed as `partial` (not ranked) until the cell is right.
        let ranked = if refused.is_empty() {
            None
        } else {
            let mut rest = doc.clone();
            for place in &refused {
                rest.set(place, "", false);
                let entry = rest.entry(&place.0, &place.1);
                entry.status.get_or_insert_with(|| "partial".into());
            }
            Some(check(site_dir, &self.path, &rest, self.original()))
        };
        let data = ranked.as_ref().map_or(&first.data, |r| &r.data);
        answer(data, &self.id, self.year, &first, &refused)
    }

    /// The grid of the file as it is on disk, with its judgement.
    fn grid(&self, site_dir: &Path) -> Value {
        let doc = self
            .original()
            .cloned()
            .unwrap_or_else(|| Doc::new(&self.id, self.year));
        let scheme = self
            .cy()
            .and_then(|cy| Some((cy, crate::output::exports::scheme_of(&self.data, cy)?)));
        let mut out = match scheme {
            Some((cy, scheme)) => scores_grid::grid(&self.data, cy, scheme, &doc),
            None => json!({ "phases": [] }),
        };
        out["path"] = json!(self.path);
        out["version"] = json!(self.version());
        out["preview"] = self.judge(site_dir, &doc);
        out
    }
}

/// `GET /api/scores/list`: every cluster-year with a scheme, newest year
/// first then in Vietnamese order, with its scores file's path.
pub fn list(site: &Catalog) -> Answer {
    let data = site.data();
    let out: Vec<Value> = super::clusters::newest_first(&data, |cy| cy.scheme.is_some())
        .into_iter()
        .map(|cy| {
            let path = format!("data/scores/{}/{}.yaml", cy.year, cy.id);
            let exists = site.dir().join(&path).is_file();
            json!({ "cluster": cy.id, "year": cy.year, "name": cy.name, "path": path,
                    "exists": exists, "scheme": cy.scheme })
        })
        .collect();
    Ok(Reply::json(200, &json!({ "cluster_years": out })))
}

/// `GET /api/scores/grid?path=`: the grid's shape and the file's values.
pub fn grid(site: &Catalog, path: &str) -> Answer {
    Ok(Reply::json(200, &grid_value(site, path)?))
}

/// `POST /api/scores/preview`.
pub fn preview(site: &Catalog, v: &Value) -> Answer {
    let target = Target::find(site, v["path"].as_str().unwrap_or_default())?;
    let doc = target.edited(v);
    Ok(Reply::json(200, &target.judge(site.dir(), &doc)))
}

/// `POST /api/scores`: writes the file (made with its folder when new) if it
/// is still the version the page opened, and answers the grid again.
pub fn save(site: &Catalog, v: &Value) -> Answer {
    let target = Target::find(site, v["path"].as_str().unwrap_or_default())?;
    let force = v["force"].as_bool().unwrap_or(false);
    if !force && v["version"].as_str() != target.version() {
        return Err(Reply::json(
            409,
            &json!({ "error": t!(Msg::EditorConflict, path = target.path),
                     "disk": target.grid(site.dir()) }),
        ));
    }
    let doc = target.edited(v);
    let text = doc.write(target.original()).unwrap_or_else(|whole| whole);
    let before = target.disk.as_ref().map_or("", |(t, _, _)| t.as_str());
    write(site, &target.path, before, &text)?;
    Ok(Reply::json(200, &grid_value(site, &target.path)?))
}

/// Writes a scores file atomically, its folder made when new, in the line
/// ends of the text it replaces (`before`, empty for a new file).
pub(super) fn write(site: &Catalog, path: &str, before: &str, text: &str) -> Result<(), Reply> {
    let disk = site.dir().join(path);
    if let Some(parent) = disk.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            Reply::error(
                500,
                t!(Msg::WriteFailed, path = parent.display(), detail = e),
            )
        })?;
    }
    docs::write_like(&disk, before, text)?;
    site.wrote(path);
    Ok(())
}

/// The grid of the scores file `path` as it is on disk.
pub(super) fn grid_value(site: &Catalog, path: &str) -> Result<Value, Reply> {
    Ok(Target::find(site, path)?.grid(site.dir()))
}

fn answer(data: &Data, id: &str, year: i16, first: &Checked, refused: &[Place]) -> Value {
    let table = |cy: &ClusterYear, phase: Option<usize>| -> Value {
        serde_json::from_slice(&crate::output::exports::json(data, cy, phase))
            .unwrap_or(Value::Null)
    };
    let cy = cluster_year(data, id, year).filter(|cy| cy.results.is_some());
    let phases: Vec<Value> = cy.map_or_else(Vec::new, |cy| {
        (0..cy.phases.len())
            .map(|p| json!({ "id": cy.phases[p].id, "results": table(cy, Some(p)) }))
            .collect()
    });
    let diagnostics: Vec<Value> = first
        .diagnostics
        .iter()
        .map(|(d, place)| {
            let mut j = docs::diagnostics_json(std::slice::from_ref(d), None)
                .pop()
                .unwrap_or_default();
            j["cell"] = place.as_ref().map_or(Value::Null, place_json);
            j
        })
        .collect();
    json!({
        "results": cy.map_or(Value::Null, |cy| table(cy, None)),
        "phases": phases,
        "diagnostics": diagnostics,
        "ignored": refused.iter().map(place_json).collect::<Vec<_>>(),
        "text": first.text,
        "rewritten": first.rewritten,
    })
}
