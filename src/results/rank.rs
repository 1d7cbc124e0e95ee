//! Ranking: published total, then the tie-break chain, then shared ranks (1, 2, 2, 4).

use std::cmp::Ordering;

use super::classify;
use super::model::{TieBreakKey, Votes};
use super::num;
use super::output::{PhaseKey, Ranking, ResultRow, RowStatus};
use super::plan::{Key, Plan};
use super::totals::{Figures, Outcome};

/// A ranked unit while it is being placed.
struct Candidate {
    position: usize,
    unit: String,
    note: Option<String>,
    figures: Figures,
    total: rust_decimal::Decimal,
    votes: u32,
}

/// Builds a table from the members' outcomes (in member order).
pub(crate) fn build_ranking(
    plan: &Plan<'_>,
    phase: PhaseKey,
    outcomes: Vec<(String, Outcome)>,
    votes: &Votes,
) -> Ranking {
    let decimals = plan.scheme.decimals;
    let mut candidates = Vec::new();
    let mut unranked = Vec::new();
    for (position, (unit, outcome)) in outcomes.into_iter().enumerate() {
        match outcome {
            Outcome::Unranked { status, note } => {
                unranked.push(ResultRow::unranked(&unit, status, note));
            }
            Outcome::Scored { figures, note } => {
                candidates.push(Candidate {
                    position,
                    total: num::round_total(figures.exact_total, decimals),
                    votes: votes.get(&unit).copied().unwrap_or(0),
                    unit,
                    note,
                    figures,
                });
            }
        }
    }
    candidates.sort_by(|a, b| compare(plan, a, b).0.then(a.position.cmp(&b.position)));

    let mut rows: Vec<ResultRow> = Vec::with_capacity(candidates.len() + unranked.len());
    // Units sharing a rank share its note too: the key that put the group
    // below the previous one, so the note never depends on member order.
    let mut previous: Option<(&Candidate, u32, Option<TieBreakKey>)> = None;
    for (i, candidate) in candidates.iter().enumerate() {
        let place = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let (rank, tie_note) = match previous {
            None => (place, None),
            Some((prev, prev_rank, prev_note)) => match compare(plan, prev, candidate) {
                (Ordering::Equal, _) => (prev_rank, prev_note),
                (_, key) => (place, key.cloned()),
            },
        };
        previous = Some((candidate, rank, tie_note.clone()));
        rows.push(row(plan, candidate, rank, tie_note));
    }
    for i in 0..rows.len() {
        let rank = rows.get(i).and_then(|r| r.rank);
        let before = i
            .checked_sub(1)
            .and_then(|j| rows.get(j))
            .and_then(|r| r.rank);
        let after = rows.get(i + 1).and_then(|r| r.rank);
        if let Some(row) = rows.get_mut(i) {
            row.shared = rank.is_some() && (rank == before || rank == after);
        }
    }
    classify::assign_awards(&plan.scheme.award_rules, &mut rows);
    rows.extend(unranked);
    Ranking { phase, rows }
}

/// Orders two candidates (`Less`: `a` ahead) and names the tie-break key that decided,
/// `None` when the published totals differ or nothing does.
fn compare<'p>(
    plan: &'p Plan<'_>,
    a: &Candidate,
    b: &Candidate,
) -> (Ordering, Option<&'p TieBreakKey>) {
    let by_total = b.total.cmp(&a.total);
    if by_total != Ordering::Equal {
        return (by_total, None);
    }
    for (key, written) in &plan.keys {
        let (fa, fb) = (&a.figures, &b.figures);
        let ordering = match key {
            Key::Criterion(at) => {
                let va = fa.criteria.get(*at).copied().unwrap_or_default();
                let vb = fb.criteria.get(*at).copied().unwrap_or_default();
                num::cmp_exact(vb, va)
            }
            Key::BonusTotal => num::cmp_exact(fb.bonus, fa.bonus),
            Key::FewerPenalties => num::cmp_exact(fa.penalty_count, fb.penalty_count),
            Key::Vote => b.votes.cmp(&a.votes),
        };
        if ordering != Ordering::Equal {
            return (ordering, Some(written));
        }
    }
    (Ordering::Equal, None)
}

/// The row of a ranked candidate (awards are assigned afterwards).
fn row(
    plan: &Plan<'_>,
    candidate: &Candidate,
    rank: u32,
    tie_note: Option<TieBreakKey>,
) -> ResultRow {
    let figures = &candidate.figures;
    ResultRow {
        unit: candidate.unit.clone(),
        status: RowStatus::Ranked,
        note: candidate.note.clone(),
        criteria: plan.labelled(&figures.criteria),
        self_total: figures.self_total,
        assessed_total: figures.assessed_total,
        bonus: Some(figures.bonus),
        penalty: Some(figures.penalty),
        penalty_count: Some(figures.penalty_count),
        total: Some(candidate.total),
        exact_total: Some(figures.exact_total),
        rank: Some(rank),
        tie_note,
        shared: false,
        classification: classify::classification(&plan.scheme.classification, candidate.total),
        disqualified: figures.disqualified.clone(),
        eligible: Vec::new(),
    }
}
