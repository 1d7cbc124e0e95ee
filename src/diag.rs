//! Diagnostics: one type for every problem bangtin reports (error or warning),
//! with the file, line and column it concerns, the quoted source line, a plain
//! message and a hint. Stages collect them instead of stopping at the first.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::messages::{Msg, Noun, count, tr};
use crate::text::display_width;

/// How bad a problem is: errors stop the build, warnings travel with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
    /// What bangtin did not check because of an error reported above it.
    Note,
}

/// One problem in the input, located as precisely as we know.
/// Serialisable so that a warm build can repeat the last build's warnings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as the user sees it: relative to the site folder where possible.
    pub file: Option<PathBuf>,
    /// 1-based; 0 when unknown.
    pub line: usize,
    /// 1-based, counted in characters; 0 when unknown.
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The part of `line` quoted under the location: the whole line when it
    /// is short, else about [`EXCERPT_WIDTH`] columns around `column`, with
    /// `…` where it was cut, so a diagnostic never holds a copy of a long line.
    pub source_line: Option<Box<str>>,
    /// The 1-based column of `line` where `source_line` starts (after its `…`).
    pub source_from: usize,
}

/// Columns of a line shown on each side of the point a diagnostic quotes.
pub const EXCERPT_WIDTH: usize = 60;

impl Diagnostic {
    /// A new error with a message and nothing else yet.
    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message.into())
    }

    /// A new warning with a message and nothing else yet.
    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message.into())
    }

    /// A note: one line that explains what was left unchecked.
    pub fn note(message: impl Into<String>) -> Self {
        Self::new(Severity::Note, message.into())
    }

    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    fn new(severity: Severity, message: String) -> Self {
        Diagnostic {
            severity,
            file: None,
            line: 0,
            column: 0,
            message,
            hint: None,
            source_line: None,
            source_from: 1,
        }
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Places the problem at a line and column of `source` (the file's text)
    /// and quotes that part of the line. Finding the line reads `source` up to
    /// it: where many diagnostics share a file, use [`Diagnostic::at_index`].
    pub fn at(self, source: &str, line: usize, column: usize) -> Self {
        let start = match line {
            0 => None,
            1 => Some(0),
            l => source.match_indices('\n').nth(l - 2).map(|(i, _)| i + 1),
        };
        // Like `str::lines`, an empty text after the last line end is no line.
        let start = start.filter(|&s| s < source.len());
        let Some(start) = start else {
            return self.placed(line, column);
        };
        let line_text = line_at(source, start);
        self.at_in_line(line_text, line, column)
    }

    /// Places the problem at `column` of `line_text`, the text of line `line`.
    pub fn at_in_line(self, line_text: &str, line: usize, column: usize) -> Self {
        let offset = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        self.at_byte(line_text, line, column, offset)
    }

    /// Places the problem at a byte offset of `source`. Locating it reads
    /// `source` up to the offset: where many diagnostics share a file, use
    /// [`Diagnostic::at_index`].
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at_byte(source, line, column, offset)
    }

    /// Places the problem at a byte offset of `source`, located by `index`
    /// (built once for `source`): constant work per diagnostic.
    pub fn at_index(self, index: &LineIndex, source: &str, offset: usize) -> Self {
        let (line, column) = index.line_col(source, offset);
        self.at_byte(source, line, column, offset)
    }

    /// Places the problem at `line` and `column`, which the caller knows to be
    /// the byte `offset` of `source`; only the excerpt around it is read.
    pub fn at_byte(mut self, source: &str, line: usize, column: usize, offset: usize) -> Self {
        self = self.placed(line, column);
        if line > 0 {
            let (text, from) = excerpt(source, offset, column);
            self.source_line = Some(text.into_boxed_str());
            self.source_from = from;
        }
        self
    }

    fn placed(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = None;
        self.source_from = 1;
        self
    }

    /// Adds a hint: what to do about it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the diagnostic the way a terminal user reads it:
    ///
    /// ```text
    /// lỗi: message
    ///   --> content/news/x.md:5:8
    ///    |
    ///  5 | date: 14/3/2024
    ///    |       ^
    ///    = gợi ý: hint
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => tr(Msg::LabelError, &[]),
            Severity::Warning => tr(Msg::LabelWarning, &[]),
            Severity::Note => tr(Msg::LabelNote, &[]),
        };
        let _ = writeln!(out, "{label}: {}", self.message);
        let gutter = self.line.to_string().len().max(1);
        let pad = " ".repeat(gutter);
        if let Some(file) = &self.file {
            let shown = file.display();
            match (self.line, self.column) {
                (0, _) => {
                    let _ = writeln!(out, "{pad}--> {shown}");
                }
                (l, 0) => {
                    let _ = writeln!(out, "{pad}--> {shown}:{l}");
                }
                (l, c) => {
                    let _ = writeln!(out, "{pad}--> {shown}:{l}:{c}");
                }
            }
        }
        if let Some(src) = &self.source_line {
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{} | {}", self.line, src.replace('\t', "    "));
            if self.column >= self.source_from {
                // The excerpt's `…` takes one character before the text.
                let lead = usize::from(self.source_from > 1);
                let before: String = src
                    .chars()
                    .take(self.column - self.source_from + lead)
                    .collect();
                let width = display_width(&before.replace('\t', "    "));
                let _ = writeln!(out, "{pad} | {}^", " ".repeat(width));
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{pad} = {}: {hint}", tr(Msg::LabelHint, &[]));
        }
        out
    }
}

