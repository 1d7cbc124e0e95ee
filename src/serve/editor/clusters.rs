//! Cluster-years in the editor (issue 23): a new year started from the
//! cluster's latest earlier one, exactly as `bangtin new cluster-year` makes
//! it (`cli::cluster_year::write_cluster_year`).

use serde_json::{Value, json};

use super::Reply;
use super::catalog::Catalog;
use crate::data::ClusterYear;
use crate::messages::Msg;
use crate::t;

/// `POST /api/cluster-years/new` `{cluster, year}` → `{path, notes}`.
pub fn new_year(site: &Catalog, v: &Value) -> Result<Reply, Reply> {
    let cluster = v["cluster"].as_str().unwrap_or_default().trim();
    let Some(year) = v["year"].as_i64().and_then(|y| i16::try_from(y).ok()) else {
        let value = v["year"].to_string();
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorBadYear, value = value), "field": "year" }),
        ));
    };
    match crate::cli::cluster_year::write_cluster_year(site.dir(), cluster, year) {
        Ok(made) => {
            site.wrote(&made.path);
            Ok(Reply::json(
                200,
                &json!({ "path": made.path, "notes": made.notes }),
            ))
        }
        Err(d) => Err(Reply::json(
            409,
            &json!({ "error": d.message, "hint": d.hint }),
        )),
    }
}

/// The cluster-years `keep` takes, newest year first, each year's in
/// Vietnamese order of their names: how the editor lists them.
pub(super) fn newest_first(
    data: &crate::data::Data,
    keep: impl Fn(&ClusterYear) -> bool,
) -> Vec<&ClusterYear> {
    let mut years: Vec<&ClusterYear> = data.cluster_years.iter().filter(|cy| keep(cy)).collect();
    years.sort_by_key(|cy| std::cmp::Reverse(cy.year));
    let mut out = Vec::with_capacity(years.len());
    for chunk in years.chunk_by(|a, b| a.year == b.year) {
        let mut chunk = chunk.to_vec();
        crate::text::sort_vi(&mut chunk, |cy| &cy.name);
        out.extend(chunk);
    }
    out
}

/// `GET /api/cluster-years`: every cluster-year to open, and every cluster
/// with its latest year, the ones a new year can start from.
pub fn list(site: &Catalog) -> Result<Reply, Reply> {
    let data = site.data();
    let years = newest_first(&data, |_| true);
    let rows: Vec<Value> = years
        .iter()
        .map(|cy| {
            json!({ "cluster": cy.id, "year": cy.year, "name": cy.name,
                    "path": format!("data/clusters/{}/{}.yaml", cy.year, cy.id),
                    "members": cy.members.len(), "scheme": cy.scheme })
        })
        .collect();
    // the newest year comes first, so the first seen of an id is its latest
    let mut latest: Vec<&ClusterYear> = Vec::new();
    for cy in &years {
        if !latest.iter().any(|l| l.id == cy.id) {
            latest.push(cy);
        }
    }
    crate::text::sort_vi(&mut latest, |cy| &cy.name);
    let clusters: Vec<Value> = latest
        .iter()
        .map(|cy| json!({ "cluster": cy.id, "name": cy.name, "latest": cy.year }))
        .collect();
    Ok(Reply::json(
        200,
        &json!({ "cluster_years": rows, "clusters": clusters }),
    ))
}

/// The keys of a cluster-year file in FORMAT.md's order (a new key is
/// placed by it).
const ORDER: &[&str] = &[
    "id",
    "year",
    "name",
    "organiser",
    "number",
    "period",
    "formed_by",
    "scheme",
    "phases",
    "members",
    "targets",
    "regulation",
    "documents",
    "signing",
    "next_year",
    "source",
];

/// A per-year data file's path, `data/<folder>/<year>/<id>.yaml` (a
/// cluster-year's, its scores'), checked character by character so it can
/// be joined to the site folder; with its id and year.
pub(super) fn year_file<'a>(path: &'a str, folder: &str) -> Option<(&'a str, i16)> {
    let rest = path
        .strip_prefix("data/")?
        .strip_prefix(folder)?
        .strip_prefix('/')?;
    let (year, file) = rest.split_once('/')?;
    let id = file.strip_suffix(".yaml")?;
    let id_ok = !id.is_empty()
        && !id.starts_with(['-', '.'])
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    if !(id_ok && year_ok) {
        return None;
    }
    Some((id, year.parse().ok()?))
}

