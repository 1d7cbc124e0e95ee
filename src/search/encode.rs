//! The index as files: lists of entry ids packed into text, keys cut into
//! shards, the shown data of entries in groups, and the routing table.
//!
//! A list is one of three forms, whichever is shortest: `d` gaps (each gap
//! minus one, as base-64 digits of 5 bits with a continuation bit, low bits
//! first), `b` a bitset (6 entries per base-64 digit), or `c` the gaps of the
//! entries *not* in it. No list is longer than a sixth of the entry count in
//! characters, however common its word. A pair's or a marked spelling's
//! names list may instead be `r` and a list in one of those forms of
//! positions in its base, the names lists of its words (see [`base`]).

use rayon::prelude::*;
use serde::Serialize;

use super::words::ABBREVIATIONS;
use super::{ENTRIES_PER_FILE, Entry, GROUP_BYTES, IndexFile, Postings, SHARD_BYTES};

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Version of the file layout `search.js` reads.
const LAYOUT: u32 = 2;

/// Every file of the index: `index.json`, the shards, the shown data.
pub fn files(entries: &[Entry<'_>], postings: &[(String, Vec<Postings>)]) -> Vec<IndexFile> {
    let n = entries.len();
    let mut files = Vec::new();
    let mut firsts: Vec<&str> = Vec::new();
    let mut shard: Vec<u8> = Vec::with_capacity(SHARD_BYTES * 2);
    let flush = |shard: &mut Vec<u8>, files: &mut Vec<IndexFile>| {
        shard.push(b']');
        files.push(IndexFile {
            name: format!("s{}.json", files.len()),
            bytes: std::mem::take(shard),
        });
    };
    // Each key's record is made in parallel (the lists' packing is most of
    // the encoding), then the records are cut into shards in order.
    let records: Vec<(&str, Vec<u8>)> = postings
        .par_iter()
        .map(|(key, p)| {
            let text: Vec<&[u32]> = p.iter().map(|c| &c.text[..]).collect();
            let names: Vec<&[u32]> = p.iter().map(|c| &c.names[..]).collect();
            let names = names_list(key, &names, n, postings);
            let record = (key.as_str(), list(&text, n), names);
            // Serialising strings and a tuple cannot fail.
            let json = serde_json::to_vec(&record).expect("JSON of strings");
            (key.as_str(), json)
        })
        .collect();
    for (key, record) in records {
        // A word's pairs and marked spellings follow it in byte order and
        // stay in its shard (a query asks for them with the word), up to
        // GROUP_BYTES.
        let starts_word = !key.contains([' ', '!']);
        if shard.len() >= SHARD_BYTES && (starts_word || shard.len() >= GROUP_BYTES) {
            flush(&mut shard, &mut files);
        }
        if shard.is_empty() {
            firsts.push(key);
            shard.push(b'[');
        } else {
            shard.push(b',');
        }
        shard.extend_from_slice(&record);
    }
    if !shard.is_empty() {
        flush(&mut shard, &mut files);
    }
    let shown = entries
        .par_chunks(ENTRIES_PER_FILE)
        .enumerate()
        .map(|(i, group)| {
            let shown: Vec<&super::docs::Shown> = group.iter().map(|e| &e.shown).collect();
            IndexFile {
                name: format!("m{i}.json"),
                bytes: serde_json::to_vec(&shown).expect("JSON of strings and numbers"),
            }
        });
    files.par_extend(shown);
    let root = Root {
        layout: LAYOUT,
        entries: n,
        per_file: ENTRIES_PER_FILE,
        shards: firsts,
        abbreviations: ABBREVIATIONS,
    };
    files.push(IndexFile {
        name: super::ROOT.to_string(),
        bytes: serde_json::to_vec(&root).expect("JSON of strings and numbers"),
    });
    files
}

#[derive(Serialize)]
struct Root<'a> {
    #[serde(rename = "v")]
    layout: u32,
    #[serde(rename = "n")]
    entries: usize,
    #[serde(rename = "m")]
    per_file: usize,
    /// The first key of each shard `s<N>.json`, ascending.
    #[serde(rename = "s")]
    shards: Vec<&'a str>,
    #[serde(rename = "a")]
    abbreviations: &'static [(&'static str, &'static [&'static str])],
}

