//! Vietnamese text: NFC, folding, slugs, collation, numbers and dates.
//! (Temporary minimal version; the full module lands from the `text` branch.)

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

pub fn strip_invisible(s: &str) -> (String, bool) {
    let out: String = s.chars().filter(|c| !is_invisible(*c)).collect();
    let changed = out.len() != s.len();
    (out, changed)
}

pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' | 'Ð' | 'Ɖ' => 'd',
            '\u{200B}' => ' ',
            c if is_invisible(c) => continue,
            _ => c,
        };
        for lc in c.to_lowercase() {
            if lc.is_whitespace() {
                if !last_space {
                    out.push(' ');
                    last_space = true;
                }
            } else {
                out.push(lc);
                last_space = false;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub fn identity_key(s: &str) -> String {
    fold(s)
}

pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

pub fn format_date(d: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

pub fn format_datetime(dt: jiff::civil::DateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(dt.date()),
        dt.hour(),
        dt.minute()
    )
}

pub fn truncate_words(s: &str, max_chars: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = String::new();
    for w in &words {
        if out.chars().count() + w.chars().count() + 1 > max_chars {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

pub struct Collator;
impl Collator {
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        a.cmp(b)
    }
}
pub fn collator() -> &'static Collator {
    &Collator
}
pub fn sort_vi<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    items.sort_by(|a, b| collator().compare(key(a), key(b)));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    Tcvn3,
    Vni,
}
pub fn detect_legacy(_s: &str) -> Option<(LegacyEncoding, usize, usize)> {
    None
}

pub fn format_integer(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}
