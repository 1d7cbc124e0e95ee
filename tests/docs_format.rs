//! docs/format.md must not drift from the program. Every ```yaml sample of the
//! page says on its first line what it is:
//!
//! - `# <site path>` (`# site.yaml`, `# data/schemes/vd-2024.yaml`): a whole file.
//!   Each path appears once; the test writes these files into a temporary site,
//!   builds it, and expects no error and no warning.
//! - `# (part of <file>)`: a piece of a file; it must still be valid YAML.
//! - any other `# (…)`: a sample that is not a file on its own (several ways to
//!   write one line, a deliberately wrong example); it is not read.
//!
//! A sample without such a line fails the test, so no example can be added
//! untested by accident. A results table marked with the line
//! `<!-- results: <path of a ket-qua.json in the output> -->` must equal, row by
//! row and column by column, the file the build wrote.

mod common;

use std::collections::BTreeSet;

use common::{SiteTest, render};
use serde_json::Value;

const DOC: &str = include_str!("../docs/format.md");

/// A fenced code block of the page.
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    lang: String,
    text: String,
}

fn fenced_blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in doc.lines().enumerate() {
        match open.as_mut() {
            None => {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    open = Some(Block {
                        line: i + 1,
                        lang: info.trim().to_string(),
                        text: String::new(),
                    });
                }
            }
            Some(b) => {
                if line.trim() == "```" {
                    blocks.extend(open.take());
                } else {
                    b.text.push_str(line);
                    b.text.push('\n');
                }
            }
        }
    }
    assert!(
        open.is_none(),
        "docs/format.md: a code block is never closed"
    );
    blocks
}

/// What a YAML sample is, from its first line.
#[derive(Debug, PartialEq)]
enum Kind {
    /// A whole file of the site, by its path.
    File(String),
    /// A piece of a file: must parse.
    Part,
    /// Marked as not a file on its own: not read.
    Other,
}

const SITE_PLACES: &[&str] = &["data/", "content/", "static/", "themes/", "templates/"];

fn kind(block: &Block) -> Result<Kind, String> {
    let first = block.text.lines().next().unwrap_or("");
    let Some(label) = first.strip_prefix("# ").map(str::trim) else {
        return Err(format!(
            "line {}: the first line of a YAML sample must say what it is \
             (`# data/….yaml` for a whole file, `# (part of …)` for a piece); found {first:?}",
            block.line + 1
        ));
    };
    if let Some(inner) = label.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        return Ok(if inner.starts_with("part of ") {
            Kind::Part
        } else {
            Kind::Other
        });
    }
    let is_path = !label.contains(char::is_whitespace)
        && !label.split('/').any(|p| p.is_empty() || p == "..")
        && (label.ends_with(".yaml") || label.ends_with(".yml"))
        && (label == "site.yaml" || SITE_PLACES.iter().any(|p| label.starts_with(p)));
    if is_path {
        Ok(Kind::File(label.to_string()))
    } else {
        Err(format!(
            "line {}: `# {label}` is neither a site file path (site.yaml, data/…, content/…) \
             nor a comment in brackets",
            block.line + 1
        ))
    }
}

/// The YAML samples with what they are; fails on an unmarked one or a path shown twice.
fn yaml_samples(doc: &str) -> Vec<(Block, Kind)> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut paths = BTreeSet::new();
    for block in fenced_blocks(doc).into_iter().filter(|b| b.lang == "yaml") {
        match kind(&block) {
            Ok(k) => {
                if let Kind::File(path) = &k
                    && !paths.insert(path.clone())
                {
                    problems.push(format!(
                        "line {}: `{path}` is shown as a whole file twice; \
                         mark one of them `# (part of {path})`",
                        block.line + 1
                    ));
                }
                out.push((block, k));
            }
            Err(e) => problems.push(e),
        }
    }
    assert!(
        problems.is_empty(),
        "docs/format.md:\n{}",
        problems.join("\n")
    );
    out
}

