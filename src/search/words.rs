//! How search cuts text into words and folds them (DOMAIN.md §3.6). The
//! browser's `search.js` does the same, step for step; `tests/search.rs`
//! runs both over one table (`tests/search/words.jsonl`), so change them together.
//!
//! A word is a run of letters and digits after NFD and lowercasing. Its
//! **key** keeps only base letters (tones and vowel shapes dropped, `đ` → `d`),
//! so "Đà Nẵng", "da nang" and "ĐÀ NẴNG" meet. Its **signature** records what
//! folding removed, independent of where the tone was written: each shape mark
//! with the letter it sits on (`^` circumflex, `(` breve, `+` horn, `-` the
//! stroke of đ), then the tone as its Telex letter (`f` huyền, `s` sắc, `r` hỏi,
//! `x` ngã, `j` nặng). "hoà" and "hòa" are both `hoa` with signature `f`;
//! "thuỷ" and "thủy" are `thuy` with `r`; "ắ" is `a` with `0(s`. A query typed
//! with marks prefers the words whose signature matches.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::text::is_invisible;

/// Separates a word's key from its signature in an index key; it sorts
/// before every letter and digit, so "ma!s" stays next to "ma".
pub const SIGNATURE_MARK: char = '!';

/// Abbreviations staff write for names the text may spell out, and the
/// reverse: where the words appear in a row, the abbreviation is indexed too,
/// and a query that spells them out looks for the abbreviation.
pub const ABBREVIATIONS: &[(&str, &[&str])] = &[
    ("ubnd", &["uy", "ban", "nhan", "dan"]),
    ("hdnd", &["hoi", "dong", "nhan", "dan"]),
    ("ldld", &["lien", "doan", "lao", "dong"]),
    ("cdvc", &["cong", "doan", "vien", "chuc"]),
    ("cnvc", &["cong", "nhan", "vien", "chuc"]),
    ("cnvcld", &["cong", "nhan", "vien", "chuc", "lao", "dong"]),
    ("mttq", &["mat", "tran", "to", "quoc"]),
    ("tncs", &["thanh", "nien", "cong", "san"]),
    ("ctcp", &["cong", "ty", "co", "phan"]),
    ("tnhh", &["trach", "nhiem", "huu", "han"]),
    ("thpt", &["trung", "hoc", "pho", "thong"]),
    ("thcs", &["trung", "hoc", "co", "so"]),
];

/// One word of a text: where it is (byte offsets) and its folded forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub signature: String,
}

impl Word {
    /// Writes into `into` the index key of the word as written,
    /// `key!signature`; false, writing nothing, when the word has no marks.
    pub fn write_exact(&self, into: &mut String) -> bool {
        if self.signature.is_empty() {
            return false;
        }
        into.clear();
        into.push_str(&self.key);
        into.push(SIGNATURE_MARK);
        into.push_str(&self.signature);
        true
    }
}

/// Calls `f` for every word of `text`, in order. The buffers are reused, so
/// indexing a long body allocates only for the words it keeps.
pub fn for_each_word(text: &str, mut f: impl FnMut(&Word)) {
    let mut reader = WordReader::default();
    reader.feed(text, 0, &mut f);
    reader.finish(&mut f);
}

/// Reads words from text given in pieces (a body's HTML between its tags):
/// a word may run on from one piece to the next.
#[derive(Default)]
pub struct WordReader {
    w: Builder,
}

impl WordReader {
    /// A reader that gives each word's key only, its signature left empty:
    /// a body's words are indexed without their marks, so working the marks
    /// out for them is skipped.
    pub fn keys_only() -> Self {
        WordReader {
            w: Builder {
                keys_only: true,
                ..Builder::default()
            },
        }
    }

