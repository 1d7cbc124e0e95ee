//! The editor's form of a document: what a front matter says, as the page's
//! fields, and the key changes that write the fields back
//! ([`super::front_edit`]).

use jiff::tz::Offset;
use serde::{Deserialize, Serialize};

use super::front_edit::KeyChange;
use crate::content::{FrontMatter, front};
use crate::messages::Msg;
use crate::t;

/// The fields the form shows. Empty text means "no such key".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fields {
    pub title: String,
    /// Local time in the site's zone, `YYYY-MM-DDTHH:MM` (an
    /// `<input type="datetime-local">`), or the text as written when it
    /// cannot be read.
    pub date: String,
    pub tags: Vec<String>,
    pub summary: String,
    pub byline: String,
    pub cluster: String,
    pub cluster_year: Option<i32>,
    pub units: Vec<String>,
    pub draft: bool,
}

/// One photo of the gallery as the form shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Photo {
    pub file: String,
    pub caption: String,
    pub alt: String,
}

/// The form's fields of a front matter.
pub fn fields_of(front: &FrontMatter, offset: Offset) -> Fields {
    let date = front.date.as_ref().map(|d| {
        front::parse_date(&d.value, offset)
            .map(|p| p.local.strftime("%Y-%m-%dT%H:%M").to_string())
            .unwrap_or_else(|| d.value.clone())
    });
    Fields {
        title: front
            .title
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        date: date.unwrap_or_default(),
        tags: front.tags.iter().map(|t| t.value.clone()).collect(),
        summary: front.summary.clone().unwrap_or_default(),
        byline: front.byline.clone().unwrap_or_default(),
        cluster: front
            .cluster
            .as_ref()
            .map(|c| c.value.clone())
            .unwrap_or_default(),
        cluster_year: front.cluster_year.as_ref().map(|y| y.value),
        units: front.units.iter().map(|u| u.value.clone()).collect(),
        draft: front.draft,
    }
}

/// The gallery: the `photos:` entries in their order, then the bundle's
/// other images by name (`images`, sorted).
pub fn photos_of(front: &FrontMatter, images: &[String]) -> Vec<Photo> {
    let mut out: Vec<Photo> = front
        .photos
        .iter()
        .map(|p| Photo {
            file: p.file.value.clone(),
            caption: p.caption.clone().unwrap_or_default(),
            alt: p.alt.clone().unwrap_or_default(),
        })
        .collect();
    for name in images {
        if !out.iter().any(|p| &p.file == name) {
            out.push(Photo {
                file: name.clone(),
                ..Photo::default()
            });
        }
    }
    out
}

/// A field the form cannot write, with the reason in the editor's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// What the page sends to save.
pub struct Wanted<'a> {
    pub fields: &'a Fields,
    pub photos: &'a [Photo],
    pub cover: Option<&'a str>,
}

/// The key changes from the file's `front` to what the page sends. A field
/// the page left as it was gives no change, so its lines stay as written.
pub fn changes(
    front: &FrontMatter,
    images: &[String],
    wanted: &Wanted<'_>,
    kind: &str,
    offset: Offset,
) -> Result<Vec<KeyChange>, FieldError> {
    let news = kind == "article";
    let old = fields_of(front, offset);
    let new = wanted.fields;
    let mut out = Vec::new();
    let mut change = |key: &'static str, differs: bool, text: Option<String>| {
        if differs {
            out.push(KeyChange { key, wanted: text });
        }
    };
    let title = one_line(&new.title);
    // The home and list introductions may go without a title.
    if title.is_empty() && matches!(kind, "article" | "page") {
        return Err(FieldError {
            field: "title",
            message: t!(Msg::EditorTitleRequired),
        });
    }
    change(
        "title",
        title != old.title,
        (!title.is_empty()).then(|| format!("title: {}", crate::cli::yaml_quoted(&title))),
    );
    if news {
        let differs = new.date != old.date;
        let date = if differs {
            Some(date_line(&new.date, offset)?)
        } else {
            None
        };
        change("date", differs, date);
        change(
            "tags",
            tags_of(&new.tags) != old.tags,
            list("tags", &tags_of(&new.tags)),
        );
        let cluster = one_line(&new.cluster);
        change(
            "cluster",
            cluster != old.cluster,
            plain("cluster", &cluster),
        );
        change(
            "cluster_year",
            new.cluster_year != old.cluster_year,
            new.cluster_year.map(|y| format!("cluster_year: {y}")),
        );
        let units = tags_of(&new.units);
        change("units", units != old.units, list("units", &units));
    }
    change(
        "draft",
        new.draft != old.draft,
        new.draft.then(|| "draft: true".into()),
    );
    let summary = one_line(&new.summary);
    change(
        "summary",
        summary != old.summary,
        plain("summary", &summary),
    );
    let byline = one_line(&new.byline);
    change(
        "byline",
        byline != old.byline,
        (!byline.is_empty()).then(|| format!("byline: {}", crate::cli::yaml_quoted(&byline))),
    );
    photo_changes(front, images, wanted, &mut out);
    Ok(out)
}