/// 1-based line and character column of a byte offset in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_boundary(source, offset);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

/// `offset` moved back to a character boundary of `s`, and into it.
fn floor_boundary(s: &str, offset: usize) -> usize {
    let mut offset = offset.min(s.len());
    while !s.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The line of `source` that starts at byte `start`, without its line end.
fn line_at(source: &str, start: usize) -> &str {
    let rest = &source[floor_boundary(source, start)..];
    let line = rest.find('\n').map_or(rest, |i| &rest[..i]);
    line.strip_suffix('\r').unwrap_or(line)
}

/// Where each line of a text starts, and how many characters lie before every
/// [`CHUNK`]-th byte: built once in one pass, it locates any byte offset by a
/// binary search and a count over less than one chunk, so a file with many
/// diagnostics is located in linear total time.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    chars: Vec<usize>,
}

/// Bytes between two character-count marks of a [`LineIndex`].
const CHUNK: usize = 256;

/// A byte that continues a UTF-8 character (does not start one).
fn continues(b: u8) -> bool {
    b & 0xC0 == 0x80
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut chars = Vec::with_capacity(bytes.len() / CHUNK + 1);
        let mut count = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if i.is_multiple_of(CHUNK) {
                chars.push(count);
            }
            if b == b'\n' {
                starts.push(i + 1);
            }
            count += usize::from(!continues(b));
        }
        if bytes.len().is_multiple_of(CHUNK) {
            chars.push(count);
        }
        LineIndex { starts, chars }
    }

    /// 1-based line and character column of a byte offset of `text`, the text
    /// this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        (line, column)
    }

    /// Characters of `text` before byte `at`.
    fn chars_before(&self, text: &str, at: usize) -> usize {
        let chunk = at / CHUNK;
        let from = chunk * CHUNK;
        let marked = self.chars.get(chunk).copied().unwrap_or_default();
        let tail = text.as_bytes().get(from..at).unwrap_or_default();
        marked + tail.iter().filter(|b| !continues(**b)).count()
    }
}

/// The quoted part of the line holding byte `offset` (at 1-based `column`):
/// about [`EXCERPT_WIDTH`] columns each side, `…` where cut, and the column
/// where the excerpt starts. Reads only the excerpt, never the whole line.
fn excerpt(source: &str, offset: usize, column: usize) -> (String, usize) {
    let offset = floor_boundary(source, offset);
    let (start, before) = reach_back(source, offset);
    let end = reach_forward(source, offset);
    let cut_start = start > 0 && source.as_bytes()[start - 1] != b'\n';
    let rest = &source[end..];
    let cut_end = !(rest.is_empty() || rest.starts_with('\n') || rest.starts_with('\r'));
    let mut text = String::with_capacity(end - start + 8);
    if cut_start {
        text.push('…');
    }
    text.extend(source[start..end].chars().map(shown_char));
    if cut_end {
        text.push('…');
    }
    let from = column.saturating_sub(before).max(1);
    (text, from)
}

