//! Search (issue 18): the folding table shared by the Rust indexer and the
//! browser's `search.js`, the index files a build writes, and the ranking the
//! browser code computes over them (run with Node, as the browser would).

mod common;

use std::path::Path;
use std::process::Command;

use bangtin::search::words::words;
use common::SiteTest;

const TABLE: &str = "tests/search/words.jsonl";

fn table() -> Vec<(String, Vec<String>)> {
    std::fs::read_to_string(TABLE)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let words = v["words"].as_array().unwrap();
            (
                v["in"].as_str().unwrap().to_string(),
                words
                    .iter()
                    .map(|w| w.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn shown(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .map(|w| match w.signature.is_empty() {
            true => w.key,
            false => format!("{}/{}", w.key, w.signature),
        })
        .collect()
}

fn node(args: &[&str]) -> String {
    let out = Command::new("node")
        .args(args)
        .output()
        .expect("node (Debian's nodejs) runs the theme's search.js in these tests");
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rust_words_follow_the_table() {
    for (input, expected) in table() {
        assert_eq!(shown(&input), expected, "input {input:?}");
    }
}

#[test]
fn browser_words_equal_rust_words_on_the_whole_table() {
    let printed = node(&["tests/search/words.cjs", TABLE]);
    let rows = table();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), rows.len());
    for ((input, _), line) in rows.iter().zip(lines) {
        let js: Vec<String> = serde_json::from_str(line).unwrap();
        assert_eq!(js, shown(input), "input {input:?}");
    }
}

/// The first results (kind, title) of each query over the built site.
fn first_results(out: &Path, queries: &[&str]) -> Vec<Vec<(String, String)>> {
    let mut args = vec!["tests/search/query.cjs", out.to_str().unwrap()];
    args.extend(queries);
    node(&args)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| {
                    let s = |k: &str| h[k].as_str().unwrap().to_string();
                    (s("k"), s("t"))
                })
                .collect()
        })
        .collect()
}

fn news_site() -> SiteTest {
    let mut t = SiteTest::new();
    for (i, word) in ["mạ", "mã", "mả", "mà", "má", "ma"].iter().enumerate() {
        t = t.article(
            &format!("content/news/2024/bai-{i}.md"),
            &format!("Chữ {word} trong tiếng Việt"),
            &format!("2024-03-{:02}T08:00:00+07:00", i + 1),
            "Một đoạn văn.",
        );
    }
    t.article(
        "content/news/2024/da-nang.md",
        "Đoàn công tác thăm Đà Nẵng",
        "2024-04-01T08:00:00+07:00",
        "Ủy ban nhân dân thành phố tiếp đoàn.",
    )
    .article(
        "content/news/2024/hoa-binh.md",
        "Công đoàn huyện Hoà Bình ký kết giao ước",
        "2024-04-02T08:00:00+07:00",
        "Lễ ký kết do UBND huyện chủ trì; Công đoàn viên chức tham dự.",
    )
    .article(
        "content/news/2024/thi-dua.md",
        "Phong trào thi đua lao động giỏi",
        "2024-04-03T08:00:00+07:00",
        "Thi đua là yêu nước.",
    )
    .article(
        "content/news/2024/rai-rac.md",
        "Lao động và thi cử",
        "2024-04-04T08:00:00+07:00",
        "Chuyện đua thuyền ở làng.",
    )
}

#[test]
fn a_query_without_tones_finds_every_toned_spelling_and_one_with_tones_prefers_its_own() {
    let t = news_site();
    t.built();
    let got = first_results(&t.out(), &["ma", "má", "mã", "MẢ"]);
    let titles =
        |r: &Vec<(String, String)>| -> Vec<String> { r.iter().map(|(_, t)| t.clone()).collect() };
    // "ma" matches all six (five are shown first, then the query asks for more).
    assert_eq!(got[0].len(), 5);
    assert!(
        got[0]
            .iter()
            .all(|(k, t)| k == "a" && t.starts_with("Chữ m"))
    );
    assert_eq!(titles(&got[1])[0], "Chữ má trong tiếng Việt");
    assert_eq!(titles(&got[2])[0], "Chữ mã trong tiếng Việt");
    assert_eq!(titles(&got[3])[0], "Chữ mả trong tiếng Việt");
}

