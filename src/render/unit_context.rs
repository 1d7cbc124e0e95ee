//! Template values for unit pages: names over time, predecessors and heirs,
//! clusters and ranks by year with a small inline chart, awards and news.

use jiff::civil::Date;
use serde::Serialize;

use super::data_context::{UnitRef, award_name, decision_text, scheme_title, unit_ref};
use crate::data::{ProposalStatus, Unit, UnitKind};
use crate::site::{Site, cluster_year_path, unit_path};
use crate::text::{collator, format_date, format_decimal};

#[derive(Serialize)]
struct NameValue {
    full: String,
    short: Option<String>,
    from: Option<String>,
    until: Option<String>,
}

#[derive(Serialize)]
struct MembershipValue {
    year: i16,
    cluster: String,
    url: String,
    role: &'static str,
    status: Option<&'static str>,
    rank: Option<u32>,
    members: usize,
    total: Option<String>,
    classification: Option<String>,
    scheme_id: Option<String>,
    /// What readers see: the scheme's title, never its id (FORMAT.md 1.1).
    scheme_title: Option<String>,
}

#[derive(Serialize)]
struct AwardValue {
    year: i16,
    award: String,
    status: &'static str,
    decision: Option<String>,
    cluster: String,
    url: String,
}

/// The rank-over-years chart: geometry only; the words are the template's.
#[derive(Serialize)]
struct Chart {
    width: u32,
    height: u32,
    /// `x,y x,y …` for the polyline.
    line: String,
    points: Vec<ChartPoint>,
    /// Years in a cluster without a rank (withdrawn, not scored), marked on
    /// the year axis instead of silently left out.
    gaps: Vec<ChartGap>,
    worst: u32,
    /// Where the rank axis runs (x, top and bottom y).
    axis_x: u32,
    top: u32,
    bottom: u32,
}

#[derive(Serialize)]
struct ChartPoint {
    x: u32,
    y: u32,
    year: i16,
    rank: u32,
    /// Units in the cluster that year: "trên N đơn vị".
    members: usize,
}

#[derive(Serialize)]
struct ChartGap {
    x: u32,
    year: i16,
}

#[derive(Serialize)]
pub struct UnitValue {
    id: String,
    kind: &'static str,
    name: String,
    short: String,
    names: Vec<NameValue>,
    aliases: Vec<String>,
    parent: Option<UnitRef>,
    union_of: Option<UnitRef>,
    unions: Vec<UnitRef>,
    valid_from: Option<String>,
    valid_until: Option<String>,
    ended_date: Option<String>,
    ended_reason: Option<String>,
    ended_decision: Option<String>,
    merged_into: Option<UnitRef>,
    merged_date: Option<String>,
    successors: Vec<UnitRef>,
    predecessors: Vec<UnitRef>,
    clusters: Vec<MembershipValue>,
    chart: Option<Chart>,
    awards: Vec<AwardValue>,
    source: Option<super::data_context::SourceValue>,
}

fn today_of(u: &Unit) -> Date {
    u.valid_until
        .or(u.names.last().and_then(|n| n.from))
        .unwrap_or(Date::MAX)
}