/// The start of the excerpt before `offset` and how many characters it takes.
fn reach_back(source: &str, offset: usize) -> (usize, usize) {
    let (mut width, mut count, mut start) = (0, 0, offset);
    let mut on_mark = false;
    for (i, c) in source[..offset].char_indices().rev() {
        // Past the budget, go on only to reach the letter of a mark taken.
        let full = width >= EXCERPT_WIDTH && !on_mark;
        if c == '\n' || full || count > EXCERPT_WIDTH * 2 {
            break;
        }
        width += char_width(c);
        count += 1;
        start = i;
        on_mark = is_mark(c);
    }
    (start, count)
}

/// The end of the excerpt after `offset` (exclusive), before any line end.
fn reach_forward(source: &str, offset: usize) -> usize {
    let (mut width, mut count) = (0, 0);
    let rest = &source[offset..];
    for (i, c) in rest.char_indices() {
        let line_end =
            c == '\n' || (c == '\r' && matches!(rest[i + 1..].chars().next(), None | Some('\n')));
        // Past the budget, go on only to take the marks of the last letter.
        let full = width >= EXCERPT_WIDTH && !is_mark(c);
        if line_end || full || count > EXCERPT_WIDTH * 2 {
            return offset + i;
        }
        width += char_width(c);
        count += 1;
    }
    source.len()
}

/// Zero-width characters (combining marks) stay with the letter before them,
/// so an excerpt is never cut between a letter and its tone mark.
fn is_mark(c: char) -> bool {
    c != '\t' && char_width(c) == 0
}

fn char_width(c: char) -> usize {
    if c == '\t' {
        4
    } else {
        unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
    }
}

/// Control characters (other than Tab) would act on the terminal instead of
/// being shown, and direction overrides would reorder the line: both are
/// quoted as `�`.
fn shown_char(c: char) -> char {
    let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if (c.is_control() && c != '\t') || bidi {
        '\u{FFFD}'
    } else {
        c
    }
}

/// The problems of one run, in the order found; sorted before printing.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_warning()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Errors first, then by file, line and column, so output is stable
    /// whatever order parallel stages finished in.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (a.severity, &a.file, a.line, a.column, &a.message)
                .cmp(&(b.severity, &b.file, b.line, b.column, &b.message))
        });
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// At most this many diagnostics of one severity are printed for one file;
/// the rest are counted in one line ("… và 15.990 lỗi tương tự trong …").
pub const MAX_PER_FILE: usize = 10;
/// At most this many diagnostics are printed in one run.
pub const MAX_SHOWN: usize = 100;

/// Writes sorted diagnostics as a person reads them, a blank line after each:
/// at most [`MAX_PER_FILE`] of one severity per file and [`MAX_SHOWN`] in all,
/// so 16.000 broken links print a screenful, not gigabytes.
pub fn write_all(out: &mut impl std::io::Write, diags: &[Diagnostic]) -> std::io::Result<()> {
    let mut shown = 0;
    let mut hidden = [0usize; 3];
    for group in diags.chunk_by(|a, b| (a.severity, &a.file) == (b.severity, &b.file)) {
        let fits = group.len().min(MAX_PER_FILE);
        let take = fits.min(MAX_SHOWN - shown);
        for d in &group[..take] {
            writeln!(out, "{}", d.render())?;
        }
        shown += take;
        if take < fits {
            hidden[group[0].severity as usize] += group.len() - take;
        } else if group.len() > take {
            writeln!(out, "{}\n", more_in_file(&group[0], group.len() - take))?;
        }
    }
    if hidden.iter().any(|&n| n > 0) {
        writeln!(out, "{}\n", not_shown(hidden))?;
    }
    Ok(())
}

