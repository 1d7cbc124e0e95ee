//! `data/scores/<year>/<cluster-id>.yaml` (FORMAT.md §7): every typed score
//! checked against the scheme and the membership, then handed to the engine as
//! one [`PhaseInput`] per phase.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::check::{Checker, DataFile, opt_text, show};
use super::model::{ClusterYear, SchemeInfo};
use super::raw::{RawCount, RawScore, RawScores, RawUnitScores, S};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::results::{
    AssessedBy, Criterion, PhaseInput, Rule, Score, ScoredEntry, Sheet, UnitEntry, UnrankedStatus,
};
use crate::t;
use crate::text::{DecimalSeparator, parse_decimal};
use crate::yaml::{Entries, Spanned};

const STATUSES: &[&str] = &["withdrawn", "not_submitted", "partial"];
const SEPARATORS: &[&str] = &[",", "."];

/// Checks a scores file against its cluster-year and scheme; returns one input per phase.
pub fn check_scores(
    file: &DataFile,
    raw: &RawScores,
    cluster: &ClusterYear,
    scheme: &SchemeInfo,
    unit_ids: &[&str],
) -> (Option<Vec<PhaseInput>>, Vec<Diagnostic>) {
    let mut c = Checker::new(file);
    let sep = match &raw.decimal_separator {
        None => DecimalSeparator::Comma,
        Some(v) => match c.choice(v, SEPARATORS) {
            Some(".") => DecimalSeparator::Dot,
            _ => DecimalSeparator::Comma,
        },
    };
    let leaves = Criterion::leaves(&scheme.engine.criteria);
    let mut sheet_check = SheetCheck {
        file,
        sep,
        leaves: &leaves,
        scheme,
    };
    let mut by_phase: BTreeMap<String, BTreeMap<String, UnitEntry>> = BTreeMap::new();
    let phase_ids: Vec<&str> = cluster.phases.iter().map(|p| p.id.as_str()).collect();
    for (phase_key, units) in &raw.phases.0 {
        let Some(phase_id) = c.reference(phase_key, Msg::WhatPhase, phase_ids.iter().copied())
        else {
            continue;
        };
        let phase = cluster.phases.iter().find(|p| p.id == phase_id);
        let members: Vec<&str> = cluster.members.iter().map(|m| m.unit.as_str()).collect();
        let mut entries = BTreeMap::new();
        for (unit_key, scores) in &units.0 {
            let unit = unit_key.value.trim();
            let member = cluster.members.iter().find(|m| m.unit == unit);
            let Some(member) = member else {
                if unit_ids.contains(&unit) {
                    c.error(
                        unit_key,
                        t!(Msg::ScoreNotMember, unit = unit, cluster = cluster.id),
                        Some(t!(Msg::ScoreNotMemberHint)),
                    );
                } else {
                    c.reference(unit_key, Msg::WhatMember, members.iter().copied());
                }
                continue;
            };
            if let Some(p) = phase
                && !ClusterYear::member_during(member, p.from, p.until)
            {
                c.error(
                    unit_key,
                    t!(Msg::ScoreOutsideMembership, unit = unit, phase = p.id),
                    Some(t!(Msg::ScoreOutsideMembershipHint)),
                );
                continue;
            }
            let in_phase: Vec<&str> = cluster
                .members
                .iter()
                .filter(|m| phase.is_none_or(|p| ClusterYear::member_during(m, p.from, p.until)))
                .map(|m| m.unit.as_str())
                .collect();
            if let Some(entry) = sheet_check.entry(&mut c, unit_key, scores, unit_ids, &in_phase) {
                entries.insert(unit.to_string(), entry);
            }
        }
        by_phase.insert(phase_id, entries);
    }
    if c.has_errors() {
        return (None, c.diags);
    }
    warn_missing_entries(&mut c, file, raw, cluster, &by_phase);
    let inputs = cluster
        .phases
        .iter()
        .map(|p| PhaseInput {
            id: p.id.clone(),
            members: cluster
                .members
                .iter()
                .filter(|m| ClusterYear::member_during(m, p.from, p.until))
                .map(|m| m.unit.clone())
                .collect(),
            entries: by_phase.remove(&p.id).unwrap_or_default(),
        })
        .collect();
    (Some(inputs), c.diags)
}

