//! The example site's results tables (`ket-qua.json`, FORMAT.md §10) against totals
//! computed by hand. Every expected figure below is written out, with the arithmetic
//! that gives it in a comment, following FORMAT.md §7 and §11 and the engine's
//! documented decisions (src/results/mod.rs): exact means, `proportional` per sheet
//! then averaged, item caps then the bonus cap, only the total rounded (half up), ranks
//! on the rounded total then the tie-break keys, shared ranks, awards in rule order
//! with quotas. Decimals in the comments are written with a dot, as in the JSON;
//! "…" marks a value cut for the comment (the arithmetic itself is exact).
//! docs/example-site.md says which case each cluster-year demonstrates.

#[path = "../common/mod.rs"]
mod common;
mod pages;
mod tables;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use tables::*;

/// Builds the repository's example site once for this test binary.
fn example_output() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("example-results");
        let _ = fs::remove_dir_all(&out);
        let mut opts = bangtin::build::BuildOptions::new(env!("CARGO_MANIFEST_DIR"));
        opts.output_dir = Some(out.clone());
        if let Err(ds) = bangtin::build::run(&opts) {
            panic!("{}", common::render(&ds));
        }
        out
    })
}

/// One expected row of a results table.
pub struct Row {
    unit: &'static str,
    status: &'static str,
    total: Option<&'static str>,
    rank: Option<u64>,
    self_total: Option<&'static str>,
    assessed: Option<&'static str>,
    bonus: Option<&'static str>,
    penalty: Option<&'static str>,
    classification: Option<&'static str>,
    eligible: &'static [&'static str],
    disqualified: &'static [&'static str],
    note: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)]
pub fn ranked(
    unit: &'static str,
    total: &'static str,
    rank: u64,
    self_total: Option<&'static str>,
    assessed: Option<&'static str>,
    bonus: &'static str,
    penalty: &'static str,
    classification: &'static str,
    eligible: &'static [&'static str],
) -> Row {
    Row {
        unit,
        status: "ranked",
        total: Some(total),
        rank: Some(rank),
        self_total,
        assessed,
        bonus: Some(bonus),
        penalty: Some(penalty),
        classification: Some(classification),
        eligible,
        disqualified: &[],
        note: None,
    }
}

pub fn unranked(unit: &'static str, status: &'static str, note: Option<&'static str>) -> Row {
    Row {
        unit,
        status,
        total: None,
        rank: None,
        self_total: None,
        assessed: None,
        bonus: None,
        penalty: None,
        classification: None,
        eligible: &[],
        disqualified: &[],
        note,
    }
}

impl Row {
    fn disqualified(self, ids: &'static [&'static str]) -> Row {
        Row {
            disqualified: ids,
            ..self
        }
    }
}

/// Every scored cluster-year of the example: (cluster, year, scheme, phase, rows).
/// `phase` is "year" for `ket-qua.json`, else the phase id of `ket-qua-<phase>.json`.
fn every_table() -> Vec<(&'static str, u32, &'static str, &'static str, Vec<Row>)> {
    vec![
        (
            "cdvc-cum-3",
            2023,
            "cdvc-cum-3-2023",
            "year",
            cum_3_2023_year(),
        ),
        (
            "cdvc-cum-2",
            2023,
            "cdvc-cum-2-2023",
            "dot1",
            cum_2_2023_dot1(),
        ),
        (
            "cdvc-cum-2",
            2023,
            "cdvc-cum-2-2023",
            "dot2",
            cum_2_2023_dot2(),
        ),
        (
            "cdvc-cum-2",
            2023,
            "cdvc-cum-2-2023",
            "year",
            cum_2_2023_year(),
        ),
        ("cdvc-cum-3", 2024, "cdvc-2024", "dot1", cum_3_2024_dot1()),
        ("cdvc-cum-3", 2024, "cdvc-2024", "dot2", cum_3_2024_dot2()),
        // year_from: last_phase, so the year table is the Đợt 2 table.
        ("cdvc-cum-3", 2024, "cdvc-2024", "year", cum_3_2024_dot2()),
        (
            "ldld-khoi-1",
            2024,
            "ldld-khoi-1-2024",
            "year",
            khoi_1_2024_year(),
        ),
        (
            "ldld-khoi-2",
            2024,
            "ldld-khoi-2-2024",
            "year",
            khoi_2_2024_year(),
        ),
    ]
}

