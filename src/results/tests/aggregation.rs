//! Leaf rules and aggregation modes (FORMAT.md §6, §7, §11).

use super::*;

/// A one-leaf-per-rule scheme: S (scale 10), F (fixed 5), P (proportional 10, target 0.85).
fn rules_scheme(assessed_by: AssessedBy) -> Scheme {
    let mut scheme = simple();
    scheme.criteria = vec![
        leaf("S", "10", Rule::Scale { step: d("0.5") }),
        leaf("F", "5", Rule::Fixed),
        leaf("P", "10", Rule::Proportional { target: d("0.85") }),
    ];
    scheme.tie_break.clear();
    scheme.aggregation.assessed_by = assessed_by;
    scheme
}

/// The value of criterion `id` when a self-only unit scores `score` on it (others at 0).
fn value_of(id: &str, score: Score) -> Result<Decimal, EngineError> {
    let mut sheet = pts(&[("S", "0"), ("F", "0"), ("P", "0")]);
    sheet.insert(id.to_owned(), score);
    let p = phase("dot1", &["u"], vec![("u", E::own(sheet).done())]);
    let ranking = rank_phase(&rules_scheme(AssessedBy::SelfOnly), &p, &no_votes())?;
    Ok(crit(row(&ranking, "u"), id))
}

#[test]
fn leaf_rules_table() {
    use Score::{Actual, Points};
    let ok = [
        ("S", Points(d("7.5")), "7.5"),
        ("S", Points(d("0")), "0"),
        ("S", Points(d("10")), "10"),
        ("F", Points(d("0")), "0"),
        ("F", Points(d("5")), "5"),
        ("P", Actual(d("0.82")), "9.64705882352941176471"),
        ("P", Actual(d("0.85")), "10"),
        ("P", Actual(d("0.97")), "10"), // above target: capped at max
        ("P", Actual(d("0")), "0"),
        ("P", Points(d("9.5")), "9.5"), // typed as points
    ];
    for (id, score, want) in ok {
        assert_eq!(value_of(id, score), Ok(d(want)), "{id} {score:?}");
    }
    let out_of_range = [
        ("S", Points(d("10.5"))),
        ("S", Points(d("-0.5"))),
        ("F", Points(d("2.5"))),
        ("P", Points(d("11"))),
        ("P", Actual(d("-0.1"))),
    ];
    for (id, score) in out_of_range {
        let err = value_of(id, score).expect_err("out of range");
        assert!(
            matches!(&err, EngineError::ValueOutOfRange { criterion, .. } if criterion == id),
            "{id} {score:?}: {err:?}"
        );
    }
    for id in ["S", "F"] {
        let err = value_of(id, Actual(d("0.5"))).expect_err("actual on a non-proportional leaf");
        assert!(
            matches!(err, EngineError::ActualNotProportional { .. }),
            "{err:?}"
        );
    }
}

#[test]
fn proportional_applies_per_sheet_before_the_mean() {
    let scheme = rules_scheme(AssessedBy::Panel);
    let base = || pts(&[("S", "0"), ("F", "0")]);
    let p = phase(
        "dot1",
        &["u"],
        vec![(
            "u",
            E::default()
                .by("x", with_actual(base(), "P", "0.80"))
                .by("y", with_actual(base(), "P", "0.90"))
                .done(),
        )],
    );
    let r = ranked(&scheme, &p).rows[0].clone();
    // (9.41176470588235294118 + 10) / 2, not min(0.85 / 0.85, 1) × 10 = 10.
    assert_eq!(crit(&r, "P"), d("9.70588235294117647059"));
}

/// A one-leaf scheme (X, max 100) for aggregation modes.
fn mode_scheme(assessed_by: AssessedBy, final_from: FinalFrom) -> Scheme {
    let mut scheme = simple();
    scheme.criteria = vec![scale("X", "100")];
    scheme.tie_break.clear();
    scheme.aggregation.assessed_by = assessed_by;
    scheme.aggregation.final_from = final_from;
    scheme
}

