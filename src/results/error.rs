//! Errors of the scoring engine: input that validation should have caught, named
//! precisely. Their text is in the message catalogue, like every other sentence.

use std::fmt;

use rust_decimal::Decimal;

use crate::messages::Msg;
use crate::t;

/// Whose sheet a score comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetOwner {
    /// The unit's own sheet.
    SelfSheet,
    /// An assessor's sheet, by assessor unit id.
    Assessor(String),
}

impl fmt::Display for SheetOwner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            SheetOwner::SelfSheet => t!(Msg::EngineSelfSheet),
            SheetOwner::Assessor(unit) => t!(Msg::EngineAssessorSheet, unit = unit),
        };
        f.write_str(&text)
    }
}

/// Why the engine refused its input; each variant names the scheme item, phase and unit concerned.
#[allow(missing_docs)] // the fields are named for what they hold: phase id, unit id, criterion id, …
#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    /// Two criteria of the scheme share an id.
    DuplicateCriterion { criterion: String },
    /// A `proportional` criterion whose target is not positive.
    BadTarget { criterion: String },
    /// A tie-break key names a criterion the scheme does not have.
    UnknownTieBreakCriterion { criterion: String },
    /// A unit is listed twice among a table's members.
    DuplicateMember { phase: String, unit: String },
    /// An entry for a unit that is not a member of the phase's table.
    NotAMember { phase: String, unit: String },
    /// A sheet names a criterion the scheme does not have.
    UnknownCriterion {
        phase: String,
        unit: String,
        sheet: SheetOwner,
        criterion: String,
    },
    /// A sheet scores a parent criterion; only leaves are scored.
    NotALeaf {
        phase: String,
        unit: String,
        sheet: SheetOwner,
        criterion: String,
    },
    /// A sheet lacks a leaf criterion (the unit should be marked `partial`).
    MissingScore {
        phase: String,
        unit: String,
        sheet: SheetOwner,
        criterion: String,
    },
    /// An `actual` value on a criterion that is not `proportional`.
    ActualNotProportional {
        phase: String,
        unit: String,
        sheet: SheetOwner,
        criterion: String,
    },
    /// A value below 0 or above the criterion's max (or not 0/max for `fixed`).
    ValueOutOfRange {
        phase: String,
        unit: String,
        sheet: SheetOwner,
        criterion: String,
        value: Decimal,
    },
    /// A unit's own sheet among its assessors.
    OwnSheetAssessed { phase: String, unit: String },
    /// The same assessor twice for one unit.
    DuplicateAssessor {
        phase: String,
        unit: String,
        assessor: String,
    },
    /// Under `cross_mean(_trimmed)`, an assessor that is not a member of the phase.
    AssessorNotMember {
        phase: String,
        unit: String,
        assessor: String,
    },
    /// `cross_mean_trimmed` with 1 or 2 assessors.
    TooFewAssessors {
        phase: String,
        unit: String,
        count: usize,
    },
    /// Assessed sheets under `assessed_by: self_only`.
    AssessedUnderSelfOnly { phase: String, unit: String },
    /// A bonus item id the scheme does not have.
    UnknownBonusItem {
        phase: String,
        unit: String,
        item: String,
    },
    /// A penalty item id the scheme does not have.
    UnknownPenaltyItem {
        phase: String,
        unit: String,
        item: String,
    },
    /// A disqualifier id the scheme does not have.
    UnknownDisqualifier {
        phase: String,
        unit: String,
        disqualifier: String,
    },
    /// A figure too large for exact decimal arithmetic.
    Overflow { phase: String, unit: String },
    /// A year without phases.
    NoPhases,
    /// Two phases share an id.
    DuplicatePhase { phase: String },
    /// A unit in a phase's table that is not a member of the year.
    NotAYearMember { phase: String, unit: String },
    /// `weighted` without a weight for a phase.
    MissingWeight { phase: String },
    /// `weighted` names a phase the year does not have (or twice).
    UnknownWeightPhase { phase: String },
    /// A negative weight.
    NegativeWeight { phase: String },
    /// Weights that do not sum to exactly 1.
    WeightsNotOne { sum: Decimal },
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use EngineError as E;
        let text = match self {
            E::DuplicateCriterion { criterion } => {
                t!(Msg::EngineDuplicateCriterion, criterion = criterion)
            }
            E::BadTarget { criterion } => t!(Msg::EngineBadTarget, criterion = criterion),
            E::UnknownTieBreakCriterion { criterion } => {
                t!(Msg::EngineUnknownTieBreakCriterion, criterion = criterion)
            }
            E::DuplicateMember { phase, unit } => {
                t!(Msg::EngineDuplicateMember, phase = phase, unit = unit)
            }
            E::NotAMember { phase, unit } => t!(Msg::EngineNotAMember, phase = phase, unit = unit),
            E::UnknownCriterion {
                phase,
                unit,
                sheet,
                criterion,
            } => t!(
                Msg::EngineUnknownCriterion,
                phase = phase,
                unit = unit,
                sheet = sheet,
                criterion = criterion
            ),
            E::NotALeaf {
                phase,
                unit,
                sheet,
                criterion,
            } => t!(
                Msg::EngineNotALeaf,
                phase = phase,
                unit = unit,
                sheet = sheet,
                criterion = criterion
            ),
            E::MissingScore {
                phase,
                unit,
                sheet,
                criterion,
            } => t!(
                Msg::EngineMissingScore,
                phase = phase,
                unit = unit,
                sheet = sheet,
                criterion = criterion
            ),
            E::ActualNotProportional {
                phase,
                unit,
                sheet,
                criterion,
            } => t!(
                Msg::EngineActualNotProportional,
                phase = phase,
                unit = unit,
                sheet = sheet,
                criterion = criterion
            ),
            E::ValueOutOfRange {
                phase,
                unit,
                sheet,
                criterion,
                value,
            } => t!(
                Msg::EngineValueOutOfRange,
                phase = phase,
                unit = unit,
                sheet = sheet,
                criterion = criterion,
                value = value
            ),
            E::OwnSheetAssessed { phase, unit } => {
                t!(Msg::EngineOwnSheetAssessed, phase = phase, unit = unit)
            }
            E::DuplicateAssessor {
                phase,
                unit,
                assessor,
            } => t!(
                Msg::EngineDuplicateAssessor,
                phase = phase,
                unit = unit,
                assessor = assessor
            ),
            E::AssessorNotMember {
                phase,
                unit,
                assessor,
            } => t!(
                Msg::EngineAssessorNotMember,
                phase = phase,
                unit = unit,
                assessor = assessor
            ),
            E::TooFewAssessors { phase, unit, count } => t!(
                Msg::EngineTooFewAssessors,
                phase = phase,
                unit = unit,
                count = count
            ),
            E::AssessedUnderSelfOnly { phase, unit } => {
                t!(Msg::EngineAssessedUnderSelfOnly, phase = phase, unit = unit)
            }
            E::UnknownBonusItem { phase, unit, item } => t!(
                Msg::EngineUnknownBonusItem,
                phase = phase,
                unit = unit,
                item = item
            ),
            E::UnknownPenaltyItem { phase, unit, item } => t!(
                Msg::EngineUnknownPenaltyItem,
                phase = phase,
                unit = unit,
                item = item
            ),
            E::UnknownDisqualifier {
                phase,
                unit,
                disqualifier,
            } => t!(
                Msg::EngineUnknownDisqualifier,
                phase = phase,
                unit = unit,
                disqualifier = disqualifier
            ),
            E::Overflow { phase, unit } => t!(Msg::EngineOverflow, phase = phase, unit = unit),
            E::NoPhases => t!(Msg::EngineNoPhases),
            E::DuplicatePhase { phase } => t!(Msg::EngineDuplicatePhase, phase = phase),
            E::NotAYearMember { phase, unit } => {
                t!(Msg::EngineNotAYearMember, phase = phase, unit = unit)
            }
            E::MissingWeight { phase } => t!(Msg::EngineMissingWeight, phase = phase),
            E::UnknownWeightPhase { phase } => t!(Msg::EngineUnknownWeightPhase, phase = phase),
            E::NegativeWeight { phase } => t!(Msg::EngineNegativeWeight, phase = phase),
            E::WeightsNotOne { sum } => t!(Msg::EngineWeightsNotOne, sum = sum),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for EngineError {}
