//! Ranking, tie-breaks, shared ranks, classification, award eligibility.

use super::*;

/// Ranks self-only units of [`simple`] given in member order.
fn table(units: Vec<(&str, E)>, votes: &[(&str, u32)]) -> Ranking {
    let members: Vec<&str> = units.iter().map(|(u, _)| *u).collect();
    let entries = units.into_iter().map(|(u, e)| (u, e.done())).collect();
    let votes: Votes = votes.iter().map(|(u, n)| ((*u).to_owned(), *n)).collect();
    rank_phase(&simple(), &phase("dot1", &members, entries), &votes).expect("ranks")
}

fn own(i: &str, ii: &str) -> E {
    E::own(two(i, ii))
}

fn ranks(ranking: &Ranking) -> Vec<(&str, Option<u32>)> {
    ranking
        .rows
        .iter()
        .map(|r| (r.unit.as_str(), r.rank))
        .collect()
}

/// (case, units in member order, votes, winner, deciding key)
type TieCase<'a> = (
    &'a str,
    Vec<(&'a str, E)>,
    Vec<(&'a str, u32)>,
    &'a str,
    TieBreakKey,
);

#[test]
fn each_tie_break_key_decides_a_tie() {
    let cases: Vec<TieCase<'_>> = vec![
        (
            "criterion:I",
            vec![("b", own("40", "45")), ("a", own("45", "40"))],
            vec![],
            "a",
            TieBreakKey::Criterion("I".into()),
        ),
        (
            "bonus_total",
            vec![
                ("b", own("40", "41")),
                ("a", own("40", "40").bonus("B2", 1)),
            ],
            vec![],
            "a",
            TieBreakKey::BonusTotal,
        ),
        (
            "fewer_penalties",
            vec![
                ("b", own("40", "41").penalty("P1", 2)),
                ("a", own("40", "42").penalty("P2", 1)),
            ],
            vec![],
            "a",
            TieBreakKey::FewerPenalties,
        ),
        (
            "vote",
            vec![("a", own("40", "40")), ("b", own("40", "40"))],
            vec![("a", 2), ("b", 5)],
            "b",
            TieBreakKey::Vote,
        ),
        (
            "an earlier key wins over a later one",
            vec![("b", own("40", "45")), ("a", own("45", "40"))],
            vec![("b", 8)],
            "a",
            TieBreakKey::Criterion("I".into()),
        ),
    ];
    for (case, units, votes, winner, key) in cases {
        let ranking = table(units, &votes);
        let first = &ranking.rows[0];
        let second = &ranking.rows[1];
        assert_eq!(first.total, second.total, "{case}");
        assert_eq!(first.unit, winner, "{case}");
        assert_eq!((first.rank, second.rank), (Some(1), Some(2)), "{case}");
        assert_eq!(second.tie_note.as_ref(), Some(&key), "{case}");
        assert_eq!(first.tie_note, None, "{case}");
        assert!(!first.shared && !second.shared, "{case}");
    }
}

#[test]
fn tie_surviving_the_chain_shares_a_rank_in_member_order() {
    let ranking = table(
        vec![
            ("d", own("40", "40")),
            ("c", own("42", "43")),
            ("a", own("45", "45")),
            ("b", own("42", "43")),
        ],
        &[("c", 1), ("b", 1)],
    );
    assert_eq!(
        ranks(&ranking),
        [
            ("a", Some(1)),
            ("c", Some(2)),
            ("b", Some(2)),
            ("d", Some(4))
        ]
    );
    let shared: Vec<bool> = ranking.rows.iter().map(|r| r.shared).collect();
    assert_eq!(shared, [false, true, true, false]);
    assert!(ranking.rows.iter().all(|r| r.tie_note.is_none()));
}

#[test]
fn ranks_compare_the_published_total_and_keys_the_exact_values() {
    // a's exact total is higher, but both publish 85.00; criterion I then puts b first.
    let ranking = table(
        vec![("a", own("40", "45.004")), ("b", own("41", "44.001"))],
        &[],
    );
    assert_eq!(ranks(&ranking), [("b", Some(1)), ("a", Some(2))]);
    // Exact key values: 40.001 beats 40 though both show 40.00.
    let ranking = table(
        vec![("a", own("40", "45.001")), ("b", own("40.001", "45"))],
        &[],
    );
    assert_eq!(ranks(&ranking), [("b", Some(1)), ("a", Some(2))]);
}

