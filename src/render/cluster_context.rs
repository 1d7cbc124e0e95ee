//! Template values for the cluster pages: one cluster over the years, the
//! index of clusters by organiser and year, every table of a year, and the
//! clusters shown on the home page.

use serde::Serialize;

use super::data_context::{
    TableValue, TopValue, UnitRef, scheme_title, table_value, top_of, unit_ref,
};
use crate::data::ClusterYear;
use crate::site::{Site, cluster_year_path};
use crate::text::collator;

#[derive(Serialize)]
struct HistoryYear {
    year: i16,
    url: String,
    name: String,
    organiser: UnitRef,
    leader: Option<UnitRef>,
    deputy: Option<UnitRef>,
    member_count: usize,
    joined: Vec<UnitRef>,
    left: Vec<UnitRef>,
    top: Option<TopValue>,
    scheme_id: Option<String>,
    /// What readers see: the scheme's title, never its id (FORMAT.md 1.1).
    scheme_title: Option<String>,
}

#[derive(Serialize)]
pub struct ClusterValue {
    id: String,
    name: String,
    url: String,
    feed_url: String,
    organiser: UnitRef,
    /// Newest first.
    years: Vec<HistoryYear>,
}

/// One cluster over the years, with the member changes from one year to the next.
pub fn cluster_value(site: &Site, index: usize) -> ClusterValue {
    let h = &site.data_links.clusters[index];
    let cys: Vec<&ClusterYear> = h
        .years
        .iter()
        .map(|&i| &site.data.cluster_years[i])
        .collect();
    let mut years = Vec::new();
    for (k, cy) in cys.iter().enumerate() {
        let at = cy.period_until;
        let ids = |c: &ClusterYear| c.members.iter().map(|m| m.unit.clone()).collect::<Vec<_>>();
        let now = ids(cy);
        let before = if k > 0 { ids(cys[k - 1]) } else { Vec::new() };
        years.push(HistoryYear {
            year: cy.year,
            url: site.rooted(&cluster_year_path(&cy.id, cy.year)),
            name: cy.name.clone(),
            organiser: unit_ref(site, &cy.organiser, at),
            leader: cy.leader().map(|m| unit_ref(site, &m.unit, at)),
            deputy: cy.deputy().map(|m| unit_ref(site, &m.unit, at)),
            member_count: cy.members.len(),
            joined: if k == 0 {
                Vec::new()
            } else {
                now.iter()
                    .filter(|u| !before.contains(u))
                    .map(|u| unit_ref(site, u, at))
                    .collect()
            },
            left: before
                .iter()
                .filter(|u| !now.contains(u))
                .map(|u| unit_ref(site, u, at))
                .collect(),
            top: top_of(site, cy),
            scheme_id: cy.scheme.clone(),
            scheme_title: scheme_title(site, cy),
        });
    }
    years.reverse();
    // A cluster has at least one year: it exists because a cluster-year does.
    let latest = cys[cys.len() - 1];
    ClusterValue {
        id: h.id.clone(),
        name: latest.name.clone(),
        url: site.rooted(&format!("/cum-thi-dua/{}/", h.id)),
        feed_url: site.rooted(&format!("/cum-thi-dua/{}/feed.xml", h.id)),
        organiser: unit_ref(site, &latest.organiser, latest.period_until),
        years,
    }
}

#[derive(Serialize)]
pub struct IndexCluster {
    name: String,
    url: String,
    cluster_url: String,
    member_count: usize,
    leader: Option<UnitRef>,
    has_results: bool,
}

#[derive(Serialize)]
struct IndexYear {
    year: i16,
    clusters: Vec<IndexCluster>,
}

#[derive(Serialize)]
pub struct OrganiserGroup {
    organiser: UnitRef,
    years: Vec<IndexYear>,
}

