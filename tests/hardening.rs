//! Gaps closed in the build pipeline: errors that hid or misled other
//! errors, pages in sub-folders, drafts in a `--drafts` build.

mod common;
mod data_fixture;

use common::{SiteTest, render};

fn file(d: &bangtin::diag::Diagnostic) -> String {
    d.file.clone().unwrap_or_default().display().to_string()
}

#[test]
fn a_link_to_an_article_with_errors_is_not_reported_as_broken() {
    let t = SiteTest::new()
        .file(
            "content/news/2023/tong-ket.md",
            "---\ntitle: Tổng kết\ndate: 15/12/2023\n---\nx\n",
        )
        .article(
            "content/news/2024/a.md",
            "A",
            "2024-01-01",
            "Xem [năm trước](../2023/tong-ket.md).",
        );
    let errs = t.errors();
    assert_eq!(errs.len(), 1, "{}", render(&errs));
    let d = &errs[0];
    assert!(d.message.contains("15/12/2023"), "{}", render(&errs));
    assert_eq!(
        (file(d).as_str(), d.line),
        ("content/news/2023/tong-ket.md", 3)
    );
}

#[test]
fn unknown_keys_do_not_hide_the_other_front_matter_errors() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ntag: [x]\ndate: 14/3/2024\nslug: Sai Slug\nauthr: B\n---\nx\n",
    );
    let errs = t.errors();
    assert_eq!(errs.len(), 4, "{}", render(&errs));
    let at = |needle: &str| {
        let d = common::find(&errs, needle);
        assert_eq!(file(d), "content/news/a.md");
        (d.line, d.column)
    };
    assert_eq!(at("`tag`"), (3, 1));
    assert_eq!(at("14/3/2024"), (4, 7));
    assert_eq!(at("Sai Slug"), (5, 7));
    assert_eq!(at("`authr`"), (6, 1));
    let tag = common::find(&errs, "`tag`");
    assert!(tag.hint.as_deref().unwrap().contains("`tags`"));
}

#[test]
fn an_unknown_key_in_a_data_file_does_not_hide_its_other_errors() {
    use data_fixture::*;
    let t = DataSite::new()
        .edit(
            CLUSTER,
            "scheme: cdvc-2024\n",
            "scheme: cdvc-2042\ntarget: [x]\n",
        )
        .edit(CLUSTER, "id: cum-1", "id: cum-01");
    let d = t.error("`target`");
    t.assert_at(&d, CLUSTER, "target");
    assert!(hint(&d).contains("`targets`"), "{}", d.render());
    let d = t.error("`cdvc-2042`");
    t.assert_at(&d, CLUSTER, "cdvc-2042");
    let d = t.error("`cum-01`");
    t.assert_at(&d, CLUSTER, "cum-01");
}

#[test]
fn a_page_in_a_sub_folder_keeps_the_folder_in_its_address() {
    let t = SiteTest::new()
        .file("content/pages/Nhóm/lich.md", "---\ntitle: Lịch\n---\nx\n")
        .file(
            "content/pages/nhom/van-ban/index.md",
            "---\ntitle: Văn bản\n---\nx\n",
        )
        .file("content/pages/nhom/van-ban/quy-che.pdf", "%PDF")
        .article(
            "content/news/a.md",
            "A",
            "2024-01-01",
            "[lịch](../pages/Nhóm/lich.md)",
        );
    t.built();
    assert!(t.exists("nhom/lich/index.html"));
    assert!(t.exists("nhom/van-ban/index.html"));
    assert!(t.exists("nhom/van-ban/quy-che.pdf"));
    assert!(!t.exists("lich/index.html"));
    assert!(
        t.read("tin-tuc/2024/a/index.html")
            .contains("href=\"/nhom/lich/\"")
    );
}

