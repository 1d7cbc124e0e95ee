//! Safe pages (issue 21 §6): hostile strings typed into every kind of value
//! (site title, article title, summary and tags, unit, cluster, criterion and
//! award names) come out inert in every output context: HTML text and
//! attributes, JSON-LD, feeds and sitemaps, the search index and the other
//! JSON files, CSV. And `markdown.raw_html: false` keeps HTML out of the text.

mod common;
mod data_fixture;

use std::fs;
use std::path::Path;

use data_fixture::*;

/// What people paste, and what an attacker would try, one per value.
const SCRIPT: &str = "</script><script>alert(1)</script>";
const TAG: &str = "\"><img src=x onerror=alert(2)>";
const URL: &str = "javascript:alert(3)";
const RTL: &str = "Tệp \u{202E}gpj.exe";
const NUL: &str = "Không\u{0}ký tự";
const FORMULA: &str = "=HYPERLINK(\"http://x.example\",\"bấm\")";

/// A YAML double-quoted scalar holding `s` (NUL as an escape, as YAML allows).
fn yaml(s: &str) -> String {
    let escaped = s
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\u{0}', "\\0")
        .replace('\u{202E}', "\\u202E");
    format!("\"{escaped}\"")
}

/// The fixture data tree with a hostile string in every name, and an article
/// with hostile title, summary and tags.
fn hostile_site() -> DataSite {
    let site_yaml = format!(
        "title: {}\ndescription: {}\nbase_url: https://thidua.example.vn/\n",
        yaml(&format!("Thi đua {SCRIPT}")),
        yaml(TAG)
    );
    let article = format!(
        "---\ntitle: {}\ndate: 2024-03-14\nsummary: {}\ntags: [{}, {}, {}]\n---\n\
         Bài viết về [Cụm thi đua số 1](/cum-thi-dua/2024/cum-1/).\n",
        yaml(&format!("Ký kết {SCRIPT} {TAG}")),
        yaml(&format!("{URL} {NUL}")),
        yaml(TAG),
        yaml(RTL),
        yaml(SCRIPT),
    );
    let t = DataSite::new()
        .edit(
            UNITS,
            "names: [{ full: Công đoàn Thanh tra tỉnh }]",
            &format!("names: [{{ full: {} }}]", yaml(FORMULA)),
        )
        .edit(
            UNITS,
            "names: [{ full: Công đoàn Văn phòng UBND tỉnh }]",
            &format!("names: [{{ full: {} }}]", yaml(&format!("VP {TAG} {RTL}"))),
        )
        .edit(
            CLUSTER,
            "name: Cụm thi đua số 1",
            &format!("name: {}", yaml(&format!("Cụm {SCRIPT}"))),
        )
        .edit(
            SCHEME,
            "title: Phong trào thi đua,",
            &format!("title: {},", yaml(&format!("Phong trào {TAG}"))),
        )
        .edit(
            AWARDS,
            "name: Cờ thi đua của LĐLĐ tỉnh,",
            &format!("name: {},", yaml(&format!("Cờ {SCRIPT}"))),
        )
        .file("site.yaml", &site_yaml)
        .file("content/news/2024/ky-ket.md", &article);
    t.load();
    t
}

/// Every file of the built site with its text.
fn outputs(out: &Path) -> Vec<(String, String)> {
    common::files_under(out)
        .into_iter()
        .filter(|rel| !rel.ends_with(".xlsx") && !rel.ends_with(".ico"))
        .map(|rel| {
            let bytes = fs::read(out.join(&rel)).unwrap();
            let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{rel} is not UTF-8"));
            (rel, text)
        })
        .collect()
}

/// The JSON between `<script type="application/ld+json">` and its end.
fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let open = r#"<script type="application/ld+json">"#;
    html.split(open)
        .skip(1)
        .map(|rest| {
            let body = &rest[..rest.find("</script>").expect("JSON-LD is closed")];
            serde_json::from_str(body).unwrap_or_else(|e| panic!("JSON-LD {e}: {body}"))
        })
        .collect()
}

/// All strings inside a JSON value, depth first.
fn strings(v: &serde_json::Value, into: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => into.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, into)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, into)),
        _ => {}
    }
}

/// `&` in XML starts one of the five entities or a character reference.
fn entities_are_well_formed(text: &str) -> bool {
    text.match_indices('&').all(|(i, _)| {
        let rest = &text[i + 1..];
        ["amp;", "lt;", "gt;", "quot;", "apos;", "#"]
            .iter()
            .any(|e| rest.starts_with(e))
    })
}

