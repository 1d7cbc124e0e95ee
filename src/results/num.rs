//! Exact decimal helpers: checked arithmetic, divisions carried to 20 places, rounding.
//!
//! Sums and products of typed values are exact. A division (a mean, the
//! `proportional` rule) is carried to [`DIVISION_DP`] places, half away from zero.
//! Comparisons and the final rounding first "settle" a value to [`SETTLE_DP`]
//! places, so that division residue (3 × 10/3 = 9.999…9) never decides a tie or
//! tips a total that truly ends on a midpoint.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places a division result is carried to.
pub(crate) const DIVISION_DP: u32 = 20;
/// Decimal places a value is settled to before it is compared or finally rounded.
pub(crate) const SETTLE_DP: u32 = 16;

/// A figure too large for `Decimal`; the caller adds the phase and unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Overflow;

/// Exact result or overflow.
pub(crate) type Calc = Result<Decimal, Overflow>;

/// `a + b`, checked.
pub(crate) fn add(a: Decimal, b: Decimal) -> Calc {
    a.checked_add(b).ok_or(Overflow)
}

/// `a - b`, checked.
pub(crate) fn sub(a: Decimal, b: Decimal) -> Calc {
    a.checked_sub(b).ok_or(Overflow)
}

/// `a × b`, checked.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Calc {
    a.checked_mul(b).ok_or(Overflow)
}

/// `a / b` carried to [`DIVISION_DP`] places; a zero divisor is refused as overflow.
pub(crate) fn div(a: Decimal, b: Decimal) -> Calc {
    let q = a.checked_div(b).ok_or(Overflow)?;
    Ok(q.round_dp_with_strategy(DIVISION_DP, RoundingStrategy::MidpointAwayFromZero))
}

/// The sum of the values, checked.
pub(crate) fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Calc {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// The mean of the values, summed in ascending order so that their order never matters; 0 when empty.
pub(crate) fn mean(values: &[Decimal]) -> Calc {
    if values.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    div(sum(sorted)?, Decimal::from(values.len()))
}

/// The value settled to [`SETTLE_DP`] places (used for comparisons).
pub(crate) fn settle(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(SETTLE_DP, RoundingStrategy::MidpointAwayFromZero)
}

/// Compares two exact values after settling them.
pub(crate) fn cmp_exact(a: Decimal, b: Decimal) -> Ordering {
    settle(a).cmp(&settle(b))
}

/// The published total: settled, rounded half away from zero to `decimals`, written
/// with exactly `decimals` places, never negative zero.
pub(crate) fn round_total(exact: Decimal, decimals: u32) -> Decimal {
    let settled = if decimals < SETTLE_DP {
        settle(exact)
    } else {
        exact
    };
    let mut rounded = crate::text::round_half_away(settled, decimals);
    rounded.rescale(decimals);
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    #[test]
    fn division_is_carried_to_20_places() {
        let v = div(d("8.2"), d("0.85")).expect("fits");
        assert_eq!(v, d("9.64705882352941176471"));
        assert_eq!(v.scale(), 20);
        assert_eq!(div(d("1"), Decimal::ZERO), Err(Overflow));
    }

    #[test]
    fn mean_is_order_independent_and_exact_for_equal_values() {
        let p = div(d("8.2"), d("0.85")).expect("fits");
        assert_eq!(mean(&[p, p, p]), Ok(p));
        let a = [d("19"), d("19.5"), d("18.25")];
        let b = [d("18.25"), d("19"), d("19.5")];
        assert_eq!(mean(&a), mean(&b));
        assert_eq!(mean(&[]), Ok(Decimal::ZERO));
    }

    #[test]
    fn round_total_half_away_from_zero() {
        let cases = [
            ("96.647058823529411764", 2, "96.65"),
            ("96.645", 2, "96.65"),
            ("96.644999", 2, "96.64"),
            ("-2.345", 2, "-2.35"),
            ("-0.001", 2, "0.00"),
            ("955.25", 1, "955.3"),
            ("96", 2, "96.00"),
            // 3 × 10/3 carried to 20 places, plus 0.005: truly 10.005.
            ("10.00499999999999999999", 2, "10.01"),
        ];
        for (exact, dp, want) in cases {
            let got = round_total(d(exact), dp);
            assert_eq!(got.to_string(), want, "{exact} to {dp}");
        }
        assert!(!round_total(d("-0.001"), 2).is_sign_negative());
    }

    #[test]
    fn settled_compare_ignores_division_residue() {
        let third = div(d("10"), d("3")).expect("fits");
        let three_thirds = sum([third, third, third]).expect("fits");
        assert_eq!(cmp_exact(three_thirds, d("10")), Ordering::Equal);
        assert_eq!(cmp_exact(d("10.01"), d("10")), Ordering::Greater);
    }

    #[test]
    fn overflow_is_a_value_not_a_panic() {
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Err(Overflow));
        assert_eq!(mul(Decimal::MAX, d("2")), Err(Overflow));
        assert_eq!(sub(Decimal::MIN, Decimal::ONE), Err(Overflow));
    }
}
