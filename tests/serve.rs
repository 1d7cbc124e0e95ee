//! `bangtin serve`: incremental rebuilds equal full builds byte for byte, and
//! the server over real HTTP: pages, types, redirects, 404, traversal,
//! conditional requests, concurrency, live-reload events, the error overlay
//! and its clearing, editors' saves, deletions and renames. Waits poll with
//! a deadline; nothing asserts on a sleep.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use bangtin::build::{self, BuildOptions};
use bangtin::serve::files::{Entry, SiteFiles};
use bangtin::serve::{Built, Changes, ServeOptions, Server, Session, Touched};
use common::http::Response;
use common::sample::{
    DATA_FILES, article, clustered, sample_site, sample_site_with_data, tiny_jpeg,
};
use common::{SiteTest, render};

const LOCAL: &str = "http://127.0.0.1:1111/";
const DEADLINE: Duration = Duration::from_secs(10);

fn full_build(t: &SiteTest) -> BTreeMap<String, Vec<u8>> {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = BuildOptions::new(t.site());
    opts.output_dir = Some(tmp.path().join("out"));
    opts.base_url = Some(LOCAL.into());
    if let Err(ds) = build::run(&opts) {
        panic!("full build failed:\n{}", render(&ds));
    }
    let out = tmp.path().join("out");
    common::files_under(&out)
        .into_iter()
        .filter(|f| f != ".bangtin-output")
        .map(|f| {
            let bytes = fs::read(out.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

fn served(files: &SiteFiles) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(p, e)| {
            let bytes = match e {
                Entry::Memory { bytes, .. } => bytes.to_vec(),
                Entry::Disk { path, .. } => fs::read(path).unwrap(),
            };
            (p.clone(), bytes)
        })
        .collect()
}

fn session(t: &SiteTest) -> Session {
    let mut opts = BuildOptions::new(t.site());
    opts.base_url = Some(LOCAL.into());
    opts.write = false;
    Session::new(opts)
}

fn changes(paths: &[&str]) -> Changes {
    let mut touched = Touched::default();
    for p in paths {
        touched.add((*p).to_string());
    }
    Changes {
        paths: touched,
        everything: false,
    }
}

/// Rebuilds after `paths` changed and compares every byte with a full build;
/// returns how many routes were rendered.
fn assert_same_as_full(s: &mut Session, t: &SiteTest, paths: &[&str]) -> usize {
    same_as_full(s, t, paths).rendered
}

/// [`assert_same_as_full`], returning the whole rebuild.
fn same_as_full(s: &mut Session, t: &SiteTest, paths: &[&str]) -> Built {
    let built = match s.rebuild(&changes(paths)) {
        Ok(b) => b,
        Err(ds) => panic!("incremental build failed:\n{}", render(&ds)),
    };
    let mine = served(&built.files);
    let full = full_build(t);
    let mine_keys: Vec<&String> = mine.keys().collect();
    let full_keys: Vec<&String> = full.keys().collect();
    assert_eq!(mine_keys, full_keys, "after {paths:?}");
    for (p, bytes) in &full {
        assert!(
            mine[p] == *bytes,
            "{p} differs after {paths:?}:\n--- incremental\n{}\n--- full\n{}",
            String::from_utf8_lossy(&mine[p]),
            String::from_utf8_lossy(bytes)
        );
    }
    built
}

#[test]
fn incremental_rebuilds_equal_full_builds_through_a_sequence_of_edits() {
    let t = sample_site_with_data();
    let mut s = session(&t);
    let first = s.rebuild(&Changes {
        everything: true,
        ..Changes::default()
    });
    assert!(first.is_ok());
    let total = assert_same_as_full(&mut s, &t, &[]);
    assert_eq!(total, 0, "nothing changed, nothing rendered");

    // A body edit renders the article and the lists that show it, not all.
    t.write(
        "content/news/2023/bai-04.md",
        &article("Bài 4", "2023-03-04", "Giao ước", "Đoạn mở đầu mới."),
    );
    let b = same_as_full(&mut s, &t, &["content/news/2023/bai-04.md"]);
    assert!(b.fast, "a body edit takes the fast path");
    assert!(
        (1..12).contains(&b.rendered),
        "{} routes for a body edit",
        b.rendered
    );
    // The same file saved again unchanged, and a standalone page's body.
    assert!(same_as_full(&mut s, &t, &["content/news/2023/bai-04.md"]).fast);
    t.write(
        "content/pages/gioi-thieu.md",
        "---\ntitle: Giới thiệu\n---\nVề chúng tôi, **mới**.\n",
    );
    assert!(same_as_full(&mut s, &t, &["content/pages/gioi-thieu.md"]).fast);

    // The body of the article about the cluster-year and unit: its card on
    // the cluster, cluster-year and unit pages and the cluster's feed.
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm 1 ký kết", "Lễ ký kết giao ước thi đua năm 2024."),
    );
    let b = same_as_full(&mut s, &t, &["content/news/2024/ky-ket.md"]);
    assert!(b.fast, "a body edit takes the fast path");
    assert!(
        b.changed
            .iter()
            .any(|p| p.starts_with("cum-thi-dua/cum-1/2024/"))
            && b.changed.iter().any(|p| p.starts_with("don-vi/cd-a/")),
        "{:?}",
        b.changed
    );
    // …and its title, which every list showing it changes.
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm thi đua số 1 ký kết giao ước", "Lễ ký kết."),
    );
    assert!(!same_as_full(&mut s, &t, &["content/news/2024/ky-ket.md"]).fast);
    // A body with a broken link is not for the fast path: the full
    // rebuild reports it.
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered(
            "Cụm thi đua số 1 ký kết giao ước",
            "Xem [bài](khong-co.md).",
        ),
    );
    assert!(
        s.rebuild(&changes(&["content/news/2024/ky-ket.md"]))
            .is_err()
    );
    t.write(
        "content/news/2024/ky-ket.md",
        &clustered("Cụm thi đua số 1 ký kết giao ước", "Lễ ký kết."),
    );
    assert!(!same_as_full(&mut s, &t, &["content/news/2024/ky-ket.md"]).fast);

    // A data edit: the cluster's name is on its pages and the article's.
    let cluster = DATA_FILES[2]
        .1
        .replace("Cụm thi đua số 1", "Cụm thi đua khối Văn xã");
    t.write("data/clusters/2024/cum-1.yaml", &cluster);
    assert_same_as_full(&mut s, &t, &["data/clusters/2024/cum-1.yaml"]);

    // Title of the newest article: home, feed, lists.
    t.write(
        "content/news/2024/bai-21.md",
        &article("Bài hai mươi mốt", "2024-03-21", "", "Nội dung."),
    );
    let b = same_as_full(&mut s, &t, &["content/news/2024/bai-21.md"]);
    assert!(!b.fast, "a title edit changes lists: not the fast path");

    // A new tag `dương` sorts before `đường` and takes its slug: the pages
    // of every article tagged `đường` change although their files did not.
    t.write(
        "content/news/2024/bai-20.md",
        &article("Bài 20", "2024-03-20", "dương", "Nội dung."),
    );
    assert_same_as_full(&mut s, &t, &["content/news/2024/bai-20.md"]);

    // A new newest article shifts every list page.
    t.write(
        "content/news/2024/bai-moi.md",
        &article("Bài mới", "2024-12-01", "Thi đua", "Mới."),
    );
    assert_same_as_full(&mut s, &t, &["content/news/2024/bai-moi.md"]);

    // Renaming an article that another links to changes the linking page.
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
            "Xem [bài 7](bai-bay.md) và [bài 15](../2024/bai-15.md).",
        ),
    );
    assert_same_as_full(
        &mut s,
        &t,
        &[
            "content/news/2023/bai-07.md",
            "content/news/2023/bai-bay.md",
            "content/news/2023/bai-05.md",
        ],
    );
    // …and giving the linked article another slug (its address changes)
    // re-renders the page that links to it, although that file is untouched.
    t.write(
        "content/news/2024/bai-15.md",
        "---\ntitle: Bài 15\ndate: 2024-03-15\nslug: bai-muoi-lam\n---\nx\n",
    );
    assert_same_as_full(&mut s, &t, &["content/news/2024/bai-15.md"]);

    // Deleting an article.
    fs::remove_file(t.site().join("content/news/2023/bai-02.md")).unwrap();
    assert_same_as_full(&mut s, &t, &["content/news/2023/bai-02.md"]);

    // A template override used through an include.
    let card = include_str!("../themes/default/templates/partials/card.html");
    t.write(
        "templates/partials/card.html",
        &format!("<!-- thẻ -->{card}"),
    );
    assert_same_as_full(&mut s, &t, &["templates/partials/card.html"]);
    fs::remove_file(t.site().join("templates/partials/card.html")).unwrap();
    assert_same_as_full(&mut s, &t, &["templates/partials/card.html"]);

    // Static files, a standalone page's title (the menu), the home intro.
    t.write("static/style.css", "body { color: navy; }\n");
    t.write("static/moi.txt", "mới");
    assert_same_as_full(&mut s, &t, &["static/style.css", "static/moi.txt"]);
    t.write(
        "content/pages/gioi-thieu.md",
        "---\ntitle: Về chúng tôi\n---\nVề chúng tôi.\n",
    );
    assert_same_as_full(&mut s, &t, &["content/pages/gioi-thieu.md"]);
    fs::remove_file(t.site().join("content/_index.md")).unwrap();
    assert_same_as_full(&mut s, &t, &["content/_index.md"]);

    // A broken save fails; edits made meanwhile are not lost.
    t.write("content/news/2024/bai-12.md", "---\ntitle: [hỏng\n---\nx\n");
    assert!(
        s.rebuild(&changes(&["content/news/2024/bai-12.md"]))
            .is_err()
    );
    t.write(
        "content/news/2024/bai-13.md",
        &article("Bài 13 sửa khi đang lỗi", "2024-03-13", "", "x"),
    );
    assert!(
        s.rebuild(&changes(&["content/news/2024/bai-13.md"]))
            .is_err()
    );
    t.write(
        "content/news/2024/bai-12.md",
        &article("Bài 12", "2024-03-12", "", "Đã sửa."),
    );
    assert_same_as_full(&mut s, &t, &["content/news/2024/bai-12.md"]);

    // Bundle files come and go; the folder is renamed (reported alone).
    fs::write(
        t.site().join("content/news/2024/co-anh/anh-2.jpg"),
        tiny_jpeg(2),
    )
    .unwrap();
    assert_same_as_full(&mut s, &t, &["content/news/2024/co-anh/anh-2.jpg"]);
    fs::rename(
        t.site().join("content/news/2024/co-anh"),
        t.site().join("content/news/2024/co-anh-moi"),
    )
    .unwrap();
    assert_same_as_full(
        &mut s,
        &t,
        &["content/news/2024/co-anh", "content/news/2024/co-anh-moi"],
    );

    // A draft, then site.yaml.
    t.write(
        "content/news/2024/bai-14.md",
        "---\ntitle: Nháp\ndate: 2024-03-14\ndraft: true\n---\nx\n",
    );
    assert_same_as_full(&mut s, &t, &["content/news/2024/bai-14.md"]);
    t.write(
        "site.yaml",
        "title: Thi đua thử\nbase_url: https://thidua.example.vn/\npaginate: 4\n",
    );
    assert_same_as_full(&mut s, &t, &["site.yaml"]);
}

