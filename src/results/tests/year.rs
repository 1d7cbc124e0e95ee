//! The year result: last_phase, mean_of_phases, weighted (FORMAT.md §11).

use super::*;

fn scheme(year_from: YearFrom) -> Scheme {
    let mut scheme = simple();
    scheme.aggregation.year_from = year_from;
    scheme
}

fn weighted(pairs: &[(&str, &str)]) -> YearFrom {
    YearFrom::Weighted(pairs.iter().map(|(p, w)| ((*p).to_owned(), d(w))).collect())
}

/// Two phases: a scores 80 then 90 (+1 bonus, −0.5 penalty in dot2), b 84 then 86.01.
fn two_phases() -> YearInput {
    YearInput {
        members: vec!["a".into(), "b".into(), "c".into()],
        phases: vec![
            phase(
                "dot1",
                &["a", "b", "c"],
                vec![
                    ("a", E::own(two("40", "40")).done()),
                    ("b", E::own(two("42", "42")).done()),
                    ("c", unranked(UnrankedStatus::Partial, "thiếu II")),
                ],
            ),
            phase(
                "dot2",
                &["a", "b", "c"],
                vec![
                    (
                        "a",
                        E::own(two("45", "45"))
                            .bonus("B2", 1)
                            .penalty("P1", 1)
                            .done(),
                    ),
                    ("b", E::own(two("43", "43.01")).done()),
                    ("c", E::own(two("50", "50")).done()),
                ],
            ),
        ],
    }
}

fn year(scheme: &Scheme, input: &YearInput) -> YearResult {
    rank_year(scheme, input, &no_votes()).expect("year ranks")
}

#[test]
fn last_phase_is_the_last_phase_result() {
    let result = year(&scheme(YearFrom::LastPhase), &two_phases());
    assert_eq!(result.phases.len(), 2);
    assert_eq!(result.phases[0].phase, PhaseKey::Phase("dot1".into()));
    assert_eq!(result.year.phase, PhaseKey::Year);
    let last = &result.phases[1];
    assert_eq!(result.year.rows.len(), last.rows.len());
    for (y, p) in result.year.rows.iter().zip(&last.rows) {
        assert_eq!(y, p);
    }
    // c was partial in dot1 only: ranked for the year.
    assert_eq!(order(&result.year)[0], ("c".into(), Some(1)));
}

#[test]
fn mean_of_phases_averages_every_figure() {
    let result = year(&scheme(YearFrom::MeanOfPhases), &two_phases());
    let a = row(&result.year, "a");
    assert_eq!(crit(a, "I.1"), d("42.5"));
    assert_eq!(crit(a, "I"), d("42.5"));
    assert_eq!(crit(a, "II"), d("42.5"));
    assert_eq!(a.self_total, Some(d("85")));
    assert_eq!(a.assessed_total, None);
    assert_eq!(a.bonus, Some(d("0.5")));
    assert_eq!(a.penalty, Some(d("0.25")));
    assert_eq!(a.penalty_count, Some(d("0.5")));
    assert_eq!(a.exact_total, Some(d("85.25")));
    let b = row(&result.year, "b");
    // (84 + 86.01) / 2 = 85.005: rounded once, at the end.
    assert_eq!(b.exact_total, Some(d("85.005")));
    assert_eq!(b.total.map(|t| t.to_string()), Some("85.01".into()));
    assert_eq!(
        order(&result.year),
        [
            ("a".into(), Some(1)),
            ("b".into(), Some(2)),
            ("c".into(), None)
        ]
    );
    // c is unranked in dot1, so unranked for the year with that status and note.
    let c = row(&result.year, "c");
    assert_eq!(c.status, RowStatus::Partial);
    assert_eq!(c.note.as_deref(), Some("thiếu II"));
}

#[test]
fn weighted_phases() {
    let result = year(
        &scheme(weighted(&[("dot1", "0.4"), ("dot2", "0.6")])),
        &two_phases(),
    );
    let a = row(&result.year, "a");
    // 0.4 × 80 + 0.6 × 90.5
    assert_eq!(a.exact_total, Some(d("86.3")));
    assert_eq!(a.bonus, Some(d("0.6")));
    assert_eq!(crit(a, "II"), d("43"));
    let b = row(&result.year, "b");
    // 0.4 × 84 + 0.6 × 86.01 = 85.206
    assert_eq!(b.total, Some(d("85.21")));
    assert_eq!(row(&result.year, "c").status, RowStatus::Partial);
}

