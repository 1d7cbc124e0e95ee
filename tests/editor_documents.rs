//! A cluster-year's documents and signing in the local editor (issue 23)
//! over real HTTP: a PDF uploaded lands under `static/docs/<year>/<cluster>/`
//! under a safe name, never over another; saved into `documents:` with its
//! number, date and kind, and a signing place, only those lines change; a
//! file that is not a PDF, and a document whose file is gone, are refused
//! with the reason, nothing written.

mod common;

use std::fs;

use common::editor::{Editor, encode, error_of, json_of};
use common::example_copy;
use serde_json::json;

const CLUSTER: &str = "data/clusters/2024/cdvc-cum-3.yaml";
const UPLOAD: &str = "/_bangtin/api/cluster-year/document?path=data/clusters/2024/cdvc-cum-3.yaml";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

#[test]
fn an_uploaded_pdf_gets_a_safe_name_of_its_own_and_a_word_file_is_refused() {
    let site = example_copy("editor-doc-upload");
    let e = Editor::open_at(&site);
    let r = e.post(
        &format!("{UPLOAD}&name={}", encode("Biên bản Ký kết.PDF")),
        PDF,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let made = json_of(&r);
    assert_eq!(made["file"], "docs/2024/cdvc-cum-3/bien-ban-ky-ket.pdf");
    assert_eq!(made["title"], "Biên bản Ký kết");
    let disk = site.join("static/docs/2024/cdvc-cum-3/bien-ban-ky-ket.pdf");
    assert_eq!(fs::read(&disk).unwrap(), PDF);
    // the same name again: a name of its own, the first file kept
    let r = e.post(
        &format!("{UPLOAD}&name={}", encode("Biên bản Ký kết.pdf")),
        b"%PDF-1.7\n%%EOF\n",
    );
    assert_eq!(
        json_of(&r)["file"],
        "docs/2024/cdvc-cum-3/bien-ban-ky-ket-2.pdf"
    );
    assert_eq!(fs::read(&disk).unwrap(), PDF);
    // a Word file is not a PDF, whatever its name says
    let r = e.post(
        &format!("{UPLOAD}&name=ke-hoach.pdf"),
        b"PK\x03\x04 word/document.xml",
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(
        error_of(&r).contains("không phải tệp PDF"),
        "{}",
        error_of(&r)
    );
    assert!(json_of(&r)["hint"].as_str().unwrap().contains("PDF"));
    assert!(
        !site
            .join("static/docs/2024/cdvc-cum-3/ke-hoach.pdf")
            .exists()
    );
    // only a cluster-year's own folder
    let r = e.post(
        "/_bangtin/api/cluster-year/document?path=data/clusters/2024/../x.yaml&name=a.pdf",
        PDF,
    );
    assert_eq!(r.status, 400, "{}", r.text());
}

#[test]
fn a_document_and_a_signing_place_change_only_their_lines() {
    let site = example_copy("editor-doc-save");
    let before = fs::read_to_string(site.join(CLUSTER)).unwrap();
    let e = Editor::open_at(&site);
    let form = json_of(&e.get(&format!("/_bangtin/api/cluster-year?path={CLUSTER}")));
    assert_eq!(form["documents"][0]["number"], "01/KH-CTĐ3");
    assert_eq!(form["signing"]["host"], "tl-cd-vp-ubnd");
    assert!(
        form["document_kinds"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "bieu_cham_diem")
    );
    assert!(
        form["all_units"].as_array().unwrap().len() > form["units"].as_array().unwrap().len(),
        "a host may be any unit"
    );
    let file = json_of(&e.post(&format!("{UPLOAD}&name=bien-ban.pdf"), PDF))["file"].clone();
    let mut documents = form["documents"].as_array().unwrap().clone();
    documents.push(
        json!({ "kind": "bien_ban", "title": "Biên bản hội nghị ký kết, năm 2024",
                           "number": "02/BB-CTĐ3", "date": "2024-03-14", "file": file }),
    );
    let mut signing = form["signing"].clone();
    signing["place"] = json!("Hội trường Văn phòng UBND tỉnh");
    let r = e.post_json(
        "/_bangtin/api/cluster-year",
        &json!({ "path": CLUSTER, "version": form["version"], "documents": documents, "signing": signing }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let expected = before
        .replace(
            "file: docs/2024/cum-3/bieu-cham-diem.pdf }\n",
            "file: docs/2024/cum-3/bieu-cham-diem.pdf }\n  - { kind: bien_ban, title: \"Biên bản hội nghị ký kết, năm 2024\", number: 02/BB-CTĐ3, date: 2024-03-14, file: docs/2024/cdvc-cum-3/bien-ban.pdf }\n",
        )
        .replace(
            "signing: { date: 2024-03-14, host: tl-cd-vp-ubnd }",
            "signing: { date: 2024-03-14, host: tl-cd-vp-ubnd, place: Hội trường Văn phòng UBND tỉnh }",
        );
    assert_ne!(expected, before);
    assert_eq!(fs::read_to_string(site.join(CLUSTER)).unwrap(), expected);
    let saved = json_of(&r);
    assert_eq!(saved["documents"].as_array().unwrap().len(), 3);
    assert!(
        saved["diagnostics"].as_array().unwrap().is_empty(),
        "{saved}"
    );
}

#[test]
fn a_document_whose_file_is_missing_is_refused_at_its_line_and_nothing_is_written() {
    let site = example_copy("editor-doc-missing");
    let before = fs::read_to_string(site.join(CLUSTER)).unwrap();
    let e = Editor::open_at(&site);
    let form = json_of(&e.get(&format!("/_bangtin/api/cluster-year?path={CLUSTER}")));
    let mut documents = form["documents"].as_array().unwrap().clone();
    documents.push(json!({ "title": "Quyết định khen thưởng", "file": "docs/2024/khong-co.pdf" }));
    let r = e.post_json(
        "/_bangtin/api/cluster-year",
        &json!({ "path": CLUSTER, "version": form["version"], "documents": documents }),
    );
    assert_eq!(r.status, 400, "{}", r.text());
    let diags = json_of(&r)["diagnostics"].as_array().unwrap().clone();
    assert!(
        diags
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("khong-co.pdf") && d["line"] == 31),
        "{diags:?}"
    );
    assert_eq!(fs::read_to_string(site.join(CLUSTER)).unwrap(), before);
    // Removing every document and the signing removes both keys.
    let r = e.post_json(
        "/_bangtin/api/cluster-year",
        &json!({ "path": CLUSTER, "version": form["version"], "documents": [], "signing": null }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let after = fs::read_to_string(site.join(CLUSTER)).unwrap();
    assert!(
        !after.contains("documents:") && !after.contains("signing:"),
        "{after}"
    );
    assert_eq!(after.lines().count(), before.lines().count() - 4);
}
