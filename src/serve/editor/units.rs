//! The units of `data/units.yaml` in the editor (issue 23): the list, and
//! the three changes staff make: add a unit, rename one (a new dated name,
//! the old one closed the day before), record a merge. Each change is a few
//! lines written into the file's own text (`units_edit`), so comments, order
//! and layout stay; the result is judged by the same checks as `bangtin
//! check` (`data::load_with`), and a change that would add an error to the
//! file is refused with those errors, nothing written.

use std::path::Path;

use jiff::civil::Date;
use serde_json::{Value, json};

use super::catalog::Catalog;
use super::units_edit::{self, Edit, NewUnit};
use super::{Reply, docs};
use crate::data::{self, DataFile, UnitKind};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

type Answer = Result<Reply, Reply>;

/// Where the registry lives, site-relative.
pub const UNITS_FILE: &str = "data/units.yaml";

/// `GET /api/units`: every unit, current name first in Vietnamese order,
/// with all its dated names, and the file's diagnostics at their unit.
pub fn list(site: &Catalog) -> Answer {
    Ok(Reply::json(200, &listed(site)))
}

fn listed(site: &Catalog) -> Value {
    let data = site.data();
    let text = std::fs::read_to_string(site.dir().join(UNITS_FILE)).unwrap_or_default();
    let mut units: Vec<&crate::data::Unit> = data.units.iter().collect();
    crate::text::sort_vi(&mut units, |u| u.current_name().full.as_str());
    let units: Vec<Value> = units
        .into_iter()
        .map(|u| {
            let names: Vec<Value> = u
                .names
                .iter()
                .map(|n| json!({ "full": n.full, "short": n.short,
                                 "from": n.from.map(|d| d.to_string()),
                                 "until": n.until.map(|d| d.to_string()) }))
                .collect();
            let mut key: Vec<String> = u.names.iter().map(|n| n.full.clone()).collect();
            key.extend(u.aliases.iter().cloned());
            key.push(u.id.clone());
            json!({ "id": u.id, "kind": UnitKind::NAMES[u.kind as usize], "name": u.current_name().full,
                    "names": names, "valid_from": u.valid_from.map(|d| d.to_string()),
                    "valid_until": u.valid_until.map(|d| d.to_string()),
                    "merged_into": u.merged_into.as_ref().map(|(t, d)| json!({ "unit": t, "date": d.to_string() })),
                    "key": crate::text::fold(&key.join(" ")) })
        })
        .collect();
    let (_, diags) = data::load(site.dir());
    let diagnostics = placed(&diags.sorted(), &text);
    json!({ "units": units, "kinds": UnitKind::NAMES, "diagnostics": diagnostics })
}

/// The diagnostics of `data/units.yaml`, each with the unit its line is in.
fn placed(diags: &[Diagnostic], text: &str) -> Vec<Value> {
    let mine: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| d.file.as_deref() == Some(Path::new(UNITS_FILE)))
        .cloned()
        .collect();
    let blocks = units_edit::blocks(text);
    docs::diagnostics_json(&mine, None)
        .into_iter()
        .zip(&mine)
        .map(|(mut j, d)| {
            let unit = blocks
                .iter()
                .find(|b| b.lines.contains(&d.line.saturating_sub(1)))
                .map(|b| b.id.clone());
            j["unit"] = json!(unit);
            j
        })
        .collect()
}

fn field<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().map_or("", str::trim)
}

fn date(v: &Value, k: &str) -> Result<Date, Reply> {
    let s = field(v, k);
    s.parse().map_err(|_| {
        Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorBadDate, value = s), "field": k }),
        )
    })
}

/// `POST /api/units/add` `{name, short, kind, from, id}`.
pub fn add(site: &Catalog, v: &Value) -> Answer {
    let name = crate::text::nfc(field(v, "name"));
    if name.is_empty() {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorUnitNoName), "field": "name" }),
        ));
    }
    let kind = field(v, "kind");
    if !UnitKind::NAMES.contains(&kind) {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorUnitKind, kinds = UnitKind::NAMES.join(", ")), "field": "kind" }),
        ));
    }
    let from = date(v, "from")?;
    let text = read(site)?;
    let taken = units_edit::blocks(&text)
        .into_iter()
        .map(|b| b.id)
        .collect::<Vec<_>>();
    let id = match field(v, "id") {
        "" => unique(&crate::text::slugify(&name), &taken),
        given if taken.iter().any(|t| t == given) => {
            return Err(Reply::json(
                409,
                &json!({ "error": t!(Msg::EditorUnitIdTaken, id = given), "field": "id" }),
            ));
        }
        given => given.to_string(),
    };
    let unit = NewUnit {
        id: &id,
        kind,
        full: &name,
        short: Some(field(v, "short")).filter(|s| !s.is_empty()),
        from,
    };
    let new = units_edit::apply(&text, &Edit::Add(unit)).unwrap_or(text.clone());
    commit(site, &text, new, &id)
}