#[test]
fn a_template_edit_renders_only_the_pages_that_use_it() {
    let t = sample_site();
    let mut s = session(&t);
    s.rebuild(&changes(&[])).unwrap();
    let article = include_str!("../themes/default/templates/article.html");
    t.write("templates/article.html", &format!("{article}\n"));
    let n = assert_same_as_full(&mut s, &t, &["templates/article.html"]);
    assert_eq!(n, 22, "one render per article");
    let base = include_str!("../themes/default/templates/base.html");
    t.write("templates/base.html", &format!("{base}\n"));
    let total = full_build(&t)
        .keys()
        .filter(|k| k.ends_with(".html"))
        .count();
    let n = assert_same_as_full(&mut s, &t, &["templates/base.html"]);
    assert!(n >= total - 10, "base.html is under almost every page: {n}");
}

// ---------------------------------------------------------------- HTTP --

/// One request on its own connection, target sent as is.
fn request(addr: SocketAddr, method: &str, target: &str, headers: &[(&str, &str)]) -> Response {
    common::http::send(addr, method, target, headers, b"")
}

fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target, &[])
}

fn wait_for(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn start(t: &SiteTest) -> Server {
    let mut opts = ServeOptions::new(t.site());
    opts.port = 0;
    Server::start(&opts).unwrap_or_else(|d| panic!("{}", d.render()))
}

/// The `data:` lines of an event stream, as they arrive.
fn events(server: &Server) -> Receiver<String> {
    let before = server.streams();
    let mut s = TcpStream::connect(server.addr()).unwrap();
    s.write_all(b"GET /__bangtin/events HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { return };
            if let Some(data) = line.strip_prefix("data: ")
                && tx.send(data.to_string()).is_err()
            {
                return;
            }
        }
    });
    wait_for("the event stream", || server.streams() > before);
    rx
}

