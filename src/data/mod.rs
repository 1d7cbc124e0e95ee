//! `data/`: units, awards, schemes, cluster-years, scores and outcomes
//! (FORMAT.md §4–§8), read strictly, cross-checked, and computed into results by
//! the pure engine in [`crate::results`]. Every problem names file, line and
//! column; a file with errors is left out and the rest is still checked, so one
//! run reports everything.

mod check;
mod clusters;
mod files;
mod model;
mod outcomes;
pub(crate) mod raw;
mod refs;
mod schemes;
mod scores;
mod units;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

pub use check::DataFile;
use check::{folder_of, stem_of};
pub use clusters::WHOLE_YEAR;
use files::{DataFiles, Place, read_all};
pub use model::*;
pub use refs::{check_documents, check_organiser};

use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::results::{self, PhaseInput, Votes, YearInput};
use crate::t;
use crate::yaml;

/// Reads and checks `data/` and computes every cluster-year's results.
pub fn load(site_dir: &Path) -> (Data, Diagnostics) {
    load_with(site_dir, None)
}

/// [`load`], with one file's text replaced (or added) by `overlay`, a
/// site-relative path under `data/` and its unsaved text: the editor's
/// preview of a scores grid runs the real checks and engine on it.
pub fn load_with(site_dir: &Path, overlay: Option<&DataFile>) -> (Data, Diagnostics) {
    let mut diags = Diagnostics::new();
    let data_dir = site_dir.join("data");
    if let Some(d) = crate::content::link_out(site_dir, &data_dir) {
        // Nothing of data/ is read: references to it cannot be judged.
        diags.push(d);
        let mut data = Data::default();
        data.unchecked.all_units = true;
        diags.push(data.unchecked.note());
        return (data, diags);
    }
    if !data_dir.is_dir() {
        return (Data::default(), diags);
    }
    let files = read_all(site_dir, &data_dir, overlay, &mut diags);
    let (units, declared) = load_units(&files.units, &mut diags);
    let mut unchecked = Unchecked {
        all_units: declared.is_none() || files.unreadable(Place::Units).next().is_some(),
        ..Unchecked::default()
    };
    let declared = declared.unwrap_or_default();
    unchecked.units = declared
        .iter()
        .filter(|id| !units.iter().any(|u| &u.id == *id))
        .cloned()
        .collect();
    let needs_units = !(files.clusters.is_empty() && files.awards.is_empty());
    if files.units.is_empty() && !unchecked.all_units && needs_units {
        // Clusters without a registry: one error, not one per member.
        diags.push(
            Diagnostic::error(t!(Msg::UnitsFileMissing))
                .in_file("data/units.yaml")
                .hint(t!(Msg::UnitsFileMissingHint)),
        );
        let data = parse_only(&files, &mut diags);
        return (data, diags);
    }
    if unchecked.all_units {
        // Without the registry every cluster, score and outcome would be
        // reported as naming unknown units: read them for their own syntax only.
        let data = parse_only(&files, &mut diags);
        diags.push(data.unchecked.note());
        return (data, diags);
    }
    let unit_map: HashMap<String, Unit> = units.iter().map(|u| (u.id.clone(), u.clone())).collect();
    // Ids declared in units.yaml, even those of units with errors: a reference
    // to a unit that is merely mistyped elsewhere is not a second problem.
    let unit_ids: Vec<&str> = declared.iter().map(String::as_str).collect();
    let (awards, awards_read) = load_awards(&files.awards, Some(&unit_ids), &mut diags);
    let award_ids: Vec<&str> = awards.iter().map(|a| a.id.as_str()).collect();
    let awards_read = awards_read && files.unreadable(Place::Awards).next().is_none();
    let award_ids = awards_read.then_some(award_ids.as_slice());
    let schemes = load_schemes(&files.schemes, award_ids, &mut diags);
    // Every scheme file counts, even one with errors or unreadable: a
    // cluster naming it is not a second problem.
    let unreadable_schemes = files.unreadable(Place::Scheme).map(stem_of);
    let scheme_ids: Vec<&str> = files
        .schemes
        .iter()
        .map(|f| f.stem())
        .chain(unreadable_schemes)
        .collect();
    let statics = static_files(site_dir);
    let known = clusters::Known {
        units: &unit_map,
        unit_ids: &unit_ids,
        scheme_ids: &scheme_ids,
        statics: &statics,
    };
    let (mut cluster_years, mut failed) = load_clusters(&files.clusters, &known, &mut diags);
    for rel in files.unreadable(Place::Cluster) {
        failed.insert((stem_of(rel).to_string(), folder_of(rel).to_string()));
    }
    unchecked.cluster_years = failed;
    let mut per_year = PerYear {
        clusters: &mut cluster_years,
        unchecked: &unchecked,
        skipped: std::cell::Cell::new(0),
    };
    attach_outcomes(
        &files.outcomes,
        &mut per_year,
        award_ids,
        &known,
        &mut diags,
    );
    attach_results(
        &files.scores,
        &files.clusters,
        &mut per_year,
        &schemes,
        &unit_ids,
        &mut diags,
    );
    if per_year.skipped.get() > 0 {
        diags.push(unchecked.note());
    }
    let mut data = Data::new(units, awards, schemes, cluster_years);
    data.unchecked = unchecked;
    (data, diags)
}

