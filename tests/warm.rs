//! Warm builds: a build that finds the site as the last build left it
//! writes nothing and says so; after any edit, or any change to the output
//! or the options, the output equals a cold build (no cache, fresh output
//! folder) byte for byte. The edits are those `tests/serve.rs` covers.

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use bangtin::build::{self, BuildOptions, BuildReport};
use common::sample::{DATA_FILES, article, clustered, sample_site_with_data, tiny_jpeg};
use common::{SiteTest, render};

/// Longer than the window in which a just-modified file is not trusted to
/// show its next modification in its stamp (`build::warm`).
const SETTLE: Duration = Duration::from_millis(120);

fn warm(t: &SiteTest, opts: impl FnOnce(&mut BuildOptions)) -> BuildReport {
    match t.build_with(opts) {
        Ok(r) => r,
        Err(ds) => panic!("warm build failed:\n{}", render(&ds)),
    }
}

/// Builds a copy of the site without its caches into a fresh folder.
fn cold(t: &SiteTest, opts: impl FnOnce(&mut BuildOptions)) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    common::copy_tree(&t.site(), &site);
    let mut o = BuildOptions::new(&site);
    o.output_dir = Some(tmp.path().join("out"));
    opts(&mut o);
    if let Err(ds) = build::run(&o) {
        panic!("cold build failed:\n{}", render(&ds));
    }
    tmp
}

/// Every file of two outputs, compared byte for byte.
fn assert_same_output(warm: &Path, cold: &Path, after: &str) {
    let files = common::files_under(warm);
    assert_eq!(files, common::files_under(cold), "file lists after {after}");
    for f in files {
        let (a, b) = (
            fs::read(warm.join(&f)).unwrap(),
            fs::read(cold.join(&f)).unwrap(),
        );
        assert!(
            a == b,
            "{f} differs after {after}:\n--- warm\n{}\n--- cold\n{}",
            String::from_utf8_lossy(&a),
            String::from_utf8_lossy(&b)
        );
    }
}

/// A warm build after `after` equals a cold one; then, once the edit has
/// settled, a second warm build finds nothing to do and changes nothing.
fn check(t: &SiteTest, after: &str) {
    check_with(t, after, |_| {}, |_| {});
}

fn check_with(
    t: &SiteTest,
    after: &str,
    opts: impl Fn(&mut BuildOptions) + Copy,
    cold_opts: impl Fn(&mut BuildOptions) + Copy,
) {
    warm(t, opts);
    let reference = cold(t, |o| {
        opts(o);
        cold_opts(o);
    });
    assert_same_output(&t.out(), &reference.path().join("out"), after);
    std::thread::sleep(SETTLE);
    warm(t, opts);
    let again = warm(t, opts);
    assert!(again.unchanged, "nothing changed after {after}: no work");
    assert_eq!(again.written.written, 0);
    assert_same_output(&t.out(), &reference.path().join("out"), after);
}

#[test]
fn an_unchanged_site_is_left_alone_and_reported_as_before() {
    // Its photo has no caption: a warning.
    let t = sample_site_with_data();
    let first = warm(&t, |_| {});
    assert!(!first.unchanged);
    assert_eq!(first.warnings.len(), 1, "{}", render(&first.warnings));
    std::thread::sleep(SETTLE);
    warm(&t, |_| {});
    let index = t.out().join("index.html");
    let before = fs::metadata(&index).unwrap().modified().unwrap();
    let again = warm(&t, |_| {});
    assert!(again.unchanged);
    assert_eq!(
        (again.pages, again.images, again.written.written),
        (first.pages, first.images, 0)
    );
    assert!(again.written.unchanged > first.pages);
    // The last build's warnings are reported again, and still fail a run
    // that denies them.
    assert_eq!(again.warnings, first.warnings);
    let denied = t.build_with(|o| o.deny_warnings = true).unwrap_err();
    assert!(denied.iter().any(|d| d.message.contains("chú thích")));
    assert!(denied.iter().any(|d| d.is_error()));
    assert_eq!(fs::metadata(&index).unwrap().modified().unwrap(), before);
}