fn next_event(rx: &Receiver<String>) -> String {
    rx.recv_timeout(DEADLINE).expect("an event")
}

#[test]
fn pages_types_folders_redirects_and_the_404_page() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    assert_eq!(server.url(), format!("http://{a}/"));

    let home = get(a, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = home.text();
    assert!(html.contains("Chào mừng"));
    assert!(html.contains("/__bangtin/live.js"), "live script injected");
    assert_eq!(
        home.header("content-length"),
        Some(home.body.len().to_string().as_str())
    );
    // base_url is the local address.
    assert!(html.contains(&format!("href=\"http://{a}/\"")), "{html}");

    for (path, mime) in [
        ("/img/anh.webp", "image/webp"),
        ("/img/logo.svg", "image/svg+xml"),
        ("/data/ket-qua.json", "application/json"),
        ("/data/ket-qua.csv", "text/csv; charset=utf-8"),
        ("/feed.xml", "application/xml; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        // Photos are published resized (never upscaled: 16 px wide).
        ("/tin-tuc/2024/co-anh/anh-16.jpg", "image/jpeg"),
        ("/tin-tuc/2024/co-anh/anh-16.webp", "image/webp"),
    ] {
        let r = get(a, path);
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some(mime)),
            "{path}"
        );
    }
    assert!(
        get(a, "/tin-tuc/2024/co-anh/anh-16.jpg")
            .body
            .starts_with(&[0xFF, 0xD8])
    );

    let folder = get(a, "/tin-tuc/2023/bai-01/");
    assert!(folder.text().contains("Bài 1"));
    let moved = get(a, "/tin-tuc/2023/bai-01?x=1");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/tin-tuc/2023/bai-01/?x=1"));

    let missing = get(a, "/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<html"), "the site's own 404 page");
    assert!(missing.text().contains("/__bangtin/live.js"));

    let head = request(a, "HEAD", "/", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length"), home.header("content-length"));
    assert_eq!(request(a, "POST", "/", &[]).status, 405);
    server.stop();
}