#[test]
fn a_page_folder_must_give_an_address_and_may_not_be_reserved() {
    let t = SiteTest::new()
        .file("content/pages/???/a.md", "---\ntitle: A\n---\nx\n")
        .file("content/pages/tin-tuc/b.md", "---\ntitle: B\n---\nx\n");
    let errs = t.errors();
    assert_eq!(errs.len(), 2, "{}", render(&errs));
    let d = common::find(&errs, "`???`");
    assert_eq!(file(d), "content/pages/???/a.md");
    let d = common::find(&errs, "/tin-tuc/b/");
    assert_eq!(file(d), "content/pages/tin-tuc/b.md");
}

#[test]
fn drafts_built_with_drafts_are_marked_and_kept_out_of_feed_and_sitemap() {
    let t = SiteTest::new()
        .file(
            "content/news/nhap.md",
            "---\ntitle: Bản thảo\ndate: 2024-02-01\ndraft: true\n---\nx\n",
        )
        .file(
            "content/pages/sap-ra-mat.md",
            "---\ntitle: Sắp ra mắt\ndraft: true\n---\nx\n",
        )
        .article("content/news/a.md", "Đã đăng", "2024-01-01", "x");
    t.build_with(|o| o.drafts = true).unwrap();
    let robots = "<meta name=\"robots\" content=\"noindex\">";
    let draft = t.read("tin-tuc/2024/nhap/index.html");
    assert!(draft.contains(robots), "{draft}");
    assert!(draft.contains("Bản nháp"), "{draft}");
    assert!(t.read("sap-ra-mat/index.html").contains(robots));
    let published = t.read("tin-tuc/2024/a/index.html");
    assert!(!published.contains(robots));
    assert!(!published.contains("Bản nháp"));
    let list = t.read("tin-tuc/index.html");
    assert_eq!(list.matches("Bản nháp").count(), 1, "{list}");
    let feed = t.read("feed.xml");
    assert!(
        feed.contains("Đã đăng") && !feed.contains("Bản thảo"),
        "{feed}"
    );
    let sitemap = t.read("sitemap.xml");
    assert!(sitemap.contains("/tin-tuc/2024/a/"), "{sitemap}");
    assert!(
        !sitemap.contains("nhap") && !sitemap.contains("sap-ra-mat"),
        "{sitemap}"
    );
}

#[test]
fn a_tag_written_without_a_list_is_told_in_plain_words() {
    let t = SiteTest::new().file(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\ntags: giao ước\n---\nx\n",
    );
    let errs = t.errors();
    assert_eq!(errs.len(), 1, "{}", render(&errs));
    let d = &errs[0];
    assert_eq!(d.message, "ở đây cần một danh sách");
    assert_eq!(
        (file(d).as_str(), d.line, d.column),
        ("content/news/a.md", 4, 7)
    );
    assert!(d.hint.as_deref().unwrap().contains("`[a]`"));
}

fn english_summary(t: &SiteTest, args: &[&str]) -> (String, String) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_bangtin"))
        .args(args)
        .arg("--site")
        .arg(t.site())
        .env("BANGTIN_LANG", "en")
        .output()
        .expect("run bangtin");
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn english_summaries_say_one_error_and_two_errors() {
    let t = SiteTest::new().file("content/news/a.md", "---\ntitle: A\n---\nx\n");
    let (_, stderr) = english_summary(&t, &["check"]);
    assert!(
        stderr.contains("Check found 1 error, 0 warnings\n"),
        "{stderr}"
    );
    t.write("content/news/b.md", "---\ntitle: B\n---\nx\n");
    let (_, stderr) = english_summary(&t, &["check"]);
    assert!(
        stderr.contains("Check found 2 errors, 0 warnings\n"),
        "{stderr}"
    );
    t.write(
        "content/news/a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\nx\n",
    );
    t.write(
        "content/news/b.md",
        "---\ntitle: B\ndate: 2024-01-02\n---\nx\n",
    );
    t.write("content/news/1.jpg", "x");
    let (stdout, stderr) = english_summary(&t, &["check"]);
    assert!(stdout.contains("pages, 1 warning\n"), "{stdout}{stderr}");
}