/// "… và 15.990 lỗi tương tự trong content/a.md".
fn more_in_file(first: &Diagnostic, rest: usize) -> String {
    let noun = match first.severity {
        Severity::Error => Noun::SimilarErrors,
        Severity::Warning => Noun::SimilarWarnings,
        Severity::Note => Noun::SimilarNotes,
    };
    let similar = count(rest, noun);
    match &first.file {
        Some(file) => tr(
            Msg::MoreInFile,
            &[("similar", &similar), ("file", &file.display())],
        ),
        None => tr(Msg::MoreNoFile, &[("similar", &similar)]),
    }
}

/// The line after the last printed diagnostic when the total cap was reached.
fn not_shown(hidden: [usize; 3]) -> String {
    let nouns = [Noun::Errors, Noun::Warnings, Noun::Notes];
    let rest: Vec<String> = hidden
        .iter()
        .zip(nouns)
        .filter(|(n, _)| **n > 0)
        .map(|(n, noun)| count(*n, noun))
        .collect();
    tr(
        Msg::MoreNotShown,
        &[
            ("rest", &rest.join(", ")),
            ("max", &MAX_SHOWN),
            ("per_file", &MAX_PER_FILE),
        ],
    )
}

/// `path` relative to `root` for display, or unchanged when outside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Longest word or candidate, in characters, that "did you mean" compares:
/// long enough for a page's path, short enough that a hint costs little
/// whatever the ids (an 80.000-character id took 22 s).
pub const MAX_SUGGEST_LEN: usize = 128;
/// Most edits a suggestion may be away: further off, it is no help.
pub const MAX_EDITS: usize = 8;

