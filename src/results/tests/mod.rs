//! Tests of the scoring engine, with fixtures shared by the table tests.

mod aggregation;
mod errors;
mod example;
mod props;
mod ranking;
mod totals;
mod year;

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;

/// A decimal literal.
pub(super) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test literal")
}

/// A sheet of points.
pub(super) fn pts(pairs: &[(&str, &str)]) -> Sheet {
    pairs
        .iter()
        .map(|(id, v)| ((*id).to_owned(), Score::Points(d(v))))
        .collect()
}

/// A sheet of points with one `actual` value.
pub(super) fn with_actual(mut sheet: Sheet, id: &str, actual: &str) -> Sheet {
    sheet.insert(id.to_owned(), Score::Actual(d(actual)));
    sheet
}

/// A leaf criterion.
pub(super) fn leaf(id: &str, max: &str, rule: Rule) -> Criterion {
    Criterion {
        id: id.to_owned(),
        max: d(max),
        rule: Some(rule),
        children: Vec::new(),
    }
}

/// A scale leaf with step 0.25.
pub(super) fn scale(id: &str, max: &str) -> Criterion {
    leaf(id, max, Rule::Scale { step: d("0.25") })
}

/// A parent criterion.
pub(super) fn parent(id: &str, max: &str, children: Vec<Criterion>) -> Criterion {
    Criterion {
        id: id.to_owned(),
        max: d(max),
        rule: None,
        children,
    }
}

/// The scheme of FORMAT.md §6 (`cdvc-2024`).
pub(super) fn cdvc_2024() -> Scheme {
    Scheme {
        id: "cdvc-2024".into(),
        total_max: d("100"),
        decimals: 2,
        criteria: vec![
            parent(
                "I",
                "30",
                vec![
                    leaf("I.1", "20", Rule::Scale { step: d("0.5") }),
                    leaf("I.2", "10", Rule::Scale { step: d("0.5") }),
                ],
            ),
            parent(
                "II",
                "70",
                vec![
                    leaf("II.1", "5", Rule::Fixed),
                    leaf("II.2", "10", Rule::Proportional { target: d("0.85") }),
                    leaf("II.3", "55", Rule::Scale { step: d("1") }),
                ],
            ),
        ],
        bonus: BonusRules {
            cap: Some(d("5")),
            items: vec![
                BonusItem {
                    id: "B1".into(),
                    points: d("2"),
                    cap: Some(d("4")),
                },
                BonusItem {
                    id: "B2".into(),
                    points: d("1"),
                    cap: None,
                },
            ],
        },
        penalties: vec![
            PenaltyItem {
                id: "P1".into(),
                points: d("-0.5"),
            },
            PenaltyItem {
                id: "P2".into(),
                points: d("-2"),
            },
        ],
        disqualifiers: vec!["D1".into(), "D2".into()],
        aggregation: Aggregation {
            assessed_by: AssessedBy::Panel,
            final_from: FinalFrom::Assessed,
            year_from: YearFrom::LastPhase,
        },
        tie_break: vec![
            TieBreakKey::Criterion("I".into()),
            TieBreakKey::BonusTotal,
            TieBreakKey::FewerPenalties,
            TieBreakKey::Vote,
        ],
        classification: vec![
            band("Xuất sắc", "95"),
            band("Tốt", "85"),
            band("Khá", "70"),
            band("Trung bình", "0"),
        ],
        award_rules: vec![
            award("co-thi-dua-ldld-tinh", Some(1), Some(1), Some("95")),
            award("bang-khen-ldld-tinh", Some(2), None, Some("90")),
        ],
    }
}

/// A classification band.
pub(super) fn band(label: &str, min: &str) -> Band {
    Band {
        label: label.into(),
        min: d(min),
    }
}

/// An award rule.
pub(super) fn award(
    id: &str,
    quota: Option<u32>,
    rank_at_most: Option<u32>,
    min_total: Option<&str>,
) -> AwardRule {
    AwardRule {
        award: id.into(),
        quota,
        rank_at_most,
        min_total: min_total.map(d),
    }
}

/// A small self-only scheme for ranking tests: I (I.1 max 50), II (leaf, max 50).
pub(super) fn simple() -> Scheme {
    let mut scheme = cdvc_2024();
    scheme.criteria = vec![
        parent("I", "50", vec![scale("I.1", "50")]),
        scale("II", "50"),
    ];
    scheme.aggregation.assessed_by = AssessedBy::SelfOnly;
    scheme
}

/// A self sheet for [`simple`]: I.1 and II.
pub(super) fn two(i: &str, ii: &str) -> Sheet {
    pts(&[("I.1", i), ("II", ii)])
}

/// Builds a scored entry.
#[derive(Clone, Debug, Default)]
pub(super) struct E(pub(super) ScoredEntry);

impl E {
    pub(super) fn own(sheet: Sheet) -> Self {
        E(ScoredEntry {
            self_sheet: Some(sheet),
            ..ScoredEntry::default()
        })
    }
    pub(super) fn by(mut self, assessor: &str, sheet: Sheet) -> Self {
        self.0.assessed.push((assessor.to_owned(), sheet));
        self
    }
    pub(super) fn bonus(mut self, item: &str, count: u32) -> Self {
        self.0.bonus.push((item.to_owned(), count));
        self
    }
    pub(super) fn penalty(mut self, item: &str, count: u32) -> Self {
        self.0.penalties.push((item.to_owned(), count));
        self
    }
    pub(super) fn dq(mut self, id: &str) -> Self {
        self.0.disqualified.push(id.to_owned());
        self
    }
    pub(super) fn done(self) -> UnitEntry {
        UnitEntry::Scored(self.0)
    }
}

/// An unranked entry.
pub(super) fn unranked(status: UnrankedStatus, note: &str) -> UnitEntry {
    UnitEntry::Unranked {
        status,
        note: Some(note.to_owned()),
    }
}

/// A phase with its members in the given order.
pub(super) fn phase(id: &str, members: &[&str], entries: Vec<(&str, UnitEntry)>) -> PhaseInput {
    PhaseInput {
        id: id.to_owned(),
        members: members.iter().map(|m| (*m).to_owned()).collect(),
        entries: entries
            .into_iter()
            .map(|(u, e)| (u.to_owned(), e))
            .collect::<BTreeMap<_, _>>(),
    }
}

/// No votes.
pub(super) fn no_votes() -> Votes {
    Votes::new()
}

/// Ranks a phase, expecting success.
pub(super) fn ranked(scheme: &Scheme, phase: &PhaseInput) -> Ranking {
    rank_phase(scheme, phase, &no_votes()).expect("ranking succeeds")
}

/// The row of a unit.
pub(super) fn row<'r>(ranking: &'r Ranking, unit: &str) -> &'r ResultRow {
    ranking
        .rows
        .iter()
        .find(|r| r.unit == unit)
        .expect("unit has a row")
}

/// A criterion value of a row.
pub(super) fn crit(row: &ResultRow, id: &str) -> Decimal {
    row.criteria
        .iter()
        .find(|(c, _)| c == id)
        .map(|(_, v)| *v)
        .expect("criterion present")
}

/// (unit, rank) in output order.
pub(super) fn order(ranking: &Ranking) -> Vec<(String, Option<u32>)> {
    ranking
        .rows
        .iter()
        .map(|r| (r.unit.clone(), r.rank))
        .collect()
}

/// Rounds for display, as the output module will.
pub(super) fn shown(value: Decimal, dp: u32) -> String {
    round_for_display(value, dp).to_string()
}
