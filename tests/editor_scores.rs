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

const CUM_3: &str = "data/scores/2024/cdvc-cum-3.yaml";

fn cell(sheet: &str, criterion: &str, value: &str) -> Value {
    json!({ "phase": "dot1", "unit": "tl-cd-vp-ubnd", "sheet": sheet,
            "criterion": criterion, "value": value })
}

/// (unit, status, rank) of the first phase's table, in table order.
fn dot1_order(answer: &Value) -> Vec<(String, String, Option<u64>)> {
    let phase = answer["phases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "dot1")
        .unwrap();
    phase["results"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("unit"), s("status"), r["rank"].as_u64())
        })
        .collect()
}

#[test]
fn a_wrong_cell_is_refused_at_its_place_and_left_out_of_the_ranking_until_fixed() {
    let site = example_copy("editor-scores-wrong");
    let before = fs::read_to_string(site.join(CUM_3)).unwrap();
    let e = Editor::open_at(&site);
    let preview = |cells: Vec<Value>| {
        let r = e.post_json(PREVIEW, &json!({ "path": CUM_3, "cells": cells }));
        assert_eq!(r.status, 200, "{}", r.text());
        json_of(&r)
    };
    let unchanged = preview(vec![]);
    assert_eq!(
        unchanged["text"],
        before.as_str(),
        "nothing typed, nothing changed"
    );
    assert_eq!(dot1_order(&unchanged)[1].0, "tl-cd-vp-ubnd");

    // Off the 0,5 step and above the maximum of 10, in line 11 of the file.
    let wrong = preview(vec![
        cell("tl-cd-so-tu-phap", "I.1", "18,3"),
        cell("tl-cd-so-tu-phap", "I.2", "12"),
    ]);
    let diags = wrong["diagnostics"].as_array().unwrap();
    let at = |criterion: &str| {
        diags
            .iter()
            .find(|d| d["cell"]["criterion"] == criterion)
            .unwrap_or_else(|| panic!("no diagnostic at {criterion}: {diags:?}"))
    };
    let step = at("I.1");
    assert_eq!(step["severity"], "error");
    assert_eq!(step["message"], "điểm 18,3 không theo bước chấm 0,5");
    assert_eq!(
        (step["path"].as_str(), step["line"].as_u64()),
        (Some(CUM_3), Some(11))
    );
    assert_eq!(step["cell"]["sheet"], "tl-cd-so-tu-phap");
    let max = at("I.2");
    assert!(
        max["message"]
            .as_str()
            .unwrap()
            .contains("nằm ngoài khoảng 0 – 10"),
        "{max}"
    );
    assert_eq!(wrong["ignored"].as_array().unwrap().len(), 2);
    // The rest is still ranked; the unit with the wrong cells waits, unranked.
    let order = dot1_order(&wrong);
    assert_eq!(order[0].0, "tl-cd-so-tu-phap");
    let ubnd = order.iter().find(|(u, ..)| u == "tl-cd-vp-ubnd").unwrap();
    assert_eq!((ubnd.1.as_str(), ubnd.2), ("partial", None));

    // Fixed, and high in both assessors' sheets: the unit moves to first.
    let mut high = Vec::new();
    for sheet in ["tl-cd-so-tu-phap", "tl-cd-thanh-tra"] {
        high.extend([
            cell(sheet, "I.1", "20"),
            cell(sheet, "I.2", "9.5"),
            cell(sheet, "II.3", "55"),
        ]);
    }
    let fixed = preview(high);
    assert_eq!(fixed["ignored"], json!([]), "{}", fixed["diagnostics"]);
    assert_eq!(
        dot1_order(&fixed)[0],
        ("tl-cd-vp-ubnd".into(), "ranked".into(), Some(1))
    );
    // Written in place, with the file's comma; its comments kept.
    let text = fixed["text"].as_str().unwrap();
    assert!(
        text.contains("tl-cd-so-tu-phap: { I.1: 20, I.2: \"9,5\", II.1: 5, II.2: { actual: \"0,8\" }, II.3: 55 }"),
        "{text}"
    );
    assert!(text.contains("# gửi báo cáo 6 tháng chậm (sơ kết 10/7/2024)"));
    assert_eq!(fixed["rewritten"], false);
    // A new sheet cannot be written in place: the page is told.
    let added = preview(vec![cell("tl-cd-so-noi-vu", "I.1", "18")]);
    assert_eq!(added["rewritten"], true);
    assert_eq!(text.lines().count(), before.lines().count());
    // A preview writes nothing.
    assert_eq!(fs::read_to_string(site.join(CUM_3)).unwrap(), before);
}