#[test]
fn conditional_requests_answer_304_until_the_file_changes() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    for path in ["/tin-tuc/2023/bai-01/", "/style.css"] {
        let r = get(a, path);
        let etag = r.header("etag").unwrap().to_string();
        let since = r.header("last-modified").unwrap().to_string();
        let again = request(a, "GET", path, &[("If-None-Match", &etag)]);
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        let again = request(a, "GET", path, &[("If-Modified-Since", &since)]);
        assert_eq!(again.status, 304, "{path}");
        let other = request(a, "GET", path, &[("If-None-Match", "\"nope\"")]);
        assert_eq!(other.status, 200);
    }
    let etag = get(a, "/tin-tuc/2023/bai-01/")
        .header("etag")
        .unwrap()
        .to_string();
    t.write(
        "content/news/2023/bai-01.md",
        &article("Bài 1 đã sửa", "2023-03-01", "", "x"),
    );
    wait_for("the edit", || {
        request(
            a,
            "GET",
            "/tin-tuc/2023/bai-01/",
            &[("If-None-Match", &etag)],
        )
        .status
            == 200
    });
    server.stop();
}

#[test]
fn nothing_outside_the_site_is_served() {
    let t = sample_site();
    let outside = t.site().parent().unwrap().join("bi-mat.txt");
    fs::write(&outside, "mật khẩu").unwrap();
    let server = start(&t);
    let a = server.addr();
    for target in [
        "/../bi-mat.txt",
        "/%2e%2e/bi-mat.txt",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/tin-tuc/..%2f..%2f..%2fbi-mat.txt",
        "/..%5cbi-mat.txt",
        "/site.yaml",
        "/content/news/2023/bai-01.md",
        "/static/style.css",
        "//etc/passwd",
        "/%00",
    ] {
        let r = get(a, target);
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
        assert!(
            !r.text().contains("mật khẩu") && !r.text().contains("root:"),
            "{target}"
        );
    }
    // A symbolic link out of the site is refused by the build, not served.
    #[cfg(unix)]
    {
        let rx = events(&server);
        std::os::unix::fs::symlink(&outside, t.site().join("static/bi-mat.txt")).unwrap();
        let e = next_event(&rx);
        assert!(
            e.contains("\"kind\":\"error\"") && e.contains("static/bi-mat.txt"),
            "{e}"
        );
        assert_eq!(get(a, "/bi-mat.txt").status, 404);
    }
    server.stop();
}

