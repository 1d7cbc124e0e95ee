//! Input types of the scoring engine: the scheme, one phase's scores, the votes.
//!
//! The `data` module fills these from validated YAML (FORMAT.md §6–§8); the engine
//! never reads files.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

/// A scoring scheme (Biểu chấm điểm), FORMAT.md §6.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheme {
    /// The scheme id, e.g. `cdvc-2024`.
    pub id: String,
    /// Base points of the scheme (100 or 1000); bonus may push a total above it.
    pub total_max: Decimal,
    /// Decimal places of the published total.
    pub decimals: u32,
    /// The criteria tree, top-level sections first.
    pub criteria: Vec<Criterion>,
    /// Bonus items and the overall bonus cap.
    pub bonus: BonusRules,
    /// Penalty items.
    pub penalties: Vec<PenaltyItem>,
    /// Ids of the disqualifiers (điểm liệt).
    pub disqualifiers: Vec<String>,
    /// How sheets become criterion values, and phases a year figure.
    pub aggregation: Aggregation,
    /// Tie-break keys, applied in order after the rounded total.
    pub tie_break: Vec<TieBreakKey>,
    /// Classification bands (xếp loại), highest first.
    pub classification: Vec<Band>,
    /// Award eligibility rules, taken in order.
    pub award_rules: Vec<AwardRule>,
}

/// One criterion of the tree; only leaves are scored, a parent is the sum of its children.
#[derive(Clone, Debug, PartialEq)]
pub struct Criterion {
    /// The criterion id, e.g. `II.2`.
    pub id: String,
    /// Maximum points.
    pub max: Decimal,
    /// How a leaf is scored; `None` on a leaf means plain points from 0 to `max`.
    pub rule: Option<Rule>,
    /// Sub-criteria; empty for a leaf.
    pub children: Vec<Criterion>,
}

impl Criterion {
    /// The scored (leaf) criteria under `criteria`, in scheme order.
    pub fn leaves(criteria: &[Criterion]) -> Vec<&Criterion> {
        let mut out = Vec::new();
        for k in criteria {
            if k.children.is_empty() {
                out.push(k);
            } else {
                out.extend(Criterion::leaves(&k.children));
            }
        }
        out
    }
}

/// How a leaf criterion is scored.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// Any value from 0 to `max` in steps of `step` (the step is checked by `data`).
    Scale {
        /// The step, e.g. 0.5.
        step: Decimal,
    },
    /// 0 or `max`.
    Fixed,
    /// min(actual / target, 1) × max, applied per sheet; may also be typed as points.
    Proportional {
        /// The target ratio, e.g. 0.85.
        target: Decimal,
    },
}

/// Bonus items and the cap on their sum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BonusRules {
    /// Cap on the bonus total, in points.
    pub cap: Option<Decimal>,
    /// The bonus items.
    pub items: Vec<BonusItem>,
}

/// One bonus item: `points` per occurrence, at most `cap` points.
#[derive(Clone, Debug, PartialEq)]
pub struct BonusItem {
    /// The item id, e.g. `B1`.
    pub id: String,
    /// Points per occurrence.
    pub points: Decimal,
    /// Cap on this item, in points.
    pub cap: Option<Decimal>,
}

/// One penalty item; `points` is negative as written in the scheme (its magnitude is used).
#[derive(Clone, Debug, PartialEq)]
pub struct PenaltyItem {
    /// The item id, e.g. `P1`.
    pub id: String,
    /// Points per occurrence, usually negative.
    pub points: Decimal,
}

/// The `aggregation` block of a scheme.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregation {
    /// Who produces the assessed figure.
    pub assessed_by: AssessedBy,
    /// Where the final criteria come from.
    pub final_from: FinalFrom,
    /// How the phases make the year result.
    pub year_from: YearFrom,
}

/// `assessed_by`: how assessors' sheets are combined per criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessedBy {
    /// Only self-assessment; assessed sheets are not allowed.
    SelfOnly,
    /// Mean of the panel's sheets.
    Panel,
    /// Mean of every other member's sheet present.
    CrossMean,
    /// Per criterion, the mean after dropping one highest and one lowest value.
    CrossMeanTrimmed,
}

