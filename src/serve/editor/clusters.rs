//! Cluster-years in the editor (issue 23): the list; a new year started
//! from the cluster's latest earlier one, exactly as `bangtin new
//! cluster-year` makes it (`cli::cluster_year::write_cluster_year`); a
//! year's form (`cluster_form`: members, targets, documents, signing) and
//! its PDFs uploaded under `static/docs/`.

use serde_json::{Value, json};

use super::Reply;
use super::catalog::Catalog;
use super::cluster_form::Form;
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

/// `POST /api/cluster-year/document?path=&name=` with a PDF's bytes: the
/// file saved under `static/docs/<year>/<cluster>/`, named from `name`,
/// never over another; answers its path for the form's `file`. The
/// cluster-year's `documents:` changes only when the form is saved.
pub fn upload_document(site: &Catalog, req: &super::Request<'_>) -> Result<Reply, Reply> {
    let file = open(site, &req.query("path").unwrap_or_default())?;
    let name = req.query("name").unwrap_or_default();
    if !req.body.starts_with(b"%PDF-") {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorNotPdf, name = name), "hint": t!(Msg::EditorNotPdfHint) }),
        ));
    }
    let rel_folder = format!("docs/{}/{}", file.year, file.id);
    let folder = site.dir().join("static").join(&rel_folder);
    std::fs::create_dir_all(&folder).map_err(|e| super::upload::write_failed(&folder, &e))?;
    let (saved, disk) = super::upload::free_name(&folder, &name, "pdf", "van-ban")?;
    super::upload::write_new(&disk, req.body)?;
    let stem = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let title = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    Ok(Reply::json(
        200,
        &json!({ "file": format!("{rel_folder}/{saved}"), "title": crate::text::nfc(title.trim()),
                 "size": req.body.len() }),
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
    let form = Form::read(&file.path, &file.text)
        .ok_or_else(|| Reply::error(409, t!(Msg::EditorScoresNotAGrid, path = file.path)))?;
    let data = site.data();
    let last = jiff::civil::Date::new(file.year, 12, 31).ok();
    let named: Vec<Value> = form
        .members
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
               "scheme": scheme, "members": named, "targets": form.targets,
               "documents": form.documents, "signing": form.signing,
               "document_kinds": document_kinds(&data),
               "units": choices(&data, file.year), "all_units": all_units(&data),
               "diagnostics": diagnostics }),
    )
}

/// The kinds of document the site's cluster-years use, and the usual ones:
/// the suggestions of the form's Loại field.
fn document_kinds(data: &crate::data::Data) -> Vec<String> {
    let mut kinds: Vec<String> = DOCUMENT_KINDS.iter().map(|k| k.to_string()).collect();
    for cy in &data.cluster_years {
        for d in &cy.documents {
            if let Some(k) = &d.kind
                && !kinds.contains(k)
            {
                kinds.push(k.clone());
            }
        }
    }
    kinds
}

/// The kinds a cluster's documents usually are (FORMAT.md §5 names two).
const DOCUMENT_KINDS: &[&str] = &[
    "ke_hoach",
    "quy_che",
    "bieu_cham_diem",
    "bien_ban",
    "quyet_dinh",
    "bao_cao",
];

/// Every unit by its current name, in Vietnamese order: a meeting's host
/// may be any unit, not only a member.
fn all_units(data: &crate::data::Data) -> Vec<Value> {
    let mut units: Vec<(&str, &str)> = data
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.current_name().full.as_str()))
        .collect();
    crate::text::sort_vi(&mut units, |u| u.1);
    units
        .into_iter()
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect()
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
/// targets, documents, signing, the units to choose from, the file's
/// diagnostics.
pub fn get(site: &Catalog, path: &str) -> Result<Reply, Reply> {
    let file = open(site, path)?;
    let diags = diagnostics_with(site, &file.path, &file.text);
    let diags = super::docs::diagnostics_json(&diags, None);
    Ok(Reply::json(200, &form_json(site, &file, diags)?))
}

/// `POST /api/cluster-year` `{path, version, members, targets, documents,
/// signing, force}`:
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
    let form = Form::read(&file.path, &file.text)
        .ok_or_else(|| Reply::error(409, t!(Msg::EditorScoresNotAGrid, path = file.path)))?;
    let new = form
        .edited(v)
        .ok_or_else(|| Reply::error(400, t!(Msg::EditorBadJson)))?;
    let changes = form.changes(&new);
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
