//! Fuzzing by mutation (issue 21): a small valid site (an article with a
//! bundle-free body, `site.yaml`, every `data/` kind, so the scoring engine
//! runs) has one file bent by a few random insertions, deletions and
//! replacements from an alphabet of YAML, Markdown and Vietnamese pitfalls,
//! then is checked in full. Whatever the input, `bangtin check` must end
//! with a report, never a panic, and every error must name its file.
//!
//! CI runs a few dozen cases per file kind; a longer run by hand:
//!
//!     BANGTIN_FUZZ_CASES=20000 cargo test --release --test fuzz

mod common;
mod data_fixture;

use bangtin::build::{self, BuildOptions};
use proptest::prelude::*;

use data_fixture::{AWARDS, CLUSTER, DataSite, SCHEME, SCORES, UNITS};

const ARTICLE: &str = "content/news/2024/ky-ket.md";
const ARTICLE_TEXT: &str = "---
title: \"Cụm 1 ký kết giao ước thi đua\"
date: 2024-03-14T08:30:00+07:00
tags: [Giao ước, thi đua]
cluster: cum-1
units: [tl-so-tu-phap]
summary: Lễ ký kết năm 2024.
---
## Nội dung

Chiều 14/3, **Cụm thi đua số 1** ký kết [giao ước](../2024/ky-ket.md) với *10 đơn vị*.

| Đơn vị | Điểm |
|---|---:|
| Sở Tư pháp | 95,5 |

- Một[^1]
- Hai

[^1]: Chú thích.

[[thư viện ảnh]]
";

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
