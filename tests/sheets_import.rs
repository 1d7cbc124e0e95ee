//! `bangtin import scores` (issue 19 part 2): template → filled by this test
//! (numbers, text with a decimal comma, floats off by binary noise) →
//! import → build gives the expected totals and ranks, in ket-qua.json and
//! ket-qua.xlsx alike; errors name sheet and cell, all together, and
//! nothing is written; an unchanged file is left alone and says so.

mod common;

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use common::book::{Book, UNITS, V, fill};
use common::{Run, example_copy, run_bin};

fn bangtin(args: &[&str], dir: &Path) -> Run {
    run_bin(env!("CARGO_BIN_EXE_bangtin"), args, dir, &[])
}

#[test]
fn round_trip_template_fill_import_build() {
    let site = example_copy("imp-a");
    let o = bangtin(
        &["template", "scores", "cdvc-cum-1", "2024", "-o", "mau.xlsx"],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let mut book = Book::open(&site.join("mau.xlsx"));
    fill(&mut book);
    book.save(&site.join("da-dien.xlsx"));
    let args = [
        "import",
        "scores",
        "da-dien.xlsx",
        "--cluster",
        "cdvc-cum-1",
        "--year",
        "2024",
    ];
    let o = bangtin(&args, &site);
    assert_eq!(o.code, Some(0), "{}{}", o.stdout, o.stderr);
    assert!(
        o.stdout.contains("Chạy lại với --write để ghi"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("tl-cd-so-y-te"),
        "the change table: {}",
        o.stdout
    );
    let yaml = site.join("data/scores/2024/cdvc-cum-1.yaml");
    assert!(!yaml.exists(), "nothing written without --write");
    let mut write = args.to_vec();
    write.push("--write");
    let o = bangtin(&write, &site);
    assert_eq!(o.code, Some(0), "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("Kiểm tra xong"), "{}", o.stdout);
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("I.2: \"9,5\""), "{text}");
    assert!(text.contains("II.2: { actual: \"0,82\" }"), "{text}");
    // Importing the same workbook again changes nothing and writes nothing.
    let o = bangtin(&write, &site);
    assert!(o.stdout.contains("không có gì thay đổi"), "{}", o.stdout);
    assert_eq!(std::fs::read_to_string(&yaml).unwrap(), text);

    let out = site.join("out");
    let o = bangtin(&["build", "--output", "out"], &site);
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("cum-thi-dua/cdvc-cum-1/2024/ket-qua.json")).unwrap(),
    )
    .unwrap();
    let want = [
        "96.50", "93.00", "91.50", "89.65", "88.50", "87.00", "84.50",
    ];
    let rows = json["rows"].as_array().unwrap();
    for (i, (row, total)) in rows.iter().zip(want).enumerate() {
        assert_eq!(row["unit"], UNITS[i]);
        assert_eq!(row["total"], total, "{}", row["unit"]);
        assert_eq!(row["rank"], i as u64 + 1);
    }
    let mut wb = open_workbook_auto(out.join("cum-thi-dua/cdvc-cum-1/2024/ket-qua.xlsx")).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let header: Vec<&Data> = range.rows().next().unwrap().iter().collect();
    let col = |h: &str| {
        header
            .iter()
            .position(|c| **c == Data::String(h.into()))
            .unwrap()
    };
    let (total, rank) = (col("Tổng điểm"), col("Xếp thứ"));
    for (i, row) in range.rows().skip(1).enumerate() {
        let Data::Float(t) = row[total] else {
            panic!("{:?}", row[total])
        };
        assert_eq!(format!("{t:.2}"), want[i]);
        assert_eq!(row[rank], Data::Float(i as f64 + 1.0));
    }
}