fn x(v: &str) -> Sheet {
    pts(&[("X", v)])
}

/// Ranks unit `u` assessed by the given (assessor, X) pairs, among members u, a, b, c, d.
fn assessed(
    mode: AssessedBy,
    final_from: FinalFrom,
    own: Option<&str>,
    by: &[(&str, &str)],
) -> Result<ResultRow, EngineError> {
    let mut entry = E(ScoredEntry {
        self_sheet: own.map(x),
        ..ScoredEntry::default()
    });
    for (assessor, v) in by {
        entry = entry.by(assessor, x(v));
    }
    let p = phase(
        "dot1",
        &["u", "a", "b", "c", "d"],
        vec![("u", entry.done())],
    );
    let ranking = rank_phase(&mode_scheme(mode, final_from), &p, &no_votes())?;
    Ok(row(&ranking, "u").clone())
}

/// (mode, final_from, self, assessors, criterion X, self figure, assessed figure)
type ModeCase<'a> = (
    AssessedBy,
    FinalFrom,
    Option<&'a str>,
    &'a [(&'a str, &'a str)],
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
);

#[test]
fn aggregation_modes_table() {
    use AssessedBy::{CrossMean, CrossMeanTrimmed, Panel, SelfOnly};
    use FinalFrom::{Assessed, SelfIfNoAssessment};
    // (mode, final_from, self, assessors, criterion X, self figure, assessed figure)
    #[rustfmt::skip]
    let cases: [ModeCase<'_>; 10] = [
        (Panel, Assessed, Some("100"), &[("a", "80"), ("b", "90")], "85", Some("100"), Some("85")),
        (Panel, Assessed, None, &[("a", "80")], "80", None, Some("80")),
        (CrossMean, Assessed, Some("90"), &[("a", "70"), ("b", "80"), ("c", "91")],
            "80.33333333333333333333", Some("90"), Some("80.33333333333333333333")),
        (CrossMean, Assessed, None, &[("b", "70"), ("d", "81")], "75.5", None, Some("75.5")),
        (CrossMeanTrimmed, Assessed, None, &[("a", "70"), ("b", "80"), ("c", "95")], "80", None, Some("80")),
        // duplicates of the max: only one of them is dropped
        (CrossMeanTrimmed, Assessed, None, &[("a", "70"), ("b", "95"), ("c", "95"), ("d", "80")],
            "87.5", None, Some("87.5")),
        (SelfOnly, Assessed, Some("77"), &[], "77", Some("77"), None),
        (Panel, SelfIfNoAssessment, Some("66"), &[], "66", Some("66"), None),
        (Panel, SelfIfNoAssessment, Some("66"), &[("a", "60")], "60", Some("66"), Some("60")),
        (CrossMeanTrimmed, SelfIfNoAssessment, Some("50"), &[], "50", Some("50"), None),
    ];
    for (mode, from, own, by, want, want_self, want_assessed) in cases {
        let r = assessed(mode, from, own, by).expect("aggregates");
        let case = format!("{mode:?} {from:?} {own:?} {by:?}");
        assert_eq!(r.status, RowStatus::Ranked, "{case}");
        assert_eq!(crit(&r, "X"), d(want), "{case}");
        assert_eq!(r.exact_total, Some(d(want)), "{case}");
        assert_eq!(r.self_total, want_self.map(d), "{case}");
        assert_eq!(r.assessed_total, want_assessed.map(d), "{case}");
    }
}

#[test]
fn trimmed_drops_per_criterion() {
    let mut scheme = mode_scheme(AssessedBy::CrossMeanTrimmed, FinalFrom::Assessed);
    scheme.criteria = vec![scale("X", "100"), scale("Y", "100")];
    let s = |x: &str, y: &str| pts(&[("X", x), ("Y", y)]);
    let p = phase(
        "dot1",
        &["u", "a", "b", "c"],
        vec![(
            "u",
            E::default()
                .by("a", s("10", "90"))
                .by("b", s("20", "10"))
                .by("c", s("90", "20"))
                .done(),
        )],
    );
    let r = ranked(&scheme, &p).rows[0].clone();
    assert_eq!((crit(&r, "X"), crit(&r, "Y")), (d("20"), d("20")));
}

