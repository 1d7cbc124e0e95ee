//! The checked data model: units over time, awards, schemes, cluster-years with
//! their scores, outcomes and computed results. Everything here has passed every
//! check of FORMAT.md §4–§8; text is NFC, dates are civil dates.

use std::collections::HashMap;

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::results::{self, YearResult};

/// Everything read from `data/`.
#[derive(Debug, Default)]
pub struct Data {
    /// The unit registry, in file order.
    pub units: Vec<Unit>,
    pub awards: Vec<Award>,
    /// Schemes by id, sorted by id.
    pub schemes: Vec<SchemeInfo>,
    /// Every cluster-year, sorted by cluster id then year.
    pub cluster_years: Vec<ClusterYear>,
    /// What could not be checked because its file has errors.
    pub unchecked: Unchecked,
    unit_index: HashMap<String, usize>,
}

/// Ids whose file (or entry) has errors. A reference to one of them is left
/// out instead of being reported again as "missing": the user sees the real
/// mistake once, not every place that depends on it.
#[derive(Debug, Default, Clone)]
pub struct Unchecked {
    /// `data/units.yaml` could not be read at all: no unit id can be checked.
    pub all_units: bool,
    /// Units declared in `units.yaml` whose entry has errors.
    pub units: std::collections::HashSet<String>,
    /// Cluster-years (`id`, `year` folder) whose file has errors.
    pub cluster_years: std::collections::HashSet<(String, String)>,
}

impl Unchecked {
    /// Whether a reference to unit `id` cannot be judged now.
    pub fn unit(&self, id: &str) -> bool {
        self.all_units || self.units.contains(id)
    }

    /// Whether a reference to cluster `id` (in `year`, or any year) cannot be judged now.
    pub fn cluster(&self, id: &str, year: Option<i16>) -> bool {
        self.all_units
            || self
                .cluster_years
                .iter()
                .any(|(c, y)| c == id && year.is_none_or(|y2| y2.to_string() == *y))
    }

    /// The one line saying which files' dependents were left unchecked.
    pub fn note(&self) -> crate::diag::Diagnostic {
        let mut files: Vec<String> = Vec::new();
        if self.all_units || !self.units.is_empty() {
            files.push("data/units.yaml".to_string());
        }
        let mut clusters: Vec<String> = self
            .cluster_years
            .iter()
            .map(|(id, year)| format!("data/clusters/{year}/{id}.yaml"))
            .collect();
        clusters.sort();
        files.extend(clusters);
        crate::diag::Diagnostic::note(crate::t!(
            crate::messages::Msg::ChecksSkipped,
            file = files.join(", ")
        ))
    }
}

impl Data {
    pub(crate) fn new(
        units: Vec<Unit>,
        awards: Vec<Award>,
        schemes: Vec<SchemeInfo>,
        cluster_years: Vec<ClusterYear>,
    ) -> Data {
        let unit_index = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
        Data {
            units,
            awards,
            schemes,
            cluster_years,
            unchecked: Unchecked::default(),
            unit_index,
        }
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.unit_index.get(id).map(|&i| &self.units[i])
    }

    pub fn award(&self, id: &str) -> Option<&Award> {
        self.awards.iter().find(|a| a.id == id)
    }

    pub fn scheme(&self, id: &str) -> Option<&SchemeInfo> {
        self.schemes.iter().find(|s| s.id == id)
    }

    pub fn cluster_year(&self, id: &str, year: i16) -> Option<&ClusterYear> {
        self.cluster_years
            .iter()
            .find(|c| c.id == id && c.year == year)
    }

    /// Whether any cluster-year has this id.
    pub fn has_cluster(&self, id: &str) -> bool {
        self.cluster_years.iter().any(|c| c.id == id)
    }
}

/// What sort of organisation a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Agency,
    UnionBase,
    UnionUpper,
    Enterprise,
    Place,
}

impl UnitKind {
    pub const NAMES: &[&str] = &["agency", "union_base", "union_upper", "enterprise", "place"];

