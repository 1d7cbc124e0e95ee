//! The shape of a scores grid (issue 23), as the page draws it: per phase
//! the sheets of `bangtin template scores` (`sheets::layout`: the self
//! sheet, one per assessor as the scheme's aggregation needs, the items),
//! their member columns named as on the phase's last day, their rows; and
//! the values the file holds, as a person would type them.

use serde_json::{Value, json};

use crate::data::{ClusterYear, Data, SchemeInfo};
use crate::messages::number;
use crate::results::Rule;
use crate::sheets::doc::{Count, Doc, Scores, UnitDoc, Val};
use crate::sheets::layout::{self, Row, SheetPlan};

fn title_of<'a>(list: &'a [(String, String)], id: &str) -> &'a str {
    list.iter()
        .find(|(i, _)| i == id)
        .map_or("", |(_, t)| t.as_str())
}

fn row_json(scheme: &SchemeInfo, row: &Row<'_>) -> Value {
    let criterion_title = |id: &str| {
        scheme
            .criteria
            .iter()
            .find(|c| c.id == id)
            .map_or("", |c| c.title.as_str())
    };
    match row {
        Row::Section {
            criterion,
            children,
        } => {
            json!({ "kind": "section", "id": criterion.id, "title": criterion_title(&criterion.id),
                     "max": number(criterion.max), "children": children })
        }
        Row::Leaf(k) => {
            let rule = match &k.rule {
                Some(Rule::Scale { .. }) => "scale",
                Some(Rule::Fixed) => "fixed",
                Some(Rule::Proportional { .. }) => "proportional",
                None => "points",
            };
            json!({ "kind": "leaf", "id": k.id, "title": criterion_title(&k.id), "max": number(k.max),
                    "rule": rule, "rule_text": layout::rule_text(k) })
        }
        Row::Total { sections } => json!({ "kind": "total", "sections": sections }),
        Row::Heading(text) => json!({ "kind": "heading", "title": text }),
        Row::Bonus { id, points } => json!({ "kind": "bonus", "id": id,
            "title": title_of(&scheme.bonus_titles, id), "points": number(*points) }),
        Row::Penalty { id, points } => json!({ "kind": "penalty", "id": id,
            "title": title_of(&scheme.penalty_titles, id), "points": number(*points) }),
        Row::Disqualifier { id } => json!({ "kind": "disqualifier", "id": id,
            "title": title_of(&scheme.disqualifier_titles, id) }),
    }
}

fn sheet_json(scheme: &SchemeInfo, sheet: &SheetPlan<'_>) -> Value {
    let members: Vec<Value> = sheet
        .members
        .iter()
        .map(|m| json!({ "unit": m.unit, "name": m.name }))
        .collect();
    let rows: Vec<Value> = sheet.rows.iter().map(|r| row_json(scheme, r)).collect();
    json!({ "key": sheet.kind.key(), "name": sheet.name, "members": members, "rows": rows })
}

/// A value as the grid shows it, with the file's separator.
pub fn typed(v: &Val, comma: bool) -> String {
    let shown = |d: &rust_decimal::Decimal| {
        let s = d.normalize().to_string();
        if comma { s.replace('.', ",") } else { s }
    };
    match v {
        Val::Points(d) | Val::Actual(d) => shown(d),
        Val::Raw(s) => s.clone(),
    }
}

fn counts_json(list: &[Count]) -> Value {
    list.iter()
        .map(|c| json!({ "item": c.item, "count": c.count, "evidence": c.evidence }))
        .collect()
}

fn scores_json(scores: &Scores, comma: bool) -> Value {
    scores
        .iter()
        .map(|(crit, v)| (crit.clone(), Value::String(typed(v, comma))))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// One unit's entry in a phase: its sheets' values and the rest.
fn entry_json(u: &UnitDoc, comma: bool) -> Value {
    let mut sheets = serde_json::Map::new();
    if let Some(s) = &u.self_scores {
        sheets.insert(layout::SELF_KEY.into(), scores_json(s, comma));
    }
    for (who, s) in &u.assessed {
        sheets.insert(who.clone(), scores_json(s, comma));
    }
    json!({ "status": u.status, "note": u.note, "sheets": sheets,
            "bonus": counts_json(&u.bonus), "penalties": counts_json(&u.penalties),
            "disqualified": u.disqualified })
}

/// Every phase of the cluster-year with its sheets, and the file's values.
pub fn grid(data: &Data, cy: &ClusterYear, scheme: &SchemeInfo, doc: &Doc) -> Value {
    let panel = doc.assessors();
    let phases: Vec<Value> = cy
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let plan = layout::plan(data, cy, scheme, i, &panel);
            let sheets: Vec<Value> = plan.sheets.iter().map(|s| sheet_json(scheme, s)).collect();
            let units = doc
                .phases
                .iter()
                .find(|(id, _)| *id == p.id)
                .map(|(_, units)| {
                    units
                        .iter()
                        .map(|(unit, u)| (unit.clone(), entry_json(u, doc.comma)))
                        .collect::<serde_json::Map<_, _>>()
                })
                .unwrap_or_default();
            json!({ "id": p.id, "name": p.name, "from": p.from.to_string(),
                    "until": p.until.to_string(), "sheets": sheets, "units": units })
        })
        .collect();
    json!({ "cluster": cy.id, "year": cy.year, "name": cy.name, "scheme": scheme.title,
            "comma": doc.comma, "phases": phases })
}