fn results_json(cluster: &str, year: u32, phase: &str) -> Value {
    let file = if phase == "year" {
        "ket-qua.json".to_string()
    } else {
        format!("ket-qua-{phase}.json")
    };
    let path = example_output()
        .join("cum-thi-dua")
        .join(cluster)
        .join(year.to_string())
        .join(&file);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The row of `unit` in a results file.
fn row_of<'a>(json: &'a Value, unit: &str) -> &'a Value {
    json["rows"]
        .as_array()
        .expect("rows is an array")
        .iter()
        .find(|r| r["unit"] == unit)
        .unwrap_or_else(|| panic!("no row for {unit}"))
}

fn opt_str(v: Option<&str>) -> Value {
    v.map_or(Value::Null, |s| Value::String(s.to_string()))
}

fn check_table(cluster: &str, year: u32, scheme: &str, phase: &str, rows: &[Row]) {
    let json = results_json(cluster, year, phase);
    let at = format!("{cluster}/{year}/{phase}");
    assert_eq!(json["cluster"], cluster, "{at}");
    assert_eq!(json["year"], year, "{at}");
    assert_eq!(json["scheme"], scheme, "{at}");
    assert_eq!(json["phase"], phase, "{at}");
    let got = json["rows"].as_array().expect("rows is an array");
    let units: Vec<&str> = got.iter().filter_map(|r| r["unit"].as_str()).collect();
    let want: Vec<&str> = rows.iter().map(|r| r.unit).collect();
    assert_eq!(units, want, "{at}: row order");
    for (row, exp) in got.iter().zip(rows) {
        let at = format!("{at} {}", exp.unit);
        assert_eq!(row["status"], exp.status, "{at}: status");
        assert_eq!(row["total"], opt_str(exp.total), "{at}: total");
        assert_eq!(
            row["rank"],
            exp.rank.map_or(Value::Null, Value::from),
            "{at}: rank"
        );
        if exp.status != "ranked" {
            for field in ["self", "assessed", "bonus", "penalty"] {
                assert!(
                    row[field].is_null(),
                    "{at}: {field} must be null when unranked"
                );
            }
            if let Some(note) = exp.note {
                assert_eq!(row["note"], note, "{at}: note");
            }
            continue;
        }
        assert_eq!(row["self"], opt_str(exp.self_total), "{at}: self");
        assert_eq!(row["assessed"], opt_str(exp.assessed), "{at}: assessed");
        assert_eq!(row["bonus"], opt_str(exp.bonus), "{at}: bonus");
        assert_eq!(row["penalty"], opt_str(exp.penalty), "{at}: penalty");
        assert_eq!(
            row["classification"],
            opt_str(exp.classification),
            "{at}: classification"
        );
        assert_eq!(
            row["eligible"],
            Value::from(exp.eligible.to_vec()),
            "{at}: eligible"
        );
        assert_eq!(
            row["disqualified"],
            Value::from(exp.disqualified.to_vec()),
            "{at}: disqualified"
        );
    }
}

/// Criterion values of one row (after aggregation, rounded for display).
fn check_criteria(json: &Value, unit: &str, want: &[(&str, &str)]) {
    let row = row_of(json, unit);
    let criteria = row["criteria"].as_object().expect("criteria is an object");
    assert_eq!(criteria.len(), want.len(), "{unit}: criteria {criteria:?}");
    for (id, value) in want {
        assert_eq!(criteria[*id], *value, "{unit}: criterion {id}");
    }
}

#[test]
fn every_results_table_matches_the_hand_computation() {
    for (cluster, year, scheme, phase, rows) in every_table() {
        check_table(cluster, year, scheme, phase, &rows);
    }
}

