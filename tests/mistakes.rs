//! The mistakes staff make, each on its own in a valid site: the first
//! problem bangtin reports is the real one, at its file, line and column, in
//! Vietnamese with no English word from the YAML parser, and one mistake
//! gives one error (knock-on errors are left out; at most one "ghi chú" says
//! what was not checked). Issue 16.

mod common;
mod data_fixture;

use bangtin::diag::{Diagnostic, Severity};
use common::render;
use data_fixture::*;

const ARTICLE: &str = "content/news/2024/ky-ket.md";
const ARTICLE_TEXT: &str = "---
title: Cụm thi đua số 1 ký kết giao ước
date: 2024-03-14T15:30:00+07:00
cluster: cum-1
units: [tl-cd-vp-ubnd, tl-cd-thanh-tra]
tags: [giao ước thi đua]
---
Chiều 14/3, Cụm thi đua số 1 ký kết giao ước thi đua năm 2024.
";

/// How a case bends the valid site.
enum Edit {
    /// Replace the first `from` by `to` in a file of the site.
    Replace(&'static str, &'static str, &'static str),
    /// Write a whole file.
    Write(&'static str, &'static str),
    /// Write raw bytes (a legacy encoding).
    Bytes(&'static str, &'static [u8]),
}

struct Case {
    name: &'static str,
    edits: Vec<Edit>,
    severity: Severity,
    /// The exact first message.
    message: &'static str,
    file: &'static str,
    /// Where it points: a needle in that file, `^` at the point.
    at: &'static str,
    /// Errors in all (0 for a warning case).
    errors: usize,
    /// Words the hint must contain.
    hint: &'static str,
}

fn site_with(edits: &[Edit]) -> (DataSite, Vec<(String, Vec<u8>)>) {
    let mut t = DataSite::new().file(ARTICLE, ARTICLE_TEXT);
    let mut raw = Vec::new();
    for e in edits {
        t = match e {
            Edit::Replace(rel, from, to) => t.edit(rel, from, to),
            Edit::Write(rel, text) => t.file(rel, text),
            Edit::Bytes(rel, bytes) => {
                raw.push((rel.to_string(), bytes.to_vec()));
                t.without(rel)
            }
        };
    }
    (t, raw)
}

/// Every diagnostic of a `check` of the bent site, sorted as printed.
fn check(t: &DataSite, raw: &[(String, Vec<u8>)]) -> Vec<Diagnostic> {
    let _ = t.load();
    for (rel, bytes) in raw {
        t.site.write_bytes(rel, bytes);
    }
    let mut opts = t.site.options();
    opts.write = false;
    match bangtin::build::run(&opts) {
        Ok(report) => report.warnings,
        Err(ds) => ds,
    }
}

/// Words of serde and serde-saphyr that must never reach a Vietnamese reader.
const PARSER_WORDS: &[&str] = &[
    "expected",
    "invalid",
    "mapping",
    "scalar",
    "unexpected",
    "context",
    "found",
    "while",
    "unit value",
    "sequence",
    "input",
    "allowed",
    "tabs",
    "struct",
    "variant",
];

fn run(case: &Case) {
    let (t, raw) = site_with(&case.edits);
    let ds = check(&t, &raw);
    let shown = render(&ds);
    let first = ds
        .first()
        .unwrap_or_else(|| panic!("{}: nothing reported", case.name));
    assert_eq!(first.severity, case.severity, "{}:\n{shown}", case.name);
    assert_eq!(first.message, case.message, "{}:\n{shown}", case.name);
    assert_eq!(file_of(first), case.file, "{}:\n{shown}", case.name);
    let text = raw
        .iter()
        .find(|(rel, _)| rel == case.file)
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_else(|| t.text(case.file).to_string());
    let at = if case.at.is_empty() {
        (1, 1)
    } else {
        pos_in(&text, case.at)
    };
    assert_eq!((first.line, first.column), at, "{}:\n{shown}", case.name);
    assert!(
        hint(first).contains(case.hint),
        "{}: hint {:?} lacks {:?}",
        case.name,
        hint(first),
        case.hint
    );
    let errors = ds.iter().filter(|d| d.is_error()).count();
    assert_eq!(errors, case.errors, "{}: error count\n{shown}", case.name);
    let notes = ds.iter().filter(|d| d.severity == Severity::Note).count();
    assert!(notes <= 1, "{}: more than one note\n{shown}", case.name);
    for d in &ds {
        let words = format!("{} {}", d.message, hint(d)).to_lowercase();
        for w in PARSER_WORDS {
            assert!(
                !words.contains(w),
                "{}: parser word {w:?} in {:?}",
                case.name,
                d.render()
            );
        }
    }
}

fn error(
    name: &'static str,
    edits: Vec<Edit>,
    message: &'static str,
    file: &'static str,
    at: &'static str,
    hint: &'static str,
) -> Case {
    Case {
        name,
        edits,
        severity: Severity::Error,
        message,
        file,
        at,
        errors: 1,
        hint,
    }
}

/// A mistake that is published wrong unless warned about: no error at all.
fn warning(
    name: &'static str,
    edits: Vec<Edit>,
    message: &'static str,
    file: &'static str,
    at: &'static str,
    hint: &'static str,
) -> Case {
    Case {
        severity: Severity::Warning,
        errors: 0,
        ..error(name, edits, message, file, at, hint)
    }
}

use Edit::{Bytes, Replace, Write};

fn cases() -> Vec<Case> {
    vec![
        // --- YAML shape ---------------------------------------------------
        error(
            "a tab in units.yaml",
            vec![Replace(UNITS, "    kind: agency\n", "\tkind: agency\n")],
            "có ký tự Tab trong phần thụt lề hoặc giá trị",
            UNITS,
            "^\tkind: agency",
            "thay phím Tab bằng dấu cách",
        ),
        error(
            "a tab in front matter",
            vec![Replace(
                ARTICLE,
                "cluster: cum-1",
                "cluster:\tcum-1\n\tunits: []",
            )],
            "có ký tự Tab trong phần thụt lề hoặc giá trị",
            ARTICLE,
            "cluster:^\tcum-1",
            "thay phím Tab bằng dấu cách",
        ),
        error(
            "a colon inside a title",
            vec![Replace(
                ARTICLE,
                "title: Cụm thi đua số 1 ký kết giao ước",
                "title: Hội nghị: ký kết giao ước",
            )],
            "dấu hai chấm `:` trong giá trị làm YAML tưởng là một khóa mới",
            ARTICLE,
            "Hội nghị^: ký",
            "đặt cả giá trị trong ngoặc kép",
        ),
        error(
            "Word quotes around a title with a colon",
            vec![Replace(
                ARTICLE,
                "title: Cụm thi đua số 1 ký kết giao ước",
                "title: “Hội nghị: ký kết”",
            )],
            "dòng này có ngoặc kép kiểu Word “ ” hoặc ‘ ’, YAML không coi là dấu ngoặc",
            ARTICLE,
            "title: ^“",
            "đây là ngoặc kép kiểu Word, hãy gõ \"",
        ),
        error(
            "an unclosed quote",
            vec![Replace(
                ARTICLE,
                "title: Cụm thi đua số 1 ký kết giao ước",
                "title: \"Cụm thi đua số 1",
            )],
            "dấu ngoặc kép mở mà không đóng",
            ARTICLE,
            "title: ^\"Cụm",
            "thêm \" ở cuối giá trị",
        ),
        error(
            "an unclosed brace",
            vec![Replace(
                AWARDS,
                "issuer: tl-ldld-tinh }",
                "issuer: tl-ldld-tinh",
            )],
            "dấu ngoặc `{` hoặc `[` mở mà không đóng đúng chỗ",
            AWARDS,
            "  - ^{ id: co-thi-dua",
            "đóng bằng `}`",
        ),
        error(
            "a key indented one space too far",
            vec![Replace(CLUSTER, "name: Cụm", " name: Cụm")],
            "thụt lề của dòng này không khớp với các dòng cùng cấp",
            CLUSTER,
            " name^: Cụm",
            "thẳng cột",
        ),
        error(
            "no space after a colon",
            vec![Replace(CLUSTER, "year: 2024", "year:2024")],
            "thiếu dấu cách sau dấu hai chấm: YAML đọc khóa và giá trị thành một chữ",
            CLUSTER,
            "year:^2024",
            "có một dấu cách sau dấu `:`",
        ),
        error(
            "an empty data file",
            vec![Write(AWARDS, "")],
            "tệp rỗng: không có nội dung nào ngoài ghi chú",
            AWARDS,
            "",
            "docs/format.md",
        ),
        error(
            "a units file with only comments",
            vec![Write(UNITS, "# Danh sách đơn vị\n")],
            "tệp rỗng: không có nội dung nào ngoài ghi chú",
            UNITS,
            "",
            "docs/format.md",
        ),
        error(
            "a decimal comma inside braces in scores",
            vec![Replace(SCORES, "I.1: \"39,5\"", "I.1: 39,5")],
            "số `39,5` có dấu phẩy thập phân trong `{ … }`: YAML coi dấu phẩy là dấu ngăn cách hai mục",
            SCORES,
            "I.1: ^39,5",
            "\"39,5\"",
        ),
        error(
            "a decimal comma inside braces in a scheme",
            vec![Replace(SCHEME, "step: 0.5 }", "step: 0,5 }")],
            "số `0,5` có dấu phẩy thập phân trong `{ … }`: YAML coi dấu phẩy là dấu ngăn cách hai mục",
            SCHEME,
            "step: ^0,5",
            "\"0,5\"",
        ),
        error(
            "a list where a single value belongs",
            vec![Replace(SCORES, "I.2: 20, II: 37 }", "I.2: [20], II: 37 }")],
            "ở đây cần một số, nhưng lại là một danh sách",
            SCORES,
            "^I.2: [20]",
            "viết một số",
        ),
        error(
            "yes for a boolean",
            vec![Replace(ARTICLE, "tags: [giao ước thi đua]", "draft: có")],
            "ở đây cần `true` (có) hoặc `false` (không)",
            ARTICLE,
            "draft: ^có",
            "`true` hoặc `false`",
        ),
        error(
            "a word where a number belongs",
            vec![Write(
                "site.yaml",
                "title: Thi đua\nbase_url: https://thidua.example.vn/\npaginate: mười\n",
            )],
            "ở đây cần một số nguyên, từ 0 trở lên",
            "site.yaml",
            "paginate: ^mười",
            "chữ số",
        ),
        error(
            "a misspelt key",
            vec![Replace(ARTICLE, "tags: [", "tag: [")],
            "khóa `tag` không được hỗ trợ ở đây",
            ARTICLE,
            "^tag: [",
            "`tags`",
        ),
        // --- Dates ----------------------------------------------------------
        error(
            "a Vietnamese date and time",
            vec![Replace(
                ARTICLE,
                "2024-03-14T15:30:00+07:00",
                "14/3/2024 15:30",
            )],
            "ngày `14/3/2024 15:30` không hợp lệ",
            ARTICLE,
            "date: ^14/3",
            "2024-03-14T15:30:00+07:00",
        ),
        error(
            "a Vietnamese date in a unit",
            vec![Replace(
                UNITS,
                "valid: { from: 1992-01-01 }",
                "valid: { from: 01/01/1992 }",
            )],
            "ngày `01/01/1992` không hợp lệ",
            UNITS,
            "from: ^01/01/1992",
            "1992-01-01",
        ),
        // --- Ids and knock-on ------------------------------------------------
        error(
            "a misspelt member id",
            vec![Replace(
                CLUSTER,
                "- { unit: tl-cd-thanh-tra }",
                "- { unit: tl-cd-thanh-tr }",
            )],
            "không có đơn vị nào mã `tl-cd-thanh-tr`",
            CLUSTER,
            "unit: ^tl-cd-thanh-tr }",
            "`tl-cd-thanh-tra`",
        ),
        error(
            "a misspelt scheme id",
            vec![Replace(CLUSTER, "scheme: cdvc-2024", "scheme: cdvc-2042")],
            "không có biểu chấm điểm nào mã `cdvc-2042`",
            CLUSTER,
            "scheme: ^cdvc-2042",
            "`cdvc-2024`",
        ),
        error(
            "a misspelt unit in an article",
            vec![Replace(
                ARTICLE,
                "units: [tl-cd-vp-ubnd,",
                "units: [tl-cd-vp-ubdn,",
            )],
            "không có đơn vị nào mã `tl-cd-vp-ubdn`",
            ARTICLE,
            "units: [^tl-cd-vp-ubdn",
            "`tl-cd-vp-ubnd`",
        ),
        error(
            "a score above the maximum",
            vec![Replace(SCORES, "II: 37 }", "II: 47 }")],
            "điểm 47 của tiêu chí II nằm ngoài khoảng 0 – 40",
            SCORES,
            "II: ^47",
            "40",
        ),
        error(
            "a score off the step",
            vec![Replace(SCORES, "I.1: 39, I.2", "I.1: \"39,3\", I.2")],
            "điểm 39,3 không theo bước chấm 0,5",
            SCORES,
            "I.1: ^\"39,3\"",
            "0,5",
        ),
        error(
            "a photo missing from the article folder",
            vec![Write(
                "content/news/2024/dai-bieu/index.md",
                "---\ntitle: Đại biểu\ndate: 2024-05-01\n---\n![Đại biểu](<ảnh đại biểu.jpg>)\n",
            )],
            "không có tệp `ảnh đại biểu.jpg` trong thư mục của bài viết",
            "content/news/2024/dai-bieu/index.md",
            "^![Đại biểu]",
            "chép tệp vào thư mục content/news/2024/dai-bieu",
        ),
        // --- Encodings ------------------------------------------------------
        error(
            "a Windows-1258 scheme",
            vec![Bytes(SCHEME, b"id: cdvc-2024\ntitle: C\xf4ng \xf0o\xe0n\n")],
            "tệp không phải văn bản UTF-8",
            SCHEME,
            "title: C^",
            "Windows-1258",
        ),
        error(
            "a Windows-1258 cluster",
            vec![Bytes(
                CLUSTER,
                b"id: cum-1\nyear: 2024\nname: C\xf4ng \xf0o\xe0n\n",
            )],
            "tệp không phải văn bản UTF-8",
            CLUSTER,
            "name: C^",
            "Windows-1258",
        ),
        error(
            "a Windows-1258 site.yaml",
            vec![Bytes(
                "site.yaml",
                b"title: C\xf4ng \xf0o\xe0n\nbase_url: https://a.vn/\n",
            )],
            "tệp không phải văn bản UTF-8",
            "site.yaml",
            "title: C^",
            "Windows-1258",
        ),
        // --- Published wrong, silently: now warnings ------------------------
        warning(
            "a # that cuts a title",
            vec![Replace(
                ARTICLE,
                "title: Cụm thi đua số 1 ký kết giao ước",
                "title: Cụm #1 ký kết giao ước",
            )],
            "YAML coi phần từ dấu `#` là ghi chú: giá trị chỉ còn `Cụm`",
            ARTICLE,
            "Cụm ^#1",
            "ngoặc kép",
        ),
        warning(
            "Word quotes around a title",
            vec![Replace(
                ARTICLE,
                "title: Cụm thi đua số 1 ký kết giao ước",
                "title: “Cụm thi đua số 1 ký kết”",
            )],
            "giá trị nằm trong ngoặc kép kiểu Word “…”: dấu ngoặc đó sẽ hiện ra trên trang",
            ARTICLE,
            "title: ^“",
            "ngoặc kép kiểu Word",
        ),
        warning(
            "Word quotes around a unit name",
            vec![Replace(
                UNITS,
                "names: [{ full: Công đoàn Thanh tra tỉnh }]",
                "names: [{ full: “Công đoàn Thanh tra tỉnh” }]",
            )],
            "giá trị nằm trong ngoặc kép kiểu Word “…”: dấu ngoặc đó sẽ hiện ra trên trang",
            UNITS,
            "full: ^“Công đoàn Thanh",
            "ngoặc kép kiểu Word",
        ),
        warning(
            "an image name with spaces",
            vec![Replace(
                ARTICLE,
                "năm 2024.\n",
                "năm 2024.\n\n![Đại biểu](Đại biểu dự hội nghị.jpg)\n",
            )],
            "`![Đại biểu](Đại biểu dự hội nghị.jpg)` sẽ hiện nguyên dạng chữ trên trang: Markdown không đọc được ảnh hoặc liên kết này",
            ARTICLE,
            "^![Đại biểu]",
            "(<Đại biểu dự hội nghị.jpg>)",
        ),
        warning(
            "a member forgotten in a phase",
            vec![Replace(
                SCORES,
                "    tl-cd-thanh-tra: { status: not_submitted }\n",
                "",
            )],
            "chưa có dòng điểm của tl-cd-thanh-tra trong đợt `dot1`: trang sẽ ghi là \"không nộp\"",
            SCORES,
            "^dot1:",
            "`status: not_submitted`",
        ),
        warning(
            "a phase with no entries",
            vec![Replace(
                SCORES,
                "  dot1:\n    tl-cd-vp-ubnd: { status: not_submitted }\n    tl-cd-so-tu-phap: { status: not_submitted }\n    tl-cd-thanh-tra: { status: not_submitted }\n",
                "  dot1: {}\n",
            )],
            "đợt `dot1` chưa có điểm của đơn vị nào: cả 3 đơn vị sẽ được ghi là \"không nộp\"",
            SCORES,
            "^dot1: {}",
            "`status: not_submitted`",
        ),
        warning(
            "a Hugo-style _index.md in a folder",
            vec![Write(
                "content/news/2024/hoi-nghi/_index.md",
                "---\ntitle: Hội nghị\n---\n",
            )],
            "tệp `_index.md` ở đây không được đọc: chỉ content/_index.md, content/news/_index.md và content/news/<năm>/_index.md là phần giới thiệu",
            "content/news/2024/hoi-nghi/_index.md",
            "",
            "đổi tên tệp",
        ),
    ]
}

#[test]
fn each_typical_mistake_gives_its_own_message_first_at_its_place() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    for case in &cases {
        run(case);
    }
}