/// The cluster-years a per-year file may belong to, and which of them could
/// not be read.
struct PerYear<'a> {
    clusters: &'a mut [ClusterYear],
    unchecked: &'a Unchecked,
    /// Files left out because their cluster-year's file has errors.
    skipped: std::cell::Cell<usize>,
}

/// Reads the files that depend on `units.yaml` for their syntax alone.
fn parse_only(files: &DataFiles, diags: &mut Diagnostics) -> Data {
    let (awards, awards_read) = load_awards(&files.awards, None, diags);
    let award_ids: Vec<&str> = awards.iter().map(|a| a.id.as_str()).collect();
    let schemes = load_schemes(&files.schemes, awards_read.then_some(&award_ids), diags);
    for f in &files.clusters {
        diags.extend(parse::<raw::RawCluster>(f).1);
    }
    for f in &files.scores {
        diags.extend(parse::<raw::RawScores>(f).1);
    }
    for f in &files.outcomes {
        diags.extend(parse::<raw::RawOutcomes>(f).1);
    }
    let mut data = Data::new(Vec::new(), awards, schemes, Vec::new());
    data.unchecked.all_units = true;
    data
}

fn load_schemes(
    files: &[DataFile],
    award_ids: Option<&[&str]>,
    diags: &mut Diagnostics,
) -> Vec<SchemeInfo> {
    let checked: Vec<(Option<SchemeInfo>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|f| {
            let (raw, mut ds) = parse::<raw::RawScheme>(f);
            let Some(raw) = raw else {
                return (None, ds);
            };
            let (scheme, more) = schemes::check_scheme(f, &raw, award_ids);
            ds.extend(more);
            (scheme, ds)
        })
        .collect();
    let mut schemes: Vec<SchemeInfo> = checked
        .into_iter()
        .filter_map(|(s, ds)| {
            diags.extend(ds);
            s
        })
        .collect();
    schemes.sort_by(|a, b| a.id.cmp(&b.id));
    schemes
}

/// Reads a data file: every unknown top-level key is reported, with the
/// value errors of the known keys (the file's root struct accepts unknown
/// keys for that; nested ones deny them).
fn parse<T: DeserializeOwned>(f: &DataFile) -> (Option<T>, Vec<Diagnostic>) {
    yaml::parse_all_keys(&f.text, f.source())
}

