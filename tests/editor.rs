//! The local editor of `bangtin serve` (`/_bangtin/`, issue 22) over real
//! HTTP: who may use it, and every action's effect on the files on disk,
//! byte for byte where a careful person would care (a comment kept, an
//! untouched key as it was).

mod common;

use std::fs;
use std::net::SocketAddr;

use bangtin::serve::{ServeOptions, Server};
use common::SiteTest;
use common::editor::{Editor, encode, error_of, json_of};
use common::http::{send as raw, send_bytes};
use common::sample::{sample_site, tiny_jpeg};
use serde_json::json;

/// A file of the site (not of its output).
fn read(t: &SiteTest, rel: &str) -> String {
    fs::read_to_string(t.site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn exists(t: &SiteTest, rel: &str) -> bool {
    t.site().join(rel).exists()
}

const COMMENTED: &str = "---\n# Bài do phòng Tuyên giáo viết\ntitle: \"Hội nghị cũ\"\ndate: 2024-05-02T08:00:00+07:00\ntags: [Giao ước]   # thẻ chính\nevent: ky_ket\n# summary: để trống\naliases:\n  - /tin-cu/hoi-nghi\n---\nĐoạn đầu.\n";

fn with_commented() -> SiteTest {
    sample_site().file("content/news/2024/hoi-nghi.md", COMMENTED)
}

#[test]
fn without_the_token_cookie_nothing_is_answered() {
    let t = sample_site();
    let e = Editor::open(&t);
    for target in ["/_bangtin/", "/_bangtin/api/docs", "/_bangtin/editor.js"] {
        let r = raw(e.addr(), "GET", target, &[], b"");
        assert_eq!(r.status, 403, "{target}");
        assert!(error_of(&r).contains("token="), "{}", error_of(&r));
    }
    let wrong = raw(e.addr(), "GET", "/_bangtin/?token=0000", &[], b"");
    assert_eq!(wrong.status, 403);
    assert!(wrong.header("Set-Cookie").is_none());
    let forged = raw(
        e.addr(),
        "GET",
        "/_bangtin/api/docs",
        &[("Cookie", &e.cookie), ("Host", "evil.example:1111")],
        b"",
    );
    assert_eq!(forged.status, 403);
    assert!(
        error_of(&forged).contains("127.0.0.1"),
        "{}",
        error_of(&forged)
    );
    // With the cookie, the page and its words are there.
    let page = e.get("/_bangtin/");
    assert_eq!(page.status, 200);
    let html = String::from_utf8(page.body).unwrap();
    assert!(
        html.contains("<html lang=\"vi\">") && html.contains("\"Save\":\"Lưu\""),
        "{html}"
    );
    // Every script and style sheet the page names is served, as what it is.
    let assets: Vec<&str> = html
        .split(['"', '\''])
        .filter(|s| s.starts_with("/_bangtin/") && (s.ends_with(".js") || s.ends_with(".css")))
        .collect();
    assert_eq!(assets.len(), 6, "{assets:?}");
    for asset in assets {
        let r = e.get(asset);
        let kind = if asset.ends_with(".js") {
            "text/javascript"
        } else {
            "text/css"
        };
        assert_eq!(r.status, 200, "{asset}");
        assert!(
            r.header("Content-Type")
                .is_some_and(|t| t.starts_with(kind)),
            "{asset}"
        );
        assert!(r.body.len() > 1000, "{asset} is served whole");
    }
}

#[test]
fn a_change_from_another_origin_or_without_one_is_refused_and_writes_nothing() {
    let t = with_commented();
    let e = Editor::open(&t);
    let doc = e.doc("content/news/2024/hoi-nghi.md");
    let mut edited = doc.clone();
    edited["fields"]["title"] = json!("Bị sửa");
    let body = json!({ "path": doc["path"], "version": doc["version"], "fields": edited["fields"], "body": doc["body"] })
        .to_string();
    for origin in [Some("http://evil.example"), Some("null"), None] {
        let mut headers = vec![("Cookie", e.cookie.as_str())];
        if let Some(o) = origin {
            headers.push(("Origin", o));
        }
        let r = raw(
            e.addr(),
            "POST",
            "/_bangtin/api/doc",
            &headers,
            body.as_bytes(),
        );
        assert_eq!(r.status, 403, "{origin:?}");
    }
    assert_eq!(read(&t, "content/news/2024/hoi-nghi.md"), COMMENTED);
}

#[test]
fn the_editor_is_off_when_serving_beyond_this_computer() {
    let t = sample_site();
    let mut opts = ServeOptions::new(t.site());
    opts.port = 0;
    opts.bind = Some("0.0.0.0".parse().unwrap());
    let server = Server::start(&opts).unwrap();
    assert_eq!(server.editor_url(), None);
    let addr = SocketAddr::new("127.0.0.1".parse().unwrap(), server.addr().port());
    let r = raw(addr, "GET", "/_bangtin/", &[], b"");
    assert_eq!(r.status, 404);
    server.stop();
}

#[test]
fn saving_rewrites_only_what_changed_and_keeps_comments_and_other_keys() {
    let t = with_commented();
    let e = Editor::open(&t);
    let mut doc = e.doc("content/news/2024/hoi-nghi.md");
    assert_eq!(doc["fields"]["title"], "Hội nghị cũ");
    assert_eq!(doc["fields"]["date"], "2024-05-02T08:00");
    doc["fields"]["title"] = json!("Hội nghị ký kết: năm 2024");
    doc["fields"]["summary"] = json!("Sáng 2/5, các đơn vị ký kết.");
    doc["fields"]["draft"] = json!(true);
    doc["body"] = json!("Đoạn đầu.\n\nĐoạn hai.\n");
    let r = e.save(&doc);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        read(&t, "content/news/2024/hoi-nghi.md"),
        "---\n# Bài do phòng Tuyên giáo viết\ntitle: \"Hội nghị ký kết: năm 2024\"\ndate: 2024-05-02T08:00:00+07:00\ndraft: true\ntags: [Giao ước]   # thẻ chính\nevent: ky_ket\nsummary: Sáng 2/5, các đơn vị ký kết.\naliases:\n  - /tin-cu/hoi-nghi\n---\nĐoạn đầu.\n\nĐoạn hai.\n"
    );
    // Saved again unchanged: not one byte moves.
    let again = json_of(&r);
    let before = read(&t, "content/news/2024/hoi-nghi.md");
    assert_eq!(e.save(&again).status, 200);
    assert_eq!(read(&t, "content/news/2024/hoi-nghi.md"), before);
    // A date picked in the form is written with the site's offset.
    let mut dated = e.doc("content/news/2024/hoi-nghi.md");
    dated["fields"]["date"] = json!("2024-05-03T14:30");
    dated["fields"]["tags"] = json!([]);
    assert_eq!(e.save(&dated).status, 200);
    let text = read(&t, "content/news/2024/hoi-nghi.md");
    assert!(
        text.contains("\ndate: 2024-05-03T14:30:00+07:00\n"),
        "{text}"
    );
    assert!(
        !text.contains("tags:") && !text.contains("thẻ chính"),
        "{text}"
    );
}

#[test]
fn a_file_with_windows_line_ends_keeps_them_on_every_line() {
    let t = sample_site();
    let path = "content/news/2024/windows.md";
    let crlf = "---\r\ntitle: Bài từ Windows\r\ndate: 2024-06-01\r\n# ghi chú\r\n---\r\nDòng một.\r\n\r\nDòng hai.\r\n";
    t.write(path, crlf);
    let e = Editor::open(&t);
    let doc = e.doc(path);
    assert_eq!(e.save(&doc).status, 200);
    assert_eq!(read(&t, path), crlf, "saved unchanged: the same bytes");
    let mut doc = e.doc(path);
    doc["fields"]["title"] = json!("Bài đã sửa");
    doc["body"] = json!("Dòng một.\n\nDòng hai, sửa.\n");
    assert_eq!(e.save(&doc).status, 200);
    let text = read(&t, path);
    assert_eq!(
        text,
        "---\r\ntitle: \"Bài đã sửa\"\r\ndate: 2024-06-01\r\n# ghi chú\r\n---\r\nDòng một.\r\n\r\nDòng hai, sửa.\r\n"
    );
    // Raw text from the page (a textarea sends `\n`) is written the same way.
    let doc = e.doc(path);
    let raw = json!({ "path": path, "version": doc["version"],
                      "text": "---\ntitle: Thô\ndate: 2024-06-01\n---\nx\n" });
    assert_eq!(e.post_json("/_bangtin/api/doc", &raw).status, 200);
    assert_eq!(
        read(&t, path),
        "---\r\ntitle: Thô\r\ndate: 2024-06-01\r\n---\r\nx\r\n"
    );
}

#[test]
fn a_file_changed_on_disk_since_it_was_opened_is_not_overwritten() {
    let t = with_commented();
    let e = Editor::open(&t);
    let mut doc = e.doc("content/news/2024/hoi-nghi.md");
    let theirs = COMMENTED.replace("Đoạn đầu.", "Sửa bằng Notepad.");
    t.write("content/news/2024/hoi-nghi.md", &theirs);
    doc["fields"]["title"] = json!("Của tôi");
    let r = e.save(&doc);
    assert_eq!(r.status, 409);
    assert!(
        error_of(&r).contains("content/news/2024/hoi-nghi.md"),
        "{}",
        error_of(&r)
    );
    let disk = json_of(&r)["disk"].clone();
    assert_eq!(disk["body"], "Sửa bằng Notepad.\n");
    assert_eq!(read(&t, "content/news/2024/hoi-nghi.md"), theirs);
    // She chose to keep hers, knowing the disk's version.
    doc["version"] = disk["version"].clone();
    assert_eq!(e.save(&doc).status, 200);
    assert!(read(&t, "content/news/2024/hoi-nghi.md").contains("title: \"Của tôi\""));
}

#[test]
fn an_empty_title_or_an_unreadable_date_is_refused_at_its_field() {
    let t = with_commented();
    let e = Editor::open(&t);
    let mut doc = e.doc("content/news/2024/hoi-nghi.md");
    doc["fields"]["title"] = json!("  ");
    let r = e.save(&doc);
    assert_eq!(
        (r.status, json_of(&r)["field"].as_str()),
        (400, Some("title"))
    );
    let mut doc = e.doc("content/news/2024/hoi-nghi.md");
    doc["fields"]["date"] = json!("14/3/2024");
    let r = e.save(&doc);
    assert_eq!(
        (r.status, json_of(&r)["field"].as_str()),
        (400, Some("date"))
    );
    assert!(error_of(&r).contains("14/3/2024"), "{}", error_of(&r));
    assert_eq!(read(&t, "content/news/2024/hoi-nghi.md"), COMMENTED);
}

#[test]
fn new_articles_and_pages_are_made_as_bangtin_new_makes_them() {
    let t = sample_site();
    let e = Editor::open(&t);
    let r = e.post_json(
        "/_bangtin/api/new",
        &json!({ "kind": "article", "title": "Hội thao Cụm 2" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let path = json_of(&r)["path"].as_str().unwrap().to_string();
    assert!(
        path.starts_with("content/news/") && path.ends_with("/hoi-thao-cum-2/index.md"),
        "{path}"
    );
    let text = read(&t, &path);
    assert!(
        text.starts_with("---\ntitle: \"Hội thao Cụm 2\"\ndate: ")
            && text.contains("\ndraft: true\n"),
        "{text}"
    );
    assert_eq!(json_of(&r)["fields"]["draft"], true);
    let again = e.post_json(
        "/_bangtin/api/new",
        &json!({ "kind": "article", "title": "Hội thao Cụm 2" }),
    );
    assert_eq!(again.status, 409);
    let page = e.post_json(
        "/_bangtin/api/new",
        &json!({ "kind": "page", "title": "Liên hệ" }),
    );
    assert_eq!(page.status, 200);
    assert_eq!(
        read(&t, "content/pages/lien-he.md"),
        "---\ntitle: \"Liên hệ\"\n---\n"
    );
    let none = e.post_json(
        "/_bangtin/api/new",
        &json!({ "kind": "page", "title": "???" }),
    );
    assert_eq!(none.status, 400);
}

#[test]
fn the_list_is_newest_first_with_folded_titles() {
    let t = sample_site();
    let e = Editor::open(&t);
    let list = json_of(&e.get("/_bangtin/api/docs"));
    let docs = list["docs"].as_array().unwrap();
    assert_eq!(docs[0]["path"], "content/news/2024/co-anh/index.md");
    assert_eq!(docs[0]["key"], "co anh");
    assert_eq!(docs[0]["url"], "/tin-tuc/2024/co-anh/");
    assert_eq!(list["years"], json!([2024, 2023]));
    let kinds: Vec<&str> = docs.iter().map(|d| d["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "page").count(), 1);
    assert_eq!(kinds.last(), Some(&"home"));
    assert_eq!(list["tags"], json!(["Ảnh", "đường", "Giao ước", "Thi đua"]));
}

/// The title the list shows for `path`, if it lists it.
fn listed_title(e: &Editor, path: &str) -> Option<String> {
    let list = json_of(&e.get("/_bangtin/api/docs"));
    list["docs"]
        .as_array()?
        .iter()
        .find(|d| d["path"] == path)
        .map(|d| d["title"].as_str().unwrap_or("(broken)").to_string())
}

#[test]
fn the_kept_list_follows_the_editors_saves_at_once_and_other_programs_edits() {
    let t = sample_site();
    let e = Editor::open(&t);
    let path = "content/news/2023/bai-01.md";
    assert!(listed_title(&e, path).is_some());
    // A save is in the very next list, without waiting for the watcher.
    let mut doc = e.doc(path);
    doc["fields"]["title"] = json!("Tiêu đề mới đặt");
    assert_eq!(e.save(&doc).status, 200);
    assert_eq!(listed_title(&e, path).as_deref(), Some("Tiêu đề mới đặt"));
    // Another program adds, breaks and removes files: the watcher tells.
    t.write(
        "content/news/2024/viet-ngoai.md",
        "---\ntitle: Viết bằng trình soạn thảo khác\ndate: 2024-05-01\n---\nx\n",
    );
    t.write("content/news/2023/bai-02.md", "---\ntitle: [\n---\n");
    fs::remove_file(t.site().join(path)).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let added = listed_title(&e, "content/news/2024/viet-ngoai.md");
        let broken = listed_title(&e, "content/news/2023/bai-02.md");
        let gone = listed_title(&e, path).is_none();
        if added.as_deref() == Some("Viết bằng trình soạn thảo khác")
            && broken.as_deref() == Some("(broken)")
            && gone
        {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{added:?} {broken:?} {gone}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // A file gone from the disk is gone from the editor too.
    assert_eq!(
        e.get(&format!("/_bangtin/api/doc?path={}", encode(path)))
            .status,
        404
    );
}

#[test]
fn photos_land_in_the_article_folder_under_safe_names_and_never_replace_one() {
    let t = sample_site();
    let e = Editor::open(&t);
    let upload = |path: &str, name: &str, bytes: &[u8]| {
        e.post(
            &format!(
                "/_bangtin/api/photo?path={}&name={}",
                encode(path),
                encode(name)
            ),
            bytes,
        )
    };
    // A plain article becomes a bundle at the same address.
    let r = upload(
        "content/news/2023/bai-03.md",
        "Ảnh Hội nghị.JPG",
        &tiny_jpeg(3),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(json_of(&r)["path"], "content/news/2023/bai-03/index.md");
    assert_eq!(json_of(&r)["file"], "anh-hoi-nghi.jpg");
    assert!(!exists(&t, "content/news/2023/bai-03.md"));
    assert_eq!(
        fs::read(t.site().join("content/news/2023/bai-03/anh-hoi-nghi.jpg")).unwrap(),
        tiny_jpeg(3)
    );
    let bundle = "content/news/2023/bai-03/index.md";
    let names = [
        ("Ảnh Hội nghị.jpg", "anh-hoi-nghi-2.jpg"),
        ("../../../evil.jpg", "evil.jpg"),
        ("/etc/passwd.jpg", "passwd.jpg"),
        ("C:\\Users\\x\\bia.jpeg", "bia.jpg"),
        ("A\u{301}nh.jpg", "anh.jpg"),
        ("chỉ-là-png.jpg", "chi-la-png.png"),
    ];
    for (wish, got) in names {
        let bytes = if got.ends_with(".png") {
            png()
        } else {
            tiny_jpeg(4)
        };
        let r = upload(bundle, wish, &bytes);
        assert_eq!(
            (r.status, json_of(&r)["file"].as_str()),
            (200, Some(got)),
            "{wish}"
        );
        assert!(
            exists(&t, &format!("content/news/2023/bai-03/{got}")),
            "{got}"
        );
    }
    assert_eq!(upload(bundle, "a\0b.jpg", &tiny_jpeg(5)).status, 400);
    let text = upload(bundle, "thu.jpg", b"<script>alert(1)</script>");
    assert_eq!(text.status, 400);
    assert!(!error_of(&text).is_empty());
    assert!(!exists(&t, "content/news/2023/bai-03/thu.jpg"));
    let huge = raw(
        e.addr(),
        "POST",
        &format!("/_bangtin/api/photo?path={}&name=x.jpg", encode(bundle)),
        &[
            ("Cookie", &e.cookie),
            ("Origin", &e.origin),
            ("Content-Length", "50000000"),
        ],
        b"",
    );
    assert_eq!(huge.status, 413);
    // A body sent in chunks (no Content-Length) lands like any other.
    let photo = tiny_jpeg(7);
    let mut chunked = format!(
        "POST /_bangtin/api/photo?path={}&name=chunked.jpg HTTP/1.1\r\nHost: {}\r\n\
         Cookie: {}\r\nOrigin: {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        encode(bundle),
        e.addr(),
        e.cookie,
        e.origin
    )
    .into_bytes();
    for part in photo.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let r = send_bytes(e.addr(), &chunked);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        fs::read(t.site().join("content/news/2023/bai-03/chunked.jpg")).unwrap(),
        photo
    );
    // Nothing left the site: no file was written above content/.
    assert!(!t.site().join("evil.jpg").exists() && !t.site().join("content/evil.jpg").exists());
    // The original comes back for the thumbnail; a name not in the bundle does not.
    let thumb = e.get(&format!(
        "/_bangtin/api/photo?path={}&file=anh-hoi-nghi.jpg",
        encode(bundle)
    ));
    assert_eq!((thumb.status, thumb.body), (200, tiny_jpeg(3)));
    let out = e.get(&format!(
        "/_bangtin/api/photo?path={}&file=../../../site.yaml",
        encode(bundle)
    ));
    assert_eq!(out.status, 404);
}

fn png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(4, 3, image::Rgb([10, 200, 30]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn captions_order_and_cover_are_written_and_a_removed_photo_goes_to_the_trash() {
    let t = sample_site();
    t.write_bytes("content/news/2024/co-anh/be.jpg", &tiny_jpeg(7));
    let e = Editor::open(&t);
    let path = "content/news/2024/co-anh/index.md";
    let mut doc = e.doc(path);
    let files: Vec<&str> = doc["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["anh.jpg", "be.jpg"]);
    doc["photos"] = json!([
        { "file": "be.jpg", "caption": "Trao cờ thi đua", "alt": "" },
        { "file": "anh.jpg", "caption": "", "alt": "Toàn cảnh: hội trường" },
    ]);
    doc["cover"] = json!("anh.jpg");
    assert_eq!(e.save(&doc).status, 200);
    assert_eq!(
        read(&t, path),
        "---\ntitle: Có ảnh\ndate: 2024-06-01\ncover: anh.jpg\nphotos:\n  - { file: be.jpg, caption: Trao cờ thi đua }\n  - { file: anh.jpg, alt: \"Toàn cảnh: hội trường\" }\ntags: [Ảnh]\n---\n![Ảnh](anh.jpg)\n"
    );
    let r = e.post_json(
        "/_bangtin/api/photo/remove",
        &json!({ "path": path, "file": "be.jpg" }),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(!exists(&t, "content/news/2024/co-anh/be.jpg"));
    let trash = common::files_under(&t.site().join(".bangtin-trash"));
    assert_eq!(trash.len(), 1);
    assert!(
        trash[0].ends_with("/content/news/2024/co-anh/be.jpg"),
        "{trash:?}"
    );
    assert_eq!(
        read(&t, path),
        "---\ntitle: Có ảnh\ndate: 2024-06-01\ncover: anh.jpg\nphotos:\n  - { file: anh.jpg, alt: \"Toàn cảnh: hội trường\" }\ntags: [Ảnh]\n---\n![Ảnh](anh.jpg)\n"
    );
    let missing = e.post_json(
        "/_bangtin/api/photo/remove",
        &json!({ "path": path, "file": "../../../../site.yaml" }),
    );
    assert_eq!(missing.status, 404);
    assert!(exists(&t, "site.yaml"));
}

#[test]
fn the_preview_renders_unsaved_text_with_the_theme_and_writes_nothing() {
    let t = sample_site();
    let e = Editor::open(&t);
    let path = "content/news/2023/bai-02.md";
    let before = read(&t, path);
    let mut doc = e.doc(path);
    doc["fields"]["title"] = json!("Tiêu đề chưa lưu");
    doc["fields"]["draft"] = json!(true);
    doc["body"] = json!("| Đơn vị | Điểm |\n|---|---|\n| Sở Y tế | 95,5 |\n");
    let r = e.post_json(
        "/_bangtin/api/preview",
        &json!({ "path": path, "version": doc["version"], "fields": doc["fields"], "body": doc["body"] }),
    );
    assert_eq!(r.status, 200);
    let html = json_of(&r)["html"].as_str().unwrap_or_default().to_string();
    assert!(
        html.contains("Tiêu đề chưa lưu") && html.contains("<table"),
        "{html}"
    );
    assert!(html.contains("Bản nháp"), "a draft shows its badge");
    assert_eq!(read(&t, path), before);
    // A page that builds with warnings comes with this file's warnings.
    let photo = "content/news/2024/co-anh/index.md";
    let doc = e.doc(photo);
    let v = json_of(&e.post_json(
        "/_bangtin/api/preview",
        &json!({ "path": photo, "version": doc["version"], "fields": doc["fields"], "body": doc["body"] }),
    ));
    assert!(
        v["html"].as_str().is_some_and(|h| h.contains("anh-")),
        "{v}"
    );
    let warned = v["diagnostics"].as_array().unwrap();
    assert!(
        !warned.is_empty()
            && warned
                .iter()
                .all(|d| d["path"] == photo && d["severity"] == "warning")
            && warned
                .iter()
                .any(|d| d["message"].as_str().unwrap().contains("anh.jpg")),
        "{v}"
    );
    // Text that does not build gives its diagnostics instead.
    let broken = e.post_json(
        "/_bangtin/api/preview",
        &json!({ "path": path, "text": "---\ntitle: [\n---\n" }),
    );
    let v = json_of(&broken);
    assert!(v["html"].is_null());
    let d = &v["diagnostics"][0];
    assert_eq!(d["path"], path);
    assert_eq!(d["line"], 2);
}

#[test]
fn publishing_builds_output_and_a_failed_build_keeps_the_previous_one() {
    let t = sample_site();
    let e = Editor::open(&t);
    // A file written this close before a build is not trusted to show its
    // next change in its stamp (`build::warm`): let the sample settle.
    std::thread::sleep(std::time::Duration::from_millis(120));
    let ok = json_of(&e.post_json("/_bangtin/api/publish", &json!({})));
    assert_eq!(ok["ok"], true, "{ok}");
    let page = t.site().join("output/tin-tuc/2024/co-anh/index.html");
    let built = fs::read(&page).unwrap();
    // Published again with nothing changed: said as `bangtin build` says it.
    let again = json_of(&e.post_json("/_bangtin/api/publish", &json!({})));
    assert_eq!(again["ok"], true);
    assert_ne!(again["summary"], ok["summary"], "{again}");
    t.write(
        "content/news/2024/hong.md",
        "---\ntitle: Hỏng\ndate: 14/3/2024\n---\nx\n",
    );
    let failed = json_of(&e.post_json("/_bangtin/api/publish", &json!({})));
    assert_eq!(failed["ok"], false);
    let d = failed["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "content/news/2024/hong.md")
        .unwrap_or_else(|| panic!("{failed}"));
    assert_eq!(
        (d["line"].as_u64(), d["severity"].as_str()),
        (Some(3), Some("error"))
    );
    assert!(d["hint"].as_str().unwrap().contains("2024-03-14"), "{d}");
    assert_eq!(fs::read(&page).unwrap(), built);
}

#[test]
fn the_home_intro_and_a_page_use_the_same_form_without_the_news_fields() {
    let t = sample_site();
    let e = Editor::open(&t);
    let mut home = e.doc("content/_index.md");
    assert_eq!(home["kind"], "home");
    home["fields"]["title"] = json!("");
    home["body"] = json!("Chào mừng bạn đọc.\n");
    let r = e.save(&home);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        read(&t, "content/_index.md"),
        "---\n---\nChào mừng bạn đọc.\n"
    );
    let mut page = e.doc("content/pages/gioi-thieu.md");
    assert_eq!(page["kind"], "page");
    // A date sent for a page is not a page's key: nothing is written for it.
    page["fields"]["date"] = json!("2024-01-01T00:00");
    page["fields"]["title"] = json!("Giới thiệu chung");
    assert_eq!(e.save(&page).status, 200);
    assert_eq!(
        read(&t, "content/pages/gioi-thieu.md"),
        "---\ntitle: \"Giới thiệu chung\"\n---\nVề chúng tôi.\n"
    );
    page["fields"]["title"] = json!("");
    let r = e.save(&e.doc("content/pages/gioi-thieu.md"));
    assert_eq!(r.status, 200);
    let mut untitled = e.doc("content/pages/gioi-thieu.md");
    untitled["fields"]["title"] = json!("");
    assert_eq!(e.save(&untitled).status, 400);
}
