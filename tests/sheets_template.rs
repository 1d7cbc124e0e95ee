//! `bangtin template scores` (issue 19 part 1): the workbook's sheets per
//! assessor, the hidden ids, Vietnamese headers and names, data validation
//! with Vietnamese messages, protection with unlocked entry cells, formulas
//! with cached results, frozen panes, A4 landscape; identical bytes for
//! identical input; never over an existing file.

mod common;

use std::io::Read as _;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use common::{Run, example_copy, run_bin};

fn bangtin(args: &[&str], dir: &Path) -> Run {
    run_bin(env!("CARGO_BIN_EXE_bangtin"), args, dir, &[])
}

/// The XML of one part of an xlsx file.
fn part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => format!("{other}"),
    }
}

#[test]
fn the_template_has_a_sheet_per_assessor_with_ids_names_and_rules() {
    let site = example_copy("tpl-a");
    let o = bangtin(
        &["template", "scores", "cdvc-cum-3", "2024", "-o", "mau.xlsx"],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    assert!(
        o.stdout
            .contains("Đã tạo mau.xlsx: 5 trang tính, 8 đơn vị, đợt dot2"),
        "{}",
        o.stdout
    );
    let file = site.join("mau.xlsx");
    let mut wb = open_workbook_auto(&file).unwrap();
    // Panel: the assessors the scores file already names, a sheet each.
    assert_eq!(
        wb.sheet_names(),
        [
            "Tự chấm",
            "Chấm – CĐ Sở Tư pháp",
            "Chấm – CĐ Thanh tra tỉnh",
            "Chấm – CĐ VP UBND tỉnh",
            "Thưởng, trừ, điểm liệt"
        ]
    );
    let own = wb.worksheet_range("Tự chấm").unwrap();
    let cell = |r: u32, c: u32| text(own.get_value((r, c)).unwrap_or(&Data::Empty));
    assert_eq!(cell(1, 0), "bangtin-scores-v1");
    assert_eq!(cell(1, 1), "self");
    assert_eq!(cell(1, 2), "cdvc-cum-3/2024/dot2");
    assert_eq!(cell(1, 4), "tl-cd-vp-ubnd");
    assert_eq!(
        [cell(2, 0), cell(2, 1), cell(2, 2), cell(2, 3)],
        ["Mã", "Nội dung", "Tối đa", "Cách chấm"]
    );
    assert_eq!(cell(2, 4), "Công đoàn cơ sở Văn phòng UBND tỉnh");
    assert_eq!(cell(3, 0), "I");
    assert_eq!(cell(4, 0), "I.1");
    assert_eq!(cell(4, 3), "bước 0,5");
    assert_eq!(cell(7, 3), "0 hoặc 5");
    // The section's formula carries its cached result: 0, not nothing.
    assert_eq!(own.get_value((3, 4)), Some(&Data::Float(0.0)));
    let formulas = wb.worksheet_formula("Tự chấm").unwrap();
    assert_eq!(
        formulas.get_value((3, 4)).map(String::as_str),
        Some("N(E5)+N(E6)")
    );
    assert!(
        formulas
            .get_value((6, 4))
            .is_some_and(|f| f.contains("MIN(N(E9)/0.85,1)*10")),
        "{formulas:?}"
    );
    // An assessor does not score itself: CĐ Sở Tư pháp's column is not on its sheet.
    let panel = wb.worksheet_range("Chấm – CĐ Sở Tư pháp").unwrap();
    let ids: Vec<String> = (4..12)
        .map(|c| text(panel.get_value((1, c)).unwrap_or(&Data::Empty)))
        .collect();
    assert!(!ids.contains(&"tl-cd-so-tu-phap".to_string()), "{ids:?}");
    assert!(ids.contains(&"tl-cd-vp-ubnd".to_string()));

    let xml = part(&file, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection"), "protected");
    assert!(!xml.contains("password"), "without a password");
    assert!(
        xml.contains("<pane xSplit=\"1\" ySplit=\"3\""),
        "header rows and id column frozen"
    );
    assert!(xml.contains("orientation=\"landscape\""));
    assert!(xml.contains("paperSize=\"9\""), "A4");
    assert!(xml.contains("<row r=\"2\"") && xml.contains("hidden=\"1\""));
    assert!(
        xml.contains("ABS(E5-ROUND(E5/0.5,0)*0.5)&lt;0.000001"),
        "the step is validated"
    );
    assert!(
        xml.contains("Điểm từ 0 đến 20, bước 0,5."),
        "Vietnamese messages"
    );
    assert!(xml.contains("Giá trị không hợp lệ"));
    let styles = part(&file, "xl/styles.xml");
    assert!(styles.contains("locked=\"0\""), "entry cells unlocked");
}

#[test]
fn the_template_is_reproducible_and_never_overwrites() {
    let site = example_copy("tpl-b");
    let args = ["template", "scores", "cdvc-cum-1", "2024", "-o", "a.xlsx"];
    assert_eq!(bangtin(&args, &site).code, Some(0));
    let mut again = args;
    again[5] = "b.xlsx";
    assert_eq!(bangtin(&again, &site).code, Some(0));
    assert!(
        std::fs::read(site.join("a.xlsx")).unwrap() == std::fs::read(site.join("b.xlsx")).unwrap()
    );
    let o = bangtin(&args, &site);
    assert_eq!(o.code, Some(1));
    assert!(
        o.stderr.contains("a.xlsx đã có; bangtin không ghi đè"),
        "{}",
        o.stderr
    );
    // No phases: the implicit whole-year phase; the organiser is the panel.
    let wb = open_workbook_auto(site.join("a.xlsx")).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Tự chấm", "Chấm – CĐVC tỉnh", "Thưởng, trừ, điểm liệt"]
    );
}

#[test]
fn unknown_cluster_year_or_phase_is_refused_with_a_hint() {
    let site = example_copy("tpl-c");
    let o = bangtin(&["template", "scores", "cdvc-cum-9", "2024"], &site);
    assert_eq!(o.code, Some(1));
    assert!(o.stderr.contains("cdvc-cum-9"), "{}", o.stderr);
    assert!(o.stderr.contains("cdvc-cum-"), "{}", o.stderr);
    let o = bangtin(
        &[
            "template",
            "scores",
            "cdvc-cum-3",
            "2024",
            "--phase",
            "dot3",
        ],
        &site,
    );
    assert_eq!(o.code, Some(1));
    assert!(o.stderr.contains("dot3"), "{}", o.stderr);
    assert!(
        o.stderr.contains("dot1") || o.stderr.contains("dot2"),
        "{}",
        o.stderr
    );
}