/// Everything the unit page shows; `articles` are added by the caller.
pub fn unit_value(site: &Site, index: usize) -> UnitValue {
    let data = &site.data;
    let u = &data.units[index];
    let now = today_of(u);
    let current = u.current_name();
    let refs = |ids: Vec<&str>| -> Vec<UnitRef> {
        ids.into_iter().map(|id| unit_ref(site, id, now)).collect()
    };
    let predecessors: Vec<&str> = data
        .units
        .iter()
        .filter(|x| {
            x.merged_into.as_ref().is_some_and(|(m, _)| m == &u.id) || x.successors.contains(&u.id)
        })
        .map(|x| x.id.as_str())
        .collect();
    let unions: Vec<&str> = data
        .units
        .iter()
        .filter(|x| x.union_of.as_deref() == Some(u.id.as_str()))
        .map(|x| x.id.as_str())
        .collect();
    let clusters = memberships(site, u);
    UnitValue {
        id: u.id.clone(),
        kind: u.kind.as_str(),
        name: current.full.clone(),
        short: current.display().to_string(),
        names: u
            .names
            .iter()
            .map(|n| NameValue {
                full: n.full.clone(),
                short: n.short.clone(),
                from: n.from.map(format_date),
                until: n.until.map(format_date),
            })
            .collect(),
        aliases: u.aliases.clone(),
        parent: u.parent.as_ref().map(|p| unit_ref(site, p, now)),
        union_of: u.union_of.as_ref().map(|p| unit_ref(site, p, now)),
        unions: refs(unions),
        valid_from: u.valid_from.map(format_date),
        valid_until: u.valid_until.map(format_date),
        ended_date: u.ended.as_ref().map(|e| format_date(e.date)),
        ended_reason: u.ended.as_ref().and_then(|e| e.reason.clone()),
        ended_decision: u
            .ended
            .as_ref()
            .and_then(|e| e.decision.as_ref())
            .map(decision_text),
        merged_into: u.merged_into.as_ref().map(|(m, d)| unit_ref(site, m, *d)),
        merged_date: u.merged_into.as_ref().map(|(_, d)| format_date(*d)),
        successors: refs(u.successors.iter().map(String::as_str).collect()),
        predecessors: refs(predecessors),
        chart: chart(&clusters),
        awards: awards(site, u),
        source: super::data_context::source_value(&u.source),
        clusters,
    }
}

fn memberships(site: &Site, u: &Unit) -> Vec<MembershipValue> {
    let mut out = Vec::new();
    for cy in &site.data.cluster_years {
        let Some(m) = cy.members.iter().find(|m| m.unit == u.id) else {
            continue;
        };
        let row = cy
            .results
            .as_ref()
            .and_then(|r| r.year.rows.iter().find(|r| r.unit == u.id));
        let decimals = cy
            .scheme
            .as_deref()
            .and_then(|s| site.data.scheme(s))
            .map_or(2, |s| s.engine.decimals);
        out.push(MembershipValue {
            year: cy.year,
            cluster: cy.name.clone(),
            url: site.rooted(&cluster_year_path(&cy.id, cy.year)),
            role: m.role.as_str(),
            status: row.map(|r| crate::output::exports::status_name(r.status)),
            rank: row.and_then(|r| r.rank),
            members: cy.members.len(),
            total: row
                .and_then(|r| r.total)
                .map(|t| format_decimal(&t, decimals)),
            classification: row.and_then(|r| r.classification.clone()),
            scheme_id: cy.scheme.clone(),
            scheme_title: scheme_title(site, cy),
        });
    }
    out.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.cluster.cmp(&b.cluster)));
    out
}

/// A line from rank to rank, oldest year on the left, rank 1 at the top;
/// every year the unit was in a cluster has its place on the year axis.
fn chart(clusters: &[MembershipValue]) -> Option<Chart> {
    let mut years: Vec<(i16, Option<u32>, usize)> = clusters
        .iter()
        .map(|m| (m.year, m.rank, m.members))
        .collect();
    // A ranked entry of a year first, so that dedup keeps it.
    years.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.is_none().cmp(&b.1.is_none())));
    years.dedup_by_key(|(y, _, _)| *y);
    if years.iter().filter(|(_, r, _)| r.is_some()).count() < 2 {
        return None;
    }
    // The scale runs from rank 1 to one below the worst rank shown (at least 3),
    // so a unit that stays near the top still shows its changes.
    let worst = years
        .iter()
        .filter_map(|(_, r, _)| *r)
        .max()
        .unwrap_or(1)
        .clamp(2, u32::MAX - 1)
        + 1;
    let (width, height, left, pad, bottom_pad) = (360u32, 190u32, 44u32, 48u32, 44u32);
    // `years` has at least two entries (two ranked ones), so the divisor is at least 1.
    let step = (width - left - pad) / u32::try_from(years.len() - 1).unwrap_or(u32::MAX);
    let (top, bottom) = (pad, height - bottom_pad);
    let mut points = Vec::new();
    let mut gaps = Vec::new();
    for (i, &(year, rank, members)) in years.iter().enumerate() {
        let x = left.saturating_add(step.saturating_mul(u32::try_from(i).unwrap_or(u32::MAX)));
        match rank {
            // A rank is at most the number of members; the product is taken
            // in u64 all the same, so that no input can make it overflow.
            Some(rank) => points.push(ChartPoint {
                x,
                y: top
                    + u32::try_from(
                        u64::from(bottom - top) * u64::from(rank.min(worst).saturating_sub(1))
                            / u64::from(worst - 1),
                    )
                    .unwrap_or(bottom - top),
                year,
                rank,
                members,
            }),
            None => gaps.push(ChartGap { x, year }),
        }
    }
    let line = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Chart {
        width,
        height,
        line,
        points,
        gaps,
        worst,
        axis_x: left - 16,
        top,
        bottom,
    })
}

