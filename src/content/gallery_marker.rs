//! Where a body places its gallery (FORMAT.md §3, docs/format.md §11): a
//! paragraph of its own that reads `[[thư viện ảnh]]` (marks, case and
//! inner spaces do not matter; `[[gallery]]` too). It is plain text that a
//! non-programmer can type, and any other Markdown viewer shows it as
//! written, so the place stays visible in previews. The paragraph becomes
//! [`PLACEHOLDER`] in the HTML; templates split the body there.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::markdown::{Links, MarkdownSource, Rendered};
use crate::diag::{Diagnostic, LineIndex};
use crate::messages::Msg;
use crate::t;
use crate::text::fold;

/// What a placed marker becomes in the body's HTML: a comment, so a theme
/// that ignores it shows nothing.
pub const PLACEHOLDER: &str = "<!-- bangtin:thu-vien-anh -->";

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Whether a paragraph's text is the marker.
pub fn is_marker(text: &str) -> bool {
    let Some(inner) = text
        .trim()
        .strip_prefix("[[")
        .and_then(|s| s.strip_suffix("]]"))
    else {
        return false;
    };
    matches!(fold(inner).as_str(), "thu vien anh" | "gallery")
}

/// The body's HTML before and after the placed gallery; all of it before
/// when the body does not place it.
pub fn split(html: &str) -> (&str, &str) {
    match html.split_once(PLACEHOLDER) {
        Some((before, after)) => (before, after.strip_prefix('\n').unwrap_or(after)),
        None => (html, ""),
    }
}

/// The body's HTML without the placeholder (feeds, themes that ignore it).
pub fn strip(html: &str) -> Cow<'_, str> {
    if html.contains(PLACEHOLDER) {
        Cow::Owned(html.replacen(&format!("{PLACEHOLDER}\n"), "", 1))
    } else {
        Cow::Borrowed(html)
    }
}

/// Replaces the first top-level marker paragraph with [`PLACEHOLDER`] when
/// the document has photos; drops later ones. Every marker that does not
/// place the gallery gets a warning on its line.
pub fn place<'a>(
    events: Vec<Spanned<'a>>,
    src: &MarkdownSource<'_>,
    links: &dyn Links,
    out: &mut Rendered,
) -> Vec<Spanned<'a>> {
    let has_photos = src
        .bundle_files
        .is_some_and(|files| files.iter().any(|f| links.picture(f).is_some()));
    let mut placed = false;
    let mut index: Option<LineIndex> = None;
    let mut depth = 0usize;
    let mut result = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Some(end) = marker_end(&events, i) {
            let offset = events[i].1.start;
            let at = src.full_text.len().saturating_sub(src.body.len()) + offset;
            // Built on the first warning: 20.000 markers are located in one pass.
            let index = index.get_or_insert_with(|| LineIndex::new(src.full_text));
            let warn = |msg, hint| {
                Diagnostic::warning(msg)
                    .in_file(src.path)
                    .at_index(index, src.full_text, at)
                    .hint(hint)
            };
            if depth > 0 {
                out.diagnostics.push(warn(
                    t!(Msg::GalleryMarkerNested),
                    t!(Msg::GalleryMarkerNestedHint),
                ));
            } else if placed {
                out.diagnostics.push(warn(
                    t!(Msg::GalleryMarkerTwice),
                    t!(Msg::GalleryMarkerTwiceHint),
                ));
                i = end + 1;
                continue;
            } else if !has_photos {
                out.diagnostics.push(warn(
                    t!(Msg::GalleryMarkerNoPhotos),
                    t!(Msg::GalleryMarkerNoPhotosHint),
                ));
                i = end + 1;
                continue;
            } else {
                placed = true;
                result.push((
                    Event::Html(format!("{PLACEHOLDER}\n").into()),
                    offset..offset,
                ));
                i = end + 1;
                continue;
            }
        }
        match &events[i].0 {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        result.push(events[i].clone());
        i += 1;
    }
    result
}

/// When `events[start]` opens a paragraph (or an item of a tight list,
/// which has no paragraph) holding only the marker, the index of its end.
fn marker_end(events: &[Spanned<'_>], start: usize) -> Option<usize> {
    let close = match events[start].0 {
        Event::Start(Tag::Paragraph) => TagEnd::Paragraph,
        Event::Start(Tag::Item) => TagEnd::Item,
        _ => return None,
    };
    let mut text = String::new();
    for (i, (event, _)) in events.iter().enumerate().skip(start + 1) {
        match event {
            Event::Text(t) => text.push_str(t),
            Event::SoftBreak => text.push(' '),
            Event::End(end) if *end == close => return is_marker(&text).then_some(i),
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_read_with_or_without_marks_case_and_spaces() {
        for m in [
            "[[thư viện ảnh]]",
            "[[Thư Viện Ảnh]]",
            "[[ thu vien anh ]]",
            "[[thư  viện ảnh]]\n",
            "[[gallery]]",
        ] {
            assert!(is_marker(m), "{m}");
        }
        for m in ["[thư viện ảnh]", "[[thư viện]]", "xem [[thư viện ảnh]]", ""] {
            assert!(!is_marker(m), "{m}");
        }
    }

    #[test]
    fn split_and_strip_remove_the_placeholder() {
        let html = format!("<p>a</p>\n{PLACEHOLDER}\n<p>b</p>\n");
        assert_eq!(split(&html), ("<p>a</p>\n", "<p>b</p>\n"));
        assert_eq!(strip(&html), "<p>a</p>\n<p>b</p>\n");
        assert_eq!(split("<p>a</p>"), ("<p>a</p>", ""));
    }
}
