//! How search cuts text into words and folds them (DOMAIN.md §3.6). The
//! browser's `search.js` does the same, step for step; `tests/search_fold.rs`
//! runs both over one table (`tests/search-words.txt`), so change them together.
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

/// The most words an abbreviation spells out.
pub const LONGEST_SPELLED: usize = 6;

/// One word of a text: where it is (byte offsets) and its folded forms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub key: String,
    pub signature: String,
}

impl Word {
    /// The index key of the word as written: `key!signature`, or `None`
    /// when the word has no marks.
    pub fn exact(&self) -> Option<String> {
        (!self.signature.is_empty())
            .then(|| format!("{}{SIGNATURE_MARK}{}", self.key, self.signature))
    }
}

/// Calls `f` for every word of `text`, in order. The buffers are reused, so
/// indexing a long body allocates only for the words it keeps.
pub fn for_each_word(text: &str, mut f: impl FnMut(&Word)) {
    let mut w = Builder::default();
    for (at, c) in text.char_indices() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                w.letter(at, c.to_ascii_lowercase());
            } else {
                w.flush(&mut f);
            }
            continue;
        }
        if c == '\u{200B}' {
            w.flush(&mut f);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        for lc in c.to_lowercase() {
            decompose_canonical(lc, |d| w.part(at, d, &mut f));
        }
        w.end = at + c.len_utf8();
    }
    w.flush(&mut f);
}

/// Every word of `text`, collected.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.clone()));
    out
}

#[derive(Default)]
struct Builder {
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
        w.signature.push_str(&(self.letters - 1).to_string());
        w.signature.push(code);
    }

    /// One character of a decomposed, lowercased character at `at`.
    fn part(&mut self, at: usize, d: char, f: &mut impl FnMut(&Word)) {
        if is_combining_mark(d) {
            if self.letters == 0 {
                return;
            }
            match d {
                '\u{0300}' => self.tone = Some('f'),
                '\u{0301}' => self.tone = Some('s'),
                '\u{0309}' => self.tone = Some('r'),
                '\u{0303}' => self.tone = Some('x'),
                '\u{0323}' => self.tone = Some('j'),
                '\u{0302}' => self.shape('^'),
                '\u{0306}' => self.shape('('),
                '\u{031B}' => self.shape('+'),
                _ => {}
            }
            return;
        }
        match d {
            'đ' | 'ð' | 'ɖ' => {
                self.letter(at, 'd');
                self.shape('-');
            }
            _ if d.is_alphanumeric() => self.letter(at, d),
            _ => self.flush(f),
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

/// The abbreviation whose spelled-out words start at `keys[i]`, if any.
pub fn abbreviation_at(keys: &[&str], i: usize) -> Option<&'static str> {
    ABBREVIATIONS.iter().find_map(|(abbr, spelled)| {
        let end = i + spelled.len();
        (end <= keys.len() && keys[i..end] == **spelled).then_some(*abbr)
    })
}

/// The abbreviation whose spelled-out words end `recent`, if any.
pub fn abbreviation_ending(recent: &std::collections::VecDeque<String>) -> Option<&'static str> {
    ABBREVIATIONS.iter().find_map(|(abbr, spelled)| {
        let matches = recent.len() >= spelled.len()
            && recent
                .iter()
                .rev()
                .zip(spelled.iter().rev())
                .all(|(a, b)| a == b);
        matches.then_some(*abbr)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<(String, String)> {
        words(s).into_iter().map(|w| (w.key, w.signature)).collect()
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
