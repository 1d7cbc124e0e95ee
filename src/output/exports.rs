//! `ket-qua.json` and `ket-qua.csv` (FORMAT.md §10, §11): a results table as
//! data. Decimals are strings with a dot and exactly the scheme's `decimals`
//! places; rows in rank order, unranked rows last in member order; in unranked
//! rows every number is `null` and `criteria` is empty.

use serde::Serialize;
use serde::ser::SerializeMap;

use crate::data::{ClusterYear, Data, SchemeInfo};
use crate::results::{Ranking, ResultRow, RowStatus};
use crate::text::decimal_plain;

/// Which table of the cluster-year: `None` for the year.
pub fn table(cy: &ClusterYear, phase: Option<usize>) -> Option<&Ranking> {
    let results = cy.results.as_ref()?;
    match phase {
        None => Some(&results.year),
        Some(p) => results.phases.get(p),
    }
}

pub fn status_name(s: RowStatus) -> &'static str {
    match s {
        RowStatus::Ranked => "ranked",
        RowStatus::Withdrawn => "withdrawn",
        RowStatus::NotSubmitted => "not_submitted",
        RowStatus::Partial => "partial",
    }
}

#[derive(Serialize)]
struct JsonTable<'a> {
    cluster: &'a str,
    year: i16,
    name: &'a str,
    scheme: &'a str,
    phase: &'a str,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    unit: &'a str,
    name: String,
    status: &'static str,
    criteria: Criteria<'a>,
    #[serde(rename = "self")]
    self_total: Option<String>,
    assessed: Option<String>,
    bonus: Option<String>,
    penalty: Option<String>,
    total: Option<String>,
    rank: Option<u32>,
    classification: Option<&'a str>,
    disqualified: &'a [String],
    eligible: &'a [String],
    note: Option<&'a str>,
}

/// Criteria in scheme order, as a JSON object.
struct Criteria<'a> {
    row: &'a ResultRow,
    decimals: u32,
}

impl Serialize for Criteria<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.row.criteria.len()))?;
        for (id, value) in &self.row.criteria {
            map.serialize_entry(id, &decimal_plain(value, self.decimals))?;
        }
        map.end()
    }
}

/// The unit's full name on the last day of the cluster-year.
pub(crate) fn row_name(data: &Data, cy: &ClusterYear, unit: &str) -> String {
    data.unit(unit)
        .map(|u| u.name_at(cy.name_date()).full.clone())
        .unwrap_or_else(|| unit.to_string())
}

pub(crate) fn scheme_of<'a>(data: &'a Data, cy: &ClusterYear) -> Option<&'a SchemeInfo> {
    cy.scheme.as_deref().and_then(|id| data.scheme(id))
}

