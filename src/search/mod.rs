//! The search index of `/tim-kiem/`: static files the browser's
//! `search.js` reads (docs/format.md §9 describes the files).
//!
//! - `index.json`: the routing table (first key of every shard), the entry
//!   count, the abbreviations.
//! - `s<N>.json`: a shard, a run of keys in byte order, each with the entries
//!   whose text has it and those whose titles or names have it. A shard is
//!   cut at [`SHARD_BYTES`] before a word, so a query fetches one shard per
//!   word: the word's pairs and marked spellings come with it.
//! - `m<N>.json`: what [`ENTRIES_PER_FILE`] entries show as results.
//!
//! Keys are words folded by [`words`], the same words with their marks
//! (`ma!s` for *má*), and adjacent pairs of the words of titles and names
//! (`thi dua`), so that a phrase ranks above scattered words. Summaries give
//! words but no pairs: their pairs were 60 % of all keys and made the words'
//! runs too long to share a shard with them.
//! Ranking happens in the browser: per query word its idf, weighted by
//! where it matched (a BM25 without term frequency: bodies count once);
//! equal scores put the shorter title first (its length normalisation).

mod docs;
mod encode;
pub mod words;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::site::Site;
pub use docs::{Body, Entry, Kind};
use words::{SpelledOut, for_each_word};

/// Where the index files live, a site path.
pub const DIR: &str = "/tim-kiem/chi-muc/";

/// A shard is cut once its JSON passes this many bytes, before a word (a
/// single key with a longer list keeps its own shard). A query fetches one
/// shard per word, of which it reads one word's run: 1 KB sent a fifth fewer
/// bytes than 3 KB (bench/RESULTS.md, 2026-12-07, stop 45), but a body edit
/// then often moves a cut, and serve's fast path, which needs the index's
/// file names to stay the same, gives way to a full rebuild.
pub const SHARD_BYTES: usize = 3 * 1024;

/// A shard grows past [`SHARD_BYTES`] to keep a word's pairs and marked
/// spellings with it, up to this: a common word's run is 5 to 12 KB at
/// 10,000 articles, and 9 KB gave the fewest requests for the bytes.
pub const GROUP_BYTES: usize = 9 * 1024;

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
    /// How long [`build`] took (bench/search.sh reports it).
    pub elapsed: std::time::Duration,
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
    let started = std::time::Instant::now();
    let entries = docs::collect(site);
    let postings = invert(&entries);
    let files = encode::files(&entries, &postings);
    let mut hasher = blake3::Hasher::new();
    for f in &files {
        hasher.update(f.name.as_bytes());
        hasher.update(&f.bytes);
    }
    let version = hasher.finalize().to_hex()[..12].to_string();
    Index {
        files,
        version,
        elapsed: started.elapsed(),
    }
}

/// A key's entries: those with it in their text, and in their names.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    pub text: Vec<u32>,
    pub names: Vec<u32>,
}