#[test]
fn every_yaml_sample_is_a_file_or_marked_as_a_piece() {
    let samples = yaml_samples(DOC);
    let files: Vec<&str> = samples
        .iter()
        .filter_map(|(_, k)| match k {
            Kind::File(p) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    // The worked example has one file of each kind of `data/`.
    for needed in [
        "data/units.yaml",
        "data/awards.yaml",
        "data/schemes/",
        "data/clusters/",
        "data/scores/",
        "data/outcomes/",
    ] {
        assert!(
            files.iter().any(|f| f.starts_with(needed)),
            "docs/format.md has no whole-file sample of {needed}: {files:?}"
        );
    }
    for (block, k) in &samples {
        if matches!(k, Kind::File(_) | Kind::Part)
            && let Err(e) = serde_saphyr::from_str::<serde::de::IgnoredAny>(&block.text)
        {
            panic!(
                "docs/format.md line {}: the sample is not valid YAML: {e}",
                block.line
            );
        }
    }
}

/// The site made of the page's whole-file samples (the common `site.yaml` unless
/// the page has one).
fn site_from_doc() -> SiteTest {
    let t = SiteTest::new();
    for (block, k) in yaml_samples(DOC) {
        if let Kind::File(path) = k {
            t.write(&path, &block.text);
        }
    }
    t
}

#[test]
fn the_samples_build_without_errors_or_warnings_and_the_results_tables_match() {
    let t = site_from_doc();
    let report = match t.build() {
        Ok(r) => r,
        Err(ds) => panic!(
            "the whole-file samples of docs/format.md do not build:\n{}",
            render(&ds)
        ),
    };
    assert!(
        report.warnings.is_empty(),
        "the whole-file samples of docs/format.md give warnings:\n{}",
        render(&report.warnings)
    );
    let tables = results_tables(DOC);
    assert!(
        !tables.is_empty(),
        "docs/format.md has no results table marked `<!-- results: … -->`"
    );
    for table in &tables {
        let json: Value = serde_json::from_str(&t.read(&table.json))
            .unwrap_or_else(|e| panic!("{}: {e}", table.json));
        let rows = json["rows"].as_array().expect("rows");
        assert_eq!(
            table.rows.len(),
            rows.len(),
            "docs/format.md line {}: the table has {} rows, {} has {}",
            table.line,
            table.rows.len(),
            table.json,
            rows.len()
        );
        for ((line, cells), row) in table.rows.iter().zip(rows) {
            for (column, cell) in table.columns.iter().zip(cells) {
                let want = from_json(column, row);
                let got = from_doc(column, cell);
                assert_eq!(
                    got, want,
                    "docs/format.md line {line}, column {column:?}: the page says {cell:?}, \
                     {} says {want:?} (row {row})",
                    table.json
                );
            }
        }
    }
}

/// A Markdown results table of the page and the export it must equal.
struct Table {
    line: usize,
    json: String,
    columns: Vec<String>,
    /// Each row with its line.
    rows: Vec<(usize, Vec<String>)>,
}

fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn results_tables(doc: &str) -> Vec<Table> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut tables = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(json) = line
            .trim()
            .strip_prefix("<!-- results:")
            .and_then(|l| l.strip_suffix("-->"))
        else {
            continue;
        };
        let header = lines.get(i + 1).expect("a table after the marker");
        assert!(
            header.starts_with('|'),
            "docs/format.md line {}: a results marker must be followed by its table",
            i + 1
        );
        let columns = cells(header);
        let rows: Vec<(usize, Vec<String>)> = lines
            .iter()
            .enumerate()
            .skip(i + 3)
            .take_while(|(_, l)| l.starts_with('|'))
            .map(|(n, l)| (n + 1, cells(l)))
            .collect();
        for (n, row) in &rows {
            assert_eq!(
                row.len(),
                columns.len(),
                "docs/format.md line {n}: wrong number of cells"
            );
        }
        tables.push(Table {
            line: i + 2,
            json: json.trim().to_string(),
            columns,
            rows,
        });
    }
    tables
}

const NONE: &str = "—";

/// The texts between backticks in a cell.
fn ticked(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// A cell of the page in a form comparable with [`from_json`].
fn from_doc(column: &str, cell: &str) -> String {
    match column {
        "Rank" => match cell.parse::<u64>() {
            Ok(n) => n.to_string(),
            Err(_) => {
                let status = cell
                    .split_once('(')
                    .and_then(|(_, r)| r.strip_suffix(')'))
                    .unwrap_or_else(|| panic!("rank {cell:?}: a number or `— (status)`"));
                status.to_string()
            }
        },
        "Unit" => {
            let (name, _) = cell
                .split_once(" (`")
                .unwrap_or_else(|| panic!("unit {cell:?}: `name (`id`)`"));
            format!("{name} | {}", ticked(cell).join(""))
        }
        "Self" | "Assessed" | "Bonus" | "Penalty" | "Total" | "Classification" => {
            if cell == NONE {
                "null".to_string()
            } else if column == "Classification" {
                cell.to_string()
            } else {
                cell.replace(',', ".")
            }
        }
        "Eligible for" => ticked(cell).join(", "),
        other => panic!("results table column {other:?} is not compared; add it to the test"),
    }
}

/// The same figure from a row of `ket-qua.json`.
fn from_json(column: &str, row: &Value) -> String {
    let text = |key: &str| match &row[key] {
        Value::Null => "null".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match column {
        "Rank" => match row["status"].as_str() {
            Some("ranked") => text("rank"),
            _ => text("status"),
        },
        "Unit" => format!("{} | {}", text("name"), text("unit")),
        "Self" => text("self"),
        "Assessed" => text("assessed"),
        "Bonus" => text("bonus"),
        "Penalty" => text("penalty"),
        "Total" => text("total"),
        "Classification" => text("classification"),
        "Eligible for" => row["eligible"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        other => panic!("results table column {other:?} is not compared; add it to the test"),
    }
}

#[test]
fn unmarked_samples_and_repeated_files_are_refused() {
    let unmarked = "```yaml\ntitle: x\n```\n";
    assert!(std::panic::catch_unwind(|| yaml_samples(unmarked)).is_err());
    let twice = "```yaml\n# data/awards.yaml\nawards: []\n```\n\n```yaml\n# data/awards.yaml\nawards: []\n```\n";
    assert!(std::panic::catch_unwind(|| yaml_samples(twice)).is_err());
    let ok = "```yaml\n# data/awards.yaml\nawards: []\n```\n\n```yaml\n# (part of site.yaml)\npaginate: 5\n```\n";
    let kinds: Vec<Kind> = yaml_samples(ok).into_iter().map(|(_, k)| k).collect();
    assert_eq!(kinds, [Kind::File("data/awards.yaml".into()), Kind::Part]);
}
