//! Search folding, URL slugs and identity keys (DOMAIN.md §3.2, §3.4, §3.6).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::is_invisible;

/// Search key: NFC→lowercase→old/new tone placement unified→marks stripped→đ/Đ/Ð/Ɖ→d, invisible chars removed
/// (U+200B becomes a space), NBSP and all whitespace runs collapse to one space, trimmed.
///
/// Stripping every mark makes tone placement irrelevant (hoà and hòa both give "hoa"),
/// so no placement step is needed here. đ has no decomposition, hence the explicit map.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        for lc in c.to_lowercase() {
            // Re-decompose: a few lowercase mappings (İ → i̇) produce marks or composites.
            decompose_canonical(lc, |d| {
                if is_combining_mark(d) {
                    return;
                }
                let d = match d {
                    'đ' | 'ð' | 'ɖ' | 'Đ' | 'Ð' | 'Ɖ' => 'd',
                    '\u{200B}' => ' ',
                    _ if is_invisible(d) => return,
                    _ => d,
                };
                if d.is_whitespace() {
                    pending_space = !out.is_empty();
                } else {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(d);
                }
            });
        }
    }
    out
}

/// URL slug: fold, keep [a-z0-9], every other run → one '-', no leading/trailing '-'.
///
/// Letters outside ASCII that survive folding (ø, ß, CJK …) count as separators: the
/// slug stays pure ASCII and callers add an id when a title yields an empty slug.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash {
                out.push('-');
                pending_dash = false;
            }
            out.push(c);
        } else {
            pending_dash = !out.is_empty();
        }
    }
    out
}

/// Identity key for duplicate detection (FORMAT.md §4): NFC, invisible chars removed, Ð (U+00D0)/Ɖ (U+0189)/đ-variants
/// mapped to Đ/đ, old/new tone placement unified (Uỷ≡Ủy, hoà≡hòa, thuỷ≡thủy, khoẻ≡khỏe, quý/qúy …), lowercase,
/// whitespace runs collapsed, trimmed. Tones and letters are otherwise KEPT (tư ≠ tu, đường ≠ dương).
///
/// U+200B counts as a space (as in `fold`), so "Tư\u{200B}pháp" ≡ "Tư pháp"; the other
/// invisible characters are removed. The key is NFC; the tone sits where the
/// "new" placement puts it (hòa, thủy, ủy).
pub fn identity_key(s: &str) -> String {
    let mut cleaned = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ð' | 'ɖ' => 'đ',
            '\u{200B}' => ' ',
            _ if is_invisible(c) => continue,
            _ => c,
        };
        if c.is_whitespace() {
            pending_space = !cleaned.is_empty();
        } else {
            if pending_space {
                cleaned.push(' ');
                pending_space = false;
            }
            cleaned.push(c);
        }
    }
    unify_tone_placement(&cleaned)
}

const GRAVE: char = '\u{0300}';
const ACUTE: char = '\u{0301}';
const TILDE: char = '\u{0303}';
const HOOK: char = '\u{0309}';
const DOT_BELOW: char = '\u{0323}';
const CIRCUMFLEX: char = '\u{0302}';
const BREVE: char = '\u{0306}';
const HORN: char = '\u{031B}';

fn is_tone(c: char) -> bool {
    matches!(c, GRAVE | ACUTE | TILDE | HOOK | DOT_BELOW)
}

fn is_shape(c: char) -> bool {
    matches!(c, CIRCUMFLEX | BREVE | HORN)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// One letter of a word in NFD: its base and the marks that follow it.
struct Letter {
    base: char,
    marks: Vec<char>,
}

/// Moves the tone of each lowercase Vietnamese syllable to one canonical vowel.
///
/// Input is lowercase; output is NFC. Words that are not a single well-formed
/// Vietnamese syllable with exactly one tone (English, French "café", "naïve",
/// malformed input) pass through unchanged, so the rule can only merge spellings
/// of the same Vietnamese syllable.
fn unify_tone_placement(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len() + 8);
    let mut word: Vec<Letter> = Vec::new();
    for c in lower.nfd() {
        if is_combining_mark(c) {
            match word.last_mut() {
                Some(letter) => letter.marks.push(c),
                None => out.push(c),
            }
        } else if c.is_alphabetic() {
            word.push(Letter {
                base: c,
                marks: Vec::new(),
            });
        } else {
            flush_word(&mut word, &mut out);
            out.push(c);
        }
    }
    flush_word(&mut word, &mut out);
    out.nfc().collect()
}