/// A member with no entry in a phase is published as "không nộp": say so, since
/// the row may simply have been forgotten (FORMAT.md 1.1 §11). A phase with no
/// entries at all gets one warning, not one per member.
fn warn_missing_entries(
    c: &mut Checker<'_>,
    file: &DataFile,
    raw: &RawScores,
    cluster: &ClusterYear,
    by_phase: &BTreeMap<String, BTreeMap<String, UnitEntry>>,
) {
    for p in &cluster.phases {
        let in_phase: Vec<&str> = cluster
            .members
            .iter()
            .filter(|m| ClusterYear::member_during(m, p.from, p.until))
            .map(|m| m.unit.as_str())
            .collect();
        let entries = by_phase.get(&p.id);
        let missing: Vec<&str> = in_phase
            .iter()
            .copied()
            .filter(|u| entries.is_none_or(|e| !e.contains_key(*u)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let key = raw.phases.0.iter().find(|(k, _)| k.value.trim() == p.id);
        let at = key.map_or_else(|| phases_line(file), |(k, _)| c.src.position(k));
        let (message, hint) = if missing.len() == in_phase.len() {
            (
                t!(Msg::ScorePhaseEmpty, phase = p.id, count = in_phase.len()),
                t!(Msg::ScorePhaseEmptyHint, phase = p.id),
            )
        } else {
            (
                t!(
                    Msg::ScoreEntryMissing,
                    units = missing.join(", "),
                    phase = p.id
                ),
                t!(Msg::ScoreEntryMissingHint),
            )
        };
        let d = Diagnostic::warning(message)
            .in_file(&file.path)
            .at(&file.text, at.0, at.1)
            .hint(hint);
        c.diags.push(d);
    }
}

/// Line and column of the `phases:` key, else the top of the file.
fn phases_line(file: &DataFile) -> (usize, usize) {
    file.text
        .lines()
        .position(|l| l.starts_with("phases:"))
        .map_or((1, 1), |i| (i + 1, 1))
}

struct SheetCheck<'a> {
    file: &'a DataFile,
    sep: DecimalSeparator,
    leaves: &'a [&'a Criterion],
    scheme: &'a SchemeInfo,
}

