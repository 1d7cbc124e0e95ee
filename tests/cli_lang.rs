//! The command line speaks one language: help, usage errors and summaries in
//! Vietnamese by default, in English with `--lang en`, `BANGTIN_LANG=en` or
//! `LANG=en_…`, with none of clap's own English words in the Vietnamese.

mod common;

use common::{Run, SiteTest, run_bin};

fn run(args: &[&str], env: &[(&str, &str)]) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    run_bin(env!("CARGO_BIN_EXE_bangtin"), args, tmp.path(), env)
}

/// clap's English that must never reach a Vietnamese reader.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print help",
    "Print version",
    "[default:",
    "[possible values",
    "unrecognized",
    "similar",
    "For more information",
    "error:",
    "tip:",
];

const VIETNAMESE: &[&str] = &[
    "Cách dùng",
    "Tùy chọn",
    "Lệnh:",
    "Tham số",
    "In hướng dẫn",
    "mặc định",
    "lỗi:",
    "gợi ý",
    "Xem thêm",
];

fn assert_vietnamese(text: &str) {
    for w in ENGLISH {
        assert!(!text.contains(w), "English `{w}` in:\n{text}");
    }
}

fn assert_english(text: &str) {
    for w in VIETNAMESE {
        assert!(!text.contains(w), "Vietnamese `{w}` in:\n{text}");
    }
}

#[test]
fn help_is_vietnamese_by_default() {
    let r = run(&["--help"], &[]);
    assert_eq!(r.code, Some(0));
    assert!(r.stderr.is_empty(), "{}", r.stderr);
    for w in [
        "Cách dùng: bangtin [TÙY_CHỌN] <LỆNH>",
        "\nLệnh:\n",
        "  build     Xây dựng trang web vào thư mục output/.",
        "\nTùy chọn:\n",
        "  -h, --help ",
        "In hướng dẫn này.",
        "  -V, --version ",
        "In số phiên bản.",
        "--lang <NGÔN_NGỮ>",
    ] {
        assert!(r.stdout.contains(w), "no {w:?} in:\n{}", r.stdout);
    }
    assert_vietnamese(&r.stdout);

    let r = run(&["build", "--help"], &[]);
    assert_eq!(r.code, Some(0));
    for w in [
        "Xây dựng trang web vào thư mục output/.",
        "Cách dùng: bangtin build [TÙY_CHỌN]",
        "--site <THƯ_MỤC>",
        "Thư mục của trang (mặc định: thư mục hiện tại).",
        "--deny-warnings",
        "Coi cảnh báo là lỗi (dùng trong CI).",
    ] {
        assert!(r.stdout.contains(w), "no {w:?} in:\n{}", r.stdout);
    }
    assert_vietnamese(&r.stdout);

    // A default is written in the help text, never as clap's `[default: …]`.
    let r = run(&["serve", "--help"], &[]);
    assert!(
        r.stdout
            .contains("Cổng (mặc định: 1111; nếu bận thì dùng cổng trống kế tiếp)."),
        "{}",
        r.stdout
    );
    assert_vietnamese(&r.stdout);

    let r = run(&["init", "--help"], &[]);
    assert!(
        r.stdout
            .contains("Cách dùng: bangtin init [TÙY_CHỌN] <THƯ_MỤC>")
    );
    assert!(r.stdout.contains("\nTham số:\n  <THƯ_MỤC>"), "{}", r.stdout);
    assert_vietnamese(&r.stdout);
}

#[test]
fn help_is_english_with_lang_en_bangtin_lang_or_lang() {
    for (args, env) in [
        (vec!["--lang", "en", "build", "--help"], vec![]),
        (vec!["build", "--help", "--lang=en"], vec![]),
        (vec!["build", "--help"], vec![("BANGTIN_LANG", "en")]),
        (vec!["build", "--help"], vec![("LANG", "en_US.UTF-8")]),
    ] {
        let r = run(&args, &env);
        assert_eq!(r.code, Some(0), "{args:?} {env:?}");
        for w in [
            "Build the site into the output/ folder.",
            "Usage: bangtin build [OPTIONS]",
            "\nOptions:\n",
            "--site <DIR>",
            "The site folder (default: the current folder).",
            "Print help.",
        ] {
            assert!(
                r.stdout.contains(w),
                "{args:?} {env:?}: no {w:?} in:\n{}",
                r.stdout
            );
        }
        assert_english(&r.stdout);
    }
    // `--lang vi` wins over the environment; so does BANGTIN_LANG over LANG.
    let r = run(&["--lang", "vi", "--help"], &[("BANGTIN_LANG", "en")]);
    assert!(r.stdout.contains("Cách dùng"), "{}", r.stdout);
    let r = run(
        &["--help"],
        &[("BANGTIN_LANG", "vi"), ("LANG", "en_US.UTF-8")],
    );
    assert!(r.stdout.contains("Cách dùng"), "{}", r.stdout);
    for lang in ["C", "POSIX", "vi_VN.UTF-8"] {
        let r = run(&["--help"], &[("LANG", lang)]);
        assert!(r.stdout.contains("Cách dùng"), "LANG={lang}: {}", r.stdout);
    }
}