fn flush_word(word: &mut Vec<Letter>, out: &mut String) {
    if !word.is_empty() {
        place_tone(word);
        for letter in word.drain(..) {
            out.push(letter.base);
            // Shape marks before the tone: ề is e + U+0302 + U+0300, both of class 230.
            out.extend(letter.marks.iter().filter(|m| !is_tone(**m)));
            out.extend(letter.marks.iter().filter(|m| is_tone(**m)));
        }
    }
}

/// Re-places the single tone mark of a syllable by the modern rule, or leaves it alone.
fn place_tone(word: &mut [Letter]) {
    let vietnamese = word.iter().all(|l| {
        (l.base.is_ascii_lowercase() || l.base == 'đ')
            && l.marks.iter().all(|&m| is_tone(m) || is_shape(m))
    });
    let tones: Vec<(usize, char)> = word
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            l.marks
                .iter()
                .filter(|m| is_tone(**m))
                .map(move |&m| (i, m))
        })
        .collect();
    let &[(at, tone)] = tones.as_slice() else {
        return;
    };
    if !vietnamese || !is_vowel(word[at].base) {
        return;
    }
    let Some(target) = tone_position(word) else {
        return;
    };
    if target != at {
        word[at].marks.retain(|&m| m != tone);
        word[target].marks.push(tone);
    }
}

