//! Detection of pre-Unicode Vietnamese text pasted as Latin-1 (DOMAIN.md §3.3).
//!
//! We only detect; converting is a separate, explicit command, and text is never
//! "fixed" silently. The heuristic works line by line and needs *positional*
//! evidence, not just a Latin-1 letter, so French, German or Spanish words
//! ("Café", "naïve", "où", "goût", "España") do not trigger it:
//!
//! * A line containing any letter that exists only in Unicode Vietnamese (ă đ ĩ ũ
//!   ơ ư, U+1EA0–U+1EF9, or a Vietnamese combining mark) is Unicode: skipped.
//! * TCVN3 (ABC) stores toned vowels as Latin-1 symbols and capitals inside
//!   lowercase words ("Céng ®oµn", "Héi nghÞ"). A *marker* is such a symbol right
//!   after a letter, a TCVN3 initial (đ, ă, â, ê, ơ, capitals) before a letter, or a
//!   Latin-1 capital right after a lowercase letter. Trademark ©/® at a word end,
//!   guillemets «» that are not inside a word and the Catalan l·l are not markers.
//!   The line is TCVN3 when two words carry markers, or one does in a line of at
//!   most three words.
//! * VNI-Windows writes a vowel followed by a Latin-1 mark letter ("chaøo",
//!   "Coâng", "Hoäi"). A *marker* is a pair that VNI can produce (the mark fits the
//!   vowel: breve marks only after a, circumflex marks after a/e/o, tone marks after
//!   any vowel, ơ/ư), in the same case. Pairs that also occur in European words
//!   (aï eï oï uï aë aü aé aú oû eû où) and a word-initial ñ are *weak*; "oà oá
//!   oã" are ignored because Unicode Vietnamese writes them ("Hoà", "toán"). The
//!   line is VNI when it has a strong marker and either a second marker or at most
//!   four words.
//!
//! TCVN3 is tested first; a line with any TCVN3 marker is not judged as VNI.

/// A legacy Vietnamese encoding recognised in text that should be Unicode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyEncoding {
    /// TCVN 5712:1993 (ABC), `.VnTime` fonts.
    Tcvn3,
    /// VNI-Windows, `VNI-Times` fonts.
    Vni,
}

/// Legacy Vietnamese encodings pasted as text: (encoding, 1-based line, 1-based column in chars) of the first evidence.
///
/// Returns None for Unicode Vietnamese (NFC or NFD), English, and text with a few
/// Latin-1 letters. Run it on the raw text, before invisible characters are stripped.
pub fn detect_legacy(s: &str) -> Option<(LegacyEncoding, usize, usize)> {
    for (index, line) in s.split('\n').enumerate() {
        // Most lines are ASCII or plainly Unicode Vietnamese: decided
        // without collecting their characters.
        if line.is_ascii() || line.chars().any(is_unicode_vietnamese) {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let (tcvn3_words, tcvn3_col) = tcvn3_markers(&chars);
        if tcvn3_words > 0 {
            if tcvn3_words >= 2 || word_count(&chars) <= 3 {
                return Some((LegacyEncoding::Tcvn3, index + 1, tcvn3_col + 1));
            }
            continue;
        }
        if let Some(col) = vni_evidence(&chars) {
            return Some((LegacyEncoding::Vni, index + 1, col + 1));
        }
    }
    None
}

/// Latin-1 symbols that TCVN3 uses as letters.
const TCVN3_SYMBOLS: &str = "¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾×÷";
/// TCVN3 letters that can start a syllable (đ, ă, â, ê, ơ, capitals), so count before a letter.
const TCVN3_INITIALS: &str = "¡¢£¤¥¦§¨©ª¬®";
/// Latin-1 capitals that TCVN3 uses for lowercase toned vowels.
const TCVN3_CAPITALS: &str = "ÆÇÈÉÊËÌÎÏÐÑÒÓÔÕÖØÜÝÞ";

/// Letters that exist only in Unicode Vietnamese (not in Latin-1), or its combining marks.
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(
        c,
        'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'
            ..='\u{1EF9}'
                | '\u{0300}'
                | '\u{0301}'
                | '\u{0302}'
                | '\u{0303}'
                | '\u{0306}'
                | '\u{0309}'
                | '\u{031B}'
                | '\u{0323}'
    )
}

/// A letter for word splitting: alphabetic, or a Latin-1 code TCVN3 uses as a letter.
fn is_wordish(c: char) -> bool {
    c.is_alphabetic() || TCVN3_SYMBOLS.contains(c) || c == '\u{AD}'
}