#[test]
fn d_for_đ_old_tone_placement_abbreviations_and_phrases_match() {
    let t = news_site();
    t.built();
    let got = first_results(
        &t.out(),
        &[
            "da nang",
            "DA NANG",
            "hòa bình",
            "ubnd",
            "uy ban nhan dan",
            "cdvc",
            "thi dua",
            "ky ket giao uo",
            "khong co tu nay",
        ],
    );
    let first = |i: usize| got[i].first().map(|(_, t)| t.as_str());
    assert_eq!(first(0), Some("Đoàn công tác thăm Đà Nẵng"));
    assert_eq!(first(1), Some("Đoàn công tác thăm Đà Nẵng"));
    assert_eq!(first(2), Some("Công đoàn huyện Hoà Bình ký kết giao ước"));
    // "UBND" written out and abbreviated meet, both ways.
    let both = |i: usize| -> Vec<&str> { got[i].iter().map(|(_, t)| t.as_str()).collect() };
    for i in [3, 4] {
        let found = both(i);
        assert!(found.contains(&"Đoàn công tác thăm Đà Nẵng"), "{found:?}");
        assert!(
            found.contains(&"Công đoàn huyện Hoà Bình ký kết giao ước"),
            "{found:?}"
        );
    }
    assert_eq!(first(5), Some("Công đoàn huyện Hoà Bình ký kết giao ước"));
    // Adjacent words rank above the same words apart.
    assert_eq!(first(6), Some("Phong trào thi đua lao động giỏi"));
    assert!(both(6).contains(&"Lao động và thi cử"));
    // The last word while typing is a prefix ("uo" → "ước").
    assert_eq!(first(7), Some("Công đoàn huyện Hoà Bình ký kết giao ước"));
    assert!(got[8].is_empty());
}

/// The example site (the repository root: units, clusters and scores)
/// built into a temporary folder, and the output's path.
fn example_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let out = tempfile::tempdir().unwrap();
    let mut opts = bangtin::build::BuildOptions::new(Path::new(".").to_path_buf());
    opts.output_dir = Some(out.path().join("o"));
    let report = bangtin::build::run(&opts);
    assert!(report.is_ok(), "the example site builds");
    let o = out.path().join("o");
    (out, o)
}

#[test]
fn the_data_is_found_typed_units_clusters_and_results() {
    let (_keep, out) = example_site();
    let got = first_results(
        &out,
        &[
            "so tu phap",
            "ket qua thi dua so tu phap 2024",
            "cum thi dua so 1",
        ],
    );
    assert_eq!(got[0][0], ("u".into(), "Sở Tư pháp tỉnh Thanh Lâm".into()));
    assert_eq!(got[1][0], ("r".into(), "Công đoàn cơ sở Sở Tư pháp".into()));
    assert_eq!(got[2][0].0, "c");
    assert!(
        got[2][0].1.starts_with("Cụm thi đua số 1"),
        "{:?}",
        got[2][0]
    );
}