/// Where the tone belongs: the index of the vowel letter, or None if not a syllable.
fn tone_position(word: &[Letter]) -> Option<usize> {
    let plain = |i: usize| {
        word.get(i)
            .is_some_and(|l| !l.marks.iter().any(|&m| is_shape(m)))
    };
    let base = |i: usize| word.get(i).map(|l| l.base);
    let mut start = word.iter().position(|l| is_vowel(l.base))?;
    // "qu" and "gi" before another vowel are consonants: quý (not qúy), già (not gìa).
    let next_is_vowel = base(start + 1).is_some_and(is_vowel);
    if next_is_vowel
        && plain(start)
        && ((base(start) == Some('u') && start > 0 && base(start - 1) == Some('q'))
            || (base(start) == Some('i') && start == 1 && base(0) == Some('g')))
    {
        start += 1;
    }
    let end = start
        + word[start..]
            .iter()
            .take_while(|l| is_vowel(l.base))
            .count();
    let final_consonant: String = word[end..].iter().map(|l| l.base).collect();
    let vowels = end - start;
    if vowels > 3
        || !matches!(
            final_consonant.as_str(),
            "" | "c" | "ch" | "m" | "n" | "ng" | "nh" | "p" | "t"
        )
    {
        return None;
    }
    // A vowel with a shape mark carries the tone; in ươ it is the ơ (người, rượu).
    if let Some(i) = (start..end).rev().find(|&i| !plain(i)) {
        return Some(i);
    }
    Some(match (vowels, final_consonant.is_empty()) {
        (1, _) => start,
        // Closed syllable: the last vowel (hoàng, toán, huỳnh).
        (_, false) => end - 1,
        // Open diphthong: the first vowel (mái, hòa, thủy, khỏe).
        (2, true) => start,
        // Open triphthong: the middle vowel (ngoài, khuỷu).
        _ => start + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn nfd(s: &str) -> String {
        s.nfd().collect()
    }

    #[test]
    fn fold_cases() {
        let cases = [
            ("ắ ấ ố ớ ứ ệ", "a a o o u e"),
            ("Ắ Ấ Ố Ớ Ứ Ệ", "a a o o u e"),
            ("Thi Đua", "thi dua"),
            ("Ðoàn Ɖoàn đoàn ðoàn", "doan doan doan doan"),
            ("Hoà Hòa thuỷ thủy", "hoa hoa thuy thuy"),
            ("Hội nghị\u{200B}tổng kết", "hoi nghi tong ket"),
            ("Sở\u{00A0}\u{00A0}Tư  pháp", "so tu phap"),
            (
                "\u{FEFF}Sở Tư\u{00AD}pháp\u{200C}\u{200D}\u{2060}",
                "so tuphap",
            ),
            ("  \t Cụm thi đua\nsố 3  ", "cum thi dua so 3"),
            ("Café crème, naïve", "cafe creme, naive"),
            ("95,5 điểm", "95,5 diem"),
            ("\u{200B}", ""),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(fold(input), want, "{input:?}");
            assert_eq!(fold(&nfd(input)), want, "NFD {input:?}");
        }
    }

    #[test]
    fn slugify_cases() {
        let cases = [
            (
                "Hội nghị ký kết giao ước thi đua năm 2024",
                "hoi-nghi-ky-ket-giao-uoc-thi-dua-nam-2024",
            ),
            ("Hội nghị\u{200B}tổng kết", "hoi-nghi-tong-ket"),
            ("Đắk Lắk – Đồng Tháp", "dak-lak-dong-thap"),
            ("Uỷ ban", "uy-ban"),
            ("Ủy ban", "uy-ban"),
            ("Uỷ ban / Ủy ban; Hoà / Hòa", "uy-ban-uy-ban-hoa-hoa"),
            ("Ðoàn Ɖoàn", "doan-doan"),
            ("Cụm thi đua số 3", "cum-thi-dua-so-3"),
            ("95,5 điểm", "95-5-diem"),
            ("  --Sở Tư pháp!!  ", "so-tu-phap"),
            ("!!! — …", ""),
            ("", ""),
            ("漢字", ""),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input), want, "{input:?}");
            assert_eq!(slugify(&nfd(input)), want, "NFD {input:?}");
        }
    }

    #[test]
    fn identity_key_merges_spellings() {
        let same = [
            ("Uỷ ban", "Ủy ban"),
            ("Hoà", "Hòa"),
            ("HOÀ BÌNH", "hòa bình"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("qúy", "quý"),
            ("gìa", "già"),
            ("Ðoàn", "Đoàn"),
            ("Ɖoàn", "Đoàn"),
            ("ðoàn", "đoàn"),
            ("Sở  Tư Pháp", "sở tư pháp"),
            ("\u{FEFF}Sở\u{00A0}Tư\u{200B}Pháp ", "sở tư pháp"),
            ("Sở Tư\u{00AD}pháp", "sở tưpháp"),
            ("Uỷ ban nhân dân", &nfd("Ủy ban nhân dân")),
            (
                "Công đoàn Viên chức tỉnh Hoà Bình",
                "công đoàn viên chức tỉnh hòa bình",
            ),
        ];
        for (a, b) in same {
            assert_eq!(identity_key(a), identity_key(b), "{a:?} vs {b:?}");
        }
        let different = [
            ("tư", "tu"),
            ("đường", "dương"),
            ("đường", "đương"),
            ("Dân", "Đàn"),
            ("mà", "má"),
            ("hòa", "hoa"),
        ];
        for (a, b) in different {
            assert_ne!(identity_key(a), identity_key(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn identity_key_output() {
        let cases = [
            ("  Uỷ  BAN ", "ủy ban"),
            ("Hoà", "hòa"),
            ("khuỷu", "khuỷu"),
            ("ngoài", "ngoài"),
            ("người", "người"),
            ("rượu", "rượu"),
            ("hoàng", "hoàng"),
            ("huỳnh", "huỳnh"),
            ("giữa", "giữa"),
            ("quốc", "quốc"),
            ("thuở", "thuở"),
            ("nghiêng", "nghiêng"),
            ("Café", "café"),
            ("naïve", "naïve"),
            ("koń", "koń"),
        ];
        for (input, want) in cases {
            assert_eq!(identity_key(input), want, "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC*") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn fold_is_idempotent_vietnamese(s in "[a-zA-Z0-9 àáảãạăằắẳẵặâầấẩẫậđĐèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ\u{200B}\u{00A0}\u{0300}\u{0301}]{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn slug_shape(s in "\\PC*") {
            let slug = slugify(&s);
            prop_assert!(slug.is_empty() || is_slug(&slug), "{:?}", slug);
        }

        #[test]
        fn slug_ignores_normal_form(s in "[a-zA-Z0-9 ,.àáảãạăằắẳẵặâầấẩẫậđĐèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵƯƠÂĂÊÔ]{0,40}") {
            let composed: String = s.nfc().collect();
            prop_assert_eq!(slugify(&nfd(&s)), slugify(&composed));
        }

        #[test]
        fn slug_ignores_normal_form_any(s in "\\PC*") {
            let composed: String = s.nfc().collect();
            prop_assert_eq!(slugify(&nfd(&s)), slugify(&composed));
        }

        #[test]
        fn identity_key_is_idempotent(s in "[a-zA-Z àáảãạăằắẳẵặâầấẩẫậđĐÐèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ\u{200B}]{0,30}") {
            let once = identity_key(&s);
            prop_assert_eq!(identity_key(&once), once.clone());
            prop_assert_eq!(identity_key(&nfd(&s)), once);
        }
    }

    fn is_slug(s: &str) -> bool {
        s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    }
}
