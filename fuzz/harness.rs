//! The bodies of the fuzz targets (issue 21), shared by two drivers:
//! `fuzz/fuzz_targets/*.rs` (cargo-fuzz, coverage-guided, run by hand for
//! as long as one likes) and `tests/fuzz.rs` (proptest over random bytes,
//! bounded in CI, and the replay of every input kept in `fuzz/regressions/`).
//!
//! Each target takes raw bytes. Whatever they are, the code under test must
//! return (a report, a ranking or an error), never panic, and what it
//! returns must hold together: every error names its file and a line that
//! exists in it, a Markdown link never carries a script address, the scoring
//! engine ranks every row in order and does not depend on the order of the
//! assessors' sheets.

use std::path::{Path, PathBuf};

use bangtin::content::markdown::{self, LinkTarget, Links, MarkdownSource};
use bangtin::diag::Diagnostic;
use bangtin::media::html::Picture;
use bangtin::results::{
    Aggregation, AssessedBy, AwardRule, Band, BonusItem, BonusRules, Criterion, FinalFrom,
    PenaltyItem, PhaseInput, Ranking, RowStatus, Rule, Scheme, Score, ScoredEntry, Sheet,
    TieBreakKey, UnitEntry, UnrankedStatus, Votes, YearFrom, YearInput,
};
use rust_decimal::Decimal;

/// Every target, by the name of its file in `fuzz/fuzz_targets/`.
pub const TARGETS: &[&str] = &[
    "front_matter",
    "site_yaml",
    "data_file",
    "markdown",
    "engine",
];

/// A valid article with a bit of everything its body may hold.
pub const ARTICLE_TEXT: &str = "---
title: \"Cụm 1 ký kết giao ước thi đua\"
date: 2024-03-14T08:30:00+07:00
tags: [Giao ước, thi đua]
cluster: cum-1
units: [tl-so-tu-phap]
summary: Lễ ký kết năm 2024.
---
## Nội dung

Chiều 14/3, **Cụm thi đua số 1** ký kết [giao ước](../2024/ky-ket.md) với *10 đơn vị*.

| Đơn vị | Điểm |
|---|---:|
| Sở Tư pháp | 95,5 |

- Một[^1]
- Hai

[^1]: Chú thích.

[[thư viện ảnh]]
";

/// A `site.yaml` that sets every key.
const SITE_YAML: &str = "\
title: Thi đua Công đoàn Viên chức tỉnh Thanh Lâm
description: Tin tức, giao ước và kết quả thi đua
base_url: https://thidua.example.vn/thi-dua/
language: vi
theme: default
timezone: \"+07:00\"
paginate: 10
organiser: tl-cdvc-tinh
images:
  widths: [480, 960, 1600]
  quality: 80
  formats: [webp, jpeg]
menu:
  - { title: Tin tức, url: /tin-tuc/ }
  - { title: Giới thiệu, url: /gioi-thieu/ }
";

/// Valid inputs of target `name` to start from: `tests/fuzz.rs` bends
/// them; `fuzz/run.sh` writes them as the first corpus of cargo-fuzz.
pub fn seeds(name: &str) -> Vec<Vec<u8>> {
    let body = &ARTICLE_TEXT[ARTICLE_TEXT.find("## ").unwrap_or(0)..];
    match name {
        "front_matter" => vec![ARTICLE_TEXT.as_bytes().to_vec()],
        "site_yaml" => vec![SITE_YAML.as_bytes().to_vec()],
        "data_file" => DATA
            .iter()
            .zip(b'0'..)
            .map(|((_, text), kind)| [&[kind], text.as_bytes()].concat())
            .collect(),
        "markdown" => vec![
            format!("0{body}").into_bytes(),
            format!("1![Toàn cảnh](anh.jpg)\n\n[Kế hoạch](ke-hoach.pdf) [khác](khac.md)\n\n{body}")
                .into_bytes(),
        ],
        "engine" => vec![vec![1; 96], (0..=255).collect(), vec![7; 256]],
        other => panic!("no fuzz target {other}"),
    }
}

/// Runs target `name` on `data`; `scratch` is a folder the target may fill.
pub fn run(name: &str, scratch: &Path, data: &[u8]) {
    match name {
        "front_matter" => front_matter(scratch, data),
        "site_yaml" => site_yaml(scratch, data),
        "data_file" => data_file(scratch, data),
        "markdown" => markdown(data),
        "engine" => engine(data),
        other => panic!("no fuzz target {other}"),
    }
}

