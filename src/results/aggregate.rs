//! Criterion values of one unit from its sheets (FORMAT.md §7, §11).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::error::{EngineError, SheetOwner};
use super::model::{AssessedBy, FinalFrom, Rule, Score, ScoredEntry, Sheet};
use super::num::{self, Overflow};
use super::plan::{Node, Plan};

/// Where an error happened: the phase and the unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At<'a> {
    pub(crate) phase: &'a str,
    pub(crate) unit: &'a str,
}

impl At<'_> {
    /// The overflow error at this place.
    pub(crate) fn overflow(self, _: Overflow) -> EngineError {
        EngineError::Overflow {
            phase: self.phase.to_owned(),
            unit: self.unit.to_owned(),
        }
    }
}

/// A unit's criteria after aggregation, indexed like the plan's nodes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Aggregated {
    /// The criteria the total is made of (assessed, or self when self-based).
    pub(crate) criteria: Vec<Decimal>,
    /// Sum of the self sheet.
    pub(crate) self_total: Option<Decimal>,
    /// Sum of the aggregated assessors' criteria; `None` when the criteria are self scores.
    pub(crate) assessed_total: Option<Decimal>,
}

/// Aggregates a scored entry; `Ok(None)` means the unit counts as not submitted.
pub(crate) fn aggregate(
    plan: &Plan<'_>,
    members: &[String],
    at: At<'_>,
    entry: &ScoredEntry,
) -> Result<Option<Aggregated>, EngineError> {
    let own = match &entry.self_sheet {
        Some(sheet) => Some(sheet_values(plan, at, &SheetOwner::SelfSheet, sheet)?),
        None => None,
    };
    let self_total = match &own {
        Some(values) => Some(plan.top_sum(values).map_err(|e| at.overflow(e))?),
        None => None,
    };
    let aggregation = &plan.scheme.aggregation;
    if aggregation.assessed_by == AssessedBy::SelfOnly && !entry.assessed.is_empty() {
        return Err(EngineError::AssessedUnderSelfOnly {
            phase: at.phase.to_owned(),
            unit: at.unit.to_owned(),
        });
    }
    let self_based = aggregation.assessed_by == AssessedBy::SelfOnly
        || (entry.assessed.is_empty() && aggregation.final_from == FinalFrom::SelfIfNoAssessment);
    if self_based {
        return Ok(own.map(|criteria| Aggregated {
            criteria,
            self_total,
            assessed_total: None,
        }));
    }
    if entry.assessed.is_empty() {
        return Ok(None);
    }
    let criteria = assessed_values(plan, members, at, &entry.assessed)?;
    let assessed_total = plan.top_sum(&criteria).map_err(|e| at.overflow(e))?;
    Ok(Some(Aggregated {
        criteria,
        self_total,
        assessed_total: Some(assessed_total),
    }))
}

/// Combines the assessors' sheets per leaf by the scheme's `assessed_by`.
fn assessed_values(
    plan: &Plan<'_>,
    members: &[String],
    at: At<'_>,
    assessed: &[(String, Sheet)],
) -> Result<Vec<Decimal>, EngineError> {
    let mode = plan.scheme.aggregation.assessed_by;
    let cross = matches!(mode, AssessedBy::CrossMean | AssessedBy::CrossMeanTrimmed);
    let mut seen = BTreeSet::new();
    let mut sheets = Vec::with_capacity(assessed.len());
    for (assessor, sheet) in assessed {
        if assessor == at.unit {
            return Err(EngineError::OwnSheetAssessed {
                phase: at.phase.to_owned(),
                unit: at.unit.to_owned(),
            });
        }
        let named = || (at.phase.to_owned(), at.unit.to_owned(), assessor.clone());
        if !seen.insert(assessor.as_str()) {
            let (phase, unit, assessor) = named();
            return Err(EngineError::DuplicateAssessor {
                phase,
                unit,
                assessor,
            });
        }
        if cross && !members.contains(assessor) {
            let (phase, unit, assessor) = named();
            return Err(EngineError::AssessorNotMember {
                phase,
                unit,
                assessor,
            });
        }
        let owner = SheetOwner::Assessor(assessor.clone());
        sheets.push(sheet_values(plan, at, &owner, sheet)?);
    }
    if mode == AssessedBy::CrossMeanTrimmed && sheets.len() < 3 {
        return Err(EngineError::TooFewAssessors {
            phase: at.phase.to_owned(),
            unit: at.unit.to_owned(),
            count: sheets.len(),
        });
    }
    let mut values = vec![Decimal::ZERO; plan.nodes.len()];
    for (leaf, (node, slot)) in plan.nodes.iter().zip(values.iter_mut()).enumerate() {
        if !node.is_leaf() {
            continue;
        }
        let mut column: Vec<Decimal> = sheets
            .iter()
            .map(|s| s.get(leaf).copied().unwrap_or_default())
            .collect();
        column.sort();
        let kept = if mode == AssessedBy::CrossMeanTrimmed {
            column.get(1..column.len().saturating_sub(1)).unwrap_or(&[])
        } else {
            &column[..]
        };
        *slot = num::mean(kept).map_err(|e| at.overflow(e))?;
    }
    plan.fill_parents(&mut values).map_err(|e| at.overflow(e))?;
    Ok(values)
}

