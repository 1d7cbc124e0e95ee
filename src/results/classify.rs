//! Classification bands and award eligibility (FORMAT.md §6, §11).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::model::{AwardRule, Band};
use super::output::ResultRow;

/// The label of the band with the highest `min` not above the published total
/// (for bands listed highest first, the first that fits).
pub(crate) fn classification(bands: &[Band], total: Decimal) -> Option<String> {
    let mut best: Option<&Band> = None;
    for band in bands.iter().filter(|b| b.min <= total) {
        if best.is_none_or(|b| band.min > b.min) {
            best = Some(band);
        }
    }
    best.map(|b| b.label.clone())
}

/// Fills `eligible` on the ranked rows (in rank order).
///
/// Rules are taken in order; a unit gets at most one award, the first it qualifies
/// for. Only units given an award count against its quota, in rank order, and a
/// group sharing a rank at the quota's edge is taken whole. Disqualified units are
/// never eligible and never count.
pub(crate) fn assign_awards(rules: &[AwardRule], rows: &mut [ResultRow]) {
    let mut awarded: BTreeSet<usize> = BTreeSet::new();
    for rule in rules {
        let qualified: Vec<(usize, u32)> = rows
            .iter()
            .enumerate()
            .filter(|(i, row)| !awarded.contains(i) && qualifies(rule, row))
            .filter_map(|(i, row)| row.rank.map(|rank| (i, rank)))
            .collect();
        let mut edge: Option<u32> = None;
        for (given, (i, rank)) in qualified.into_iter().enumerate() {
            if let Some(quota) = rule.quota {
                let full = u64::try_from(given).unwrap_or(u64::MAX) >= u64::from(quota);
                if full && edge != Some(rank) {
                    break;
                }
            }
            edge = Some(rank);
            awarded.insert(i);
            if let Some(row) = rows.get_mut(i) {
                row.eligible.push(rule.award.clone());
            }
        }
    }
}

/// Whether a ranked row meets the rule's rank and total conditions and is not disqualified.
fn qualifies(rule: &AwardRule, row: &ResultRow) -> bool {
    let (Some(rank), Some(total)) = (row.rank, row.total) else {
        return false;
    };
    row.disqualified.is_empty()
        && rule.rank_at_most.is_none_or(|max| rank <= max)
        && rule.min_total.is_none_or(|min| total >= min)
}
