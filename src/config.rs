//! `site.yaml` into a typed, checked [`Config`] with defaults (FORMAT.md §2).

use std::path::Path;

use jiff::tz::Offset;
use serde::Deserialize;

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::t;
use crate::yaml::{self, Source, Spanned};

/// The file name of the site settings.
pub const CONFIG_FILE: &str = "site.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: Spanned<String>,
    language: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    paginate: Option<Spanned<u32>>,
    organiser: Option<Spanned<String>>,
    images: Option<ImagesConfig>,
    markdown: Option<MarkdownConfig>,
    menu: Option<Vec<RawMenuEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMenuEntry {
    title: String,
    url: Spanned<String>,
}

/// Image settings; used by the gallery pipeline.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ImagesConfig {
    #[serde(default = "default_widths")]
    pub widths: Vec<u32>,
    #[serde(default = "default_quality")]
    pub quality: u8,
    #[serde(default = "default_formats")]
    pub formats: Vec<String>,
}

fn default_widths() -> Vec<u32> {
    vec![480, 960, 1600]
}
fn default_quality() -> u8 {
    80
}
fn default_formats() -> Vec<String> {
    vec!["webp".into(), "jpeg".into()]
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: default_widths(),
            quality: default_quality(),
            formats: default_formats(),
        }
    }
}

/// How article bodies are read (`markdown:` in `site.yaml`).
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// HTML written in the Markdown is kept (`true`, the default) or left
    /// out of the page: a site whose writers paste from anywhere can refuse
    /// it all at once.
    #[serde(default = "default_raw_html")]
    pub raw_html: bool,
}

fn default_raw_html() -> bool {
    true
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            raw_html: default_raw_html(),
        }
    }
}

/// Where the site is published: `https://example.vn` + `/thi-dua/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host, without a trailing slash.
    pub origin: String,
    /// The path prefix, always starting and ending with `/`.
    pub path: String,
}

impl BaseUrl {
    /// Parses an absolute http(s) address; `None` when it is not one.
    pub fn parse(s: &str) -> Option<BaseUrl> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))?;
        let scheme_len = s.len() - rest.len();
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        if !host_ok || path.contains(['?', '#', ' ']) {
            return None;
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Some(BaseUrl {
            origin: s[..scheme_len + host.len()].to_string(),
            path,
        })
    }

    /// The absolute address of a site path such as `/tin-tuc/`.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.rooted(site_path))
    }

    /// A site path with the base path in front: `/tin-tuc/` → `/thi-dua/tin-tuc/`.
    pub fn rooted(&self, site_path: &str) -> String {
        format!("{}{}", self.path, site_path.trim_start_matches('/'))
    }
}

/// One entry of the main menu. `url` is a site path (`/tin-tuc/`) or an
/// absolute address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuEntry {
    pub title: String,
    pub url: String,
}

/// The checked site settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub base_url: BaseUrl,
    pub language: String,
    pub theme: String,
    /// Dates written without an offset are in this zone.
    pub offset: Offset,
    pub paginate: usize,
    /// The unit that runs the site, checked against `data/` when it exists.
    pub organiser: Option<Spanned<String>>,
    pub images: ImagesConfig,
    pub markdown: MarkdownConfig,
    /// `None`: the theme's default menu.
    pub menu: Option<Vec<MenuEntry>>,
    /// Values YAML read but probably not as meant (a `#` that cut a title).
    pub warnings: Vec<Diagnostic>,
}

/// Reads and checks `<site>/site.yaml`. Every problem found is returned.
pub fn load(site_dir: &Path) -> Result<Config, Diagnostics> {
    let path = site_dir.join(CONFIG_FILE);
    let mut diags = Diagnostics::new();
    if let Some(d) = crate::content::link_out(site_dir, &path) {
        diags.push(d);
        return Err(diags);
    }
    if !path.exists() {
        diags.push(
            Diagnostic::error(t!(Msg::SiteYamlMissing, dir = site_dir.display()))
                .hint(t!(Msg::SiteYamlMissingHint)),
        );
        return Err(diags);
    }
    let text = match crate::content::read_text(CONFIG_FILE, &path) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    parse(&text, Path::new(CONFIG_FILE))
}

