//! Output types of the scoring engine: a ranking table and its rows (FORMAT.md §10).

use rust_decimal::Decimal;

use super::model::{TieBreakKey, UnrankedStatus};

/// Which table a ranking is: one phase or the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhaseKey {
    /// The result of one phase, by phase id.
    Phase(String),
    /// The result of the year.
    Year,
}

/// A results table: rows in output order (ranked by rank then member order, then unranked in member order).
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// Which table this is.
    pub phase: PhaseKey,
    /// The rows in output order.
    pub rows: Vec<ResultRow>,
}

/// The result of a cluster-year: each phase's table and the year's.
#[derive(Clone, Debug, PartialEq)]
pub struct YearResult {
    /// One ranking per phase, in phase order.
    pub phases: Vec<Ranking>,
    /// The year ranking.
    pub year: Ranking,
}

/// A row's status (`status` in ket-qua.json).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    /// Scored and ranked.
    Ranked,
    /// Withdrawn: shown, never ranked.
    Withdrawn,
    /// Not submitted: shown, never ranked.
    NotSubmitted,
    /// Partial: shown, never ranked.
    Partial,
}

impl From<UnrankedStatus> for RowStatus {
    fn from(status: UnrankedStatus) -> Self {
        match status {
            UnrankedStatus::Withdrawn => RowStatus::Withdrawn,
            UnrankedStatus::NotSubmitted => RowStatus::NotSubmitted,
            UnrankedStatus::Partial => RowStatus::Partial,
        }
    }
}

/// One row of a results table; in unranked rows every numeric field is `None` and `criteria` is empty.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultRow {
    /// The unit id.
    pub unit: String,
    /// Ranked or why not.
    pub status: RowStatus,
    /// The scores file's note.
    pub note: Option<String>,
    /// Every criterion (parents included) in scheme order, exact and unrounded.
    pub criteria: Vec<(String, Decimal)>,
    /// Sum of the self sheet, exact; `None` without a self sheet.
    pub self_total: Option<Decimal>,
    /// Sum of the aggregated assessors' criteria, exact; `None` when the criteria are self scores.
    pub assessed_total: Option<Decimal>,
    /// Bonus after the item caps and the bonus cap, exact.
    pub bonus: Option<Decimal>,
    /// Penalty points subtracted (non-negative), exact.
    pub penalty: Option<Decimal>,
    /// Number of penalty occurrences (the `fewer_penalties` key; a mean in a combined year).
    pub penalty_count: Option<Decimal>,
    /// The published total, rounded half away from zero to the scheme's `decimals`.
    pub total: Option<Decimal>,
    /// The total before rounding.
    pub exact_total: Option<Decimal>,
    /// The computed rank (1, 2, 2, 4).
    pub rank: Option<u32>,
    /// The key that put this row's rank group below the previous group at an equal
    /// published total (the same for every row of a shared rank).
    pub tie_note: Option<TieBreakKey>,
    /// Whether another row has the same rank.
    pub shared: bool,
    /// The classification band's label.
    pub classification: Option<String>,
    /// Disqualifier ids that apply, in scheme order.
    pub disqualified: Vec<String>,
    /// Award ids the unit is eligible for (at most one).
    pub eligible: Vec<String>,
}

impl ResultRow {
    /// An unranked row: every numeric field empty.
    pub(crate) fn unranked(unit: &str, status: UnrankedStatus, note: Option<String>) -> Self {
        ResultRow {
            unit: unit.to_owned(),
            status: status.into(),
            note,
            criteria: Vec::new(),
            self_total: None,
            assessed_total: None,
            bonus: None,
            penalty: None,
            penalty_count: None,
            total: None,
            exact_total: None,
            rank: None,
            tie_note: None,
            shared: false,
            classification: None,
            disqualified: Vec::new(),
            eligible: Vec::new(),
        }
    }
}