#[test]
fn cum_3_2024_year_table_matches_hand_computation() {
    let json = results_json("cdvc-cum-3", 2024, "year");
    // FORMAT.md §10: I = 19.25 + 9.25 = 28.5; II = 5 + 9.6470… + 51.5 = 66.1470… → 66.15.
    check_criteria(
        &json,
        "tl-cd-so-tu-phap",
        &[
            ("I", "28.50"),
            ("I.1", "19.25"),
            ("I.2", "9.25"),
            ("II", "66.15"),
            ("II.1", "5.00"),
            ("II.2", "9.65"),
            ("II.3", "51.50"),
        ],
    );
    let first = row_of(&json, "tl-cd-so-tu-phap");
    assert_eq!(first["name"], "Công đoàn cơ sở Sở Tư pháp");
    // The name valid on 31/12/2024, not today's (Sở Dân tộc và Tôn giáo from 2025).
    assert_eq!(
        row_of(&json, "tl-cd-ban-dan-toc")["name"],
        "Công đoàn cơ sở Ban Dân tộc"
    );
    // VP UBND: II.2 = (9.4117… + 9.1764…)/2 = 9.2941… → 9.29; II = 5 + 9.2941… + 49.5 = 63.7941… → 63.79.
    check_criteria(
        &json,
        "tl-cd-vp-ubnd",
        &[
            ("I", "27.75"),
            ("I.1", "18.75"),
            ("I.2", "9.00"),
            ("II", "63.79"),
            ("II.1", "5.00"),
            ("II.2", "9.29"),
            ("II.3", "49.50"),
        ],
    );
    // The bonus cap bites: B1 3 × 2 = 6 → item cap 4; + B2 2 × 1 = 6 → bonus cap 5.
    assert_eq!(row_of(&json, "tl-cd-vp-ubnd")["bonus"], "5.00");
    // The withdrawn unit is last, unranked, with its note and no figures.
    let left = row_of(&json, "tl-cd-vp-dieu-phoi-ntm");
    assert_eq!(left["status"], "withdrawn");
    assert!(left["total"].is_null() && left["rank"].is_null());
    assert_eq!(left["note"], "rời Cụm từ 30/9/2024");
}

#[test]
fn mid_year_joiner_is_not_submitted_in_the_first_phase_and_ranked_for_the_year() {
    let dot1 = results_json("cdvc-cum-3", 2024, "dot1");
    let joiner = row_of(&dot1, "tl-cd-cuc-thong-ke");
    assert_eq!(joiner["status"], "not_submitted");
    assert!(joiner["total"].is_null() && joiner["rank"].is_null());
    let year = results_json("cdvc-cum-3", 2024, "year");
    // 18.5 + 9 + 5 + 0.8/0.85 × 10 + 46 = 87.9117… → 87.91, rank 5 after the shared 3.
    assert_eq!(row_of(&year, "tl-cd-cuc-thong-ke")["total"], "87.91");
    assert_eq!(row_of(&year, "tl-cd-cuc-thong-ke")["rank"], 5);
}

#[test]
fn tie_decided_by_vote_keeps_the_shared_computed_rank() {
    // Thanh tra and Nội vụ: 93.50 each and equal on every tie-break key; the outcomes'
    // override (Cụm vote) is shown on the page, `rank` stays the computed one.
    let json = results_json("cdvc-cum-3", 2024, "year");
    for unit in ["tl-cd-thanh-tra", "tl-cd-so-noi-vu"] {
        let row = row_of(&json, unit);
        assert_eq!(row["total"], "93.50", "{unit}");
        assert_eq!(row["rank"], 3, "{unit}");
        // The rank-3 group sits at the edge of the Bằng khen quota (2): taken whole.
        assert_eq!(
            row["eligible"],
            Value::from(vec!["bang-khen-ldld-tinh"]),
            "{unit}"
        );
    }
}