/// Parses and checks the text of a `site.yaml`.
pub fn parse(text: &str, file: &Path) -> Result<Config, Diagnostics> {
    let src = Source::file(file, text);
    let mut diags = Diagnostics::new();
    let raw: RawConfig = yaml::parse(text, src).map_err(|d| {
        let mut ds = Diagnostics::new();
        ds.push(*d);
        ds
    })?;
    diags.extend(yaml::lint_values(text, src));

    let base_url = BaseUrl::parse(&raw.base_url.value).unwrap_or_else(|| {
        diags.push(
            src.error_at(
                &raw.base_url,
                t!(Msg::BaseUrlInvalid, url = raw.base_url.value),
            )
            .hint(t!(Msg::BaseUrlInvalidHint)),
        );
        BaseUrl {
            origin: "http://localhost".into(),
            path: "/".into(),
        }
    });

    let offset = match &raw.timezone {
        None => Offset::constant(7),
        Some(tz) => parse_offset(&tz.value).unwrap_or_else(|| {
            diags.push(
                src.error_at(tz, t!(Msg::TimezoneInvalid, value = tz.value))
                    .hint(t!(Msg::TimezoneInvalidHint)),
            );
            Offset::constant(7)
        }),
    };

    let paginate = match &raw.paginate {
        None => 10,
        Some(p) if p.value == 0 => {
            diags.push(src.error_at(p, t!(Msg::PaginateInvalid)));
            10
        }
        Some(p) => p.value as usize,
    };

    let menu = raw.menu.map(|entries| {
        entries
            .into_iter()
            .map(|e| {
                let url = e.url.value.trim().to_string();
                let ok = url.starts_with('/')
                    || url.starts_with("https://")
                    || url.starts_with("http://");
                if !ok {
                    diags.push(src.error_at(&e.url, t!(Msg::MenuUrlInvalid, url = url)));
                }
                MenuEntry {
                    title: e.title,
                    url,
                }
            })
            .collect()
    });

    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Config {
        title: raw.title,
        description: raw.description,
        base_url,
        language: raw.language.map_or_else(|| "vi".into(), |l| l.value),
        theme: raw.theme.map_or_else(|| "default".into(), |t| t.value),
        offset,
        paginate,
        organiser: raw.organiser,
        images: raw.images.unwrap_or_default(),
        markdown: raw.markdown.unwrap_or_default(),
        menu,
        warnings: diags.into_iter().collect(),
    })
}

/// `+07:00`, `+7`, `-05:30`, `UTC`, or `Asia/Ho_Chi_Minh` (fixed +07:00, no
/// daylight saving time).
fn parse_offset(s: &str) -> Option<Offset> {
    let s = s.trim();
    match s {
        "UTC" | "Z" => return Some(Offset::UTC),
        "Asia/Ho_Chi_Minh" | "Asia/Saigon" => return Some(Offset::constant(7)),
        _ => {}
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 14 || m > 59 {
        return None;
    }
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(yaml: &str) -> Result<Config, Vec<Diagnostic>> {
        parse(yaml, Path::new("site.yaml")).map_err(Diagnostics::sorted)
    }

    #[test]
    fn defaults_fill_everything_but_title_and_base_url() {
        let c = cfg("title: T\nbase_url: https://thidua.example.vn\n").unwrap();
        assert_eq!(c.base_url.path, "/");
        assert_eq!(c.base_url.origin, "https://thidua.example.vn");
        assert_eq!(c.paginate, 10);
        assert_eq!(c.theme, "default");
        assert_eq!(c.language, "vi");
        assert_eq!(c.offset, Offset::constant(7));
        assert_eq!(c.images.widths, vec![480, 960, 1600]);
        assert!(c.menu.is_none());
    }

    #[test]
    fn base_url_keeps_its_sub_path() {
        let b = BaseUrl::parse("https://example.vn/thi-dua").unwrap();
        assert_eq!(b.path, "/thi-dua/");
        assert_eq!(b.rooted("/tin-tuc/"), "/thi-dua/tin-tuc/");
        assert_eq!(b.absolute("/"), "https://example.vn/thi-dua/");
    }

    #[test]
    fn every_bad_value_is_reported_together_with_its_line() {
        let errs = cfg(
            "title: T\nbase_url: thidua.example.vn\ntimezone: \"GMT+7\"\npaginate: 0\nmenu:\n  - { title: A, url: tin-tuc }\n",
        )
        .unwrap_err();
        let lines: Vec<usize> = errs.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 6], "{errs:#?}");
        assert!(errs[0].message.contains("thidua.example.vn"));
        assert!(errs[0].hint.is_some());
    }

    #[test]
    fn a_typo_in_a_key_is_an_error_not_ignored() {
        let errs = cfg("title: T\nbase_url: https://a.vn/\npaginte: 5\n").unwrap_err();
        assert_eq!(errs[0].line, 3);
        assert!(errs[0].hint.as_deref().unwrap().contains("paginate"));
    }

    #[test]
    fn raw_html_is_kept_unless_site_yaml_says_false() {
        let base = "title: T\nbase_url: https://a.vn/\n";
        assert!(cfg(base).unwrap().markdown.raw_html);
        let off = cfg(&format!("{base}markdown: {{ raw_html: false }}\n")).unwrap();
        assert!(!off.markdown.raw_html);
        let errs = cfg(&format!("{base}markdown:\n  raw_htm: false\n")).unwrap_err();
        assert_eq!(errs[0].line, 4, "{errs:#?}");
        assert!(
            errs[0].hint.as_deref().unwrap().contains("raw_html"),
            "{errs:#?}"
        );
        let errs = cfg(&format!("{base}markdown: {{ raw_html: khong }}\n")).unwrap_err();
        assert_eq!(errs[0].line, 3, "{errs:#?}");
    }

    #[test]
    fn offsets_are_read_in_several_spellings() {
        assert_eq!(parse_offset("+07:00"), Some(Offset::constant(7)));
        assert_eq!(parse_offset("+7"), Some(Offset::constant(7)));
        assert_eq!(parse_offset("Asia/Ho_Chi_Minh"), Some(Offset::constant(7)));
        assert_eq!(parse_offset("7"), None);
    }
}
