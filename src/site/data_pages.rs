//! The pages made from `data/` (FORMAT.md §9): clusters, cluster-years with their
//! results and exports, results by year, units; and which articles link to them.

use std::collections::{BTreeSet, HashMap};

use super::routes::{Input, Route, RouteKind};
use super::{Article, Site};
use crate::data::Data;

/// Which table an export holds and in which format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Xlsx,
}

/// A cluster over the years: indexes into `Data::cluster_years`, oldest first.
#[derive(Debug, Clone)]
pub struct ClusterHistory {
    pub id: String,
    pub years: Vec<usize>,
}

/// Links between articles and the data they are about.
#[derive(Debug, Default)]
pub struct DataLinks {
    /// Per cluster-year (same order as `Data::cluster_years`), its articles, newest first.
    pub cluster_year_articles: Vec<Vec<usize>>,
    /// Per unit id, the articles naming it, newest first.
    pub unit_articles: HashMap<String, Vec<usize>>,
    /// Every cluster id with its years, in id order.
    pub clusters: Vec<ClusterHistory>,
    /// Years that have at least one cluster-year with results, newest first.
    pub result_years: Vec<i16>,
}

impl DataLinks {
    /// `articles` must already be in their final (newest first) order.
    pub fn new(data: &Data, articles: &[Article]) -> DataLinks {
        let mut cluster_year_articles = vec![Vec::new(); data.cluster_years.len()];
        let mut unit_articles: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in articles.iter().enumerate() {
            if let Some((id, year)) = &a.cluster
                && let Some(cy) = data
                    .cluster_years
                    .iter()
                    .position(|c| &c.id == id && c.year == *year)
            {
                cluster_year_articles[cy].push(i);
            }
            for u in &a.units {
                unit_articles.entry(u.clone()).or_default().push(i);
            }
        }
        let mut clusters: Vec<ClusterHistory> = Vec::new();
        for (i, cy) in data.cluster_years.iter().enumerate() {
            match clusters.last_mut() {
                Some(h) if h.id == cy.id => h.years.push(i),
                _ => clusters.push(ClusterHistory {
                    id: cy.id.clone(),
                    years: vec![i],
                }),
            }
        }
        let years: BTreeSet<i16> = data
            .cluster_years
            .iter()
            .filter(|c| c.results.is_some())
            .map(|c| c.year)
            .collect();
        DataLinks {
            cluster_year_articles,
            unit_articles,
            clusters,
            result_years: years.into_iter().rev().collect(),
        }
    }
}

/// Site path of a cluster-year page.
pub fn cluster_year_path(id: &str, year: i16) -> String {
    format!("/cum-thi-dua/{id}/{year}/")
}

/// Site path of a unit page.
pub fn unit_path(id: &str) -> String {
    format!("/don-vi/{id}/")
}

/// Plans every data page with its inputs.
pub fn plan(site: &Site, routes: &mut Vec<Route>) {
    let data = &site.data;
    if data.cluster_years.is_empty() && data.units.is_empty() {
        return;
    }
    let all = vec![Input::Config, Input::AllData];
    let push = |routes: &mut Vec<Route>, path: String, kind: RouteKind, inputs: Vec<Input>| {
        routes.push(Route { path, kind, inputs });
    };
    push(
        routes,
        "/cum-thi-dua/".into(),
        RouteKind::ClusterIndex,
        all.clone(),
    );
    for (i, h) in site.data_links.clusters.iter().enumerate() {
        let base = format!("/cum-thi-dua/{}/", h.id);
        // The cluster page lists the cards of its articles, as its feed does.
        let mut page_inputs = all.clone();
        let mut feed_inputs = vec![Input::Config, Input::AllArticles];
        for &cy in &h.years {
            page_inputs.extend(article_inputs(site, cy));
            feed_inputs.extend(article_inputs(site, cy));
        }
        push(routes, base.clone(), RouteKind::Cluster(i), page_inputs);
        push(
            routes,
            format!("{base}feed.xml"),
            RouteKind::ClusterFeed(i),
            feed_inputs,
        );
        for &cy in &h.years {
            plan_cluster_year(site, cy, routes);
        }
    }
    push(
        routes,
        "/ket-qua/".into(),
        RouteKind::ResultsIndex,
        all.clone(),
    );
    for &y in &site.data_links.result_years {
        push(
            routes,
            format!("/ket-qua/{y}/"),
            RouteKind::ResultsYear(y),
            all.clone(),
        );
        push(
            routes,
            format!("/ket-qua/{y}/ket-qua.xlsx"),
            RouteKind::ResultsYearExport(y),
            all.clone(),
        );
    }
    push(routes, "/don-vi/".into(), RouteKind::UnitIndex, all.clone());
    for (i, u) in data.units.iter().enumerate() {
        let mut inputs = all.clone();
        if let Some(arts) = site.data_links.unit_articles.get(&u.id) {
            inputs.extend(
                arts.iter()
                    .map(|&a| Input::File(site.articles[a].source.clone())),
            );
        }
        push(routes, unit_path(&u.id), RouteKind::Unit(i), inputs);
    }
}

fn article_inputs(site: &Site, cy: usize) -> Vec<Input> {
    site.data_links.cluster_year_articles[cy]
        .iter()
        .map(|&a| Input::File(site.articles[a].source.clone()))
        .collect()
}

fn plan_cluster_year(site: &Site, cy: usize, routes: &mut Vec<Route>) {
    let c = &site.data.cluster_years[cy];
    let path = cluster_year_path(&c.id, c.year);
    // The units and awards files give names; the scheme gives titles.
    let mut inputs = vec![Input::Config, Input::AllData];
    inputs.extend(article_inputs(site, cy));
    routes.push(Route {
        path: path.clone(),
        kind: RouteKind::ClusterYear(cy),
        inputs: inputs.clone(),
    });
    let Some(results) = &c.results else { return };
    // The implicit whole-year phase would only repeat the year's table.
    let implicit = c.phases.len() == 1 && c.phases[0].id == crate::data::WHOLE_YEAR;
    let phase_count = if implicit { 0 } else { results.phases.len() };
    let tables = std::iter::once(None).chain((0..phase_count).map(Some));
    for phase in tables {
        for format in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Xlsx] {
            let ext = match format {
                ExportFormat::Json => "json",
                ExportFormat::Csv => "csv",
                ExportFormat::Xlsx => "xlsx",
            };
            let name = match phase {
                None => format!("ket-qua.{ext}"),
                Some(p) => format!("ket-qua-{}.{ext}", c.phases[p].id),
            };
            routes.push(Route {
                path: format!("{path}{name}"),
                kind: RouteKind::Export {
                    cluster_year: cy,
                    phase,
                    format,
                },
                inputs: vec![Input::AllData],
            });
        }
    }
}