fn is_lowerish(c: char) -> bool {
    c.is_lowercase() || TCVN3_SYMBOLS.contains(c) || c == '\u{AD}'
}

/// Words that contain at least one alphabetic character.
fn word_count(chars: &[char]) -> usize {
    chars
        .split(|&c| !is_wordish(c))
        .filter(|w| w.iter().any(|c| c.is_alphabetic()))
        .count()
}

/// Number of words carrying a TCVN3 marker, and the index of the first marker.
fn tcvn3_markers(chars: &[char]) -> (usize, usize) {
    let mut words = 0;
    let mut first = 0;
    let mut counted_word_start = None;
    let mut word_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !is_wordish(c) {
            word_start = i + 1;
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let prev_letter = prev.is_some_and(is_wordish);
        let next_letter = next.is_some_and(is_wordish);
        let marker = if TCVN3_SYMBOLS.contains(c) {
            match c {
                '©' | '®' if !next_letter => false,
                '«' | '»' => prev_letter && next_letter,
                '·' => prev_letter && !(prev == Some('l') && next == Some('l')),
                _ if prev_letter => true,
                _ => TCVN3_INITIALS.contains(c) && next_letter,
            }
        } else if TCVN3_CAPITALS.contains(c) {
            prev.is_some_and(is_lowerish)
        } else {
            false
        };
        if marker && counted_word_start != Some(word_start) {
            if words == 0 {
                first = i;
            }
            words += 1;
            counted_word_start = Some(word_start);
        }
    }
    (words, first)
}

/// Index of the first VNI marker when the line has enough of them.
fn vni_evidence(chars: &[char]) -> Option<usize> {
    let mut strong = 0;
    let mut weak = 0;
    let mut first = None;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let found = if matches!(c, 'ñ' | 'Ñ') && !prev.is_some_and(char::is_alphabetic) {
            // Word-initial đ; Spanish has it too (ñandú), so it only supports other evidence.
            next.filter(|n| "aeiouyôöAEIOUYÔÖ".contains(*n))
                .map(|_| false)
        } else {
            next.and_then(|m| vni_pair(c, m))
        };
        if let Some(is_strong) = found {
            if is_strong {
                strong += 1;
            } else {
                weak += 1;
            }
            first.get_or_insert(if matches!(c, 'ñ' | 'Ñ') { i } else { i + 1 });
        }
    }
    let enough = strong >= 1 && (strong + weak >= 2 || word_count(chars) <= 4);
    if enough { first } else { None }
}

