//! Markdown to HTML with pulldown-cmark, plus the rewrites bangtin needs:
//! links between articles by their source path, heading ids from Vietnamese
//! text, footnote ids that cannot clash with headings, one `h1` per page,
//! tables that scroll on a phone, and the plain text of the first paragraph
//! for summaries.

use std::cell::OnceCell;
use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::diag::{Diagnostic, LineIndex, closest};
use crate::media::html::{Picture, SIZES_PROSE};
use crate::messages::Msg;
use crate::t;
use crate::text::slugify;

/// What a link by source path leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// A published page, by its rooted URL (`/thi-dua/tin-tuc/2024/x/`).
    Page(String),
    /// A draft that is not built in this run.
    Draft,
    /// Nothing: the source path has no page.
    Missing,
    /// A Markdown file that exists but failed to load: its own errors are
    /// reported, so a link to it is left as written without another error.
    Failed,
}

/// How the renderer turns links into URLs; the site model implements it.
pub trait Links: Sync {
    /// The page made from the content file at `source` (site-relative, `/`-separated, NFC).
    fn lookup(&self, source: &str) -> LinkTarget;
    /// Every known source path, for "did you mean" hints.
    fn sources(&self) -> Vec<&str>;
    /// A site path (`/docs/a.pdf`) with the base path in front.
    fn rooted(&self, site_path: &str) -> String;
    /// The processed photo at `source` (site-relative), if it is one.
    /// No default: a wrapper that forgot to forward it would silently show
    /// photos unprocessed.
    fn picture(&self, source: &str) -> Option<&Picture>;
}

/// The document being rendered: where it is and where its body starts.
pub struct MarkdownSource<'a> {
    /// Site-relative path of the file, `/`-separated (`content/news/2024/a.md`).
    pub path: &'a str,
    /// The whole file, for quoting lines in errors.
    pub full_text: &'a str,
    /// The body (after the front matter).
    pub body: &'a str,
    /// Lines of the file before the body.
    pub line_offset: usize,
    /// Files next to the document that travel with it (a bundle's photos,
    /// PDFs), site-relative; `None` for a plain article.
    pub bundle_files: Option<&'a [String]>,
    /// Whether HTML written in the body is kept (`markdown.raw_html`).
    pub raw_html: bool,
}

/// The HTML of a body and what was learnt while making it.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// Plain text of the first paragraph, for the summary.
    pub first_paragraph: String,
    pub diagnostics: Vec<Diagnostic>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

/// HTML the writer typed: a block, an inline tag or a comment.
fn is_raw_html(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Start(Tag::HtmlBlock)
            | Event::End(TagEnd::HtmlBlock)
    )
}

/// Renders a Markdown body. Broken links become diagnostics, never panics.
pub fn render(src: &MarkdownSource<'_>, links: &dyn Links) -> Rendered {
    let mut out = Rendered::default();
    let events = rewrite(src, links, &mut out);
    html::push_html(&mut out.html, events.into_iter());
    // The site model keeps every body until its page is written; the
    // doubling growth of push_html would otherwise hold up to twice its size.
    out.html.shrink_to_fit();
    out
}