fn awards(site: &Site, u: &Unit) -> Vec<AwardValue> {
    let mut out = Vec::new();
    for cy in &site.data.cluster_years {
        for p in cy.outcomes.iter().flat_map(|o| &o.proposals) {
            if p.unit != u.id || p.status == ProposalStatus::Rejected {
                continue;
            }
            out.push(AwardValue {
                year: cy.year,
                award: award_name(site, &p.award),
                status: p.status.as_str(),
                decision: p.decision.as_ref().map(decision_text),
                cluster: cy.name.clone(),
                url: site.rooted(&cluster_year_path(&cy.id, cy.year)),
            });
        }
    }
    out.sort_by_key(|a| std::cmp::Reverse(a.year));
    out
}

#[derive(Serialize)]
pub struct UnitIndexEntry {
    name: String,
    url: String,
    kind: &'static str,
    ended: bool,
}

#[derive(Serialize)]
pub struct UnitKindGroup {
    kind: &'static str,
    units: Vec<UnitIndexEntry>,
}

/// `/don-vi/`: units by kind, each kind in Vietnamese alphabetical order.
pub fn unit_index(site: &Site) -> Vec<UnitKindGroup> {
    let kinds = [
        UnitKind::UnionUpper,
        UnitKind::UnionBase,
        UnitKind::Agency,
        UnitKind::Enterprise,
        UnitKind::Place,
    ];
    kinds
        .into_iter()
        .filter_map(|kind| {
            let mut units: Vec<&Unit> = site.data.units.iter().filter(|u| u.kind == kind).collect();
            if units.is_empty() {
                return None;
            }
            units.sort_by(|a, b| collator().compare(a.sort_text(), b.sort_text()));
            Some(UnitKindGroup {
                kind: kind.as_str(),
                units: units
                    .into_iter()
                    .map(|u| UnitIndexEntry {
                        name: u.current_name().full.clone(),
                        url: site.rooted(&unit_path(&u.id)),
                        kind: u.kind.as_str(),
                        ended: u.valid_until.is_some() || u.ended.is_some(),
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn membership(year: i16, rank: u32) -> MembershipValue {
        MembershipValue {
            year,
            cluster: "cum-1".into(),
            url: "/cum-thi-dua/cum-1/".into(),
            role: "member",
            status: None,
            rank: Some(rank),
            members: 3,
            total: None,
            classification: None,
            scheme_id: None,
            scheme_title: None,
        }
    }

    #[test]
    fn the_chart_puts_rank_one_at_the_top_and_the_worst_at_the_bottom() {
        let chart = chart(&[membership(2023, 1), membership(2024, 3)]).unwrap();
        let ys: Vec<u32> = chart.points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [48, 113], "{}", chart.line);
        assert_eq!(chart.worst, 4);
    }

    /// No rank, however large, overflows the geometry (it stays in the box).
    #[test]
    fn extreme_ranks_stay_inside_the_chart() {
        for rank in [0, 1, 40_000_000, u32::MAX - 1, u32::MAX] {
            let chart = chart(&[membership(2023, 1), membership(2024, rank)]).unwrap();
            for p in &chart.points {
                assert!(
                    p.x <= chart.width && p.y <= chart.height,
                    "{rank}: {}",
                    chart.line
                );
            }
        }
    }
}