#[test]
fn import_errors_name_sheet_and_cell_all_together_and_nothing_is_written() {
    let site = example_copy("imp-b");
    let o = bangtin(
        &["template", "scores", "cdvc-cum-1", "2024", "-o", "mau.xlsx"],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let mut book = Book::open(&site.join("mau.xlsx"));
    fill(&mut book);
    book.set(0, UNITS[0], "I.1", V::T("19,3")); // off the step
    book.set(0, UNITS[1], "I.2", V::N(11.0)); // above the maximum
    book.set(0, UNITS[2], "II.3", V::T("chín")); // not a number
    book.set(0, UNITS[3], "II.1", V::N(3.0)); // fixed: 0 or 5
    book.set(1, UNITS[4], "I.1", V::N(-1.0)); // negative
    book.set(2, UNITS[5], "P1", V::N(1.5)); // not whole
    // A member listed twice in the panel sheet (column F gets E's id).
    let e2 = book.text(1, 1, 4);
    book.sheets[1]
        .1
        .insert((1, 5), V::T(Box::leak(e2.into_boxed_str())));
    // An unknown unit id, and an unknown criterion id.
    book.sheets[0].1.insert((1, 10), V::T("tl-cd-khong-co"));
    let row = (3..40).find(|&r| book.text(2, r, 0) == "B2").unwrap();
    book.sheets[2].1.insert((row, 0), V::T("B9"));
    book.save(&site.join("sai.xlsx"));
    let o = bangtin(
        &[
            "import",
            "scores",
            "sai.xlsx",
            "--cluster",
            "cdvc-cum-1",
            "--year",
            "2024",
            "--write",
        ],
        &site,
    );
    assert_eq!(o.code, Some(1), "{}", o.stdout);
    let e = &o.stderr;
    for want in [
        "trang tính «Tự chấm», ô E5: `19,3` không theo bước 0,5",
        "trang tính «Tự chấm», ô F6: `11` lớn hơn điểm tối đa 10",
        "trang tính «Tự chấm», ô G10: `chín` không phải là số",
        "trang tính «Tự chấm», ô H8: `3`: tiêu chí này chỉ nhận 0 hoặc 5",
        "trang tính «Chấm – CĐVC tỉnh», ô I5: `-1` âm",
        "trang tính «Chấm – CĐVC tỉnh», ô F2: `tl-cd-so-y-te` có hai lần (lần đầu ở E2)",
        "trang tính «Tự chấm», ô K2: không có đơn vị mã `tl-cd-khong-co`",
        "không có tiêu chí hay mục mã `B9`",
        "trang tính «Thưởng, trừ, điểm liệt» thiếu hàng `B2`",
    ] {
        assert!(e.contains(want), "missing {want:?} in\n{e}");
    }
    assert!(e.contains("--> sai.xlsx"), "{e}");
    assert!(!site.join("data/scores/2024/cdvc-cum-1.yaml").exists());
    // A sheet missing, and a CSV of one sheet is not missing the others.
    let mut book = Book::open(&site.join("mau.xlsx"));
    book.sheets.remove(2);
    book.save(&site.join("thieu.xlsx"));
    let o = bangtin(
        &[
            "import",
            "scores",
            "thieu.xlsx",
            "--cluster",
            "cdvc-cum-1",
            "--year",
            "2024",
        ],
        &site,
    );
    assert_eq!(o.code, Some(1));
    assert!(
        o.stderr
            .contains("thiếu trang tính «Thưởng, trừ, điểm liệt» (`items`)"),
        "{}",
        o.stderr
    );
}

#[test]
fn an_edit_of_existing_values_keeps_the_files_comments() {
    let site = example_copy("imp-c");
    let o = bangtin(
        &["template", "scores", "cdvc-cum-3", "2024", "-o", "mau.xlsx"],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let mut book = Book::open(&site.join("mau.xlsx"));
    book.set(0, "tl-cd-so-tu-phap", "I.1", V::N(19.0));
    book.save(&site.join("sua.xlsx"));
    let yaml = site.join("data/scores/2024/cdvc-cum-3.yaml");
    let before = std::fs::read_to_string(&yaml).unwrap();
    let o = bangtin(
        &[
            "import",
            "scores",
            "sua.xlsx",
            "--cluster",
            "cdvc-cum-3",
            "--year",
            "2024",
            "--write",
        ],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("Tự chấm I.1  19,5 → 19"), "{}", o.stdout);
    assert!(o.stdout.contains("Giữ nguyên chú thích"), "{}", o.stdout);
    let after = std::fs::read_to_string(&yaml).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("I.1: 19,"), "{changed:?}");
    assert_eq!(before.lines().count(), after.lines().count());
}

#[test]
fn a_template_resaved_by_libreoffice_imports_the_same() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("soffice not installed (apt-get install libreoffice-calc-nogui): skipped");
        return;
    }
    let site = example_copy("imp-d");
    let o = bangtin(
        &["template", "scores", "cdvc-cum-1", "2024", "-o", "mau.xlsx"],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let mut book = Book::open(&site.join("mau.xlsx"));
    fill(&mut book);
    book.save(&site.join("da-dien.xlsx"));
    let lo = site.join("lo");
    let s = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(&lo)
        .arg(site.join("da-dien.xlsx"))
        .env("HOME", &site)
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    let import = |file: &str| {
        let o = bangtin(
            &[
                "import",
                "scores",
                file,
                "--cluster",
                "cdvc-cum-1",
                "--year",
                "2024",
            ],
            &site,
        );
        assert_eq!(o.code, Some(0), "{}{}", o.stdout, o.stderr);
        o.stdout.lines().skip(1).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(import("lo/da-dien.ods"), import("da-dien.xlsx"));
}

#[test]
fn a_sheet_saved_as_csv_with_semicolons_and_decimal_commas_imports_alone() {
    let site = example_copy("imp-e");
    let o = bangtin(
        &["template", "scores", "cdvc-cum-1", "2024", "-o", "mau.xlsx"],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}", o.stderr);
    let mut book = Book::open(&site.join("mau.xlsx"));
    fill(&mut book);
    let cells = &book.sheets[0].1;
    let rows = cells.keys().map(|k| k.0).max().unwrap();
    let cols = cells.keys().map(|k| k.1).max().unwrap();
    let mut csv = String::from("\u{FEFF}");
    for r in 0..=rows {
        let line: Vec<String> = (0..=cols)
            .map(|c| match cells.get(&(r, c)) {
                // A spreadsheet saves what it shows (General format), not
                // the float's noise: 9.5000000001 is written "9,5".
                Some(V::N(f)) => format!("\"{}\"", shown(*f)),
                Some(V::T(s)) => format!("\"{}\"", s.replace('"', "\"\"")),
                None => String::new(),
            })
            .collect();
        csv.push_str(&line.join(";"));
        csv.push_str("\r\n");
    }
    std::fs::write(site.join("tu-cham.csv"), csv).unwrap();
    let o = bangtin(
        &[
            "import",
            "scores",
            "tu-cham.csv",
            "--cluster",
            "cdvc-cum-1",
            "--year",
            "2024",
        ],
        &site,
    );
    assert_eq!(o.code, Some(0), "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains("Đã đọc tu-cham.csv"), "{}", o.stdout);
    let row = |parts: &[&str]| {
        o.stdout
            .lines()
            .any(|l| parts.iter().all(|p| l.contains(p)))
    };
    assert!(
        row(&["tl-cd-so-y-te", "Tự chấm I.2", "— → 9,5"]),
        "{}",
        o.stdout
    );
    assert!(
        row(&["tl-cd-so-ldtbxh", "Tự chấm II.2", "— → tỷ lệ 0,82"]),
        "{}",
        o.stdout
    );
    assert!(
        !o.stdout.contains("Chấm – CĐVC tỉnh"),
        "one sheet only: {}",
        o.stdout
    );
}

/// A number as a Vietnamese-locale spreadsheet's General format shows it.
fn shown(f: f64) -> String {
    let s = format!("{f:.9}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}