fn rewrite<'a>(src: &MarkdownSource<'a>, links: &dyn Links, out: &mut Rendered) -> Vec<Event<'a>> {
    let parsed = Parser::new_ext(src.body, options())
        .into_offset_iter()
        .filter(|(event, _)| src.raw_html || !is_raw_html(event));
    let parser = super::gallery_marker::place(parsed.collect(), src, links, out);
    let mut events: Vec<Event<'a>> = Vec::new();
    let mut heading_ids: HashMap<String, usize> = HashMap::new();
    let mut footnotes = Footnotes::default();
    // Index in `events` of an open heading, with the text seen so far.
    let mut open_heading: Option<(usize, String)> = None;
    let mut paragraph_depth: Option<usize> = None;
    let mut first_paragraph_done = false;
    let mut nesting = 0usize;
    let mut pictures = BodyPictures::default();
    // Made on the first diagnostic, so that many of them cost linear time.
    let lines = OnceCell::new();
    let mut leftover = super::leftover::LeftoverSyntax::default();

    for (event, range) in parser {
        leftover.observe(&event, &range, src, out);
        if pictures.capture(&event, src, &lines, &mut events, out) {
            continue;
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let level = below_title(level);
                open_heading = Some((events.len(), String::new()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = below_title(level);
                if let Some((start, text)) = open_heading.take() {
                    set_heading_id(&mut events[start], &text, &mut heading_ids);
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                pictures.link_depth += 1;
                let dest_url = rewrite_dest(src, links, &lines, dest_url, range.start, out);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(picture) = bundle_picture(src, links, &dest_url) {
                    pictures.start(picture, &dest_url, range.start);
                    continue;
                }
                let dest_url = rewrite_dest(src, links, &lines, dest_url, range.start, out);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                pictures.link_depth = pictures.link_depth.saturating_sub(1);
                events.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::Table(align)) => {
                events.push(Event::Html(r#"<div class="table-wrap">"#.into()));
                events.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                events.push(Event::Html("</div>".into()));
            }
            Event::FootnoteReference(label) => {
                events.push(Event::Html(footnotes.reference(&label).into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                events.push(Event::Html(footnotes.definition_start(&label).into()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                events.push(Event::Html("</div>".into()));
            }
            Event::Start(Tag::Paragraph) => {
                if !first_paragraph_done && paragraph_depth.is_none() && nesting == 0 {
                    paragraph_depth = Some(events.len());
                }
                events.push(Event::Start(Tag::Paragraph));
            }
            Event::End(TagEnd::Paragraph) => {
                if paragraph_depth.take().is_some() {
                    first_paragraph_done = !out.first_paragraph.trim().is_empty();
                }
                events.push(Event::End(TagEnd::Paragraph));
            }
            other => {
                if let Event::Text(t) | Event::Code(t) = &other {
                    if let Some((_, text)) = open_heading.as_mut() {
                        text.push_str(t);
                    }
                    if paragraph_depth.is_some() {
                        out.first_paragraph.push_str(t);
                    }
                }
                if matches!(other, Event::SoftBreak | Event::HardBreak) && paragraph_depth.is_some()
                {
                    out.first_paragraph.push(' ');
                }
                match &other {
                    Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => nesting += 1,
                    Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                        nesting = nesting.saturating_sub(1);
                    }
                    _ => {}
                }
                events.push(other);
            }
        }
    }
    leftover.flush(src, out);
    events
}

/// The page title is the only `h1`, so a body's `#` heading becomes `h2`.
fn below_title(level: HeadingLevel) -> HeadingLevel {
    if level == HeadingLevel::H1 {
        HeadingLevel::H2
    } else {
        level
    }
}

/// A link or image destination after resolution (unchanged when kept as written).
fn rewrite_dest<'a>(
    src: &MarkdownSource<'_>,
    links: &dyn Links,
    lines: &OnceCell<LineIndex>,
    dest: CowStr<'a>,
    body_offset: usize,
    out: &mut Rendered,
) -> CowStr<'a> {
    if let Some(scheme) = script_scheme(&dest) {
        out.diagnostics.push(
            Diagnostic::warning(t!(Msg::BodyScriptLink, scheme = scheme))
                .in_file(src.path)
                .at_index(
                    index_of(lines, src),
                    src.full_text,
                    body_start(src) + body_offset,
                )
                .hint(t!(Msg::BodyScriptLinkHint)),
        );
        return CowStr::from("#");
    }
    resolve_link(src, links, lines, &dest, body_offset, out).map_or(dest, CowStr::from)
}

/// `javascript:`, `vbscript:` or `data:` when `dest` starts with one, as a
/// browser reads it (any case, with spaces and control characters before
/// it or inside the scheme dropped): such an address runs code or carries
/// a whole document, so it is never published.
fn script_scheme(dest: &str) -> Option<&'static str> {
    let scheme: String = dest
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':')
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let has_colon = dest.contains(':');
    ["javascript", "vbscript", "data"]
        .into_iter()
        .find(|s| has_colon && scheme == *s)
}

fn set_heading_id(event: &mut Event<'_>, text: &str, seen: &mut HashMap<String, usize>) {
    if let Event::Start(Tag::Heading { id, .. }) = event {
        let base = match id {
            Some(explicit) => explicit.to_string(),
            None => {
                let s = slugify(text);
                if s.is_empty() { "muc".to_string() } else { s }
            }
        };
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let unique = if *n == 1 { base } else { format!("{base}-{n}") };
        *id = Some(unique.into());
    }
}

/// Footnote ids are prefixed (`fn-…`, `fnref-…`) so they never clash with
/// heading ids, and numbered in order of first reference.
#[derive(Default)]
struct Footnotes {
    numbers: HashMap<String, usize>,
}

impl Footnotes {
    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label.to_string()).or_insert(next)
    }

    fn id(label: &str) -> String {
        let s = slugify(label);
        if s.is_empty() {
            format!("{:x}", label.len())
        } else {
            s
        }
    }

    fn reference(&mut self, label: &str) -> String {
        let n = self.number(label);
        let id = Self::id(label);
        format!(
            r##"<sup class="footnote-reference" id="fnref-{id}"><a href="#fn-{id}">{n}</a></sup>"##
        )
    }

    fn definition_start(&mut self, label: &str) -> String {
        let n = self.number(label);
        let id = Self::id(label);
        format!(
            r##"<div class="footnote-definition" id="fn-{id}"><sup class="footnote-definition-label"><a href="#fnref-{id}">{n}</a></sup>"##
        )
    }
}