/// A folder of its own for this process, for the cargo-fuzz drivers (one
/// thread each). Left in the temporary folder when libFuzzer exits.
pub fn process_scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bangtin-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder in the temporary folder");
    dir
}

fn write(scratch: &Path, rel: &str, bytes: &[u8]) {
    let path = scratch.join(rel);
    std::fs::create_dir_all(path.parent().expect("a relative path has a parent"))
        .expect("the scratch folder is writable");
    std::fs::write(path, bytes).expect("the scratch folder is writable");
}

/// Every error names a file; a located diagnostic points at a line of the
/// text it was found in (`texts` gives the text of each file by its path).
fn assert_located(diags: &[Diagnostic], texts: &[(&str, &[u8])]) {
    for d in diags {
        assert!(!d.message.trim().is_empty(), "an empty message: {d:?}");
        let Some(file) = &d.file else {
            assert!(!d.is_error(), "an error without a file: {}", d.render());
            continue;
        };
        let file = file.to_string_lossy().replace('\\', "/");
        if let Some((_, text)) = texts.iter().find(|(p, _)| *p == file) {
            let lines = line_count(text);
            assert!(
                d.line <= lines,
                "line {} of a {lines}-line file: {}",
                d.line,
                d.render()
            );
            // A line with something on it is quoted: bangtin and the YAML
            // and Markdown parsers agree on where lines end.
            if d.line >= 1 && d.column >= 1 && !nth_line(text, d.line).trim_ascii().is_empty() {
                assert!(
                    d.source_line.is_some(),
                    "line {} not quoted: {}",
                    d.line,
                    d.render()
                );
            }
        }
    }
}

/// Line `n` (from 1) of `text`, its lines ended as [`line_count`] ends them.
fn nth_line(text: &[u8], n: usize) -> &[u8] {
    let mut start = 0;
    let mut line = 1;
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if b == b'\n' || b == b'\r' {
            if line == n {
                return &text[start..i];
            }
            if b == b'\r' && text.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            line += 1;
            start = i + 1;
        }
        i += 1;
    }
    if line == n { &text[start..] } else { &[] }
}

/// Lines as a reader's editor counts them: `\n`, `\r\n` and a lone `\r`
/// each end one (bangtin reads them so, `content::line_ends`).
fn line_count(text: &[u8]) -> usize {
    let mut lines = 1;
    let mut bytes = text.iter().peekable();
    while let Some(&b) = bytes.next() {
        if b == b'\n' || (b == b'\r' && bytes.peek() != Some(&&b'\n')) {
            lines += 1;
        }
    }
    lines
}

// --- front matter -------------------------------------------------------------

const ARTICLE: &str = "content/news/2024/bai.md";

/// The bytes as an article: split, strict YAML, every front-matter check.
pub fn front_matter(scratch: &Path, data: &[u8]) {
    write(scratch, ARTICLE, data);
    let (_, diags) = bangtin::content::read_document(
        ARTICLE,
        &scratch.join(ARTICLE),
        None,
        jiff::tz::Offset::constant(7),
    );
    assert_located(&diags, &[(ARTICLE, data)]);
}

// --- site.yaml ----------------------------------------------------------------

/// The bytes as `site.yaml`, read as a build reads it.
pub fn site_yaml(scratch: &Path, data: &[u8]) {
    write(scratch, "site.yaml", data);
    match bangtin::config::load(scratch) {
        Ok(config) => assert_located(&config.warnings, &[("site.yaml", data)]),
        Err(diags) => {
            assert!(
                diags.iter().any(Diagnostic::is_error),
                "refused without an error"
            );
            assert_located(&diags.sorted(), &[("site.yaml", data)]);
        }
    }
}

// --- data/ ----------------------------------------------------------------------

/// The valid data tree of the tests (`tests/data_fixture/`), by site path.
const DATA: &[(&str, &str)] = &[
    (
        "data/units.yaml",
        include_str!("../tests/data_fixture/units.yaml"),
    ),
    (
        "data/awards.yaml",
        include_str!("../tests/data_fixture/awards.yaml"),
    ),
    (
        "data/schemes/cdvc-2024.yaml",
        include_str!("../tests/data_fixture/scheme.yaml"),
    ),
    (
        "data/clusters/2024/cum-1.yaml",
        include_str!("../tests/data_fixture/cluster.yaml"),
    ),
    (
        "data/scores/2024/cum-1.yaml",
        include_str!("../tests/data_fixture/scores.yaml"),
    ),
    (
        "data/outcomes/2024/cum-1.yaml",
        include_str!("../tests/data_fixture/outcomes.yaml"),
    ),
];