    pub fn parse(s: &str) -> Option<UnitKind> {
        Some(match s {
            "agency" => UnitKind::Agency,
            "union_base" => UnitKind::UnionBase,
            "union_upper" => UnitKind::UnionUpper,
            "enterprise" => UnitKind::Enterprise,
            "place" => UnitKind::Place,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One organisation over time (FORMAT.md §4).
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub kind: UnitKind,
    /// In date order; periods do not overlap.
    pub names: Vec<UnitName>,
    pub sort_key: Option<String>,
    pub aliases: Vec<String>,
    pub parent: Option<String>,
    pub union_of: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    pub ended: Option<Ended>,
    pub merged_into: Option<(String, Date)>,
    pub successors: Vec<String>,
    pub source: Option<SourceRef>,
}

impl Unit {
    /// The name valid on `date`; before the first name, the first; after the last, the last.
    pub fn name_at(&self, date: Date) -> &UnitName {
        self.names
            .iter()
            .rev()
            .find(|n| n.from.is_none_or(|f| f <= date))
            .unwrap_or(&self.names[0])
    }

    /// The name in use today (the last one).
    pub fn current_name(&self) -> &UnitName {
        // A unit has at least one name: the loader refuses an empty `names`.
        self.names.last().unwrap_or(&self.names[0])
    }

    /// Whether the unit exists on `date`.
    pub fn valid_on(&self, date: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= date) && self.valid_until.is_none_or(|u| date <= u)
    }

    /// The key used to sort units alphabetically: `sort_key` if given, else the current short or full name.
    pub fn sort_text(&self) -> &str {
        self.sort_key
            .as_deref()
            .unwrap_or_else(|| self.current_name().display())
    }
}

/// One dated name of a unit.
#[derive(Debug, Clone)]
pub struct UnitName {
    pub full: String,
    pub short: Option<String>,
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl UnitName {
    /// The short name if there is one.
    pub fn display(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.full)
    }
}

/// How a unit ended.
#[derive(Debug, Clone)]
pub struct Ended {
    pub date: Date,
    pub reason: Option<String>,
    pub decision: Option<Decision>,
}

/// Where a record came from (FORMAT.md §11: every key optional).
#[derive(Debug, Clone, Default)]
pub struct SourceRef {
    pub url: Option<String>,
    pub title: Option<String>,
    pub as_of: Option<Date>,
}

/// A decision or other numbered document.
#[derive(Debug, Clone)]
pub struct Decision {
    pub number: String,
    pub date: Option<Date>,
    pub title: Option<String>,
}

/// A kind of award (FORMAT.md §8).
#[derive(Debug, Clone)]
pub struct Award {
    pub id: String,
    pub name: String,
    pub issuer: Option<String>,
}

/// A scoring scheme: what the engine needs, plus titles for display.
#[derive(Debug, Clone)]
pub struct SchemeInfo {
    pub id: String,
    pub title: String,
    pub file: String,
    pub engine: results::Scheme,
    /// Every criterion in scheme order (parents first), for table headers.
    pub criteria: Vec<CriterionInfo>,
    /// Bonus items, penalty items and disqualifiers: (id, title) in scheme order.
    pub bonus_titles: Vec<(String, String)>,
    pub penalty_titles: Vec<(String, String)>,
    pub disqualifier_titles: Vec<(String, String)>,
}

/// A criterion's display facts.
#[derive(Debug, Clone)]
pub struct CriterionInfo {
    pub id: String,
    pub title: String,
    pub max: Decimal,
    /// 0 for a top-level section.
    pub depth: usize,
}

/// A member's role in a cluster-year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    CumTruong,
    CumPho,
    ThanhVien,
}

impl Role {
    pub const NAMES: &[&str] = &["cum_truong", "cum_pho", "thanh_vien"];

    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "cum_truong" => Role::CumTruong,
            "cum_pho" => Role::CumPho,
            "thanh_vien" => Role::ThanhVien,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// One member of a cluster-year, in official order.
#[derive(Debug, Clone)]
pub struct Member {
    pub unit: String,
    pub role: Role,
    /// Set when the unit joined after the period began.
    pub from: Option<Date>,
    /// Set when the unit left before the period ended.
    pub until: Option<Date>,
    pub left_reason: Option<String>,
}

/// A phase (đợt) of a cluster-year.
#[derive(Debug, Clone)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub from: Date,
    pub until: Date,
}

/// A document of the cluster-year, published under `static/`.
#[derive(Debug, Clone)]
pub struct DocumentRef {
    pub kind: Option<String>,
    pub title: String,
    pub number: Option<String>,
    pub date: Option<Date>,
    /// Site path of the file, from `static/`.
    pub file: Option<String>,
    pub size: Option<u64>,
}

/// The cluster's regulation (quy chế).
#[derive(Debug, Clone)]
pub struct Regulation {
    pub title: String,
    pub chapters: Option<u32>,
    pub articles: Option<u32>,
    pub number: Option<String>,
    pub date: Option<Date>,
}

/// A meeting: signing or review.
#[derive(Debug, Clone)]
pub struct Meeting {
    pub date: Date,
    pub host: Option<String>,
    pub place: Option<String>,
}

/// One cluster in one year (FORMAT.md §5), with its scores' results and outcomes.
#[derive(Debug, Clone)]
pub struct ClusterYear {
    pub id: String,
    pub year: i16,
    pub name: String,
    pub organiser: String,
    pub number: Option<u32>,
    pub period_from: Date,
    pub period_until: Date,
    pub formed_by: Option<Decision>,
    pub scheme: Option<String>,
    /// Never empty: a cluster-year without `phases` has one phase `ca-nam`.
    pub phases: Vec<Phase>,
    pub members: Vec<Member>,
    pub targets: Vec<String>,
    pub regulation: Option<Regulation>,
    pub documents: Vec<DocumentRef>,
    pub signing: Option<Meeting>,
    pub next_cum_truong: Option<String>,
    pub next_cum_pho: Option<String>,
    pub source: Option<SourceRef>,
    /// Site-relative path of the cluster file.
    pub file: String,
    /// Site-relative path of the scores file, if any.
    pub scores_file: Option<String>,
    pub outcomes: Option<Outcomes>,
    /// Computed from the scores; `None` without scores.
    pub results: Option<YearResult>,
}

impl ClusterYear {
    pub fn leader(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.role == Role::CumTruong)
    }