#[test]
fn a_preview_is_refused_for_a_path_that_is_not_a_scores_file_or_a_missing_cluster_year() {
    let site = example_copy("editor-scores-refused");
    let e = Editor::open_at(&site);
    for path in [
        "data/units.yaml",
        "data/scores/2024/../../site.yaml",
        "data/scores/24/cdvc-cum-3.yaml",
        "content/news/2024/ky-ket-cum-1.md",
    ] {
        let r = e.post_json(PREVIEW, &json!({ "path": path, "cells": [] }));
        assert_eq!(r.status, 400, "{path}");
        assert_eq!(
            error_of(&r),
            format!("{path} không phải tệp điểm; tệp điểm nằm ở data/scores/<năm>/<mã cụm>.yaml")
        );
    }
    let r = e.post_json(
        PREVIEW,
        &json!({ "path": "data/scores/2031/cdvc-cum-3.yaml" }),
    );
    assert_eq!(r.status, 404);
    assert!(
        error_of(&r).starts_with("Chưa có cụm cdvc-cum-3 năm 2031"),
        "{}",
        error_of(&r)
    );
    // A file that does not read as YAML cannot be edited as a grid.
    fs::write(
        site.join(CUM_3),
        "cluster: cdvc-cum-3\nyear: 2024\nphases: [\n",
    )
    .unwrap();
    let r = e.post_json(PREVIEW, &json!({ "path": CUM_3 }));
    assert_eq!(r.status, 409);
    assert!(error_of(&r).contains("bangtin check"), "{}", error_of(&r));
}

