//! Property tests: order independence, rank consistency, exact totals.

use proptest::prelude::*;

use super::*;

/// One generated unit: assessor sheets as quarter points above 40, bonus, penalties, votes.
#[derive(Clone, Debug)]
struct Gen {
    sheets: Vec<(u32, u32)>,
    b1: u32,
    b2: u32,
    p1: u32,
    p2: u32,
    votes: u32,
}

fn gen_unit() -> impl Strategy<Value = Gen> {
    (
        prop::collection::vec((0u32..=6, 0u32..=6), 1..=3),
        0u32..=3,
        0u32..=2,
        0u32..=2,
        0u32..=1,
        0u32..=2,
    )
        .prop_map(|(sheets, b1, b2, p1, p2, votes)| Gen {
            sheets,
            b1,
            b2,
            p1,
            p2,
            votes,
        })
}

fn quarter(k: u32) -> String {
    (d("40") + Decimal::from(k) / d("4")).to_string()
}

fn panel() -> Scheme {
    let mut scheme = simple();
    scheme.aggregation.assessed_by = AssessedBy::Panel;
    scheme
}

/// The phase and votes of the generated units; `scramble` reverses every list inside an entry.
fn build(units: &[Gen], members: &[usize], scramble: bool) -> (PhaseInput, Votes) {
    let names: Vec<String> = members.iter().map(|i| format!("u{i}")).collect();
    let mut entries = Vec::new();
    let mut votes = Votes::new();
    for (i, g) in units.iter().enumerate() {
        let mut e = E::default();
        for (j, (a, b)) in g.sheets.iter().enumerate() {
            e = e.by(&format!("x{j}"), two(&quarter(*a), &quarter(*b)));
        }
        // B1 twice and P1 split in two, so that scrambling reorders them.
        e = e.bonus("B1", g.b1).bonus("B2", g.b2).bonus("B1", 1);
        e = e.penalty("P1", g.p1).penalty("P2", g.p2).penalty("P1", 0);
        if scramble {
            e.0.assessed.reverse();
            e.0.bonus.reverse();
            e.0.penalties.reverse();
        }
        entries.push((format!("u{i}"), e.done()));
        votes.insert(format!("u{i}"), g.votes);
    }
    let phase = PhaseInput {
        id: "dot1".into(),
        members: names,
        entries: entries.into_iter().collect(),
    };
    (phase, votes)
}

fn units_and_order() -> impl Strategy<Value = (Vec<Gen>, Vec<usize>)> {
    prop::collection::vec(gen_unit(), 1..=7).prop_flat_map(|units| {
        let n = units.len();
        (Just(units), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
    })
}

proptest! {
    #[test]
    fn ranking_does_not_depend_on_input_order((units, shuffled) in units_and_order()) {
        let identity: Vec<usize> = (0..units.len()).collect();
        let (p1, votes) = build(&units, &identity, false);
        let (p2, _) = build(&units, &shuffled, true);
        let one = rank_phase(&panel(), &p1, &votes).expect("ranks");
        let two = rank_phase(&panel(), &p2, &votes).expect("ranks");
        for r in &one.rows {
            prop_assert_eq!(r, row(&two, &r.unit));
        }
        // Output order: by rank, then by the (shuffled) member order.
        let position = |u: &str| p2.members.iter().position(|m| m == u);
        let keys: Vec<_> = two.rows.iter().map(|r| (r.rank, position(&r.unit))).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }

    #[test]
    fn ranks_are_consistent((units, order) in units_and_order()) {
        let (p, votes) = build(&units, &order, false);
        let ranking = rank_phase(&panel(), &p, &votes).expect("ranks");
        // The oracle: published total, then criterion I, bonus, fewer penalties, votes.
        let key = |r: &ResultRow| {
            (
                r.total,
                crit(r, "I"),
                r.bonus,
                r.penalty_count.map(|c| -c),
                votes.get(&r.unit).copied(),
            )
        };
        for a in &ranking.rows {
            let ahead = ranking.rows.iter().filter(|b| key(b) > key(a)).count();
            prop_assert_eq!(a.rank, u32::try_from(ahead + 1).ok());
            for b in &ranking.rows {
                if a.total > b.total {
                    prop_assert!(a.rank < b.rank);
                }
                if key(a) == key(b) {
                    prop_assert_eq!(a.rank, b.rank);
                    prop_assert!(a.unit == b.unit || (a.shared && b.shared));
                }
            }
        }
    }

    #[test]
    fn totals_are_exact(cents in prop::collection::vec(0i64..=1000, 1..=12), bonus in 0u32..=5) {
        let mut scheme = simple();
        scheme.bonus.cap = None;
        scheme.tie_break.clear();
        scheme.criteria = (0..cents.len()).map(|i| scale(&format!("C{i}"), "10")).collect();
        let sheet: Sheet = cents
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("C{i}"), Score::Points(Decimal::new(*c, 2))))
            .collect();
        let p = phase("dot1", &["u"], vec![("u", E::own(sheet).bonus("B2", bonus).done())]);
        let r = ranked(&scheme, &p).rows[0].clone();
        let hand = cents.iter().sum::<i64>() + 100 * i64::from(bonus);
        prop_assert_eq!(r.self_total, Some(Decimal::new(cents.iter().sum::<i64>(), 2)));
        prop_assert_eq!(r.exact_total, Some(Decimal::new(hand, 2)));
        prop_assert_eq!(r.total.map(|t| t.to_string()), Some(Decimal::new(hand, 2).to_string()));
    }
}