/// `id`, or `id-2`, `id-3`… when taken.
fn unique(id: &str, taken: &[String]) -> String {
    let base = if id.is_empty() { "don-vi" } else { id };
    (1..)
        .map(|n| match n {
            1 => base.to_string(),
            n => format!("{base}-{n}"),
        })
        .find(|c| !taken.iter().any(|t| t == c))
        .unwrap_or_default()
}

/// `POST /api/units/rename` `{id, name, short, from}`.
pub fn rename(site: &Catalog, v: &Value) -> Answer {
    let id = field(v, "id");
    let name = crate::text::nfc(field(v, "name"));
    if name.is_empty() {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorUnitNoName), "field": "name" }),
        ));
    }
    let from = date(v, "from")?;
    let text = read(site)?;
    let short = Some(field(v, "short")).filter(|s| !s.is_empty());
    let edit = Edit::Rename {
        id,
        full: &name,
        short,
        from,
    };
    let new = edited(&text, id, &edit)?;
    commit(site, &text, new, id)
}

/// `POST /api/units/merge` `{id, into, date}`: `id` is merged into `into`
/// from `date`; it exists until the day before.
pub fn merge(site: &Catalog, v: &Value) -> Answer {
    let id = field(v, "id");
    let into = field(v, "into");
    let on = date(v, "date")?;
    let text = read(site)?;
    if !units_edit::blocks(&text).iter().any(|b| b.id == into) {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorUnitNone, id = into), "field": "into" }),
        ));
    }
    let new = edited(&text, id, &Edit::Merge { id, into, on })?;
    commit(site, &text, new, id)
}

/// `edit` of the unit `id`: 404 when there is no such unit, 409 when its
/// lines are laid out in a way the form cannot change.
fn edited(text: &str, id: &str, edit: &Edit<'_>) -> Result<String, Reply> {
    if !units_edit::blocks(text).iter().any(|b| b.id == id) {
        return Err(Reply::error(404, t!(Msg::EditorUnitNone, id = id)));
    }
    units_edit::apply(text, edit)
        .ok_or_else(|| Reply::error(409, t!(Msg::EditorUnitLayout, id = id)))
}

fn read(site: &Catalog) -> Result<String, Reply> {
    std::fs::read_to_string(site.dir().join(UNITS_FILE))
        .map(|t| t.replace("\r\n", "\n"))
        .map_err(|_| Reply::error(409, t!(Msg::EditorUnitsUnreadable)))
}

/// Writes `new` over the registry unless it adds an error; answers the list.
fn commit(site: &Catalog, before: &str, new: String, id: &str) -> Answer {
    let errors = |text: &str| -> Vec<Diagnostic> {
        let overlay = DataFile {
            path: UNITS_FILE.into(),
            text: text.to_string(),
        };
        let (_, diags) = data::load_with(site.dir(), Some(&overlay));
        diags
            .sorted()
            .into_iter()
            .filter(|d| d.is_error() && d.file.as_deref() == Some(Path::new(UNITS_FILE)))
            .collect()
    };
    let after = errors(&new);
    if after.len() > errors(before).len() {
        return Err(Reply::json(
            400,
            &json!({ "error": t!(Msg::EditorUnitRefused), "diagnostics": placed(&after, &new) }),
        ));
    }
    let disk = site.dir().join(UNITS_FILE);
    let on_disk = std::fs::read_to_string(&disk).unwrap_or_default();
    docs::write_like(&disk, &on_disk, &new)?;
    site.wrote(UNITS_FILE);
    let mut answer = listed(site);
    // The id the change concerned (the one proposed for a new unit).
    answer["id"] = json!(id);
    Ok(Reply::json(200, &answer))
}

#[cfg(test)]
mod tests {
    use super::unique;

    #[test]
    fn a_proposed_id_takes_the_next_free_number() {
        let taken = vec!["cd-a".to_string(), "cd-a-2".to_string()];
        assert_eq!(unique("cd-a", &taken), "cd-a-3");
        assert_eq!(unique("cd-b", &taken), "cd-b");
        assert_eq!(unique("", &taken), "don-vi");
    }
}
