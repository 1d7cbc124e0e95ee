//! Every kind of bad input gets an error that names the file and the line,
//! says what is wrong and hints at the fix; all of a run's errors come
//! together.

mod common;

use std::path::PathBuf;

use common::{SiteTest, find, render};

fn file(d: &bangtin::diag::Diagnostic) -> String {
    d.file.clone().unwrap_or_default().display().to_string()
}

#[test]
fn an_unknown_front_matter_key_is_named_with_its_line_and_a_suggestion() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ntag: [x]\n---\nx\n",
    );
    let errs = t.errors();
    let d = find(&errs, "`tag`");
    assert_eq!(file(d), "content/news/a.md");
    assert_eq!((d.line, d.column), (4, 1));
    assert_eq!(d.source_line.as_deref(), Some("tag: [x]"));
    assert!(d.hint.as_deref().unwrap().contains("`tags`"));
}

#[test]
fn a_date_typed_the_vietnamese_way_gets_an_iso_suggestion() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 14/3/2024\n---\nx\n",
    );
    let errs = t.errors();
    let d = find(&errs, "14/3/2024");
    assert_eq!(
        (file(d).as_str(), d.line, d.column),
        ("content/news/a.md", 3, 7)
    );
    assert!(
        d.hint.as_deref().unwrap().contains("2024-03-14"),
        "{}",
        render(&errs)
    );
}

#[test]
fn missing_title_and_date_are_both_reported() {
    let t = SiteTest::new().file("content/news/a.md", "---\nsummary: x\n---\nx\n");
    let errs = t.errors();
    assert!(
        find(&errs, "`title`")
            .hint
            .as_deref()
            .unwrap()
            .contains("title:")
    );
    let d = find(&errs, "`date`");
    assert_eq!(file(d), "content/news/a.md");
    assert_eq!(d.line, 2);
}

#[test]
fn front_matter_missing_or_unclosed() {
    let t = SiteTest::new()
        .file("content/news/a.md", "Chỉ có thân bài.\n")
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-01\nThân bài\n",
        );
    let errs = t.errors();
    assert_eq!(errs.len(), 2, "{}", render(&errs));
    let a = errs
        .iter()
        .find(|d| file(d) == "content/news/a.md")
        .unwrap();
    let b = errs
        .iter()
        .find(|d| file(d) == "content/news/b.md")
        .unwrap();
    assert_eq!((a.line, b.line), (1, 1));
    assert_ne!(a.message, b.message);
}

#[test]
fn a_yaml_syntax_error_points_at_its_line() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: \"A\ndate: 2024-01-01\n---\nx\n",
    );
    let d = &t.errors()[0];
    assert_eq!(file(d), "content/news/a.md");
    assert_eq!(d.line, 2);
    assert!(d.hint.is_some());
}

#[test]
fn a_yes_no_word_for_a_boolean_is_an_error() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ndraft: có\n---\nx\n",
    );
    let d = &t.errors()[0];
    assert_eq!((d.line, d.column), (4, 8));
}

#[test]
fn site_yaml_problems_are_all_reported_and_content_is_still_checked() {
    let t = SiteTest::new()
        .file(
            "site.yaml",
            "title: T\nbase_url: thidua.example.vn\npaginate: 0\n",
        )
        .file(
            "content/news/a.md",
            "---\ntitle: A\ndate: 2024-13-01\n---\nx\n",
        );
    let errs = t.errors();
    let d = find(&errs, "thidua.example.vn");
    assert_eq!((file(d).as_str(), d.line), ("site.yaml", 2));
    assert_eq!(find(&errs, "paginate").line, 3);
    assert_eq!(find(&errs, "2024-13-01").line, 3);
}

#[test]
fn a_missing_site_yaml_says_how_to_start() {
    let t = SiteTest::new();
    std::fs::remove_file(t.site().join("site.yaml")).unwrap();
    let d = &t.errors()[0];
    assert!(d.message.contains("site.yaml"));
    assert!(d.hint.as_deref().unwrap().contains("bangtin init"));
}

