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

/// JSON text safe inside an HTML `<script>` element: `<`, `>` and `&` (and
/// the JavaScript line separators, controls and bidi overrides) are written as `\u` escapes, which JSON
/// readers turn back into the same characters.
pub fn script_json(value: &Value) -> String {
    script_text(&value.to_string())
}

/// [`script_json`] for JSON already written as text.
pub fn script_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            // Kept for JSON readers, but not as a raw override in the page.
            c if crate::text::is_unsafe_control(c) => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// The `BreadcrumbList` of `crumbs` (home first, the page itself last).
pub fn breadcrumb_list(crumbs: &[Crumb]) -> String {
    let items: Vec<Value> = crumbs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": c.name,
                "item": c.permalink,
            })
        })
        .collect();
    script_json(&json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    }))
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
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.date.rfc3339(site.config.offset),
        "url": permalink,
        "mainEntityOfPage": { "@type": "WebPage", "@id": permalink },
        "inLanguage": site.config.language,
        "publisher": publisher,
    });
    // `v` was made by `json!` from an object literal just above.
    let Some(map) = v.as_object_mut() else {
        return script_json(&v);
    };
    if !a.summary.is_empty() {
        map.insert("description".into(), json!(a.summary));
    }
    if let Some(byline) = a.byline.as_deref().filter(|b| !b.trim().is_empty()) {
        map.insert(
            "author".into(),
            json!({ "@type": "Person", "name": author_name(byline) }),
        );
    }
    let cover = a.cover.and_then(|i| a.gallery.get(i)).and_then(|p| {
        let large = site.media.get(&p.source)?.large()?;
        Some((p, large))
    });
    if let Some((photo, large)) = cover {
        map.insert(
            "image".into(),
            json!({
                "@type": "ImageObject",
                "url": base.absolute(&format!("{}{}", photo.folder, large.name)),
                "width": large.width,
                "height": large.height,
            }),
        );
    }
    script_json(&v)
}

#[cfg(test)]
mod tests {
    use super::{author_name, script_json};
    use serde_json::json;

    #[test]
    fn script_json_cannot_end_the_script_and_reads_back_the_same() {
        let v = json!({ "headline": "a </script><!-- & \"b\" \u{2028}" });
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
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
