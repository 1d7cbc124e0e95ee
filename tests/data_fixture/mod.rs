//! A small valid `data/` tree (FORMAT.md §4–§8) that each data test bends with
//! one `.edit(...)`, then loads with `bangtin::data::load`.
#![allow(dead_code)]

use std::collections::BTreeMap;

use bangtin::data::Data;
use bangtin::diag::Diagnostic;

use crate::common::{SiteTest, render};

pub const UNITS: &str = "data/units.yaml";
pub const AWARDS: &str = "data/awards.yaml";
pub const SCHEME: &str = "data/schemes/cdvc-2024.yaml";
pub const CLUSTER: &str = "data/clusters/2024/cum-1.yaml";
pub const SCORES: &str = "data/scores/2024/cum-1.yaml";
pub const OUTCOMES: &str = "data/outcomes/2024/cum-1.yaml";

// The files themselves sit beside this one, where the fuzz targets
// (fuzz/harness.rs) read them too.
const UNITS_YAML: &str = include_str!("units.yaml");
const AWARDS_YAML: &str = include_str!("awards.yaml");
const SCHEME_YAML: &str = include_str!("scheme.yaml");
const CLUSTER_YAML: &str = include_str!("cluster.yaml");
/// Two assessors per unit; the figures of `a_valid_tree_loads_cleanly_and_ranks_by_hand`.
const SCORES_YAML: &str = include_str!("scores.yaml");
/// A valid vote and proposal, for outcomes tests.
pub const OUTCOMES_YAML: &str = include_str!("outcomes.yaml");

/// A site with the default data tree; files are written when it is loaded.
pub struct DataSite {
    pub site: SiteTest,
    files: BTreeMap<String, String>,
}

impl DataSite {
    pub fn new() -> Self {
        let files = [
            (UNITS, UNITS_YAML),
            (AWARDS, AWARDS_YAML),
            (SCHEME, SCHEME_YAML),
            (CLUSTER, CLUSTER_YAML),
            (SCORES, SCORES_YAML),
        ];
        DataSite {
            site: SiteTest::new(),
            files: files
                .iter()
                .map(|(p, t)| (p.to_string(), t.to_string()))
                .collect(),
        }
    }

    /// Replaces the first `from` in `rel` by `to`; a fixture edit that misses is a broken test.
    pub fn edit(mut self, rel: &str, from: &str, to: &str) -> Self {
        let text = self
            .files
            .get_mut(rel)
            .unwrap_or_else(|| panic!("no fixture file {rel}"));
        assert!(text.contains(from), "{from:?} is not in {rel}:\n{text}");
        *text = text.replacen(from, to, 1);
        self
    }

    /// Adds or replaces a whole file (any site file, not only data/).
    pub fn file(mut self, rel: &str, text: &str) -> Self {
        self.files.insert(rel.to_string(), text.to_string());
        self
    }

    pub fn without(mut self, rel: &str) -> Self {
        self.files.remove(rel);
        self
    }

    pub fn text(&self, rel: &str) -> &str {
        &self.files[rel]
    }

    /// 1-based line and column (in characters) of the first `needle` in `rel`;
    /// a `^` inside `needle` marks the point, the rest is context.
    pub fn pos(&self, rel: &str, needle: &str) -> (usize, usize) {
        pos_in(self.text(rel), needle)
    }

    pub fn load(&self) -> (Data, Vec<Diagnostic>) {
        for (rel, text) in &self.files {
            self.site.write(rel, text);
        }
        let (data, diags) = bangtin::data::load(&self.site.site());
        (data, diags.sorted())
    }

    pub fn diags(&self) -> Vec<Diagnostic> {
        self.load().1
    }

    /// The one error whose message contains `needle`.
    pub fn error(&self, needle: &str) -> Diagnostic {
        let ds = self.diags();
        let found: Vec<&Diagnostic> = ds
            .iter()
            .filter(|d| d.is_error() && d.message.contains(needle))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "one error with {needle:?} in:\n{}",
            render(&ds)
        );
        found[0].clone()
    }

    /// Asserts that `d` is in `rel` where `needle` starts.
    pub fn assert_at(&self, d: &Diagnostic, rel: &str, needle: &str) {
        assert_eq!(file_of(d), rel, "{}", d.render());
        assert_eq!((d.line, d.column), self.pos(rel, needle), "{}", d.render());
    }

    /// Asserts that loading gives no error at all.
    pub fn assert_no_errors(&self) {
        let ds = self.diags();
        assert!(!ds.iter().any(Diagnostic::is_error), "{}", render(&ds));
    }
}

pub fn file_of(d: &Diagnostic) -> String {
    d.file
        .as_ref()
        .map(|p| p.display().to_string().replace('\\', "/"))
        .unwrap_or_default()
}

pub fn hint(d: &Diagnostic) -> &str {
    d.hint.as_deref().unwrap_or("")
}

/// 1-based line and column (in characters) of the first `needle` in `text`;
/// a `^` inside `needle` marks the point, the rest is context.
pub fn pos_in(text: &str, needle: &str) -> (usize, usize) {
    let (before_mark, after_mark) = needle.split_once('^').unwrap_or(("", needle));
    let whole = format!("{before_mark}{after_mark}");
    let at = text
        .find(&whole)
        .unwrap_or_else(|| panic!("{whole:?} is not in the file"))
        + before_mark.len();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
