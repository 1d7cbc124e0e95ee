//! One cell of a filled template as an exact value. A number typed as text
//! (`"19,5"`, `19.5`) is read exactly, with either decimal separator. A
//! number stored by the spreadsheet is a binary float (`9.599999999999`):
//! it is settled to the nearest value the criterion allows (a multiple of
//! its step, 0 or its maximum, or a short decimal) only when it lies within
//! [`TOLERANCE`] of it; anything else is refused, never rounded blindly.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::read::Cell;
use crate::messages::{SheetMsg, number};
use crate::results::{Criterion, Rule};
use crate::t;
use crate::text::{DecimalSeparator, parse_decimal};

/// How far a stored float may lie from the value it settles to: far below
/// any step a scheme uses, far above a double's noise at scores' sizes.
pub const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 9);

/// What a cell must hold.
#[derive(Debug, Clone, Copy)]
pub enum Want<'a> {
    /// Points of a criterion (its rule and maximum).
    Points(&'a Criterion),
    /// The measured ratio of a `proportional` criterion.
    Ratio,
    /// How many times a bonus or penalty item happened.
    Count,
    /// 1 when a disqualifier applies, 0 or empty when not.
    Flag,
}

/// A refused cell: the message and a hint.
pub type Refusal = (String, String);

/// The exact value of `cell`, `None` when it is empty.
pub fn settle(cell: &Cell, want: Want) -> Result<Option<Decimal>, Refusal> {
    let (value, float) = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(f) => {
            // Rust prints the shortest decimal that reads back as the same
            // double, never with an exponent: "9.599999999999", "0.0000001".
            let d = Decimal::from_str(&f.to_string()).map_err(|_| not_number(&f.to_string()))?;
            (d, true)
        }
        Cell::Text(s) => (typed(s)?, false),
        Cell::Other(s) => return Err(not_number(s)),
    };
    let shown = match cell {
        Cell::Number(f) => f.to_string(),
        Cell::Text(s) => s.trim().to_string(),
        _ => String::new(),
    };
    let tolerance = if float { TOLERANCE } else { Decimal::ZERO };
    let near = |target: Decimal| (value - target).abs() <= tolerance;
    let settled = match want {
        Want::Points(k) => {
            let v = match &k.rule {
                Some(Rule::Scale { step }) if !step.is_zero() => {
                    let on = (value / step).round() * step;
                    if !near(on) {
                        return Err((
                            t!(SheetMsg::OffStep, value = shown, step = number(*step)),
                            t!(
                                SheetMsg::OffStepHint,
                                below = number(((value / step).floor() * step).max(Decimal::ZERO)),
                                step = number(*step)
                            ),
                        ));
                    }
                    on
                }
                Some(Rule::Fixed) => {
                    if near(Decimal::ZERO) {
                        Decimal::ZERO
                    } else if near(k.max) {
                        k.max
                    } else {
                        return Err((
                            t!(SheetMsg::NotFixed, value = shown, max = number(k.max)),
                            t!(SheetMsg::NotFixedHint, max = number(k.max)),
                        ));
                    }
                }
                _ => short(value, tolerance),
            };
            if v < Decimal::ZERO {
                return Err(negative(&shown));
            }
            if v > k.max {
                return Err((
                    t!(SheetMsg::AboveMax, value = shown, max = number(k.max)),
                    t!(SheetMsg::AboveMaxHint, max = number(k.max)),
                ));
            }
            v
        }
        Want::Ratio => {
            let v = short(value, tolerance);
            if v < Decimal::ZERO {
                return Err(negative(&shown));
            }
            v
        }
        Want::Count | Want::Flag => {
            let whole = value.round();
            if !near(whole) || whole < Decimal::ZERO {
                return Err((
                    t!(SheetMsg::NotWhole, value = shown),
                    t!(SheetMsg::NotWholeHint),
                ));
            }
            if matches!(want, Want::Flag) && whole > Decimal::ONE {
                return Err((
                    t!(SheetMsg::NotFlag, value = shown),
                    t!(SheetMsg::NotFlagHint),
                ));
            }
            whole
        }
    };
    Ok(Some(settled.normalize()))
}

