//! `ket-qua.xlsx` (issue 19): beside every `ket-qua.csv`, read back with
//! calamine, it holds the totals and ranks of `ket-qua.json` exactly; the
//! year's workbook has a sheet per cluster; two builds give identical bytes;
//! the results pages link to it.

#[path = "common/mod.rs"]
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use serde_json::Value;

fn build_example(name: &str) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&out);
    let mut opts = bangtin::build::BuildOptions::new(env!("CARGO_MANIFEST_DIR"));
    opts.output_dir = Some(out.clone());
    if let Err(ds) = bangtin::build::run(&opts) {
        panic!("{}", common::render(&ds));
    }
    out
}

fn xlsx_files(out: &Path) -> Vec<String> {
    common::files_under(out)
        .into_iter()
        .filter(|f| f.ends_with(".xlsx"))
        .collect()
}

fn column(header: &[Data], name: &str) -> usize {
    header
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == name))
        .unwrap_or_else(|| panic!("no column {name:?} in {header:?}"))
}

/// A number cell written with `decimals` places, as ket-qua.json writes it.
fn plain(cell: &Data, decimals: usize) -> Option<String> {
    match cell {
        Data::Float(f) => Some(format!("{f:.decimals$}")),
        Data::Int(i) => Some(format!("{i}")),
        Data::Empty => None,
        other => panic!("not a number: {other:?}"),
    }
}

fn decimals_of(json: &Value) -> usize {
    json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|r| r["total"].as_str())
        .map_or(0, |t| t.split_once('.').map_or(0, |(_, f)| f.len()))
}

#[test]
fn workbooks_hold_the_json_totals_and_ranks_exactly() {
    let out = build_example("results-xlsx-a");
    let files = xlsx_files(&out);
    let per_table: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("cum-thi-dua/"))
        .collect();
    let csvs = common::files_under(&out)
        .into_iter()
        .filter(|f| f.ends_with(".csv"))
        .count();
    assert_eq!(
        per_table.len(),
        csvs,
        "one ket-qua.xlsx beside every ket-qua.csv"
    );
    for rel in per_table {
        let json_rel = rel.replace(".xlsx", ".json");
        let json: Value =
            serde_json::from_str(&fs::read_to_string(out.join(&json_rel)).unwrap()).unwrap();
        let d = decimals_of(&json);
        let mut wb = open_workbook_auto(out.join(rel)).unwrap();
        let names = wb.sheet_names();
        assert_eq!(names.len(), 1, "{rel}");
        let range = wb.worksheet_range(&names[0]).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        let (unit, total, rank) = (
            column(rows[0], "Mã đơn vị"),
            column(rows[0], "Tổng điểm"),
            column(rows[0], "Xếp thứ"),
        );
        let want = json["rows"].as_array().unwrap();
        assert_eq!(rows.len() - 1, want.len(), "{rel}");
        for (row, w) in rows[1..].iter().zip(want) {
            assert_eq!(
                row[unit],
                Data::String(w["unit"].as_str().unwrap().into()),
                "{rel}"
            );
            assert_eq!(
                plain(&row[total], d).as_deref(),
                w["total"].as_str(),
                "{rel} {}",
                w["unit"]
            );
            let got_rank = match &row[rank] {
                Data::Float(f) => Some(*f as u64),
                Data::Empty => None,
                other => panic!("{other:?}"),
            };
            assert_eq!(got_rank, w["rank"].as_u64(), "{rel} {}", w["unit"]);
        }
    }
}

#[test]
fn the_year_workbook_has_a_sheet_per_cluster_and_builds_are_identical() {
    let a = build_example("results-xlsx-b");
    let b = build_example("results-xlsx-c");
    let files = xlsx_files(&a);
    assert_eq!(files, xlsx_files(&b));
    for f in &files {
        assert!(
            fs::read(a.join(f)).unwrap() == fs::read(b.join(f)).unwrap(),
            "{f} differs"
        );
    }
    let year = a.join("ket-qua/2024/ket-qua.xlsx");
    let wb = open_workbook_auto(&year).unwrap();
    let clusters = common::files_under(&a)
        .into_iter()
        .filter(|f| f.starts_with("cum-thi-dua/") && f.ends_with("/2024/ket-qua.xlsx"))
        .count();
    assert!(clusters > 1);
    assert_eq!(wb.sheet_names().len(), clusters);
    let page = fs::read_to_string(a.join("ket-qua/2024/index.html")).unwrap();
    assert!(
        page.contains("/ket-qua/2024/ket-qua.xlsx\""),
        "the year page links its workbook"
    );
    let cy = fs::read_to_string(a.join("cum-thi-dua/cdvc-cum-3/2024/index.html")).unwrap();
    assert!(cy.contains("/cum-thi-dua/cdvc-cum-3/2024/ket-qua.xlsx\""));
    assert!(
        cy.contains("CSV và JSON là dữ liệu cho máy đọc"),
        "the CSV note"
    );
}