/// The first byte chooses which file of a valid `data/` tree the rest
/// replaces; the whole tree is then loaded, cross-checked and scored.
pub fn data_file(scratch: &Path, data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let target = usize::from(which) % DATA.len();
    let mut texts: Vec<(&str, &[u8])> = Vec::new();
    for (i, (rel, valid)) in DATA.iter().enumerate() {
        let bytes = if i == target { rest } else { valid.as_bytes() };
        write(scratch, rel, bytes);
        texts.push((rel, bytes));
    }
    let (_, diags) = bangtin::data::load(scratch);
    assert_located(&diags.sorted(), &texts);
}

// --- Markdown -------------------------------------------------------------------

struct FuzzLinks;

impl Links for FuzzLinks {
    fn lookup(&self, source: &str) -> LinkTarget {
        match source {
            "content/news/2024/khac.md" => LinkTarget::Page("/tin-tuc/2024/khac/".into()),
            "content/news/2024/nhap.md" => LinkTarget::Draft,
            "content/news/2024/loi.md" => LinkTarget::Failed,
            _ => LinkTarget::Missing,
        }
    }
    fn sources(&self) -> Vec<&str> {
        vec![
            "content/news/2024/khac.md",
            "content/news/2024/nhap.md",
            "content/news/2024/loi.md",
        ]
    }
    fn rooted(&self, site_path: &str) -> String {
        format!("/thi-dua{site_path}")
    }
    fn picture(&self, _source: &str) -> Option<&Picture> {
        None
    }
}

const BUNDLE: &[&str] = &[
    "content/news/2024/bai/anh.jpg",
    "content/news/2024/bai/ke-hoach.pdf",
];

/// The bytes (made valid UTF-8 with `\n` line ends, as every text file is
/// after reading) as the body of an article; the first byte says whether it
/// is in a bundle.
pub fn markdown(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let head = "---\ntitle: Bài\ndate: 2024-03-14\n---\n";
    let body = bangtin::content::line_ends(String::from_utf8_lossy(rest).into_owned());
    let full = format!("{head}{body}");
    let bundle: Vec<String> = BUNDLE.iter().map(|s| s.to_string()).collect();
    let in_bundle = flags & 1 == 1;
    let src = MarkdownSource {
        path: if in_bundle {
            "content/news/2024/bai/index.md"
        } else {
            ARTICLE
        },
        full_text: &full,
        body: &full[head.len()..],
        line_offset: 4,
        bundle_files: in_bundle.then_some(bundle.as_slice()),
        raw_html: flags & 2 == 0,
    };
    let out = markdown::render(&src, &FuzzLinks);
    assert_located(&out.diagnostics, &[(src.path, full.as_bytes())]);
    // Raw HTML is passed through as written (unless `raw_html` is off);
    // without it, no address that Markdown made may run a script.
    if !src.raw_html || !full.contains('<') {
        for url in attribute_urls(&out.html) {
            let plain: String = url
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .flat_map(char::to_lowercase)
                .collect();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!plain.starts_with(scheme), "{url:?} in {}", out.html);
            }
        }
    }
}

/// The values of `href` and `src` attributes, with character references
/// decoded as a browser decodes them.
fn attribute_urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\"", "srcset=\""] {
        for (at, _) in html.match_indices(attr) {
            let value = &html[at + attr.len()..];
            let end = value.find('"').unwrap_or(value.len());
            out.push(decode_references(&value[..end]));
        }
    }
    out
}

