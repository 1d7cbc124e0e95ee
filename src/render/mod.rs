//! Rendering pages with Tera: the templates are compiled once, the site-wide
//! data is turned into one template value once and shared by every page's
//! context (tera values are reference-counted, so sharing is a pointer copy),
//! and routes render in parallel.

mod cluster_context;
mod context;
mod data_context;
mod jsonld;
mod photos;
mod summary;
pub mod theme;
mod unit_context;
mod workbooks;

use std::collections::BTreeMap;

use tera::{Context, Kwargs, State, Tera};

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::{Msg, SheetMsg};
use crate::output::exports;
use crate::site::{ExportFormat, Route, RouteKind, Site};
use crate::t;
use crate::yaml;
pub use theme::Theme;

/// A compiled theme plus the values every page shares.
pub struct Renderer {
    tera: Tera,
    shown_names: BTreeMap<String, String>,
    shared: context::Shared,
    /// The theme's words, for the workbooks (written without a template).
    words: crate::sheets::Words,
}

/// One rendered output file.
pub struct RenderedPage {
    /// Relative to the output folder.
    pub file: String,
    pub bytes: Vec<u8>,
}

impl Renderer {
    /// Compiles the theme's templates and prepares the shared values.
    pub fn new(site: &Site, theme: &Theme) -> Result<Renderer, Diagnostics> {
        let mut diags = Diagnostics::new();
        let words = load_translations(site, theme, &mut diags);
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let base_path = site.config.base_url.path.clone();
        tera.register_function(
            "url",
            move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
                let path: String = kwargs.must_get("path")?;
                Ok(format!("{base_path}{}", path.trim_start_matches('/')))
            },
        );
        let templates: Vec<(String, String)> = theme
            .templates()
            .map(|(name, f)| (name.to_string(), f.text.clone()))
            .collect();
        let shown_names: BTreeMap<String, String> = theme
            .templates()
            .map(|(name, f)| (name.to_string(), f.shown.clone()))
            .collect();
        if let Err(e) = tera.add_raw_templates(templates) {
            diags.push(template_diagnostic(&e, theme, &shown_names));
        }
        if diags.has_errors() {
            return Err(diags);
        }
        let shared = context::Shared::new(site, &words);
        Ok(Renderer {
            tera,
            shown_names,
            shared,
            words: crate::sheets::Words(words),
        })
    }

    /// Brings article `i`'s shared card up to date with the model: `serve`
    /// patches one article's body or summary and keeps this renderer.
    pub fn refresh_card(&mut self, site: &Site, i: usize) {
        self.shared.refresh_card(site, i);
    }

    /// Renders one route.
    pub fn render_route(
        &self,
        site: &Site,
        route: &Route,
        theme: &Theme,
    ) -> Result<RenderedPage, Diagnostic> {
        if let RouteKind::Export {
            cluster_year,
            phase,
            format,
        } = route.kind
        {
            let cy = &site.data.cluster_years[cluster_year];
            let bytes = match format {
                ExportFormat::Json => exports::json(&site.data, cy, phase),
                ExportFormat::Csv => exports::csv(&site.data, cy, phase),
                ExportFormat::Xlsx => crate::sheets::results::workbook(
                    &site.data,
                    &site.config.title,
                    &[self.sheet_table(site, cluster_year, phase)],
                    &self.words,
                )
                .map_err(|e| workbook_diagnostic(&route.file(), &e))?,
            };
            return Ok(RenderedPage {
                file: route.file(),
                bytes,
            });
        }
        if let RouteKind::SearchFile(i) = route.kind {
            let bytes = site.search.files.get(i).map(|f| f.bytes.clone());
            return Ok(RenderedPage {
                file: route.file(),
                bytes: bytes.unwrap_or_default(),
            });
        }
        if let RouteKind::ResultsYearExport(year) = route.kind {
            let tables = self.year_tables(site, year);
            return Ok(RenderedPage {
                file: route.file(),
                bytes: crate::sheets::results::workbook(
                    &site.data,
                    &site.config.title,
                    &tables,
                    &self.words,
                )
                .map_err(|e| workbook_diagnostic(&route.file(), &e))?,
            });
        }
        let template = template_for(&route.kind);
        let ctx: Context = self.shared.context_for(site, route);
        // Rendered into bytes: Tera writes only UTF-8, and checking a whole
        // page again (as `render` does) costs more than the escaping.
        let mut bytes = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(template, &ctx, &mut bytes)
            .map_err(|e| template_diagnostic(&e, theme, &self.shown_names))?;
        Ok(RenderedPage {
            file: route.file(),
            bytes,
        })
    }
}

/// A workbook the library refused to write (never seen for a results table).
fn workbook_diagnostic(
    file: &impl std::fmt::Display,
    e: &rust_xlsxwriter::XlsxError,
) -> Diagnostic {
    Diagnostic::error(t!(SheetMsg::WorkbookFailed, file = file, detail = e))
        .hint(t!(SheetMsg::WorkbookFailedHint))
}

