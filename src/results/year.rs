//! The year result from the phases (`year_from`, FORMAT.md §11).

use std::collections::BTreeSet;

use rust_decimal::{Decimal, RoundingStrategy};

use super::aggregate::At;
use super::error::EngineError;
use super::model::{PhaseInput, UnrankedStatus, YearFrom};
use super::num::{self, Calc, DIVISION_DP};
use super::plan::Plan;
use super::totals::{Figures, Outcome};

/// The phase id used in errors about the year table itself.
pub(crate) const YEAR: &str = "year";

/// How phase figures are combined.
enum Combine {
    Last,
    Mean,
    Weighted(Vec<Decimal>),
}

/// The outcome of every year member, in the year's member order.
pub(crate) fn year_outcomes(
    plan: &Plan<'_>,
    members: &[String],
    phases: &[(&PhaseInput, Vec<(String, Outcome)>)],
) -> Result<Vec<(String, Outcome)>, EngineError> {
    let mut ids = BTreeSet::new();
    for (phase, _) in phases {
        if !ids.insert(phase.id.as_str()) {
            return Err(EngineError::DuplicatePhase {
                phase: phase.id.clone(),
            });
        }
    }
    let mut seen = BTreeSet::new();
    for unit in members {
        if !seen.insert(unit.as_str()) {
            return Err(EngineError::DuplicateMember {
                phase: YEAR.to_owned(),
                unit: unit.clone(),
            });
        }
    }
    for (phase, _) in phases {
        if let Some(unit) = phase.members.iter().find(|u| !seen.contains(u.as_str())) {
            return Err(EngineError::NotAYearMember {
                phase: phase.id.clone(),
                unit: unit.clone(),
            });
        }
    }
    let combine = combine_mode(&plan.scheme.aggregation.year_from, phases)?;
    let known = &plan.scheme.disqualifiers;
    members
        .iter()
        .map(|unit| {
            let per_phase: Vec<Option<&Outcome>> = phases
                .iter()
                .map(|(_, outcomes)| outcomes.iter().find(|(u, _)| u == unit).map(|(_, o)| o))
                .collect();
            let at = At { phase: YEAR, unit };
            Ok((unit.clone(), unit_outcome(&combine, known, at, &per_phase)?))
        })
        .collect()
}

/// Checks the phases and weights and says how to combine.
fn combine_mode(
    year_from: &YearFrom,
    phases: &[(&PhaseInput, Vec<(String, Outcome)>)],
) -> Result<Combine, EngineError> {
    if phases.is_empty() {
        return Err(EngineError::NoPhases);
    }
    let weights = match year_from {
        YearFrom::LastPhase => return Ok(Combine::Last),
        YearFrom::MeanOfPhases => return Ok(Combine::Mean),
        YearFrom::Weighted(weights) => weights,
    };
    let mut used = BTreeSet::new();
    for (id, weight) in weights {
        if !phases.iter().any(|(p, _)| &p.id == id) || !used.insert(id.as_str()) {
            return Err(EngineError::UnknownWeightPhase { phase: id.clone() });
        }
        if *weight < Decimal::ZERO {
            return Err(EngineError::NegativeWeight { phase: id.clone() });
        }
    }
    let mut aligned = Vec::with_capacity(phases.len());
    for (phase, _) in phases {
        match weights.iter().find(|(id, _)| id == &phase.id) {
            Some((_, w)) => aligned.push(*w),
            None => {
                return Err(EngineError::MissingWeight {
                    phase: phase.id.clone(),
                });
            }
        }
    }
    let total = num::sum(aligned.iter().copied()).unwrap_or(Decimal::MAX);
    if total != Decimal::ONE {
        return Err(EngineError::WeightsNotOne { sum: total });
    }
    Ok(Combine::Weighted(aligned))
}