/// Some(strong?) when `base` followed by `mark` is a VNI letter; None otherwise.
fn vni_pair(base: char, mark: char) -> Option<bool> {
    if base.is_lowercase() != mark.is_lowercase() {
        return None;
    }
    let (b, m) = (lower(base), lower(mark));
    let tone = "ùøûõï".contains(m);
    let circumflex = "âáàåãä".contains(m);
    let breve = "êéèúüë".contains(m);
    let valid = match b {
        'a' => tone || circumflex || breve,
        'e' | 'o' => tone || circumflex,
        'u' | 'y' => tone,
        'ô' => tone,
        'ö' => tone || m == 'ô',
        _ => false,
    };
    if !valid || (b == 'o' && "àáã".contains(m)) {
        return None;
    }
    const WEAK: &[&str] = &[
        "aï", "eï", "oï", "uï", "aë", "aü", "aé", "aú", "oû", "eû", "où",
    ];
    let pair: String = [b, m].iter().collect();
    Some(!WEAK.contains(&pair.as_str()))
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// TCVN3 codes for the Vietnamese letters, read back as Latin-1 (DOMAIN.md §3.3).
    #[rustfmt::skip]
    const TCVN3: &[(char, char)] = &[
        ('à', 'µ'), ('ả', '¶'), ('ã', '·'), ('á', '¸'), ('ạ', '¹'),
        ('ă', '¨'), ('ằ', '»'), ('ẳ', '¼'), ('ẵ', '½'), ('ắ', '¾'), ('ặ', 'Æ'),
        ('â', '©'), ('ầ', 'Ç'), ('ẩ', 'È'), ('ẫ', 'É'), ('ấ', 'Ê'), ('ậ', 'Ë'),
        ('đ', '®'),
        ('è', 'Ì'), ('ẻ', 'Î'), ('ẽ', 'Ï'), ('é', 'Ð'), ('ẹ', 'Ñ'),
        ('ê', 'ª'), ('ề', 'Ò'), ('ể', 'Ó'), ('ễ', 'Ô'), ('ế', 'Õ'), ('ệ', 'Ö'),
        ('ì', '×'), ('ỉ', 'Ø'), ('ĩ', 'Ü'), ('í', 'Ý'), ('ị', 'Þ'),
        ('ò', 'ß'), ('ỏ', 'á'), ('õ', 'â'), ('ó', 'ã'), ('ọ', 'ä'),
        ('ô', '«'), ('ồ', 'å'), ('ổ', 'æ'), ('ỗ', 'ç'), ('ố', 'è'), ('ộ', 'é'),
        ('ơ', '¬'), ('ờ', 'ê'), ('ở', 'ë'), ('ỡ', 'ì'), ('ớ', 'í'), ('ợ', 'î'),
        ('ù', 'ï'), ('ủ', 'ñ'), ('ũ', 'ò'), ('ú', 'ó'), ('ụ', 'ô'),
        ('ư', '\u{AD}'), ('ừ', 'õ'), ('ử', 'ö'), ('ữ', '÷'), ('ứ', 'ø'), ('ự', 'ù'),
        ('ỳ', 'ú'), ('ỷ', 'û'), ('ỹ', 'ü'), ('ý', 'ý'), ('ỵ', 'þ'),
        ('Ă', '¡'), ('Â', '¢'), ('Ê', '£'), ('Ô', '¤'), ('Ơ', '¥'), ('Ư', '¦'), ('Đ', '§'),
    ];

    /// Encodes Unicode Vietnamese as TCVN3 read back as Latin-1 (toned capitals are not in TCVN3's base set).
    fn to_tcvn3(s: &str) -> String {
        s.nfc()
            .map(|c| match TCVN3.iter().find(|(u, _)| *u == c) {
                Some(&(_, t)) => t,
                None if c.is_ascii() => c,
                None => panic!("no TCVN3 code for {c:?} in test text"),
            })
            .collect()
    }

    /// Encodes Unicode Vietnamese as VNI-Windows read back as Latin-1.
    fn to_vni(s: &str) -> String {
        #[rustfmt::skip]
        const VNI: &[(char, &str)] = &[
            ('à', "aø"), ('á', "aù"), ('ả', "aû"), ('ã', "aõ"), ('ạ', "aï"),
            ('ă', "aê"), ('ằ', "aè"), ('ắ', "aé"), ('ẳ', "aú"), ('ẵ', "aü"), ('ặ', "aë"),
            ('â', "aâ"), ('ầ', "aà"), ('ấ', "aá"), ('ẩ', "aå"), ('ẫ', "aã"), ('ậ', "aä"),
            ('đ', "ñ"),
            ('è', "eø"), ('é', "eù"), ('ẻ', "eû"), ('ẽ', "eõ"), ('ẹ', "eï"),
            ('ê', "eâ"), ('ề', "eà"), ('ế', "eá"), ('ể', "eå"), ('ễ', "eã"), ('ệ', "eä"),
            ('ì', "ì"), ('í', "í"), ('ỉ', "æ"), ('ĩ', "ó"), ('ị', "ò"),
            ('ò', "oø"), ('ó', "où"), ('ỏ', "oû"), ('õ', "oõ"), ('ọ', "oï"),
            ('ô', "oâ"), ('ồ', "oà"), ('ố', "oá"), ('ổ', "oå"), ('ỗ', "oã"), ('ộ', "oä"),
            ('ơ', "ô"), ('ờ', "ôø"), ('ớ', "ôù"), ('ở', "ôû"), ('ỡ', "ôõ"), ('ợ', "ôï"),
            ('ù', "uø"), ('ú', "uù"), ('ủ', "uû"), ('ũ', "uõ"), ('ụ', "uï"),
            ('ư', "ö"), ('ừ', "öø"), ('ứ', "öù"), ('ử', "öû"), ('ữ', "öõ"), ('ự', "öï"),
            ('ỳ', "yø"), ('ý', "yù"), ('ỷ', "yû"), ('ỹ', "yõ"), ('ỵ', "î"),
        ];
        let mut out = String::new();
        for c in s.nfc() {
            let lc = lower(c);
            match VNI.iter().find(|(u, _)| *u == lc) {
                Some((_, v)) if c != lc => out.extend(v.chars().flat_map(char::to_uppercase)),
                Some((_, v)) => out.push_str(v),
                None if c.is_ascii() => out.push(c),
                None => panic!("no VNI code for {c:?} in test text"),
            }
        }
        out
    }

    const SENTENCES: &[&str] = &[
        "Hội nghị ký kết giao ước thi đua năm 2024",
        "Công đoàn Viên chức tỉnh",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Sở Tư pháp",
        "Cụm thi đua số 3 tổng kết công tác năm",
        "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022",
        "Xin chào",
        "Hội nghị",
        "Đại hội",
        "Người lao động được hưởng lương",
        "Nguyễn Thị Minh Khai",
    ];

    #[test]
    fn marker_sets_are_tcvn3_codes() {
        for c in TCVN3_SYMBOLS.chars().chain(TCVN3_CAPITALS.chars()) {
            assert!(TCVN3.iter().any(|&(_, t)| t == c), "{c:?}");
        }
    }

    #[test]
    fn encoders_match_known_samples() {
        assert_eq!(to_tcvn3("Hội nghị"), "Héi nghÞ");
        assert_eq!(to_tcvn3("Cộng đoàn"), "Céng ®oµn");
        assert_eq!(to_tcvn3("Công đoàn"), "C«ng ®oµn");
        assert_eq!(to_vni("Hội nghị"), "Hoäi nghò");
        assert_eq!(to_vni("Công đoàn"), "Coâng ñoaøn");
        assert_eq!(to_vni("Xin chào"), "Xin chaøo");
        assert_eq!(to_vni("ĐẠI HỘI"), "ÑAÏI HOÄI");
    }

    #[test]
    fn detects_tcvn3() {
        for s in SENTENCES {
            let t = to_tcvn3(s);
            assert!(
                matches!(detect_legacy(&t), Some((LegacyEncoding::Tcvn3, 1, _))),
                "{s} → {t}"
            );
        }
        let cases = [
            ("Héi nghÞ", 1, 8),
            ("Céng ®oµn", 1, 6),
            ("Tin tức\n\nHello\nC«ng ®oµn ViÖn", 4, 2),
            ("§¹i héi", 1, 1),
        ];
        for (input, line, col) in cases {
            assert_eq!(
                detect_legacy(input),
                Some((LegacyEncoding::Tcvn3, line, col)),
                "{input}"
            );
        }
    }

    #[test]
    fn detects_vni() {
        for s in SENTENCES {
            let v = to_vni(s);
            assert!(
                matches!(detect_legacy(&v), Some((LegacyEncoding::Vni, 1, _))),
                "{s} → {v}"
            );
            let upper = to_vni(&s.to_uppercase());
            assert!(
                matches!(detect_legacy(&upper), Some((LegacyEncoding::Vni, 1, _))),
                "{s} → {upper}"
            );
        }
        let cases = [
            ("Xin chaøo", 1, 8),
            ("Hoäi nghò", 1, 3),
            ("Coâng ñoaøn", 1, 3),
            ("title: Tin mới\r\nbody: Coâng ñoaøn", 2, 9),
        ];
        for (input, line, col) in cases {
            assert_eq!(
                detect_legacy(input),
                Some((LegacyEncoding::Vni, line, col)),
                "{input:?}"
            );
        }
    }

    #[test]
    fn ignores_unicode_and_european_text() {
        let mut negatives: Vec<String> = [
            "",
            "Hello, world",
            "Café crème",
            "naïve",
            "Où est le goût du café? Noël à Haïti, l'aéroport de Saül",
            "Raphaël, Zoë, Gaëtan et Loïc",
            "Il a été geïnteresseerd in België",
            "São Paulo, España, Ñandú, Raúl aún",
            "Müller, Ångström, Björk, Smørrebrød, Blåbær",
            "© 2024 Acme® Microsoft© Windows®",
            "«Bonjour», dit-il. « Salut »",
            "col·lecció",
            "Size: 50µm, 1½ cups, 3×4, 10÷2, §5, 1ª",
            "¿Qué tal? Él está aquí",
            "Hoà Bình, Toà án, HOÀ BÌNH, Xoá, Khoá, toán",
            "Thuý Kiều",
            "Tù và",
            "Quà tặng",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        negatives.extend(SENTENCES.iter().map(|s| s.to_string()));
        negatives.extend(SENTENCES.iter().map(|s| s.nfd().collect::<String>()));
        negatives.extend(SENTENCES.iter().map(|s| s.to_uppercase()));
        for s in &negatives {
            assert_eq!(detect_legacy(s), None, "{s:?}");
        }
    }

    #[test]
    fn mixed_line_counts_as_unicode() {
        // A line with real Vietnamese letters is Unicode even if a word looks odd.
        assert_eq!(detect_legacy("Hội nghị Céng ®oµn"), None);
    }
}
