//! Markdown that stays text: `![Ảnh](tên có dấu cách.jpg)` is not an image
//! for CommonMark (a space ends the address), so the reader would see the
//! brackets. Runs of plain text are watched for `](` and each is a warning.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::markdown::{MarkdownSource, Rendered, body_start};
use crate::diag::{Diagnostic, LineIndex};
use crate::messages::Msg;
use crate::t;

/// `![Ảnh](tên có dấu cách.jpg)` that Markdown did not read as an image
/// stays on the page as text: runs of plain text are watched for `](`.
#[derive(Default)]
pub(super) struct LeftoverSyntax {
    /// The byte range of the body's current run of adjacent text events.
    run: Option<std::ops::Range<usize>>,
    in_code_block: bool,
    /// Built on the first warning, so many warnings cost one pass over the file.
    index: Option<LineIndex>,
}

impl LeftoverSyntax {
    pub(super) fn observe(
        &mut self,
        event: &Event<'_>,
        range: &std::ops::Range<usize>,
        src: &MarkdownSource<'_>,
        out: &mut Rendered,
    ) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code_block = true,
            Event::End(TagEnd::CodeBlock) => self.in_code_block = false,
            Event::Text(_) if !self.in_code_block => {
                match &mut self.run {
                    Some(run) if run.end == range.start => run.end = range.end,
                    _ => {
                        self.flush(src, out);
                        self.run = Some(range.clone());
                    }
                }
                return;
            }
            _ => {}
        }
        self.flush(src, out);
    }

    pub(super) fn flush(&mut self, src: &MarkdownSource<'_>, out: &mut Rendered) {
        let Some(run) = self.run.take() else { return };
        let Some(text) = src.body.get(run.clone()) else {
            return;
        };
        let Some(close) = text.find("](") else { return };
        let Some(open) = text[..close].rfind('[') else {
            return;
        };
        let Some(end) = text[close..].find(')') else {
            return;
        };
        let start = if text[..open].ends_with('!') {
            open - 1
        } else {
            open
        };
        let dest = &text[close + 2..close + end];
        let hint = if dest.contains(' ') {
            t!(Msg::LeftoverLinkSpacesHint, dest = dest)
        } else {
            t!(Msg::LeftoverLinkHint)
        };
        let index = self
            .index
            .get_or_insert_with(|| LineIndex::new(src.full_text));
        out.diagnostics.push(
            Diagnostic::warning(t!(Msg::LeftoverLink, text = &text[start..close + end + 1]))
                .in_file(src.path)
                .at_index(index, src.full_text, body_start(src) + run.start + start)
                .hint(hint),
        );
    }
}
