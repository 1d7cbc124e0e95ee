//! Vietnamese text: NFC, folding, slugs, collation, numbers and dates.
//!
//! Every rule here comes from DOMAIN.md §3 and FORMAT.md §1/§7/§11. The module
//! is pure (no I/O) so every other stage can call it from any thread.

mod collate;
mod dates;
mod fold;
mod legacy;
mod numbers;

pub use collate::{Collator, collator, sort_vi};
pub use dates::{format_date, format_datetime};
pub use fold::{fold, identity_key, slugify};
pub use legacy::{LegacyEncoding, detect_legacy};
pub use numbers::{
    DecimalError, DecimalSeparator, decimal_plain, format_decimal, format_integer, parse_decimal,
    round_half_away,
};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFC-normalise (every text input goes through this).
pub fn nfc(s: &str) -> String {
    // Most input is already NFC (Unikey's default); the check avoids a rebuild.
    if is_nfc(s) {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// [`nfc`] of an owned string, given back untouched when it is NFC already.
pub fn nfc_owned(s: String) -> String {
    if is_nfc(&s) { s } else { s.nfc().collect() }
}

/// Whether `s` is NFC. Characters below U+0300 (ASCII, Latin-1, ư, ơ, đ),
/// the precomposed Vietnamese letters (U+1E00–U+1EFF) and the dashes, quotes
/// and ellipsis of U+2010–U+2027 are all "NFC quick check: yes" with
/// combining class 0, so text made only of them is NFC without a table
/// lookup per character; anything else gets the full check.
fn is_nfc(s: &str) -> bool {
    plain_nfc_bytes(s.as_bytes()) || unicode_normalization::is_nfc(s)
}

/// Whether every character is one of those, read from the UTF-8 bytes: a lead
/// byte below 0xCC starts a character below U+0300 (continuation bytes are
/// below it too), `E1 B8..BB` is U+1E00–U+1EFF, `E2 80 90..A7` is
/// U+2010–U+2027. About one comparison per byte.
fn plain_nfc_bytes(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0..0xCC => i += 1,
            0xE1 if matches!(b.get(i + 1), Some(0xB8..=0xBB)) => i += 3,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x90..=0xA7)) => {
                i += 3;
            }
            _ => return false,
        }
    }
    true
}

/// True for U+200B, U+200C, U+200D, U+2060, U+FEFF, U+00AD.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Whether a file name written in front matter or `data/` would reach
/// outside the folder it is read from: a `..` part, a drive (`C:`), a
/// backslash (Windows paths), or `/` first when `rooted_ok` is false.
pub fn leaves_folder(path: &str, rooted_ok: bool) -> bool {
    let p = path.trim();
    let drive = p.len() >= 2 && p.as_bytes()[0].is_ascii_alphabetic() && p.as_bytes()[1] == b':';
    drive
        || p.contains('\\')
        || (!rooted_ok && p.starts_with('/'))
        || p.split('/').any(|part| part == "..")
}

/// Characters no page, feed or table shows safely: C0 controls but tab and
/// line breaks (a NUL stops XML readers), DEL, and the bidirectional
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
/// make "gpj.exe" read "exe.jpg". Vietnamese text never needs them.
pub fn is_unsafe_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `bytes` as a string when they are UTF-8. Checked by simdutf8 (already
/// in the build through encoding_rs), then copied: the text of a site is mostly
/// Vietnamese, outside ASCII, where the standard library's check was 2 to 4 %
/// of a build (every Markdown file read, every stored body read back twice).
/// The standard check runs only to describe an error.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
}