/// One unit's year outcome from its phase outcomes (`None`: not in that phase's table).
fn unit_outcome(
    combine: &Combine,
    known: &[String],
    at: At<'_>,
    per_phase: &[Option<&Outcome>],
) -> Result<Outcome, EngineError> {
    // The latest phase where the unit is unranked or absent decides its status.
    let mut problem: Option<Outcome> = None;
    let mut figures: Vec<&Figures> = Vec::new();
    let mut note = None;
    let mut seen_before = false;
    let last = per_phase.len().saturating_sub(1);
    for (i, outcome) in per_phase.iter().enumerate() {
        let counts = !matches!(combine, Combine::Last) || i == last;
        match outcome {
            Some(Outcome::Scored {
                figures: f,
                note: n,
            }) => {
                figures.push(f);
                note.clone_from(n);
                seen_before = true;
            }
            Some(unranked @ Outcome::Unranked { .. }) => {
                seen_before = true;
                if counts {
                    problem = Some((*unranked).clone());
                }
            }
            None if counts => {
                let status = if seen_before {
                    UnrankedStatus::Withdrawn
                } else {
                    UnrankedStatus::NotSubmitted
                };
                problem = Some(Outcome::Unranked { status, note: None });
            }
            None => {}
        }
    }
    if let Some(problem) = problem {
        return Ok(problem);
    }
    let disqualified = union_disqualified(known, &figures);
    let combined = match combine {
        Combine::Last => figures.last().map(|f| (*f).clone()),
        Combine::Mean => Some(combine_figures(&figures, None).map_err(|e| at.overflow(e))?),
        Combine::Weighted(w) => {
            Some(combine_figures(&figures, Some(w)).map_err(|e| at.overflow(e))?)
        }
    };
    Ok(match combined {
        Some(mut figures) => {
            figures.disqualified = disqualified;
            Outcome::Scored { figures, note }
        }
        None => Outcome::Unranked {
            status: UnrankedStatus::NotSubmitted,
            note: None,
        },
    })
}

/// Disqualifiers met in any phase, without repeats, in scheme order.
fn union_disqualified(known: &[String], figures: &[&Figures]) -> Vec<String> {
    known
        .iter()
        .filter(|k| figures.iter().any(|f| f.disqualified.contains(k)))
        .cloned()
        .collect()
}

/// The mean (no weights) or weighted sum of the phase figures, figure by figure.
fn combine_figures(
    figures: &[&Figures],
    weights: Option<&[Decimal]>,
) -> Result<Figures, num::Overflow> {
    let pick = |f: fn(&Figures) -> Decimal| -> Calc {
        let values: Vec<Decimal> = figures.iter().map(|x| f(x)).collect();
        combine_values(&values, weights)
    };
    let optional = |f: fn(&Figures) -> Option<Decimal>| -> Result<Option<Decimal>, num::Overflow> {
        let values: Option<Vec<Decimal>> = figures.iter().map(|x| f(x)).collect();
        values.map(|v| combine_values(&v, weights)).transpose()
    };
    let width = figures.first().map_or(0, |f| f.criteria.len());
    let mut criteria = Vec::with_capacity(width);
    for i in 0..width {
        let values: Vec<Decimal> = figures
            .iter()
            .map(|f| f.criteria.get(i).copied().unwrap_or_default())
            .collect();
        criteria.push(combine_values(&values, weights)?);
    }
    Ok(Figures {
        criteria,
        self_total: optional(|f| f.self_total)?,
        assessed_total: optional(|f| f.assessed_total)?,
        bonus: pick(|f| f.bonus)?,
        penalty: pick(|f| f.penalty)?,
        penalty_count: pick(|f| f.penalty_count)?,
        exact_total: pick(|f| f.exact_total)?,
        disqualified: Vec::new(),
    })
}

/// The mean, or the weighted sum carried to 20 places.
fn combine_values(values: &[Decimal], weights: Option<&[Decimal]>) -> Calc {
    match weights {
        None => num::mean(values),
        Some(weights) => {
            let mut total = Decimal::ZERO;
            for (v, w) in values.iter().zip(weights) {
                total = num::add(total, num::mul(*v, *w)?)?;
            }
            Ok(total.round_dp_with_strategy(DIVISION_DP, RoundingStrategy::MidpointAwayFromZero))
        }
    }
}
