//! The worked example of FORMAT.md §7/§10, a 1000-point scheme, a negative total.

use super::*;

/// The phase `dot2` of FORMAT.md §7.
fn dot2() -> PhaseInput {
    let self_sheet = with_actual(
        pts(&[
            ("I.1", "19.5"),
            ("I.2", "9.5"),
            ("II.1", "5"),
            ("II.3", "52"),
        ]),
        "II.2",
        "0.82",
    );
    let by_vp = with_actual(
        pts(&[("I.1", "19"), ("I.2", "9"), ("II.1", "5"), ("II.3", "51")]),
        "II.2",
        "0.82",
    );
    let by_tt = with_actual(
        pts(&[
            ("I.1", "19.5"),
            ("I.2", "9.5"),
            ("II.1", "5"),
            ("II.3", "52"),
        ]),
        "II.2",
        "0.82",
    );
    phase(
        "dot2",
        &[
            "tl-cd-vp-ubnd",
            "tl-cd-so-tu-phap",
            "tl-cd-thanh-tra",
            "tl-cd-vp-dieu-phoi-ntm",
        ],
        vec![
            (
                "tl-cd-so-tu-phap",
                E::own(self_sheet)
                    .by("tl-cd-vp-ubnd", by_vp)
                    .by("tl-cd-thanh-tra", by_tt)
                    .bonus("B1", 1)
                    .done(),
            ),
            (
                "tl-cd-vp-dieu-phoi-ntm",
                unranked(UnrankedStatus::Withdrawn, "rời Cụm từ 30/9/2024"),
            ),
        ],
    )
}

#[test]
fn format_worked_example_reproduces_exactly() {
    let ranking = ranked(&cdvc_2024(), &dot2());
    assert_eq!(ranking.phase, PhaseKey::Phase("dot2".into()));
    let r = row(&ranking, "tl-cd-so-tu-phap");
    let ids: Vec<&str> = r.criteria.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["I", "I.1", "I.2", "II", "II.1", "II.2", "II.3"]);
    let want = [
        ("I", "28.50"),
        ("I.1", "19.25"),
        ("I.2", "9.25"),
        ("II", "66.15"),
        ("II.1", "5.00"),
        ("II.2", "9.65"),
        ("II.3", "51.50"),
    ];
    for (id, value) in want {
        assert_eq!(shown(crit(r, id), 2), value, "criterion {id}");
    }
    // II.2 = 0.82 × 10 / 0.85, exact to 20 places; the mean of two equal sheets is the same value.
    assert_eq!(crit(r, "II.2"), d("9.64705882352941176471"));
    assert_eq!(crit(r, "I.1"), d("19.25"));
    assert_eq!(r.self_total, Some(d("95.64705882352941176471")));
    assert_eq!(r.assessed_total, Some(d("94.64705882352941176471")));
    assert_eq!(shown(r.self_total.expect("self"), 2), "95.65");
    assert_eq!(shown(r.assessed_total.expect("assessed"), 2), "94.65");
    assert_eq!(r.bonus, Some(d("2")));
    assert_eq!(r.penalty, Some(d("0")));
    assert_eq!(r.exact_total, Some(d("96.64705882352941176471")));
    assert_eq!(r.total.map(|t| t.to_string()), Some("96.65".into()));
    assert_eq!(r.rank, Some(1));
    assert_eq!(r.status, RowStatus::Ranked);
    assert_eq!(r.classification.as_deref(), Some("Xuất sắc"));
    assert_eq!(r.eligible, ["co-thi-dua-ldld-tinh"]);
    assert!(r.disqualified.is_empty());

    // Members without an entry are not submitted; every unranked row comes last, in member order.
    let rest: Vec<(&str, RowStatus, Option<&str>)> = ranking.rows[1..]
        .iter()
        .map(|r| (r.unit.as_str(), r.status, r.note.as_deref()))
        .collect();
    assert_eq!(
        rest,
        [
            ("tl-cd-vp-ubnd", RowStatus::NotSubmitted, None),
            ("tl-cd-thanh-tra", RowStatus::NotSubmitted, None),
            (
                "tl-cd-vp-dieu-phoi-ntm",
                RowStatus::Withdrawn,
                Some("rời Cụm từ 30/9/2024")
            ),
        ]
    );
    for r in &ranking.rows[1..] {
        assert_eq!(
            (r.total, r.rank, r.bonus, r.self_total),
            (None, None, None, None)
        );
        assert!(r.criteria.is_empty() && r.eligible.is_empty());
    }
}