impl SheetCheck<'_> {
    fn entry(
        &mut self,
        c: &mut Checker<'_>,
        unit_key: &S,
        raw: &RawUnitScores,
        unit_ids: &[&str],
        phase_members: &[&str],
    ) -> Option<UnitEntry> {
        let cross = matches!(
            self.scheme.engine.aggregation.assessed_by,
            AssessedBy::CrossMean | AssessedBy::CrossMeanTrimmed
        );
        let status = raw.status.as_ref().and_then(|s| c.choice(s, STATUSES));
        let partial = status == Some("partial");
        // Criteria written with no value yet: the unit is not scored until
        // every one is filled, and one warning (not one per value) says so.
        let mut empty: Vec<String> = Vec::new();
        let self_sheet = raw.self_sheet.as_ref().map(|s| {
            let at = S {
                value: unit_key.value.clone(),
                referenced: s.referenced,
                defined: s.defined,
            };
            self.sheet(c, &at, &s.value, partial, &mut empty)
        });
        let mut assessed = Vec::new();
        for (assessor, sheet) in raw.assessed.iter().flat_map(|a| &a.0) {
            if assessor.value.trim() == unit_key.value.trim() {
                c.error(
                    assessor,
                    t!(Msg::ScoreOwnSheet),
                    Some(t!(Msg::ScoreOwnSheetHint)),
                );
                continue;
            }
            let Some(id) = c.reference(assessor, Msg::WhatUnit, unit_ids.iter().copied()) else {
                continue;
            };
            if cross && !phase_members.contains(&id.as_str()) {
                c.error(
                    assessor,
                    t!(Msg::ScoreAssessorNotMember, unit = id),
                    Some(t!(Msg::ScoreAssessorNotMemberHint)),
                );
                continue;
            }
            assessed.push((id, self.sheet(c, assessor, sheet, partial, &mut empty)));
        }
        let trimmed = self.scheme.engine.aggregation.assessed_by == AssessedBy::CrossMeanTrimmed;
        if trimmed && status.is_none() && (1..3).contains(&assessed.len()) {
            c.error(
                unit_key,
                t!(Msg::ScoreTooFewAssessors, count = assessed.len()),
                Some(t!(Msg::ScoreTooFewAssessorsHint)),
            );
        }
        let bonus = self.counts(c, &raw.bonus, &self.scheme.bonus_titles, Msg::WhatBonus);
        let penalties = self.counts(
            c,
            &raw.penalties,
            &self.scheme.penalty_titles,
            Msg::WhatPenalty,
        );
        let disq: Vec<&str> = self
            .scheme
            .disqualifier_titles
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        let disqualified = raw
            .disqualified
            .iter()
            .filter_map(|d| c.reference(d, Msg::WhatDisqualifier, disq.iter().copied()))
            .collect();
        let note = opt_text(&raw.note);
        if status.is_none() && !empty.is_empty() {
            c.warning(
                unit_key,
                t!(
                    Msg::ScoreEmpty,
                    unit = unit_key.value.trim(),
                    count = empty.len(),
                    ids = empty.join(", ")
                ),
                Some(t!(Msg::ScoreEmptyHint)),
            );
            return Some(UnitEntry::Unranked {
                status: UnrankedStatus::Partial,
                note,
            });
        }
        if let Some(s) = status {
            let status = match s {
                "withdrawn" => UnrankedStatus::Withdrawn,
                "not_submitted" => UnrankedStatus::NotSubmitted,
                _ => UnrankedStatus::Partial,
            };
            return Some(UnitEntry::Unranked { status, note });
        }
        Some(UnitEntry::Scored(ScoredEntry {
            self_sheet,
            assessed,
            bonus,
            penalties,
            disqualified,
            note,
        }))
    }

    /// One sheet: known leaf ids, values in range and on step, and no gap unless `partial`.
    fn sheet(
        &self,
        c: &mut Checker<'_>,
        owner: &S,
        raw: &Entries<Spanned<RawScore>>,
        partial: bool,
        empty: &mut Vec<String>,
    ) -> Sheet {
        let mut sheet = Sheet::new();
        let leaf_ids: Vec<&str> = self.leaves.iter().map(|k| k.id.as_str()).collect();
        let mut unknown = false;
        for (key, value) in &raw.0 {
            let id = key.value.trim();
            let Some(leaf) = self.leaves.iter().find(|k| k.id == id) else {
                unknown = true;
                if self.scheme.criteria.iter().any(|k| k.id == id) {
                    c.error(
                        key,
                        t!(Msg::ScoreOnParent, id = id),
                        Some(t!(Msg::ScoreOnParentHint)),
                    );
                } else {
                    c.reference(key, Msg::WhatCriterion, leaf_ids.iter().copied());
                }
                continue;
            };
            if matches!(value.value, RawScore::Empty) {
                if !empty.iter().any(|e| e == id) {
                    empty.push(id.to_string());
                }
                continue;
            }
            if let Some(score) = self.score(c, leaf, value) {
                sheet.insert(id.to_string(), score);
            }
        }
        let missing: Vec<&str> = leaf_ids
            .iter()
            .copied()
            .filter(|id| {
                !sheet.contains_key(*id) && !raw.0.iter().any(|(k, _)| k.value.trim() == *id)
            })
            .collect();
        // A misspelt id is reported above with the right one as a hint; the
        // criterion it stands for is not reported missing as well.
        if !partial && !unknown && !missing.is_empty() {
            c.error(
                owner,
                t!(Msg::ScoreMissing, ids = missing.join(", ")),
                Some(t!(Msg::ScoreMissingHint)),
            );
        }
        sheet
    }

    fn score(&self, c: &mut Checker<'_>, leaf: &Criterion, v: &Spanned<RawScore>) -> Option<Score> {
        let at = |value: String| S {
            value,
            referenced: v.referenced,
            defined: v.defined,
        };
        match &v.value {
            RawScore::Actual(actual) => {
                if !matches!(leaf.rule, Some(Rule::Proportional { .. })) {
                    c.error(
                        actual,
                        t!(Msg::ScoreActualNotProportional, id = leaf.id),
                        Some(t!(Msg::ScoreActualNotProportionalHint)),
                    );
                    return None;
                }
                let d = self.decimal(c, actual)?;
                if d < Decimal::ZERO {
                    c.error(
                        actual,
                        t!(Msg::ScoreNegative, value = actual.value),
                        Some(t!(Msg::ScoreRangeHint, max = show(leaf.max))),
                    );
                    return None;
                }
                Some(Score::Actual(d))
            }
            RawScore::Text(s) => self.points(c, leaf, &at(s.clone())),
            RawScore::Number => self.points(c, leaf, &at(self.typed_text(v))),
            // `sheet` sets empty values aside before scoring.
            RawScore::Empty => None,
        }
    }

    /// The characters of a plain number exactly as typed in the file.
    fn typed_text(&self, v: &Spanned<RawScore>) -> String {
        let span = v.referenced.span();
        let start = span.byte_offset().unwrap_or(span.offset()) as usize;
        let len = span.byte_len().unwrap_or(span.len()) as usize;
        self.file
            .text
            .get(start..start + len)
            .unwrap_or_default()
            .to_string()
    }

    fn decimal(&self, c: &mut Checker<'_>, v: &S) -> Option<Decimal> {
        match parse_decimal(&v.value, self.sep) {
            Ok(d) => c.bounded(v, d),
            Err(e) => {
                c.number_error(v, &e);
                None
            }
        }
    }

    fn points(&self, c: &mut Checker<'_>, leaf: &Criterion, v: &S) -> Option<Score> {
        let d = self.decimal(c, v)?;
        let max = leaf.max;
        if d < Decimal::ZERO || d > max {
            c.error(
                v,
                t!(
                    Msg::ScoreOutOfRange,
                    value = v.value.trim(),
                    id = leaf.id,
                    max = show(max)
                ),
                Some(t!(Msg::ScoreRangeHint, max = show(max))),
            );
            return None;
        }
        match leaf.rule {
            Some(Rule::Fixed) if d != Decimal::ZERO && d != max => {
                c.error(
                    v,
                    t!(Msg::ScoreFixed, id = leaf.id, max = show(max)),
                    Some(t!(Msg::ScoreFixedHint, max = show(max))),
                );
                None
            }
            Some(Rule::Scale { step }) if !(d % step).is_zero() => {
                c.error(
                    v,
                    t!(Msg::ScoreOffStep, value = v.value.trim(), step = show(step)),
                    Some(t!(Msg::ScoreOffStepHint, step = show(step))),
                );
                None
            }
            _ => Some(Score::Points(d)),
        }
    }

    fn counts(
        &self,
        c: &mut Checker<'_>,
        raw: &[RawCount],
        items: &[(String, String)],
        what: Msg,
    ) -> Vec<(String, u32)> {
        let ids: Vec<&str> = items.iter().map(|(id, _)| id.as_str()).collect();
        let mut out = Vec::new();
        for r in raw {
            let id = c.reference(&r.item, what, ids.iter().copied());
            let count = match &r.count {
                None => Some(1),
                Some(v) => c.int::<u32>(v).filter(|n| *n > 0),
            };
            if let (Some(id), Some(count)) = (id, count) {
                out.push((id, count));
            }
        }
        out
    }
}
