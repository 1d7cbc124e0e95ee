//! The `bangtin` command: exit codes, what it prints, `init` and `new`.

mod common;

use common::{Run, SiteTest, run_bin};

fn bangtin(args: &[&str], dir: &std::path::Path) -> Run {
    bangtin_env(args, dir, &[])
}

/// Runs the binary with no language in the environment but `env`.
fn bangtin_env(args: &[&str], dir: &std::path::Path, env: &[(&str, &str)]) -> Run {
    run_bin(env!("CARGO_BIN_EXE_bangtin"), args, dir, env)
}

fn text(o: &Run) -> (String, String) {
    (o.stdout.clone(), o.stderr.clone())
}

#[test]
fn build_prints_a_one_line_summary_and_exits_0() {
    let t = SiteTest::new().article("content/news/a.md", "A", "2024-01-01", "x");
    let out = t.out();
    let o = bangtin(
        &["build", "--site", "site", "--output", out.to_str().unwrap()],
        t.site().parent().unwrap(),
    );
    let (stdout, stderr) = text(&o);
    assert_eq!(o.code, Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    // home, news, 2024, the article, topics, photo galleries, search, 404
    assert!(
        stdout.starts_with("Đã tạo 8 trang, 0 ảnh, 0 cảnh báo trong "),
        "{stdout}"
    );
    assert!(out.join("tin-tuc/2024/a/index.html").is_file());
}

#[test]
fn check_names_every_problem_with_file_and_line_and_exits_1() {
    let t = SiteTest::new()
        .file(
            "content/news/a.md",
            "---\ntitle: A\ndate: 14/3/2024\n---\nx\n",
        )
        .article("content/news/b.md", "B", "2024-01-01", "[x](khong-co.md)");
    let o = bangtin(&["check"], &t.site());
    let (stdout, stderr) = text(&o);
    assert_eq!(o.code, Some(1));
    assert!(stdout.is_empty());
    assert!(stderr.contains("--> content/news/a.md:3:7"), "{stderr}");
    assert!(stderr.contains("3 | date: 14/3/2024"), "{stderr}");
    assert!(stderr.contains("--> content/news/b.md:5:1"), "{stderr}");
    assert!(stderr.contains("2 lỗi, 0 cảnh báo"), "{stderr}");
    assert!(!t.site().join("output").exists(), "check writes nothing");
}

#[test]
fn messages_can_be_in_english() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 14/3/2024\n---\nx\n",
    );
    let o = bangtin_env(&["check"], &t.site(), &[("BANGTIN_LANG", "en")]);
    let (_, stderr) = text(&o);
    assert!(
        stderr.contains("error: the date `14/3/2024` is not valid"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: write dates as year-month-day, e.g. 2024-03-14"),
        "{stderr}"
    );
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ntags: [\"a\u{200B}b\"]\n---\nx\n",
    );
    assert_eq!(bangtin(&["check"], &t.site()).code, Some(0));
    let o = bangtin(&["check", "--deny-warnings"], &t.site());
    assert_eq!(o.code, Some(1));
    assert!(text(&o).1.contains("--deny-warnings"));
    let o = bangtin(&["build", "--deny-warnings"], &t.site());
    assert_eq!(o.code, Some(1));
    assert!(
        !t.site().join("output").exists(),
        "a denied build writes nothing"
    );
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(
        bangtin(&["build", "--no-such-flag"], tmp.path()).code,
        Some(2)
    );
    assert_eq!(bangtin(&["xay-dung"], tmp.path()).code, Some(2));
}

#[test]
fn legacy_encoded_text_is_refused_with_a_conversion_hint() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\nCoâng ñoaøn cô sôû Sôû Tö phaùp toå chöùc hoäi nghò.\n",
    );
    let o = bangtin(&["check"], &t.site());
    let (_, stderr) = text(&o);
    assert_eq!(o.code, Some(1));
    assert!(
        stderr.contains("VNI") && stderr.contains("content/news/a.md:5:"),
        "{stderr}"
    );
}

#[test]
fn init_makes_a_site_that_builds_and_new_adds_an_article() {
    let tmp = tempfile::tempdir().unwrap();
    let o = bangtin(&["init", "trang-moi"], tmp.path());
    assert_eq!(o.code, Some(0), "{:?}", text(&o));
    let site = tmp.path().join("trang-moi");
    let o = bangtin(&["new", "Hội nghị ký kết giao ước thi đua năm 2025"], &site);
    let (stdout, stderr) = text(&o);
    assert_eq!(o.code, Some(0), "{stderr}");
    assert!(
        stdout.contains("/hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-2025/index.md"),
        "{stdout}"
    );
    let again = bangtin(&["new", "Hội nghị ký kết giao ước thi đua năm 2025"], &site);
    assert_eq!(
        again.code,
        Some(1),
        "an existing article is never overwritten"
    );
    let o = bangtin(&["build"], &site);
    assert_eq!(o.code, Some(0), "{:?}", text(&o));
    let news = std::fs::read_to_string(site.join("output/tin-tuc/index.html")).unwrap();
    assert!(
        !news.contains("Hội nghị ký kết giao ước thi đua năm 2025"),
        "a new article is a draft"
    );
    assert!(news.contains("Bài viết đầu tiên"));
    let o = bangtin(&["build", "--drafts"], &site);
    let (stdout, stderr) = text(&o);
    assert_eq!(o.code, Some(0), "{stderr}");
    assert!(stdout.contains(", 0 cảnh báo trong "), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    let news = std::fs::read_to_string(site.join("output/tin-tuc/index.html")).unwrap();
    assert!(news.contains("Hội nghị ký kết giao ước thi đua năm 2025"));
    assert_eq!(bangtin(&["init", "trang-moi"], tmp.path()).code, Some(1));
}

#[test]
fn long_image_work_prints_progress_lines_and_clean_removes_the_cache() {
    use image::ImageEncoder;
    let mut t = SiteTest::new().article("content/news/2024/anh/index.md", "Ảnh", "2024-01-01", "x");
    for i in 0..10u8 {
        let img = image::RgbImage::from_pixel(40, 30, image::Rgb([i * 20, 90, 90]));
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new(&mut jpeg)
            .write_image(img.as_raw(), 40, 30, image::ExtendedColorType::Rgb8)
            .unwrap();
        t = t.bytes(&format!("content/news/2024/anh/{i:02}.jpg"), &jpeg);
    }
    let dir = t.site().parent().unwrap().to_path_buf();
    let o = bangtin(&["build", "--site", "site"], &dir);
    let (stdout, stderr) = text(&o);
    assert_eq!(o.code, Some(0), "{stderr}");
    assert!(stdout.contains(", 10 ảnh,"), "{stdout}");
    // Not a terminal: plain lines, the last one complete.
    assert!(stderr.contains("Đang xử lý ảnh: 10/10\n"), "{stderr}");
    assert!(!stderr.contains('\r'));
    let o = bangtin(&["build", "--site", "site"], &dir);
    assert!(
        !text(&o).1.contains("Đang xử lý ảnh"),
        "warm: nothing to do"
    );

    let o = bangtin(&["clean", "--site", "site"], &dir);
    let (stdout, _) = text(&o);
    assert_eq!(o.code, Some(0));
    assert!(stdout.starts_with("Đã xóa bộ nhớ đệm"), "{stdout}");
    assert!(!t.site().join(".bangtin-cache").exists());
    let o = bangtin(&["clean", "--site", "site"], &dir);
    assert!(text(&o).0.starts_with("Không có bộ nhớ đệm"));
}