#[test]
fn a_broken_units_file_is_reported_once_with_one_note_not_as_every_unit_missing() {
    let (t, raw) = site_with(&[Replace(UNITS, "    kind: agency\n", "\tkind: agency\n")]);
    let ds = check(&t, &raw);
    assert_eq!(ds.len(), 2, "{}", render(&ds));
    assert_eq!(ds[1].severity, Severity::Note);
    assert!(
        ds[1].message.contains("data/units.yaml"),
        "{}",
        ds[1].message
    );
}

#[test]
fn clusters_without_a_units_file_are_one_error() {
    let t = DataSite::new().without(UNITS).file(ARTICLE, ARTICLE_TEXT);
    let ds = check(&t, &[]);
    let errors: Vec<&Diagnostic> = ds.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", render(&ds));
    assert_eq!(file_of(errors[0]), UNITS);
    assert!(
        errors[0].message.contains("data/units.yaml"),
        "{}",
        render(&ds)
    );
}

#[test]
fn a_broken_cluster_file_leaves_its_scores_and_articles_unjudged() {
    let (t, raw) = site_with(&[Replace(CLUSTER, "scheme: cdvc-2024", "scheme: [")]);
    let ds = check(&t, &raw);
    let errors: Vec<&Diagnostic> = ds.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{}", render(&ds));
    assert_eq!(file_of(errors[0]), CLUSTER);
    let note = ds.iter().find(|d| d.severity == Severity::Note).unwrap();
    assert!(note.message.contains(CLUSTER), "{}", note.message);
}

#[test]
fn an_article_intro_of_the_news_list_is_not_an_article() {
    let (t, raw) = site_with(&[
        Write(
            "content/news/_index.md",
            "---\ntitle: Tin hoạt động\ndescription: Tin các Cụm thi đua\n---\nGiới thiệu.\n",
        ),
        Write(
            "content/news/2024/_index.md",
            "---\ntitle: Tin năm 2024\n---\nNăm 2024.\n",
        ),
    ]);
    let ds = check(&t, &raw);
    assert!(ds.is_empty(), "{}", render(&ds));
}
