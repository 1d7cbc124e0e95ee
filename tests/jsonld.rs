//! Issue 18 part 5: JSON-LD (`NewsArticle`, `BreadcrumbList`), the visible
//! breadcrumb and the Open Graph tags of built pages.

mod common;

use common::SiteTest;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const TITLE_NFD: &str = "Ký kết </script><!-- \"giao ước\" & thi đua";

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&img)
        .expect("encode");
    out
}

fn site() -> SiteTest {
    let title: String = TITLE_NFD.nfd().collect();
    SiteTest::new()
        .file(
            "site.yaml",
            &format!("{}organiser: tl-ldld-tinh\n", common::SITE_YAML),
        )
        .file(
            "data/units.yaml",
            "units:\n  - id: tl-ldld-tinh\n    kind: union_upper\n    names: [{ full: Liên đoàn Lao động tỉnh Thanh Lâm, short: LĐLĐ tỉnh }]\n",
        )
        .file(
            "content/news/2024/ky-ket/index.md",
            &format!(
                "---\ntitle: '{title}'\ndate: 2024-03-14 15:30\nbyline: \"Tin, ảnh: Hoàng Thu Trang\"\ntags: [Giao ước thi đua]\ncover: toan-canh.jpg\n---\nMở đầu bài viết.\n"
            ),
        )
        .bytes("content/news/2024/ky-ket/toan-canh.jpg", &jpeg(1700, 1000))
        .article(
            "content/news/2023/khac.md",
            "Bài khác",
            "2023-05-02",
            "Nội dung.",
        )
}

/// Every JSON-LD block of a page, parsed.
fn blocks(html: &str) -> Vec<Value> {
    let open = r#"<script type="application/ld+json">"#;
    html.split(open)
        .skip(1)
        .map(|rest| {
            let end = rest.find("</script>").expect("closed");
            let text = &rest[..end];
            assert!(!text.contains('<'), "raw < inside JSON-LD: {text}");
            serde_json::from_str(text).expect("valid JSON")
        })
        .collect()
}

fn of_type<'a>(blocks: &'a [Value], ty: &str) -> &'a Value {
    blocks
        .iter()
        .find(|b| b["@type"] == ty)
        .unwrap_or_else(|| panic!("no {ty} in {blocks:?}"))
}

