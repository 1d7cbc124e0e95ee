//! Exact decimal numbers: Vietnamese display, machine text and parsing (DOMAIN.md §3.7, FORMAT.md §7, §11).

use rust_decimal::{Decimal, RoundingStrategy};

/// Which separator a scores file declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalSeparator {
    /// "97,5" (the Vietnamese convention).
    Comma,
    /// "97.5".
    Dot,
}

impl DecimalSeparator {
    fn char(self) -> char {
        match self {
            DecimalSeparator::Comma => ',',
            DecimalSeparator::Dot => '.',
        }
    }

    fn other(self) -> char {
        match self {
            DecimalSeparator::Comma => '.',
            DecimalSeparator::Dot => ',',
        }
    }
}

/// Why a typed score is not a number under the declared separator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecimalError {
    /// Nothing but whitespace.
    Empty,
    /// Not a plain decimal ("chín", "9,5,1", "9,", "1 250", or too large for a Decimal).
    NotANumber,
    /// The other separator followed by exactly three digits ("1.250" under Comma):
    /// it could be a thousands separator, so we refuse to guess.
    Ambiguous,
    /// The other separator in any other position ("97.5" under Comma).
    WrongSeparator,
}

/// Rounds half away from zero (DEPS.md §7): 0,125 → 0,13 and -0,125 →
/// -0,13; never negative zero. `places` above 28 is treated as 28. The one
/// rounding of shown figures: display here and published totals
/// (`results::num::round_total`) both use it.
pub fn round_half_away(d: Decimal, places: u32) -> Decimal {
    // Decimal holds at most 28 fractional digits.
    let places = places.min(28);
    let mut r = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        // Never show "-0,00".
        r.set_sign_positive(true);
    }
    r
}

fn round(d: &Decimal, places: u32) -> (Decimal, u32) {
    (round_half_away(*d, places), places.min(28))
}

/// Splits a rounded value into sign, integer digits and exactly `places` fraction digits.
fn parts(d: &Decimal, places: u32) -> (bool, String, String) {
    let (r, places) = round(d, places);
    let text = r.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut frac = frac.to_owned();
    while frac.len() < places as usize {
        frac.push('0');
    }
    (r.is_sign_negative(), int.to_owned(), frac)
}

