//! The shape of a scores workbook, shared by `bangtin template scores`
//! (which writes it) and `bangtin import scores` (which reads it back and
//! checks that nothing moved): which sheets, which members as columns, which
//! rows, and where each sits.
//!
//! ```text
//!   A         B          C        D          E…
//! 1 title
//! 2 MARKER    sheet key  phase    (hidden)   member ids
//! 3 Mã        Nội dung   Tối đa   Cách chấm  member names
//! 4 I         section    30                  =SUM(…)
//! 5 I.1       leaf       20       bước 0,5   entry cells
//! … Tổng                                     =SUM(sections)
//! ```
//!
//! The sheet of bonus, penalty and disqualifier counts has the same columns;
//! its rows are the items.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::data::{ClusterYear, Data, SchemeInfo};
use crate::messages::SheetMsg;
use crate::results::{AssessedBy, Criterion, Rule};
use crate::t;

/// Written in `A2` of every sheet bangtin makes; a sheet without it is not
/// one of ours.
pub const MARKER: &str = "bangtin-scores-v1";
/// The key (`B2`) of the self-assessment sheet.
pub const SELF_KEY: &str = "self";
/// The key of the sheet of bonus, penalty and disqualifier counts.
pub const ITEMS_KEY: &str = "items";
/// Rows (0-based) of the title, the hidden ids and the headers.
pub const TITLE_ROW: u32 = 0;
pub const ID_ROW: u32 = 1;
pub const HEADER_ROW: u32 = 2;
/// The first row of criteria or items.
pub const FIRST_ROW: u32 = 3;
/// The first member column (E).
pub const FIRST_MEMBER_COL: u16 = 4;

/// What a sheet holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetKind {
    /// Each member's self-assessment (`self:`).
    SelfScores,
    /// One assessor's marks for the members it assesses (`assessed: <id>:`).
    Assessor(String),
    /// Bonus and penalty counts, disqualifiers (0 or 1).
    Items,
}

impl SheetKind {
    /// The key written in `B2`.
    pub fn key(&self) -> &str {
        match self {
            SheetKind::SelfScores => SELF_KEY,
            SheetKind::Assessor(id) => id,
            SheetKind::Items => ITEMS_KEY,
        }
    }
}

/// A member column: the unit's id and its name valid at the phase's end.
#[derive(Debug, Clone)]
pub struct MemberCol {
    pub unit: String,
    pub name: String,
}

/// One row below the headers.
#[derive(Debug, Clone)]
pub enum Row<'a> {
    /// A section: its value is the sum of its children (a formula).
    Section {
        criterion: &'a Criterion,
        /// Indexes into the sheet's rows of its direct children.
        children: Vec<usize>,
    },
    /// A scored criterion: the entry cells.
    Leaf(&'a Criterion),
    /// The sum of the top-level sections (a formula).
    Total { sections: Vec<usize> },
    /// A heading line between criteria and items ("Điểm thưởng").
    Heading(String),
    /// A bonus item: occurrences.
    Bonus { id: String, points: Decimal },
    /// A penalty item: occurrences.
    Penalty { id: String, points: Decimal },
    /// A disqualifier: 1 when it applies.
    Disqualifier { id: String },
}

/// One sheet of the workbook.
#[derive(Debug, Clone)]
pub struct SheetPlan<'a> {
    pub kind: SheetKind,
    /// The Vietnamese (or English) sheet name, before Excel's limits.
    pub name: String,
    pub members: Vec<MemberCol>,
    pub rows: Vec<Row<'a>>,
}

/// The whole workbook of one phase of a cluster-year.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub cy: &'a ClusterYear,
    pub scheme: &'a SchemeInfo,
    pub phase: usize,
    pub sheets: Vec<SheetPlan<'a>>,
}

impl Plan<'_> {
    /// `cluster/year/phase`, written in `C2`: an import checks it.
    pub fn phase_key(&self) -> String {
        format!(
            "{}/{}/{}",
            self.cy.id, self.cy.year, self.cy.phases[self.phase].id
        )
    }
}

/// The members in the phase's table, in official order, named as on the
/// phase's last day.
pub fn members(data: &Data, cy: &ClusterYear, phase: usize) -> Vec<MemberCol> {
    let p = &cy.phases[phase];
    cy.members
        .iter()
        .filter(|m| ClusterYear::member_during(m, p.from, p.until))
        .map(|m| MemberCol {
            unit: m.unit.clone(),
            name: unit_name(data, &m.unit, p.until),
        })
        .collect()
}

fn unit_name(data: &Data, unit: &str, date: Date) -> String {
    data.unit(unit)
        .map_or_else(|| unit.to_string(), |u| u.name_at(date).full.clone())
}

