//! Front matter: splitting it off a Markdown file and reading it strictly
//! (FORMAT.md §3). Values a later check may reject keep their spans.

use jiff::civil::{Date, DateTime};
use jiff::tz::Offset;
use jiff::{Timestamp, Zoned};
use serde::Deserialize;

use crate::messages::Msg;
use crate::t;
use crate::yaml::{Source, Spanned};

/// The kinds of event an article can report.
pub const EVENT_KINDS: &[&str] = &["ky_ket", "so_ket", "tong_ket", "hoat_dong", "khen_thuong"];

/// The fields an article, a page or the home intro may set. Unknown keys
/// are refused by [`crate::yaml::parse_all_keys`], which lists them all, so
/// this struct does not deny them itself.
#[derive(Debug, Deserialize)]
pub struct FrontMatter {
    pub title: Option<Spanned<String>>,
    pub date: Option<Spanned<String>>,
    pub slug: Option<Spanned<String>>,
    pub summary: Option<String>,
    /// Only in a list intro (`content/news/_index.md`): the list's description.
    pub description: Option<Spanned<String>>,
    #[serde(default)]
    pub tags: Vec<Spanned<String>>,
    pub cluster: Option<Spanned<String>>,
    pub cluster_year: Option<Spanned<i32>>,
    pub event: Option<Spanned<String>>,
    #[serde(default)]
    pub units: Vec<Spanned<String>>,
    pub byline: Option<String>,
    pub cover: Option<Spanned<String>>,
    #[serde(default)]
    pub photos: Vec<PhotoEntry>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub source: Option<SourceInfo>,
    #[serde(default)]
    pub draft: bool,
}

/// One photo of the gallery, in the order given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoEntry {
    pub file: Spanned<String>,
    pub caption: Option<String>,
    pub alt: Option<String>,
}

/// Where an imported article first appeared, with a static view count.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    pub url: Option<String>,
    pub views: Option<u64>,
    pub as_of: Option<Spanned<String>>,
}

/// A Markdown file cut in two: the YAML between the `---` lines and the body.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Lines before the YAML (the opening `---`).
    pub yaml_line_offset: usize,
    pub body: &'a str,
    /// Lines before the body.
    pub body_line_offset: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    Missing,
    Unclosed,
}

/// Splits `---\nyaml\n---\nbody`. A byte-order mark is allowed before it.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let mut pos = first_line_end;
    let mut line = 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        line += 1;
        if text[pos..end].trim_end() == "---" {
            return Ok(Split {
                yaml: &text[first_line_end..pos],
                yaml_line_offset: 1,
                body: &text[end..],
                body_line_offset: line,
            });
        }
        pos = end;
    }
    Err(SplitError::Unclosed)
}

/// An article's date: the instant and the same in the site's zone.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocDate {
    pub timestamp: Timestamp,
    pub local: DateTime,
}

impl DocDate {
    pub fn year(&self) -> i16 {
        self.local.year()
    }

