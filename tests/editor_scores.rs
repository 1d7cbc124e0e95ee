//! The scores grid of the local editor (issue 23) over real HTTP: the
//! preview endpoint writes the typed values the way the Excel import does,
//! then the real checks and engine judge and rank them.

mod common;

use std::fs;
use std::path::Path;

use bangtin::sheets::doc::{Count, Doc, Val};
use common::editor::{Editor, error_of, json_of};
use common::{example_copy, files_under};
use serde_json::{Value, json};

const PREVIEW: &str = "/_bangtin/api/scores/preview";

/// A value as a person types it in a cell, with the file's separator.
fn typed(v: &Val, comma: bool) -> String {
    let n = |d: &rust_decimal::Decimal| {
        let s = d.normalize().to_string();
        if comma { s.replace('.', ",") } else { s }
    };
    match v {
        Val::Points(d) | Val::Actual(d) => n(d),
        Val::Raw(s) => s.clone(),
    }
}

fn counts(list: &[Count]) -> Value {
    list.iter()
        .map(|c| json!({ "item": c.item, "count": c.count, "evidence": c.evidence }))
        .collect()
}

/// Everything of a scores file as the grid sends it: every cell, and each
/// unit's status, note, bonus, penalties and disqualifiers.
fn grid_of(doc: &Doc) -> (Vec<Value>, Vec<Value>) {
    let (mut cells, mut units) = (Vec::new(), Vec::new());
    for (phase, entries) in &doc.phases {
        for (unit, u) in entries {
            units.push(json!({
                "phase": phase, "unit": unit, "status": u.status, "note": u.note,
                "bonus": counts(&u.bonus), "penalties": counts(&u.penalties),
                "disqualified": u.disqualified,
            }));
            let sheets = u
                .self_scores
                .iter()
                .map(|s| ("self", s))
                .chain(u.assessed.iter().map(|(who, s)| (who.as_str(), s)));
            for (sheet, scores) in sheets {
                for (crit, v) in scores {
                    cells.push(json!({ "phase": phase, "unit": unit, "sheet": sheet,
                                       "criterion": crit, "value": typed(v, doc.comma) }));
                }
            }
        }
    }
    (cells, units)
}

fn built_json(out: &Path, id: &str, year: &str, name: &str) -> Value {
    let file = out.join(format!("cum-thi-dua/{id}/{year}/{name}"));
    serde_json::from_slice(&fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())))
        .unwrap()
}

#[test]
fn the_preview_of_every_scores_file_typed_from_nothing_equals_the_built_results() {
    let site = example_copy("editor-scores-all");
    let out = tempfile::tempdir().unwrap();
    let mut opts = bangtin::build::BuildOptions::new(site.clone());
    opts.output_dir = Some(out.path().join("o"));
    bangtin::build::run(&opts).unwrap_or_else(|d| panic!("{d:?}"));
    let scores: Vec<String> = files_under(&site.join("data/scores"))
        .into_iter()
        .map(|rel| format!("data/scores/{rel}"))
        .collect();
    assert!(scores.len() >= 5, "{scores:?}");
    // The grid starts from an empty file: every value comes from the request.
    let texts: Vec<String> = scores
        .iter()
        .map(|rel| {
            let text = fs::read_to_string(site.join(rel)).unwrap();
            fs::remove_file(site.join(rel)).unwrap();
            text
        })
        .collect();
    let e = Editor::open_at(&site);
    for (rel, text) in scores.iter().zip(&texts) {
        let doc = Doc::read(Path::new(rel), text).unwrap();
        let (cells, units) = grid_of(&doc);
        let r = e.post_json(
            PREVIEW,
            &json!({ "path": rel, "cells": cells, "units": units }),
        );
        assert_eq!(r.status, 200, "{rel}: {}", r.text());
        let got = json_of(&r);
        let (year, file) = rel
            .trim_start_matches("data/scores/")
            .split_once('/')
            .unwrap();
        let id = file.trim_end_matches(".yaml");
        assert_eq!(got["ignored"], json!([]), "{rel}: {}", got["diagnostics"]);
        assert_eq!(
            got["results"],
            built_json(&out.path().join("o"), id, year, "ket-qua.json"),
            "{rel}"
        );
        let phases = got["phases"].as_array().unwrap();
        if phases.len() > 1 {
            for p in phases {
                let name = format!("ket-qua-{}.json", p["id"].as_str().unwrap());
                let built = built_json(&out.path().join("o"), id, year, &name);
                assert_eq!(p["results"], built, "{rel} {name}");
            }
        }
    }
    // A preview writes nothing.
    for rel in &scores {
        assert!(!site.join(rel).exists(), "{rel} was written");
    }
}
