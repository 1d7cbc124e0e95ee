//! `bangtin new scores <cluster> <year> [--phase ID]`: a scores file to fill
//! in, listing every member of the phase and, for each, every leaf criterion
//! of the scheme with an empty value and its title and maximum as a comment,
//! in the shape the scheme's aggregation reads (self only; self and the
//! organiser's panel; self and every other member for cross assessment).
//! An empty value loads: the unit is "chưa chấm" with one warning naming the
//! empty criteria (`data/scores.rs`).

use std::path::Path;

use rust_decimal::Decimal;

use super::cluster_year::{exists, unknown_cluster};
use super::scaffold::{require_site, write_new};
use crate::data::{ClusterYear, Data, SchemeInfo};
use crate::diag::{Diagnostic, closest};
use crate::messages::{self, Msg};
use crate::results::{AssessedBy, Criterion, FinalFrom, Rule};
use crate::t;

/// Writes `data/scores/<year>/<cluster>.yaml`.
pub fn new_scores(
    site_dir: &Path,
    cluster: &str,
    year: i16,
    phase_arg: Option<&str>,
) -> Result<(), Diagnostic> {
    require_site(site_dir)?;
    let rel = format!("data/scores/{year}/{cluster}.yaml");
    if site_dir.join(&rel).exists() {
        return Err(exists(&rel));
    }
    let target = Target::find(site_dir, cluster, year, phase_arg)?;
    let (cy, scheme) = (target.cy(), target.scheme());
    let phase = &cy.phases[target.phase];
    let text = write_text(cy, scheme, &phase.id);
    write_new(&site_dir.join(&rel), &text)?;
    println!("{}", t!(Msg::NewScoresDone, path = rel, phase = phase.id));
    Ok(())
}

/// A phase of a cluster-year with a scheme, as named on the command line
/// (`new scores`, `template scores`, `import scores`), with the site's data.
pub(super) struct Target {
    pub data: Data,
    pub cy: usize,
    pub scheme: usize,
    pub phase: usize,
}

impl Target {
    /// Loads the site's data and finds the cluster-year, its scheme and the
    /// phase (the last when none is named); an unknown one is an error with
    /// the closest id or the choices as a hint.
    pub fn find(
        site_dir: &Path,
        cluster: &str,
        year: i16,
        phase_arg: Option<&str>,
    ) -> Result<Target, Diagnostic> {
        let (data, _) = crate::data::load(site_dir);
        if !data.has_cluster(cluster) {
            return Err(unknown_cluster(&data, cluster));
        }
        let Some(cy) = data
            .cluster_years
            .iter()
            .position(|c| c.id == cluster && c.year == year)
        else {
            let years: Vec<String> = data
                .cluster_years
                .iter()
                .filter(|c| c.id == cluster)
                .map(|c| c.year.to_string())
                .collect();
            return Err(
                Diagnostic::error(t!(Msg::NoClusterYear, id = cluster, year = year)).hint(t!(
                    Msg::ScaffoldYears,
                    years = years.join(", "),
                    id = cluster
                )),
            );
        };
        let c = &data.cluster_years[cy];
        let scheme = c
            .scheme
            .as_deref()
            .and_then(|s| data.schemes.iter().position(|x| x.id == s));
        let Some(scheme) = scheme else {
            return Err(
                Diagnostic::error(t!(Msg::ScaffoldNoScheme, id = cluster, year = year))
                    .hint(t!(Msg::ScoresWithoutSchemeHint, file = c.file)),
            );
        };
        let phase = match phase_arg {
            None => Some(c.phases.len() - 1),
            Some(id) => c.phases.iter().position(|p| p.id == id),
        };
        let Some(phase) = phase else {
            let phase_ids: Vec<&str> = c.phases.iter().map(|p| p.id.as_str()).collect();
            let asked = phase_arg.unwrap_or_default();
            let d = Diagnostic::error(t!(Msg::UnknownId, what = t!(Msg::WhatPhase), id = asked));
            return Err(match closest(asked, phase_ids.iter().copied()) {
                Some(s) => d.hint(t!(Msg::DidYouMean, suggestion = s)),
                None => d.hint(t!(Msg::ExpectedChoices, choices = phase_ids.join(", "))),
            });
        };
        Ok(Target {
            data,
            cy,
            scheme,
            phase,
        })
    }

    pub fn cy(&self) -> &ClusterYear {
        &self.data.cluster_years[self.cy]
    }