/// One member as the form shows it.
#[derive(serde::Deserialize, serde::Serialize, Debug, Clone, PartialEq, Default)]
#[serde(default)]
pub struct MemberRow {
    pub unit: String,
    pub role: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
    pub left_reason: Option<String>,
}

fn opt(s: &Option<crate::yaml::Spanned<String>>) -> Option<String> {
    s.as_ref()
        .map(|v| v.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The file's members and targets, read from its text.
fn read_form(path: &str, text: &str) -> Option<(Vec<MemberRow>, Vec<String>)> {
    let src = crate::yaml::Source::file(std::path::Path::new(path), text);
    let raw: crate::data::raw::RawCluster = crate::yaml::parse(text, src).ok()?;
    let members = raw
        .members
        .iter()
        .map(|m| MemberRow {
            unit: m.unit.value.trim().to_string(),
            role: opt(&m.role).filter(|r| r != "thanh_vien"),
            from: opt(&m.from),
            until: opt(&m.until),
            left_reason: opt(&m.left_reason),
        })
        .collect();
    let targets = raw.targets.iter().map(|t| t.value.clone()).collect();
    Some((members, targets))
}

/// `members:` as the format's examples write it, one flow mapping a line.
fn members_yaml(members: &[MemberRow]) -> String {
    let mut out = String::from("members:\n");
    for m in members {
        let mut parts = vec![format!("unit: {}", m.unit.trim())];
        let mut put = |k: &str, v: &Option<String>, quote: bool| {
            if let Some(v) = v.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                parts.push(match quote {
                    true => format!("{k}: {}", quoted(v)),
                    false => format!("{k}: {v}"),
                });
            }
        };
        put("role", &m.role.clone().filter(|r| r != "thanh_vien"), false);
        put("from", &m.from, false);
        put("until", &m.until, false);
        put("left_reason", &m.left_reason, true);
        out.push_str(&format!("  - {{ {} }}\n", parts.join(", ")));
    }
    out
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn targets_yaml(targets: &[String]) -> Option<String> {
    let kept: Vec<&str> = targets
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if kept.is_empty() {
        return None;
    }
    let mut out = String::from("targets:\n");
    for t in kept {
        out.push_str(&format!("  - {}\n", quoted(&crate::text::nfc(t))));
    }
    Some(out)
}

struct ClusterFile {
    path: String,
    id: String,
    year: i16,
    text: String,
    version: String,
}

fn open(site: &Catalog, path: &str) -> Result<ClusterFile, Reply> {
    let Some((id, year)) = year_file(path, "clusters") else {
        return Err(Reply::error(
            400,
            t!(Msg::EditorNotClusterFile, path = path),
        ));
    };
    let bytes = std::fs::read(site.dir().join(path))
        .map_err(|_| Reply::error(404, t!(Msg::EditorNoClusterYear, id = id, year = year)))?;
    let version = blake3::hash(&bytes).to_hex().to_string();
    let text = String::from_utf8(bytes)
        .map_err(|_| Reply::error(409, t!(Msg::EditorScoresNotAGrid, path = path)))?;
    Ok(ClusterFile {
        path: path.to_string(),
        id: id.to_string(),
        year,
        text,
        version,
    })
}

/// The units that exist at some time during `year`, named as on its last
/// day, in Vietnamese order: the choices for a member.
fn choices(data: &crate::data::Data, year: i16) -> Vec<Value> {
    let (Ok(first), Ok(last)) = (
        jiff::civil::Date::new(year, 1, 1),
        jiff::civil::Date::new(year, 12, 31),
    ) else {
        return Vec::new();
    };
    let mut units: Vec<(String, String)> = data
        .units
        .iter()
        .filter(|u| {
            u.valid_from.is_none_or(|f| f <= last) && u.valid_until.is_none_or(|t| t >= first)
        })
        .map(|u| (u.id.clone(), u.name_at(last).full.clone()))
        .collect();
    crate::text::sort_vi(&mut units, |u| &u.1);
    units
        .into_iter()
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect()
}

fn form_json(site: &Catalog, file: &ClusterFile, diagnostics: Vec<Value>) -> Result<Value, Reply> {
    let (members, targets) = read_form(&file.path, &file.text)
        .ok_or_else(|| Reply::error(409, t!(Msg::EditorScoresNotAGrid, path = file.path)))?;
    let data = site.data();
    let last = jiff::civil::Date::new(file.year, 12, 31).ok();
    let named: Vec<Value> = members
        .iter()
        .map(|m| {
            let name = data
                .unit(&m.unit)
                .zip(last)
                .map(|(u, d)| u.name_at(d).full.clone());
            let mut v = json!(m);
            v["name"] = json!(name);
            v
        })
        .collect();
    let scheme = data
        .cluster_years
        .iter()
        .find(|cy| cy.id == file.id && cy.year == file.year)
        .and_then(|cy| cy.scheme.clone());
    Ok(
        json!({ "path": file.path, "version": file.version, "cluster": file.id, "year": file.year,
               "scheme": scheme,
               "members": named, "targets": targets, "units": choices(&data, file.year),
               "diagnostics": diagnostics }),
    )
}

/// This file's diagnostics when `data/` is read with `text` for it.
fn diagnostics_with(site: &Catalog, path: &str, text: &str) -> Vec<crate::diag::Diagnostic> {
    let overlay = crate::data::DataFile {
        path: path.to_string(),
        text: text.to_string(),
    };
    let (_, diags) = crate::data::load_with(site.dir(), Some(&overlay));
    diags
        .sorted()
        .into_iter()
        .filter(|d| d.file.as_deref() == Some(std::path::Path::new(path)))
        .collect()
}

/// `GET /api/cluster-year?path=`: members (with their names that year),
/// targets, the units to choose from, the file's diagnostics.
pub fn get(site: &Catalog, path: &str) -> Result<Reply, Reply> {
    let file = open(site, path)?;
    let diags = diagnostics_with(site, &file.path, &file.text);
    let diags = super::docs::diagnostics_json(&diags, None);
    Ok(Reply::json(200, &form_json(site, &file, diags)?))
}

/// `POST /api/cluster-year` `{path, version, members, targets, force}`:
/// rewrites the keys that changed, keeps every other line; refused (nothing
/// written) when the file is not the version opened or the change adds an
/// error to it.
pub fn save(site: &Catalog, v: &Value) -> Result<Reply, Reply> {
    let file = open(site, v["path"].as_str().unwrap_or_default())?;
    if !v["force"].as_bool().unwrap_or(false) && v["version"].as_str() != Some(&file.version) {
        let disk = form_json(site, &file, Vec::new())?;
        return Err(Reply::json(
            409,
            &json!({ "error": t!(Msg::EditorConflict, path = file.path), "disk": disk }),
        ));
    }
    let (members, targets) = read_form(&file.path, &file.text)
        .ok_or_else(|| Reply::error(409, t!(Msg::EditorScoresNotAGrid, path = file.path)))?;
    let bad = || Reply::error(400, t!(Msg::EditorBadJson));
    let new_members: Vec<MemberRow> = match &v["members"] {
        Value::Null => members.clone(),
        m => serde_json::from_value(m.clone()).map_err(|_| bad())?,
    };
    let new_targets: Vec<String> = match &v["targets"] {
        Value::Null => targets.clone(),
        t => serde_json::from_value(t.clone()).map_err(|_| bad())?,
    };
    let mut changes = Vec::new();
    if new_members != members {
        changes.push(super::front_edit::KeyChange {
            key: "members",
            wanted: Some(members_yaml(&new_members)),
        });
    }
    if new_targets != targets {
        changes.push(super::front_edit::KeyChange {
            key: "targets",
            wanted: targets_yaml(&new_targets),
        });
    }
    let unified = file.text.replace("\r\n", "\n");
    let text = super::front_edit::rewrite_in_order(&unified, &changes, ORDER);
    let errors = |t: &str| {
        diagnostics_with(site, &file.path, t)
            .into_iter()
            .filter(|d| d.is_error())
            .collect::<Vec<_>>()
    };
    let after = errors(&text);
    if after.len() > errors(&unified).len() {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorClusterRefused, path = file.path),
                     "diagnostics": super::docs::diagnostics_json(&after, None) }),
        ));
    }
    super::docs::write_like(&site.dir().join(&file.path), &file.text, &text)?;
    site.wrote(&file.path);
    get(site, &file.path)
}