    /// Reads `text`, found at byte `base` of the whole.
    pub fn feed(&mut self, text: &str, base: usize, f: &mut impl FnMut(&Word)) {
        let table = step_table();
        let w = &mut self.w;
        for (at, c) in text.char_indices() {
            let at = base + at;
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    w.letter(at, c.to_ascii_lowercase());
                } else {
                    w.flush(f);
                }
                continue;
            }
            match table.get(c as usize - 0x80) {
                Some(steps) if steps.len != SLOW => {
                    if steps.len == INVISIBLE {
                        continue;
                    }
                    for &s in &steps.steps[..steps.len as usize] {
                        w.step(at, s, f);
                    }
                }
                _ => {
                    if is_invisible(c) && c != '\u{200B}' {
                        continue;
                    }
                    for_each_step(c, |s| w.step(at, s, f));
                }
            }
            w.end = at + c.len_utf8();
        }
    }

    /// Ends the word being read, as a space would.
    pub fn finish(&mut self, f: &mut impl FnMut(&Word)) {
        self.w.flush(f);
    }
}

/// What one character (lowercased, decomposed) does to the word being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Letter(char),
    /// `đ`: the letter `d` with its stroke.
    Stroke,
    /// A combining mark: a tone or shape code, `'\0'` for one search ignores.
    Mark(char),
    /// Ends the word.
    Break,
}

/// The steps of a character outside ASCII, worked out from Unicode's tables.
fn for_each_step(c: char, mut f: impl FnMut(Step)) {
    if c == '\u{200B}' {
        return f(Step::Break);
    }
    for lc in c.to_lowercase() {
        decompose_canonical(lc, |d| f(step_of(d)));
    }
}

fn step_of(d: char) -> Step {
    if is_combining_mark(d) {
        return Step::Mark(match d {
            '\u{0300}' => 'f',
            '\u{0301}' => 's',
            '\u{0309}' => 'r',
            '\u{0303}' => 'x',
            '\u{0323}' => 'j',
            '\u{0302}' => '^',
            '\u{0306}' => '(',
            '\u{031B}' => '+',
            _ => '\0',
        });
    }
    match d {
        'đ' | 'ð' | 'ɖ' => Step::Stroke,
        _ if d.is_alphanumeric() => Step::Letter(d),
        _ => Step::Break,
    }
}

/// The steps of one character, as the table keeps them.
#[derive(Clone, Copy)]
struct Steps {
    len: u8,
    steps: [Step; 4],
}

/// [`Steps::len`] of an invisible character (skipped, not a word break).
const INVISIBLE: u8 = 254;
/// [`Steps::len`] of a character with more steps than the table holds.
const SLOW: u8 = 255;
/// The table covers U+0080 to here: Latin, Greek, Cyrillic and the
/// Vietnamese block (U+1EA0–U+1EF9), which is most of what sites hold.
const TABLE_END: u32 = 0x2000;

/// Lowercasing and decomposing cost most of the indexing, and the same
/// few dozen characters make up Vietnamese text, so each character's steps
/// are worked out once per process.
fn step_table() -> &'static [Steps] {
    static TABLE: std::sync::OnceLock<Vec<Steps>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x80..TABLE_END)
            .map(|u| {
                let mut t = Steps {
                    len: 0,
                    steps: [Step::Break; 4],
                };
                let Some(c) = char::from_u32(u) else {
                    t.len = SLOW;
                    return t;
                };
                if c != '\u{200B}' && is_invisible(c) {
                    t.len = INVISIBLE;
                    return t;
                }
                for_each_step(c, |s| {
                    if (t.len as usize) < t.steps.len() {
                        t.steps[t.len as usize] = s;
                        t.len += 1;
                    } else {
                        t.len = SLOW;
                    }
                });
                t
            })
            .collect()
    })
}

/// Every word of `text`, collected.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.clone()));
    out
}

#[derive(Default)]
struct Builder {
    /// Marks are skipped, not recorded in the signature.
    keys_only: bool,
    word: Word,
    /// Byte offset just past the word's last character so far.
    end: usize,
    tone: Option<char>,
    letters: usize,
}

impl Builder {
    fn letter(&mut self, at: usize, c: char) {
        if self.word.key.is_empty() {
            self.word.start = at;
        }
        self.word.key.push(c);
        self.letters += 1;
        self.end = at + c.len_utf8();
    }

