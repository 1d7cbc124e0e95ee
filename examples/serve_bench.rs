//! Benchmark of `bangtin serve` (not a test): generates a site of N
//! articles (default 10 000) in a temporary folder, starts the server, then
//! measures the time from saving a file to the changed page being served:
//! an article edit, and an edit of `templates/article.html` (used by every
//! article). The clock starts just before the file is written and stops
//! when an HTTP GET of the page returns the new text; the GET polls every
//! millisecond, so the figure includes the watcher's debounce, the rebuild
//! and the serving.
//!
//!     cargo run --release --example serve_bench [-- ARTICLES [ROUNDS]]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use bangtin::serve::{ServeOptions, Server};

const TAGS: &[&str] = &[
    "Thi đua",
    "Giao ước",
    "Khen thưởng",
    "Hội nghị",
    "Sơ kết",
    "Tổng kết",
    "Đoàn viên",
    "Công đoàn",
    "Đường lối",
    "Dương tính",
    "Ảnh",
    "Văn hóa",
    "Thể thao",
    "Chuyển đổi số",
];

fn main() {
    let mut args = std::env::args().skip(1);
    let articles: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(15);
    let tmp = tempfile::tempdir().expect("temp dir");
    let site = tmp.path().join("site");
    let started = Instant::now();
    generate(&site, articles);
    eprintln!("generated {articles} articles in {:?}", started.elapsed());

    let mut opts = ServeOptions::new(&site);
    opts.port = 0;
    let started = Instant::now();
    let server = Server::start(&opts).unwrap_or_else(|d| panic!("{}", d.render()));
    eprintln!("first build and start: {:?}", started.elapsed());
    let addr = server.addr();

    let mid = articles / 2;
    let year = year_of(mid, articles);
    let article = site.join(format!("content/news/{year}/bai-{mid:05}.md"));
    let page = format!("/tin-tuc/{year}/bai-{mid:05}/");
    let mut times = Vec::new();
    for i in 0..rounds {
        let marker = format!("Sửa lần {i}");
        let text = article_text(mid, articles, &format!("{marker}. Nội dung mới của bài."));
        times.push(save_and_wait(addr, &page, &marker, || {
            std::fs::write(&article, &text).expect("write article");
        }));
    }
    report("article edit → page served", &mut times);

    let template = site.join("templates/article.html");
    let base = include_str!("../themes/default/templates/article.html");
    let mut times = Vec::new();
    for i in 0..rounds.min(8) {
        let marker = format!("<!-- mẫu {i} -->");
        let text = base.replace(
            "{% block content %}",
            &format!("{{% block content %}}{marker}"),
        );
        // The last article is the one checked: it is rendered like the others.
        times.push(save_and_wait(
            addr,
            "/tin-tuc/2015/bai-00001/",
            &marker,
            || {
                std::fs::write(&template, &text).expect("write template");
            },
        ));
    }
    report("article.html edit → pages served", &mut times);
    server.stop();
}

fn save_and_wait(addr: SocketAddr, path: &str, marker: &str, save: impl FnOnce()) -> Duration {
    let start = Instant::now();
    save();
    loop {
        if get(addr, path).contains(marker) {
            return start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(60), "never served");
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what}: n={} min {:.1} ms, median {:.1} ms, max {:.1} ms",
        times.len(),
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

fn get(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

fn year_of(i: usize, n: usize) -> usize {
    2015 + (i - 1) * 10 / n
}

fn article_text(i: usize, n: usize, first: &str) -> String {
    let year = year_of(i, n);
    let month = i % 12 + 1;
    let day = i % 28 + 1;
    let tags: Vec<&str> = (0..3).map(|k| TAGS[(i * 7 + k * 5) % TAGS.len()]).collect();
    let para = "Chiều ngày 14/3, tại Hội trường Văn phòng UBND tỉnh, Cụm thi đua số 3 tổ chức Hội nghị ký kết giao ước thi đua với sự tham dự của đại diện lãnh đạo các đơn vị thành viên.";
    format!(
        "---\ntitle: \"Bài viết số {i}\"\ndate: {year}-{month:02}-{day:02}T{h:02}:{m:02}:00+07:00\ntags: [{}]\n---\n{first}\n\n## Nội dung chính\n\n{para} {para}\n\n- Một\n- Hai\n\n{para}\n",
        tags.join(", "),
        h = i % 24,
        m = i % 60,
    )
}

fn generate(site: &std::path::Path, n: usize) {
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(
        site.join("site.yaml"),
        "title: Thi đua\nbase_url: https://thidua.example.vn/\npaginate: 10\n",
    )
    .unwrap();
    std::fs::write(
        site.join("templates/article.html"),
        include_str!("../themes/default/templates/article.html"),
    )
    .unwrap();
    for i in 1..=n {
        let year = year_of(i, n);
        let dir = site.join(format!("content/news/{year}"));
        std::fs::create_dir_all(&dir).unwrap();
        let text = article_text(i, n, &format!("Mở đầu bài {i}."));
        std::fs::write(dir.join(format!("bai-{i:05}.md")), text).unwrap();
    }
}