/// The URL a link should have, or `None` to keep it as written.
fn resolve_link(
    src: &MarkdownSource<'_>,
    links: &dyn Links,
    lines: &OnceCell<LineIndex>,
    dest: &str,
    body_offset: usize,
    out: &mut Rendered,
) -> Option<String> {
    let dest = dest.trim();
    let has_scheme = dest
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains('/'));
    if dest.is_empty() || dest.starts_with('#') || dest.starts_with("//") || has_scheme {
        return None;
    }
    if dest.starts_with('/') {
        return Some(links.rooted(dest));
    }
    let (path_part, fragment) = match dest.find(['#', '?']) {
        Some(i) => (&dest[..i], &dest[i..]),
        None => (dest, ""),
    };
    let decoded = percent_decode(path_part);
    let dir = src.path.rsplit_once('/').map_or("", |(d, _)| d);
    let joined = join_normalized(dir, &decoded);
    let is_markdown = joined.as_deref().is_some_and(|j| j.ends_with(".md"));
    let error_at = |msg: String, hint: String| {
        Diagnostic::error(msg)
            .in_file(src.path)
            .at_index(
                index_of(lines, src),
                src.full_text,
                body_start(src) + body_offset,
            )
            .hint(hint)
    };

    if !is_markdown {
        // A processed photo is published in sizes; a link gets the largest.
        if let Some(p) = joined.as_deref().and_then(|j| links.picture(j)) {
            return Some(format!("{}{fragment}", p.large));
        }
        // A file that travels with a bundle must exist there.
        if let (Some(files), Some(joined)) = (src.bundle_files, joined.as_deref()) {
            let in_bundle = joined.starts_with(dir) && !joined[dir.len()..].contains("/..");
            let looks_like_file = decoded.rsplit('/').next().is_some_and(|n| n.contains('.'));
            if in_bundle && looks_like_file && !files.iter().any(|f| f == joined) {
                // A photo or a PDF: suggest one of the folder's files, not an article.
                let others = files
                    .iter()
                    .map(String::as_str)
                    .filter(|f| !f.ends_with(".md"));
                let hint = match closest(joined, others) {
                    Some(s) => hint_for(Some(s), dir),
                    None => t!(Msg::BundleFileMissingHint, folder = dir),
                };
                out.diagnostics
                    .push(error_at(t!(Msg::BundleFileMissing, target = decoded), hint));
            }
        }
        // Folder links may name an article bundle.
        let as_bundle = joined.map(|j| format!("{}/index.md", j.trim_end_matches('/')));
        if let Some(LinkTarget::Page(url)) = as_bundle.as_deref().map(|p| links.lookup(p)) {
            return Some(format!("{url}{fragment}"));
        }
        return None;
    }

    let target = joined
        .as_deref()
        .map_or(LinkTarget::Missing, |j| links.lookup(j));
    match target {
        LinkTarget::Page(url) => Some(format!("{url}{fragment}")),
        LinkTarget::Draft => {
            out.diagnostics.push(error_at(
                t!(Msg::LinkToDraft, target = dest),
                t!(Msg::LinkToDraftHint),
            ));
            None
        }
        LinkTarget::Failed => None,
        LinkTarget::Missing => {
            let wanted = joined.unwrap_or_default();
            let sources = links.sources();
            let suggestion =
                closest(&wanted, sources.iter().copied()).map(|s| relative_from(dir, s));
            out.diagnostics.push(error_at(
                t!(Msg::BrokenLink, target = dest),
                hint_for(suggestion.as_deref(), ""),
            ));
            None
        }
    }
}