/// The names list of `key`. A pair's or a marked spelling's is written, when
/// that is shorter, as `r` and the positions of its entries among its
/// [`base`] (whose lists the browser holds when it reads the key): a pair
/// found wherever both its words are in a name costs a few bytes, whereas
/// a plain list it could cost as much as a common word's.
fn names_list(
    key: &str,
    names: &[&[u32]],
    n: usize,
    postings: &[(String, Vec<Postings>)],
) -> String {
    let ids = names.iter().flat_map(|p| p.iter().copied());
    let Some((base_len, at)) = base(key, postings).and_then(|b| positions(ids, b)) else {
        return list(names, n);
    };
    let relative = format!("r{}", list(&[&at], base_len));
    // Most relative lists are a few characters: shorter than any plain
    // list of as many ids can be, so the plain one is not made.
    let count = at.len();
    let shortest_plain = 1 + count.min(n.div_ceil(6)).min(n - count);
    if relative.len() < shortest_plain {
        return relative;
    }
    let plain = list(names, n);
    if relative.len() < plain.len() {
        relative
    } else {
        plain
    }
}

/// The entries a key's names list is part of, when the key is a pair
/// (`a b`: the entries with both words in their names) or a marked
/// spelling (`a!…`: those with the word in their names); `None` for a word,
/// or when a word has no record.
fn base<'a>(
    key: &str,
    postings: &'a [(String, Vec<Postings>)],
) -> Option<Box<dyn Iterator<Item = u32> + 'a>> {
    let names = |word: &str| {
        let i = postings
            .binary_search_by(|(k, _)| k.as_str().cmp(word))
            .ok()?;
        Some(postings[i].1.iter().flat_map(|c| c.names.iter().copied()))
    };
    if let Some((a, b)) = key.split_once(' ') {
        Some(Box::new(intersection(names(a)?, names(b)?)))
    } else if let Some((word, _)) = key.split_once('!') {
        Some(Box::new(names(word)?))
    } else {
        None
    }
}

/// The ids in both ascending lists.
fn intersection(
    a: impl Iterator<Item = u32>,
    b: impl Iterator<Item = u32>,
) -> impl Iterator<Item = u32> {
    let mut b = b.peekable();
    a.filter(move |&x| {
        while b.next_if(|&y| y < x).is_some() {}
        b.peek() == Some(&x)
    })
}

/// The length of `base` and the position in it of each of `ids` (both
/// ascending), or `None` when an id is not in `base`.
fn positions(
    ids: impl Iterator<Item = u32>,
    base: impl Iterator<Item = u32>,
) -> Option<(usize, Vec<u32>)> {
    let mut ids = ids.peekable();
    let mut at = Vec::new();
    let mut len = 0usize;
    for (i, x) in base.enumerate() {
        len = i + 1;
        match ids.peek() {
            Some(&id) if id < x => return None,
            Some(&id) if id == x => {
                at.push(i as u32);
                ids.next();
            }
            _ => {}
        }
    }
    ids.peek().is_none().then_some((len, at))
}

/// A sorted list of entry ids in its shortest form, out of `n` entries;
/// the list comes in parts that follow one another.
pub fn list(parts: &[&[u32]], n: usize) -> String {
    let count: usize = parts.iter().map(|p| p.len()).sum();
    if count == 0 {
        return String::new();
    }
    let ids = || parts.iter().flat_map(|p| p.iter().copied());
    let gaps = gaps(ids());
    let bitset_len = n.div_ceil(6) + 1;
    if gaps.len() <= bitset_len {
        return gaps;
    }
    let mut missing = Vec::with_capacity(n.saturating_sub(count));
    let mut next = ids().peekable();
    for id in 0..n as u32 {
        if next.peek() == Some(&id) {
            next.next();
        } else {
            missing.push(id);
        }
    }
    let complement = format!("c{}", &gaps_of(&missing));
    if complement.len() < bitset_len {
        return complement;
    }
    bitset(ids(), n)
}

fn gaps(ids: impl Iterator<Item = u32>) -> String {
    let mut out = String::from("d");
    push_gaps(&mut out, ids);
    out
}

fn gaps_of(ids: &[u32]) -> String {
    let mut out = String::new();
    push_gaps(&mut out, ids.iter().copied());
    out
}

fn push_gaps(out: &mut String, ids: impl Iterator<Item = u32>) {
    let mut prev: i64 = -1;
    for id in ids {
        let mut v = (i64::from(id) - prev - 1) as u64;
        prev = i64::from(id);
        loop {
            let low = (v & 31) as usize;
            v >>= 5;
            if v == 0 {
                out.push(DIGITS[low] as char);
                break;
            }
            out.push(DIGITS[low | 32] as char);
        }
    }
}