#[test]
fn no_usable_criteria_makes_the_unit_not_submitted() {
    use AssessedBy::{CrossMean, Panel, SelfOnly};
    use FinalFrom::{Assessed, SelfIfNoAssessment};
    let cases = [
        (Panel, Assessed, Some("90")),
        (CrossMean, Assessed, None),
        (SelfOnly, Assessed, None),
        (Panel, SelfIfNoAssessment, None),
    ];
    for (mode, from, own) in cases {
        let r = assessed(mode, from, own, &[]).expect("no error");
        assert_eq!(
            r.status,
            RowStatus::NotSubmitted,
            "{mode:?} {from:?} {own:?}"
        );
        assert_eq!((r.rank, r.total), (None, None));
    }
}

#[test]
fn aggregation_errors() {
    use AssessedBy::{CrossMean, CrossMeanTrimmed, Panel, SelfOnly};
    use FinalFrom::Assessed;
    let err =
        |mode, by: &[(&str, &str)]| assessed(mode, Assessed, Some("50"), by).expect_err("refused");
    assert!(matches!(
        err(CrossMean, &[("u", "50"), ("a", "60")]),
        EngineError::OwnSheetAssessed { .. }
    ));
    assert!(matches!(
        err(Panel, &[("u", "50")]),
        EngineError::OwnSheetAssessed { .. }
    ));
    assert!(matches!(
        err(CrossMean, &[("a", "50"), ("outsider", "60")]),
        EngineError::AssessorNotMember { assessor, .. } if assessor == "outsider"
    ));
    assert!(matches!(
        err(Panel, &[("a", "50"), ("a", "60")]),
        EngineError::DuplicateAssessor { .. }
    ));
    for by in [&[("a", "50")][..], &[("a", "50"), ("b", "60")]] {
        assert!(matches!(
            err(CrossMeanTrimmed, by),
            EngineError::TooFewAssessors { count, unit, phase } if count == by.len() && unit == "u" && phase == "dot1"
        ));
    }
    assert!(matches!(
        err(SelfOnly, &[("a", "50")]),
        EngineError::AssessedUnderSelfOnly { .. }
    ));
    // Panel assessors need not be members (the leader or the organiser may assess).
    assert!(assessed(Panel, Assessed, None, &[("outsider", "50")]).is_ok());
}

#[test]
fn assessor_order_does_not_matter() {
    let by = [("a", "70.25"), ("b", "80.5"), ("c", "91"), ("d", "33.33")];
    let mut reversed = by;
    reversed.reverse();
    for mode in [
        AssessedBy::Panel,
        AssessedBy::CrossMean,
        AssessedBy::CrossMeanTrimmed,
    ] {
        let one = assessed(mode, FinalFrom::Assessed, None, &by).expect("ok");
        let two = assessed(mode, FinalFrom::Assessed, None, &reversed).expect("ok");
        assert_eq!(one, two, "{mode:?}");
    }
}

#[test]
fn proportional_multiplies_before_it_divides() {
    let mut scheme = rules_scheme(AssessedBy::SelfOnly);
    scheme.criteria = vec![leaf("P", "3", Rule::Proportional { target: d("0.3") })];
    let sheet = with_actual(Sheet::new(), "P", "0.1");
    let p = phase("dot1", &["u"], vec![("u", E::own(sheet).done())]);
    // 0.1 × 3 / 0.3 = 1 exactly (0.1 / 0.3 first would give 0.999…9).
    assert_eq!(crit(&ranked(&scheme, &p).rows[0], "P"), d("1"));
    assert_eq!(crit(&ranked(&scheme, &p).rows[0], "P").to_string(), "1");
}