#[test]
fn a_broken_link_by_source_path_names_the_line_and_the_closest_file() {
    let t = SiteTest::new()
        .article(
            "content/news/2023/tong-ket.md",
            "Tổng kết",
            "2023-12-15",
            "x",
        )
        .article(
            "content/news/2024/a.md",
            "A",
            "2024-01-01",
            "Đoạn một.\n\nXem [năm trước](../2023/tong-ket-2023.md).",
        );
    let errs = t.errors();
    let d = find(&errs, "../2023/tong-ket-2023.md");
    assert_eq!(file(d), "content/news/2024/a.md");
    assert_eq!((d.line, d.column), (7, 5));
    assert!(
        d.hint.as_deref().unwrap().contains("../2023/tong-ket.md"),
        "{}",
        render(&errs)
    );
}

#[test]
fn a_link_to_a_draft_is_an_error_unless_drafts_are_built() {
    let t = SiteTest::new()
        .file(
            "content/news/nhap.md",
            "---\ntitle: N\ndate: 2024-01-01\ndraft: true\n---\nx\n",
        )
        .article("content/news/a.md", "A", "2024-01-02", "[nháp](nhap.md)");
    let errs = t.errors();
    assert_eq!(find(&errs, "nhap.md").line, 5);
    t.build_with(|o| o.drafts = true).unwrap();
}

#[test]
fn a_missing_file_in_a_bundle_is_an_error() {
    let t = SiteTest::new().article(
        "content/news/b/index.md",
        "B",
        "2024-01-01",
        "![Ảnh](anh-thieu.jpg)",
    );
    let d = &t.errors()[0];
    assert_eq!(file(d), "content/news/b/index.md");
    assert_eq!(d.line, 5);
}

#[test]
fn two_articles_at_one_address_name_both_files_at_the_lines_that_make_it() {
    // Without `slug`, the date's year and the file name make the address:
    // the error is at the date line, the other file named with its own.
    let t = SiteTest::new()
        .article("content/news/a/ky-ket.md", "A", "2024-01-01", "x")
        .article("content/news/b/ky-ket/index.md", "B", "2024-02-01", "x");
    let errs = t.errors();
    let d = find(&errs, "hai trang cùng một địa chỉ /tin-tuc/2024/ky-ket/");
    let (mine, other) = match file(d).as_str() {
        "content/news/a/ky-ket.md" => {
            ("content/news/a/ky-ket.md", "content/news/b/ky-ket/index.md")
        }
        _ => ("content/news/b/ky-ket/index.md", "content/news/a/ky-ket.md"),
    };
    assert_eq!(
        (file(d).as_str(), d.line, d.column),
        (mine, 3, 7),
        "{}",
        d.render()
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(format!("trang kia là {other}:3; đặt `slug` khác cho một trong hai").as_str())
    );
}

#[test]
fn a_slug_that_takes_another_articles_address_is_an_error_at_the_slug() {
    let t = SiteTest::new()
        .article("content/news/ky-ket.md", "A", "2024-01-01", "x")
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-02\nsummary: Tóm tắt.\nslug: ky-ket\n---\nx\n",
        );
    let errs = t.errors();
    let d = find(&errs, "cùng một địa chỉ /tin-tuc/2024/ky-ket/");
    let at = (file(d), d.line, d.column);
    let hint = d.hint.as_deref().unwrap();
    if at.0 == "content/news/b.md" {
        assert_eq!((at.1, at.2), (5, 7), "{}", d.render());
        assert!(hint.contains("content/news/ky-ket.md:3;"), "{hint}");
    } else {
        assert_eq!(
            at,
            ("content/news/ky-ket.md".into(), 3, 7),
            "{}",
            d.render()
        );
        assert!(hint.contains("content/news/b.md:5;"), "{hint}");
    }
}

