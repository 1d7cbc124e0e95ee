//! Where the gallery goes: after the body, or where the body writes
//! `[[thư viện ảnh]]`; galleries of standalone pages; and the warnings for a
//! marker that places nothing.

mod common;

use common::{SiteTest, find, render};
use image::{ImageEncoder, Rgb, RgbImage};

const SITE: &str =
    "title: Thi đua thử\nbase_url: https://thidua.example.vn/\nimages:\n  widths: [16, 32]\n";

fn jpeg() -> Vec<u8> {
    let img = RgbImage::from_fn(64, 48, |x, _| Rgb([(x * 4) as u8, 90, 160]));
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .write_image(img.as_raw(), 64, 48, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

const FRONT: &str = "---\ntitle: Ký kết\ndate: 2024-03-14\nphotos:\n  - { file: a.jpg, caption: Toàn cảnh }\n  - { file: b.jpg, caption: Trao cờ }\n---\n";

fn site_with(body: &str) -> SiteTest {
    SiteTest::new()
        .file("site.yaml", SITE)
        .file("content/news/2024/k/index.md", &format!("{FRONT}{body}"))
        .bytes("content/news/2024/k/a.jpg", &jpeg())
        .bytes("content/news/2024/k/b.jpg", &jpeg())
}

/// Where `needle` is in the page's `<main>` (the head repeats the summary).
fn position(html: &str, needle: &str) -> usize {
    let main = html.find("<main").expect("main");
    html[main..]
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {html}"))
}

#[test]
fn without_a_marker_the_gallery_follows_the_body() {
    let t = site_with("Mở đầu.\n\nKết thúc.\n");
    t.built();
    let html = t.read("tin-tuc/2024/k/index.html");
    assert!(position(&html, "Kết thúc.") < position(&html, r#"class="gallery""#));
    assert_eq!(html.matches(r#"class="gallery""#).count(), 1);
}

#[test]
fn the_marker_places_the_gallery_once_and_is_not_shown() {
    let t = site_with("Mở đầu.\n\n[[Thư viện ảnh]]\n\nKết thúc.\n");
    let report = t.built();
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
    let html = t.read("tin-tuc/2024/k/index.html");
    let gallery = position(&html, r#"class="gallery""#);
    assert!(position(&html, "Mở đầu.") < gallery);
    assert!(gallery < position(&html, "Kết thúc."));
    assert_eq!(
        html.matches(r#"class="gallery""#).count(),
        1,
        "not repeated"
    );
    assert!(html.contains("<figcaption>Toàn cảnh</figcaption>"));
    assert!(!html.contains("[["), "the marker is not shown");
    assert!(!html.contains("bangtin:"), "nor its placeholder");
    // Feeds carry the text without the placeholder.
    let feed = t.read("feed.xml");
    assert!(feed.contains("Kết thúc.") && !feed.contains("bangtin:"));
}

#[test]
fn a_marker_first_does_not_become_the_summary_and_marks_are_optional() {
    let t = site_with("[[ thu vien anh ]]\n\nChiều 14/3, Cụm họp.\n");
    t.built();
    let html = t.read("tin-tuc/2024/k/index.html");
    assert!(position(&html, r#"class="gallery""#) < position(&html, "Chiều 14/3"));
    assert!(html.contains(r#"<meta name="description" content="Chiều 14/3, Cụm họp.">"#));
}

#[test]
fn a_marker_in_code_is_only_text() {
    let t = site_with("Viết:\n\n```\n[[thư viện ảnh]]\n```\n");
    t.built();
    let html = t.read("tin-tuc/2024/k/index.html");
    assert!(html.contains("<code>[[thư viện ảnh]]"));
    assert!(position(&html, "<code>") < position(&html, r#"class="gallery""#));
}

#[test]
fn a_second_marker_warns_on_its_line_and_is_dropped() {
    let t = site_with("A.\n\n[[thư viện ảnh]]\n\nB.\n\n[[thư viện ảnh]]\n");
    let report = t.built();
    let w = find(&report.warnings, "lần thứ hai");
    assert_eq!(
        w.file.as_ref().unwrap().to_string_lossy(),
        "content/news/2024/k/index.md"
    );
    assert_eq!(w.line, 14);
    let html = t.read("tin-tuc/2024/k/index.html");
    assert_eq!(html.matches(r#"class="gallery""#).count(), 1);
    assert!(!html.contains("[["));
}

#[test]
fn a_marker_inside_a_list_warns_and_stays_text() {
    let t = site_with("- [[thư viện ảnh]]\n");
    let report = t.built();
    let w = find(&report.warnings, "danh sách hoặc trích dẫn");
    assert_eq!(w.line, 8);
    assert!(w.hint.as_deref().unwrap().contains("dòng riêng"));
    let html = t.read("tin-tuc/2024/k/index.html");
    assert!(html.contains("[[thư viện ảnh]]"));
    assert!(position(&html, "[[thư viện ảnh]]") < position(&html, r#"class="gallery""#));
}

#[test]
fn a_marker_without_photos_warns_and_shows_nothing() {
    let t = SiteTest::new().file("site.yaml", SITE).article(
        "content/news/2024/x.md",
        "X",
        "2024-01-01",
        "A.\n\n[[thư viện ảnh]]\n",
    );
    let report = t.built();
    let w = find(&report.warnings, "không có ảnh");
    assert_eq!(
        w.file.as_ref().unwrap().to_string_lossy(),
        "content/news/2024/x.md"
    );
    let source = std::fs::read_to_string(t.site().join("content/news/2024/x.md")).unwrap();
    let line = source.lines().position(|l| l.contains("[[")).unwrap() + 1;
    assert_eq!(w.line, line);
    let html = t.read("tin-tuc/2024/x/index.html");
    assert!(!html.contains("[[") && !html.contains(r#"class="gallery""#));
}

#[test]
fn a_page_bundle_gets_a_gallery_placed_or_after_its_text() {
    let t = SiteTest::new()
        .file("site.yaml", SITE)
        .file(
            "content/pages/hoat-dong/index.md",
            "---\ntitle: Hoạt động\nphotos:\n  - { file: a.jpg, caption: Hội thao }\n---\nẢnh:\n\n[[thư viện ảnh]]\n\nHết.\n",
        )
        .bytes("content/pages/hoat-dong/a.jpg", &jpeg())
        .file(
            "content/pages/van-nghe/index.md",
            "---\ntitle: Văn nghệ\nphotos:\n  - { file: b.jpg, caption: Hội diễn }\n---\nChương trình.\n",
        )
        .bytes("content/pages/van-nghe/b.jpg", &jpeg());
    let report = t.built();
    assert!(report.warnings.is_empty(), "{}", render(&report.warnings));
    let html = t.read("hoat-dong/index.html");
    let gallery = position(&html, r#"class="gallery""#);
    assert!(position(&html, "Ảnh:") < gallery && gallery < position(&html, "Hết."));
    assert!(html.contains(r#"<a class="photo-link" href="/hoat-dong/a-32.jpg""#));
    assert!(html.contains(r#"alt="Hội thao" loading="lazy""#));
    assert!(html.contains("<figcaption>Hội thao</figcaption>"));
    assert!(html.contains("lightbox.js"));
    assert!(t.exists("hoat-dong/a-16.webp"));
    let html = t.read("van-nghe/index.html");
    assert!(position(&html, "Chương trình.") < position(&html, r#"class="gallery""#));
    assert!(html.contains("<figcaption>Hội diễn</figcaption>"));
    // Pages are not articles: the photo library lists articles only.
    let album = t.read("thu-vien-anh/index.html");
    let main = &album[album.find("<main").unwrap()..];
    assert!(!main.contains("/van-nghe/"));
}
