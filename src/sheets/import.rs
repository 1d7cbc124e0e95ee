//! `bangtin import scores`: a filled template (the grids of `read.rs`)
//! checked against its [`Plan`] and merged into the scores file's
//! [`Doc`]. Every problem names its sheet and cell, all are reported
//! together, and nothing is merged unless there are none. An empty cell
//! leaves the file's value as it is; a typed value replaces it; a count of
//! 0 removes a bonus or penalty, a 0 removes a disqualifier.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::doc::{Count, Doc, Scores, Val};
use super::layout::{
    self, FIRST_MEMBER_COL, FIRST_ROW, HEADER_ROW, ID_ROW, MARKER, Plan, Row, SheetKind, SheetPlan,
    cell_name,
};
use super::read::Grid;
use super::settle::{Want, settle};
use crate::data::Data;
use crate::diag::{Diagnostic, closest};
use crate::messages::{SheetMsg, number};
use crate::results::{AssessedBy, Rule};
use crate::t;

/// One changed value, for the table the import prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub unit: String,
    /// The sheet and row: "Tự chấm I.1", "Chấm – CĐ Sở Tư pháp II.3", "B1".
    pub what: String,
    pub old: String,
    pub new: String,
}

/// What an import would do.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub changes: Vec<Change>,
    /// The document after the import.
    pub doc: Doc,
    /// The sheets that were read, by name.
    pub sheets: Vec<String>,
}

/// A located problem in the workbook.
struct Problems<'a> {
    file: &'a str,
    list: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn at(&mut self, sheet: &str, row: u32, col: u16, (message, hint): (String, String)) {
        let d = Diagnostic::error(t!(
            SheetMsg::AtCell,
            sheet = sheet,
            cell = cell_name(row, col),
            message = message
        ))
        .in_file(self.file)
        .hint(hint);
        self.list.push(d);
    }

    fn sheet(&mut self, message: String, hint: String) {
        let d = Diagnostic::error(message).in_file(self.file).hint(hint);
        self.list.push(d);
    }
}

/// Values read from one sheet: unit → row id → value.
type Read = Vec<(String, Vec<(String, Decimal)>)>;

/// Checks `grids` against `plan` and merges them into `doc` (the scores
/// file as it is, or a new one). `whole` is false for a CSV, which holds
/// one sheet: the others are then not missing.
pub fn import(
    data: &Data,
    plan: &Plan,
    file: &str,
    grids: &[Grid],
    whole: bool,
    doc: &Doc,
) -> Result<Outcome, Vec<Diagnostic>> {
    let mut p = Problems {
        file,
        list: Vec::new(),
    };
    let found = identify(data, plan, grids, whole, &mut p);
    let mut read: Vec<(SheetPlan, Read)> = Vec::new();
    for (g, sheet) in &found {
        if let Some(values) = read_sheet(data, g, sheet, &mut p) {
            read.push((sheet.clone(), values));
        }
    }
    if !p.list.is_empty() {
        return Err(p.list);
    }
    let phase = &plan.cy.phases[plan.phase].id;
    let mut new = doc.clone();
    let mut changes = Vec::new();
    for (sheet, values) in &read {
        for (unit, rows) in values {
            merge(&mut new, phase, unit, sheet, rows, plan, &mut changes);
        }
    }
    Ok(Outcome {
        changes,
        doc: new,
        sheets: found.iter().map(|(g, _)| g.name.clone()).collect(),
    })
}

/// Which plan sheet each grid is, from the ids in its hidden row.
fn identify<'a>(
    data: &Data,
    plan: &Plan<'a>,
    grids: &'a [Grid],
    whole: bool,
    p: &mut Problems,
) -> Vec<(&'a Grid, SheetPlan<'a>)> {
    let mut found: Vec<(&Grid, SheetPlan)> = Vec::new();
    for g in grids {
        if g.text(ID_ROW, 0) != MARKER {
            if !whole {
                p.at(
                    &g.name,
                    ID_ROW,
                    0,
                    (t!(SheetMsg::NotTemplate), t!(SheetMsg::NotTemplateHint)),
                );
            }
            continue;
        }
        let key = g.text(ID_ROW, 1);
        let phase_key = g.text(ID_ROW, 2);
        if phase_key != plan.phase_key() {
            let msg = t!(
                SheetMsg::OtherPhase,
                found = phase_key,
                wanted = plan.phase_key()
            );
            p.at(&g.name, ID_ROW, 2, (msg, t!(SheetMsg::OtherPhaseHint)));
            continue;
        }
        let planned = plan.sheets.iter().find(|s| s.kind.key() == key).cloned();
        let sheet = match planned {
            Some(s) => s,
            None if plan.scheme.engine.aggregation.assessed_by == AssessedBy::Panel
                && data.unit(&key).is_some() =>
            {
                // A panel member the plan did not know of: it may assess
                // every member but itself.
                let mut s = plan.sheets[0].clone();
                s.members.retain(|m| m.unit != key);
                s.kind = SheetKind::Assessor(key.clone());
                s.name = g.name.clone();
                s
            }
            None => {
                let keys: Vec<&str> = plan.sheets.iter().map(|s| s.kind.key()).collect();
                let hint = closest(&key, keys.iter().copied()).map_or_else(
                    || t!(SheetMsg::UnknownSheetHint, keys = keys.join(", ")),
                    |s| t!(SheetMsg::DidYouMean, suggestion = s),
                );
                p.at(
                    &g.name,
                    ID_ROW,
                    1,
                    (t!(SheetMsg::UnknownSheet, key = key), hint),
                );
                continue;
            }
        };
        if let Some((first, _)) = found.iter().find(|(_, s)| s.kind == sheet.kind) {
            let msg = t!(SheetMsg::SheetTwice, key = key, first = first.name);
            p.at(&g.name, ID_ROW, 1, (msg, t!(SheetMsg::SheetTwiceHint)));
            continue;
        }
        found.push((g, sheet));
    }
    if found.is_empty() && p.list.is_empty() {
        p.sheet(t!(SheetMsg::NoTemplateSheet), t!(SheetMsg::NotTemplateHint));
    }
    if whole {
        for s in &plan.sheets {
            if !found.iter().any(|(_, f)| f.kind == s.kind) {
                p.sheet(
                    t!(SheetMsg::SheetMissing, name = s.name, key = s.kind.key()),
                    t!(SheetMsg::SheetMissingHint),
                );
            }
        }
    }
    found
}