/// Key → entries, keys in byte order. Chunks of entries are indexed in
/// parallel; their keys are then merged in parallel by first byte (so the
/// merged parts, each sorted, follow one another in byte order). A key keeps
/// the lists of the chunks it is in, in chunk order, so they read as one
/// ascending list: copying them into one would hold every list twice, and
/// that was the build's peak (measured at 100,000 articles).
fn invert(entries: &[Entry<'_>]) -> Vec<(String, Vec<Postings>)> {
    // Many chunks per thread: each allocates its keys' text once, and
    // articles cost far more than units, so few chunks left a thread idle
    // at the end (16 a thread was 8 % faster than 4 at 10,000 articles).
    let chunk_len = (entries.len() / (16 * rayon::current_num_threads())).max(64);
    let chunks: Vec<Vec<Vec<(String, Postings)>>> = entries
        .par_chunks(chunk_len)
        .enumerate()
        .map(|(c, chunk)| {
            let mut index = ChunkIndex::default();
            for (i, e) in chunk.iter().enumerate() {
                entry_keys(e, &mut |k, w| index.add(k, w));
                index.end_entry((c * chunk_len + i) as u32);
            }
            index.into_parts()
        })
        .collect();
    let mut by_first_byte: Vec<Vec<Vec<(String, Postings)>>> =
        (0..256).map(|_| Vec::new()).collect();
    for chunk in chunks {
        for (part, keys) in by_first_byte.iter_mut().zip(chunk) {
            part.push(keys);
        }
    }
    let parts: Vec<Vec<(String, Vec<Postings>)>> =
        by_first_byte.into_par_iter().map(merge_sorted).collect();
    parts.into_iter().flatten().collect()
}

/// One first byte's keys from every chunk, in chunk order, gathered and
/// sorted.
fn merge_sorted(chunks: Vec<Vec<(String, Postings)>>) -> Vec<(String, Vec<Postings>)> {
    let mut all: KeyMap<Vec<Postings>> = KeyMap::default();
    for chunk in chunks {
        for (k, p) in chunk {
            all.entry(k).or_default().push(p);
        }
    }
    let mut sorted: Vec<(String, Vec<Postings>)> = all.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    sorted
}

/// A map from keys, hashed fast: keys are short words, looked up once per
/// word of every text, and SipHash's resistance to chosen collisions buys
/// nothing for a site's own text (the order of keys never reaches a file).
type KeyMap<V> = FastMap<String, V>;

/// A map hashed by [`KeyHasher`].
type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// The multiplier of [`KeyHasher`].
const HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

/// A multiply-rotate hash over 8-byte words (the scheme of rustc's FxHash).
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(26) ^ u64::from_le_bytes(w)).wrapping_mul(HASH_K);
        }
        let mut w = [0u8; 8];
        let rest = chunks.remainder();
        w[..rest.len()].copy_from_slice(rest);
        self.0 = (self.0.rotate_left(26) ^ u64::from_le_bytes(w) ^ rest.len() as u64)
            .wrapping_mul(HASH_K);
    }

    fn write_u128(&mut self, i: u128) {
        let (lo, hi) = (i as u64, (i >> 64) as u64);
        self.0 = ((self.0 ^ lo).wrapping_mul(HASH_K).rotate_left(26) ^ hi).wrapping_mul(HASH_K);
    }

    fn finish(&self) -> u64 {
        // The low bits choose the bucket: fold the well-mixed high bits in.
        self.0 ^ (self.0 >> 32)
    }
}

/// The keys of a run of entries, each key's text allocated once per run
/// (a body repeats its words; most words repeat across bodies).
#[derive(Default)]
struct ChunkIndex {
    /// Keys of up to [`ShortKey::MAX`] bytes, most of them, by their bytes
    /// packed in an integer: looking a word up was a quarter of reading a
    /// body, spent hashing and comparing strings (measured at 10,000 articles).
    short: FastMap<ShortKey, usize>,
    long: KeyMap<usize>,
    postings: Vec<Postings>,
    /// Where each key was found in the entry being read, and which are set.
    found: Vec<u8>,
    touched: Vec<usize>,
}

/// A key of up to 15 bytes, its bytes and length in one integer.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey(u128);

impl ShortKey {
    const MAX: usize = 15;

    fn new(key: &str) -> Option<ShortKey> {
        let b = key.as_bytes();
        if b.len() > Self::MAX {
            return None;
        }
        let mut bytes = [0u8; 16];
        bytes[..b.len()].copy_from_slice(b);
        bytes[15] = b.len() as u8;
        Some(ShortKey(u128::from_le_bytes(bytes)))
    }

    fn text(self) -> String {
        let bytes = self.0.to_le_bytes();
        let len = usize::from(bytes[15]).min(Self::MAX);
        // The bytes are a whole `&str`'s (`new`), so nothing is replaced.
        String::from_utf8_lossy(&bytes[..len]).into_owned()
    }
}

impl ChunkIndex {
    fn add(&mut self, key: &str, w: u8) {
        let short = ShortKey::new(key);
        let known = match short {
            Some(s) => self.short.get(&s),
            None => self.long.get(key),
        };
        let id = match known {
            Some(&id) => id,
            None => {
                let id = self.postings.len();
                match short {
                    Some(s) => self.short.insert(s, id),
                    None => self.long.insert(key.to_string(), id),
                };
                self.postings.push(Postings::default());
                self.found.push(0);
                id
            }
        };
        if self.found[id] == 0 {
            self.touched.push(id);
        }
        self.found[id] |= w;
    }

