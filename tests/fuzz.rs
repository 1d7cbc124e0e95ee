//! Fuzzing (issue 21), bounded for CI; the same bodies run for as long as
//! one likes under cargo-fuzz (`fuzz/run.sh`, README "Fuzzing").
//!
//! Two kinds of case:
//! - a small valid site (an article with a bundle-free body, `site.yaml`,
//!   every `data/` kind, so the scoring engine runs) has one file bent by a
//!   few random insertions, deletions and replacements from an alphabet of
//!   YAML, Markdown and Vietnamese pitfalls, then is checked in full:
//!   whatever the input, `bangtin check` must end with a report, never a
//!   panic, and every error must name its file;
//! - the targets of `fuzz/harness.rs` (front matter, `site.yaml`, one
//!   `data/` file, a Markdown body, the scoring engine), given the same
//!   bent seeds or random bytes, with the harness's own checks (errors at
//!   lines that exist, no script address from Markdown, rankings in order
//!   and independent of the assessors' order). Every input that ever made
//!   a target fail is kept in `fuzz/regressions/<target>/` and replayed.
//!
//! A longer run by hand:
//!
//!     BANGTIN_FUZZ_CASES=20000 cargo test --release --test fuzz

mod common;
mod data_fixture;
// `process_scratch` serves the cargo-fuzz drivers: each case here has a folder of its own.
#[allow(dead_code)]
#[path = "../fuzz/harness.rs"]
mod harness;

use bangtin::build::{self, BuildOptions};
use proptest::prelude::*;

use data_fixture::{AWARDS, CLUSTER, DataSite, SCHEME, SCORES, UNITS};

const ARTICLE: &str = "content/news/2024/ky-ket.md";
const ARTICLE_TEXT: &str = harness::ARTICLE_TEXT;

