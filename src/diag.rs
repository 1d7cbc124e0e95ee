//! Diagnostics: one type for every problem bangtin reports (error or warning),
//! with the file, line and column it concerns, the quoted source line, a plain
//! message and a hint. Stages collect them instead of stopping at the first.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::messages::{Msg, tr};
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
    /// The text of `line`, quoted under the location.
    pub source_line: Option<String>,
}

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
        }
    }

    /// Names the file the problem is in.
    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Places the problem at a line and column of `source` (the file's text)
    /// and quotes that line.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .filter(|_| line > 0)
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Places the problem at a byte offset of `source`.
    pub fn at_offset(self, source: &str, offset: usize) -> Self {
        let (line, column) = line_col(source, offset);
        self.at(source, line, column)
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
            if self.column > 0 {
                let before: String = src.chars().take(self.column - 1).collect();
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
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
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

/// `path` relative to `root` for display, or unchanged when outside it.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The closest candidate to `word` by edit distance, for "did you mean" hints.
/// Only suggests when the candidate is reasonably close.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_len = word.chars().count();
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (word_len.max(c.chars().count()) / 2).max(2))
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
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
