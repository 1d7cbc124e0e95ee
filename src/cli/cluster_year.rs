//! `bangtin new cluster-year <cluster> <year>`: the cluster's file for a new
//! year, from its latest earlier year: name, organiser, number, scheme, phases
//! and period shifted to the new year, members still valid then (without the
//! old year's joins and leaves), roles rotated by the old `next_year`, and
//! the old targets and documents as comments to start from. Every assumption
//! is printed, one line each.

use std::path::Path;

use jiff::civil::Date;

use super::scaffold::{require_site, write_new, yaml_str};
use crate::data::{ClusterYear, Data};
use crate::diag::{Diagnostic, closest};
use crate::messages::Msg;
use crate::t;

/// Writes `data/clusters/<year>/<cluster>.yaml` and prints what it assumed.
pub fn new_cluster_year(site_dir: &Path, cluster: &str, year: i16) -> Result<(), Diagnostic> {
    require_site(site_dir)?;
    let made = write_cluster_year(site_dir, cluster, year)?;
    println!("{}", t!(Msg::NewClusterYearDone, path = made.path));
    for note in made.notes {
        println!("  - {note}");
    }
    Ok(())
}

/// A cluster-year file written from the cluster's latest earlier year.
pub struct MadeClusterYear {
    /// Site-relative.
    pub path: String,
    /// What it assumed, one sentence each.
    pub notes: Vec<String>,
}

/// Writes the file of `cluster` for `year` (never over an existing one);
/// `bangtin new cluster-year` and the editor both make it here.
pub fn write_cluster_year(
    site_dir: &Path,
    cluster: &str,
    year: i16,
) -> Result<MadeClusterYear, Diagnostic> {
    let (data, _) = crate::data::load(site_dir);
    // The cluster must be one the data knows before its id names a path.
    let old = earlier_year(&data, cluster, year)?;
    let rel = format!("data/clusters/{year}/{cluster}.yaml");
    let path = site_dir.join(&rel);
    if path.exists() {
        return Err(exists(&rel));
    }
    let (text, notes) = write_text(&data, old, year);
    write_new(&path, &text)?;
    Ok(MadeClusterYear { path: rel, notes })
}

pub(super) fn exists(rel: &str) -> Diagnostic {
    Diagnostic::error(t!(Msg::ScaffoldExists, path = rel)).hint(t!(Msg::ScaffoldExistsHint))
}

/// The cluster's unknown-id error, with the closest id as a hint.
pub(super) fn unknown_cluster(data: &Data, cluster: &str) -> Diagnostic {
    let mut ids: Vec<&str> = data.cluster_years.iter().map(|c| c.id.as_str()).collect();
    ids.dedup();
    let d = Diagnostic::error(t!(
        Msg::UnknownId,
        what = t!(Msg::WhatCluster),
        id = cluster
    ));
    match closest(cluster, ids.iter().copied()) {
        Some(s) => d.hint(t!(Msg::DidYouMean, suggestion = s)),
        None => d.hint(t!(Msg::UnknownIdHint)),
    }
}

/// The latest year of `cluster` before `year`.
fn earlier_year<'a>(
    data: &'a Data,
    cluster: &str,
    year: i16,
) -> Result<&'a ClusterYear, Diagnostic> {
    if !data.has_cluster(cluster) {
        return Err(unknown_cluster(data, cluster));
    }
    data.cluster_years
        .iter()
        .filter(|c| c.id == cluster && c.year < year)
        .max_by_key(|c| c.year)
        .ok_or_else(|| {
            Diagnostic::error(t!(Msg::NoEarlierYear, id = cluster, year = year)).hint(t!(
                Msg::NoEarlierYearHint,
                id = cluster,
                year = year
            ))
        })
}

/// `d` moved by `years`; 29 February becomes 28 February.
fn shift(d: Date, years: i16) -> Date {
    let y = d.year() + years;
    Date::new(y, d.month(), d.day())
        .or_else(|_| Date::new(y, d.month(), 28))
        .unwrap_or(d)
}