/// [`parse`] of every file, in parallel (the scores files are most of
/// `data/`), in the files' order.
fn parse_each<T: DeserializeOwned + Send>(files: &[DataFile]) -> Vec<(Option<T>, Vec<Diagnostic>)> {
    files.par_iter().map(parse::<T>).collect()
}

/// The checked units and every id declared in the file; `None` when the
/// file exists but could not be read.
fn load_units(files: &[DataFile], diags: &mut Diagnostics) -> (Vec<Unit>, Option<Vec<String>>) {
    let Some(f) = files.first() else {
        return (Vec::new(), Some(Vec::new()));
    };
    let (raw, ds) = parse::<raw::UnitsFile>(f);
    diags.extend(ds);
    let Some(raw) = raw else {
        return (Vec::new(), None);
    };
    let (units, ds) = units::check_units(f, &raw);
    diags.extend(ds);
    let declared = raw.units.iter().map(|u| u.id.value.clone()).collect();
    (units, Some(declared))
}

/// The checked awards, and whether `awards.yaml` could be read (when not,
/// references to awards are not judged: its own errors say what is wrong).
fn load_awards(
    files: &[DataFile],
    unit_ids: Option<&[&str]>,
    diags: &mut Diagnostics,
) -> (Vec<Award>, bool) {
    let Some(f) = files.first() else {
        return (Vec::new(), true);
    };
    let (raw, ds) = parse::<raw::AwardsFile>(f);
    diags.extend(ds);
    let Some(raw) = raw else {
        return (Vec::new(), false);
    };
    let (awards, ds) = units::check_awards(f, &raw, unit_ids);
    diags.extend(ds);
    (awards, true)
}

/// `static/` files by NFC site-relative path, for document links.
fn static_files(site_dir: &Path) -> HashMap<String, PathBuf> {
    let dir = site_dir.join("static");
    if !dir.is_dir() {
        return HashMap::new();
    }
    // Problems with static files are reported by the build's own copy step.
    let mut reported_elsewhere = Diagnostics::new();
    let files = crate::content::list_files(site_dir, &dir, &mut reported_elsewhere);
    files.into_iter().collect()
}

/// The checked cluster-years, and the (`id`, year folder) of the files with errors.
fn load_clusters(
    files: &[DataFile],
    known: &clusters::Known<'_>,
    diags: &mut Diagnostics,
) -> (Vec<ClusterYear>, HashSet<(String, String)>) {
    let parsed: Vec<(
        Option<raw::RawCluster>,
        Option<ClusterYear>,
        Vec<Diagnostic>,
    )> = files
        .par_iter()
        .map(|f| {
            let (raw, mut ds) = parse::<raw::RawCluster>(f);
            let Some(raw) = raw else {
                return (None, None, ds);
            };
            let (cy, more) = clusters::check_cluster(f, &raw, known);
            ds.extend(more);
            (Some(raw), cy, ds)
        })
        .collect();
    let mut out = Vec::new();
    let mut failed = HashSet::new();
    let mut seen: HashMap<(String, i16, String), String> = HashMap::new();
    for (f, (raw, cy, ds)) in files.iter().zip(parsed) {
        diags.extend(ds);
        let (Some(raw), Some(cy)) = (raw, cy) else {
            failed.insert((f.stem().to_string(), f.folder().to_string()));
            continue;
        };
        if out
            .iter()
            .any(|o: &ClusterYear| o.id == cy.id && o.year == cy.year)
        {
            continue;
        }
        check_one_cluster_per_organiser(f, &raw, &cy, &mut seen, diags);
        out.push(cy);
    }
    out.sort_by(|a, b| (&a.id, a.year).cmp(&(&b.id, b.year)));
    (out, failed)
}