/// `/cum-thi-dua/`: clusters grouped by organiser (alphabetically), then year (newest first).
pub fn cluster_index(site: &Site) -> Vec<OrganiserGroup> {
    let data = &site.data;
    let mut organisers: Vec<&str> = data
        .cluster_years
        .iter()
        .map(|c| c.organiser.as_str())
        .collect();
    organisers.sort_unstable();
    organisers.dedup();
    let name_of = |id: &str| {
        data.unit(id)
            .map_or(id.to_string(), |u| u.current_name().full.clone())
    };
    organisers.sort_by(|a, b| collator().compare(&name_of(a), &name_of(b)));
    organisers
        .into_iter()
        .map(|org| {
            let mut years: Vec<i16> = data
                .cluster_years
                .iter()
                .filter(|c| c.organiser == org)
                .map(|c| c.year)
                .collect();
            years.sort_unstable();
            years.dedup();
            years.reverse();
            let latest = data
                .cluster_years
                .iter()
                .filter(|c| c.organiser == org)
                .map(|c| c.period_until)
                .max();
            OrganiserGroup {
                organiser: unit_ref(site, org, latest.unwrap_or_default()),
                years: years
                    .into_iter()
                    .map(|year| IndexYear {
                        year,
                        clusters: clusters_of(site, |c| c.organiser == org && c.year == year),
                    })
                    .collect(),
            }
        })
        .collect()
}

fn clusters_of(site: &Site, keep: impl Fn(&ClusterYear) -> bool) -> Vec<IndexCluster> {
    let mut list: Vec<&ClusterYear> = site.data.cluster_years.iter().filter(|c| keep(c)).collect();
    list.sort_by(|a, b| {
        a.number
            .cmp(&b.number)
            .then_with(|| collator().compare(&a.name, &b.name))
    });
    list.into_iter()
        .map(|c| IndexCluster {
            name: c.name.clone(),
            url: site.rooted(&cluster_year_path(&c.id, c.year)),
            cluster_url: site.rooted(&format!("/cum-thi-dua/{}/", c.id)),
            member_count: c.members.len(),
            leader: c.leader().map(|m| unit_ref(site, &m.unit, c.period_until)),
            has_results: c.results.is_some(),
        })
        .collect()
}

#[derive(Serialize)]
pub struct YearResultsEntry {
    name: String,
    url: String,
    organiser: UnitRef,
    scheme_title: Option<String>,
    table: Option<TableValue>,
}

/// The cluster-years of `year` that have results, in the order of
/// `/ket-qua/<year>/` (organiser, number, id); its workbook uses it too.
pub fn clusters_with_results(site: &Site, year: i16) -> Vec<&ClusterYear> {
    let mut list: Vec<&ClusterYear> = site
        .data
        .cluster_years
        .iter()
        .filter(|c| c.year == year && c.results.is_some())
        .collect();
    list.sort_by(|a, b| (&a.organiser, a.number, &a.id).cmp(&(&b.organiser, b.number, &b.id)));
    list
}

/// `/ket-qua/<year>/`: every cluster's year table.
pub fn results_year(site: &Site, year: i16) -> Vec<YearResultsEntry> {
    clusters_with_results(site, year)
        .into_iter()
        .map(|c| YearResultsEntry {
            name: c.name.clone(),
            url: site.rooted(&cluster_year_path(&c.id, c.year)),
            organiser: unit_ref(site, &c.organiser, c.period_until),
            scheme_title: c
                .scheme
                .as_deref()
                .and_then(|s| site.data.scheme(s))
                .map(|s| s.title.clone()),
            table: table_value(site, c, None),
        })
        .collect()
}

/// The clusters of the latest year with data, for the home page.
pub fn current_clusters(site: &Site) -> (Option<i16>, Vec<IndexCluster>) {
    let year = site.data.cluster_years.iter().map(|c| c.year).max();
    let list = year.map_or_else(Vec::new, |y| clusters_of(site, |c| c.year == y));
    (year, list)
}