    /// Files the entry just read under `entry` in the lists of its keys.
    fn end_entry(&mut self, entry: u32) {
        for &id in &self.touched {
            let w = std::mem::take(&mut self.found[id]);
            let p = &mut self.postings[id];
            if w & IN_TEXT != 0 {
                p.text.push(entry);
            }
            if w & IN_NAMES != 0 {
                p.names.push(entry);
            }
        }
        self.touched.clear();
    }

    /// The keys and their lists, by the key's first byte.
    fn into_parts(mut self) -> Vec<Vec<(String, Postings)>> {
        let mut parts: Vec<Vec<(String, Postings)>> = (0..256).map(|_| Vec::new()).collect();
        let short = self.short.into_iter().map(|(k, id)| (k.text(), id));
        for (k, id) in short.chain(self.long) {
            let first = k.as_bytes().first().copied().unwrap_or(0);
            let mut p = std::mem::take(&mut self.postings[id]);
            // Most lists hold a few ids in room grown by doubling; they are
            // kept until the files are encoded, so the spare room goes.
            p.text.shrink_to_fit();
            p.names.shrink_to_fit();
            parts[first as usize].push((k, p));
        }
        parts
    }
}

/// Every key of one entry, with where it was found, given to `add`.
fn entry_keys(e: &Entry<'_>, add: &mut impl FnMut(&str, u8)) {
    for name in &e.names {
        phrase_keys(name, IN_NAMES, Spellings::WithPairs, add);
    }
    for lead in &e.lead {
        phrase_keys(lead, IN_TEXT, Spellings::Plain, add);
    }
    let mut spelled = SpelledOut::default();
    e.body.for_each_key(|w| {
        add(&w.key, IN_TEXT);
        if let Some(abbr) = spelled.push(&w.key) {
            add(abbr, IN_TEXT);
        }
    });
}

/// Which keys a short text gives besides its words and the abbreviations it
/// spells out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spellings {
    /// None: a summary, a label.
    Plain,
    /// Each word with its marks, and adjacent pairs: a title, a name.
    WithPairs,
}

/// The keys of a short text: its words, the abbreviations it spells out,
/// and the [`Spellings`] asked for.
fn phrase_keys(text: &str, w: u8, spellings: Spellings, add: &mut impl FnMut(&str, u8)) {
    let full = spellings == Spellings::WithPairs;
    // One buffer for the keys made by joining and one for the word before,
    // reused: this runs for every title, tag and summary.
    let mut joined = String::new();
    let mut before = String::new();
    let mut spelled = SpelledOut::default();
    for_each_word(text, |word| {
        add(&word.key, w);
        if full {
            if word.write_exact(&mut joined) {
                add(&joined, w);
            }
            if !before.is_empty() {
                joined.clear();
                joined.push_str(&before);
                joined.push(' ');
                joined.push_str(&word.key);
                add(&joined, w);
            }
            before.clone_from(&word.key);
        }
        if let Some(abbr) = spelled.push(&word.key) {
            add(abbr, w);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{Spellings, phrase_keys};

    fn keys_of(text: &str, spellings: Spellings) -> Vec<String> {
        let mut keys = Vec::new();
        phrase_keys(text, 1, spellings, &mut |k, _| keys.push(k.to_string()));
        keys.sort();
        keys.dedup();
        keys
    }

    #[test]
    fn a_name_gives_words_marked_spellings_pairs_and_every_abbreviation_it_spells() {
        let keys = keys_of("Công nhân viên chức lao động", Spellings::WithPairs);
        for want in [
            "cong",
            "cong!1^",
            "cong nhan",
            "chuc lao",
            "lao dong",
            "cnvc",
            "cnvcld",
        ] {
            assert!(keys.iter().any(|k| k == want), "{want} not in {keys:?}");
        }
    }

    #[test]
    fn a_summary_gives_words_and_abbreviations_but_no_pairs_or_marks() {
        let keys = keys_of("Ủy ban nhân dân tỉnh", Spellings::Plain);
        assert_eq!(keys, ["ban", "dan", "nhan", "tinh", "ubnd", "uy"]);
    }
}