#[test]
fn total_is_computed_from_unrounded_values() {
    // Each criterion is 1.005 (shown 1.01); the total is 2.01, not 1.01 + 1.01.
    let mut scheme = simple();
    scheme.aggregation.assessed_by = AssessedBy::Panel;
    let p = phase(
        "dot1",
        &["u", "x", "y"],
        vec![(
            "u",
            E::default()
                .by("x", two("1", "1"))
                .by("y", two("1.01", "1.01"))
                .done(),
        )],
    );
    let ranking = ranked(&scheme, &p);
    let r = row(&ranking, "u");
    assert_eq!(shown(crit(r, "I"), 2), "1.01");
    assert_eq!(shown(crit(r, "II"), 2), "1.01");
    assert_eq!(r.exact_total, Some(d("2.01")));
    assert_eq!(r.total.map(|t| t.to_string()), Some("2.01".into()));
}

/// A 1000-point scheme with one decimal.
fn thousand() -> Scheme {
    let mut scheme = cdvc_2024();
    scheme.total_max = d("1000");
    scheme.decimals = 1;
    scheme.criteria = vec![
        parent("A", "600", vec![scale("A.1", "400"), scale("A.2", "200")]),
        leaf("B", "400", Rule::Proportional { target: d("0.9") }),
    ];
    scheme.tie_break = vec![TieBreakKey::Criterion("A".into())];
    scheme.bonus.cap = Some(d("50"));
    scheme.bonus.items[0].points = d("20");
    scheme.bonus.items[0].cap = Some(d("40"));
    scheme.classification = vec![
        band("Xuất sắc", "950"),
        band("Tốt", "850"),
        band("Khá", "0"),
    ];
    scheme.award_rules = vec![award("co", Some(1), None, Some("950"))];
    scheme
}

#[test]
fn thousand_point_scheme_with_one_decimal() {
    let a = || pts(&[("A.1", "391.5"), ("A.2", "190")]);
    let p = phase(
        "ca-nam",
        &["u1", "u2"],
        vec![
            (
                "u1",
                E::default()
                    .by("x", with_actual(a(), "B", "0.85"))
                    .by("y", with_actual(a(), "B", "0.86"))
                    .by("z", with_actual(a(), "B", "0.95"))
                    .bonus("B1", 1)
                    .done(),
            ),
            (
                "u2",
                E::default()
                    .by(
                        "x",
                        with_actual(pts(&[("A.1", "380"), ("A.2", "180")]), "B", "0.9"),
                    )
                    .done(),
            ),
        ],
    );
    let ranking = ranked(&thousand(), &p);
    let u1 = row(&ranking, "u1");
    // B: (377.77…8 + 382.22…2 + 400) / 3 = 386.66…7; A = 581.5; + bonus 20 = 988.166…
    assert_eq!(shown(crit(u1, "B"), 1), "386.7");
    assert_eq!(u1.total, Some(d("988.2")));
    assert_eq!(u1.total.map(|t| t.scale()), Some(1));
    assert_eq!(u1.classification.as_deref(), Some("Xuất sắc"));
    assert_eq!(u1.eligible, ["co"]);
    let u2 = row(&ranking, "u2");
    assert_eq!(u2.total.map(|t| t.to_string()), Some("960.0".into()));
    assert_eq!(u2.rank, Some(2));
    assert!(u2.eligible.is_empty());
}

#[test]
fn negative_total_after_penalties_is_not_floored() {
    let p = phase(
        "dot1",
        &["a", "b"],
        vec![
            ("a", E::own(two("1", "0.5")).penalty("P2", 2).done()),
            ("b", E::own(two("0", "0")).penalty("P1", 1).done()),
        ],
    );
    let ranking = ranked(&simple(), &p);
    let a = row(&ranking, "a");
    assert_eq!(a.penalty, Some(d("4")));
    assert_eq!(a.exact_total, Some(d("-2.5")));
    assert_eq!(a.total.map(|t| t.to_string()), Some("-2.50".into()));
    assert_eq!(a.classification, None);
    let b = row(&ranking, "b");
    assert_eq!(b.total.map(|t| t.to_string()), Some("-0.50".into()));
    assert_eq!(
        order(&ranking),
        [("b".into(), Some(1)), ("a".into(), Some(2))]
    );
}