/// The values of one sheet, or `None` when its layout is broken.
fn read_sheet(data: &Data, g: &Grid, sheet: &SheetPlan, p: &mut Problems) -> Option<Read> {
    let before = p.list.len();
    // Member columns: the ids in the hidden row.
    let mut cols: Vec<(u16, &str)> = Vec::new();
    let expected: Vec<&str> = sheet.members.iter().map(|m| m.unit.as_str()).collect();
    for col in FIRST_MEMBER_COL..g.cols {
        let id = g.text(ID_ROW, col);
        if id.is_empty() {
            if !g.text(HEADER_ROW, col).is_empty() {
                p.at(
                    &g.name,
                    ID_ROW,
                    col,
                    (t!(SheetMsg::ColumnNoId), t!(SheetMsg::ColumnMovedHint)),
                );
            }
            continue;
        }
        let Some(m) = sheet.members.iter().find(|m| m.unit == id) else {
            let (msg, hint) = if data.unit(&id).is_some() {
                (
                    t!(SheetMsg::ColumnNotMember, unit = id),
                    t!(SheetMsg::ColumnNotMemberHint),
                )
            } else {
                let hint = closest(&id, expected.iter().copied()).map_or_else(
                    || t!(SheetMsg::ColumnNotMemberHint),
                    |s| t!(SheetMsg::DidYouMean, suggestion = s),
                );
                (t!(SheetMsg::UnknownUnit, unit = id), hint)
            };
            p.at(&g.name, ID_ROW, col, (msg, hint));
            continue;
        };
        if let Some((first, _)) = cols.iter().find(|(_, u)| *u == m.unit) {
            let msg = t!(
                SheetMsg::MemberTwice,
                unit = id,
                first = cell_name(ID_ROW, *first)
            );
            p.at(&g.name, ID_ROW, col, (msg, t!(SheetMsg::MemberTwiceHint)));
            continue;
        }
        let header = g.text(HEADER_ROW, col);
        if crate::text::nfc(&header) != m.name {
            let msg = t!(
                SheetMsg::ColumnMoved,
                found = header,
                unit = m.unit,
                name = m.name
            );
            p.at(
                &g.name,
                HEADER_ROW,
                col,
                (msg, t!(SheetMsg::ColumnMovedHint)),
            );
            continue;
        }
        cols.push((col, &m.unit));
    }
    for m in &sheet.members {
        if !cols.iter().any(|(_, u)| *u == m.unit) && p.list.len() == before {
            p.sheet(
                t!(
                    SheetMsg::MemberMissing,
                    sheet = g.name,
                    unit = m.unit,
                    name = m.name
                ),
                t!(SheetMsg::ColumnMovedHint),
            );
        }
    }
    // A broken column is reported and left out; the others are still read.
    let rows_before = p.list.len();
    // Rows: the ids in column A.
    let ids: Vec<&str> = sheet.rows.iter().filter_map(layout::row_id).collect();
    let mut rows: HashMap<&str, u32> = HashMap::new();
    for r in FIRST_ROW..g.rows {
        let id = g.text(r, 0);
        if id.is_empty() {
            continue;
        }
        let Some(known) = ids.iter().find(|k| **k == id) else {
            let hint = closest(&id, ids.iter().copied()).map_or_else(
                || t!(SheetMsg::UnknownRowHint),
                |s| t!(SheetMsg::DidYouMean, suggestion = s),
            );
            p.at(&g.name, r, 0, (t!(SheetMsg::UnknownRow, id = id), hint));
            continue;
        };
        if let Some(first) = rows.get(known) {
            let msg = t!(SheetMsg::RowTwice, id = id, first = cell_name(*first, 0));
            p.at(&g.name, r, 0, (msg, t!(SheetMsg::MemberTwiceHint)));
            continue;
        }
        rows.insert(known, r);
    }
    for row in sheet.rows.iter().filter(|r| layout::is_entry(r)) {
        let id = layout::row_id(row).unwrap_or_default();
        if !rows.contains_key(id) {
            p.sheet(
                t!(SheetMsg::RowMissing, sheet = g.name, id = id),
                t!(SheetMsg::ColumnMovedHint),
            );
        }
    }
    if p.list.len() > rows_before {
        return None;
    }
    let mut out: Read = Vec::new();
    for (col, unit) in &cols {
        let mut values = Vec::new();
        for row in sheet.rows.iter().filter(|r| layout::is_entry(r)) {
            let id = layout::row_id(row).unwrap_or_default();
            let r = rows[id];
            let want = match row {
                Row::Leaf(k) if matches!(k.rule, Some(Rule::Proportional { .. })) => Want::Ratio,
                Row::Leaf(k) => Want::Points(k),
                Row::Disqualifier { .. } => Want::Flag,
                _ => Want::Count,
            };
            match settle(g.get(r, *col), want) {
                Ok(Some(v)) => values.push((id.to_string(), v)),
                Ok(None) => {}
                Err(refusal) => p.at(&g.name, r, *col, refusal),
            }
        }
        if !values.is_empty() {
            out.push((unit.to_string(), values));
        }
    }
    (p.list.len() == before).then_some(out)
}