#[test]
fn a_units_results_of_every_year_sit_together_and_a_table_shows_in_rank_order() {
    let (_keep, out) = example_site();
    // The shown data of every entry, in id order.
    let dir = out.join("tim-kiem/chi-muc");
    let mut entries: Vec<serde_json::Value> = Vec::new();
    for i in 0.. {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("m{i}.json"))) else {
            break;
        };
        let group: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        entries.extend(group);
    }
    let rows: Vec<(&str, i64)> = entries
        .iter()
        .filter(|e| e["k"] == "r")
        .map(|e| (e["t"].as_str().unwrap(), e["r"]["y"].as_i64().unwrap()))
        .collect();
    assert!(rows.len() > 20, "{} result rows", rows.len());
    // One unit's rows follow one another, newest year first, so a search
    // for the unit shows them from one or two files.
    let mut seen: Vec<&str> = Vec::new();
    for (i, (title, year)) in rows.iter().enumerate() {
        if i > 0 && rows[i - 1].0 == *title {
            assert!(
                rows[i - 1].1 > *year,
                "{title}: {} then {year}",
                rows[i - 1].1
            );
        } else {
            assert!(!seen.contains(title), "{title}'s rows are apart");
            seen.push(title);
        }
    }
    assert!(
        seen.len() < rows.len(),
        "some unit has results of two years"
    );
    // Rows of one table that score the same show in its rank order.
    let got = first_hits(&out, "ket qua thi dua 2024");
    let table = &got[0]["r"];
    let ranks: Vec<i64> = got
        .iter()
        .take_while(|h| h["r"]["c"] == table["c"] && h["r"]["y"] == 2024)
        .map(|h| h["r"]["h"].as_i64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3, 4, 5], "{got:?}");
}

/// The first hits of one query, as query.cjs prints them.
fn first_hits(out: &Path, query: &str) -> Vec<serde_json::Value> {
    let printed = node(&["tests/search/query.cjs", out.to_str().unwrap(), query]);
    let v: serde_json::Value = serde_json::from_str(printed.trim()).unwrap();
    v["hits"].as_array().unwrap().clone()
}