/// The values of one sheet, indexed like the plan's nodes, parents summed.
pub(crate) fn sheet_values(
    plan: &Plan<'_>,
    at: At<'_>,
    owner: &SheetOwner,
    sheet: &Sheet,
) -> Result<Vec<Decimal>, EngineError> {
    let err = |criterion: &str| {
        (
            at.phase.to_owned(),
            at.unit.to_owned(),
            owner.clone(),
            criterion.to_owned(),
        )
    };
    for id in sheet.keys() {
        let node = plan.index.get(id).and_then(|&i| plan.nodes.get(i));
        match node {
            None => {
                let (phase, unit, sheet, criterion) = err(id);
                return Err(EngineError::UnknownCriterion {
                    phase,
                    unit,
                    sheet,
                    criterion,
                });
            }
            Some(node) if !node.is_leaf() => {
                let (phase, unit, sheet, criterion) = err(id);
                return Err(EngineError::NotALeaf {
                    phase,
                    unit,
                    sheet,
                    criterion,
                });
            }
            Some(_) => {}
        }
    }
    let mut values = vec![Decimal::ZERO; plan.nodes.len()];
    for (node, slot) in plan.nodes.iter().zip(values.iter_mut()) {
        if !node.is_leaf() {
            continue;
        }
        let Some(score) = sheet.get(&node.id) else {
            let (phase, unit, sheet, criterion) = err(&node.id);
            return Err(EngineError::MissingScore {
                phase,
                unit,
                sheet,
                criterion,
            });
        };
        *slot = match leaf_value(node, *score) {
            Ok(v) => v,
            Err(LeafError::Overflow) => return Err(at.overflow(Overflow)),
            Err(LeafError::NotProportional) => {
                let (phase, unit, sheet, criterion) = err(&node.id);
                return Err(EngineError::ActualNotProportional {
                    phase,
                    unit,
                    sheet,
                    criterion,
                });
            }
            Err(LeafError::OutOfRange(value)) => {
                let (phase, unit, sheet, criterion) = err(&node.id);
                return Err(EngineError::ValueOutOfRange {
                    phase,
                    unit,
                    sheet,
                    criterion,
                    value,
                });
            }
        };
    }
    plan.fill_parents(&mut values).map_err(|e| at.overflow(e))?;
    Ok(values)
}

/// Why one score could not be turned into points.
enum LeafError {
    Overflow,
    NotProportional,
    OutOfRange(Decimal),
}

impl From<Overflow> for LeafError {
    fn from(_: Overflow) -> Self {
        LeafError::Overflow
    }
}

/// The points of one score on one leaf: the rule applied to a single sheet.
fn leaf_value(node: &Node, score: Score) -> Result<Decimal, LeafError> {
    match (&node.rule, score) {
        (Some(Rule::Proportional { target }), Score::Actual(actual)) => {
            if actual < Decimal::ZERO {
                Err(LeafError::OutOfRange(actual))
            } else if actual >= *target {
                Ok(node.max)
            } else {
                // Multiply first: 0.1 × 3 / 0.3 is exactly 1.
                Ok(num::div(num::mul(actual, node.max)?, *target)?)
            }
        }
        (_, Score::Actual(_)) => Err(LeafError::NotProportional),
        (Some(Rule::Fixed), Score::Points(p)) => {
            if p.is_zero() || p == node.max {
                Ok(p)
            } else {
                Err(LeafError::OutOfRange(p))
            }
        }
        (_, Score::Points(p)) => {
            if p < Decimal::ZERO || p > node.max {
                Err(LeafError::OutOfRange(p))
            } else {
                Ok(p)
            }
        }
    }
}