#[test]
fn addresses_that_differ_only_in_case_clash_at_the_alias() {
    let t = SiteTest::new()
        .article("content/news/a.md", "A", "2024-01-01", "x")
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-02\naliases:\n  - /cu/\n  - /TIN-TUC/2024/A/\n---\nx\n",
        );
    let errs = t.errors();
    let d = find(&errs, "/TIN-TUC/2024/A/");
    assert_eq!(
        (file(d).as_str(), d.line, d.column),
        ("content/news/b.md", 6, 5)
    );
    assert!(d.hint.as_deref().unwrap().contains("content/news/a.md:3;"));
}

#[test]
fn two_aliases_alike_name_both_lines() {
    let t = SiteTest::new()
        .file(
            "content/news/a.md",
            "---\ntitle: A\ndate: 2024-01-01\naliases: [/cu/bai-1]\n---\nx\n",
        )
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-02\n\naliases: [/cu/bai-1]\n---\nx\n",
        );
    let errs = t.errors();
    // Newer articles claim first: the older one is reported.
    let d = find(&errs, "/cu/bai-1");
    assert_eq!(
        (file(d).as_str(), d.line, d.column),
        ("content/news/a.md", 4, 11)
    );
    assert!(d.hint.as_deref().unwrap().contains("content/news/b.md:5;"));
}

#[test]
fn an_alias_over_a_page_bangtin_makes_is_said_so() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\naliases: [/chu-de/]\n---\nx\n",
    );
    let errs = t.errors();
    let d = find(&errs, "trùng với một trang do bangtin tạo");
    assert_eq!(
        (file(d).as_str(), d.line, d.column),
        ("content/news/a.md", 4, 11)
    );
}

#[test]
fn a_standalone_page_may_not_take_a_reserved_address() {
    let t = SiteTest::new().file("content/pages/tin-tuc.md", "---\ntitle: Tin\n---\nx\n");
    let errs = t.errors();
    assert_eq!(file(find(&errs, "/tin-tuc/")), "content/pages/tin-tuc.md");
}

#[test]
fn a_bad_slug_or_alias_is_located() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nslug: Ký kết\naliases: [tin-tuc/cu, /x/../y]\n---\nx\n",
    );
    let errs = t.errors();
    let slug = find(&errs, "Ký kết");
    assert_eq!(slug.line, 4);
    assert!(slug.hint.as_deref().unwrap().contains("ky-ket"));
    assert_eq!(find(&errs, "tin-tuc/cu").line, 5);
    assert_eq!(find(&errs, "/x/../y").line, 5);
}

#[test]
fn zero_width_characters_in_tags_are_removed_with_a_warning() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ntags: [\"thi\u{200B}đua\"]\n---\nx\n",
    );
    let report = t.built();
    let w = &report.warnings[0];
    assert_eq!((file(w).as_str(), w.line), ("content/news/a.md", 4));
    assert!(t.exists("chu-de/thi-dua/index.html"));
}

#[test]
fn an_unknown_event_kind_suggests_the_closest() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\nevent: kyket\n---\nx\n",
    );
    let d = find(&t.errors(), "kyket").clone();
    assert_eq!(d.line, 4);
    assert!(d.hint.unwrap().contains("ky_ket"));
}

#[test]
fn a_file_that_is_not_utf8_is_named_with_its_line() {
    let t = SiteTest::new();
    let path = t.site().join("content/news/a.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        b"---\ntitle: A\ndate: 2024-01-01\n---\nC\xf4ng \xf0o\xe0n\n",
    )
    .unwrap();
    let d = &t.errors()[0];
    assert_eq!((file(d).as_str(), d.line), ("content/news/a.md", 5));
    assert!(d.hint.as_deref().unwrap().contains("UTF-8"));
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let t = SiteTest::new()
        .article("content/news/a.md", "A", "2024-01-01", "x")
        .file("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.tittle }}\n{% endblock content %}\n")
        .file("content/pages/p.md", "---\ntitle: P\n---\nx\n");
    let errs = t.errors();
    let d = &errs[0];
    assert_eq!(file(d), "templates/page.html");
    assert_eq!(d.line, 3);
    assert!(d.message.contains("tittle"), "{}", render(&errs));
}

