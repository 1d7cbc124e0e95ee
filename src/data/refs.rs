//! Front matter that points into `data/` (FORMAT.md §3): `cluster`,
//! `cluster_year` and `units` must exist; a dangling id gets the closest one.

use super::model::Data;
use crate::content::Document;
use crate::diag::{Diagnostic, closest};
use crate::messages::Msg;
use crate::t;
use crate::yaml::Spanned;

/// `organiser` in `site.yaml` must be a unit (FORMAT.md §2).
pub fn check_organiser(
    data: &Data,
    config: &crate::config::Config,
    site_dir: &std::path::Path,
) -> Option<Diagnostic> {
    let organiser = config.organiser.as_ref()?;
    let id = organiser.value.trim();
    if data.unit(id).is_some() || data.unchecked.unit(id) {
        return None;
    }
    let file = std::path::Path::new(crate::config::CONFIG_FILE);
    // Read as the config was (size limit, line ends, NFC), so that the span
    // of the value points into the same text.
    let text = crate::content::read_text(crate::config::CONFIG_FILE, &site_dir.join(file))
        .unwrap_or_default();
    let src = crate::yaml::Source::file(file, &text);
    let hint = match closest(id, data.units.iter().map(|u| u.id.as_str())) {
        Some(s) => t!(Msg::DidYouMean, suggestion = s),
        None => t!(Msg::UnknownIdHint),
    };
    Some(
        src.error_at(
            organiser,
            t!(Msg::UnknownId, what = t!(Msg::WhatUnit), id = id),
        )
        .hint(hint),
    )
}

/// Checks every document's references into the data.
pub fn check_documents<'a>(
    data: &Data,
    docs: impl IntoIterator<Item = &'a Document>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut skipped = false;
    for doc in docs {
        let src = doc.source();
        if let Some(cluster) = &doc.front.cluster {
            skipped |= check_cluster(data, doc, cluster, &mut out);
        } else if let Some(year) = &doc.front.cluster_year {
            out.push(
                src.error_at(year, t!(Msg::ClusterYearWithoutCluster))
                    .hint(t!(Msg::ClusterYearWithoutClusterHint)),
            );
        }
        for unit in &doc.front.units {
            let id = unit.value.trim();
            if data.unit(id).is_none() && data.unchecked.unit(id) {
                skipped = true;
            } else if data.unit(id).is_none() {
                let hint = match closest(id, data.units.iter().map(|u| u.id.as_str())) {
                    Some(s) => t!(Msg::DidYouMean, suggestion = s),
                    None => t!(Msg::UnknownIdHint),
                };
                out.push(
                    src.error_at(unit, t!(Msg::UnknownId, what = t!(Msg::WhatUnit), id = id))
                        .hint(hint),
                );
            }
        }
    }
    if skipped {
        out.push(data.unchecked.note());
    }
    out
}

/// Checks an article's `cluster` (and year); `true` when the reference could
/// not be judged because the cluster's file has errors.
fn check_cluster(
    data: &Data,
    doc: &Document,
    cluster: &Spanned<String>,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let src = doc.source();
    let id = cluster.value.trim();
    if !data.has_cluster(id) && data.unchecked.cluster(id, None) {
        return true;
    }
    if !data.has_cluster(id) {
        let mut ids: Vec<&str> = data.cluster_years.iter().map(|c| c.id.as_str()).collect();
        ids.dedup();
        let hint = match closest(id, ids) {
            Some(s) => t!(Msg::DidYouMean, suggestion = s),
            None => t!(Msg::UnknownIdHint),
        };
        out.push(
            src.error_at(
                cluster,
                t!(Msg::UnknownId, what = t!(Msg::WhatCluster), id = id),
            )
            .hint(hint),
        );
        return false;
    }
    let year = match (&doc.front.cluster_year, &doc.date) {
        (Some(y), _) => i16::try_from(y.value).ok(),
        (None, Some(d)) => Some(d.year()),
        (None, None) => None,
    };
    let Some(year) = year else { return false };
    if data.cluster_year(id, year).is_none() && data.unchecked.cluster(id, Some(year)) {
        return true;
    }
    if data.cluster_year(id, year).is_none() {
        let years: Vec<String> = data
            .cluster_years
            .iter()
            .filter(|c| c.id == id)
            .map(|c| c.year.to_string())
            .collect();
        let at = doc.front.cluster_year.as_ref().map_or_else(
            || src.error_at(cluster, t!(Msg::NoClusterYear, id = id, year = year)),
            |y| src.error_at(y, t!(Msg::NoClusterYear, id = id, year = year)),
        );
        out.push(at.hint(t!(Msg::NoClusterYearHint, years = years.join(", "))));
    }
    false
}