fn decode_references(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e < 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// --- the scoring engine -----------------------------------------------------------

/// Reads choices from the fuzzer's bytes; past the end every choice is 0.
struct Choices<'a> {
    data: &'a [u8],
}

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }
    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n
    }
    fn flag(&mut self) -> bool {
        self.byte() & 1 == 1
    }
    fn pick<'p>(&mut self, pool: &[&'p str]) -> &'p str {
        pool[self.below(pool.len())]
    }
    /// Ordinary figures and the values at the edges of `Decimal`.
    fn decimal(&mut self) -> Decimal {
        match self.below(20) {
            0 => Decimal::ZERO,
            1 => Decimal::new(5, 1),
            2 => Decimal::ONE,
            3 => Decimal::TWO,
            4 => Decimal::new(325, 2),
            5 => Decimal::from(5),
            6 => Decimal::TEN,
            7 => Decimal::from(20),
            8 => Decimal::from(40),
            9 => Decimal::ONE_HUNDRED,
            10 => Decimal::new(85, 2),
            11 => Decimal::NEGATIVE_ONE,
            12 => Decimal::new(-5, 1),
            13 => Decimal::new(1, 28),
            14 => Decimal::from(1_000_000_000_000_i64),
            15 => Decimal::from(-1_000_000_000_000_i64),
            16 => Decimal::MAX,
            17 => Decimal::MIN,
            18 => Decimal::ONE / Decimal::from(3),
            _ => Decimal::from(self.byte()),
        }
    }
    fn count(&mut self) -> u32 {
        match self.below(6) {
            0 => 0,
            1 => 1,
            2 => 2,
            3 => 3,
            4 => 1000,
            _ => u32::MAX,
        }
    }
    fn maybe<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.flag() { Some(f(self)) } else { None }
    }
    fn many<T>(&mut self, most: usize, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.below(most + 1);
        (0..n).map(|_| f(self)).collect()
    }
}

const CRITERIA: &[&str] = &["I", "I.1", "I.2", "II", "II.1", "III"];
const UNITS: &[&str] = &["a", "b", "c", "d", "e"];
const PHASES: &[&str] = &["dot1", "dot2", "ca-nam"];
const ITEMS: &[&str] = &["B1", "B2", "P1", "P2", "D1"];
const AWARDS: &[&str] = &["co", "bang-khen"];

fn rule(c: &mut Choices<'_>) -> Option<Rule> {
    match c.below(4) {
        0 => None,
        1 => Some(Rule::Scale { step: c.decimal() }),
        2 => Some(Rule::Fixed),
        _ => Some(Rule::Proportional {
            target: c.decimal(),
        }),
    }
}

fn criterion(c: &mut Choices<'_>, depth: usize) -> Criterion {
    let id = c.pick(CRITERIA).to_string();
    let max = c.decimal();
    let children = if depth == 0 {
        c.many(3, |c| criterion(c, 1))
    } else {
        Vec::new()
    };
    let rule = if children.is_empty() { rule(c) } else { None };
    Criterion {
        id,
        max,
        rule,
        children,
    }
}

fn scheme(c: &mut Choices<'_>) -> Scheme {
    let criteria = c.many(3, |c| criterion(c, 0));
    let total_max = if c.flag() {
        criteria
            .iter()
            .fold(Decimal::ZERO, |a, k| a.saturating_add(k.max))
    } else {
        c.decimal()
    };
    Scheme {
        id: "s".into(),
        total_max,
        decimals: u32::from(c.byte() % 32),
        criteria,
        bonus: BonusRules {
            cap: c.maybe(Choices::decimal),
            items: c.many(2, |c| BonusItem {
                id: c.pick(ITEMS).into(),
                points: c.decimal(),
                cap: c.maybe(Choices::decimal),
            }),
        },
        penalties: c.many(2, |c| PenaltyItem {
            id: c.pick(ITEMS).into(),
            points: c.decimal(),
        }),
        disqualifiers: c.many(1, |c| c.pick(ITEMS).into()),
        aggregation: Aggregation {
            assessed_by: [
                AssessedBy::SelfOnly,
                AssessedBy::Panel,
                AssessedBy::CrossMean,
                AssessedBy::CrossMeanTrimmed,
            ][c.below(4)],
            final_from: [FinalFrom::Assessed, FinalFrom::SelfIfNoAssessment][c.below(2)],
            year_from: match c.below(3) {
                0 => YearFrom::LastPhase,
                1 => YearFrom::MeanOfPhases,
                _ => YearFrom::Weighted(c.many(3, |c| (c.pick(PHASES).into(), c.decimal()))),
            },
        },
        tie_break: c.many(3, |c| match c.below(4) {
            0 => TieBreakKey::Criterion(c.pick(CRITERIA).into()),
            1 => TieBreakKey::BonusTotal,
            2 => TieBreakKey::FewerPenalties,
            _ => TieBreakKey::Vote,
        }),
        classification: c.many(3, |c| Band {
            label: c.pick(&["Xuất sắc", "Tốt", "Khá"]).into(),
            min: c.decimal(),
        }),
        award_rules: c.many(2, |c| AwardRule {
            award: c.pick(AWARDS).into(),
            quota: c.maybe(Choices::count),
            rank_at_most: c.maybe(Choices::count),
            min_total: c.maybe(Choices::decimal),
        }),
    }
}