#[test]
fn a_template_syntax_error_stops_before_rendering() {
    let t = SiteTest::new().file("templates/404.html", "{% if %}\n");
    let d = &t.errors()[0];
    assert_eq!(file(d), "templates/404.html");
    assert_eq!(d.line, 1);
}

#[test]
fn an_output_folder_bangtin_did_not_make_is_never_touched() {
    let t = SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "x");
    std::fs::create_dir_all(t.out()).unwrap();
    std::fs::write(t.out().join("bao-cao.docx"), "quan trọng").unwrap();
    let d = &t.errors()[0];
    assert!(d.message.contains(&t.out().display().to_string()));
    assert_eq!(
        std::fs::read_to_string(t.out().join("bao-cao.docx")).unwrap(),
        "quan trọng"
    );
}

#[test]
fn a_symlink_that_leads_outside_the_site_is_an_error() {
    let t = SiteTest::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: S\ndate: 2024-01-01\n---\nx\n",
    )
    .unwrap();
    std::fs::create_dir_all(t.site().join("content/news")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        t.site().join("content/news/s.md"),
    )
    .unwrap();
    let d = &t.errors()[0];
    assert_eq!(d.file, Some(PathBuf::from("content/news/s.md")));
    assert!(!t.out().exists());
}

#[test]
fn all_problems_of_a_run_are_reported_together_in_a_stable_order() {
    let t = SiteTest::new()
        .file(
            "content/news/a.md",
            "---\ntitle: A\ndate: 2024-01-01\ntittle: x\n---\n",
        )
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 31/12/2024\n---\n",
        )
        .article("content/news/c.md", "C", "2024-01-03", "[x](khong-co.md)")
        .file("content/pages/d.md", "---\ndate: 2024-01-01\n---\n");
    let errs = t.errors();
    let files: Vec<String> = errs.iter().map(file).collect();
    assert_eq!(
        files,
        [
            "content/news/a.md",
            "content/news/b.md",
            "content/news/c.md",
            "content/pages/d.md"
        ],
        "{}",
        render(&errs)
    );
}

#[test]
fn a_photo_or_cover_that_is_not_in_the_bundle_is_an_error() {
    let t = SiteTest::new()
        .file(
            "content/news/k/index.md",
            "---\ntitle: K\ndate: 2024-01-01\ncover: toan-canh.jpg\nphotos:\n  - { file: ky-ket.jpg, caption: Ký kết }\n  - { file: ky-ket-2.jpg }\n---\nx\n",
        )
        .file("content/news/k/ky-ket.jpg", "jpeg")
        .file("content/news/k/toan-canh.JPG", "jpeg");
    let errs = t.errors();
    assert_eq!(errs.len(), 2, "{}", render(&errs));
    let cover = find(&errs, "toan-canh.jpg");
    assert_eq!(
        (file(cover).as_str(), cover.line),
        ("content/news/k/index.md", 4)
    );
    assert!(cover.hint.as_deref().unwrap().contains("toan-canh.JPG"));
    assert_eq!(find(&errs, "ky-ket-2.jpg").line, 7);
}

#[test]
fn an_organiser_that_is_not_a_unit_is_named_in_site_yaml_with_the_closest_id() {
    let t = SiteTest::new()
        .file(
            "site.yaml",
            &format!("{}organiser: tl-cdvc-tnh\n", common::SITE_YAML),
        )
        .file(
            "data/units.yaml",
            "units:\n  - { id: tl-cdvc-tinh, kind: union_upper, names: [{ full: Công đoàn Viên chức tỉnh }] }\n",
        );
    let errors = t.errors();
    let d = find(&errors, "không có đơn vị nào mã `tl-cdvc-tnh`");
    assert_eq!(file(d), "site.yaml");
    assert_eq!(d.line, 4);
    assert!(d.hint.as_deref().unwrap_or("").contains("tl-cdvc-tinh"));
}
