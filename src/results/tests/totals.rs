//! Bonus, penalty, disqualifiers and the total (FORMAT.md §6, §11).

use super::*;

/// The row of a self-only unit scoring I.1 = 40, II = 40 with the given extras.
fn with_extras(entry: E, scheme: &Scheme) -> Result<ResultRow, EngineError> {
    let p = phase("dot1", &["u"], vec![("u", entry.done())]);
    Ok(rank_phase(scheme, &p, &no_votes())?.rows[0].clone())
}

#[test]
fn bonus_item_cap_then_bonus_cap() {
    let base = || E::own(two("40", "40"));
    let mut uncapped = simple();
    uncapped.bonus.cap = None;
    // (entry, scheme, bonus)
    let cases = [
        (base().bonus("B1", 1).bonus("B2", 1), simple(), "3"),
        (base().bonus("B1", 3), simple(), "4"), // 6 → item cap 4
        (base().bonus("B1", 1).bonus("B1", 2), simple(), "4"), // counts added, then capped
        (base().bonus("B1", 3).bonus("B2", 2), simple(), "5"), // 4 + 2 → bonus cap 5
        (base().bonus("B1", 3).bonus("B2", 2), uncapped.clone(), "6"),
        (base().bonus("B2", 0), simple(), "0"),
        (base(), simple(), "0"),
    ];
    for (entry, scheme, want) in cases {
        let case = format!("{:?}", entry.0.bonus);
        let r = with_extras(entry, &scheme).expect("scores");
        assert_eq!(r.bonus, Some(d(want)), "{case}");
        assert_eq!(r.exact_total, Some(d("80") + d(want)), "{case}");
    }
}

#[test]
fn bonus_may_push_a_total_above_total_max() {
    let r = with_extras(E::own(two("50", "50")).bonus("B1", 2), &simple()).expect("scores");
    assert_eq!(r.total, Some(d("104.00")));
    assert_eq!(r.classification.as_deref(), Some("Xuất sắc"));
}

#[test]
fn penalties_are_a_non_negative_amount_subtracted() {
    let cases = [
        (
            E::own(two("40", "40")).penalty("P1", 3),
            "1.5",
            "3",
            "78.50",
        ),
        (
            E::own(two("40", "40")).penalty("P1", 3).penalty("P2", 1),
            "3.5",
            "4",
            "76.50",
        ),
        (
            E::own(two("40", "40")).penalty("P1", 1).penalty("P1", 1),
            "1",
            "2",
            "79.00",
        ),
        (
            E::own(two("40", "40")).bonus("B2", 1).penalty("P2", 1),
            "2",
            "1",
            "79.00",
        ),
        (E::own(two("40", "40")), "0", "0", "80.00"),
    ];
    for (entry, penalty, count, total) in cases {
        let case = format!("{:?}", entry.0.penalties);
        let r = with_extras(entry, &simple()).expect("scores");
        assert_eq!(r.penalty, Some(d(penalty)), "{case}");
        assert!(r.penalty.is_some_and(|p| !p.is_sign_negative()), "{case}");
        assert_eq!(r.penalty_count, Some(d(count)), "{case}");
        assert_eq!(
            r.total.map(|t| t.to_string()),
            Some(total.to_owned()),
            "{case}"
        );
    }
}

#[test]
fn disqualifiers_are_listed_in_scheme_order_once() {
    let entry = E::own(two("50", "50")).dq("D2").dq("D1").dq("D2");
    let r = with_extras(entry, &simple()).expect("scores");
    assert_eq!(r.disqualified, ["D1", "D2"]);
    assert_eq!(r.status, RowStatus::Ranked);
    assert_eq!(r.rank, Some(1));
    assert!(r.eligible.is_empty());
}

#[test]
fn unknown_items_are_errors() {
    let cases = [
        E::own(two("1", "1")).bonus("B9", 1),
        E::own(two("1", "1")).penalty("P9", 1),
        E::own(two("1", "1")).dq("D9"),
    ];
    let errors: Vec<EngineError> = cases
        .into_iter()
        .map(|e| with_extras(e, &simple()).expect_err("unknown id"))
        .collect();
    assert!(matches!(&errors[0], EngineError::UnknownBonusItem { item, .. } if item == "B9"));
    assert!(matches!(&errors[1], EngineError::UnknownPenaltyItem { item, .. } if item == "P9"));
    assert!(
        matches!(&errors[2], EngineError::UnknownDisqualifier { disqualifier, .. } if disqualifier == "D9")
    );
}

#[test]
fn huge_counts_overflow_into_an_error_not_a_panic() {
    let mut scheme = simple();
    scheme.bonus.items[1].points = Decimal::MAX;
    scheme.bonus.cap = None;
    let err =
        with_extras(E::own(two("1", "1")).bonus("B2", u32::MAX), &scheme).expect_err("overflow");
    assert_eq!(
        err,
        EngineError::Overflow {
            phase: "dot1".into(),
            unit: "u".into()
        }
    );
}