fn bitset(ids: impl Iterator<Item = u32>, n: usize) -> String {
    let mut bits = vec![0u8; n.div_ceil(6)];
    for id in ids {
        bits[id as usize / 6] |= 1 << (id % 6);
    }
    let mut out = String::with_capacity(bits.len() + 1);
    out.push('b');
    out.extend(bits.iter().map(|&b| DIGITS[b as usize] as char));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder `search.js` uses, in Rust, to check the encoder against.
    fn decode(s: &str, n: usize) -> Vec<u32> {
        let digit = |c: u8| DIGITS.iter().position(|&d| d == c).unwrap() as u64;
        let read_gaps = |body: &str| {
            let mut out = Vec::new();
            let (mut prev, mut v, mut shift) = (-1i64, 0u64, 0);
            for c in body.bytes() {
                let d = digit(c);
                v |= (d & 31) << shift;
                if d & 32 != 0 {
                    shift += 5;
                    continue;
                }
                prev += v as i64 + 1;
                out.push(prev as u32);
                (v, shift) = (0, 0);
            }
            out
        };
        match s.as_bytes().first() {
            None => Vec::new(),
            Some(b'd') => read_gaps(&s[1..]),
            Some(b'c') => {
                let missing = read_gaps(&s[1..]);
                (0..n as u32).filter(|i| !missing.contains(i)).collect()
            }
            Some(b'b') => (0..n as u32)
                .filter(|&i| digit(s.as_bytes()[1 + i as usize / 6]) & (1 << (i % 6)) != 0)
                .collect(),
            _ => panic!("unknown list form {s}"),
        }
    }

    /// Keys in byte order: words `w0`…, each with a long list, its marked
    /// spelling and `pairs` pairs of a few ids each (`w3` has 600).
    fn postings(n: u32) -> Vec<(String, Vec<Postings>)> {
        let mut out = Vec::new();
        for w in 0..8 {
            let word = format!("w{w}");
            let every = |step: u32| Postings {
                text: (0..n).step_by(step as usize).collect(),
                names: vec![w],
            };
            out.push((word.clone(), vec![every(2 + w)]));
            let pairs = if w == 3 { 600 } else { 40 };
            for p in 0..pairs {
                let few = Postings {
                    text: Vec::new(),
                    names: vec![p, p + 7, p + 100],
                };
                out.push((format!("{word} x{p:03}"), vec![few]));
            }
            out.push((format!("{word}!s"), vec![every(50)]));
        }
        out
    }

    #[test]
    fn a_shard_starts_with_a_word_unless_the_words_run_passes_the_group_bound() {
        let n = 12_000;
        let entries: Vec<Entry<'_>> = (0..n).map(|_| Entry::default()).collect();
        let files = files(&entries, &postings(n as u32));
        let shards: Vec<&IndexFile> = files.iter().filter(|f| f.name.starts_with('s')).collect();
        assert!(shards.len() > 3, "{} shards", shards.len());
        let mut cut_inside = 0;
        for pair in shards.windows(2) {
            let next: Vec<(String, String, String)> =
                serde_json::from_slice(&pair[1].bytes).unwrap();
            let first = &next[0].0;
            if first.contains([' ', '!']) {
                // Only a run longer than GROUP_BYTES is cut inside.
                assert!(first.starts_with("w3 "), "{first}");
                assert!(pair[0].bytes.len() >= GROUP_BYTES);
                cut_inside += 1;
            }
        }
        assert!(cut_inside >= 1, "w3's run is longer than GROUP_BYTES");
        for s in &shards {
            assert!(
                s.bytes.len() <= GROUP_BYTES + 4096,
                "{} {}",
                s.name,
                s.bytes.len()
            );
        }
    }

    const N: usize = 3000;

    fn every(step: usize) -> Vec<u32> {
        (0..N as u32).step_by(step).collect()
    }

    /// "cum" is in the names of every second entry, "so" of every third:
    /// both in every sixth. The pair "cum so" is in all of those but 600;
    /// "cụm" (`cum!j`) in every fourth. Returns the keys and the pair's ids.
    fn cum_so() -> (Vec<(String, Vec<Postings>)>, Vec<u32>) {
        let one = |names: Vec<u32>| {
            vec![Postings {
                text: Vec::new(),
                names,
            }]
        };
        let pair: Vec<u32> = every(6).into_iter().filter(|&i| i != 600).collect();
        let postings = vec![
            ("cum".to_string(), one(every(2))),
            ("cum so".to_string(), one(pair.clone())),
            ("cum!j".to_string(), one(every(4))),
            ("so".to_string(), one(every(3))),
        ];
        (postings, pair)
    }

    #[test]
    fn a_pairs_or_marked_spellings_names_are_positions_among_its_words_names() {
        let (n, both) = (N, every(6));
        let (postings, pair) = cum_so();
        let names = |i: usize| &postings[i].1[0].names[..];
        let written = names_list("cum so", &[names(1)], n, &postings);
        // 499 of 500: the complement of one position among the 500.
        assert_eq!(written, format!("rc{}", gaps_of(&[100])));
        let at = decode(&written[1..], both.len());
        let ids: Vec<u32> = at.iter().map(|&i| both[i as usize]).collect();
        assert_eq!(ids, pair);
        // A marked spelling counts among its word's names.
        let marked = names_list("cum!j", &[names(2)], n, &postings);
        assert!(marked.starts_with('r'), "{marked}");
        let at = decode(&marked[1..], every(2).len());
        let ids: Vec<u32> = at.iter().map(|&i| every(2)[i as usize]).collect();
        assert_eq!(ids, every(4));
        // A word's list, and a pair with an entry its words' names do not
        // both have, are written plain.
        assert_eq!(
            names_list("so", &[names(3)], n, &postings),
            list(&[names(3)], n)
        );
        let outside = [&pair[..], &[2999]].concat();
        assert_eq!(
            names_list("cum so", &[&outside], n, &postings),
            list(&[&outside], n)
        );
        // So is a pair whose second word has no record.
        assert_eq!(
            names_list("cum xe", &[names(1)], n, &postings),
            list(&[names(1)], n)
        );
    }

    /// The ids `search.js` ranks for `query` over `records` (key, text
    /// list, names list) of `n` entries, best first.
    fn ranked_by_the_browser(
        records: &[(&str, String, String)],
        n: usize,
        query: &str,
    ) -> Vec<u32> {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/themes/default/static/search.js"
        );
        let root = serde_json::json!({ "n": n, "a": ABBREVIATIONS, "s": [""] });
        let input = serde_json::to_string(&(root, [records], query)).unwrap();
        let out = std::process::Command::new("node")
            .args(["-e", RANK_JS, script, &input])
            .output()
            .expect("node (Debian's nodejs) runs the theme's search.js in these tests");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    const RANK_JS: &str = "const s = require(process.argv[1]); \
        const [root, shards, q] = JSON.parse(process.argv[2]); \
        console.log(JSON.stringify(s.rank(root, shards, s.parse(q, root)).map((h) => h[0])));";

    #[test]
    fn the_browser_reads_a_relative_list_as_the_ids_it_was_written_from() {
        let n = N;
        let (postings, pair) = cum_so();
        let records: Vec<(&str, String, String)> = postings
            .iter()
            .map(|(k, p)| {
                (
                    k.as_str(),
                    String::new(),
                    names_list(k, &[&p[0].names], n, &postings),
                )
            })
            .collect();
        assert!(records[1].2.starts_with('r') && records[2].2.starts_with('r'));
        // Every entry with both words; those with the pair first, the one
        // without it last.
        let mut expected = pair.clone();
        expected.push(600);
        assert_eq!(ranked_by_the_browser(&records, n, "cum so"), expected);
        // Every entry with "cum"; those spelt "cụm" first.
        let spelt: Vec<u32> = every(4);
        let rest = every(2).into_iter().filter(|i| i % 4 != 0);
        let expected: Vec<u32> = spelt.iter().copied().chain(rest).collect();
        assert_eq!(ranked_by_the_browser(&records, n, "cụm"), expected);
    }

    #[test]
    fn each_form_decodes_to_its_ids_and_the_shortest_is_chosen() {
        let n = 1000;
        let sparse = vec![0, 5, 31, 32, 999];
        let half: Vec<u32> = (0..n as u32).filter(|i| i % 2 == 0).collect();
        let almost_all: Vec<u32> = (0..n as u32).filter(|i| i % 97 != 0).collect();
        for (ids, form) in [(&sparse, 'd'), (&half, 'b'), (&almost_all, 'c')] {
            let s = list(&[ids], n);
            // The same ids cut into parts (as chunks of entries give them).
            let (a, b) = ids.split_at(ids.len() / 3);
            assert_eq!(list(&[a, &[], b], n), s);
            assert!(s.starts_with(form), "{form}: {s}");
            assert_eq!(&decode(&s, n), ids);
            assert!(s.len() <= n.div_ceil(6) + 1);
        }
        let big_gap = vec![70_000];
        assert_eq!(decode(&list(&[&big_gap], 100_000), 100_000), big_gap);
    }
}