/// The processed bundle photo a body image names, if any.
fn bundle_picture<'l>(
    src: &MarkdownSource<'_>,
    links: &'l dyn Links,
    dest: &str,
) -> Option<&'l Picture> {
    let dest = dest.trim();
    if dest.is_empty() || dest.starts_with('/') || dest.contains(':') || dest.contains(['#', '?']) {
        return None;
    }
    let dir = src.path.rsplit_once('/').map_or("", |(d, _)| d);
    let joined = join_normalized(dir, &percent_decode(dest))?;
    links.picture(&joined)
}

/// Body images that are bundle photos become `<picture>` elements linked
/// to the large image (unless already inside a link). The first one loads
/// at once; the rest wait until they are near the screen.
#[derive(Default)]
struct BodyPictures<'l> {
    /// The picture being read: its URLs, what was written, where, its alt.
    open: Option<(&'l Picture, String, usize, String)>,
    link_depth: usize,
    seen: usize,
}

impl<'l> BodyPictures<'l> {
    fn start(&mut self, picture: &'l Picture, dest: &str, offset: usize) {
        self.open = Some((picture, dest.to_string(), offset, String::new()));
    }

    /// Takes the events of an open image (its alt text); `true` when the
    /// event was consumed.
    fn capture<'a>(
        &mut self,
        event: &Event<'a>,
        src: &MarkdownSource<'_>,
        lines: &OnceCell<LineIndex>,
        events: &mut Vec<Event<'a>>,
        out: &mut Rendered,
    ) -> bool {
        let Some((picture, dest, offset, alt)) = self.open.as_mut() else {
            return false;
        };
        match event {
            Event::Text(t) | Event::Code(t) => alt.push_str(t),
            Event::SoftBreak | Event::HardBreak => alt.push(' '),
            Event::End(TagEnd::Image) => {
                let alt = alt.trim().to_string();
                if alt.is_empty() {
                    out.diagnostics.push(
                        Diagnostic::warning(t!(Msg::BodyImageNoAlt, file = dest))
                            .in_file(src.path)
                            .at_index(
                                index_of(lines, src),
                                src.full_text,
                                body_start(src) + *offset,
                            )
                            .hint(t!(Msg::BodyImageNoAltHint, file = dest)),
                    );
                }
                let html = picture.html(&alt, SIZES_PROSE, self.seen > 0);
                let html = if self.link_depth == 0 {
                    format!(
                        r#"<a class="photo-link" href="{}" data-large-width="{}" data-large-height="{}">{html}</a>"#,
                        picture.large, picture.large_width, picture.large_height
                    )
                } else {
                    html
                };
                self.seen += 1;
                self.open = None;
                events.push(Event::Html(html.into()));
            }
            _ => {}
        }
        true
    }
}

fn hint_for(suggestion: Option<&str>, dir: &str) -> String {
    match suggestion {
        Some(s) => {
            let shown = s.strip_prefix(dir).map_or(s, |r| r.trim_start_matches('/'));
            t!(Msg::BrokenLinkHint, suggestion = shown)
        }
        None => t!(Msg::BrokenLinkNoSuggestion),
    }
}

/// The line index of the whole file, made once per body.
fn index_of<'l>(lines: &'l OnceCell<LineIndex>, src: &MarkdownSource<'_>) -> &'l LineIndex {
    lines.get_or_init(|| LineIndex::new(src.full_text))
}