#[test]
fn broken_or_oversized_requests_are_refused_and_serving_goes_on() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    let send = |bytes: &[u8]| common::http::send_bytes(a, bytes).status;
    assert_eq!(send(b"GARBAGE\r\n\r\n"), 400);
    assert_eq!(send(b"GET / HTTP/1.1\r\nHost x\r\n\r\n"), 400);
    let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20 * 1024));
    assert_eq!(send(huge.as_bytes()), 431);
    // The body of a request that is not the editor's is read and ignored.
    let post = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc";
    assert_eq!(send(post), 405);
    // Keep-alive after a refused request on another connection: all fine.
    assert_eq!(get(a, "/").status, 200);
    server.stop();
}

#[test]
fn many_browser_connections_at_once() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    let expected = get(a, "/tin-tuc/").body;
    let threads: Vec<_> = (0..24)
        .map(|_| {
            let expected = expected.clone();
            std::thread::spawn(move || {
                // Keep-alive: several requests on one connection.
                let mut s = TcpStream::connect(a).unwrap();
                s.set_read_timeout(Some(DEADLINE)).unwrap();
                let mut reader = BufReader::new(s.try_clone().unwrap());
                for _ in 0..5 {
                    s.write_all(b"GET /tin-tuc/ HTTP/1.1\r\nHost: x\r\n\r\n")
                        .unwrap();
                    let mut head = Vec::new();
                    loop {
                        let mut line = String::new();
                        reader.read_line(&mut line).unwrap();
                        if line == "\r\n" {
                            break;
                        }
                        head.push(line);
                    }
                    let len: usize = head
                        .iter()
                        .find_map(|l| l.strip_prefix("Content-Length: "))
                        .unwrap()
                        .trim()
                        .parse()
                        .unwrap();
                    let mut body = vec![0; len];
                    reader.read_exact(&mut body).unwrap();
                    assert!(head[0].starts_with("HTTP/1.1 200"));
                    assert_eq!(body, expected);
                }
            })
        })
        .collect();
    for th in threads {
        th.join().unwrap();
    }
    server.stop();
}

