//! Errors of the scoring engine: input that validation should have caught, named precisely.

use std::fmt;

use rust_decimal::Decimal;

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
        match self {
            SheetOwner::SelfSheet => write!(f, "phiếu tự chấm"),
            SheetOwner::Assessor(unit) => write!(f, "phiếu chấm của {unit}"),
        }
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
        match self {
            E::DuplicateCriterion { criterion } => {
                write!(f, "biểu chấm điểm có hai tiêu chí cùng mã {criterion}")
            }
            E::BadTarget { criterion } => {
                write!(f, "tiêu chí {criterion}: chỉ tiêu (target) phải lớn hơn 0")
            }
            E::UnknownTieBreakCriterion { criterion } => {
                write!(
                    f,
                    "tie_break nêu tiêu chí {criterion} không có trong biểu chấm điểm"
                )
            }
            E::DuplicateMember { phase, unit } => {
                write!(f, "{phase}: đơn vị {unit} có hai lần trong danh sách")
            }
            E::NotAMember { phase, unit } => {
                write!(
                    f,
                    "{phase}: {unit} không phải thành viên của Cụm trong đợt này"
                )
            }
            E::UnknownCriterion {
                phase,
                unit,
                sheet,
                criterion,
            } => {
                write!(f, "{phase}, {unit}, {sheet}: không có tiêu chí {criterion}")
            }
            E::NotALeaf {
                phase,
                unit,
                sheet,
                criterion,
            } => write!(
                f,
                "{phase}, {unit}, {sheet}: tiêu chí {criterion} là tổng của các tiêu chí con, không chấm trực tiếp"
            ),
            E::MissingScore {
                phase,
                unit,
                sheet,
                criterion,
            } => write!(
                f,
                "{phase}, {unit}, {sheet}: thiếu điểm tiêu chí {criterion} (đơn vị chưa chấm đủ cần ghi status: partial)"
            ),
            E::ActualNotProportional {
                phase,
                unit,
                sheet,
                criterion,
            } => write!(
                f,
                "{phase}, {unit}, {sheet}: tiêu chí {criterion} không tính theo tỷ lệ, không nhận actual"
            ),
            E::ValueOutOfRange {
                phase,
                unit,
                sheet,
                criterion,
                value,
            } => write!(
                f,
                "{phase}, {unit}, {sheet}: điểm {value} của tiêu chí {criterion} không hợp lệ"
            ),
            E::OwnSheetAssessed { phase, unit } => {
                write!(
                    f,
                    "{phase}: {unit} không được tự chấm mình trong phần assessed"
                )
            }
            E::DuplicateAssessor {
                phase,
                unit,
                assessor,
            } => {
                write!(f, "{phase}, {unit}: {assessor} chấm hai lần")
            }
            E::AssessorNotMember {
                phase,
                unit,
                assessor,
            } => write!(
                f,
                "{phase}, {unit}: đơn vị chấm {assessor} không phải thành viên của Cụm trong đợt này"
            ),
            E::TooFewAssessors { phase, unit, count } => write!(
                f,
                "{phase}, {unit}: cross_mean_trimmed cần ít nhất 3 đơn vị chấm, mới có {count}"
            ),
            E::AssessedUnderSelfOnly { phase, unit } => write!(
                f,
                "{phase}, {unit}: biểu chấm điểm chỉ dùng điểm tự chấm (self_only) nhưng có phần assessed"
            ),
            E::UnknownBonusItem { phase, unit, item } => {
                write!(f, "{phase}, {unit}: không có mục điểm thưởng {item}")
            }
            E::UnknownPenaltyItem { phase, unit, item } => {
                write!(f, "{phase}, {unit}: không có mục điểm trừ {item}")
            }
            E::UnknownDisqualifier {
                phase,
                unit,
                disqualifier,
            } => {
                write!(f, "{phase}, {unit}: không có điểm liệt {disqualifier}")
            }
            E::Overflow { phase, unit } => {
                write!(
                    f,
                    "{phase}, {unit}: số điểm quá lớn, không tính chính xác được"
                )
            }
            E::NoPhases => write!(f, "năm không có đợt chấm điểm nào"),
            E::DuplicatePhase { phase } => write!(f, "hai đợt cùng mã {phase}"),
            E::NotAYearMember { phase, unit } => {
                write!(f, "{phase}: {unit} không phải thành viên của Cụm trong năm")
            }
            E::MissingWeight { phase } => write!(f, "year_from: thiếu trọng số của đợt {phase}"),
            E::UnknownWeightPhase { phase } => {
                write!(
                    f,
                    "year_from: trọng số cho đợt {phase} không có (hoặc ghi hai lần)"
                )
            }
            E::NegativeWeight { phase } => write!(f, "year_from: trọng số của đợt {phase} âm"),
            E::WeightsNotOne { sum } => {
                write!(f, "year_from: tổng các trọng số là {sum}, phải đúng bằng 1")
            }
        }
    }
}

impl std::error::Error for EngineError {}