    pub fn scheme(&self) -> &SchemeInfo {
        &self.data.schemes[self.scheme]
    }
}

/// A number in the language of the run: `0,5` or `0.5`.
fn num(d: Decimal) -> String {
    messages::number(d)
}

/// The comment after a criterion: its title and what may be typed.
fn criterion_note(scheme: &SchemeInfo, k: &Criterion) -> String {
    let title = scheme
        .criteria
        .iter()
        .find(|c| c.id == k.id)
        .map_or("", |c| c.title.as_str());
    let max = num(k.max);
    let rule = match &k.rule {
        Some(Rule::Scale { step }) => t!(Msg::ScoresNoteStep, max = max, step = num(*step)),
        Some(Rule::Fixed) => t!(Msg::ScoresNoteFixed, max = max),
        Some(Rule::Proportional { target }) => {
            t!(
                Msg::ScoresNoteProportional,
                max = max,
                target = num(*target)
            )
        }
        None => t!(Msg::ScoresNoteMax, max = max),
    };
    format!("{title} ({rule})")
}

fn sheet(out: &mut String, indent: usize, scheme: &SchemeInfo) {
    let leaves = Criterion::leaves(&scheme.engine.criteria);
    let width = leaves.iter().map(|k| k.id.len()).max().unwrap_or(0) + 2;
    let pad = " ".repeat(indent);
    for k in leaves {
        let key = format!("{}:", k.id);
        out.push_str(&format!(
            "{pad}{key:<width$}  # {}\n",
            criterion_note(scheme, k)
        ));
    }
}

fn items(out: &mut String, key: &str, list: &[(String, String)], scheme: &SchemeInfo, bonus: bool) {
    out.push_str(&format!("      {key}: []\n"));
    for (id, title) in list {
        let points = if bonus {
            scheme
                .engine
                .bonus
                .items
                .iter()
                .find(|i| &i.id == id)
                .map(|i| i.points)
        } else {
            scheme
                .engine
                .penalties
                .iter()
                .find(|i| &i.id == id)
                .map(|i| i.points)
        };
        let points = points
            .map(|p| t!(Msg::ScoresNotePoints, points = num(p)))
            .unwrap_or_default();
        out.push_str(&format!("      #   {id}: {title} ({points})\n"));
    }
}

fn write_text(cy: &ClusterYear, scheme: &SchemeInfo, phase: &str) -> String {
    let mut y = String::new();
    let head = t!(
        Msg::ScoresFileHead,
        name = cy.name,
        year = cy.year,
        phase = phase,
        scheme = scheme.title
    );
    for line in head.lines() {
        y.push_str(&format!("# {line}\n"));
    }
    y.push_str(&format!(
        "cluster: {}\nyear: {}\ndecimal_separator: \",\"\nphases:\n  {phase}:\n",
        cy.id, cy.year
    ));
    let p = cy.phases.iter().find(|p| p.id == phase);
    let members: Vec<&str> = cy
        .members
        .iter()
        .filter(|m| p.is_none_or(|p| ClusterYear::member_during(m, p.from, p.until)))
        .map(|m| m.unit.as_str())
        .collect();
    let agg = &scheme.engine.aggregation;
    for unit in &members {
        y.push_str(&format!("    {unit}:\n      self:\n"));
        sheet(&mut y, 8, scheme);
        let assessors: Vec<&str> = match agg.assessed_by {
            AssessedBy::SelfOnly => Vec::new(),
            AssessedBy::Panel => vec![cy.organiser.as_str()],
            AssessedBy::CrossMean | AssessedBy::CrossMeanTrimmed => {
                members.iter().copied().filter(|m| m != unit).collect()
            }
        };
        if !assessors.is_empty() {
            let note = match (agg.assessed_by, agg.final_from) {
                (AssessedBy::Panel, FinalFrom::SelfIfNoAssessment) => {
                    t!(Msg::ScoresNotePanelOptional)
                }
                (AssessedBy::Panel, _) => t!(Msg::ScoresNotePanel),
                _ => t!(Msg::ScoresNoteCross),
            };
            y.push_str(&format!("      # {note}\n      assessed:\n"));
            for a in assessors {
                y.push_str(&format!("        {a}:\n"));
                sheet(&mut y, 10, scheme);
            }
        }
        items(&mut y, "bonus", &scheme.bonus_titles, scheme, true);
        items(&mut y, "penalties", &scheme.penalty_titles, scheme, false);
    }
    y
}