    fn shape(&mut self, code: char) {
        let w = &mut self.word;
        // The letter's position, written without allocating: this runs for
        // most syllables of every body.
        let mut at = self.letters - 1;
        let mut digits = [0u8; 20];
        let mut n = 0;
        loop {
            digits[n] = b'0' + (at % 10) as u8;
            n += 1;
            at /= 10;
            if at == 0 {
                break;
            }
        }
        for &d in digits[..n].iter().rev() {
            w.signature.push(d as char);
        }
        w.signature.push(code);
    }

    /// One step of the character at `at`.
    fn step(&mut self, at: usize, s: Step, f: &mut impl FnMut(&Word)) {
        match s {
            // A mark before any letter has nothing to sit on.
            Step::Mark(_) if self.letters == 0 || self.keys_only => {}
            Step::Mark(t @ ('f' | 's' | 'r' | 'x' | 'j')) => self.tone = Some(t),
            Step::Mark(code @ ('^' | '(' | '+')) => self.shape(code),
            Step::Mark(_) => {}
            Step::Stroke => {
                self.letter(at, 'd');
                if !self.keys_only {
                    self.shape('-');
                }
            }
            Step::Letter(d) => self.letter(at, d),
            Step::Break => self.flush(f),
        }
    }

    fn flush(&mut self, f: &mut impl FnMut(&Word)) {
        if self.letters == 0 {
            return;
        }
        if let Some(t) = self.tone.take() {
            self.word.signature.push(t);
        }
        self.word.end = self.end;
        f(&self.word);
        self.word.key.clear();
        self.word.signature.clear();
        self.letters = 0;
    }
}

/// Finds, word by word, where a text spells out an abbreviation.
///
/// Each abbreviation keeps how many of its words the last words matched; a
/// mismatch starts again from its first word. That is exact because no
/// spelled-out list repeats its first word (a test checks it), so a partial
/// match never overlaps another.
#[derive(Debug, Default)]
pub struct SpelledOut {
    matched: [usize; ABBREVIATIONS.len()],
    /// Some abbreviation has matched a word or more.
    started: bool,
}

impl SpelledOut {
    /// The next word's key; the abbreviation whose words it completes, if any.
    pub fn push(&mut self, key: &str) -> Option<&'static str> {
        // Most words of a body are in no spelled-out list: they only end
        // the matches begun. Comparing each with all twelve lists was a
        // quarter of reading a body's words (measured at 10,000 articles).
        if !SpelledWords::get().may_have(key) {
            if self.started {
                self.matched = [0; ABBREVIATIONS.len()];
                self.started = false;
            }
            return None;
        }
        let mut found = None;
        for ((abbr, spelled), matched) in ABBREVIATIONS.iter().zip(&mut self.matched) {
            *matched = if spelled[*matched] == key {
                *matched + 1
            } else {
                usize::from(spelled[0] == key)
            };
            if *matched == spelled.len() {
                *matched = 0;
                found = found.or(Some(*abbr));
            }
        }
        self.started = self.matched.iter().any(|&m| m > 0);
        found
    }
}

/// A quick test that a key is none of the words of [`ABBREVIATIONS`]: by
/// its length, first and last letter.
struct SpelledWords {
    /// For each length, for each first byte `a`–`z`, a bit per last byte.
    ends: [[u32; 26]; Self::LONGEST + 1],
}

impl SpelledWords {
    const LONGEST: usize = 8;