#[test]
fn weights_must_name_every_phase_once_and_sum_to_one() {
    let cases = [
        (
            weighted(&[("dot1", "0.4"), ("dot2", "0.5")]),
            EngineError::WeightsNotOne { sum: d("0.9") },
        ),
        (
            weighted(&[("dot1", "0.5"), ("dot2", "0.6")]),
            EngineError::WeightsNotOne { sum: d("1.1") },
        ),
        (
            weighted(&[("dot1", "1")]),
            EngineError::MissingWeight {
                phase: "dot2".into(),
            },
        ),
        (
            weighted(&[("dot1", "0.4"), ("dot2", "0.6"), ("dot3", "0")]),
            EngineError::UnknownWeightPhase {
                phase: "dot3".into(),
            },
        ),
        (
            weighted(&[("dot1", "0.4"), ("dot1", "0.6")]),
            EngineError::UnknownWeightPhase {
                phase: "dot1".into(),
            },
        ),
        (
            weighted(&[("dot1", "-0.5"), ("dot2", "1.5")]),
            EngineError::NegativeWeight {
                phase: "dot1".into(),
            },
        ),
    ];
    for (year_from, want) in cases {
        let got = rank_year(&scheme(year_from.clone()), &two_phases(), &no_votes());
        assert_eq!(got, Err(want), "{year_from:?}");
    }
    // 0.40 + 0.60 is exactly 1.
    let ok = scheme(weighted(&[("dot1", "0.40"), ("dot2", "0.60")]));
    assert!(rank_year(&ok, &two_phases(), &no_votes()).is_ok());
}

#[test]
fn a_unit_missing_from_a_phase_table() {
    // j joined after dot1; l left after dot1.
    let input = YearInput {
        members: vec!["a".into(), "j".into(), "l".into()],
        phases: vec![
            phase(
                "dot1",
                &["a", "l"],
                vec![
                    ("a", E::own(two("40", "40")).done()),
                    ("l", E::own(two("45", "45")).dq("D1").done()),
                ],
            ),
            phase(
                "dot2",
                &["a", "j"],
                vec![
                    ("a", E::own(two("41", "41")).done()),
                    ("j", E::own(two("49", "49")).done()),
                ],
            ),
        ],
    };
    let mean = year(&scheme(YearFrom::MeanOfPhases), &input);
    assert_eq!(row(&mean.year, "j").status, RowStatus::NotSubmitted);
    assert_eq!(row(&mean.year, "l").status, RowStatus::Withdrawn);
    assert_eq!(order(&mean.year)[0], ("a".into(), Some(1)));
    let last = year(&scheme(YearFrom::LastPhase), &input);
    assert_eq!(order(&last.year)[0], ("j".into(), Some(1)));
    assert_eq!(row(&last.year, "l").status, RowStatus::Withdrawn);
}

#[test]
fn disqualifiers_of_any_phase_carry_into_the_year() {
    let mut input = two_phases();
    if let Some(UnitEntry::Scored(entry)) = input.phases[0].entries.get_mut("b") {
        entry.disqualified.push("D2".into());
    }
    for year_from in [YearFrom::LastPhase, YearFrom::MeanOfPhases] {
        let result = year(&scheme(year_from), &input);
        assert_eq!(row(&result.year, "b").disqualified, ["D2"]);
        assert!(row(&result.phases[1], "b").disqualified.is_empty());
    }
}

#[test]
fn year_input_errors() {
    let s = scheme(YearFrom::MeanOfPhases);
    let empty = YearInput {
        members: vec!["a".into()],
        phases: vec![],
    };
    assert_eq!(
        rank_year(&s, &empty, &no_votes()),
        Err(EngineError::NoPhases)
    );
    let mut stranger = two_phases();
    stranger.members.retain(|m| m != "c");
    assert_eq!(
        rank_year(&s, &stranger, &no_votes()),
        Err(EngineError::NotAYearMember {
            phase: "dot1".into(),
            unit: "c".into()
        })
    );
    let mut twice = two_phases();
    twice.phases[1].id = "dot1".into();
    assert_eq!(
        rank_year(&s, &twice, &no_votes()),
        Err(EngineError::DuplicatePhase {
            phase: "dot1".into()
        })
    );
}

#[test]
fn the_latest_unranked_phase_gives_the_year_status() {
    let mut input = two_phases();
    input.phases[1]
        .entries
        .insert("c".into(), unranked(UnrankedStatus::Withdrawn, "rời Cụm"));
    for year_from in [YearFrom::MeanOfPhases, YearFrom::LastPhase] {
        let result = year(&scheme(year_from), &input);
        let c = row(&result.year, "c");
        assert_eq!(c.status, RowStatus::Withdrawn);
        assert_eq!(c.note.as_deref(), Some("rời Cụm"));
    }
}

#[test]
fn a_year_figure_missing_in_one_phase_is_missing_for_the_year() {
    let mut s = scheme(YearFrom::MeanOfPhases);
    s.aggregation.assessed_by = AssessedBy::Panel;
    s.aggregation.final_from = FinalFrom::SelfIfNoAssessment;
    let input = YearInput {
        members: vec!["a".into()],
        phases: vec![
            phase(
                "dot1",
                &["a"],
                vec![("a", E::own(two("40", "40")).by("x", two("38", "40")).done())],
            ),
            phase("dot2", &["a"], vec![("a", E::own(two("44", "44")).done())]),
        ],
    };
    let result = year(&s, &input);
    assert_eq!(row(&result.phases[0], "a").assessed_total, Some(d("78")));
    assert_eq!(row(&result.phases[1], "a").assessed_total, None);
    let a = row(&result.year, "a");
    assert_eq!(a.assessed_total, None);
    assert_eq!(a.self_total, Some(d("84")));
    // The total still averages each phase's total: (78 + 88) / 2.
    assert_eq!(a.exact_total, Some(d("83")));
}