#[test]
fn the_grid_has_the_templates_sheets_and_the_files_values() {
    let site = example_copy("editor-scores-grid");
    let e = Editor::open_at(&site);
    let r = e.get(&format!("/_bangtin/api/scores/grid?path={CUM_3}"));
    assert_eq!(r.status, 200, "{}", r.text());
    let g = json_of(&r);
    let bytes = fs::read(site.join(CUM_3)).unwrap();
    assert_eq!(g["version"], blake3::hash(&bytes).to_hex().to_string());
    let ids: Vec<&str> = g["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["dot1", "dot2"]);
    let dot1 = &g["phases"][0];
    let keys: Vec<&str> = dot1["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    // The panel the file names, after the self sheet; the items last.
    assert_eq!(keys.first(), Some(&"self"));
    assert_eq!(keys.last(), Some(&"items"));
    assert!(
        keys.contains(&"tl-cd-so-tu-phap") && keys.contains(&"tl-cd-thanh-tra"),
        "{keys:?}"
    );
    let leaf = dot1["sheets"][0]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "I.1")
        .unwrap();
    assert_eq!(leaf["kind"], "leaf");
    assert_eq!(leaf["max"], "20");
    assert_eq!(leaf["rule_text"], "bước 0,5");
    assert_eq!(
        dot1["units"]["tl-cd-vp-ubnd"]["sheets"]["self"]["I.1"],
        "18,5"
    );
    assert_eq!(
        dot1["units"]["tl-cd-vp-ubnd"]["sheets"]["self"]["II.2"],
        "0,8"
    );
    assert_eq!(dot1["units"]["tl-cd-vp-ubnd"]["bonus"][0]["item"], "B2");
    assert_eq!(g["preview"]["ignored"], json!([]));
}

#[test]
fn saving_writes_only_the_changed_value_and_refuses_a_file_changed_since() {
    let site = example_copy("editor-scores-save");
    let before = fs::read_to_string(site.join(CUM_3)).unwrap();
    let e = Editor::open_at(&site);
    let g = json_of(&e.get(&format!("/_bangtin/api/scores/grid?path={CUM_3}")));
    let body = json!({ "path": CUM_3, "version": g["version"],
                       "cells": [cell("tl-cd-so-tu-phap", "I.1", "18.5")] });
    let r = e.post_json("/_bangtin/api/scores", &body);
    assert_eq!(r.status, 200, "{}", r.text());
    let expected = before.replacen(
        "tl-cd-so-tu-phap: { I.1: 18, I.2: 9,",
        "tl-cd-so-tu-phap: { I.1: \"18,5\", I.2: 9,",
        1,
    );
    assert_ne!(expected, before);
    assert_eq!(fs::read_to_string(site.join(CUM_3)).unwrap(), expected);
    let saved = json_of(&r);
    assert_ne!(saved["version"], g["version"]);
    // The same request again names the old version: refused, nothing written.
    let r = e.post_json("/_bangtin/api/scores", &body);
    assert_eq!(r.status, 409);
    assert!(error_of(&r).contains(CUM_3), "{}", error_of(&r));
    assert_eq!(json_of(&r)["disk"]["version"], saved["version"]);
    assert_eq!(fs::read_to_string(site.join(CUM_3)).unwrap(), expected);
}

#[test]
fn a_cluster_year_without_scores_gets_a_new_file_in_the_formats_layout() {
    let site = example_copy("editor-scores-new");
    let path = "data/scores/2024/cdvc-cum-1.yaml";
    let e = Editor::open_at(&site);
    let g = json_of(&e.get(&format!("/_bangtin/api/scores/grid?path={path}")));
    assert_eq!(g["version"], Value::Null);
    let phase = &g["phases"][0];
    assert_eq!(phase["id"], "ca-nam");
    let keys: Vec<&str> = phase["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    // A panel scheme with no panel named yet: the organiser assesses.
    assert_eq!(keys, ["self", "tl-cdvc-tinh", "items"]);
    assert_eq!(phase["sheets"][0]["members"].as_array().unwrap().len(), 7);
    let cells = json!([
        { "phase": "ca-nam", "unit": "tl-cd-so-y-te", "sheet": "self", "criterion": "I.1", "value": "19,5" },
        { "phase": "ca-nam", "unit": "tl-cd-so-y-te", "sheet": "tl-cdvc-tinh", "criterion": "II.2", "value": "0.9" },
    ]);
    let r = e.post_json(
        "/_bangtin/api/scores",
        &json!({ "path": path, "version": null, "cells": cells }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        fs::read_to_string(site.join(path)).unwrap(),
        "cluster: cdvc-cum-1\nyear: 2024\ndecimal_separator: \",\"\nphases:\n  ca-nam:\n    tl-cd-so-y-te:\n      self: { I.1: \"19,5\" }\n      assessed:\n        tl-cdvc-tinh: { II.2: { actual: \"0,9\" } }\n"
    );
}

#[test]
fn the_list_names_every_cluster_year_with_a_scheme_newest_first() {
    let site = example_copy("editor-scores-list");
    let e = Editor::open_at(&site);
    let r = e.get("/_bangtin/api/scores/list");
    assert_eq!(r.status, 200, "{}", r.text());
    let list = json_of(&r)["cluster_years"].as_array().unwrap().clone();
    let got: Vec<(i64, &str, bool)> = list
        .iter()
        .map(|c| {
            (
                c["year"].as_i64().unwrap(),
                c["path"].as_str().unwrap(),
                c["exists"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(got[0].0, 2024);
    assert!(
        got.contains(&(2024, "data/scores/2024/cdvc-cum-1.yaml", false)),
        "{got:?}"
    );
    assert!(got.contains(&(2024, CUM_3, true)), "{got:?}");
    assert!(got.iter().any(|c| c.0 == 2023));
    // The 2025 cluster-years have no scheme: nothing to score.
    assert!(!got.iter().any(|c| c.0 == 2025), "{got:?}");
}