    fn get() -> &'static SpelledWords {
        static WORDS: std::sync::OnceLock<SpelledWords> = std::sync::OnceLock::new();
        WORDS.get_or_init(|| {
            let mut t = SpelledWords {
                ends: [[0; 26]; Self::LONGEST + 1],
            };
            for word in ABBREVIATIONS.iter().flat_map(|(_, spelled)| spelled.iter()) {
                // Every word has ends (a test checks it).
                if let Some((first, last)) = Self::ends_of(word) {
                    t.ends[word.len()][first] |= 1 << last;
                }
            }
            t
        })
    }

    /// False only when `key` is none of the words.
    fn may_have(&self, key: &str) -> bool {
        match Self::ends_of(key) {
            Some((first, last)) => self.ends[key.len()][first] & (1 << last) != 0,
            None => false,
        }
    }

    /// The first and last letter, 0 for `a`, of a word short enough to be
    /// one of the words and spelled in `a`–`z`.
    fn ends_of(key: &str) -> Option<(usize, usize)> {
        let b = key.as_bytes();
        let letter = |c: u8| c.is_ascii_lowercase().then(|| usize::from(c - b'a'));
        if b.len() > Self::LONGEST {
            return None;
        }
        Some((letter(*b.first()?)?, letter(*b.last()?)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<(String, String)> {
        words(s).into_iter().map(|w| (w.key, w.signature)).collect()
    }

    #[test]
    fn no_spelled_out_list_repeats_its_first_word() {
        for (abbr, spelled) in ABBREVIATIONS {
            assert!(!spelled[1..].contains(&spelled[0]), "{abbr}");
        }
    }

    #[test]
    fn spelled_out_finds_an_abbreviation_after_a_false_start() {
        let mut m = SpelledOut::default();
        let text = "uy ban uy ban nhan dan lien doan lien doan lao dong";
        let found: Vec<&str> = text.split(' ').filter_map(|k| m.push(k)).collect();
        assert_eq!(found, ["ubnd", "ldld"]);
    }

    #[test]
    fn every_spelled_out_word_passes_the_quick_test() {
        let quick = SpelledWords::get();
        for (_, spelled) in ABBREVIATIONS {
            for word in *spelled {
                assert!(quick.may_have(word), "{word}");
            }
        }
        for other in ["thi", "dua", "cua", "2023", "", "uyban"] {
            assert!(!quick.may_have(other), "{other}");
        }
    }

    #[test]
    fn a_word_in_no_list_ends_a_match_begun() {
        let mut m = SpelledOut::default();
        let text = "uy ban thi nhan dan uy ban nhan dan";
        let found: Vec<&str> = text.split(' ').filter_map(|k| m.push(k)).collect();
        assert_eq!(found, ["ubnd"]);
    }

    #[test]
    fn keys_only_gives_the_same_keys_without_signatures() {
        let s = "Đường Sở Tư pháp ắ ố ứ hoà";
        let mut got = Vec::new();
        let mut reader = WordReader::keys_only();
        reader.feed(s, 0, &mut |w: &Word| {
            got.push((w.key.clone(), w.signature.clone()))
        });
        reader.finish(&mut |w: &Word| got.push((w.key.clone(), w.signature.clone())));
        let want: Vec<(String, String)> = keys(s)
            .into_iter()
            .map(|(k, _)| (k, String::new()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_word_runs_on_across_pieces() {
        let mut got = Vec::new();
        let mut reader = WordReader::default();
        let mut f = |w: &Word| got.push(w.key.clone());
        reader.feed("Tư ph", 0, &mut f);
        reader.feed("áp", 6, &mut f);
        reader.finish(&mut f);
        assert_eq!(got, ["tu", "phap"]);
    }

    #[test]
    fn the_step_table_agrees_with_unicode() {
        for u in 0x80..TABLE_END {
            let Some(c) = char::from_u32(u) else { continue };
            let t = step_table()[u as usize - 0x80];
            if t.len == SLOW || t.len == INVISIBLE {
                continue;
            }
            let mut direct = Vec::new();
            for_each_step(c, |s| direct.push(s));
            assert_eq!(&t.steps[..t.len as usize], &direct[..], "U+{u:04X}");
        }
    }

    #[test]
    fn tone_placement_does_not_change_the_signature() {
        assert_eq!(keys("hoà"), keys("hòa"));
        assert_eq!(keys("thuỷ"), keys("thủy"));
        assert_eq!(keys("Uỷ ban"), keys("Ủy ban"));
    }

    #[test]
    fn nfd_input_gives_the_same_words_as_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let s = "Đường Sở Tư pháp ắ ố ứ";
        assert_eq!(keys(s), keys(&s.nfd().collect::<String>()));
    }

    #[test]
    fn offsets_cover_the_written_word() {
        let s = "Sở Tư‑pháp, 2023";
        let got: Vec<&str> = words(s).iter().map(|w| &s[w.start..w.end]).collect();
        assert_eq!(got, ["Sở", "Tư", "pháp", "2023"]);
    }
}