/// `final_from`: what happens when nobody assessed a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinalFrom {
    /// The assessed figure is required; without it the unit is not submitted.
    Assessed,
    /// Without an assessment the self scores are used.
    SelfIfNoAssessment,
}

/// `year_from`: how the phases make the year result.
#[derive(Clone, Debug, PartialEq)]
pub enum YearFrom {
    /// The last phase's result (phases are cumulative).
    LastPhase,
    /// The mean of the phases' figures.
    MeanOfPhases,
    /// A weighted sum of the phases' figures; weights sum to 1.
    Weighted(Vec<(String, Decimal)>),
}

/// One tie-break key of `ranking.tie_break`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TieBreakKey {
    /// `criterion:<id>`: the criterion's value, higher first.
    Criterion(String),
    /// `bonus_total`: the bonus total, higher first.
    BonusTotal,
    /// `fewer_penalties`: the number of penalty occurrences, fewer first.
    FewerPenalties,
    /// `vote`: ballots `for` in the outcomes, more first.
    Vote,
}

/// A classification band: a total of at least `min` gets `label`.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// The label, e.g. `Xuất sắc`.
    pub label: String,
    /// The lowest total in the band.
    pub min: Decimal,
}

/// An award rule: who may be proposed for `award`.
#[derive(Clone, Debug, PartialEq)]
pub struct AwardRule {
    /// The award id from `data/awards.yaml`.
    pub award: String,
    /// How many units at most (a tied group at the edge is taken whole).
    pub quota: Option<u32>,
    /// The rank a unit must have at most.
    pub rank_at_most: Option<u32>,
    /// The rounded total a unit must have at least.
    pub min_total: Option<Decimal>,
}

/// One criterion's score on one sheet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Score {
    /// Points as typed.
    Points(Decimal),
    /// The measured ratio of a `proportional` criterion.
    Actual(Decimal),
}

/// One sheet: a score for each leaf criterion, keyed by criterion id.
pub type Sheet = BTreeMap<String, Score>;

/// Ballots `for` each unit in the outcomes' vote.
pub type Votes = BTreeMap<String, u32>;

/// One phase's scores: its table's members and their entries.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseInput {
    /// The phase id, e.g. `dot2` (or `ca-nam`).
    pub id: String,
    /// The units in this phase's table, in official order.
    pub members: Vec<String>,
    /// Each unit's entry; a member without one is not submitted.
    pub entries: BTreeMap<String, UnitEntry>,
}

/// One unit's entry in a phase.
#[derive(Clone, Debug, PartialEq)]
pub enum UnitEntry {
    /// Shown, never ranked.
    Unranked {
        /// Why the unit is not ranked.
        status: UnrankedStatus,
        /// The scores file's note.
        note: Option<String>,
    },
    /// Scored: sheets, bonus, penalties, disqualifiers.
    Scored(ScoredEntry),
}

/// Why a unit is not ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnrankedStatus {
    /// Left the cluster or withdrew.
    Withdrawn,
    /// Nothing (usable) was submitted.
    NotSubmitted,
    /// Some criteria are missing.
    Partial,
}

/// The scores of a unit that is to be ranked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoredEntry {
    /// The unit's own sheet (tự chấm).
    pub self_sheet: Option<Sheet>,
    /// One sheet per assessor unit (chấm chéo / thẩm định).
    pub assessed: Vec<(String, Sheet)>,
    /// Bonus item ids with their counts.
    pub bonus: Vec<(String, u32)>,
    /// Penalty item ids with their counts.
    pub penalties: Vec<(String, u32)>,
    /// Disqualifier ids that apply.
    pub disqualified: Vec<String>,
    /// The scores file's note.
    pub note: Option<String>,
}

/// The phases of a cluster-year and the year's members in official order.
#[derive(Clone, Debug, PartialEq)]
pub struct YearInput {
    /// Every member of the cluster-year, in official order.
    pub members: Vec<String>,
    /// The phases in chronological order.
    pub phases: Vec<PhaseInput>,
}