#[test]
fn a_save_reloads_the_page_and_a_css_edit_only_swaps_styles() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    let rx = events(&server);

    t.write(
        "content/news/2023/bai-03.md",
        &article("Bài 3", "2023-03-03", "Thi đua, đường", "Câu mới viết."),
    );
    let e = next_event(&rx);
    assert!(e.contains("\"kind\":\"reload\""), "{e}");
    assert!(e.contains("\"/tin-tuc/2023/bai-03/\""), "{e}");
    assert!(!e.contains("\"/tin-tuc/2023/bai-04/\""), "{e}");
    // The event is sent after the swap: the page is already new.
    assert!(
        get(a, "/tin-tuc/2023/bai-03/")
            .text()
            .contains("Câu mới viết")
    );

    t.write("static/style.css", "body { color: red; }\n");
    let e = next_event(&rx);
    assert_eq!(e, r#"{"kind":"reload","paths":["/style.css"],"all":false}"#);
    assert_eq!(get(a, "/style.css").text(), "body { color: red; }\n");
    server.stop();
}

#[test]
fn a_broken_save_shows_the_overlay_keeps_the_last_good_page_and_the_fix_clears_it() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    let rx = events(&server);

    t.write(
        "content/news/2023/bai-06.md",
        "---\ntitle: Bài 6\ndate: 14/3/2024\n---\nx\n",
    );
    let e = next_event(&rx);
    assert!(e.contains("\"kind\":\"error\""), "{e}");
    assert!(
        e.contains("\"location\":\"content/news/2023/bai-06.md:3:7\""),
        "{e}"
    );
    assert!(
        e.contains("Trang chưa dựng lại được"),
        "Vietnamese overlay: {e}"
    );
    // The last good page stays served.
    let page = get(a, "/tin-tuc/2023/bai-06/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Nội dung bài 6."));
    // A browser opened now hears about the error at once.
    let late = events(&server);
    assert!(next_event(&late).contains("\"kind\":\"error\""));

    t.write(
        "content/news/2023/bai-06.md",
        &article("Bài 6", "2023-03-06", "", "Đã sửa ngày."),
    );
    let e = next_event(&rx);
    assert_eq!(e, r#"{"kind":"reload","paths":[],"all":true}"#);
    assert!(
        get(a, "/tin-tuc/2023/bai-06/")
            .text()
            .contains("Đã sửa ngày.")
    );
    server.stop();
}

#[test]
fn a_site_that_never_built_still_shows_its_errors_in_the_browser() {
    let t = SiteTest::new().file("content/news/a.md", "---\ntitle: A\n---\nx\n");
    let server = start(&t);
    let a = server.addr();
    let page = get(a, "/");
    assert_eq!(page.status, 404);
    assert!(page.text().contains("/__bangtin/live.js"));
    let rx = events(&server);
    let e = next_event(&rx);
    assert!(e.contains("content/news/a.md"), "{e}");
    t.write("content/news/a.md", &article("A", "2024-01-01", "", "x"));
    assert!(next_event(&rx).contains("\"all\":true"));
    assert_eq!(get(a, "/").status, 200);
    server.stop();
}