fn meta(html: &str, property: &str) -> String {
    let needle = format!(r#"<meta property="{property}" content=""#);
    let start = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no {property}"))
        + needle.len();
    html[start..start + html[start..].find('"').expect("quote")].to_string()
}

fn crumbs(b: &Value) -> Vec<(String, String)> {
    b["itemListElement"]
        .as_array()
        .expect("items")
        .iter()
        .enumerate()
        .map(|(i, item)| {
            assert_eq!(item["position"], i + 1);
            assert_eq!(item["@type"], "ListItem");
            (
                item["name"].as_str().expect("name").to_string(),
                item["item"].as_str().expect("item").to_string(),
            )
        })
        .collect()
}

#[test]
fn articles_carry_a_news_article_with_escaped_nfc_values() {
    let t = site();
    t.built();
    let html = t.read("tin-tuc/2024/ky-ket/index.html");
    assert!(!html.contains("</script><!--"), "title broke out");
    let blocks = blocks(&html);
    let a = of_type(&blocks, "NewsArticle");
    let title: String = TITLE_NFD.nfc().collect();
    assert_eq!(a["headline"], title.as_str());
    assert_eq!(a["@context"], "https://schema.org");
    assert_eq!(a["datePublished"], "2024-03-14T15:30:00+07:00");
    let permalink = "https://thidua.example.vn/tin-tuc/2024/ky-ket/";
    assert_eq!(a["url"], permalink);
    assert_eq!(a["mainEntityOfPage"]["@id"], permalink);
    assert_eq!(a["author"]["name"], "Hoàng Thu Trang");
    assert_eq!(a["publisher"]["@type"], "Organization");
    assert_eq!(a["publisher"]["name"], "Liên đoàn Lao động tỉnh Thanh Lâm");
    assert_eq!(a["description"], "Mở đầu bài viết.");
    let image = &a["image"];
    let url = image["url"].as_str().expect("image url");
    assert!(url.starts_with("https://thidua.example.vn/tin-tuc/2024/ky-ket/toan-canh-"));
    assert!(image["width"].as_u64().expect("width") >= 1200);
    assert!(image["height"].as_u64().expect("height") > 0);

    // og:image is the same file, with its size.
    assert_eq!(meta(&html, "og:image"), url);
    assert_eq!(meta(&html, "og:image:width"), image["width"].to_string());
    assert_eq!(meta(&html, "og:image:height"), image["height"].to_string());
    assert_eq!(meta(&html, "og:locale"), "vi_VN");
    assert_eq!(meta(&html, "og:type"), "article");
}

#[test]
fn deep_pages_have_a_breadcrumb_list_and_a_visible_breadcrumb_in_order() {
    let t = site();
    t.built();
    let root = "https://thidua.example.vn";
    let html = t.read("tin-tuc/2024/ky-ket/index.html");
    let title: String = TITLE_NFD.nfc().collect();
    assert_eq!(
        crumbs(of_type(&blocks(&html), "BreadcrumbList")),
        vec![
            ("Trang chủ".to_string(), format!("{root}/")),
            ("Tin tức".to_string(), format!("{root}/tin-tuc/")),
            ("2024".to_string(), format!("{root}/tin-tuc/2024/")),
            (title, format!("{root}/tin-tuc/2024/ky-ket/")),
        ]
    );
    let nav_start = html.find(r#"<nav class="breadcrumb" aria-label="Bạn đang ở"><ol>"#);
    let nav = &html[nav_start.expect("visible breadcrumb")..];
    let nav = &nav[..nav.find("</nav>").expect("nav end")];
    let home = nav.find(r#"<a href="/">Trang chủ</a>"#).expect("home");
    let news = nav
        .find(r#"<a href="/tin-tuc/">Tin tức</a>"#)
        .expect("news");
    let year = nav
        .find(r#"<a href="/tin-tuc/2024/">2024</a>"#)
        .expect("year");
    let here = nav
        .find(r#"<span aria-current="page">Ký kết &lt;/script&gt;"#)
        .expect("current page, escaped");
    assert!(home < news && news < year && year < here);

    let year_page = blocks(&t.read("tin-tuc/2023/index.html"));
    assert_eq!(
        crumbs(of_type(&year_page, "BreadcrumbList")),
        vec![
            ("Trang chủ".to_string(), format!("{root}/")),
            ("Tin tức".to_string(), format!("{root}/tin-tuc/")),
            ("2023".to_string(), format!("{root}/tin-tuc/2023/")),
        ]
    );
    let tag = crumbs(of_type(
        &blocks(&t.read("chu-de/giao-uoc-thi-dua/index.html")),
        "BreadcrumbList",
    ));
    assert_eq!(tag[1], ("Chủ đề".to_string(), format!("{root}/chu-de/")));
    assert_eq!(tag[2].0, "Giao ước thi đua");
    // The home page and the news list are not deep: no breadcrumb.
    for page in ["index.html", "tin-tuc/index.html"] {
        let html = t.read(page);
        assert!(blocks(&html).is_empty(), "{page}");
        assert!(!html.contains(r#"class="breadcrumb""#), "{page}");
    }
}

#[test]
fn without_an_organiser_the_site_publishes_and_english_sites_say_en_us() {
    let t = SiteTest::new()
        .file("site.yaml", &format!("{}language: en\n", common::SITE_YAML))
        .article("content/news/2024/a.md", "Bài", "2024-01-02", "Văn bản.");
    t.built();
    let html = t.read("tin-tuc/2024/a/index.html");
    let a = of_type(&blocks(&html), "NewsArticle").clone();
    assert_eq!(a["publisher"]["name"], "Thi đua thử");
    assert_eq!(a["publisher"]["url"], "https://thidua.example.vn/");
    assert!(a.get("author").is_none() && a.get("image").is_none());
    assert_eq!(meta(&html, "og:locale"), "en_US");
    assert!(html.contains(r#"aria-label="You are here""#));
}