#[test]
fn warm_builds_equal_cold_builds_through_a_sequence_of_edits() {
    let t = sample_site_with_data();
    check(&t, "the first build");

    t.write(
        "content/news/2023/bai-04.md",
        &article("Bài 4", "2023-03-04", "Giao ước", "Đoạn mở đầu mới."),
    );
    check(&t, "a body edit");
    // The same length, so only the file's times tell the edit.
    t.write(
        "content/news/2023/bai-04.md",
        &article("Bài 4", "2023-03-04", "Giao ước", "Đoạn mở đầu cũ."),
    );
    check(&t, "a body edit of the same size");
    t.write(
        "content/pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nVề chúng tôi, **mới**.\n",
    );
    check(&t, "a page's body");
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm thi đua số 1 ký kết giao ước", "Lễ ký kết."),
    );
    check(&t, "the title of an article about a cluster-year");

    // A broken save fails and leaves the output; the fix builds.
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm 1", "Xem [bài](khong-co.md)."),
    );
    assert!(t.build().is_err());
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm 1", "Lễ ký kết."),
    );
    check(&t, "a broken save, fixed");

    let cluster = DATA_FILES[2]
        .1
        .replace("Cụm thi đua số 1", "Cụm thi đua khối Văn xã");
    t.write("data/clusters/2024/cum-1.yaml", &cluster);
    check(&t, "a data edit");
    t.write(
        "content/news/2024/bai-20.md",
        &article("Bài 20", "2024-03-20", "dương", "Nội dung."),
    );
    check(&t, "a new tag");
    t.write(
        "content/news/2024/bai-moi.md",
        &article("Bài mới", "2024-12-01", "Thi đua", "Mới."),
    );
    check(&t, "a new newest article");

    fs::rename(
        t.site().join("content/news/2023/bai-07.md"),
        t.site().join("content/news/2023/bai-bay.md"),
    )
    .unwrap();
    t.write(
        "content/news/2023/bai-05.md",
        &article(
            "Bài 5",
            "2023-03-05",
            "Giao ước",
            "Xem [bài 7](bai-bay.md).",
        ),
    );
    check(&t, "a renamed article and the link to it");
    t.write(
        "content/news/2024/bai-15.md",
        "---\ntitle: Bài 15\ndate: 2024-03-15\nslug: bai-muoi-lam\n---\nx\n",
    );
    check(&t, "a new slug");
    fs::remove_file(t.site().join("content/news/2023/bai-02.md")).unwrap();
    check(&t, "a deleted article");

    let card = include_str!("../themes/default/templates/partials/card.html");
    t.write(
        "templates/partials/card.html",
        &format!("<!-- thẻ -->{card}"),
    );
    check(&t, "a template override");
    fs::remove_file(t.site().join("templates/partials/card.html")).unwrap();
    check(&t, "a template override removed");

    t.write("static/style.css", "body { color: navy; }\n");
    t.write("static/moi.txt", "mới");
    check(&t, "static files");
    fs::remove_file(t.site().join("content/_index.md")).unwrap();
    check(&t, "the home intro removed");

    t.write_bytes("content/news/2024/co-anh/anh-2.jpg", &tiny_jpeg(2));
    check(&t, "a new photo in a bundle");
    t.write_bytes("content/news/2024/co-anh/anh.jpg", &tiny_jpeg(3));
    check(&t, "a photo replaced");
    fs::rename(
        t.site().join("content/news/2024/co-anh"),
        t.site().join("content/news/2024/co-anh-moi"),
    )
    .unwrap();
    check(&t, "a bundle folder renamed");

    t.write(
        "content/news/2024/bai-14.md",
        "---\ntitle: Nháp\ndate: 2024-03-14\ndraft: true\n---\nx\n",
    );
    check(&t, "a draft");
    check_with(&t, "--drafts", |o| o.drafts = true, |_| {});
    check_with(
        &t,
        "--base-url",
        |o| o.base_url = Some("https://khac.example.vn/thi-dua/".into()),
        |_| {},
    );
    t.write(
        "site.yaml",
        "title: Thi đua thử\nbase_url: https://thidua.example.vn/\npaginate: 4\n",
    );
    check(&t, "site.yaml");
}

#[test]
fn a_changed_output_is_built_again() {
    let t = sample_site_with_data();
    check(&t, "the first build");
    fs::remove_file(t.out().join("index.html")).unwrap();
    check(&t, "a page deleted from the output");
    fs::write(t.out().join("la.html"), "không phải của bangtin").unwrap();
    check(&t, "a file added to the output");
    let page = t.out().join("gioi-thieu/index.html");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, text.replace("Giới thiệu", "Giới thiệu!")).unwrap();
    check(&t, "a page edited in the output");
    fs::remove_dir_all(t.site().join(".bangtin-cache")).unwrap();
    check(&t, "the cache removed");
}

#[test]
fn the_editors_trash_is_not_an_input() {
    // `serve`'s editor moves removed photos into `.bangtin-trash/`; putting
    // files there, or emptying it, changes nothing the site shows.
    let t = sample_site_with_data();
    check(&t, "the first build");
    let trashed = t
        .site()
        .join(".bangtin-trash/2026-12-07T09-40-00/content/news/a.jpg");
    fs::create_dir_all(trashed.parent().unwrap()).unwrap();
    fs::write(&trashed, tiny_jpeg(90)).unwrap();
    std::thread::sleep(SETTLE);
    let after_trash = warm(&t, |_| {});
    assert!(after_trash.unchanged, "a file put into the trash: no work");
    fs::remove_dir_all(t.site().join(".bangtin-trash")).unwrap();
    std::thread::sleep(SETTLE);
    let emptied = warm(&t, |_| {});
    assert!(emptied.unchanged, "the trash emptied: no work");
    assert_eq!(emptied.written.written, 0);
}