/// The closest candidate to `word` by edit distance, for "did you mean" hints.
/// Only suggests when the candidate is reasonably close: within half the
/// longer length (at least 2, at most [`MAX_EDITS`]); words and candidates
/// longer than [`MAX_SUGGEST_LEN`] are never compared.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = short_chars(word)?;
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let Some(chars) = short_chars(c) else {
            continue;
        };
        let mut limit = (word.len().max(chars.len()) / 2).clamp(2, MAX_EDITS);
        if let Some((d, _)) = best {
            limit = limit.min(d);
        }
        let Some(d) = bounded_distance(&word, &chars, limit) else {
            continue;
        };
        if best.is_none_or(|b| (d, c) < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The characters of `s` when it has at most [`MAX_SUGGEST_LEN`] of them.
fn short_chars(s: &str) -> Option<Vec<char>> {
    // A char is at most 4 bytes: longer texts are refused without reading them.
    if s.len() > 4 * MAX_SUGGEST_LEN {
        return None;
    }
    let chars: Vec<char> = s.chars().collect();
    (chars.len() <= MAX_SUGGEST_LEN).then_some(chars)
}

/// The Levenshtein distance of `a` and `b` if it is at most `limit`. Only the
/// band of diagonals within `limit` of the main one is computed, and the work
/// stops at the first row whose every cell is above `limit`.
fn bounded_distance(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let over = limit + 1;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    let mut cur = vec![over; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        cur.fill(over);
        cur[0] = row.min(over);
        let (lo, hi) = (row.saturating_sub(limit).max(1), (row + limit).min(b.len()));
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(*ca != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v.min(over);
            row_min = row_min.min(cur[j]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|d| *d <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "title: Hội nghị\ndate: 14/3/2024\n";
        let off = src.find("14/3").unwrap();
        assert_eq!(line_col(src, off), (2, 7));
        let off = src.find("nghị").unwrap();
        assert_eq!(line_col(src, off), (1, 12));
    }

    #[test]
    fn render_quotes_the_line_and_aligns_the_caret_under_vietnamese_text() {
        let src = "title: Hội nghị\nđịa điểm: x\n";
        let d = Diagnostic::error("sai")
            .in_file("content/a.md")
            .at(src, 2, 11)
            .hint("sửa đi");
        let text = d.render();
        assert!(text.contains("--> content/a.md:2:11"), "{text}");
        assert!(text.contains("2 | địa điểm: x"), "{text}");
        // "địa điểm: " is 10 columns wide, so the caret sits in column 11.
        assert!(text.contains(&format!("  | {}^", " ".repeat(10))), "{text}");
        assert!(text.contains("sửa đi"), "{text}");
    }

    /// The caret's line of a rendered diagnostic, without its gutter.
    fn caret_line(text: &str) -> &str {
        let line = text.lines().find(|l| l.ends_with('^')).expect("a caret");
        line.split_once(" | ").map_or(line, |(_, c)| c)
    }

    /// The quoted line of a rendered diagnostic, without its gutter.
    fn quoted_line(text: &str, line: usize) -> &str {
        let gutter = format!("{line} | ");
        let l = text
            .lines()
            .find(|l| l.starts_with(&gutter))
            .expect("quoted");
        &l[gutter.len()..]
    }

    #[test]
    fn a_long_line_is_quoted_as_a_bounded_excerpt_with_the_caret_on_the_point() {
        let line = format!(
            "{}[sai](x.md){}",
            "chữ ".repeat(50_000),
            " nữa".repeat(10_000)
        );
        let src = format!("---\ntitle: a\n---\n{line}\n");
        let offset = src.find("[sai]").unwrap();
        let d = Diagnostic::error("e")
            .in_file("a.md")
            .at_offset(&src, offset);
        assert_eq!((d.line, d.column), (4, 200_001));
        let quoted = d.source_line.as_deref().unwrap();
        assert!(quoted.starts_with('…') && quoted.ends_with('…'), "{quoted}");
        assert!(quoted.chars().count() <= 2 * EXCERPT_WIDTH + 2, "{quoted}");
        let text = d.render();
        assert!(text.len() < 600, "{} bytes", text.len());
        let caret = caret_line(&text).len() - 1;
        let shown = quoted_line(&text, 4);
        let point = shown.find("[sai]").unwrap();
        assert_eq!(display_width(&shown[..point]), caret, "{text}");
    }

    #[test]
    fn the_caret_stays_on_the_point_after_wide_and_combining_characters() {
        // NFD tone marks (zero-width) and CJK (two columns) before the point.
        let nfd = "Hô\u{0323}i nghi\u{0323} ";
        for head in [nfd.repeat(3), nfd.repeat(40), "会议".repeat(100)] {
            let line = format!("{head}LỖI ở đây");
            let d = Diagnostic::error("e")
                .in_file("a.md")
                .at_offset(&line, head.len());
            let text = d.render();
            let shown = quoted_line(&text, 1);
            let point = shown.find("LỖI").unwrap();
            assert_eq!(
                display_width(&shown[..point]),
                caret_line(&text).len() - 1,
                "{text}"
            );
            // The excerpt never starts between a letter and its mark.
            let first = shown.trim_start_matches('…').chars().next().unwrap();
            assert!(!is_mark(first), "{text}");
        }
    }

    #[test]
    fn control_and_direction_characters_are_not_sent_to_the_terminal() {
        let d = Diagnostic::error("e").at("a\u{1b}[31m\u{202E}b", 1, 1);
        let quoted = d.source_line.unwrap();
        assert!(!quoted.contains('\u{1b}') && !quoted.contains('\u{202E}'));
        assert_eq!(&*quoted, "a\u{FFFD}[31m\u{FFFD}b");
    }

    #[test]
    fn the_line_index_agrees_with_counting_from_the_start() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&"đường dẫn ".repeat(i % 37));
            text.push_str(if i % 5 == 0 { "会\n" } else { "x\n" });
        }
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).step_by(7) {
            assert_eq!(
                index.line_col(&text, offset),
                line_col(&text, offset),
                "{offset}"
            );
        }
        assert_eq!(LineIndex::new("").line_col("", 0), (1, 1));
    }

    #[test]
    fn at_and_at_offset_quote_the_same_line() {
        let src = "một\nhai ba\r\nbốn\n";
        let a = Diagnostic::error("e").at(src, 2, 5);
        let b = Diagnostic::error("e").at_offset(src, src.find("ba").unwrap());
        assert_eq!(a, b);
        assert_eq!(a.source_line.as_deref(), Some("hai ba"));
        assert_eq!(Diagnostic::error("e").at(src, 4, 1).source_line, None);
    }

    fn printed(diags: &[Diagnostic]) -> String {
        let mut out = Vec::new();
        write_all(&mut out, diags).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn printing_caps_each_file_and_the_run_and_counts_the_rest() {
        let many: Vec<Diagnostic> = (1..=16_000)
            .map(|i| {
                Diagnostic::error("liên kết hỏng")
                    .in_file("a.md")
                    .at("x", 1, i)
            })
            .collect();
        let text = printed(&many);
        assert_eq!(text.matches("lỗi: liên kết hỏng").count(), MAX_PER_FILE);
        let rest = 16_000 - MAX_PER_FILE;
        let summary = tr(
            Msg::MoreInFile,
            &[
                ("similar", &count(rest, Noun::SimilarErrors)),
                ("file", &"a.md"),
            ],
        );
        assert!(text.contains(&summary), "{text}");
        assert!(summary.contains("15.990 lỗi tương tự"), "{summary}");
        assert!(text.len() < 2_000, "{} bytes", text.len());

        let spread: Vec<Diagnostic> = (0..500)
            .map(|i| Diagnostic::warning("w").in_file(format!("{i:03}.md")))
            .collect();
        let text = printed(&spread);
        assert_eq!(text.matches("cảnh báo: w").count(), MAX_SHOWN);
        assert!(text.contains("400 cảnh báo nữa không in ra"), "{text}");
    }

    #[test]
    fn a_few_diagnostics_print_as_before() {
        let ds = [
            Diagnostic::error("a").in_file("x.md"),
            Diagnostic::warning("b").in_file("x.md"),
        ];
        let want = format!("{}\n{}\n", ds[0].render(), ds[1].render());
        assert_eq!(printed(&ds), want);
    }

    #[test]
    fn the_banded_distance_equals_the_full_one_within_its_limit() {
        let words = [
            "",
            "a",
            "title",
            "tittle",
            "Hội nghị",
            "hoi nghi",
            "kitten",
            "sitting",
        ];
        for a in words {
            for b in words {
                let full = naive_distance(a, b);
                let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for limit in 0..10 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(
                        bounded_distance(&ca, &cb, limit),
                        want,
                        "{a:?} {b:?} {limit}"
                    );
                }
            }
        }
    }

    fn naive_distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                let cost = usize::from(ca != *cb);
                cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn a_very_long_id_gets_no_suggestion_and_costs_nothing() {
        // An 80.000-character id and a one-letter typo of it took 22.7 s.
        let id = "a".repeat(80_000);
        let typo = format!("{}b", &id[1..]);
        assert_eq!(closest(&typo, [id.as_str(), "tittle"]), None);
        assert_eq!(closest("title", [id.as_str(), "tittle"]), Some("tittle"));
        let long = "x".repeat(MAX_SUGGEST_LEN);
        let near = format!("{}y", &long[1..]);
        assert_eq!(closest(&near, [long.as_str()]), Some(long.as_str()));
    }

    #[test]
    fn closest_suggests_only_near_candidates() {
        let keys = ["title", "date", "summary", "tags"];
        assert_eq!(closest("tittle", keys), Some("title"));
        assert_eq!(closest("tag", keys), Some("tags"));
        assert_eq!(closest("xyzxyzxyz", keys), None);
    }

    #[test]
    fn sorted_puts_errors_first_and_drops_exact_duplicates() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::warning("w").in_file("a"));
        ds.push(Diagnostic::error("e").in_file("b"));
        ds.push(Diagnostic::error("e").in_file("b"));
        let v = ds.sorted();
        assert_eq!(v.len(), 2);
        assert!(v[0].is_error());
    }
}
