//! The scoring engine: from a scheme and the scores of a cluster-year to ranked
//! results tables (FORMAT.md §6–§8, §10, §11). Pure: no I/O, exact decimals only.
//!
//! The pipeline, per phase: each member's sheets are aggregated into criterion
//! values (`aggregate`), bonus and penalty give the exact total (`totals`), the
//! total is rounded once and ranked with the tie-break chain (`rank`), then
//! classified and checked for awards (`classify`). The year result combines the
//! phases (`year`) and is ranked the same way.
//!
//! Decisions where FORMAT.md leaves room (each has a test):
//! - Divisions (means, `proportional`, weights) are carried to 20 places, half away
//!   from zero; `proportional` multiplies before it divides (actual × max / target).
//!   Means sum their values in ascending order, so assessor order never matters.
//! - Comparisons (tie-break keys) and the final rounding first settle a value to
//!   16 places, so division residue never decides a tie or tips a total that truly
//!   ends on a midpoint. "Half up" is half away from zero for negative totals.
//! - Ranks compare the published (rounded) total (§11, over §7's "exact totals").
//! - `fewer_penalties` counts occurrences (sum of `count`); in a combined year it is
//!   the mean or weighted sum of the phase counts, like every other figure.
//! - `vote` uses the year's ballots in every table, phases included.
//! - A unit's own sheet among its assessors is an error in every mode, not only
//!   `cross_mean`; under `cross_mean(_trimmed)` an assessor must be a member of the
//!   phase. 1 or 2 assessors under `cross_mean_trimmed` is an error; none is "no
//!   assessment". Assessed sheets under `self_only` are an error.
//! - No usable criteria (no self sheet when self-based, no assessment under
//!   `final_from: assessed`) makes the unit `not_submitted`.
//! - A bonus or penalty item listed twice has its counts added before the item cap.
//! - `rank_at_most` compares the computed rank, disqualified units included: a
//!   disqualified rank 1 leaves `rank_at_most: 1` without a unit.
//! - Year: a unit missing from a phase's table counts as `withdrawn` if it was in an
//!   earlier phase, else `not_submitted` (it joined later); under `last_phase` only
//!   the last phase matters. Several unranked phases: the latest one's status and
//!   note. `self`/`assessed` of the year are `None` if `None` in any combined phase.
//!   Disqualifiers of every phase carry into the year (all modes).
//! - Classification takes the band with the highest `min` not above the total.

mod aggregate;
mod classify;
mod error;
mod model;
mod num;
mod output;
mod plan;
mod rank;
mod totals;
mod year;

#[cfg(test)]
mod tests;

pub use error::{EngineError, SheetOwner};
pub use model::{
    Aggregation, AssessedBy, AwardRule, Band, BonusItem, BonusRules, Criterion, FinalFrom,
    PenaltyItem, PhaseInput, Rule, Scheme, Score, ScoredEntry, Sheet, TieBreakKey, UnitEntry,
    UnrankedStatus, Votes, YearFrom, YearInput,
};
pub use output::{PhaseKey, Ranking, ResultRow, RowStatus, YearResult};

/// Rounds a figure for display exactly as the total is published: half away from
/// zero to `decimals` places, written with that many places, never negative zero.
pub fn round_for_display(value: rust_decimal::Decimal, decimals: u32) -> rust_decimal::Decimal {
    num::round_total(value, decimals)
}

/// Ranks one phase: every member of `phase` gets a row.
pub fn rank_phase(
    scheme: &Scheme,
    phase: &PhaseInput,
    votes: &Votes,
) -> Result<Ranking, EngineError> {
    let plan = plan::Plan::new(scheme)?;
    let outcomes = totals::phase_outcomes(&plan, phase)?;
    Ok(rank::build_ranking(
        &plan,
        PhaseKey::Phase(phase.id.clone()),
        outcomes,
        votes,
    ))
}

/// Ranks every phase of a cluster-year, then the year by the scheme's `year_from`.
pub fn rank_year(
    scheme: &Scheme,
    input: &YearInput,
    votes: &Votes,
) -> Result<YearResult, EngineError> {
    let plan = plan::Plan::new(scheme)?;
    let mut per_phase = Vec::with_capacity(input.phases.len());
    for phase in &input.phases {
        per_phase.push((phase, totals::phase_outcomes(&plan, phase)?));
    }
    let year_outcomes = year::year_outcomes(&plan, &input.members, &per_phase)?;
    let phases = per_phase
        .into_iter()
        .map(|(phase, outcomes)| {
            rank::build_ranking(&plan, PhaseKey::Phase(phase.id.clone()), outcomes, votes)
        })
        .collect();
    let year = rank::build_ranking(&plan, PhaseKey::Year, year_outcomes, votes);
    Ok(YearResult { phases, year })
}
