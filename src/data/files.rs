//! Finding the files of `data/` and sorting them by kind (FORMAT.md §1):
//! read in parallel, each as text the way every file is read; a file that
//! cannot be read is remembered so that what depends on it is not judged.

use std::path::Path;

use rayon::prelude::*;

use super::check::DataFile;
use crate::diag::{Diagnostic, Diagnostics};
use crate::messages::Msg;
use crate::t;

/// The kinds of file under `data/`, by place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Units,
    Awards,
    Scheme,
    Cluster,
    Scores,
    Outcomes,
}

fn place_of(rel: &str) -> Option<Place> {
    let parts: Vec<&str> = rel.split('/').collect();
    let yaml = rel.ends_with(".yaml") || rel.ends_with(".yml");
    match parts.as_slice() {
        ["data", "units.yaml"] => Some(Place::Units),
        ["data", "awards.yaml"] => Some(Place::Awards),
        ["data", "schemes", _] if yaml => Some(Place::Scheme),
        ["data", "clusters", _, _] if yaml => Some(Place::Cluster),
        ["data", "scores", _, _] if yaml => Some(Place::Scores),
        ["data", "outcomes", _, _] if yaml => Some(Place::Outcomes),
        _ => None,
    }
}

/// The files of `data/`, sorted by kind.
#[derive(Default)]
pub(super) struct DataFiles {
    pub units: Vec<DataFile>,
    pub awards: Vec<DataFile>,
    pub schemes: Vec<DataFile>,
    pub clusters: Vec<DataFile>,
    pub scores: Vec<DataFile>,
    pub outcomes: Vec<DataFile>,
    /// Files that could not be read as text (not UTF-8, legacy encoding),
    /// by kind and site-relative path: what depends on them is not judged.
    unreadable: Vec<(Place, String)>,
}

impl DataFiles {
    /// Whether a file of this kind exists but could not be read.
    pub(super) fn unreadable(&self, place: Place) -> impl Iterator<Item = &str> {
        self.unreadable
            .iter()
            .filter(move |(p, _)| *p == place)
            .map(|(_, rel)| rel.as_str())
    }

    fn push(&mut self, place: Place, file: DataFile) {
        let list = match place {
            Place::Units => &mut self.units,
            Place::Awards => &mut self.awards,
            Place::Scheme => &mut self.schemes,
            Place::Cluster => &mut self.clusters,
            Place::Scores => &mut self.scores,
            Place::Outcomes => &mut self.outcomes,
        };
        list.push(file);
    }
}

/// Reads every file under `data/` in parallel.
/// `overlay` replaces the text of the file at its path, or is added when
/// that file does not exist yet.
pub(super) fn read_all(
    site_dir: &Path,
    data_dir: &Path,
    overlay: Option<&DataFile>,
    diags: &mut Diagnostics,
) -> DataFiles {
    let mut listed = crate::content::list_files(site_dir, data_dir, diags);
    if let Some(o) = overlay
        && !listed.iter().any(|(rel, _)| *rel == o.path)
    {
        listed.push((o.path.clone(), site_dir.join(&o.path)));
    }
    let read: Vec<ReadResult> = listed
        .par_iter()
        .map(|(rel, disk)| match overlay.filter(|o| o.path == *rel) {
            Some(o) => match place_of(rel) {
                Some(place) => (Some((place, o.clone())), None),
                None => read_data_file(rel, disk),
            },
            None => read_data_file(rel, disk),
        })
        .collect();
    let mut files = DataFiles::default();
    for ((rel, _), (file, d)) in listed.iter().zip(read) {
        match file {
            Some((place, f)) => files.push(place, f),
            None if d.as_ref().is_some_and(Diagnostic::is_error) => {
                if let Some(place) = place_of(rel) {
                    files.unreadable.push((place, rel.clone()));
                }
            }
            None => {}
        }
        diags.extend(d);
    }
    files
}

/// A file read and sorted by kind, and/or the problem found on the way.
type ReadResult = (Option<(Place, DataFile)>, Option<Diagnostic>);

fn read_data_file(rel: &str, disk: &Path) -> ReadResult {
    let Some(place) = place_of(rel) else {
        let d = Diagnostic::warning(t!(Msg::DataFileUnknown))
            .in_file(rel)
            .hint(t!(Msg::DataFileUnknownHint));
        return (None, Some(d));
    };
    let text = match crate::content::read_text(rel, disk) {
        Ok(t) => t,
        Err(d) => return (None, Some(d)),
    };
    let file = DataFile {
        path: rel.to_string(),
        text,
    };
    (Some((place, file)), None)
}