#[test]
fn tie_broken_by_chain() {
    // Khối 1: 861.25 and 861.30 both publish as 861.3; criterion:II (375 > 357.5) decides.
    let k1 = results_json("ldld-khoi-1", 2024, "year");
    assert_eq!(row_of(&k1, "tl-cdn-gtvt-xd")["total"], "861.3");
    assert_eq!(row_of(&k1, "tl-cdn-nn-ptnt")["total"], "861.3");
    assert_eq!(row_of(&k1, "tl-cdn-gtvt-xd")["rank"], 4);
    assert_eq!(row_of(&k1, "tl-cdn-nn-ptnt")["rank"], 5);
    check_criteria(
        &k1,
        "tl-cdn-gtvt-xd",
        &[
            ("I", "226.3"),
            ("I.1", "131.3"),
            ("I.2", "95.0"),
            ("II", "375.0"),
            ("II.1", "225.0"),
            ("II.2", "150.0"),
            ("III", "260.0"),
            ("III.1", "160.0"),
            ("III.2", "100.0"),
        ],
    );
    // Khối 2: 82.00 each, criterion:I 41 each, bonus_total 1 > 0 decides.
    let k2 = results_json("ldld-khoi-2", 2024, "year");
    assert_eq!(row_of(&k2, "tl-ldld-phu-son")["rank"], 6);
    assert_eq!(row_of(&k2, "tl-ldld-yen-khe")["rank"], 7);
    // Cụm 2, Đợt 2 of 2023: 90.00 each, criterion:I 35.5 > 35 decides.
    let c2 = results_json("cdvc-cum-2", 2023, "dot2");
    assert_eq!(row_of(&c2, "tl-cd-so-gtvt")["rank"], 5);
    assert_eq!(row_of(&c2, "tl-cd-so-nong-nghiep")["rank"], 6);
}

#[test]
fn disqualified_top_scorer_is_ranked_but_not_eligible() {
    let json = results_json("cdvc-cum-2", 2023, "year");
    let top = row_of(&json, "tl-cd-so-tnmt");
    // 0.4 × 96.5 + 0.6 × 98.5 = 97.7: the highest total, rank 1, D1 from Đợt 2.
    assert_eq!(top["total"], "97.70");
    assert_eq!(top["rank"], 1);
    assert_eq!(top["disqualified"], Value::from(vec!["D1"]));
    assert_eq!(top["eligible"], Value::from(Vec::<&str>::new()));
    // The flag passes to the best unit that may receive it.
    assert_eq!(
        row_of(&json, "tl-cd-so-xay-dung")["eligible"],
        Value::from(vec!["co-thi-dua-ldld-tinh"])
    );
    // Partial in Đợt 2 is partial for the weighted year.
    assert_eq!(row_of(&json, "tl-cd-so-khcn")["status"], "partial");
    // self_only: `assessed` is null and the criteria are the self scores,
    // I.1 = 0.4 × 24.5 + 0.6 × 25 = 24.8.
    assert!(top["assessed"].is_null());
    assert_eq!(top["criteria"]["I.1"], "24.80");
}

#[test]
fn thousand_point_scheme() {
    let json = results_json("ldld-khoi-1", 2024, "year");
    let first = row_of(&json, "tl-cdvc-tinh");
    // 150 + 130 + 230 + 150 + 180 + 100 = 940; + bonus 20 + 20 = 40 (cap 50) = 980, one decimal.
    assert_eq!(first["total"], "980.0");
    assert_eq!(first["rank"], 1);
    assert_eq!(first["classification"], "Xuất sắc");
    assert_eq!(first["eligible"], Value::from(vec!["co-thi-dua-ldld-tinh"]));
    let partial = row_of(&json, "tl-cd-kcn");
    assert_eq!(partial["status"], "partial");
    assert!(partial["total"].is_null() && partial["rank"].is_null());
}

#[test]
fn cross_mean_trimmed_drops_the_highest_and_lowest_mark() {
    let json = results_json("cdvc-cum-3", 2023, "year");
    // I.1 marks 23.5 24 24 24 24.5 23: drop 23 and 24.5 → (23.5 + 24 + 24 + 24)/4 = 23.875.
    check_criteria(
        &json,
        "tl-cd-so-tu-phap",
        &[
            ("I", "37.88"),
            ("I.1", "23.88"),
            ("I.2", "14.00"),
            ("II", "56.00"),
            ("II.1", "10.00"),
            ("II.2", "19.00"),
            ("II.3", "27.00"),
        ],
    );
    // 96.20 is the figure of the article "Cụm thi đua số 3 tổng kết công tác thi đua năm 2023".
    assert_eq!(row_of(&json, "tl-cd-vp-ubnd")["total"], "96.20");
}