#[test]
fn the_index_is_few_bounded_files_and_the_page_names_its_version() {
    let t = news_site();
    t.built();
    let dir = t.out().join("tim-kiem/chi-muc");
    let root: serde_json::Value =
        serde_json::from_str(&t.read("tim-kiem/chi-muc/index.json")).unwrap();
    let firsts: Vec<&str> = root["s"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let mut sorted = firsts.clone();
    sorted.sort();
    assert_eq!(firsts, sorted, "routing keys ascend");
    for (i, _) in firsts.iter().enumerate() {
        let shard = std::fs::read_to_string(dir.join(format!("s{i}.json"))).unwrap();
        let records: Vec<(String, String, String)> = serde_json::from_str(&shard).unwrap();
        assert!(!records.is_empty());
        assert_eq!(records[0].0, firsts[i]);
        let last = serde_json::to_string(records.last().unwrap()).unwrap();
        assert!(shard.len() <= bangtin::search::GROUP_BYTES + last.len() + 2);
    }
    let entries = root["n"].as_u64().unwrap() as usize;
    assert_eq!(entries, 10, "ten articles");
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        files,
        1 + firsts.len() + entries.div_ceil(bangtin::search::ENTRIES_PER_FILE)
    );
    let page = t.read("tim-kiem/index.html");
    assert!(page.contains("data-index=\"/tim-kiem/chi-muc/index.json\""));
    assert!(page.contains("<script src=\"/search.js\" defer>"));
    // The page carries the routing table, so a query needs no index.json.
    let block = page
        .split(r#"<script type="application/json" id="chi-muc-tim">"#)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the routing table in the page");
    let inline: serde_json::Value = serde_json::from_str(block).unwrap();
    assert_eq!(inline, root);
    assert!(page.contains("<noscript>"));
    assert!(t.exists("search.js"));
}

#[test]
fn an_article_is_found_by_the_names_its_page_shows_for_its_cluster_and_units() {
    // The text names neither the cluster nor the unit; the page does, from
    // `cluster:` and `units:`, and so does the index.
    let t = SiteTest::new()
        .file(
            "data/units.yaml",
            "units:\n  - id: tl-ldld-tinh\n    kind: union_upper\n    names: [{ full: Liên đoàn Lao động tỉnh Thanh Lâm }]\n  - id: tl-cd-kiem-lam\n    kind: union_base\n    names: [{ full: Công đoàn Hạt Kiểm lâm An Thái }]\n  - id: tl-cd-thue\n    kind: union_base\n    names: [{ full: Công đoàn Chi cục Thuế Yên Khê }]\n",
        )
        .file(
            "data/clusters/2025/ldld-khoi-7.yaml",
            "id: ldld-khoi-7\nyear: 2025\nname: Khối thi đua số 7 Liên đoàn Lao động tỉnh Thanh Lâm\norganiser: tl-ldld-tinh\nmembers:\n  - { unit: tl-cd-kiem-lam, role: cum_truong }\n  - { unit: tl-cd-thue }\n",
        )
        .file(
            "content/news/2025/so-ket.md",
            "---\ntitle: Khối 7 sơ kết 6 tháng đầu năm\ndate: 2025-07-02T08:00:00+07:00\ncluster: ldld-khoi-7\nunits: [tl-cd-kiem-lam]\n---\nHội nghị đánh giá các chỉ tiêu đã giao ước.\n",
        )
        .article(
            "content/news/2025/khac.md",
            "Khối 7 sơ kết công tác nữ công",
            "2025-07-03T08:00:00+07:00",
            "Không nói về đơn vị nào.",
        );
    t.built();
    let got = first_results(
        &t.out(),
        &["ldld khoi 7 so ket", "kiem lam so ket", "thue so ket"],
    );
    let titles = |i: usize| -> Vec<&str> { got[i].iter().map(|(_, t)| t.as_str()).collect() };
    assert_eq!(
        titles(0).first(),
        Some(&"Khối 7 sơ kết 6 tháng đầu năm"),
        "{:?}",
        got[0]
    );
    assert!(!titles(0).contains(&"Khối 7 sơ kết công tác nữ công"));
    assert_eq!(
        titles(1).first(),
        Some(&"Khối 7 sơ kết 6 tháng đầu năm"),
        "{:?}",
        got[1]
    );
    // A member the article does not name does not find it.
    assert!(
        !titles(2).contains(&"Khối 7 sơ kết 6 tháng đầu năm"),
        "{:?}",
        got[2]
    );
}

#[test]
fn of_two_titles_with_every_word_the_shorter_comes_first_even_when_older() {
    // Equal scores: the newer article would win on order alone, but the
    // words matched make more of the shorter title (BM25's length norm).
    let body = "Các đơn vị tham gia đông đủ.";
    let t = SiteTest::new()
        .article(
            "content/news/2020/hoi-dien.md",
            "Công đoàn huyện tổ chức hội diễn văn nghệ chào mừng Đại hội",
            "2020-03-04T08:00:00+07:00",
            body,
        )
        .article(
            "content/news/2022/hoi-dien.md",
            "Công đoàn huyện tổ chức hội diễn văn nghệ chào mừng Đại hội (ngày 23/12)",
            "2022-12-23T08:00:00+07:00",
            body,
        );
    t.built();
    let got = first_results(&t.out(), &["hoi dien van nghe dai hoi cong doan"]);
    let titles: Vec<&str> = got[0].iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Công đoàn huyện tổ chức hội diễn văn nghệ chào mừng Đại hội",
            "Công đoàn huyện tổ chức hội diễn văn nghệ chào mừng Đại hội (ngày 23/12)",
        ]
    );
}

#[test]
fn a_spelled_out_abbreviation_is_asked_as_one_key_with_no_pairs_inside_or_across_it() {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/static/search.js"
    );
    let root = serde_json::json!({ "n": 1, "a": bangtin::search::words::ABBREVIATIONS, "s": [""] });
    let printed = node(&[
        "-e",
        "const s = require(process.argv[1]); \
         const q = s.parse(process.argv[3], JSON.parse(process.argv[2])); \
         console.log(JSON.stringify([q.words.map((w) => w.key), q.pairs]));",
        script,
        &root.to_string(),
        "cum thi dua so 1 cong doan vien chuc tinh",
    ]);
    let (words, pairs): (Vec<String>, Vec<String>) = serde_json::from_str(&printed).unwrap();
    assert_eq!(words, ["cum", "thi", "dua", "so", "1", "cdvc", "tinh"]);
    // Pairs only between words asked as words: the abbreviation is a phrase
    // already, and its spelled-out words' shards are not fetched.
    assert_eq!(pairs, ["cum thi", "thi dua", "dua so", "so 1"]);
}