#[test]
fn hostile_strings_come_out_inert_in_every_context() {
    let t = hostile_site();
    let report = t.site.build();
    assert!(report.is_ok(), "{}", common::render(&report.unwrap_err()));
    let out = t.site.out();
    let files = outputs(&out);
    let mut seen = [false; 5]; // html, json-ld, xml, json, csv
    for (rel, text) in &files {
        // Nowhere a raw control character (NUL stops XML parsers; JSON
        // writes it as an escape); in what people read, no bidirectional
        // override either (it makes "exe.jpg" read "gpj.exe"). JSON keeps
        // the override: it is data, and the scripts show it as text.
        assert!(!text.contains('\u{0}'), "{rel} holds a NUL");
        if !rel.ends_with(".json") {
            assert!(!text.contains('\u{202E}'), "{rel} holds a bidi override");
        }
        // In pages and feeds, the markup the strings carry is never markup
        // (JSON and CSV carry the text as typed: they are data).
        if rel.ends_with(".html") || rel.ends_with(".xml") {
            for raw in ["<script>alert", "<img src=x", "onerror=alert(2)>"] {
                assert!(!text.contains(raw), "{rel} holds {raw:?} unescaped");
            }
        }
        if rel.ends_with(".html") {
            seen[0] = true;
            let lower = text.to_lowercase();
            assert!(
                !lower.contains("href=\"javascript:") && !lower.contains("src=\"javascript:"),
                "{rel} has a javascript: address"
            );
            assert_eq!(
                text.matches("<script").count(),
                text.matches("</script>").count(),
                "{rel}: a string closed a script early"
            );
            let open = r#"<script type="application/ld+json">"#;
            for rest in text.split(open).skip(1) {
                seen[1] = true;
                let body = &rest[..rest.find("</script>").unwrap()];
                assert!(!body.contains('<'), "{rel}: a raw < in JSON-LD: {body}");
            }
            json_ld(text); // and each one parses
        } else if rel.ends_with(".xml") {
            seen[2] = true;
            assert!(entities_are_well_formed(text), "{rel}: a bare & in XML");
            assert!(!text.contains("\"><img"), "{rel}: a quote broke out");
        } else if rel.ends_with(".json") {
            seen[3] = true;
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"));
        } else if rel.ends_with(".csv") {
            seen[4] = true;
            for cell in text.lines().flat_map(|l| l.split(',')) {
                let cell = cell.trim_matches('"');
                assert!(
                    !cell.starts_with("=HYPERLINK"),
                    "{rel}: a formula cell {cell:?}"
                );
            }
        }
    }
    assert_eq!(seen, [true; 5], "every context was checked: {seen:?}");

    // The strings are still there, escaped: nothing was silently dropped.
    let article = t.site.read("tin-tuc/2024/ky-ket/index.html");
    assert!(
        article.contains("&lt;&#x2F;script&gt;") || article.contains("&lt;/script&gt;"),
        "the title is shown as text"
    );
    let ld: Vec<String> = json_ld(&article)
        .iter()
        .flat_map(|v| {
            let mut all = Vec::new();
            strings(v, &mut all);
            all
        })
        .collect();
    assert!(
        ld.iter().any(|s| s.contains("alert(1)")),
        "JSON-LD keeps the title's words: {ld:?}"
    );
    let csv = files
        .iter()
        .find(|(rel, _)| rel.ends_with(".csv"))
        .map(|(_, text)| text.clone())
        .unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}

#[test]
fn raw_html_false_keeps_html_of_the_text_out_of_the_page() {
    let body =
        "Kết quả <b onclick=\"x()\">rất tốt</b>.\n\n<iframe src=\"https://x.example/\"></iframe>\n";
    let build = |raw_html: &str| {
        let t = common::SiteTest::new()
            .file(
                "site.yaml",
                &format!(
                    "{}markdown: {{ raw_html: {raw_html} }}\n",
                    common::SITE_YAML
                ),
            )
            .article("content/news/2024/a.md", "A", "2024-01-02", body);
        t.built();
        t.read("tin-tuc/2024/a/index.html")
    };
    let kept = build("true");
    assert!(kept.contains("<b onclick=\"x()\">rất tốt</b>"), "{kept}");
    assert!(kept.contains("<iframe"), "{kept}");
    let left_out = build("false");
    assert!(left_out.contains("Kết quả rất tốt."), "{left_out}");
    assert!(
        !left_out.contains("onclick") && !left_out.contains("<iframe"),
        "{left_out}"
    );
}
