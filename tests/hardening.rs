//! Gaps closed in the build pipeline: errors that hid or misled other
//! errors, pages in sub-folders, drafts in a `--drafts` build.

mod common;

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