/// The shortest decimal (up to 6 places) within `tolerance` of `v`, else `v`.
fn short(v: Decimal, tolerance: Decimal) -> Decimal {
    (0..=6)
        .map(|p| v.round_dp(p))
        .find(|r| (v - r).abs() <= tolerance)
        .unwrap_or(v)
}

/// A number typed as text: a decimal comma or point, spaces (also no-break)
/// around it ignored; both separators at once are refused.
fn typed(s: &str) -> Result<Decimal, Refusal> {
    let t = s.trim().trim_matches('\u{a0}').trim();
    let sep = if t.contains(',') {
        DecimalSeparator::Comma
    } else {
        DecimalSeparator::Dot
    };
    parse_decimal(t, sep).map_err(|_| not_number(t))
}

fn not_number(s: &str) -> Refusal {
    (
        t!(SheetMsg::NotNumber, value = s),
        t!(SheetMsg::NotNumberHint),
    )
}

fn negative(s: &str) -> Refusal {
    (
        t!(SheetMsg::Negative, value = s),
        t!(SheetMsg::NegativeHint),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(step: &str, max: &str) -> Criterion {
        Criterion {
            id: "I.1".into(),
            max: Decimal::from_str(max).unwrap(),
            rule: Some(Rule::Scale {
                step: Decimal::from_str(step).unwrap(),
            }),
            children: Vec::new(),
        }
    }

    fn ok(cell: Cell, want: Want) -> String {
        settle(&cell, want).unwrap().unwrap().to_string()
    }

    #[test]
    fn floats_settle_to_the_step_only_when_within_tolerance() {
        let k = scale("0.1", "10");
        assert_eq!(ok(Cell::Number(9.599999999999), Want::Points(&k)), "9.6");
        assert_eq!(ok(Cell::Number(9.6000000001), Want::Points(&k)), "9.6");
        let half = scale("0.5", "20");
        assert_eq!(ok(Cell::Number(19.5), Want::Points(&half)), "19.5");
        let (msg, _) = settle(&Cell::Number(9.6), Want::Points(&half)).unwrap_err();
        assert!(msg.contains("9.6"), "{msg}");
        let (msg, hint) = settle(&Cell::Number(19.5001), Want::Points(&half)).unwrap_err();
        assert!(msg.contains("19.5001"), "{msg}");
        // The hint offers the multiple of the step just below, never the value.
        let (_, hint_below) =
            settle(&Cell::Text("9,4999".into()), Want::Points(&half)).unwrap_err();
        assert!(
            hint.contains("19,5") && hint_below.contains("9") && !hint_below.contains("9,4999"),
            "{hint} / {hint_below}"
        );
    }

    #[test]
    fn text_is_read_exactly_with_either_separator() {
        let half = scale("0.5", "20");
        assert_eq!(ok(Cell::Text(" 19,5 ".into()), Want::Points(&half)), "19.5");
        assert_eq!(ok(Cell::Text("19.5".into()), Want::Points(&half)), "19.5");
        assert!(settle(&Cell::Text("19,50000001".into()), Want::Points(&half)).is_err());
        let (msg, _) = settle(&Cell::Text("chín".into()), Want::Points(&half)).unwrap_err();
        assert!(msg.contains("chín"), "{msg}");
        let (msg, _) = settle(&Cell::Text("21".into()), Want::Points(&half)).unwrap_err();
        assert!(msg.contains("21") && msg.contains("20"), "{msg}");
        assert!(settle(&Cell::Text("-1".into()), Want::Points(&half)).is_err());
    }

    #[test]
    fn counts_flags_and_ratios() {
        assert_eq!(ok(Cell::Number(2.0000000001), Want::Count), "2");
        assert!(settle(&Cell::Number(1.5), Want::Count).is_err());
        assert!(settle(&Cell::Number(2.0), Want::Flag).is_err());
        assert_eq!(ok(Cell::Number(0.8200000000001), Want::Ratio), "0.82");
        assert_eq!(ok(Cell::Text("0,825".into()), Want::Ratio), "0.825");
        assert_eq!(settle(&Cell::Empty, Want::Count), Ok(None));
        assert!(settle(&Cell::Other("2024-01-01".into()), Want::Count).is_err());
    }
}
