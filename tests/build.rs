//! Building sites: pages, URLs, slugs, pagination, redirects, sub-paths,
//! identical rebuilds, and a failed build that leaves the output alone.

mod common;

use std::fs;
use std::path::Path;

use common::{SiteTest, files_under, links_in, render};

fn example_site() -> (tempfile::TempDir, bangtin::build::BuildReport) {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = bangtin::build::BuildOptions::new(env!("CARGO_MANIFEST_DIR"));
    opts.output_dir = Some(tmp.path().join("out"));
    let report = bangtin::build::run(&opts).unwrap_or_else(|ds| panic!("{}", render(&ds)));
    (tmp, report)
}

#[test]
fn the_example_site_has_every_news_page_and_no_warnings() {
    let (tmp, report) = example_site();
    let out = tmp.path().join("out");
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
    for page in [
        "index.html",
        "tin-tuc/index.html",
        "tin-tuc/trang/2/index.html",
        "tin-tuc/2023/index.html",
        "tin-tuc/2024/index.html",
        "tin-tuc/2025/index.html",
        "tin-tuc/2024/ky-ket-cum-3/index.html",
        "tin-tuc/2024/hoi-thao-19-5/index.html",
        "chu-de/index.html",
        "chu-de/giao-uoc-thi-dua/index.html",
        "gioi-thieu/index.html",
        "lien-he/index.html",
        "404.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "style.css",
        "favicon.svg",
        "tin-tuc/Ky-ket-giao-uoc-thi-dua-nam-2024-Cum-thi-dua-so-3-5868/index.html",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    // The draft is not published.
    assert!(!out.join("tin-tuc/2025/so-ket-cum-3").exists());
}

#[test]
fn every_internal_link_of_the_example_site_leads_to_a_file() {
    let (tmp, _) = example_site();
    let out = tmp.path().join("out");
    let mut checked = 0;
    for rel in files_under(&out).iter().filter(|f| f.ends_with(".html")) {
        let html = fs::read_to_string(out.join(rel)).unwrap();
        for link in links_in(&html) {
            if !link.starts_with('/') {
                continue;
            }
            let path = link.split('#').next().unwrap();
            let target = out.join(path.trim_start_matches('/'));
            let ok = if path.ends_with('/') {
                target.join("index.html").is_file()
            } else {
                target.is_file()
            };
            assert!(ok, "{rel} links to {link}, which does not exist");
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} links checked");
}

#[test]
fn vietnamese_file_names_give_folded_slugs_whatever_their_normal_form() {
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Sơ kết đợt 1").collect();
    let t = SiteTest::new()
        .article(
            "content/news/2024/Hội nghị ký kết giao ước thi đua năm 2024.md",
            "Hội nghị",
            "2024-03-14",
            "Nội dung.",
        )
        .article(
            &format!("content/news/2024/{nfd}/index.md"),
            "Sơ kết",
            "2024-07-01",
            "Nội dung.",
        );
    t.built();
    assert!(t.exists("tin-tuc/2024/hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-2024/index.html"));
    assert!(t.exists("tin-tuc/2024/so-ket-dot-1/index.html"));
}

#[test]
fn the_slug_comes_from_the_file_never_from_the_title() {
    let t = SiteTest::new().article(
        "content/news/2024/ky-ket.md",
        "Tiêu đề đã sửa lại",
        "2024-03-14",
        "x",
    );
    t.built();
    assert!(t.exists("tin-tuc/2024/ky-ket/index.html"));
}

#[test]
fn the_year_in_the_url_is_the_year_in_vietnam() {
    let t = SiteTest::new().article(
        "content/news/a.md",
        "Giao thừa",
        "2024-12-31T18:00:00Z",
        "x",
    );
    t.built();
    assert!(t.exists("tin-tuc/2025/a/index.html"));
}

/// `t` with articles "Bài 1" … "Bài n", one a day from 1 January 2024.
fn with_daily_articles(mut t: SiteTest, n: u32) -> SiteTest {
    for day in 1..=n {
        t = t.article(
            &format!("content/news/2024/bai-{day:02}.md"),
            &format!("Bài {day}"),
            &format!("2024-01-{day:02}"),
            "Nội dung.",
        );
    }
    t
}

#[test]
fn lists_are_paginated_newest_first_and_page_one_redirects() {
    let t = with_daily_articles(SiteTest::new(), 25);
    t.built();
    let first = t.read("tin-tuc/index.html");
    assert!(first.find("Bài 25").unwrap() < first.find("Bài 16").unwrap());
    assert!(!first.contains("Bài 15<"));
    let third = t.read("tin-tuc/trang/3/index.html");
    assert!(third.contains("Bài 5<") && third.contains("Bài 1<"));
    assert!(!t.exists("tin-tuc/trang/4/index.html"));
    assert!(
        t.read("tin-tuc/trang/1/index.html")
            .contains("url=/tin-tuc/")
    );
    assert!(
        t.read("tin-tuc/2024/trang/2/index.html")
            .contains("Bài 15<")
    );
    assert!(first.contains(r#"href="/tin-tuc/trang/2/" rel="next""#));
}

#[test]
fn the_pager_links_a_window_of_pages_not_every_page() {
    let t = SiteTest::new().file(
        "site.yaml",
        "title: Thi đua thử\nbase_url: https://thidua.example.vn/\npaginate: 1\n",
    );
    let t = with_daily_articles(t, 20);
    t.built();
    let seventh = t.read("tin-tuc/trang/7/index.html");
    let pager = &seventh[seventh.find(r#"class="pager""#).unwrap()..];
    let pager = &pager[..pager.find("</nav>").unwrap()];
    let linked: Vec<String> = (1..=20)
        .filter(|n| {
            let url = if *n == 1 {
                "/tin-tuc/".to_string()
            } else {
                format!("/tin-tuc/trang/{n}/")
            };
            pager.contains(&format!("href=\"{url}\""))
        })
        .map(|n| n.to_string())
        .collect();
    assert_eq!(linked.join(" "), "1 5 6 7 8 9 20", "{pager}");
    assert_eq!(pager.matches("…").count(), 2, "{pager}");
    assert!(pager.contains(r#"href="/tin-tuc/trang/7/" aria-current="page""#));
}

/// `n` (at most 1 000) articles of 2001, an hour apart at most, one list
/// page each.
fn one_per_page(n: usize) -> SiteTest {
    let mut t = SiteTest::new().file(
        "site.yaml",
        "title: Thi đua thử\nbase_url: https://thidua.example.vn/\npaginate: 1\n",
    );
    for i in 0..n {
        let date = format!(
            "{}-{:02}-{:02}",
            2001 + i / 300,
            1 + i % 300 / 25,
            1 + i % 25
        );
        t = t.article(
            &format!("content/news/bai-{i:04}.md"),
            &format!("Bài {i}"),
            &date,
            "x",
        );
    }
    t
}

#[test]
fn a_list_page_does_not_grow_with_the_list_and_says_where_it_is() {
    let size_of_page = |n: usize| {
        let t = one_per_page(n);
        t.built();
        let page = t.read("tin-tuc/trang/30/index.html");
        assert!(page.contains(&format!("Trang 30/{n}<")), "{page}");
        page.len()
    };
    let (small, large) = (size_of_page(60), size_of_page(300));
    // Only the digits of a few numbers differ (the total, the last page,
    // the article shown), not a link per page (240 more links ≈ 10 KB).
    assert!(
        large.abs_diff(small) < 40,
        "{small} bytes for 60 pages, {large} for 300"
    );
}

#[test]
fn dates_are_shown_dd_mm_yyyy_and_summaries_cut_at_a_word() {
    let long = "Chiều ngày 14/3, tại Hội trường Văn phòng UBND tỉnh, Cụm thi đua số 3 tổ chức Hội nghị ký kết giao ước thi đua năm 2024 với sự tham dự của đại diện lãnh đạo các đơn vị thành viên, các đồng chí trong Ban Thường vụ và nhiều đoàn viên công đoàn.";
    let t = SiteTest::new().article(
        "content/news/a.md",
        "Ký kết",
        "2024-03-04T15:30:00+07:00",
        long,
    );
    t.built();
    let list = t.read("tin-tuc/index.html");
    assert!(
        list.contains(r#"<time datetime="2024-03-04T15:30:00+07:00">04/03/2024</time>"#),
        "{list}"
    );
    let summary = list.split(r#"<p class="summary">"#).nth(1).unwrap();
    let summary = summary.split("</p>").next().unwrap();
    assert!(summary.ends_with("…"), "{summary}");
    assert!(summary.chars().count() <= 221);
    assert!(long.starts_with(summary.trim_end_matches('…').trim_end()));
}

#[test]
fn tags_that_differ_only_in_case_or_tone_placement_are_one_tag() {
    let t = SiteTest::new()
        .file(
            "content/news/a.md",
            "---\ntitle: A\ndate: 2024-01-01\ntags: [Hoà nhập]\n---\nx\n",
        )
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-02\ntags: [hòa nhập]\n---\nx\n",
        );
    t.built();
    let tag_pages: Vec<String> = files_under(&t.out().join("chu-de"));
    assert_eq!(tag_pages, vec!["hoa-nhap/index.html", "index.html"]);
    let page = t.read("chu-de/hoa-nhap/index.html");
    assert!(page.contains(">A<") && page.contains(">B<"));
}

#[test]
fn aliases_become_redirect_pages() {
    let t = SiteTest::new().file(
        "content/news/2023/ky-ket.md",
        "---\ntitle: Ký kết\ndate: 2023-03-16\naliases: [/tin-tuc/Ky-ket-2023-4821, /cu/bai.html]\n---\nx\n",
    );
    t.built();
    let r = t.read("tin-tuc/Ky-ket-2023-4821/index.html");
    assert!(
        r.contains(r#"<meta http-equiv="refresh" content="0; url=/tin-tuc/2023/ky-ket/">"#),
        "{r}"
    );
    assert!(r.contains(
        r#"<link rel="canonical" href="https://thidua.example.vn/tin-tuc/2023/ky-ket/">"#
    ));
    assert!(t.read("cu/bai.html").contains("url=/tin-tuc/2023/ky-ket/"));
    // Redirects stay out of the sitemap.
    assert!(!t.read("sitemap.xml").contains("Ky-ket-2023-4821"));
}

#[test]
fn standalone_pages_and_the_home_intro() {
    let t = SiteTest::new()
        .file(
            "content/_index.md",
            "---\ntitle: Trang chủ\n---\nChào mừng bạn đọc.\n",
        )
        .file(
            "content/pages/gioi-thieu.md",
            "---\ntitle: Giới thiệu\n---\nVề chúng tôi.\n",
        );
    t.built();
    assert!(t.read("index.html").contains("Chào mừng bạn đọc."));
    let page = t.read("gioi-thieu/index.html");
    assert!(page.contains("<h1>Giới thiệu</h1>") && page.contains("Về chúng tôi."));
    assert!(
        t.read("index.html")
            .contains(r#"<a href="/gioi-thieu/">Giới thiệu</a>"#)
    );
}

#[test]
fn a_sub_path_base_url_prefixes_every_link() {
    let t = SiteTest::new()
        .file(
            "site.yaml",
            "title: T\nbase_url: https://example.vn/thi-dua/\n",
        )
        .file(
            "content/pages/lien-he.md",
            "---\ntitle: Liên hệ\n---\n[Tin](/tin-tuc/)\n",
        )
        .article(
            "content/news/a.md",
            "A",
            "2024-01-01",
            "[Liên hệ](../pages/lien-he.md)",
        )
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-02\ntags: [x]\naliases: [/cu/b]\n---\nx\n",
        );
    t.built();
    for rel in files_under(&t.out())
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        for link in links_in(&t.read(rel)) {
            let internal = link.starts_with('/');
            assert!(
                !internal || link.starts_with("/thi-dua/"),
                "{rel}: {link} lacks the sub-path"
            );
        }
    }
    assert!(
        t.read("tin-tuc/2024/a/index.html")
            .contains(r#"href="/thi-dua/lien-he/""#)
    );
    assert!(
        t.read("sitemap.xml")
            .contains("<loc>https://example.vn/thi-dua/tin-tuc/2024/a/</loc>")
    );
    assert!(
        t.read("robots.txt")
            .contains("Sitemap: https://example.vn/thi-dua/sitemap.xml")
    );
}

#[test]
fn the_base_url_option_replaces_the_configured_one() {
    let t = SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "x");
    t.build_with(|o| o.base_url = Some("http://127.0.0.1:8000/xem-thu/".into()))
        .unwrap();
    assert!(
        t.read("index.html")
            .contains(r#"href="/xem-thu/tin-tuc/2024/a/""#)
    );
}

#[test]
fn drafts_are_built_only_when_asked() {
    let t = SiteTest::new().file(
        "content/news/nhap.md",
        "---\ntitle: Nháp\ndate: 2024-01-01\ndraft: true\n---\nx\n",
    );
    t.built();
    assert!(!t.exists("tin-tuc/2024/nhap/index.html"));
    t.build_with(|o| o.drafts = true).unwrap();
    assert!(t.exists("tin-tuc/2024/nhap/index.html"));
}

fn small_jpeg() -> Vec<u8> {
    use image::ImageEncoder;
    let img = image::RgbImage::from_pixel(40, 30, image::Rgb([200, 40, 40]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut out)
        .write_image(img.as_raw(), 40, 30, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

#[test]
fn bundle_files_are_copied_beside_their_page() {
    let t = SiteTest::new()
        .article(
            "content/news/2024/ky-ket/index.md",
            "Ký kết",
            "2024-03-14",
            "![Toàn cảnh](toan-canh.jpg)\n\n[Kế hoạch](ke-hoach.pdf)",
        )
        .bytes("content/news/2024/ky-ket/toan-canh.jpg", &small_jpeg())
        .file("content/news/2024/ky-ket/ke-hoach.pdf", "pdf");
    t.built();
    // Photos are published as their processed sizes (tests/images.rs),
    // other attachments as they are.
    assert!(t.exists("tin-tuc/2024/ky-ket/toan-canh-40.jpg"));
    assert!(t.exists("tin-tuc/2024/ky-ket/toan-canh-40.webp"));
    assert!(!t.exists("tin-tuc/2024/ky-ket/toan-canh.jpg"));
    assert!(t.exists("tin-tuc/2024/ky-ket/ke-hoach.pdf"));
}

#[test]
fn static_files_are_copied_as_they_are() {
    let t = SiteTest::new().file("static/docs/2024/ke-hoach.pdf", "%PDF");
    t.built();
    assert_eq!(t.read("docs/2024/ke-hoach.pdf"), "%PDF");
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let t = SiteTest::new()
        .article(
            "content/news/a.md",
            "A",
            "2024-01-01",
            "[^1]\n\n[^1]: ghi chú",
        )
        .file(
            "content/news/b.md",
            "---\ntitle: B\ndate: 2024-01-01\ntags: [z, a, Đ, ă]\n---\nx\n",
        );
    t.built();
    let first: Vec<(String, Vec<u8>)> = files_under(&t.out())
        .into_iter()
        .map(|f| {
            let b = fs::read(t.out().join(&f)).unwrap();
            (f, b)
        })
        .collect();
    let other = tempfile::tempdir().unwrap();
    t.build_with(|o| o.output_dir = Some(other.path().join("o")))
        .unwrap();
    let second: Vec<(String, Vec<u8>)> = files_under(&other.path().join("o"))
        .into_iter()
        .map(|f| {
            let b = fs::read(other.path().join("o").join(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert_eq!(first, second);
}

#[test]
fn a_rebuild_rewrites_only_what_changed() {
    let t = SiteTest::new()
        .article("content/news/a.md", "A", "2024-01-01", "x")
        .article("content/pages/p.md", "P", "2024-01-01", "x");
    t.built();
    t.write("content/pages/p.md", "---\ntitle: P\n---\nđã sửa\n");
    let report = t.built();
    // The page, and the search files its words are in: the search page
    // (it names the index's version), a shard and its entry's shown data.
    let written = report.written.written;
    assert!((3..=4).contains(&written), "{written} files written");
    assert!(report.written.unchanged > 5);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let t = SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "Bản cũ");
    t.built();
    let before: Vec<(String, Vec<u8>)> = files_under(&t.out())
        .into_iter()
        .map(|f| (f.clone(), fs::read(t.out().join(f)).unwrap()))
        .collect();
    t.write(
        "content/news/a.md",
        "---\ntitle: A\ndate: 14/3/2024\n---\nBản mới\n",
    );
    t.write(
        "content/news/b.md",
        "---\ntitle: B\ndate: 2024-01-02\n---\nx\n",
    );
    assert!(!t.errors().is_empty());
    let after: Vec<(String, Vec<u8>)> = files_under(&t.out())
        .into_iter()
        .map(|f| (f.clone(), fs::read(t.out().join(f)).unwrap()))
        .collect();
    assert_eq!(before, after);
    let parent = t.out().parent().unwrap().to_path_buf();
    let leftovers: Vec<_> = fs::read_dir(&parent)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("bangtin"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

#[test]
fn check_writes_nothing() {
    let t = SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "x");
    t.build_with(|o| o.write = false).unwrap();
    assert!(!Path::new(&t.out()).exists());
}

#[test]
fn a_site_override_replaces_one_template() {
    let t = SiteTest::new()
        .article("content/news/a.md", "A", "2024-01-01", "x")
        .file("templates/404.html", "Không có trang này: {{ site.title }}");
    t.built();
    assert_eq!(t.read("404.html"), "Không có trang này: Thi đua thử");
    assert!(t.read("index.html").contains("<main"));
}

#[test]
fn the_default_theme_has_one_h1_landmarks_and_vietnamese_text() {
    let t = SiteTest::new().article(
        "content/news/a.md",
        "A",
        "2024-01-01",
        "# Tiêu đề trong bài\n\nx",
    );
    t.built();
    for rel in [
        "index.html",
        "tin-tuc/index.html",
        "tin-tuc/2024/a/index.html",
        "chu-de/index.html",
        "404.html",
    ] {
        let html = t.read(rel);
        assert_eq!(html.matches("<h1").count(), 1, "{rel}");
        assert!(html.contains(r#"<html lang="vi">"#));
        assert!(html.contains("<main") && html.contains("<nav") && html.contains("<header"));
        assert!(html.contains("Bỏ qua, đến nội dung chính"));
        assert!(
            !html.contains("http://") && !html.contains("//fonts."),
            "{rel} makes an external request"
        );
    }
}

#[test]
fn feed_entries_link_with_the_full_address_because_readers_resolve_against_the_feed() {
    let t = SiteTest::new()
        .article(
            "content/news/2024/a.md",
            "Bài A",
            "2024-03-14",
            "Xem [bài B](b.md).",
        )
        .article("content/news/2024/b.md", "Bài B", "2024-03-15", "Nội dung.");
    t.built();
    let feed = t.read("feed.xml");
    assert!(
        feed.contains("href=&quot;https://thidua.example.vn/tin-tuc/2024/b/&quot;")
            || feed.contains("href=\"https://thidua.example.vn/tin-tuc/2024/b/\""),
        "{feed}"
    );
    assert!(!feed.contains("href=&quot;/tin-tuc"), "{feed}");
}

#[test]
fn news_list_intros_give_the_heading_description_and_first_page_text() {
    let t = SiteTest::new()
        .file(
            "site.yaml",
            "title: Thi đua thử\nbase_url: https://thidua.example.vn/\npaginate: 1\n",
        )
        .file(
            "content/news/_index.md",
            "---\ntitle: Tin hoạt động\ndescription: Tin các Cụm thi đua\n---\nTin **mới** nhất.\n",
        )
        .file(
            "content/news/2024/_index.md",
            "---\ntitle: Tin năm 2024\n---\nCác hội nghị năm 2024.\n",
        );
    let t = with_daily_articles(t, 2);
    t.built();
    let first = t.read("tin-tuc/index.html");
    assert!(
        first.contains(r#"<h1 class="page-title">Tin hoạt động"#),
        "{first}"
    );
    assert!(first.contains("Tin <strong>mới</strong> nhất."));
    assert!(first.contains(r#"<meta name="description" content="Tin các Cụm thi đua">"#));
    let second = t.read("tin-tuc/trang/2/index.html");
    assert!(second.contains(r#"<h1 class="page-title">Tin hoạt động"#));
    assert!(
        !second.contains("nhất."),
        "the text opens the first page only"
    );
    let year = t.read("tin-tuc/2024/index.html");
    assert!(year.contains(r#"<h1 class="page-title">Tin năm 2024"#));
    assert!(year.contains("Các hội nghị năm 2024."));
    assert!(!t.exists("tin-tuc/2024/_index/index.html"));
}

#[test]
fn a_template_that_fails_while_pages_are_written_leaves_the_previous_output() {
    let t = SiteTest::new()
        .article("content/news/a.md", "A", "2024-01-01", "Bản cũ")
        .article("content/news/b.md", "B", "2024-01-02", "x");
    t.built();
    let before: Vec<(String, Vec<u8>)> = files_under(&t.out())
        .into_iter()
        .map(|f| (f.clone(), fs::read(t.out().join(f)).unwrap()))
        .collect();
    // Every other page renders (and is written to the staging folder)
    // before or while the article fails.
    t.write("templates/article.html", "{{ khong_co.truong }}\n");
    t.write(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\nBản mới\n",
    );
    let errors = t.errors();
    let e = common::find(&errors, "khong_co");
    assert!(
        e.file
            .as_ref()
            .is_some_and(|f| f.ends_with("templates/article.html")),
        "{e:?}"
    );
    assert_eq!(e.line, 1);
    let after: Vec<(String, Vec<u8>)> = files_under(&t.out())
        .into_iter()
        .map(|f| (f.clone(), fs::read(t.out().join(f)).unwrap()))
        .collect();
    assert_eq!(before, after);
    let names: Vec<String> = fs::read_dir(t.out().parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("bangtin"))
        .collect();
    assert!(names.is_empty(), "temporary folders left: {names:?}");
}

/// The `<td>` texts of the breakdown table's row whose heading starts with
/// `criterion`, and the number of unit columns of its head.
fn breakdown_row(page: &str, criterion: &str) -> (Vec<String>, usize) {
    let start = page
        .find("<table class=\"criteria\">")
        .expect("a breakdown table");
    let table = &page[start..start + page[start..].find("</table>").expect("its end")];
    let units = table.matches("class=\"num unit-col\"").count();
    let row_at = table
        .find(&format!("<th scope=\"row\">{criterion}"))
        .expect("the criterion's row");
    let row = &table[row_at..row_at + table[row_at..].find("</tr>").expect("row end")];
    let cells = row
        .split("<td class=\"num\">")
        .skip(1)
        .map(|c| c.split("</td>").next().unwrap_or_default().to_string())
        .collect();
    (cells, units)
}

#[test]
fn the_breakdown_shows_each_ranked_units_value_of_each_criterion_under_its_name() {
    let (tmp, _) = example_site();
    let page = fs::read_to_string(
        tmp.path()
            .join("out/cum-thi-dua/ldld-khoi-1/2024/index.html"),
    )
    .expect("the cluster-year page");
    let (cells, units) = breakdown_row(&page, "I.1.");
    assert_eq!(units, 5, "one column per ranked member");
    // The maximum, then the members in the order of the head. I.1 is
    // proportional (data/scores/2024/ldld-khoi-1.yaml): 150 × the ratio,
    // at most 150; 1,08 → 150,0, 0,96 → 144,0, 0,93 → 139,5.
    assert_eq!(cells, ["150", "150,0", "144,0", "139,5", "131,3", "118,8"]);
    let (cells, _) = breakdown_row(&page, "I.2.");
    assert_eq!(
        cells.len(),
        units + 1,
        "every row has a cell for every unit"
    );
}