/// A unit may be in one cluster of an organiser per year (FORMAT.md §5).
fn check_one_cluster_per_organiser(
    f: &DataFile,
    raw: &raw::RawCluster,
    cy: &ClusterYear,
    seen: &mut HashMap<(String, i16, String), String>,
    diags: &mut Diagnostics,
) {
    for (m, rm) in cy.members.iter().zip(&raw.members) {
        let key = (cy.organiser.clone(), cy.year, m.unit.clone());
        match seen.get(&key) {
            Some(other) if other != &cy.id => {
                let src = f.source();
                diags.push(
                    src.error_at(
                        &rm.unit,
                        t!(
                            Msg::MemberTwoClusters,
                            unit = m.unit,
                            other = other,
                            year = cy.year
                        ),
                    )
                    .hint(t!(Msg::MemberTwoClustersHint)),
                );
            }
            _ => {
                seen.insert(key, cy.id.clone());
            }
        }
    }
}

/// The cluster-year a per-year file (scores, outcomes) belongs to, by its
/// place. Silent when that cluster-year's own file has errors.
fn owner_index(f: &DataFile, owners: &PerYear<'_>, diags: &mut Diagnostics) -> Option<usize> {
    let clusters = &*owners.clusters;
    let year: Option<i16> = f.folder().parse().ok();
    let found = clusters
        .iter()
        .position(|c| c.id == f.stem() && Some(c.year) == year);
    let failed = (f.stem().to_string(), f.folder().to_string());
    if found.is_none() && owners.unchecked.cluster_years.contains(&failed) {
        owners.skipped.set(owners.skipped.get() + 1);
        return None;
    }
    if found.is_none() {
        // The same id in another year is not a typo: the hint then says which file to create.
        let ids = clusters
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| *id != f.stem());
        let hint = match crate::diag::closest(f.stem(), ids) {
            Some(s) => t!(Msg::DidYouMean, suggestion = s),
            None => t!(Msg::NoClusterFileHint, folder = f.folder(), id = f.stem()),
        };
        diags.push(
            Diagnostic::error(t!(Msg::NoClusterFile, id = f.stem(), year = f.folder()))
                .in_file(&f.path)
                .at(&f.text, 1, 1)
                .hint(hint),
        );
    }
    found
}

/// `cluster:` and `year:` inside a per-year file must repeat its place.
fn check_header(f: &DataFile, cluster: &raw::S, year: &raw::S, diags: &mut Diagnostics) -> bool {
    let src = f.source();
    let mut ok = true;
    if cluster.value.trim() != f.stem() {
        diags.push(
            src.error_at(
                cluster,
                t!(Msg::IdFileMismatch, id = cluster.value, file = f.stem()),
            )
            .hint(t!(Msg::IdFileMismatchHint)),
        );
        ok = false;
    }
    if year.value.trim() != f.folder() {
        diags.push(
            src.error_at(
                year,
                t!(
                    Msg::YearFolderMismatch,
                    year = year.value,
                    folder = f.folder()
                ),
            )
            .hint(t!(Msg::YearFolderMismatchHint)),
        );
        ok = false;
    }
    ok
}

/// A scores or outcomes file, parsed, its `cluster`/`year` matching its place,
/// with the index of its cluster-year.
fn per_year_file<T>(
    f: &DataFile,
    (raw, ds): (Option<T>, Vec<Diagnostic>),
    owners: &PerYear<'_>,
    diags: &mut Diagnostics,
    header: impl Fn(&T) -> (&raw::S, &raw::S),
) -> Option<(T, usize)> {
    diags.extend(ds);
    let raw = raw?;
    let (cluster, year) = header(&raw);
    if !check_header(f, cluster, year, diags) {
        return None;
    }
    let i = owner_index(f, owners, diags)?;
    Some((raw, i))
}