/// Tera's escaping, written in runs between the special characters (Tera's
/// own writes every byte through a `dyn Write`, which cost an eighth of a
/// build), and leaving out the characters of [`crate::text::is_unsafe_control`]: a
/// NUL or a bidi override typed into a name is dropped from every page and
/// feed, not only escaped.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (entity, len): (&[u8], usize) = match bytes[i] {
            b'&' => (b"&amp;", 1),
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'"' => (b"&quot;", 1),
            b'\'' => (b"&#39;", 1),
            b if b < 0x20 || b == 0x7F => {
                if matches!(b, b'\t' | b'\n' | b'\r') {
                    i += 1;
                    continue;
                }
                (b"", 1)
            }
            // U+202A–U+202E and U+2066–U+2069 are E2 80 AA–AE and E2 81 A6–A9.
            0xE2 if matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            ) =>
            {
                (b"", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(entity)?;
        i += len;
        start = i;
    }
    out.write_all(&bytes[start..])
}

/// The template that renders a kind of route.
pub fn template_for(kind: &RouteKind) -> &'static str {
    match kind {
        RouteKind::Home => "index.html",
        RouteKind::News(_) | RouteKind::Year(..) | RouteKind::Tag(..) => "list.html",
        RouteKind::Article(_) => "article.html",
        RouteKind::TagIndex => "tags.html",
        RouteKind::Page(_) => "page.html",
        RouteKind::Galleries => "galleries.html",
        RouteKind::NotFound => "404.html",
        RouteKind::Redirect { .. } => "redirect.html",
        RouteKind::Sitemap | RouteKind::SitemapPart(_) => "sitemap.xml",
        RouteKind::Robots => "robots.txt",
        RouteKind::Feed | RouteKind::ClusterFeed(_) => "feed.xml",
        RouteKind::ClusterIndex => "clusters.html",
        RouteKind::Cluster(_) => "cluster.html",
        RouteKind::ClusterYear(_) => "cluster-year.html",
        RouteKind::ResultsIndex => "results.html",
        RouteKind::ResultsYear(_) => "results-year.html",
        RouteKind::UnitIndex => "units.html",
        RouteKind::Unit(_) => "unit.html",
        RouteKind::Search => "search.html",
        // Exports and the search index are written without a template (see
        // `render_route`).
        RouteKind::Export { .. } | RouteKind::SearchFile(_) | RouteKind::ResultsYearExport(_) => "",
    }
}

/// The theme's words for the site's language.
fn load_translations(
    site: &Site,
    theme: &Theme,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let lang = &site.config.language;
    let Some(file) = theme.translations(lang) else {
        diags.push(
            Diagnostic::error(t!(Msg::LanguageUnknown, value = lang))
                .in_file("site.yaml")
                .hint(t!(
                    Msg::LanguageUnknownHint,
                    available = theme.languages().join(", ")
                )),
        );
        return BTreeMap::new();
    };
    let src = yaml::Source::file(std::path::Path::new(&file.shown), &file.text);
    match yaml::parse::<BTreeMap<String, String>>(&file.text, src) {
        Ok(map) => map,
        Err(d) => {
            diags.push(*d);
            BTreeMap::new()
        }
    }
}

/// A Tera error as a diagnostic on the template's file and line.
fn template_diagnostic(
    e: &tera::Error,
    theme: &Theme,
    shown: &BTreeMap<String, String>,
) -> Diagnostic {
    let report = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let Some(report) = report else {
        let mut detail = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            detail.push_str(": ");
            detail.push_str(&s.to_string());
            source = s.source();
        }
        return Diagnostic::error(t!(Msg::TemplateError, detail = detail))
            .hint(t!(Msg::TemplateErrorHint));
    };
    let name = report.filename();
    let file = shown.get(name).cloned().unwrap_or_else(|| name.to_string());
    let text = theme
        .files
        .get(&format!("templates/{name}"))
        .map_or("", |f| f.text.as_str());
    let span = report.span();
    Diagnostic::error(t!(Msg::TemplateError, detail = report.message()))
        .in_file(file)
        .at(text, span.start_line, span.start_col + 1)
        .hint(t!(Msg::TemplateErrorHint))
}

#[cfg(test)]
mod tests {
    #[test]
    fn escaping_writes_what_teras_own_escaping_writes() {
        for input in [
            "",
            "Đà Nẵng",
            "<a href=\"x\">Tom & Jerry's</a>",
            "&&<<>>\"\"''",
            "kết thúc bằng <",
            "< ở đầu",
        ] {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            super::escape_html(input, &mut ours).unwrap();
            tera::escape_html(input, &mut theirs).unwrap();
            assert_eq!(ours, theirs, "{input}");
        }
    }

    #[test]
    fn escaping_drops_controls_and_bidi_overrides_and_keeps_their_neighbours() {
        let input = "a\u{0}b\u{1b}c\td\ne \u{202E}gpj.exe \u{2066}x\u{2069} … – \u{2028}";
        let mut out = Vec::new();
        super::escape_html(input, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        // "…" (E2 80 A6), "–" (E2 80 93) and U+2028 (E2 80 A8) share the
        // first bytes of the overrides and stay.
        assert_eq!(out, "abc\td\ne gpj.exe x … – \u{2028}");
    }

    /// The escape's byte patterns and `text::is_unsafe_control` name the same
    /// characters: the two cannot drift apart.
    #[test]
    fn escaping_drops_exactly_the_unsafe_controls() {
        let chars = (0u32..=0x7F)
            .chain(0x2000..=0x206F)
            .filter_map(char::from_u32);
        for c in chars.filter(|c| !"&<>\"'".contains(*c)) {
            let mut out = Vec::new();
            super::escape_html(&format!("a{c}b"), &mut out).unwrap();
            let dropped = out == b"ab";
            assert_eq!(
                dropped,
                crate::text::is_unsafe_control(c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