pub(super) fn body_start(src: &MarkdownSource<'_>) -> usize {
    src.full_text.len().saturating_sub(src.body.len())
}

/// `dir` + `rel`, with `.` and `..` resolved; `None` when it climbs above the site.
fn join_normalized(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(crate::text::nfc(&parts.join("/")))
}

/// The path of `target` as written from a file in `dir`.
fn relative_from(dir: &str, target: &str) -> String {
    let from: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = target.split('/').collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; from.len() - common];
    parts.extend(&to[common..]);
    parts.join("/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Escapes text for an HTML attribute or element.
pub fn escape(s: &str) -> String {
    let mut out = String::new();
    let _ = escape_html(&mut out, s);
    out
}

/// Escapes a URL for an `href`.
pub fn escape_url(s: &str) -> String {
    let mut out = String::new();
    let _ = escape_href(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct TestLinks;
    impl Links for TestLinks {
        fn lookup(&self, source: &str) -> LinkTarget {
            match source {
                "content/news/2023/tong-ket.md" => {
                    LinkTarget::Page("/tin-tuc/2023/tong-ket/".into())
                }
                "content/news/2024/ky-ket/index.md" => {
                    LinkTarget::Page("/tin-tuc/2024/ky-ket/".into())
                }
                "content/news/2024/nhap.md" => LinkTarget::Draft,
                _ => LinkTarget::Missing,
            }
        }
        fn picture(&self, _source: &str) -> Option<&Picture> {
            None
        }
        fn sources(&self) -> Vec<&str> {
            vec![
                "content/news/2023/tong-ket.md",
                "content/news/2024/ky-ket/index.md",
            ]
        }
        fn rooted(&self, p: &str) -> String {
            format!("/base{p}")
        }
    }

    fn md(body: &str) -> Rendered {
        md_with(body, true)
    }

    fn md_with(body: &str, raw_html: bool) -> Rendered {
        let full = format!("---\ntitle: x\n---\n{body}");
        let src = MarkdownSource {
            path: "content/news/2024/bai.md",
            full_text: &full,
            body: &full[16..],
            line_offset: 3,
            bundle_files: None,
            raw_html,
        };
        render(&src, &TestLinks)
    }

    const PASTED: &str = "Kết quả <b>rất tốt</b> năm nay.\n\n\
        <div class=\"word\" onclick=\"x()\">\n<script>alert(1)</script>\n</div>\n\n\
        <!-- ghi chú -->\n\n| Đơn vị | Điểm |\n|---|---:|\n| A | 9,5 |\n";

    #[test]
    fn html_in_the_text_is_kept_by_default() {
        let r = md_with(PASTED, true);
        assert!(r.html.contains("<b>rất tốt</b>"), "{}", r.html);
        assert!(r.html.contains("<script>alert(1)</script>"), "{}", r.html);
        assert!(r.html.contains("<!-- ghi chú -->"), "{}", r.html);
    }

    #[test]
    fn raw_html_false_leaves_out_every_tag_and_block_but_keeps_the_words() {
        let r = md_with(PASTED, false);
        for gone in [
            "<b>", "</b>", "word", "onclick", "<script", "alert(1)", "<!--",
        ] {
            assert!(!r.html.contains(gone), "{gone} in {}", r.html);
        }
        assert!(
            r.html.contains("<p>Kết quả rất tốt năm nay.</p>"),
            "{}",
            r.html
        );
        // What bangtin itself makes from Markdown is untouched.
        assert!(r.html.contains(r#"<div class="table-wrap">"#), "{}", r.html);
        assert!(r.html.contains("9,5"), "{}", r.html);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn script_and_data_addresses_are_removed_with_a_warning_at_the_link() {
        let r = md(
            "Xin chào.\n\n[bấm](javascript:alert(1)) [x](<JaVa\tScRiPt:alert(2)>) \
             ![ảnh](data:image/svg+xml;base64,PHN2Zz4=) [vb](vbscript:msgbox) \
             [giữ](data-sheet.pdf) [web](https://example.vn/a:b)\n",
        );
        assert!(!r.html.to_lowercase().contains("script:"), "{}", r.html);
        assert!(!r.html.contains("data:image"), "{}", r.html);
        assert!(r.html.contains(r#"href="data-sheet.pdf""#), "{}", r.html);
        assert!(
            r.html.contains(r#"href="https://example.vn/a:b""#),
            "{}",
            r.html
        );
        let schemes: Vec<&str> = r
            .diagnostics
            .iter()
            .map(|d| d.message.split('`').nth(1).unwrap_or(""))
            .collect();
        assert_eq!(
            schemes,
            ["javascript:", "javascript:", "data:", "vbscript:"]
        );
        for d in &r.diagnostics {
            assert_eq!(
                (d.line, d.file.as_deref()),
                (6, Some(std::path::Path::new("content/news/2024/bai.md")))
            );
        }
    }

    #[test]
    fn links_by_source_path_become_article_urls() {
        let r = md("[năm trước](../2023/tong-ket.md#ket-qua) và [ký kết](ky-ket/index.md)\n");
        assert!(
            r.html.contains(r#"href="/tin-tuc/2023/tong-ket/#ket-qua""#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"href="/tin-tuc/2024/ky-ket/""#));
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn a_broken_link_is_an_error_on_its_line_with_a_suggestion() {
        let r = md("Dòng một.\n\nXem [bài](../2023/tong-ket-nam.md).\n");
        assert_eq!(r.diagnostics.len(), 1);
        let d = &r.diagnostics[0];
        assert_eq!(d.line, 6);
        assert_eq!(d.column, 5);
        assert!(d.message.contains("../2023/tong-ket-nam.md"));
        assert!(d.hint.as_deref().unwrap().contains("../2023/tong-ket.md"));
    }

    #[test]
    fn a_link_to_a_draft_is_an_error() {
        let r = md("[x](nhap.md)\n");
        assert!(r.diagnostics[0].message.contains("nhap.md"));
    }

    #[test]
    fn site_paths_get_the_base_path_and_external_links_stay() {
        let r = md("[a](/gioi-thieu/) [b](https://example.vn/x.md) [c](#muc)\n");
        assert!(r.html.contains(r#"href="/base/gioi-thieu/""#));
        assert!(r.html.contains(r#"href="https://example.vn/x.md""#));
        assert!(r.html.contains(r##"href="#muc""##));
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn headings_get_vietnamese_ids_and_h1_becomes_h2() {
        let r = md("# Kết quả chấm điểm\n\n## Kết quả chấm điểm\n\n## Riêng {#rieng}\n");
        assert!(
            r.html.contains(r#"<h2 id="ket-qua-cham-diem">"#),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<h2 id="ket-qua-cham-diem-2">"#));
        assert!(r.html.contains(r#"<h2 id="rieng">"#));
        assert!(!r.html.contains("<h1"));
    }

    #[test]
    fn footnotes_have_prefixed_ids() {
        let r = md("Văn bản[^1].\n\n[^1]: Ghi chú.\n");
        assert!(r.html.contains(r##"href="#fn-1""##), "{}", r.html);
        assert!(r.html.contains(r#"id="fn-1""#));
        assert!(!r.html.contains(r#"id="1""#));
    }

    #[test]
    fn tables_are_wrapped_and_aligned() {
        let r = md("| Đơn vị | Điểm |\n|---|---:|\n| A | 95,5 |\n");
        assert!(r.html.contains(r#"<div class="table-wrap"><table>"#));
        assert!(r.html.contains(r#"style="text-align: right""#));
    }

    #[test]
    fn the_first_paragraph_is_kept_as_plain_text() {
        let r = md("> trích dẫn\n\nChiều 14/3, **Cụm** họp\ntại hội trường.\n\nĐoạn hai.\n");
        assert_eq!(r.first_paragraph, "Chiều 14/3, Cụm họp tại hội trường.");
    }

    #[test]
    fn relative_paths_are_computed_between_folders() {
        assert_eq!(
            relative_from("content/news/2024", "content/news/2023/a.md"),
            "../2023/a.md"
        );
        assert_eq!(join_normalized("content/news", "../../../x"), None);
    }
}
