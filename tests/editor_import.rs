//! Nhập từ Excel in the editor's scores grid (issue 23) over real HTTP: the
//! template the page downloads is the one of `bangtin template scores`; a
//! filled one answers the change table of `bangtin import scores` and
//! writes nothing until she confirms, then writes the very bytes `bangtin
//! import scores --write` writes; a wrong cell is refused at its sheet and
//! cell; a file changed in between is not overwritten.

mod common;

use std::fs;
use std::path::Path;

use common::book::{Book, UNITS, V, fill};
use common::editor::{Editor, error_of, json_of};
use common::{example_copy, run_bin};
use serde_json::Value;

const PATH: &str = "data/scores/2024/cdvc-cum-1.yaml";
const IMPORT: &str = "/_bangtin/api/scores/import?path=data/scores/2024/cdvc-cum-1.yaml";

fn bangtin(args: &[&str], dir: &Path) {
    let run = run_bin(env!("CARGO_BIN_EXE_bangtin"), args, dir, &[]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
}

/// The template downloaded from the editor, filled by `fill`, and `edit`.
fn filled(e: &Editor, site: &Path, edit: impl FnOnce(&mut Book)) -> Vec<u8> {
    let r = e.get(&format!("/_bangtin/api/scores/template?path={PATH}"));
    assert_eq!(r.status, 200, "{}", r.text());
    fs::write(site.join("mau.xlsx"), &r.body).unwrap();
    let mut book = Book::open(&site.join("mau.xlsx"));
    fill(&mut book);
    edit(&mut book);
    book.save(&site.join("diem.xlsx"));
    fs::read(site.join("diem.xlsx")).unwrap()
}

fn change<'a>(answer: &'a Value, unit: &str, what: &str) -> Option<&'a Value> {
    answer["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["unit"] == unit && c["what"] == what)
}

#[test]
fn the_downloaded_template_is_the_clis() {
    let site = example_copy("editor-template");
    let e = Editor::open_at(&site);
    let r = e.get(&format!("/_bangtin/api/scores/template?path={PATH}"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(
        r.header("Content-Type")
            .is_some_and(|t| t.starts_with("application/vnd.openxmlformats")),
        "{:?}",
        r.header("Content-Type")
    );
    let disposition = r.header("Content-Disposition").unwrap_or_default();
    assert!(
        disposition.starts_with("attachment; filename=\"diem-cdvc-cum-1-2024-"),
        "{disposition}"
    );
    fs::write(site.join("tai-ve.xlsx"), &r.body).unwrap();
    bangtin(
        &[
            "template",
            "scores",
            "cdvc-cum-1",
            "2024",
            "-o",
            "lenh.xlsx",
        ],
        &site,
    );
    let (mine, cli) = (
        Book::open(&site.join("tai-ve.xlsx")),
        Book::open(&site.join("lenh.xlsx")),
    );
    assert_eq!(mine.sheets, cli.sheets);
    // A path that is not a scores file is refused.
    let r = e.get("/_bangtin/api/scores/template?path=data/scores/2024/cdvc-cum-1.yml");
    assert_eq!(r.status, 400, "{}", r.text());
}

#[test]
fn a_filled_template_shows_its_changes_then_writes_what_the_cli_writes() {
    let site = example_copy("editor-import");
    let cli = example_copy("editor-import-cli");
    let e = Editor::open_at(&site);
    let bytes = filled(&e, &site, |_| {});
    let r = e.post(&format!("{IMPORT}&name=diem.xlsx"), &bytes);
    assert_eq!(r.status, 200, "{}", r.text());
    let preview = json_of(&r);
    assert_eq!(preview["new_file"], true);
    assert_eq!(preview["written"], false);
    let c = change(&preview, UNITS[0], "Tự chấm I.2").expect("the change of I.2");
    assert_eq!(
        (c["old"].as_str(), c["new"].as_str()),
        (Some("—"), Some("9,5"))
    );
    assert_eq!(c["name"], "Công đoàn cơ sở Sở Y tế");
    assert!(change(&preview, UNITS[3], "Tự chấm II.2").is_some_and(|c| c["new"] == "tỷ lệ 0,82"));
    assert!(!site.join(PATH).exists(), "a preview writes nothing");

    let r = e.post(&format!("{IMPORT}&name=diem.xlsx&write=1&version="), &bytes);
    assert_eq!(r.status, 200, "{}", r.text());
    let written = json_of(&r);
    assert_eq!(written["written"], true);
    assert_eq!(written["grid"]["path"], PATH);
    fs::copy(site.join("diem.xlsx"), cli.join("diem.xlsx")).unwrap();
    bangtin(
        &[
            "import",
            "scores",
            "diem.xlsx",
            "--cluster",
            "cdvc-cum-1",
            "--year",
            "2024",
            "--write",
        ],
        &cli,
    );
    assert_eq!(
        fs::read_to_string(site.join(PATH)).unwrap(),
        fs::read_to_string(cli.join(PATH)).unwrap()
    );
    // The same workbook again changes nothing.
    let again = json_of(&e.post(&format!("{IMPORT}&name=diem.xlsx"), &bytes));
    assert_eq!(
        again["changes"].as_array().map(Vec::len),
        Some(0),
        "{again}"
    );
    assert_eq!(again["new_file"], false);
}

#[test]
fn a_wrong_cell_is_refused_at_its_sheet_and_cell_and_nothing_is_written() {
    let site = example_copy("editor-import-bad");
    let e = Editor::open_at(&site);
    let bytes = filled(&e, &site, |book| {
        book.set(0, UNITS[0], "I.1", V::T("19,3"));
        book.set(0, UNITS[2], "II.3", V::T("chín"));
    });
    let r = e.post(&format!("{IMPORT}&name=diem.xlsx&write=1&version="), &bytes);
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(error_of(&r).contains("chưa lưu gì"), "{}", error_of(&r));
    let messages: Vec<String> = json_of(&r)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap_or_default().to_string())
        .collect();
    for want in [
        "trang tính «Tự chấm», ô E5: `19,3` không theo bước 0,5",
        "trang tính «Tự chấm», ô G10: `chín` không phải là số",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(want)),
            "{want}: {messages:?}"
        );
    }
    assert!(!site.join(PATH).exists());
    // Not a workbook at all.
    let r = e.post(&format!("{IMPORT}&name=diem.xlsx"), b"not a zip");
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(!json_of(&r)["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn a_file_changed_since_the_preview_is_not_overwritten() {
    let site = example_copy("editor-import-conflict");
    let e = Editor::open_at(&site);
    let bytes = filled(&e, &site, |_| {});
    let preview = json_of(&e.post(&format!("{IMPORT}&name=diem.xlsx"), &bytes));
    assert_eq!(preview["version"], Value::Null, "no file yet");
    // The file is made in between (here by a first confirmation): the
    // stale one, made for no file, is refused and writes nothing.
    let first = e.post(&format!("{IMPORT}&name=diem.xlsx&write=1&version="), &bytes);
    assert_eq!(first.status, 200, "{}", first.text());
    let made = fs::read_to_string(site.join(PATH)).unwrap();
    let r = e.post(&format!("{IMPORT}&name=diem.xlsx&write=1&version="), &bytes);
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(error_of(&r).contains(PATH), "{}", error_of(&r));
    assert_eq!(fs::read_to_string(site.join(PATH)).unwrap(), made);
}
