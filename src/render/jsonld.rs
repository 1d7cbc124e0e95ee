//! Structured data for search engines and sharing: JSON-LD `NewsArticle` on
//! article pages and `BreadcrumbList` on deep pages, built with serde_json
//! and escaped for a `<script type="application/ld+json">` block, so a
//! title holding `</script>` or `<!--` cannot end the block.

use serde::Serialize;
use serde_json::{Value, json};

use crate::site::{Article, Site};

/// One step of a breadcrumb: its words and its rooted and absolute address.
#[derive(Serialize)]
pub struct Crumb {
    pub name: String,
    pub url: String,
    #[serde(skip)]
    pub permalink: String,
}

/// JSON text made safe inside an HTML `<script>` element: `<`, `>` and `&`
/// (and the JavaScript line separators, controls and bidi overrides) are
/// written as `\u` escapes, which JSON readers turn back into the same
/// characters. Only a few bytes can start a character that needs escaping
/// (`<`, `>`, `&`, controls, and `0xE2`, the lead byte of U+2028–U+202E and
/// U+2066–U+2069); the runs between them are copied whole (this runs for
/// every page).
pub fn script_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut copied = 0;
    for (i, b) in text.bytes().enumerate() {
        if !matches!(b, b'<' | b'>' | b'&' | 0..=0x1F | 0x7F | 0xE2) {
            continue;
        }
        // `i` starts a character: those bytes are ASCII or a lead byte.
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let escaped = match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => true,
            // Kept for JSON readers, but not as a raw override in the page.
            c => crate::text::is_unsafe_control(c),
        };
        if escaped {
            out.push_str(&text[copied..i]);
            out.push_str(&format!("\\u{:04x}", c as u32));
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The `BreadcrumbList` of `crumbs` (home first, the page itself last).
pub fn breadcrumb_list(crumbs: &[Crumb]) -> String {
    let items = crumbs
        .iter()
        .enumerate()
        .map(|(i, c)| ListItem {
            kind: "ListItem",
            item: &c.permalink,
            name: &c.name,
            position: i + 1,
        })
        .collect();
    script_of(&BreadcrumbList {
        context: SCHEMA,
        kind: "BreadcrumbList",
        items,
    })
}

const SCHEMA: &str = "https://schema.org";

// The structs below are written, not built as `serde_json::Value` maps (a
// page's JSON-LD was a twentieth of its rendering); their fields are in the
// byte order of their keys, the order the maps wrote, so the pages' bytes
// did not change.

#[derive(Serialize)]
struct BreadcrumbList<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<ListItem<'a>>,
}

#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: &'a str,
    name: &'a str,
    position: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Typed<'a>>,
    date_published: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageObject>,
    in_language: &'a str,
    main_entity_of_page: WebPage<'a>,
    publisher: &'a Value,
    url: &'a str,
}

/// `{"@type": …, "name": …}`.
#[derive(Serialize)]
struct Typed<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct ImageObject {
    #[serde(rename = "@type")]
    kind: &'static str,
    height: u32,
    url: String,
    width: u32,
}

#[derive(Serialize)]
struct WebPage<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
}

/// `value` as JSON safe in a `<script>` block.
fn script_of(value: &impl Serialize) -> String {
    // These structs hold strings, numbers and a `Value` only: writing them
    // into a `String` cannot fail.
    script_text(&serde_json::to_string(value).unwrap_or_default())
}

/// The publisher: the site's organiser (`site.yaml` `organiser`, by its
/// current name), else the site under its title; built once per build.
pub fn publisher(site: &Site) -> Value {
    let name = site
        .config
        .organiser
        .as_ref()
        .and_then(|id| site.data.unit(id.value.trim()))
        .map_or(site.config.title.as_str(), |u| {
            u.current_name().full.as_str()
        });
    json!({
        "@type": "Organization",
        "name": name,
        "url": site.config.base_url.absolute("/"),
    })
}

/// The author's name from the byline: the part after its last colon
/// ("Tin, ảnh: Hoàng Thu Trang" → "Hoàng Thu Trang"), else the whole byline.
fn author_name(byline: &str) -> &str {
    match byline.rsplit_once(':') {
        Some((_, name)) if !name.trim().is_empty() => name.trim(),
        _ => byline.trim(),
    }
}

/// The `NewsArticle` of article `a`.
pub fn news_article(site: &Site, a: &Article, publisher: &Value) -> String {
    let base = &site.config.base_url;
    let permalink = base.absolute(&a.path);
    let author = a
        .byline
        .as_deref()
        .filter(|b| !b.trim().is_empty())
        .map(|byline| Typed {
            kind: "Person",
            name: author_name(byline),
        });
    let image = a
        .cover
        .and_then(|i| a.gallery.get(i))
        .and_then(|p| {
            let large = site.media.get(&p.source)?.large()?;
            Some((p, large))
        })
        .map(|(photo, large)| ImageObject {
            kind: "ImageObject",
            height: large.height,
            url: base.absolute(&format!("{}{}", photo.folder, large.name)),
            width: large.width,
        });
    script_of(&NewsArticle {
        context: SCHEMA,
        kind: "NewsArticle",
        author,
        date_published: a.date.rfc3339(site.config.offset),
        description: &a.summary,
        headline: &a.title,
        image,
        in_language: &site.config.language,
        main_entity_of_page: WebPage {
            id: &permalink,
            kind: "WebPage",
        },
        publisher,
        url: &permalink,
    })
}

#[cfg(test)]
mod tests {
    use super::{author_name, script_of};
    use serde_json::json;

    #[test]
    fn script_text_cannot_end_the_script_and_reads_back_the_same() {
        let v = json!({ "headline": "a </script><!-- & \"b\" \u{2028}\u{202E}x\u{1}é’" });
        let s = script_of(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert!(!s.contains(['\u{2028}', '\u{202E}', '\u{1}']));
        assert!(s.contains("\\u003c/script\\u003e") && s.contains("é’"));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap_or_default();
        assert_eq!(back, v);
    }

    #[test]
    fn author_is_the_name_after_the_label() {
        assert_eq!(author_name("Tin, ảnh: Hoàng Thu Trang"), "Hoàng Thu Trang");
        assert_eq!(author_name("Hoàng Thu Trang"), "Hoàng Thu Trang");
        assert_eq!(author_name("Ảnh:"), "Ảnh:");
    }
}
