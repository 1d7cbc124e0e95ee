//! `bangtin init` and `bangtin new …`: what they write, that it builds, and
//! that they never write outside a site or over a file.

mod common;

use std::path::Path;

use common::{Run, run_bin};

fn bangtin(args: &[&str], dir: &Path) -> Run {
    run_bin(env!("CARGO_BIN_EXE_bangtin"), args, dir, &[])
}

fn year() -> i16 {
    jiff::Zoned::now().year()
}

#[test]
fn init_makes_a_site_whose_first_build_shows_a_ranked_cluster_year() {
    let tmp = tempfile::tempdir().unwrap();
    let r = bangtin(&["init", "thi-dua"], tmp.path());
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let site = tmp.path().join("thi-dua");
    let y = year();
    for rel in [
        "site.yaml".to_string(),
        "data/units.yaml".into(),
        "data/awards.yaml".into(),
        format!("data/schemes/bieu-cham-{y}.yaml"),
        format!("data/clusters/{y}/tl-cum-1.yaml"),
        format!("data/scores/{y}/tl-cum-1.yaml"),
    ] {
        let text = std::fs::read_to_string(site.join(&rel)).unwrap();
        assert!(text.starts_with("# "), "{rel} starts with a comment");
    }
    let site_yaml = std::fs::read_to_string(site.join("site.yaml")).unwrap();
    assert!(site_yaml.contains("\norganiser: tl-cdvc\n"), "{site_yaml}");

    let r = bangtin(&["build"], &site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.is_empty(), "no warnings: {}", r.stderr);
    assert!(r.stdout.contains(", 0 cảnh báo trong "), "{}", r.stdout);
    let out = site.join("output");
    assert!(out.join("cum-thi-dua/index.html").is_file());
    let page =
        std::fs::read_to_string(out.join(format!("cum-thi-dua/tl-cum-1/{y}/index.html"))).unwrap();
    assert!(page.contains("Xếp thứ"), "the page has a results table");
    assert!(page.contains("98,50"), "totals shown the Vietnamese way");

    let json = std::fs::read_to_string(out.join(format!("cum-thi-dua/tl-cum-1/{y}/ket-qua.json")))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows: Vec<(String, String, i64, String, Vec<String>)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["unit"].as_str().unwrap().to_string(),
                r["total"].as_str().unwrap().to_string(),
                r["rank"].as_i64().unwrap(),
                r["classification"].as_str().unwrap().to_string(),
                r["eligible"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    // By hand, from src/scaffold/data/scores/scores.yaml (self_only, so the
    // self sheet is the result; bonus B1 is 1 point, at most 2; P1 is -0,5):
    //   Sở Y tế      29,5 + 10 + 10 + 48 = 97,5; + 1 (B1 × 1)       = 98,50 → 1, Xuất sắc, co-thi-dua
    //   Sở GD&ĐT     28 + 9,5 + 10 + 50  = 97,5; − 0,5 (P1 × 1)     = 97,00 → 2, Xuất sắc, giay-khen
    //   Sở Tài chính 27 + 9 + 10 + 46    = 92;   + 2 (B1 × 2, cap 2) = 94,00 → 3, Tốt, giay-khen
    //   Sở Tư pháp   26 + 8 + 10 + 50    = 94                        = 94,00 → 4, Tốt (tie-break
    //                criterion I: Tài chính 27 + 9 = 36 > Tư pháp 26 + 8 = 34; giay-khen's quota of 2 is used)
    //   Sở Nội vụ    29,5 + 8,5 + 0 + 49 = 87                        = 87,00 → 5, Tốt (≥ 85)
    let s = |x: &str| x.to_string();
    let expected = vec![
        (
            s("tl-cd-so-y-te"),
            s("98.50"),
            1,
            s("Xuất sắc"),
            vec![s("co-thi-dua")],
        ),
        (
            s("tl-cd-so-gddt"),
            s("97.00"),
            2,
            s("Xuất sắc"),
            vec![s("giay-khen")],
        ),
        (
            s("tl-cd-so-tai-chinh"),
            s("94.00"),
            3,
            s("Tốt"),
            vec![s("giay-khen")],
        ),
        (s("tl-cd-so-tu-phap"), s("94.00"), 4, s("Tốt"), vec![]),
        (s("tl-cd-so-noi-vu"), s("87.00"), 5, s("Tốt"), vec![]),
    ];
    assert_eq!(rows, expected);
}

#[test]
fn new_article_takes_a_title_or_the_article_subcommand_and_writes_a_draft() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(bangtin(&["init", "s"], tmp.path()).code, Some(0));
    let site = tmp.path().join("s");
    let y = year();
    let r = bangtin(&["new", "Hội nghị sơ kết"], &site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let rel = format!("content/news/{y}/hoi-nghi-so-ket/index.md");
    assert_eq!(r.stdout, format!("Đã tạo bài viết {rel}\n"));
    let r = bangtin(
        &["new", "article", "Hội nghị tổng kết", "--site", "."],
        &site,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let text =
        std::fs::read_to_string(site.join(format!("content/news/{y}/hoi-nghi-tong-ket/index.md")))
            .unwrap();
    assert!(text.starts_with("---\ntitle: \"Hội nghị tổng kết\"\ndate: "));
    assert!(text.contains("\ndraft: true\n"), "{text}");
    for key in [
        "summary",
        "byline",
        "tags",
        "cluster",
        "cluster_year",
        "units",
        "cover",
        "photos",
        "aliases",
    ] {
        assert!(
            text.contains(&format!("\n# {key}:")) || text.contains(&format!("\n{key}: ")),
            "{key} in:\n{text}"
        );
    }
    assert!(
        text.contains("caption: ") && text.contains("alt: "),
        "{text}"
    );
    // Drafts are skipped by default and build cleanly with --drafts.
    let r = bangtin(&["build", "--drafts", "--deny-warnings"], &site);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let r = bangtin(&["new", "article", "Hội nghị tổng kết"], &site);
    assert_eq!(r.code, Some(1), "never overwrites");
    assert!(r.stderr.contains("đã có"), "{}", r.stderr);
}

#[test]
fn a_title_without_letters_or_digits_is_refused_with_a_true_hint() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("site.yaml"), common::SITE_YAML).unwrap();
    let r = bangtin(&["new", "…"], tmp.path());
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        "lỗi: không tạo được địa chỉ bài viết từ tiêu đề `…`\n  = gợi ý: tiêu đề cần ít nhất một chữ cái hoặc chữ số, ví dụ \"Hội nghị ký kết giao ước thi đua năm 2025\"\n\n"
    );
    assert!(!r.stderr.contains("slug"));
}

#[test]
fn scaffolds_refuse_to_write_outside_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    let abs = std::path::absolute(tmp.path().join("site.yaml")).unwrap();
    for args in [vec!["new", "Tiêu đề"], vec!["new", "article", "Tiêu đề"]] {
        let r = bangtin(&args, tmp.path());
        assert_eq!(r.code, Some(1), "{args:?}");
        assert_eq!(
            r.stderr,
            format!(
                "lỗi: không có {}: đây không phải thư mục trang nên không tạo gì\n  = gợi ý: chạy lệnh trong thư mục của trang, dùng --site THƯ_MỤC, hoặc tạo trang mới bằng `bangtin init THƯ_MỤC`\n\n",
                abs.display()
            ),
            "{args:?}"
        );
        assert!(
            common::files_under(tmp.path()).is_empty(),
            "nothing written"
        );
    }
}