/// `ket-qua.json` (or `ket-qua-<phase>.json`), pretty-printed with a final newline.
pub fn json(data: &Data, cy: &ClusterYear, phase: Option<usize>) -> Vec<u8> {
    let (Some(table), Some(scheme)) = (table(cy, phase), scheme_of(data, cy)) else {
        return Vec::new();
    };
    let d = scheme.engine.decimals;
    let plain = |v: &Option<rust_decimal::Decimal>| v.as_ref().map(|x| decimal_plain(x, d));
    let rows = table
        .rows
        .iter()
        .map(|r| JsonRow {
            unit: &r.unit,
            name: row_name(data, cy, &r.unit),
            status: status_name(r.status),
            criteria: Criteria {
                row: r,
                decimals: d,
            },
            self_total: plain(&r.self_total),
            assessed: plain(&r.assessed_total),
            bonus: plain(&r.bonus),
            penalty: plain(&r.penalty),
            total: plain(&r.total),
            rank: r.rank,
            classification: r.classification.as_deref(),
            disqualified: &r.disqualified,
            eligible: &r.eligible,
            note: r.note.as_deref(),
        })
        .collect();
    let doc = JsonTable {
        cluster: &cy.id,
        year: cy.year,
        name: &cy.name,
        scheme: &scheme.id,
        phase: phase.map_or("year", |p| cy.phases[p].id.as_str()),
        rows,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

/// `ket-qua.csv`: the same rows, one column per field and per criterion, UTF-8
/// with a byte-order mark so spreadsheet programs read Vietnamese correctly.
pub fn csv(data: &Data, cy: &ClusterYear, phase: Option<usize>) -> Vec<u8> {
    let (Some(table), Some(scheme)) = (table(cy, phase), scheme_of(data, cy)) else {
        return Vec::new();
    };
    let d = scheme.engine.decimals;
    let criteria: Vec<&str> = scheme.criteria.iter().map(|c| c.id.as_str()).collect();
    let mut header: Vec<String> = ["unit", "name", "status"].map(String::from).to_vec();
    header.extend(criteria.iter().map(|c| c.to_string()));
    header.extend(
        [
            "self",
            "assessed",
            "bonus",
            "penalty",
            "total",
            "rank",
            "classification",
            "disqualified",
            "eligible",
            "note",
        ]
        .map(String::from),
    );
    let mut out = String::from("\u{FEFF}");
    push_line(&mut out, &header);
    let plain = |v: &Option<rust_decimal::Decimal>| {
        v.as_ref().map(|x| decimal_plain(x, d)).unwrap_or_default()
    };
    for r in &table.rows {
        let mut cells = vec![
            r.unit.clone(),
            row_name(data, cy, &r.unit),
            status_name(r.status).to_string(),
        ];
        for id in &criteria {
            let v = r.criteria.iter().find(|(c, _)| c == id).map(|(_, v)| *v);
            cells.push(plain(&v));
        }
        cells.extend([
            plain(&r.self_total),
            plain(&r.assessed_total),
            plain(&r.bonus),
            plain(&r.penalty),
            plain(&r.total),
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
            r.classification.clone().unwrap_or_default(),
            r.disqualified.join(";"),
            r.eligible.join(";"),
            r.note.clone().unwrap_or_default(),
        ]);
        push_line(&mut out, &cells);
    }
    out.into_bytes()
}

/// One CSV record (RFC 4180): fields with a comma, quote or line break are
/// quoted, after controls and bidi overrides are dropped and formulas
/// neutralised.
fn push_line(out: &mut String, cells: &[String]) {
    let quoted: Vec<String> = cells
        .iter()
        .map(|c| {
            let c = crate::text::without_unsafe_controls(c);
            let c = neutralised(&c);
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c.into_owned()
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// A cell a spreadsheet would run as a formula (it begins with `=`, `+`, `-`,
/// `@`, Tab or CR: a unit name or note typed as `=HYPERLINK(…)`) gets a
/// leading `'`, which spreadsheets show as text and do not run. A number keeps
/// its meaning: `-2.50` is left as it is.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// `-2.50`, `-2,50`, `-3`: an optional minus, digits, and one decimal point
/// or comma followed by digits.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (int, frac) = digits.split_once(['.', ',']).unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && all_digits(frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut s = String::new();
        push_line(&mut s, &["a".into(), "Sở A, B".into(), "x\"y".into()]);
        assert_eq!(s, "a,\"Sở A, B\",\"x\"\"y\"\r\n");
    }

    #[test]
    fn csv_formulas_are_neutralised_and_numbers_keep_their_meaning() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1+1", "'+1+1"),
            ("-1+1", "'-1+1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("-", "'-"),
            ("-2.50", "-2.50"),
            ("-2,50", "\"-2,50\""),
            ("-3", "-3"),
            ("97.15", "97.15"),
            ("Sở Tư pháp", "Sở Tư pháp"),
            ("a=b", "a=b"),
        ];
        for (cell, want) in cases {
            let mut s = String::new();
            push_line(&mut s, &[cell.to_string()]);
            assert_eq!(s, format!("{want}\r\n"), "{cell:?}");
        }
    }
}