fn sheet(c: &mut Choices<'_>) -> Sheet {
    (0..c.below(6))
        .map(|_| {
            let id = c.pick(CRITERIA).to_string();
            let score = if c.flag() {
                Score::Points(c.decimal())
            } else {
                Score::Actual(c.decimal())
            };
            (id, score)
        })
        .collect()
}

fn entry(c: &mut Choices<'_>) -> UnitEntry {
    if c.below(4) == 0 {
        let status = [
            UnrankedStatus::Withdrawn,
            UnrankedStatus::NotSubmitted,
            UnrankedStatus::Partial,
        ][c.below(3)];
        return UnitEntry::Unranked {
            status,
            note: c.maybe(|_| "ghi chú".to_string()),
        };
    }
    UnitEntry::Scored(ScoredEntry {
        self_sheet: c.maybe(sheet),
        assessed: c.many(4, |c| (c.pick(UNITS).into(), sheet(c))),
        bonus: c.many(2, |c| (c.pick(ITEMS).into(), c.count())),
        penalties: c.many(2, |c| (c.pick(ITEMS).into(), c.count())),
        disqualified: c.many(1, |c| c.pick(ITEMS).into()),
        note: None,
    })
}

fn year_input(c: &mut Choices<'_>) -> YearInput {
    // Member lists hold each unit once: `data` refuses a unit listed twice.
    let members: Vec<String> = UNITS
        .iter()
        .filter(|_| c.flag())
        .map(|u| u.to_string())
        .collect();
    let phases = c.many(3, |c| PhaseInput {
        id: c.pick(PHASES).into(),
        members: members.iter().filter(|_| c.flag()).cloned().collect(),
        entries: (0..c.below(6))
            .map(|_| (c.pick(UNITS).to_string(), entry(c)))
            .collect(),
    });
    YearInput { members, phases }
}

/// Rows in output order: ranked rows first with ranks from 1, never
/// decreasing, each within the table; then the unranked ones.
fn assert_ordered(r: &Ranking) {
    let mut last = 0;
    let mut unranked_seen = false;
    for row in &r.rows {
        match (row.status, row.rank) {
            (RowStatus::Ranked, Some(rank)) => {
                assert!(!unranked_seen, "a ranked row after an unranked one: {r:?}");
                assert!(rank >= 1 && rank >= last, "rank {rank} after {last}: {r:?}");
                assert!(
                    rank as usize <= r.rows.len(),
                    "rank {rank} of {}",
                    r.rows.len()
                );
                assert!(row.total.is_some(), "a ranked row without a total: {row:?}");
                last = rank;
            }
            (RowStatus::Ranked, None) => panic!("a ranked row without a rank: {row:?}"),
            (_, rank) => {
                assert!(rank.is_none(), "an unranked row with a rank: {row:?}");
                unranked_seen = true;
            }
        }
    }
}

/// A scheme, a cluster-year's scores and votes built from the bytes, ranked;
/// ranked again with every unit's assessors' sheets in reverse order.
pub fn engine(data: &[u8]) {
    let mut c = Choices { data };
    let scheme = scheme(&mut c);
    let input = year_input(&mut c);
    let votes: Votes = (0..c.below(3))
        .map(|_| (c.pick(UNITS).to_string(), c.count()))
        .collect();
    let result = bangtin::results::rank_year(&scheme, &input, &votes);
    for phase in &input.phases {
        if let Ok(r) = bangtin::results::rank_phase(&scheme, phase, &votes) {
            assert_ordered(&r);
        }
    }
    let Ok(result) = result else {
        return;
    };
    assert_ordered(&result.year);
    result.phases.iter().for_each(assert_ordered);
    let mut reversed = input.clone();
    for phase in &mut reversed.phases {
        for entry in phase.entries.values_mut() {
            if let UnitEntry::Scored(s) = entry {
                s.assessed.reverse();
            }
        }
    }
    let again = bangtin::results::rank_year(&scheme, &reversed, &votes);
    assert_eq!(
        again.as_ref().ok(),
        Some(&result),
        "the assessors' order changed the result"
    );
}