#[test]
fn unranked_rows_come_last_and_disqualified_units_stay_ranked() {
    let p = phase(
        "dot1",
        &["w", "a", "n", "b", "p"],
        vec![
            ("w", unranked(UnrankedStatus::Withdrawn, "rời Cụm")),
            ("a", own("30", "30").dq("D1").done()),
            ("b", own("40", "40").done()),
            ("p", unranked(UnrankedStatus::Partial, "thiếu I.2")),
        ],
    );
    let ranking = ranked(&simple(), &p);
    assert_eq!(
        ranks(&ranking),
        [
            ("b", Some(1)),
            ("a", Some(2)),
            ("w", None),
            ("n", None),
            ("p", None)
        ]
    );
    let statuses: Vec<RowStatus> = ranking.rows.iter().map(|r| r.status).collect();
    use RowStatus::*;
    assert_eq!(statuses, [Ranked, Ranked, Withdrawn, NotSubmitted, Partial]);
    assert_eq!(row(&ranking, "a").disqualified, ["D1"]);
    assert_eq!(row(&ranking, "p").note.as_deref(), Some("thiếu I.2"));
}

#[test]
fn classification_bands() {
    let bands = simple().classification;
    let cases = [
        ("100", Some("Xuất sắc")),
        ("95", Some("Xuất sắc")),
        ("94.99", Some("Tốt")),
        ("85", Some("Tốt")),
        ("70", Some("Khá")),
        ("69.99", Some("Trung bình")),
        ("0", Some("Trung bình")),
        ("-0.5", None),
    ];
    for (total, want) in cases {
        assert_eq!(
            classify::classification(&bands, d(total)).as_deref(),
            want,
            "{total}"
        );
        let mut reversed = bands.clone();
        reversed.reverse();
        assert_eq!(
            classify::classification(&reversed, d(total)).as_deref(),
            want,
            "{total}"
        );
    }
    // The published total decides: 94.995 publishes 95.00.
    let r = table(vec![("a", own("44.995", "50"))], &[]).rows[0].clone();
    assert_eq!(r.classification.as_deref(), Some("Xuất sắc"));
}

fn eligible(ranking: &Ranking) -> Vec<(&str, Vec<&str>)> {
    ranking
        .rows
        .iter()
        .filter(|r| !r.eligible.is_empty())
        .map(|r| {
            (
                r.unit.as_str(),
                r.eligible.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

const FLAG: &str = "co-thi-dua-ldld-tinh";
const MERIT: &str = "bang-khen-ldld-tinh";

#[test]
fn awards_one_per_unit_quota_and_min_total() {
    let ranking = table(
        vec![
            ("a", own("49", "49")),
            ("b", own("47", "47")),
            ("c", own("46", "46")),
            ("d", own("45.5", "45.5")),
            ("e", own("44", "44")),
        ],
        &[],
    );
    // a: the flag only; b, c: merits (quota 2); d: quota full; e: below 90.
    assert_eq!(
        eligible(&ranking),
        [("a", vec![FLAG]), ("b", vec![MERIT]), ("c", vec![MERIT])]
    );
}

#[test]
fn a_tied_group_at_the_quota_edge_is_taken_whole() {
    let ranking = table(
        vec![
            ("a", own("49", "49")),
            ("b", own("47", "47")),
            ("c", own("46", "46")),
            ("d", own("46", "46")),
            ("e", own("45.5", "45.5")),
        ],
        &[],
    );
    assert_eq!(
        ranks(&ranking),
        [
            ("a", Some(1)),
            ("b", Some(2)),
            ("c", Some(3)),
            ("d", Some(3)),
            ("e", Some(5))
        ]
    );
    let want = [
        ("a", vec![FLAG]),
        ("b", vec![MERIT]),
        ("c", vec![MERIT]),
        ("d", vec![MERIT]),
    ];
    assert_eq!(eligible(&ranking), want);
    // A group tied at rank 1 takes a quota-1 flag whole.
    let ranking = table(vec![("a", own("49", "49")), ("b", own("49", "49"))], &[]);
    assert_eq!(eligible(&ranking), [("a", vec![FLAG]), ("b", vec![FLAG])]);
}

#[test]
fn a_disqualified_top_scorer_is_not_eligible_and_does_not_count() {
    let ranking = table(
        vec![
            ("a", own("50", "49").dq("D1")),
            ("b", own("48", "48")),
            ("c", own("47", "47")),
            ("d", own("46.5", "46.5")),
        ],
        &[],
    );
    assert_eq!(row(&ranking, "a").rank, Some(1));
    // The flag needs rank 1, which the disqualified unit holds: nobody gets it.
    // The merits go to b and c; a does not use a place of the quota.
    assert_eq!(eligible(&ranking), [("b", vec![MERIT]), ("c", vec![MERIT])]);
}

#[test]
fn a_rule_without_quota_takes_everyone_qualified() {
    let mut scheme = simple();
    scheme.award_rules = vec![award("giay-khen", None, None, Some("85"))];
    let p = phase(
        "dot1",
        &["a", "b", "c"],
        vec![
            ("a", own("45", "45").done()),
            ("b", own("43", "43").done()),
            ("c", own("42", "42").done()),
        ],
    );
    let ranking = ranked(&scheme, &p);
    let want = vec![("a", vec!["giay-khen"]), ("b", vec!["giay-khen"])];
    assert_eq!(eligible(&ranking), want);
}