/// Characters that break YAML, Markdown or Vietnamese text in interesting ways.
const ALPHABET: &[&str] = &[
    ":",
    "- ",
    "\n",
    "\n  ",
    "\t",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "&a",
    "*a",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "%",
    "@",
    "`",
    "?",
    "=",
    "0",
    "9",
    "-1",
    ".5",
    ",5",
    "1e400",
    "99999999999999999999",
    "~",
    "null",
    "yes",
    "2024-13-45",
    "đ",
    "Đ",
    "á",
    "\u{0301}",
    "\u{200B}",
    "\u{00A0}",
    "\u{FEFF}",
    "\u{202E}",
    "\r\n",
    "\0",
    "---\n",
    "](",
    "[^1]",
    "<script>",
    "![a](",
    "[[thư viện ảnh]]",
    "    ",
    "\\",
    "/",
    "../",
    "𝕏",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, usize),
    Delete(usize, usize),
    Replace(usize, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let at = 0..10_000usize;
    let what = 0..ALPHABET.len();
    let edit = prop_oneof![
        (at.clone(), what.clone()).prop_map(|(a, w)| Edit::Insert(a, w)),
        (at.clone(), 1..20usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (at, what).prop_map(|(a, w)| Edit::Replace(a, w)),
    ];
    prop::collection::vec(edit, 1..6)
}

/// `text` with `edits` applied, positions taken modulo its length and moved
/// back to a character boundary.
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        let at = |p: usize, s: &str| {
            let mut i = p % (s.len() + 1);
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        match *e {
            Edit::Insert(p, w) => {
                let i = at(p, &s);
                s.insert_str(i, ALPHABET[w]);
            }
            Edit::Delete(p, n) => {
                let i = at(p, &s);
                let j = at(i + n, &s).max(i);
                s.replace_range(i..j, "");
            }
            Edit::Replace(p, w) => {
                let i = at(p, &s);
                let j = s[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                s.replace_range(i..j, ALPHABET[w]);
            }
        }
    }
    s
}

/// Writes the valid site with `target` replaced by its mutation and checks it.
fn check_mutated(target: &str, edits: &[Edit]) {
    let fixture = DataSite::new();
    let mut files: Vec<(String, String)> = [UNITS, AWARDS, SCHEME, CLUSTER, SCORES]
        .iter()
        .map(|p| (p.to_string(), fixture.text(p).to_string()))
        .collect();
    files.push((ARTICLE.into(), ARTICLE_TEXT.into()));
    files.push(("site.yaml".into(), common::SITE_YAML.into()));
    let t = common::SiteTest::new();
    for (path, text) in &files {
        let text = if path == target {
            mutate(text, edits)
        } else {
            text.clone()
        };
        t.write(path, &text);
    }
    let mut opts = BuildOptions::new(t.site());
    opts.write = false;
    if let Err(ds) = build::run(&opts) {
        for d in ds.iter().filter(|d| d.is_error()) {
            assert!(!d.message.is_empty(), "an empty message");
            assert!(
                d.file.is_some(),
                "an error without a file:\n{}",
                common::render(std::slice::from_ref(d))
            );
        }
    }
}

fn cases() -> u32 {
    std::env::var("BANGTIN_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_bent_article_never_panics(e in edits()) {
        check_mutated(ARTICLE, &e);
    }

    #[test]
    fn a_bent_site_yaml_never_panics(e in edits()) {
        check_mutated("site.yaml", &e);
    }

    #[test]
    fn a_bent_units_file_never_panics(e in edits()) {
        check_mutated(UNITS, &e);
    }

    #[test]
    fn a_bent_scheme_never_panics(e in edits()) {
        check_mutated(SCHEME, &e);
    }

    #[test]
    fn a_bent_cluster_year_never_panics(e in edits()) {
        check_mutated(CLUSTER, &e);
    }

    #[test]
    fn a_bent_scores_file_never_panics(e in edits()) {
        check_mutated(SCORES, &e);
    }

    #[test]
    fn a_bent_awards_file_never_panics(e in edits()) {
        check_mutated(AWARDS, &e);
    }
}

/// Runs harness target `name` on `data` in a folder of its own.
fn run_target(name: &str, data: &[u8]) {
    let scratch = tempfile::tempdir().unwrap();
    harness::run(name, scratch.path(), data);
}

/// Seed `seed` of target `name` bent by `edits`, keeping a data seed's
/// first byte (which file it replaces) as it is.
fn bent_seed(name: &str, seed: usize, edits: &[Edit]) -> Vec<u8> {
    let seeds = harness::seeds(name);
    let bytes = &seeds[seed % seeds.len()];
    let keep = usize::from(name == "data_file" || name == "markdown");
    let text = String::from_utf8_lossy(&bytes[keep..]);
    [&bytes[..keep], mutate(&text, edits).as_bytes()].concat()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn front_matter_target(e in edits()) {
        run_target("front_matter", &bent_seed("front_matter", 0, &e));
    }

    #[test]
    fn site_yaml_target(e in edits()) {
        run_target("site_yaml", &bent_seed("site_yaml", 0, &e));
    }

    #[test]
    fn data_file_target(seed in 0..6usize, e in edits()) {
        run_target("data_file", &bent_seed("data_file", seed, &e));
    }

    #[test]
    fn markdown_target(seed in 0..2usize, e in edits()) {
        run_target("markdown", &bent_seed("markdown", seed, &e));
    }

    #[test]
    fn engine_target(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run_target("engine", &bytes);
    }
}

/// Every seed, and every input kept in `fuzz/regressions/<target>/` (one
/// file per finding of a fuzzer), passes its target.
#[test]
fn seeds_and_kept_findings_pass_their_targets() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut kept = 0;
    for name in harness::TARGETS {
        for seed in harness::seeds(name) {
            run_target(name, &seed);
        }
        let Ok(dir) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        for entry in dir {
            let path = entry.unwrap().path();
            run_target(name, &std::fs::read(&path).unwrap());
            kept += 1;
        }
    }
    println!("{kept} kept findings replayed");
}

/// Writes each target's seeds into `fuzz/corpus/<target>/` (ignored by
/// git) for cargo-fuzz to start from; `fuzz/run.sh` runs it.
#[test]
#[ignore = "run by fuzz/run.sh"]
fn write_fuzz_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for name in harness::TARGETS {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (i, seed) in harness::seeds(name).iter().enumerate() {
            std::fs::write(dir.join(format!("seed-{i}")), seed).unwrap();
        }
    }
}

#[test]
fn mutations_land_on_character_boundaries_and_change_the_text() {
    let text = "Đà Nẵng: ưu tiên";
    for p in 0..text.len() + 3 {
        for w in 0..ALPHABET.len() {
            let s = mutate(text, &[Edit::Replace(p, w), Edit::Insert(p * 7, w)]);
            assert_ne!(s, text);
        }
        let _ = mutate(text, &[Edit::Delete(p, 3)]);
    }
}
