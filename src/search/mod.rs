//! The search index of `/tim-kiem/`: static files the browser's
//! `search.js` reads (docs/format.md §9 describes the files).
//!
//! - `index.json`: the routing table (first key of every shard), the entry
//!   count, the abbreviations.
//! - `s<N>.json`: a shard, a run of keys in byte order, each with the entries
//!   whose text has it and those whose titles or names have it. A shard is
//!   cut at [`SHARD_BYTES`], so a query fetches only the shards of its words.
//! - `m<N>.json`: what [`ENTRIES_PER_FILE`] entries show as results.
//!
//! Keys are words folded by [`words`], the same words with their marks
//! (`ma!s` for *má*), and adjacent pairs of the words of titles, names and
//! summaries (`thi dua`), so that a phrase ranks above scattered words.
//! Ranking happens in the browser: per query word its idf, weighted by
//! where it matched (a BM25 without term frequency: bodies count once).

mod docs;
mod encode;
pub mod words;

use std::collections::{HashMap, VecDeque};

use rayon::prelude::*;

use crate::site::Site;
pub use docs::{Entry, Kind, plain_text};
use words::{abbreviation_at, abbreviation_ending, for_each_word};

/// Where the index files live, a site path.
pub const DIR: &str = "/tim-kiem/chi-muc/";

/// A shard is cut once its JSON passes this many bytes (a single key with a
/// longer list keeps its own shard).
pub const SHARD_BYTES: usize = 6 * 1024;

/// Entries whose shown data share one `m<N>.json`.
pub const ENTRIES_PER_FILE: usize = 16;

/// One file of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// Relative to [`DIR`].
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The index: its files and a version the page asks them by, so a browser
/// never mixes files of two builds.
#[derive(Debug, Default, Clone)]
pub struct Index {
    pub files: Vec<IndexFile>,
    pub version: String,
}

impl Index {
    /// The text of `index.json` (the search page carries it too); empty
    /// when the index has no files.
    pub fn root(&self) -> &str {
        self.files
            .iter()
            .find(|f| f.name == ROOT)
            .and_then(|f| std::str::from_utf8(&f.bytes).ok())
            .unwrap_or_default()
    }
}

/// The routing table's file name.
pub const ROOT: &str = "index.json";

/// Where a key was found in an entry.
const IN_TEXT: u8 = 1;
const IN_NAMES: u8 = 2;

/// Makes the index of the site's articles, pages and data.
pub fn build(site: &Site) -> Index {
    let entries = docs::collect(site);
    let postings = invert(&entries);
    let files = encode::files(&entries, &postings);
    let mut hasher = blake3::Hasher::new();
    for f in &files {
        hasher.update(f.name.as_bytes());
        hasher.update(&f.bytes);
    }
    let version = hasher.finalize().to_hex()[..12].to_string();
    Index { files, version }
}

/// A key's entries: those with it in their text, and in their names.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    pub text: Vec<u32>,
    pub names: Vec<u32>,
}

/// Key → entries, keys in byte order. Chunks of entries are indexed in
/// parallel and merged in order, so every list comes out ascending.
fn invert(entries: &[Entry]) -> Vec<(String, Postings)> {
    let chunks: Vec<HashMap<String, Postings>> = entries
        .par_chunks(256)
        .enumerate()
        .map(|(c, chunk)| {
            let mut map: HashMap<String, Postings> = HashMap::new();
            let mut keys: HashMap<String, u8> = HashMap::new();
            for (i, e) in chunk.iter().enumerate() {
                let id = (c * 256 + i) as u32;
                keys.clear();
                entry_keys(e, &mut keys);
                for (k, where_) in keys.drain() {
                    let p = match map.get_mut(&k) {
                        Some(p) => p,
                        None => map.entry(k).or_default(),
                    };
                    if where_ & IN_TEXT != 0 {
                        p.text.push(id);
                    }
                    if where_ & IN_NAMES != 0 {
                        p.names.push(id);
                    }
                }
            }
            for p in map.values_mut() {
                p.text.sort_unstable();
                p.names.sort_unstable();
            }
            map
        })
        .collect();
    let mut all: HashMap<String, Postings> = HashMap::new();
    for chunk in chunks {
        for (k, p) in chunk {
            let into = all.entry(k).or_default();
            into.text.extend(p.text);
            into.names.extend(p.names);
        }
    }
    let mut sorted: Vec<(String, Postings)> = all.into_iter().collect();
    sorted.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    sorted
}

/// Every key of one entry, with where it was found.
fn entry_keys(e: &Entry, keys: &mut HashMap<String, u8>) {
    let mut add = |k: &str, w: u8| match keys.get_mut(k) {
        Some(f) => *f |= w,
        None => {
            keys.insert(k.to_string(), w);
        }
    };
    for name in &e.names {
        phrase_keys(name, IN_NAMES, true, &mut add);
    }
    for lead in &e.lead {
        phrase_keys(lead, IN_TEXT, false, &mut add);
    }
    // The last few words, their buffers reused: bodies are most of the text.
    let mut recent: VecDeque<String> = VecDeque::with_capacity(words::LONGEST_SPELLED);
    for_each_word(&e.body, |w| {
        add(&w.key, IN_TEXT);
        let mut slot = if recent.len() == words::LONGEST_SPELLED {
            recent.pop_front().unwrap_or_default()
        } else {
            String::new()
        };
        slot.clear();
        slot.push_str(&w.key);
        recent.push_back(slot);
        if let Some(abbr) = abbreviation_ending(&recent) {
            add(abbr, IN_TEXT);
        }
    });
}

/// The keys of a short text: its words, adjacent pairs, the abbreviations
/// it spells out, and (`marked`) each word with its marks.
fn phrase_keys(text: &str, w: u8, marked: bool, add: &mut impl FnMut(&str, u8)) {
    let found = words::words(text);
    let keys: Vec<&str> = found.iter().map(|x| x.key.as_str()).collect();
    for (i, word) in found.iter().enumerate() {
        add(&word.key, w);
        if marked && let Some(exact) = word.exact() {
            add(&exact, w);
        }
        if let Some(next) = keys.get(i + 1) {
            add(&format!("{} {next}", word.key), w);
        }
        if let Some(abbr) = abbreviation_at(&keys, i) {
            add(abbr, w);
        }
    }
}