#[test]
fn a_mistyped_command_is_refused_in_vietnamese_with_the_similar_one() {
    let r = run(&["biuld"], &[]);
    assert_eq!(r.code, Some(2));
    assert!(r.stdout.is_empty());
    assert_eq!(
        r.stderr,
        "lỗi: không có lệnh `biuld`\n  = gợi ý: có lệnh gần giống: `build`\n\n\
         Cách dùng: bangtin [TÙY_CHỌN] <LỆNH>\nXem thêm: bangtin --help\n"
    );
    let r = run(&["--lang", "en", "biuld"], &[]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        "error: unrecognized subcommand `biuld`\n  = hint: a similar subcommand exists: `build`\n\n\
         Usage: bangtin [OPTIONS] <COMMAND>\nFor more information, try 'bangtin --help'.\n"
    );
    assert_english(&r.stderr);
}

#[test]
fn an_unknown_option_is_refused_in_the_language_of_the_run() {
    let r = run(&["build", "--bogus"], &[]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        "lỗi: không nhận `--bogus` ở đây\n\n\
         Cách dùng: bangtin build [TÙY_CHỌN]\nXem thêm: bangtin build --help\n"
    );
    assert_vietnamese(&r.stderr);
    let r = run(&["build", "--bogus"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .starts_with("error: unexpected argument `--bogus` found\n"),
        "{}",
        r.stderr
    );
    assert_english(&r.stderr);
    // A near miss gets its hint.
    let r = run(&["build", "--draft"], &[]);
    assert!(
        r.stderr.contains("có phải ý bạn là `--drafts`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_and_invalid_values_are_refused_in_vietnamese() {
    let r = run(&["init"], &[]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .starts_with("lỗi: thiếu tham số bắt buộc: <THƯ_MỤC>\n"),
        "{}",
        r.stderr
    );
    assert_vietnamese(&r.stderr);
    let r = run(&["serve", "--port", "abc"], &[]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .starts_with("lỗi: giá trị `abc` không hợp lệ cho --port <CỔNG>\n"),
        "{}",
        r.stderr
    );
    let r = run(&["--lang", "fr", "build"], &[]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("gợi ý: các giá trị dùng được: vi, en"),
        "{}",
        r.stderr
    );
    let r = run(&["--lang", "en", "init"], &[]);
    assert!(
        r.stderr
            .starts_with("error: the following required arguments were not provided: <DIR>\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_summary_uses_the_decimal_separator_of_its_language() {
    let t = SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "x");
    let bin = env!("CARGO_BIN_EXE_bangtin");
    let r = run_bin(bin, &["build"], &t.site(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let secs = r
        .stdout
        .split(" trong ")
        .nth(1)
        .and_then(|s| s.split(" giây").next())
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(secs.contains(',') && !secs.contains('.'), "{}", r.stdout);

    let r = run_bin(bin, &["build", "--lang", "en"], &t.site(), &[]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("Built 8 pages, 0 images, 0 warnings in "),
        "{}",
        r.stdout
    );
    let secs = r
        .stdout
        .split(" in ")
        .nth(1)
        .and_then(|s| s.split(" s ").next())
        .unwrap_or_else(|| panic!("{}", r.stdout));
    assert!(secs.contains('.') && !secs.contains(','), "{}", r.stdout);
}

#[test]
fn a_failed_check_does_not_speak_of_the_output_folder() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 14/3/2024\n---\nx\n",
    );
    let bin = env!("CARGO_BIN_EXE_bangtin");
    let r = run_bin(bin, &["check"], &t.site(), &[]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.ends_with("Kiểm tra thấy 1 lỗi, 0 cảnh báo\n"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("output"), "{}", r.stderr);
    let r = run_bin(bin, &["check", "--lang", "en"], &t.site(), &[]);
    assert!(
        r.stderr.ends_with("Check found 1 error, 0 warnings\n"),
        "{}",
        r.stderr
    );
    let r = run_bin(bin, &["build"], &t.site(), &[]);
    assert!(
        r.stderr
            .ends_with("1 lỗi, 0 cảnh báo; thư mục output giữ nguyên như trước\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn numbers_in_messages_use_the_decimal_sign_of_the_language() {
    let t = SiteTest::new()
        .file(
            "data/units.yaml",
            "units:\n  - { id: a, kind: agency, names: [{ full: Sở A }] }\n  - { id: b, kind: agency, names: [{ full: Sở B }] }\n",
        )
        .file(
            "data/schemes/s.yaml",
            "id: s\ntitle: Biểu\ntotal_max: 10\ndecimals: 2\naggregation: { assessed_by: self_only }\ncriteria:\n  - { id: I, title: Một, max: 10, rule: scale, step: 0.5 }\n",
        )
        .file(
            "data/clusters/2024/c.yaml",
            "id: c\nyear: 2024\nname: Cụm\norganiser: a\nscheme: s\nmembers:\n  - { unit: a, role: cum_truong }\n  - { unit: b }\n",
        )
        .file(
            "data/scores/2024/c.yaml",
            "cluster: c\nyear: 2024\nphases:\n  ca-nam:\n    a:\n      self: { I: \"9,3\" }\n    b:\n      self: { I: 9 }\n",
        );
    let site = t.site();
    let site = site.to_str().unwrap();
    let vi = run(&["check", "--site", site], &[]);
    assert!(vi.stderr.contains("bước chấm 0,5"), "{}", vi.stderr);
    let en = run(&["--lang", "en", "check", "--site", site], &[]);
    assert!(
        en.stderr.contains("9.3") || en.stderr.contains("9,3"),
        "{}",
        en.stderr
    );
    assert!(en.stderr.contains("the step 0.5"), "{}", en.stderr);
}
