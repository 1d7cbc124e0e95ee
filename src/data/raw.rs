//! The data files exactly as written (FORMAT.md §4–§8): strict serde structs in
//! which every value a check may reject keeps its location. Numbers and dates are
//! read as the text the person typed, so nothing is lost before it is checked.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::yaml::{Entries, Spanned};

/// A located scalar, as typed.
pub type S = Spanned<String>;

/// A file's root: unknown keys are reported by `yaml::parse_all_keys`.
#[derive(Debug, Deserialize)]
pub struct UnitsFile {
    pub units: Vec<RawUnit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // `source` and `evidence` are kept for the record, not shown yet
pub struct RawUnit {
    pub id: S,
    pub kind: S,
    pub names: Vec<RawName>,
    pub sort_key: Option<S>,
    #[serde(default)]
    pub aliases: Vec<S>,
    pub parent: Option<S>,
    pub union_of: Option<S>,
    pub valid: Option<RawPeriod>,
    pub ended: Option<RawEnded>,
    pub merged_into: Option<RawMerge>,
    #[serde(default)]
    pub successors: Vec<S>,
    pub source: Option<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawName {
    pub full: S,
    pub short: Option<S>,
    pub from: Option<S>,
    pub until: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub from: Option<S>,
    pub until: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnded {
    pub date: S,
    pub reason: Option<S>,
    pub decision: Option<RawDecision>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub number: S,
    pub date: Option<S>,
    pub title: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMerge {
    pub unit: S,
    pub date: S,
}

/// Where a record came from; every key optional (FORMAT.md §11). Shown on unit
/// and cluster-year pages; kept for the record on schemes and outcomes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub url: Option<S>,
    pub title: Option<S>,
    pub as_of: Option<S>,
}

/// A file's root: unknown keys are reported by `yaml::parse_all_keys`.
#[derive(Debug, Deserialize)]
pub struct AwardsFile {
    pub awards: Vec<RawAward>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAward {
    pub id: S,
    pub name: S,
    pub issuer: Option<S>,
}

/// A file's root: unknown keys are reported by `yaml::parse_all_keys`.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `source` and `evidence` are kept for the record, not shown yet
pub struct RawCluster {
    pub id: S,
    pub year: S,
    pub name: S,
    pub organiser: S,
    pub number: Option<S>,
    pub period: Option<RawPeriod>,
    pub formed_by: Option<RawDecision>,
    pub scheme: Option<S>,
    #[serde(default)]
    pub phases: Vec<RawPhase>,
    pub members: Vec<RawMember>,
    #[serde(default)]
    pub targets: Vec<S>,
    pub regulation: Option<RawRegulation>,
    #[serde(default)]
    pub documents: Vec<RawDocument>,
    pub signing: Option<RawEvent>,
    pub next_year: Option<RawNextYear>,
    pub source: Option<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPhase {
    pub id: S,
    pub name: Option<S>,
    pub until: S,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMember {
    pub unit: S,
    pub role: Option<S>,
    pub from: Option<S>,
    pub until: Option<S>,
    pub left_reason: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegulation {
    pub title: S,
    pub chapters: Option<S>,
    pub articles: Option<S>,
    pub number: Option<S>,
    pub date: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub kind: Option<S>,
    pub title: S,
    pub number: Option<S>,
    pub date: Option<S>,
    pub file: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub date: S,
    pub host: Option<S>,
    pub place: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNextYear {
    pub cum_truong: Option<S>,
    pub cum_pho: Option<S>,
}

/// A file's root: unknown keys are reported by `yaml::parse_all_keys`.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `source` and `evidence` are kept for the record, not shown yet
pub struct RawScheme {
    pub id: S,
    pub title: S,
    pub total_max: S,
    pub decimals: Option<S>,
    pub criteria: Vec<RawCriterion>,
    pub bonus: Option<RawBonus>,
    pub penalties: Option<RawPenalties>,
    #[serde(default)]
    pub disqualifiers: Vec<RawItem>,
    pub aggregation: Option<RawAggregation>,
    pub ranking: Option<RawRanking>,
    #[serde(default)]
    pub classification: Vec<RawBand>,
    #[serde(default)]
    pub award_rules: Vec<RawAwardRule>,
    pub source: Option<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: S,
    pub title: S,
    pub max: S,
    pub rule: Option<S>,
    pub step: Option<S>,
    pub target: Option<S>,
    #[serde(default)]
    pub children: Vec<RawCriterion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBonus {
    pub cap: Option<S>,
    #[serde(default)]
    pub items: Vec<RawBonusItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBonusItem {
    pub id: S,
    pub title: S,
    pub points: S,
    pub cap: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenalties {
    #[serde(default)]
    pub items: Vec<RawPenaltyItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPenaltyItem {
    pub id: S,
    pub title: S,
    pub points: S,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: S,
    pub title: S,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAggregation {
    pub assessed_by: Option<S>,
    pub final_from: Option<S>,
    pub year_from: Option<Spanned<RawYearFrom>>,
}

/// `year_from`: a mode name, or `{ weighted: { dot1: 0.4, dot2: 0.6 } }`.
#[derive(Debug)]
pub enum RawYearFrom {
    Mode(String),
    Weighted(Entries<S>),
}

impl<'de> Deserialize<'de> for RawYearFrom {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawYearFrom;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("last_phase, mean_of_phases or { weighted: { … } }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawYearFrom, E> {
                Ok(RawYearFrom::Mode(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawYearFrom, A::Error> {
                let mut weights = None;
                while let Some(key) = m.next_key::<String>()? {
                    if key != "weighted" {
                        return Err(de::Error::unknown_field(&key, &["weighted"]));
                    }
                    weights = Some(m.next_value::<Entries<S>>()?);
                }
                weights
                    .map(RawYearFrom::Weighted)
                    .ok_or_else(|| de::Error::missing_field("weighted"))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRanking {
    #[serde(default)]
    pub tie_break: Vec<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub label: S,
    pub min: S,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAwardRule {
    pub award: S,
    pub quota: Option<S>,
    pub rank_at_most: Option<S>,
    pub min_total: Option<S>,
}

/// A file's root: unknown keys are reported by `yaml::parse_all_keys`.
#[derive(Debug, Deserialize)]
pub struct RawScores {
    pub cluster: S,
    pub year: S,
    pub decimal_separator: Option<S>,
    pub phases: Entries<Entries<RawUnitScores>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnitScores {
    pub status: Option<S>,
    pub note: Option<S>,
    /// Spanned, so that a criterion missing from it is reported on its line.
    #[serde(rename = "self")]
    pub self_sheet: Option<Spanned<Entries<Spanned<RawScore>>>>,
    pub assessed: Option<Entries<Entries<Spanned<RawScore>>>>,
    #[serde(default)]
    pub bonus: Vec<RawCount>,
    #[serde(default)]
    pub penalties: Vec<RawCount>,
    #[serde(default)]
    pub disqualified: Vec<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // `source` and `evidence` are kept for the record, not shown yet
pub struct RawCount {
    pub item: S,
    pub count: Option<S>,
    pub evidence: Option<S>,
}

/// One typed score: a plain number (its text is taken from the file through the
/// value's span, because YAML would read `1.250` as a float), a quoted string,
/// or `{ actual: … }` for a `proportional` criterion.
#[derive(Debug)]
pub enum RawScore {
    /// A plain YAML number; the text comes from the span.
    Number,
    /// A string, as typed.
    Text(String),
    /// The measured ratio of a `proportional` criterion.
    Actual(S),
    /// Nothing typed yet (`I.1:` with no value, as `bangtin new scores` writes it).
    Empty,
}

impl<'de> Deserialize<'de> for RawScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawScore;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, \"19,5\" or { actual: \"0,82\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawScore, E> {
                Ok(RawScore::Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawScore, E> {
                Ok(RawScore::Number)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawScore, E> {
                Ok(RawScore::Number)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawScore, E> {
                Ok(RawScore::Number)
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawScore, E> {
                Ok(RawScore::Empty)
            }
            fn visit_none<E: de::Error>(self) -> Result<RawScore, E> {
                Ok(RawScore::Empty)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<RawScore, A::Error> {
                let mut actual = None;
                while let Some(key) = m.next_key::<String>()? {
                    if key != "actual" {
                        return Err(de::Error::unknown_field(&key, &["actual"]));
                    }
                    actual = Some(m.next_value::<S>()?);
                }
                actual
                    .map(RawScore::Actual)
                    .ok_or_else(|| de::Error::missing_field("actual"))
            }
        }
        d.deserialize_any(V)
    }
}

/// A file's root: unknown keys are reported by `yaml::parse_all_keys`.
#[derive(Debug, Deserialize)]
#[allow(dead_code)] // `source` and `evidence` are kept for the record, not shown yet
pub struct RawOutcomes {
    pub cluster: S,
    pub year: S,
    pub review: Option<RawEvent>,
    pub vote: Option<RawVote>,
    #[serde(default)]
    pub proposals: Vec<RawProposal>,
    #[serde(default)]
    pub overrides: Vec<RawOverride>,
    pub source: Option<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVote {
    pub present: Option<S>,
    #[serde(default)]
    pub ballots: Vec<RawBallot>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBallot {
    pub unit: S,
    #[serde(rename = "for")]
    pub votes_for: S,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProposal {
    pub unit: S,
    pub award: S,
    pub status: S,
    pub decision: Option<RawDecision>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    pub kind: S,
    pub units: Vec<S>,
    pub winner: Option<S>,
    pub reason: S,
}
