//! Units and cluster-years in the local editor (issue 23) over real HTTP:
//! add a unit, rename one with a date, record a merge; start a cluster-year
//! from last year's, reorder its members and change roles. Each writes a few
//! lines and keeps every other byte; a change the checks refuse writes
//! nothing.

mod common;

use std::fs;

use common::editor::{Editor, error_of, json_of};
use common::example_copy;
use serde_json::json;

const UNITS: &str = "data/units.yaml";

#[test]
fn a_new_unit_is_appended_with_an_id_from_its_name_and_is_listed() {
    let site = example_copy("editor-units-add");
    let before = fs::read_to_string(site.join(UNITS)).unwrap();
    let e = Editor::open_at(&site);
    let body = json!({ "name": "Công đoàn Trung tâm Lưu trữ lịch sử tỉnh", "short": "CĐ Lưu trữ & Thư viện",
                       "kind": "union_base", "from": "2025-01-01" });
    let r = e.post_json("/_bangtin/api/units/add", &body);
    assert_eq!(r.status, 200, "{}", r.text());
    let id = "cong-doan-trung-tam-luu-tru-lich-su-tinh";
    assert_eq!(json_of(&r)["id"], id);
    let expected = format!(
        "{before}  - id: {id}\n    kind: union_base\n    names:\n      - {{ full: Công đoàn Trung tâm Lưu trữ lịch sử tỉnh, short: \"CĐ Lưu trữ & Thư viện\", from: 2025-01-01 }}\n    valid: {{ from: 2025-01-01 }}\n"
    );
    assert_eq!(fs::read_to_string(site.join(UNITS)).unwrap(), expected);
    let listed = json_of(&e.get("/_bangtin/api/units"));
    let unit = listed["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == id)
        .unwrap_or_else(|| panic!("{id} not listed"));
    assert_eq!(unit["name"], "Công đoàn Trung tâm Lưu trữ lịch sử tỉnh");
    assert!(
        unit["key"]
            .as_str()
            .unwrap()
            .contains("cong doan trung tam luu tru")
    );
    // The same name again is the same unit to the checks: refused, with
    // the check's words, at the new unit; nothing written.
    let r = e.post_json("/_bangtin/api/units/add", &body);
    assert_eq!(r.status, 400, "{}", r.text());
    let diags = json_of(&r)["diagnostics"].as_array().unwrap().clone();
    assert!(
        diags.iter().any(|d| d["unit"] == format!("{id}-2")
            && d["message"]
                .as_str()
                .unwrap()
                .contains("trùng với một tên của đơn vị")),
        "{diags:?}"
    );
    assert_eq!(fs::read_to_string(site.join(UNITS)).unwrap(), expected);
    // A taken id is refused.
    let r = e.post_json(
        "/_bangtin/api/units/add",
        &json!({ "id": "tl-cd-so-tu-phap", "name": "X", "kind": "agency", "from": "2025-01-01" }),
    );
    assert_eq!(r.status, 409);
    assert!(
        error_of(&r).starts_with("Mã tl-cd-so-tu-phap đã có đơn vị khác dùng"),
        "{}",
        error_of(&r)
    );
    for (bad, field) in [
        (
            json!({ "name": " ", "kind": "agency", "from": "2025-01-01" }),
            "name",
        ),
        (
            json!({ "name": "X", "kind": "bo", "from": "2025-01-01" }),
            "kind",
        ),
        (
            json!({ "name": "X", "kind": "agency", "from": "1/1/2025" }),
            "from",
        ),
    ] {
        let r = e.post_json("/_bangtin/api/units/add", &bad);
        assert_eq!(
            (r.status, json_of(&r)["field"].as_str()),
            (400, Some(field)),
            "{bad}"
        );
    }
}

#[test]
fn a_rename_closes_the_old_name_the_day_before_and_the_list_shows_the_new() {
    let site = example_copy("editor-units-rename");
    let before = fs::read_to_string(site.join(UNITS)).unwrap();
    let e = Editor::open_at(&site);
    let r = e.post_json(
        "/_bangtin/api/units/rename",
        &json!({ "id": "tl-cd-so-tu-phap", "name": "Công đoàn Sở Tư pháp tỉnh Thanh Lâm",
                 "short": "CĐ Sở Tư pháp", "from": "2026-01-01" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let expected = before.replacen(
        "      - { full: Công đoàn cơ sở Sở Tư pháp, short: CĐ Sở Tư pháp, from: 2000-01-01 }\n",
        "      - { full: Công đoàn cơ sở Sở Tư pháp, short: CĐ Sở Tư pháp, from: 2000-01-01, until: 2025-12-31 }\n      - { full: Công đoàn Sở Tư pháp tỉnh Thanh Lâm, short: CĐ Sở Tư pháp, from: 2026-01-01 }\n",
        1,
    );
    assert_ne!(expected, before);
    assert_eq!(fs::read_to_string(site.join(UNITS)).unwrap(), expected);
    let unit = json_of(&r)["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == "tl-cd-so-tu-phap")
        .cloned()
        .unwrap();
    assert_eq!(unit["name"], "Công đoàn Sở Tư pháp tỉnh Thanh Lâm");
    assert_eq!(unit["names"][0]["until"], "2025-12-31");
    assert_eq!(
        e.post_json(
            "/_bangtin/api/units/rename",
            &json!({ "id": "tl-khong-co", "name": "X", "from": "2026-01-01" })
        )
        .status,
        404
    );
}

#[test]
fn a_merge_ends_the_unit_the_day_before_and_names_its_successor() {
    let site = example_copy("editor-units-merge");
    let before = fs::read_to_string(site.join(UNITS)).unwrap();
    let e = Editor::open_at(&site);
    let r = e.post_json(
        "/_bangtin/api/units/merge",
        &json!({ "id": "tl-cd-truong-cdsp", "into": "tl-cd-bv-da-khoa", "date": "2026-07-01" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let expected = before.replacen(
        "      - { full: Công đoàn cơ sở Trường Cao đẳng Sư phạm Thanh Lâm, short: CĐ Trường CĐSP, from: 1990-01-01 }\n    valid: { from: 1990-01-01 }\n",
        "      - { full: Công đoàn cơ sở Trường Cao đẳng Sư phạm Thanh Lâm, short: CĐ Trường CĐSP, from: 1990-01-01 }\n    valid: { from: 1990-01-01, until: 2026-06-30 }\n    merged_into: { unit: tl-cd-bv-da-khoa, date: 2026-07-01 }\n",
        1,
    );
    assert_ne!(expected, before);
    assert_eq!(fs::read_to_string(site.join(UNITS)).unwrap(), expected);
    let r = e.post_json(
        "/_bangtin/api/units/merge",
        &json!({ "id": "tl-cd-so-tu-phap", "into": "tl-khong-co", "date": "2026-07-01" }),
    );
    assert_eq!(
        (r.status, json_of(&r)["field"].as_str()),
        (400, Some("into"))
    );
}

#[test]
fn a_change_the_checks_refuse_writes_nothing_and_says_why_at_the_unit() {
    let site = example_copy("editor-units-refused");
    let before = fs::read_to_string(site.join(UNITS)).unwrap();
    let e = Editor::open_at(&site);
    // A new name before the current one began: its `until` would come
    // before its `from`.
    let r = e.post_json(
        "/_bangtin/api/units/rename",
        &json!({ "id": "tl-cd-so-tu-phap", "name": "Tên cũ hơn", "from": "1999-01-01" }),
    );
    assert_eq!(r.status, 400, "{}", r.text());
    let v = json_of(&r);
    assert_eq!(
        v["error"],
        "Thay đổi này làm data/units.yaml có lỗi nên chưa lưu; xem các lỗi bên dưới"
    );
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    assert!(
        diags
            .iter()
            .all(|d| d["unit"] == "tl-cd-so-tu-phap" && d["path"] == UNITS),
        "{diags:?}"
    );
    assert_eq!(fs::read_to_string(site.join(UNITS)).unwrap(), before);
}

#[test]
fn a_new_cluster_year_is_the_file_bangtin_new_cluster_year_writes() {
    let site = example_copy("editor-cluster-year");
    let cli = example_copy("editor-cluster-year-cli");
    let path = "data/clusters/2026/cdvc-cum-1.yaml";
    let run = common::run_bin(
        env!("CARGO_BIN_EXE_bangtin"),
        &["new", "cluster-year", "cdvc-cum-1", "2026"],
        &cli,
        &[],
    );
    assert!(cli.join(path).exists(), "{}", run.stderr);
    let e = Editor::open_at(&site);
    let r = e.post_json(
        "/_bangtin/api/cluster-years/new",
        &json!({ "cluster": "cdvc-cum-1", "year": 2026 }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(json_of(&r)["path"], path);
    assert!(!json_of(&r)["notes"].as_array().unwrap().is_empty());
    assert_eq!(
        fs::read(site.join(path)).unwrap(),
        fs::read(cli.join(path)).unwrap()
    );
    // Never over an existing file; an unknown cluster is named with a hint.
    let r = e.post_json(
        "/_bangtin/api/cluster-years/new",
        &json!({ "cluster": "cdvc-cum-1", "year": 2026 }),
    );
    assert_eq!(r.status, 409);
    assert!(error_of(&r).contains(path), "{}", error_of(&r));
    let r = e.post_json(
        "/_bangtin/api/cluster-years/new",
        &json!({ "cluster": "cdvc-cum-9", "year": 2026 }),
    );
    assert_eq!(r.status, 409);
    assert!(error_of(&r).contains("cdvc-cum-9"), "{}", error_of(&r));
    let r = e.post_json(
        "/_bangtin/api/cluster-years/new",
        &json!({ "cluster": "cdvc-cum-1", "year": "hai" }),
    );
    assert_eq!(
        (r.status, json_of(&r)["field"].as_str()),
        (400, Some("year"))
    );
}

#[test]
fn the_cluster_year_list_is_newest_first_and_names_each_clusters_latest_year() {
    let site = example_copy("editor-cluster-list");
    let e = Editor::open_at(&site);
    let listed = json_of(&e.get("/_bangtin/api/cluster-years"));
    let rows = listed["cluster_years"].as_array().unwrap();
    let files: usize = ["2023", "2024", "2025"]
        .iter()
        .map(|y| {
            fs::read_dir(site.join("data/clusters").join(y))
                .unwrap()
                .count()
        })
        .sum();
    assert_eq!(rows.len(), files, "every cluster-year file is listed");
    let years: Vec<i64> = rows.iter().map(|r| r["year"].as_i64().unwrap()).collect();
    assert!(years.windows(2).all(|w| w[0] >= w[1]), "{years:?}");
    let first = &rows[0];
    assert_eq!(first["year"], 2025);
    let path = first["path"].as_str().unwrap();
    assert!(site.join(path).is_file(), "{path} is the file");
    // One entry per cluster, each with its newest year: where a new year
    // starts from.
    let clusters = listed["clusters"].as_array().unwrap();
    assert_eq!(clusters.len(), 5, "{clusters:?}");
    assert!(clusters.iter().all(|c| c["latest"] == 2025), "{clusters:?}");
    // After a new year is made, the list opens it and the cluster moves on.
    let r = e.post_json(
        "/_bangtin/api/cluster-years/new",
        &json!({ "cluster": "cdvc-cum-2", "year": 2026 }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let listed = json_of(&e.get("/_bangtin/api/cluster-years"));
    assert_eq!(
        listed["cluster_years"][0]["path"],
        "data/clusters/2026/cdvc-cum-2.yaml"
    );
    let moved = listed["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["cluster"] == "cdvc-cum-2")
        .unwrap();
    assert_eq!(moved["latest"], 2026);
}

const CLUSTER: &str = "data/clusters/2024/cdvc-cum-3.yaml";

#[test]
fn members_reordered_with_new_roles_rewrite_only_the_members_key() {
    let site = example_copy("editor-cluster-members");
    let before = fs::read_to_string(site.join(CLUSTER)).unwrap();
    let e = Editor::open_at(&site);
    let r = e.get(&format!("/_bangtin/api/cluster-year?path={CLUSTER}"));
    assert_eq!(r.status, 200, "{}", r.text());
    let form = json_of(&r);
    let mut members = form["members"].as_array().unwrap().clone();
    assert_eq!(members[0]["unit"], "tl-cd-vp-ubnd");
    assert_eq!(members[0]["name"], "Công đoàn cơ sở Văn phòng UBND tỉnh");
    assert_eq!(members[6]["left_reason"], "sáp nhập vào Sở NN&PTNT");
    // the page links to the year's scores when it has a scheme
    assert_eq!(form["scheme"], "cdvc-2024");
    assert!(
        form["units"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["id"] == "tl-cd-so-y-te")
    );
    members.swap(0, 1);
    members[0]["role"] = json!("cum_truong");
    members[1]["role"] = json!("cum_pho");
    let save = |members: &serde_json::Value, version: &serde_json::Value| {
        e.post_json(
            "/_bangtin/api/cluster-year",
            &json!({ "path": CLUSTER, "version": version, "members": members }),
        )
    };
    let r = save(&json!(members), &form["version"]);
    assert_eq!(r.status, 200, "{}", r.text());
    let old_block = "members:\n  - { unit: tl-cd-vp-ubnd, role: cum_truong }\n  - { unit: tl-cd-so-tu-phap, role: cum_pho }\n";
    let new_block = "members:\n  - { unit: tl-cd-so-tu-phap, role: cum_truong }\n  - { unit: tl-cd-vp-ubnd, role: cum_pho }\n";
    let expected = before.replacen(old_block, new_block, 1).replacen(
        "left_reason: sáp nhập vào Sở NN&PTNT }",
        "left_reason: \"sáp nhập vào Sở NN&PTNT\" }",
        1,
    );
    assert_ne!(expected, before);
    assert_eq!(fs::read_to_string(site.join(CLUSTER)).unwrap(), expected);
    // The version opened before the save is stale now.
    let r = save(&json!(members), &form["version"]);
    assert_eq!(r.status, 409);
    // Two leaders: the check's error, nothing written.
    let saved = json_of(&e.get(&format!("/_bangtin/api/cluster-year?path={CLUSTER}")));
    members[1]["role"] = json!("cum_truong");
    let r = save(&json!(members), &saved["version"]);
    assert_eq!(r.status, 400, "{}", r.text());
    let v = json_of(&r);
    assert!(
        error_of(&r).starts_with("Thay đổi này làm data/clusters/2024/cdvc-cum-3.yaml có lỗi"),
        "{v}"
    );
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["path"] == CLUSTER && d["severity"] == "error"),
        "{v}"
    );
    assert_eq!(fs::read_to_string(site.join(CLUSTER)).unwrap(), expected);
    let r = e.get("/_bangtin/api/cluster-year?path=data/clusters/2024/../x.yaml");
    assert_eq!(r.status, 400);
}