/// Inserts a dot every three digits from the right: "1666" → "1.666".
fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Vietnamese display: decimal comma, thousands dots (from 1.000 up), half away from zero, never "-0,00".
///
/// `format_decimal(97.15, 2)` = "97,15"; `format_decimal(1666, 0)` = "1.666";
/// `format_decimal(-0.004, 2)` = "0,00". `places` above 28 is treated as 28.
pub fn format_decimal(d: &Decimal, places: u32) -> String {
    let (negative, int, frac) = parts(d, places);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(&int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// Integer with thousands dots: 1666 → "1.666", 999 → "999", -12000 → "-12.000".
pub fn format_integer(n: i64) -> String {
    let grouped = group_thousands(&n.unsigned_abs().to_string());
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// The same number as a machine string for JSON/CSV: dot separator, exactly `places` decimals, half-up rounding, no "-0.00".
///
/// "Half up" means half away from zero, as in `format_decimal`, so the page and the
/// data never disagree. No thousands separator.
pub fn decimal_plain(d: &Decimal, places: u32) -> String {
    let (negative, int, frac) = parts(d, places);
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// Parses a score typed by a person, exactly (never via f64), under the file's declared separator.
///
/// Accepted: optional surrounding whitespace, an optional `-` or `+`, ASCII digits,
/// and at most one declared separator with digits on both sides ("97,5", "52",
/// "-0,5", " 9,50 "). The scale is kept ("97,50" is 97.50, equal to 97.5); -0 becomes 0.
///
/// The other separator is never accepted. Under Comma, a dot is `Ambiguous` when the
/// string has no comma, 1–3 integer digits not starting with 0, and every dot is
/// followed by exactly three digits ("1.250", "12.500", "1.250.000"): a person may
/// have meant a thousands separator. Any other dot is `WrongSeparator` ("97.5",
/// "0.825", "1.250,5"). Dot mode is the mirror image ("1,250" is `Ambiguous`).
pub fn parse_decimal(s: &str, sep: DecimalSeparator) -> Result<Decimal, DecimalError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DecimalError::Empty);
    }
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let (decl, other) = (sep.char(), sep.other());
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(DecimalError::NotANumber);
    }
    if body.contains(other) {
        return Err(if looks_grouped(body, other) {
            DecimalError::Ambiguous
        } else {
            DecimalError::WrongSeparator
        });
    }
    let (int, frac) = match body.split_once(decl) {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let digits_ok = |part: &str| !part.is_empty() && !part.contains(decl);
    if !digits_ok(int) || !frac.is_none_or(digits_ok) {
        return Err(DecimalError::NotANumber);
    }
    let negative = t.starts_with('-');
    let mut text = String::with_capacity(t.len());
    if negative {
        text.push('-');
    }
    text.push_str(int);
    if let Some(frac) = frac {
        text.push('.');
        text.push_str(frac);
    }
    let mut value = Decimal::from_str_exact(&text).map_err(|_| DecimalError::NotANumber)?;
    if value.is_zero() {
        value.set_sign_positive(true);
    }
    Ok(value)
}

/// True for "1.250" / "1.250.000" (with `mark` = '.'): a plausible thousands grouping.
fn looks_grouped(body: &str, mark: char) -> bool {
    let mut groups = body.split(mark);
    let head = groups.next().unwrap_or("");
    (1..=3).contains(&head.len())
        && !head.starts_with('0')
        && head.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn format_decimal_cases() {
        let cases = [
            ("97.15", 2, "97,15"),
            ("97.5", 2, "97,50"),
            ("1666", 0, "1.666"),
            ("1666", 2, "1.666,00"),
            ("999.999", 2, "1.000,00"),
            ("0.125", 2, "0,13"),
            ("-0.125", 2, "-0,13"),
            ("0.124", 2, "0,12"),
            ("-0.004", 2, "0,00"),
            ("-0.001", 2, "0,00"),
            ("-0.00", 2, "0,00"),
            ("-12000", 0, "-12.000"),
            ("1234567.891", 1, "1.234.567,9"),
            ("33.333333333333333333333", 2, "33,33"),
            ("2.5", 0, "3"),
            ("-2.5", 0, "-3"),
            ("85.5", 1, "85,5"),
        ];
        for (input, places, want) in cases {
            assert_eq!(
                format_decimal(&dec(input), places),
                want,
                "{input} {places}"
            );
        }
    }

    #[test]
    fn format_integer_cases() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1.000"),
            (1666, "1.666"),
            (-12000, "-12.000"),
            (1_234_567, "1.234.567"),
            (i64::MIN, "-9.223.372.036.854.775.808"),
        ];
        for (n, want) in cases {
            assert_eq!(format_integer(n), want, "{n}");
        }
    }

    #[test]
    fn decimal_plain_cases() {
        let cases = [
            ("96.65", 2, "96.65"),
            ("96.645", 2, "96.65"),
            ("96.6", 2, "96.60"),
            ("1666", 0, "1666"),
            ("1666", 1, "1666.0"),
            ("-0.001", 2, "0.00"),
            ("-1.005", 2, "-1.01"),
            ("0.125", 2, "0.13"),
        ];
        for (input, places, want) in cases {
            assert_eq!(decimal_plain(&dec(input), places), want, "{input} {places}");
        }
    }

    #[test]
    fn parse_decimal_cases() {
        use DecimalError::*;
        use DecimalSeparator::*;
        let ok = [
            ("97,5", Comma, "97.5"),
            ("97,50", Comma, "97.50"),
            (" 9,50 ", Comma, "9.50"),
            ("\u{00A0}9,5\t", Comma, "9.5"),
            ("-0,5", Comma, "-0.5"),
            ("+0,5", Comma, "0.5"),
            ("52", Comma, "52"),
            ("52", Dot, "52"),
            ("0", Comma, "0"),
            ("-0", Comma, "0"),
            ("007,5", Comma, "7.5"),
            ("0.82", Dot, "0.82"),
            ("97.5", Dot, "97.5"),
            ("1250", Comma, "1250"),
        ];
        for (input, sep, want) in ok {
            let got = parse_decimal(input, sep).unwrap_or_else(|e| panic!("{input:?}: {e:?}"));
            assert_eq!(got, dec(want), "{input:?}");
            assert_eq!(got.to_string(), want, "{input:?} keeps its scale");
        }
        let bad = [
            ("", Comma, Empty),
            ("   ", Dot, Empty),
            ("9,5,1", Comma, NotANumber),
            ("9.5.1", Dot, NotANumber),
            ("chín mươi", Comma, NotANumber),
            ("9,", Comma, NotANumber),
            (",5", Comma, NotANumber),
            ("-", Comma, NotANumber),
            ("--5", Comma, NotANumber),
            ("1 250", Comma, NotANumber),
            ("1e3", Dot, NotANumber),
            ("9,5đ", Comma, NotANumber),
            ("99999999999999999999999999999999", Dot, NotANumber),
            ("97.5", Comma, WrongSeparator),
            ("0.82", Comma, WrongSeparator),
            ("0.825", Comma, WrongSeparator),
            ("1.250,5", Comma, WrongSeparator),
            ("1.25", Comma, WrongSeparator),
            (".5", Comma, WrongSeparator),
            ("97,5", Dot, WrongSeparator),
            ("1.250", Comma, Ambiguous),
            ("-1.250", Comma, Ambiguous),
            ("12.500", Comma, Ambiguous),
            ("1.250.000", Comma, Ambiguous),
            ("1,250", Dot, Ambiguous),
        ];
        for (input, sep, want) in bad {
            assert_eq!(parse_decimal(input, sep), Err(want), "{input:?} {sep:?}");
        }
    }

    #[test]
    fn trailing_zeros_are_equal_values() {
        let a = parse_decimal("97,50", DecimalSeparator::Comma).unwrap();
        let b = parse_decimal("97,5", DecimalSeparator::Comma).unwrap();
        assert_eq!(a, b);
    }

    proptest! {
        #[test]
        fn comma_round_trip(mantissa in any::<i64>(), scale in 0u32..=10, places in 0u32..=6) {
            let d = Decimal::new(mantissa, scale);
            let plain = decimal_plain(&d, places);
            let rounded = d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            let comma = plain.replace('.', ",");
            let back = parse_decimal(&comma, DecimalSeparator::Comma).unwrap();
            prop_assert_eq!(back, rounded);
            prop_assert_eq!(back.scale(), places);
            prop_assert_eq!(parse_decimal(&plain, DecimalSeparator::Dot).unwrap(), rounded);
            prop_assert_eq!(format_decimal(&d, places).replace('.', "").replace(',', "."), plain);
        }
    }
}