    /// RFC 3339 in the site's zone, for feeds and `<time datetime>`.
    pub fn rfc3339(&self, offset: Offset) -> String {
        let zoned: Zoned = self.timestamp.to_zoned(offset.to_time_zone());
        zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// Reads `2024-03-14`, `2024-03-14 15:30`, `2024-03-14T15:30:00+07:00`.
/// A date without an offset is in the site's zone.
pub fn parse_date(s: &str, offset: Offset) -> Option<DocDate> {
    let s = s.trim();
    let timestamp = if let Ok(ts) = s.parse::<Timestamp>() {
        ts
    } else {
        let local = s
            .parse::<DateTime>()
            .or_else(|_| s.parse::<Date>().map(|d| d.at(0, 0, 0, 0)))
            .ok()?;
        offset.to_timestamp(local).ok()?
    };
    let local = offset.to_datetime(timestamp);
    Some(DocDate { timestamp, local })
}

/// The ISO spelling of a date a person typed the Vietnamese way
/// (`14/3/2024`, `14.3.2024`, `14-3-2024`), for the hint. With `offset`
/// (an article's `date`) a time typed after it is kept:
/// `14/3/2026 15:30` → `2026-03-14T15:30:00+07:00`.
pub fn suggest_iso(s: &str, offset: Option<Offset>) -> String {
    let s = s.trim();
    let (day, time) = s.split_once([' ', 'T']).unwrap_or((s, ""));
    let parts: Vec<&str> = day.split(['/', '.', '-']).collect();
    let date = match parts.as_slice() {
        [d, m, y] if y.len() == 4 => (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()),
        [y, m, d] if y.len() == 4 => (y.parse::<i16>(), m.parse::<i8>(), d.parse::<i8>()),
        _ => return "2024-03-14".to_string(),
    };
    let (Ok(y), Ok(m), Ok(d)) = date else {
        return "2024-03-14".to_string();
    };
    let Ok(date) = Date::new(y, m, d) else {
        return "2024-03-14".to_string();
    };
    let clock = time
        .trim()
        .trim_end_matches(['h', 'H'])
        .replace(['h', 'H'], ":");
    let hm: Vec<&str> = clock.split(':').collect();
    let at = match hm.as_slice() {
        [h, m, ..] => h.parse::<i8>().ok().zip(m.parse::<i8>().ok()),
        [h] if !h.is_empty() => h.parse::<i8>().ok().map(|h| (h, 0)),
        _ => None,
    };
    match (offset, at) {
        (Some(offset), Some((h, min))) if (0..24).contains(&h) && (0..60).contains(&min) => {
            let (sign, secs) = if offset.seconds() < 0 {
                ('-', -offset.seconds())
            } else {
                ('+', offset.seconds())
            };
            format!(
                "{date}T{h:02}:{min:02}:00{sign}{:02}:{:02}",
                secs / 3600,
                secs % 3600 / 60
            )
        }
        _ => date.to_string(),
    }
}

/// The message for a date that could not be read, with its hint; `offset`
/// when the value may carry a time (an article's `date`).
pub fn date_error(
    src: &Source<'_>,
    value: &Spanned<String>,
    offset: Option<Offset>,
) -> crate::diag::Diagnostic {
    src.error_at(value, t!(Msg::DateInvalid, value = value.value))
        .hint(t!(
            Msg::DateInvalidHint,
            example = suggest_iso(&value.value, offset)
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_yaml_and_body_with_line_offsets() {
        let s = split("---\ntitle: a\ndate: 2024-01-02\n---\nThân bài\n").unwrap();
        assert_eq!(s.yaml, "title: a\ndate: 2024-01-02\n");
        assert_eq!(s.body, "Thân bài\n");
        assert_eq!(s.body_line_offset, 4);
    }

    #[test]
    fn split_reports_missing_and_unclosed_front_matter() {
        assert_eq!(split("Chỉ có thân bài").err(), Some(SplitError::Missing));
        assert_eq!(split("---\ntitle: a\n").err(), Some(SplitError::Unclosed));
    }

    #[test]
    fn dates_without_offset_are_in_the_site_zone() {
        let d = parse_date("2024-03-14", Offset::constant(7)).unwrap();
        assert_eq!(d.rfc3339(Offset::constant(7)), "2024-03-14T00:00:00+07:00");
        let d = parse_date("2024-03-14T15:30:00+07:00", Offset::constant(7)).unwrap();
        assert_eq!(d.local.hour(), 15);
        let d = parse_date("2024-12-31T20:00:00Z", Offset::constant(7)).unwrap();
        assert_eq!(
            d.year(),
            2025,
            "20:00 UTC on 31/12 is already 2025 in Vietnam"
        );
        assert!(parse_date("14/3/2024", Offset::constant(7)).is_none());
    }

    #[test]
    fn vietnamese_dates_get_an_iso_suggestion() {
        assert_eq!(suggest_iso("14/3/2024", None), "2024-03-14");
        assert_eq!(suggest_iso("31.12.2023", None), "2023-12-31");
        let vn = Some(Offset::constant(7));
        assert_eq!(
            suggest_iso("14/3/2026 15:30", vn),
            "2026-03-14T15:30:00+07:00"
        );
        assert_eq!(
            suggest_iso("14/3/2026 8h30", vn),
            "2026-03-14T08:30:00+07:00"
        );
        assert_eq!(suggest_iso("14/3/2026 15:30", None), "2026-03-14");
        assert_eq!(suggest_iso("2026/3/14", vn), "2026-03-14");
    }
}