fn write_text(data: &Data, old: &ClusterYear, year: i16) -> (String, Vec<String>) {
    let years = year - old.year;
    let mut notes = vec![t!(Msg::AssumedFrom, file = old.file)];
    let from = shift(old.period_from, years);
    let until = shift(old.period_until, years);
    notes.push(t!(Msg::AssumedPeriod, from = from, until = until));
    let mut y = String::new();
    for line in t!(
        Msg::ClusterYearFileHead,
        name = old.name,
        year = year,
        old = old.year
    )
    .lines()
    {
        y.push_str(&format!("# {line}\n"));
    }
    y.push_str(&format!("id: {}\nyear: {year}\n", old.id));
    y.push_str(&format!("name: {}\n", yaml_str(&old.name)));
    y.push_str(&format!("organiser: {}\n", old.organiser));
    if let Some(n) = old.number {
        y.push_str(&format!("number: {n}\n"));
    }
    y.push_str(&format!("period: {{ from: {from}, until: {until} }}\n"));
    y.push_str(&format!("# {}\n", t!(Msg::ClusterYearFormedBy)));
    y.push_str(&format!(
        "# formed_by: {{ number: …, date: {year}-01-01 }}\n"
    ));
    if let Some(scheme) = &old.scheme {
        y.push_str(&format!("scheme: {scheme}\n"));
        notes.push(t!(Msg::AssumedScheme, scheme = scheme, old = old.year));
    }
    let explicit_phases = !(old.phases.len() == 1 && old.phases[0].id == crate::data::WHOLE_YEAR);
    if explicit_phases {
        y.push_str("phases:\n");
        for p in &old.phases {
            y.push_str(&format!(
                "  - {{ id: {}, name: {}, until: {} }}\n",
                p.id,
                yaml_str(&p.name),
                shift(p.until, years)
            ));
        }
        notes.push(t!(
            Msg::AssumedPhases,
            count = old.phases.len(),
            year = year
        ));
    }
    let members = kept_members(data, old, from, until, &mut notes);
    let (leader, deputy) = roles(old, &members, &mut notes);
    y.push_str("members:\n");
    for unit in &members {
        let role = if Some(unit.as_str()) == leader.as_deref() {
            ", role: cum_truong"
        } else if Some(unit.as_str()) == deputy.as_deref() {
            ", role: cum_pho"
        } else {
            ""
        };
        y.push_str(&format!("  - {{ unit: {unit}{role} }}\n"));
    }
    if !old.targets.is_empty() {
        y.push_str(&format!(
            "# {}\n# targets:\n",
            t!(Msg::ClusterYearTargets, old = old.year)
        ));
        for target in &old.targets {
            y.push_str(&format!("#   - {}\n", yaml_str(target)));
        }
    }
    if !old.documents.is_empty() {
        y.push_str(&format!(
            "# {}\n# documents:\n",
            t!(Msg::ClusterYearDocuments)
        ));
        for d in &old.documents {
            let mut parts = Vec::new();
            if let Some(k) = &d.kind {
                parts.push(format!("kind: {k}"));
            }
            let title = d.title.replace(&old.year.to_string(), &year.to_string());
            parts.push(format!("title: {}", yaml_str(&title)));
            if let Some(file) = &d.file {
                let file = file
                    .trim_start_matches('/')
                    .replace(&old.year.to_string(), &year.to_string());
                parts.push(format!("file: {}", yaml_str(&file)));
            }
            y.push_str(&format!("#   - {{ {} }}\n", parts.join(", ")));
        }
        notes.push(t!(Msg::AssumedDocuments, count = old.documents.len()));
    }
    y.push_str(&format!("# {}\n", t!(Msg::ClusterYearSigning)));
    y.push_str(&format!("# signing: {{ date: {year}-03-01, host: … }}\n"));
    (y, notes)
}

/// The old members still valid through the new period, in the same order.
fn kept_members(
    data: &Data,
    old: &ClusterYear,
    from: Date,
    until: Date,
    notes: &mut Vec<String>,
) -> Vec<String> {
    let mut kept = Vec::new();
    for m in &old.members {
        if let Some(left) = m.until {
            notes.push(t!(Msg::MemberLeftOutLeft, unit = m.unit, date = left));
            continue;
        }
        let Some(unit) = data.unit(&m.unit) else {
            continue;
        };
        if unit.valid_on(from) && unit.valid_on(until) {
            kept.push(m.unit.clone());
        } else if let Some((into, date)) = &unit.merged_into {
            notes.push(t!(
                Msg::MemberLeftOutMerged,
                unit = m.unit,
                other = into,
                date = date
            ));
        } else if let Some(end) = unit.valid_until.filter(|u| *u < until) {
            notes.push(t!(Msg::MemberLeftOutEnded, unit = m.unit, date = end));
        } else {
            notes.push(t!(Msg::MemberLeftOutInvalid, unit = m.unit));
        }
    }
    kept
}

/// The new cụm trưởng and cụm phó: the old `next_year` when it was recorded
/// and names kept members, else the old roles.
fn roles(
    old: &ClusterYear,
    members: &[String],
    notes: &mut Vec<String>,
) -> (Option<String>, Option<String>) {
    let kept = |u: &Option<String>| u.clone().filter(|u| members.contains(u));
    let old_leader = kept(&old.leader().map(|m| m.unit.clone()));
    let old_deputy = kept(&old.deputy().map(|m| m.unit.clone()));
    let none = || "—".to_string();
    if old.next_cum_truong.is_none() && old.next_cum_pho.is_none() {
        notes.push(t!(
            Msg::AssumedRolesKept,
            old = old.year,
            leader = old_leader.clone().unwrap_or_else(none),
            deputy = old_deputy.clone().unwrap_or_else(none)
        ));
        return (old_leader, old_deputy);
    }
    for next in [&old.next_cum_truong, &old.next_cum_pho]
        .into_iter()
        .flatten()
    {
        if !members.contains(next) {
            notes.push(t!(Msg::NextYearNotMember, unit = next, old = old.year));
        }
    }
    let leader = kept(&old.next_cum_truong).or(old_leader);
    let deputy = kept(&old.next_cum_pho).filter(|d| Some(d) != leader.as_ref());
    notes.push(t!(
        Msg::AssumedRotated,
        old = old.year,
        leader = leader.clone().unwrap_or_else(none),
        deputy = deputy.clone().unwrap_or_else(none)
    ));
    (leader, deputy)
}