#[test]
fn editor_saves_bulk_copies_deletions_and_renames_end_in_a_correct_site() {
    let t = sample_site();
    let server = start(&t);
    let a = server.addr();
    let site = t.site();

    // Write a temporary file, then rename it over the real one.
    let tmp = site.join("content/news/2023/.bai-08.md.tmp");
    fs::write(
        &tmp,
        article("Bài 8 lưu kiểu trình soạn", "2023-03-08", "", "x"),
    )
    .unwrap();
    fs::rename(&tmp, site.join("content/news/2023/bai-08.md")).unwrap();
    wait_for("the renamed save", || {
        get(a, "/tin-tuc/2023/bai-08/")
            .text()
            .contains("lưu kiểu trình soạn")
    });

    // A folder with 40 photos and its article copied in at once.
    let dir = site.join("content/news/2024/anh-hoi-nghi");
    fs::create_dir_all(&dir).unwrap();
    for i in 0..40 {
        fs::write(dir.join(format!("anh-{i:02}.jpg")), tiny_jpeg(i)).unwrap();
    }
    fs::write(
        dir.join("index.md"),
        article("Ảnh hội nghị", "2024-05-05", "", "![a](anh-39.jpg)"),
    )
    .unwrap();
    wait_for("the copied folder", || {
        get(a, "/tin-tuc/2024/anh-hoi-nghi/anh-39-16.jpg").status == 200
    });
    assert_eq!(
        get(a, "/tin-tuc/2024/anh-hoi-nghi/anh-00-16.webp").status,
        200
    );

    // Deleted and renamed articles disappear from their old address.
    fs::remove_file(site.join("content/news/2023/bai-09.md")).unwrap();
    fs::rename(
        site.join("content/news/2023/bai-10.md"),
        site.join("content/news/2023/bai-muoi.md"),
    )
    .unwrap();
    wait_for("the deletion and the rename", || {
        get(a, "/tin-tuc/2023/bai-09/").status == 404
            && get(a, "/tin-tuc/2023/bai-10/").status == 404
            && get(a, "/tin-tuc/2023/bai-muoi/").status == 200
    });
    assert!(!get(a, "/tin-tuc/2023/").text().contains("Bài 9<"));

    // After it all, the served site is what a full build makes.
    let served_index = get(a, "/tin-tuc/").text();
    let full = full_build_at(&t, server.url());
    let full_index = String::from_utf8(full["tin-tuc/index.html"].clone()).unwrap();
    assert_eq!(strip_live(&served_index), full_index);
    server.stop();
}

fn full_build_at(t: &SiteTest, url: &str) -> BTreeMap<String, Vec<u8>> {
    let tmp = tempfile::tempdir().unwrap();
    let mut opts = BuildOptions::new(t.site());
    opts.output_dir = Some(tmp.path().join("out"));
    opts.base_url = Some(url.into());
    build::run(&opts).unwrap_or_else(|ds| panic!("{}", render(&ds)));
    let out = tmp.path().join("out");
    common::files_under(&out)
        .into_iter()
        .map(|f| {
            let b = fs::read(out.join(&f)).unwrap();
            (f, b)
        })
        .collect()
}

fn strip_live(html: &str) -> String {
    let start = html.find("<script src=\"/__bangtin/live.js\"").unwrap();
    let end = start + html[start..].find("</script>").unwrap() + "</script>".len();
    format!("{}{}", &html[..start], &html[end..])
}

#[test]
fn the_live_script_is_served() {
    let t = sample_site();
    let server = start(&t);
    let r = get(server.addr(), "/__bangtin/live.js");
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(r.text().contains("EventSource"));
    server.stop();
}

/// The binary stops on Ctrl-C, says so and exits with success.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    use std::process::{Command, Stdio};
    let t = sample_site();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bangtin"))
        .args(["serve", "--port", "0", "--site"])
        .arg(t.site())
        .env_remove("BANGTIN_LANG")
        .env_remove("LANG")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut url = String::new();
    for _ in 0..5 {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        if let Some(i) = line.find("http://") {
            url = line[i..].split_whitespace().next().unwrap().to_string();
            break;
        }
    }
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_eq!(get(addr, "/").status, 200);
    let _ = events_raw(addr);
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let start = Instant::now();
    let code = loop {
        if let Some(code) = child.try_wait().unwrap() {
            break code;
        }
        assert!(start.elapsed() < DEADLINE, "serve did not stop");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(code.success(), "{code:?}");
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("Đã dừng máy chủ"), "{rest}");
    assert!(TcpStream::connect(addr).is_err(), "the port is released");
    // Nothing was written into the site.
    assert!(!t.site().join("output").exists());
}

/// An open event stream, as a browser tab holds one.
#[cfg(unix)]
fn events_raw(addr: SocketAddr) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /__bangtin/events HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    s
}