fn attach_outcomes(
    files: &[DataFile],
    owners: &mut PerYear<'_>,
    award_ids: Option<&[&str]>,
    known: &clusters::Known<'_>,
    diags: &mut Diagnostics,
) {
    for (f, parsed) in files.iter().zip(parse_each::<raw::RawOutcomes>(files)) {
        let Some((raw, i)) = per_year_file(f, parsed, owners, diags, |r| (&r.cluster, &r.year))
        else {
            continue;
        };
        let cluster = &owners.clusters[i];
        let (outcomes, ds) = outcomes::check_outcomes(f, &raw, cluster, award_ids, known);
        diags.extend(ds);
        owners.clusters[i].outcomes = outcomes;
    }
}

/// Checks every scores file, then runs the engine on each cluster-year in parallel.
fn attach_results(
    files: &[DataFile],
    cluster_files: &[DataFile],
    owners: &mut PerYear<'_>,
    schemes: &[SchemeInfo],
    unit_ids: &[&str],
    diags: &mut Diagnostics,
) {
    let mut inputs: Vec<(usize, &DataFile, Vec<PhaseInput>)> = Vec::new();
    for (f, parsed) in files.iter().zip(parse_each::<raw::RawScores>(files)) {
        let Some((raw, i)) = per_year_file(f, parsed, owners, diags, |r| (&r.cluster, &r.year))
        else {
            continue;
        };
        let clusters = &*owners.clusters;
        let cluster = &clusters[i];
        let Some(scheme) = cluster
            .scheme
            .as_ref()
            .and_then(|s| schemes.iter().find(|x| &x.id == s))
        else {
            if cluster.scheme.is_none() {
                diags.push(
                    f.source()
                        .error_at(
                            &raw.cluster,
                            t!(Msg::ScoresWithoutScheme, cluster = cluster.id),
                        )
                        .hint(t!(Msg::ScoresWithoutSchemeHint, file = cluster.file)),
                );
            }
            continue;
        };
        let cluster_file = cluster_files.iter().find(|c| c.path == cluster.file);
        if let Some(d) = clusters::check_weights(cluster, cluster_file, scheme) {
            diags.push(d);
            continue;
        }
        let (phases, ds) = scores::check_scores(f, &raw, cluster, scheme, unit_ids);
        diags.extend(ds);
        if let Some(phases) = phases {
            inputs.push((i, f, phases));
        }
    }
    let clusters = &mut *owners.clusters;
    let computed: Vec<(usize, Result<results::YearResult, Diagnostic>)> = inputs
        .into_par_iter()
        .map(|(i, f, phases)| {
            let cluster = &clusters[i];
            (i, compute(cluster, f, phases, schemes))
        })
        .collect();
    for (i, result) in computed {
        match result {
            Ok(r) => {
                clusters[i].results = Some(r);
            }
            Err(d) => diags.push(d),
        }
    }
    for f in files {
        if let Some(c) = clusters
            .iter_mut()
            .find(|c| c.id == f.stem() && c.year.to_string() == f.folder() && c.results.is_some())
        {
            c.scores_file = Some(f.path.clone());
        }
    }
}

fn compute(
    cluster: &ClusterYear,
    f: &DataFile,
    phases: Vec<PhaseInput>,
    schemes: &[SchemeInfo],
) -> Result<results::YearResult, Diagnostic> {
    // The caller found the scheme before checking the scores.
    let scheme = cluster
        .scheme
        .as_ref()
        .and_then(|s| schemes.iter().find(|x| &x.id == s))
        .map(|s| &s.engine)
        .ok_or_else(|| Diagnostic::error(t!(Msg::ScoresWithoutScheme, cluster = cluster.id)))?;
    let votes: Votes = cluster
        .outcomes
        .iter()
        .flat_map(|o| o.ballots.iter().cloned())
        .collect();
    let input = YearInput {
        members: cluster.members.iter().map(|m| m.unit.clone()).collect(),
        phases,
    };
    results::rank_year(scheme, &input, &votes).map_err(|e| {
        Diagnostic::error(t!(Msg::EngineRefused, detail = e))
            .in_file(&f.path)
            .at(&f.text, 1, 1)
            .hint(t!(Msg::EngineRefusedHint))
    })
}