/// `s` without [`is_unsafe_control`] characters; borrowed when it has none.
pub fn without_unsafe_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_unsafe_control) {
        std::borrow::Cow::Owned(s.chars().filter(|&c| !is_unsafe_control(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Removes invisible characters; the bool says whether any were found (callers warn).
pub fn strip_invisible(s: &str) -> (String, bool) {
    if !s.chars().any(is_invisible) {
        return (s.to_owned(), false);
    }
    (s.chars().filter(|&c| !is_invisible(c)).collect(), true)
}

/// Display width of a string in terminal columns (unicode-width), for caret alignment in diagnostics.
pub fn display_width(s: &str) -> usize {
    // Combining marks are zero-width, so NFC and NFD text line up the same.
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts plain text at a word boundary to at most `max_chars` characters and appends "…" when cut.
///
/// The input is NFC-normalised first, so `max_chars` counts letters the way a reader
/// sees them and NFD input gives the same result. Whitespace runs collapse to one
/// space. `max_chars` bounds the text *before* the "…" (which is added only when
/// something was cut). A single word longer than the limit is cut inside the word,
/// never between a letter and its combining marks. Trailing `,;:-–—` before the cut
/// is dropped so the result does not end in "nghị,…".
pub fn truncate_words(s: &str, max_chars: usize) -> String {
    let text = collapse_whitespace(&nfc(s));
    // Byte offset of character `max_chars`: with none, the text fits.
    let Some((end, at_end)) = text.char_indices().nth(max_chars) else {
        return text;
    };
    // The longest prefix ending at a word boundary: the char after the cut
    // is a space (a space at byte 0 would be char 0, never a cut).
    let cut = match text[..end + at_end.len_utf8()].rfind(' ') {
        Some(p) if p > 0 => p,
        _ => {
            // One long first word: cut inside it, but keep a letter with its marks.
            let mut cut = end;
            while let Some(c) = text[cut..].chars().next()
                && cut > 0
                && is_combining_mark(c)
            {
                cut = text[..cut].char_indices().next_back().map_or(0, |(i, _)| i);
            }
            cut
        }
    };
    let mut body = text[..cut].to_string();
    let trimmed_len = body
        .trim_end_matches(|c: char| c == ' ' || ",;:-–—".contains(c))
        .len();
    body.truncate(trimmed_len);
    body.push('…');
    body
}

/// Collapses every whitespace run (NBSP included) to one ASCII space and trims.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters `plain_nfc_bytes` reads as NFC without a lookup.
    fn is_plain_nfc(c: char) -> bool {
        matches!(c as u32, 0..0x300 | 0x1E00..=0x1EFF | 0x2010..=0x2027)
    }

    #[test]
    fn the_characters_taken_as_nfc_without_a_lookup_are_nfc_in_any_company() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{IsNormalized, is_nfc_quick};
        let plain: Vec<char> = (0..0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain_nfc(c))
            .collect();
        assert!(plain.len() > 1000 && plain.contains(&'ệ') && plain.contains(&'…'));
        for &c in &plain {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        // The byte reading agrees with the character one, in any company.
        let all: String = plain.iter().collect();
        assert!(plain_nfc_bytes(all.as_bytes()));
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let s = format!("a{c}ệ");
            assert_eq!(plain_nfc_bytes(s.as_bytes()), is_plain_nfc(c), "{c:?}");
        }
        // Not taken as plain: combining marks and characters NFC replaces.
        assert!(!is_plain_nfc('\u{0301}') && !is_plain_nfc('\u{2000}'));
        let decomposed = "Thu\u{0309}y Ti\u{00EA}\u{0301}n";
        assert_eq!(nfc_owned(decomposed.to_string()), "Thủy Tiến");
        assert_eq!(
            nfc_owned("Đà Nẵng – “Hòa” …".to_string()),
            "Đà Nẵng – “Hòa” …"
        );
    }

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn nfc_composes_nfd_and_vn_combining() {
        let cases = [
            ("Hội nghị", "Hội nghị"),
            (&nfd("Hội nghị") as &str, "Hội nghị"),
            // "VN-combining" from a CP1258 decoder: precomposed ơ plus a combining hook.
            ("S\u{01A1}\u{0309}", "Sở"),
            // ệ with the marks in non-canonical order.
            ("e\u{0302}\u{0323}", "ệ"),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(nfc(input), want, "{input:?}");
        }
    }

    #[test]
    fn invisible_chars() {
        for c in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in [' ', '\u{00A0}', 'a', 'đ', '\u{0301}'] {
            assert!(!is_invisible(c), "{c:?}");
        }
        assert_eq!(
            strip_invisible("\u{FEFF}Sở\u{200B} Tư\u{00AD}pháp"),
            ("Sở Tưpháp".to_owned(), true)
        );
        assert_eq!(
            strip_invisible("Sở Tư pháp"),
            ("Sở Tư pháp".to_owned(), false)
        );
    }

    #[test]
    fn display_width_cases() {
        assert_eq!(display_width("Hội nghị"), 8);
        assert_eq!(display_width(&nfd("Hội nghị")), 8);
        assert_eq!(display_width("漢字"), 4);
        assert_eq!(display_width(""), 0);
    }

    #[test]
    fn truncate_words_cases() {
        let s = "Hội nghị ký kết giao ước thi đua năm 2024";
        let cases: &[(&str, usize, &str)] = &[
            (s, 100, s),
            (s, 41, s),
            (s, 40, "Hội nghị ký kết giao ước thi đua năm…"),
            (s, 12, "Hội nghị ký…"),
            (s, 11, "Hội nghị ký…"),
            (s, 10, "Hội nghị…"),
            (s, 8, "Hội nghị…"),
            (s, 2, "Hộ…"),
            ("Hội nghị, tổng kết", 12, "Hội nghị…"),
            (
                "  Hội\u{00A0}\u{00A0}nghị \n tổng   kết ",
                100,
                "Hội nghị tổng kết",
            ),
            ("Nghiêngnghiêngnghiêng", 8, "Nghiêngn…"),
            ("", 5, ""),
            ("abc", 0, "…"),
        ];
        for &(input, max, want) in cases {
            assert_eq!(truncate_words(input, max), want, "{input:?} {max}");
            assert_eq!(
                truncate_words(&nfd(input), max),
                want,
                "NFD {input:?} {max}"
            );
        }
    }

    #[test]
    fn truncate_never_separates_marks() {
        // A stray combining mark that NFC cannot compose stays with its letter.
        let s = "ab\u{0347}cd";
        assert_eq!(truncate_words(s, 2), "a…");
        assert_eq!(truncate_words(s, 3), "ab\u{0347}…");
    }

    #[test]
    fn paths_that_leave_their_folder_are_recognised() {
        for p in [
            "../../etc/passwd",
            "a/../../b",
            "C:\\Windows\\win.ini",
            "c:/x",
            "a\\b",
        ] {
            assert!(super::leaves_folder(p, true), "{p}");
        }
        assert!(super::leaves_folder("/etc/passwd", false));
        for p in [
            "docs/2024/ke-hoach.pdf",
            "/docs/a.pdf",
            "a..b.jpg",
            "anh.JPG",
        ] {
            assert!(!super::leaves_folder(p, true), "{p}");
        }
        assert!(!super::leaves_folder("toan-canh.jpg", false));
    }
}
