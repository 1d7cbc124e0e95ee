//! The few lines a results table is summed up by, above it on a
//! cluster-year page: who ranked first, how many units were ranked, and how
//! many fell in each classification band. The words around them live in the
//! theme's translation file.

use serde::Serialize;

use super::data_context::{UnitRef, unit_ref};
use crate::data::{ClusterYear, SchemeInfo};
use crate::results::{Ranking, RowStatus};
use crate::site::Site;
use crate::text::format_decimal;

/// A classification band and the number of units in it.
#[derive(Serialize)]
pub struct BandCount {
    label: String,
    count: usize,
}

/// A unit that ranked first, with its published total.
#[derive(Serialize)]
pub struct Leader {
    unit: UnitRef,
    total: Option<String>,
}

/// The summary of one results table.
#[derive(Serialize)]
pub struct Summary {
    /// The units ranked 1 (several when they share the rank).
    leaders: Vec<Leader>,
    /// Units ranked, out of `rows`.
    ranked: usize,
    rows: usize,
    /// Bands in the scheme's order (highest first), only those with units.
    bands: Vec<BandCount>,
}

pub fn summary(site: &Site, cy: &ClusterYear, scheme: &SchemeInfo, ranking: &Ranking) -> Summary {
    let d = scheme.engine.decimals;
    let leaders = ranking
        .rows
        .iter()
        .filter(|r| r.rank == Some(1))
        .map(|r| Leader {
            unit: unit_ref(site, &r.unit, cy.name_date()),
            total: r.total.as_ref().map(|t| format_decimal(t, d)),
        })
        .collect();
    let bands = scheme
        .engine
        .classification
        .iter()
        .map(|b| BandCount {
            label: b.label.clone(),
            count: ranking
                .rows
                .iter()
                .filter(|r| r.classification.as_deref() == Some(b.label.as_str()))
                .count(),
        })
        .filter(|b| b.count > 0)
        .collect();
    Summary {
        leaders,
        ranked: ranking
            .rows
            .iter()
            .filter(|r| r.status == RowStatus::Ranked)
            .count(),
        rows: ranking.rows.len(),
        bands,
    }
}
