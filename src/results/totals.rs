//! A unit's figures in one phase: criteria, bonus, penalty, total (FORMAT.md §7, §11).

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::aggregate::{self, At};
use super::error::EngineError;
use super::model::{PhaseInput, ScoredEntry, UnitEntry, UnrankedStatus};
use super::num;
use super::plan::Plan;

/// The exact figures of a ranked unit (phase or year).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figures {
    /// Criteria indexed like the plan's nodes.
    pub(crate) criteria: Vec<Decimal>,
    pub(crate) self_total: Option<Decimal>,
    pub(crate) assessed_total: Option<Decimal>,
    pub(crate) bonus: Decimal,
    pub(crate) penalty: Decimal,
    pub(crate) penalty_count: Decimal,
    pub(crate) exact_total: Decimal,
    /// Disqualifier ids, in scheme order.
    pub(crate) disqualified: Vec<String>,
}

/// What a unit's entry amounts to before ranking.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Outcome {
    Unranked {
        status: UnrankedStatus,
        note: Option<String>,
    },
    Scored {
        figures: Figures,
        note: Option<String>,
    },
}

/// The outcome of every member of a phase, in member order.
pub(crate) fn phase_outcomes(
    plan: &Plan<'_>,
    phase: &PhaseInput,
) -> Result<Vec<(String, Outcome)>, EngineError> {
    let mut seen = BTreeSet::new();
    for unit in &phase.members {
        if !seen.insert(unit.as_str()) {
            return Err(EngineError::DuplicateMember {
                phase: phase.id.clone(),
                unit: unit.clone(),
            });
        }
    }
    if let Some(unit) = phase.entries.keys().find(|u| !seen.contains(u.as_str())) {
        return Err(EngineError::NotAMember {
            phase: phase.id.clone(),
            unit: unit.clone(),
        });
    }
    let mut outcomes = Vec::with_capacity(phase.members.len());
    for unit in &phase.members {
        let at = At {
            phase: &phase.id,
            unit,
        };
        let outcome = match phase.entries.get(unit) {
            None => Outcome::Unranked {
                status: UnrankedStatus::NotSubmitted,
                note: None,
            },
            Some(UnitEntry::Unranked { status, note }) => Outcome::Unranked {
                status: *status,
                note: note.clone(),
            },
            Some(UnitEntry::Scored(entry)) => score_entry(plan, &phase.members, at, entry)?,
        };
        outcomes.push((unit.clone(), outcome));
    }
    Ok(outcomes)
}

/// The figures of one scored entry, or not submitted when it has no usable criteria.
fn score_entry(
    plan: &Plan<'_>,
    members: &[String],
    at: At<'_>,
    entry: &ScoredEntry,
) -> Result<Outcome, EngineError> {
    let Some(aggregated) = aggregate::aggregate(plan, members, at, entry)? else {
        return Ok(Outcome::Unranked {
            status: UnrankedStatus::NotSubmitted,
            note: entry.note.clone(),
        });
    };
    let bonus = bonus_total(plan, at, &entry.bonus)?;
    let (penalty, penalty_count) = penalty_total(plan, at, &entry.penalties)?;
    let disqualified = disqualifiers(plan, at, &entry.disqualified)?;
    let base = plan
        .top_sum(&aggregated.criteria)
        .map_err(|e| at.overflow(e))?;
    let exact_total = num::add(base, bonus)
        .and_then(|t| num::sub(t, penalty))
        .map_err(|e| at.overflow(e))?;
    Ok(Outcome::Scored {
        figures: Figures {
            criteria: aggregated.criteria,
            self_total: aggregated.self_total,
            assessed_total: aggregated.assessed_total,
            bonus,
            penalty,
            penalty_count,
            exact_total,
            disqualified,
        },
        note: entry.note.clone(),
    })
}

/// Sums the counts per item id (an item may be listed more than once, with different evidence).
fn counts(items: &[(String, u32)]) -> Result<BTreeMap<&str, Decimal>, num::Overflow> {
    let mut counts: BTreeMap<&str, Decimal> = BTreeMap::new();
    for (id, count) in items {
        let slot = counts.entry(id.as_str()).or_default();
        *slot = num::add(*slot, Decimal::from(*count))?;
    }
    Ok(counts)
}

/// The bonus: each item's points × count capped at the item's cap, the sum capped at the bonus cap.
fn bonus_total(
    plan: &Plan<'_>,
    at: At<'_>,
    items: &[(String, u32)],
) -> Result<Decimal, EngineError> {
    let rules = &plan.scheme.bonus;
    let counts = counts(items).map_err(|e| at.overflow(e))?;
    if let Some(id) = counts
        .keys()
        .find(|id| !rules.items.iter().any(|b| b.id == **id))
    {
        return Err(EngineError::UnknownBonusItem {
            phase: at.phase.to_owned(),
            unit: at.unit.to_owned(),
            item: (*id).to_owned(),
        });
    }
    let mut total = Decimal::ZERO;
    for item in &rules.items {
        let Some(count) = counts.get(item.id.as_str()) else {
            continue;
        };
        let mut points = num::mul(item.points, *count).map_err(|e| at.overflow(e))?;
        if let Some(cap) = item.cap {
            points = points.min(cap);
        }
        total = num::add(total, points).map_err(|e| at.overflow(e))?;
    }
    Ok(match rules.cap {
        Some(cap) => total.min(cap),
        None => total,
    })
}

/// The penalty (a non-negative amount: |points| × count summed) and the number of occurrences.
fn penalty_total(
    plan: &Plan<'_>,
    at: At<'_>,
    items: &[(String, u32)],
) -> Result<(Decimal, Decimal), EngineError> {
    let counts = counts(items).map_err(|e| at.overflow(e))?;
    let mut total = Decimal::ZERO;
    let mut occurrences = Decimal::ZERO;
    for (id, count) in counts {
        let Some(item) = plan.scheme.penalties.iter().find(|p| p.id == id) else {
            return Err(EngineError::UnknownPenaltyItem {
                phase: at.phase.to_owned(),
                unit: at.unit.to_owned(),
                item: id.to_owned(),
            });
        };
        let points = num::mul(item.points.abs(), count).map_err(|e| at.overflow(e))?;
        total = num::add(total, points).map_err(|e| at.overflow(e))?;
        occurrences = num::add(occurrences, count).map_err(|e| at.overflow(e))?;
    }
    Ok((total, occurrences))
}

/// The disqualifier ids, checked, without repeats, in scheme order.
fn disqualifiers(plan: &Plan<'_>, at: At<'_>, ids: &[String]) -> Result<Vec<String>, EngineError> {
    let known = &plan.scheme.disqualifiers;
    if let Some(id) = ids.iter().find(|id| !known.contains(id)) {
        return Err(EngineError::UnknownDisqualifier {
            phase: at.phase.to_owned(),
            unit: at.unit.to_owned(),
            disqualifier: id.clone(),
        });
    }
    Ok(known.iter().filter(|k| ids.contains(k)).cloned().collect())
}
