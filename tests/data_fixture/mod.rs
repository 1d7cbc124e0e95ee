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

const UNITS_YAML: &str = "\
units:
  - id: tl-cdvc-tinh
    kind: union_upper
    names: [{ full: Công đoàn Viên chức tỉnh Thanh Lâm, short: CĐVC tỉnh }]
  - id: tl-ldld-tinh
    kind: union_upper
    names: [{ full: Liên đoàn Lao động tỉnh Thanh Lâm, short: LĐLĐ tỉnh }]
  - id: tl-so-tu-phap
    kind: agency
    names: [{ full: Sở Tư pháp tỉnh Thanh Lâm, short: Sở Tư pháp, from: 1992-01-01 }]
    valid: { from: 1992-01-01 }
  - id: tl-cd-so-tu-phap
    kind: union_base
    union_of: tl-so-tu-phap
    names: [{ full: Công đoàn cơ sở Sở Tư pháp, from: 2000-01-01 }]
    valid: { from: 2000-01-01 }
  - id: tl-cd-vp-ubnd
    kind: union_base
    names: [{ full: Công đoàn Văn phòng UBND tỉnh }]
  - id: tl-cd-thanh-tra
    kind: union_base
    names: [{ full: Công đoàn Thanh tra tỉnh }]
  - id: tl-cd-cuc-thong-ke
    kind: union_base
    names: [{ full: Công đoàn Cục Thống kê tỉnh }]
    valid: { until: 2024-06-30 }
";

const AWARDS_YAML: &str = "\
awards:
  - { id: co-thi-dua, name: Cờ thi đua của LĐLĐ tỉnh, issuer: tl-ldld-tinh }
  - { id: bang-khen, name: Bằng khen của LĐLĐ tỉnh }
";

const SCHEME_YAML: &str = "\
id: cdvc-2024
title: Biểu chấm điểm thi đua năm 2024
total_max: 100
decimals: 2
criteria:
  - id: I
    title: Nhiệm vụ chuyên môn
    max: 60
    children:
      - { id: I.1, title: Hoàn thành chỉ tiêu, max: 40, rule: scale, step: 0.5 }
      - { id: I.2, title: Đăng ký thi đua, max: 20, rule: fixed }
  - { id: II, title: Phong trào thi đua, max: 40, rule: scale, step: 0.5 }
bonus:
  cap: 3
  items:
    - { id: B1, title: Bằng khen cấp tỉnh, points: 2, cap: 4 }
penalties:
  items:
    - { id: P1, title: Gửi báo cáo chậm, points: -1 }
aggregation: { assessed_by: panel, final_from: assessed, year_from: last_phase }
ranking:
  tie_break: [criterion:II, bonus_total]
classification:
  - { label: Xuất sắc, min: 98 }
  - { label: Tốt, min: 90 }
  - { label: Khá, min: 0 }
award_rules:
  - { award: co-thi-dua, quota: 1, min_total: 95 }
";

const CLUSTER_YAML: &str = "\
id: cum-1
year: 2024
name: Cụm thi đua số 1
organiser: tl-cdvc-tinh
scheme: cdvc-2024
phases:
  - { id: dot1, name: Đợt 1, until: 2024-06-30 }
  - { id: dot2, name: Đợt 2, until: 2024-12-31 }
members:
  - { unit: tl-cd-vp-ubnd, role: cum_truong }
  - { unit: tl-cd-so-tu-phap, role: cum_pho }
  - { unit: tl-cd-thanh-tra }
";

/// Two assessors per unit; the figures of `a_valid_tree_loads_cleanly_and_ranks_by_hand`.
const SCORES_YAML: &str = "\
cluster: cum-1
year: 2024
decimal_separator: \",\"
phases:
  dot2:
    tl-cd-vp-ubnd:
      assessed:
        tl-cdvc-tinh: { I.1: \"39,5\", I.2: 20, II: 37 }
        tl-ldld-tinh: { I.1: 39, I.2: 20, II: 36 }
      bonus: [{ item: B1, count: 2 }]
    tl-cd-so-tu-phap:
      assessed:
        tl-cdvc-tinh: { I.1: 40, I.2: 20, II: 35 }
        tl-ldld-tinh: { I.1: 40, I.2: 20, II: 36 }
      bonus: [{ item: B1 }]
    tl-cd-thanh-tra:
      assessed:
        tl-cdvc-tinh: { I.1: 39, I.2: 20, II: 37 }
        tl-ldld-tinh: { I.1: 39, I.2: 20, II: 38 }
      bonus: [{ item: B1 }]
      penalties: [{ item: P1 }]
  dot1:
    tl-cd-vp-ubnd: { status: not_submitted }
    tl-cd-so-tu-phap: { status: not_submitted }
    tl-cd-thanh-tra: { status: not_submitted }
";

/// A valid vote and proposal, for outcomes tests.
pub const OUTCOMES_YAML: &str = "\
cluster: cum-1
year: 2024
vote:
  present: 3
  ballots: [{ unit: tl-cd-vp-ubnd, for: 3 }]
proposals:
  - { unit: tl-cd-vp-ubnd, award: co-thi-dua, status: proposed }
overrides:
  - { kind: tie_break_vote, units: [tl-cd-so-tu-phap, tl-cd-thanh-tra], winner: tl-cd-thanh-tra, reason: Cụm biểu quyết }
";

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