/// `photos:` is written when the gallery says more than the folder does (a
/// caption, an alt text, an order other than by name); `cover:` when it is
/// not the first photo.
fn photo_changes(
    front: &FrontMatter,
    images: &[String],
    wanted: &Wanted<'_>,
    out: &mut Vec<KeyChange>,
) {
    let old = photos_of(front, images);
    let photos: Vec<Photo> = wanted
        .photos
        .iter()
        .map(|p| Photo {
            file: p.file.clone(),
            caption: one_line(&p.caption),
            alt: one_line(&p.alt),
        })
        .collect();
    let same = photos.len() == old.len()
        && photos
            .iter()
            .zip(&old)
            .all(|(a, b)| a.file == b.file && a.caption == b.caption && a.alt == b.alt);
    if !same {
        let by_name = {
            let mut names: Vec<&String> = photos.iter().map(|p| &p.file).collect();
            names.sort();
            names
        };
        let says_more = photos
            .iter()
            .any(|p| !p.caption.is_empty() || !p.alt.is_empty())
            || photos.iter().map(|p| &p.file).ne(by_name.iter().copied());
        let text = says_more.then(|| {
            let mut s = String::from("photos:");
            for p in &photos {
                s.push_str(&format!("\n  - {{ file: {}", flow(&p.file)));
                if !p.caption.is_empty() {
                    s.push_str(&format!(", caption: {}", flow(&p.caption)));
                }
                if !p.alt.is_empty() {
                    s.push_str(&format!(", alt: {}", flow(&p.alt)));
                }
                s.push_str(" }");
            }
            s
        });
        out.push(KeyChange {
            key: "photos",
            wanted: text,
        });
    }
    // A cover written in the file stays while it is the one chosen, even
    // when it is also the first photo; a new choice is written only when it
    // is not the default.
    let old_cover = front.cover.as_ref().map(|c| c.value.as_str());
    let chosen = wanted.cover.filter(|c| !c.is_empty());
    let first = photos.first().map(|p| p.file.as_str());
    let cover = chosen.filter(|c| Some(*c) != first);
    if chosen != old_cover && cover != old_cover {
        out.push(KeyChange {
            key: "cover",
            wanted: cover.map(|c| format!("cover: {}", flow(c))),
        });
    }
}

/// `date: 2024-03-14T15:30:00+07:00` from the picker's local time.
fn date_line(local: &str, offset: Offset) -> Result<String, FieldError> {
    let bad = || FieldError {
        field: "date",
        message: t!(Msg::EditorDateUnreadable, value = local),
    };
    let parsed = front::parse_date(local.trim(), offset).ok_or_else(bad)?;
    let zoned = parsed.timestamp.to_zoned(offset.to_time_zone());
    Ok(format!("date: {}", zoned.strftime("%Y-%m-%dT%H:%M:%S%:z")))
}

fn tags_of(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in items.iter().map(|t| one_line(t)).filter(|t| !t.is_empty()) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

fn list(key: &str, items: &[String]) -> Option<String> {
    (!items.is_empty()).then(|| {
        let parts: Vec<String> = items.iter().map(|i| flow(i)).collect();
        format!("{key}: [{}]", parts.join(", "))
    })
}

fn plain(key: &str, value: &str) -> Option<String> {
    (!value.is_empty()).then(|| format!("{key}: {}", block(value)))
}

/// A value on its own line (`summary: …`): plain unless YAML would read it
/// otherwise (a `: ` or ` #` inside, an indicator first, a number, a
/// reserved word), then double-quoted. Commas are fine here.
fn block(s: &str) -> String {
    let reserved = ["true", "false", "null", "~", "yes", "no", "on", "off"];
    let plain = !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !reserved.contains(&s.to_ascii_lowercase().as_str())
        && s.parse::<f64>().is_err();
    if plain {
        s.to_string()
    } else {
        crate::cli::yaml_quoted(s)
    }
}

/// A value for one line: NFC, no line breaks, tabs or control characters.
pub fn one_line(s: &str) -> String {
    let cleaned: String = crate::text::nfc(s)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain when it reads back as the same text, else double-quoted.
fn flow(s: &str) -> String {
    crate::cli::yaml_scalar(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_on_its_own_line_is_quoted_only_when_yaml_would_misread_it() {
        assert_eq!(
            block("Sáng 2/5, các đơn vị ký kết."),
            "Sáng 2/5, các đơn vị ký kết."
        );
        assert_eq!(block("Tin: ảnh"), "\"Tin: ảnh\"");
        assert_eq!(block("Số 1 #nổi bật"), "\"Số 1 #nổi bật\"");
        assert_eq!(block("- gạch đầu"), "\"- gạch đầu\"");
        assert_eq!(
            block("\"Mái ấm\" trao tặng"),
            "\"\\\"Mái ấm\\\" trao tặng\""
        );
        assert_eq!(block("yes"), "\"yes\"");
        assert_eq!(block("2024"), "\"2024\"");
    }

    #[test]
    fn one_line_values_lose_breaks_controls_and_extra_spaces_and_become_nfc() {
        assert_eq!(one_line("  Ho\u{0300}a\n\tbình\u{7}  "), "Hòa bình");
    }
}