/// The workbook for `phase` of `cy` under `scheme`: the self sheet, one
/// sheet per assessor (for `panel` the units of `panel`, the assessors the
/// scores file already names, or else the organiser; every member for the
/// cross modes; none for `self_only`) and the items sheet. A unit never
/// assesses itself: its own column is left out of its sheet.
pub fn plan<'a>(
    data: &Data,
    cy: &'a ClusterYear,
    scheme: &'a SchemeInfo,
    phase: usize,
    panel: &[String],
) -> Plan<'a> {
    let all = members(data, cy, phase);
    let until = cy.phases[phase].until;
    let criteria_rows = criteria_rows(&scheme.engine.criteria);
    let mut sheets = vec![SheetPlan {
        kind: SheetKind::SelfScores,
        name: t!(SheetMsg::SheetSelf),
        members: all.clone(),
        rows: criteria_rows.clone(),
    }];
    let assessors: Vec<(String, Vec<MemberCol>)> = match scheme.engine.aggregation.assessed_by {
        AssessedBy::SelfOnly => Vec::<String>::new(),
        AssessedBy::Panel if panel.is_empty() => vec![cy.organiser.clone()],
        AssessedBy::Panel => panel.to_vec(),
        AssessedBy::CrossMean | AssessedBy::CrossMeanTrimmed => {
            all.iter().map(|a| a.unit.clone()).collect()
        }
    }
    .into_iter()
    .map(|a| {
        let others = all.iter().filter(|m| m.unit != a).cloned().collect();
        (a, others)
    })
    .collect();
    for (assessor, cols) in assessors {
        let short = data.unit(&assessor).map_or_else(
            || assessor.clone(),
            |u| u.name_at(until).display().to_string(),
        );
        sheets.push(SheetPlan {
            kind: SheetKind::Assessor(assessor),
            name: t!(SheetMsg::SheetAssessor, name = short),
            members: cols,
            rows: criteria_rows.clone(),
        });
    }
    sheets.push(SheetPlan {
        kind: SheetKind::Items,
        name: t!(SheetMsg::SheetItems),
        members: all,
        rows: item_rows(scheme),
    });
    Plan {
        cy,
        scheme,
        phase,
        sheets,
    }
}

/// Sections and leaves in scheme order (parents first), then the total.
fn criteria_rows(criteria: &[Criterion]) -> Vec<Row<'_>> {
    fn walk<'a>(list: &'a [Criterion], rows: &mut Vec<Row<'a>>) -> Vec<usize> {
        let mut mine = Vec::new();
        for k in list {
            let at = rows.len();
            mine.push(at);
            if k.children.is_empty() {
                rows.push(Row::Leaf(k));
            } else {
                rows.push(Row::Section {
                    criterion: k,
                    children: Vec::new(),
                });
                let children = walk(&k.children, rows);
                if let Row::Section { children: c, .. } = &mut rows[at] {
                    *c = children;
                }
            }
        }
        mine
    }
    let mut rows = Vec::new();
    let sections = walk(criteria, &mut rows);
    rows.push(Row::Total { sections });
    rows
}

fn item_rows(scheme: &SchemeInfo) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    if !scheme.engine.bonus.items.is_empty() {
        rows.push(Row::Heading(t!(SheetMsg::HeadingBonus)));
        for i in &scheme.engine.bonus.items {
            rows.push(Row::Bonus {
                id: i.id.clone(),
                points: i.points,
            });
        }
    }
    if !scheme.engine.penalties.is_empty() {
        rows.push(Row::Heading(t!(SheetMsg::HeadingPenalties)));
        for i in &scheme.engine.penalties {
            rows.push(Row::Penalty {
                id: i.id.clone(),
                points: i.points,
            });
        }
    }
    if !scheme.disqualifier_titles.is_empty() {
        rows.push(Row::Heading(t!(SheetMsg::HeadingDisqualifiers)));
        for (id, _) in &scheme.disqualifier_titles {
            rows.push(Row::Disqualifier { id: id.clone() });
        }
    }
    rows
}

/// The id written in column A of a row, if it has one.
pub fn row_id<'a>(row: &'a Row) -> Option<&'a str> {
    match row {
        Row::Section { criterion, .. } => Some(&criterion.id),
        Row::Leaf(k) => Some(&k.id),
        Row::Bonus { id, .. } | Row::Penalty { id, .. } | Row::Disqualifier { id } => Some(id),
        Row::Total { .. } | Row::Heading(_) => None,
    }
}

/// Whether people type into this row's member cells.
pub fn is_entry(row: &Row) -> bool {
    matches!(
        row,
        Row::Leaf(_) | Row::Bonus { .. } | Row::Penalty { .. } | Row::Disqualifier { .. }
    )
}

/// `C7`: the A1 name of a 0-based cell.
pub fn cell_name(row: u32, col: u16) -> String {
    let mut letters = Vec::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let r = (n - 1) % 26;
        // `r` is below 26, so the byte is an ASCII capital.
        letters.push(char::from(b'A' + r as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", letters.into_iter().collect::<String>(), row + 1)
}

/// What may be typed in a criterion, in words: "bước 0,5", "0 hoặc 5", …
pub fn rule_text(k: &Criterion) -> String {
    let num = crate::messages::number;
    match &k.rule {
        Some(Rule::Scale { step }) => t!(SheetMsg::RuleStep, step = num(*step)),
        Some(Rule::Fixed) => t!(SheetMsg::RuleFixed, max = num(k.max)),
        Some(Rule::Proportional { target }) => {
            t!(SheetMsg::RuleProportional, target = num(*target))
        }
        None => t!(SheetMsg::RuleAny),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_follow_excel() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 2), "C7");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }
}