    pub fn deputy(&self) -> Option<&Member> {
        self.members.iter().find(|m| m.role == Role::CumPho)
    }

    /// The last day of the period: results rows show names valid then.
    pub fn name_date(&self) -> Date {
        self.period_until
    }

    /// Whether member `m` overlaps `from..=until`.
    pub fn member_during(m: &Member, from: Date, until: Date) -> bool {
        m.from.is_none_or(|f| f <= until) && m.until.is_none_or(|u| from <= u)
    }
}

/// The review, the vote, proposals and overrides of a cluster-year (FORMAT.md §8).
#[derive(Debug, Clone, Default)]
pub struct Outcomes {
    pub file: String,
    pub review: Option<Meeting>,
    pub present: Option<u32>,
    pub ballots: Vec<(String, u32)>,
    pub proposals: Vec<Proposal>,
    pub overrides: Vec<Override>,
}

/// Whether a proposal was granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalStatus {
    Proposed,
    Granted,
    Rejected,
}

impl ProposalStatus {
    pub const NAMES: &[&str] = &["proposed", "granted", "rejected"];

    pub fn parse(s: &str) -> Option<ProposalStatus> {
        Some(match s {
            "proposed" => ProposalStatus::Proposed,
            "granted" => ProposalStatus::Granted,
            "rejected" => ProposalStatus::Rejected,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// An award proposed for a unit.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub unit: String,
    pub award: String,
    pub status: ProposalStatus,
    pub decision: Option<Decision>,
}

/// A change to the computed order, with its reason.
#[derive(Debug, Clone)]
pub struct Override {
    pub kind: String,
    pub units: Vec<String>,
    pub winner: Option<String>,
    pub reason: String,
}

/// Kinds of override the results page knows how to explain.
pub const OVERRIDE_KINDS: &[&str] = &["tie_break_vote", "vote"];