/// Puts one unit's values of one sheet into `doc`, noting each change.
fn merge(
    doc: &mut Doc,
    phase: &str,
    unit: &str,
    sheet: &SheetPlan,
    values: &[(String, Decimal)],
    plan: &Plan,
    changes: &mut Vec<Change>,
) {
    let mut note = |what: String, old: String, new: String| {
        changes.push(Change {
            unit: unit.to_string(),
            what,
            old,
            new,
        });
    };
    let entry = doc.entry(phase, unit);
    let label = match &sheet.kind {
        SheetKind::SelfScores => t!(SheetMsg::SheetSelf),
        _ => sheet.name.clone(),
    };
    let scores: &mut Scores = match &sheet.kind {
        SheetKind::Items => {
            for (id, v) in values {
                let n = u32::try_from(v.mantissa()).unwrap_or(u32::MAX);
                let list = if plan.scheme.engine.bonus.items.iter().any(|i| &i.id == id) {
                    Some(&mut entry.bonus)
                } else if plan.scheme.engine.penalties.iter().any(|i| &i.id == id) {
                    Some(&mut entry.penalties)
                } else {
                    None
                };
                match list {
                    Some(list) => {
                        let at = list.iter().position(|c| &c.item == id);
                        let old = at.map_or(0, |i| list[i].count);
                        if old == n {
                            continue;
                        }
                        match (at, n) {
                            (Some(i), 0) => {
                                list.remove(i);
                            }
                            (Some(i), _) => list[i].count = n,
                            (None, _) => list.push(Count {
                                item: id.clone(),
                                count: n,
                                evidence: None,
                            }),
                        }
                        note(id.clone(), old.to_string(), n.to_string());
                    }
                    None => {
                        let had = entry.disqualified.iter().any(|d| d == id);
                        if had == (n == 1) {
                            continue;
                        }
                        if n == 1 {
                            entry.disqualified.push(id.clone());
                        } else {
                            entry.disqualified.retain(|d| d != id);
                        }
                        note(id.clone(), u32::from(had).to_string(), n.to_string());
                    }
                }
            }
            return;
        }
        SheetKind::SelfScores => entry.sheet_mut(None),
        SheetKind::Assessor(a) => entry.sheet_mut(Some(a)),
    };
    let leaves = crate::results::Criterion::leaves(&plan.scheme.engine.criteria);
    for (id, v) in values {
        let ratio = leaves
            .iter()
            .any(|k| &k.id == id && matches!(k.rule, Some(Rule::Proportional { .. })));
        let new = if ratio {
            Val::Actual(*v)
        } else {
            Val::Points(*v)
        };
        let at = scores.iter().position(|(c, _)| c == id);
        let old = at.map(|i| scores[i].1.clone());
        if old.as_ref().is_some_and(|o| same(o, &new)) {
            continue;
        }
        match at {
            Some(i) => scores[i].1 = new.clone(),
            None => scores.push((id.clone(), new.clone())),
        }
        note(
            format!("{label} {id}"),
            old.as_ref().map_or_else(|| t!(SheetMsg::NoValue), shown),
            shown(&new),
        );
    }
}

/// Equal values, whatever their scale (`19,50` is `19,5`).
fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Points(x), Val::Points(y)) | (Val::Actual(x), Val::Actual(y)) => x == y,
        _ => false,
    }
}

/// A value as the change table shows it.
fn shown(v: &Val) -> String {
    match v {
        Val::Points(d) => number(*d),
        Val::Actual(d) => t!(SheetMsg::RatioShown, value = number(*d)),
        Val::Raw(s) => s.clone(),
    }
}
