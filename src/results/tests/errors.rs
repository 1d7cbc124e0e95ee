//! Refused input and odd input that must not panic.

use super::*;

fn one(entry: UnitEntry) -> PhaseInput {
    phase("dot1", &["u"], vec![("u", entry)])
}

#[test]
fn scheme_errors() {
    let mut dup = simple();
    dup.criteria.push(scale("II", "5"));
    let mut target = simple();
    target.criteria[1] = leaf("II", "50", Rule::Proportional { target: d("0") });
    let mut key = simple();
    key.tie_break = vec![TieBreakKey::Criterion("III".into())];
    let p = one(E::own(two("1", "1")).done());
    let cases = [
        (
            dup,
            EngineError::DuplicateCriterion {
                criterion: "II".into(),
            },
        ),
        (
            target,
            EngineError::BadTarget {
                criterion: "II".into(),
            },
        ),
        (
            key,
            EngineError::UnknownTieBreakCriterion {
                criterion: "III".into(),
            },
        ),
    ];
    for (scheme, want) in cases {
        assert_eq!(rank_phase(&scheme, &p, &no_votes()), Err(want));
    }
}

#[test]
fn member_errors() {
    let twice = phase("dot1", &["u", "u"], vec![]);
    assert_eq!(
        rank_phase(&simple(), &twice, &no_votes()),
        Err(EngineError::DuplicateMember {
            phase: "dot1".into(),
            unit: "u".into()
        })
    );
    let stranger = phase("dot1", &["u"], vec![("v", E::own(two("1", "1")).done())]);
    assert_eq!(
        rank_phase(&simple(), &stranger, &no_votes()),
        Err(EngineError::NotAMember {
            phase: "dot1".into(),
            unit: "v".into()
        })
    );
}

#[test]
fn sheet_errors_name_the_sheet_and_criterion() {
    let own = SheetOwner::SelfSheet;
    let (ph, u) = ("dot1".to_owned(), "u".to_owned());
    let cases = [
        (
            pts(&[("I.1", "1"), ("II", "1"), ("III", "1")]),
            EngineError::UnknownCriterion {
                phase: ph.clone(),
                unit: u.clone(),
                sheet: own.clone(),
                criterion: "III".into(),
            },
        ),
        (
            pts(&[("I", "1"), ("I.1", "1"), ("II", "1")]),
            EngineError::NotALeaf {
                phase: ph.clone(),
                unit: u.clone(),
                sheet: own.clone(),
                criterion: "I".into(),
            },
        ),
        (
            pts(&[("I.1", "1")]),
            EngineError::MissingScore {
                phase: ph.clone(),
                unit: u.clone(),
                sheet: own.clone(),
                criterion: "II".into(),
            },
        ),
    ];
    for (sheet, want) in cases {
        let got = rank_phase(&simple(), &one(E::own(sheet).done()), &no_votes());
        assert_eq!(got, Err(want));
    }
    let mut panel = simple();
    panel.aggregation.assessed_by = AssessedBy::Panel;
    let entry = E::default()
        .by("x", two("1", "1"))
        .by("y", pts(&[("I.1", "1")]))
        .done();
    assert_eq!(
        rank_phase(&panel, &one(entry), &no_votes()),
        Err(EngineError::MissingScore {
            phase: ph,
            unit: u,
            sheet: SheetOwner::Assessor("y".into()),
            criterion: "II".into()
        })
    );
}

#[test]
fn messages_name_what_is_wrong() {
    let err = EngineError::MissingScore {
        phase: "dot2".into(),
        unit: "tl-cd-so-tu-phap".into(),
        sheet: SheetOwner::Assessor("tl-cd-vp-ubnd".into()),
        criterion: "II.2".into(),
    };
    let text = err.to_string();
    for part in [
        "dot2",
        "tl-cd-so-tu-phap",
        "tl-cd-vp-ubnd",
        "II.2",
        "partial",
    ] {
        assert!(text.contains(part), "{text}");
    }
    let text = EngineError::WeightsNotOne { sum: d("0.9") }.to_string();
    assert!(text.contains("0.9"), "{text}");
}

#[test]
fn odd_input_gives_results_not_panics() {
    // No members at all.
    let empty = phase("dot1", &[], vec![]);
    assert!(ranked(&simple(), &empty).rows.is_empty());
    // A scheme without criteria: totals come from bonus and penalty only.
    let mut bare = simple();
    bare.criteria.clear();
    bare.tie_break = vec![TieBreakKey::BonusTotal];
    let p = phase(
        "dot1",
        &["a", "b"],
        vec![
            ("a", E::own(Sheet::new()).bonus("B2", 1).done()),
            ("b", E::own(Sheet::new()).penalty("P1", 1).done()),
        ],
    );
    let ranking = ranked(&bare, &p);
    assert_eq!(
        order(&ranking),
        [("a".into(), Some(1)), ("b".into(), Some(2))]
    );
    assert_eq!(row(&ranking, "b").total, Some(d("-0.50")));
    // Every member unranked.
    let p = phase(
        "dot1",
        &["a", "b"],
        vec![("a", unranked(UnrankedStatus::Withdrawn, "x"))],
    );
    let ranking = ranked(&simple(), &p);
    assert!(ranking.rows.iter().all(|r| r.rank.is_none()));
    // Zero decimals, a quota of zero, a band list that is empty.
    let mut s = simple();
    s.decimals = 0;
    s.award_rules = vec![award("x", Some(0), None, None)];
    s.classification.clear();
    let ranking = ranked(&s, &one(E::own(two("40.5", "0")).done()));
    let r = &ranking.rows[0];
    assert_eq!(r.total.map(|t| t.to_string()), Some("41".into()));
    assert!(r.eligible.is_empty() && r.classification.is_none());
}
