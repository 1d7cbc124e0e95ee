//! Template values for the data pages: cluster-years with their results
//! tables, clusters over the years, results by year, units. Every figure is
//! formatted here the Vietnamese way (decimal comma, dd/mm/yyyy); the sentences
//! around them live in the theme's translation file.

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::data::{ClusterYear, Decision, DocumentRef, Meeting, Member};
use crate::output::exports::{status_name, table};
use crate::results::{Ranking, ResultRow, RowStatus, TieBreakKey};
use crate::site::{Site, cluster_year_path, unit_path};
use crate::text::{format_date, format_decimal};

/// A unit as shown at a date: its name then, and where its page is.
#[derive(Serialize, Clone)]
pub struct UnitRef {
    pub id: String,
    pub name: String,
    pub short: String,
    pub url: String,
    /// The unit has ended ("ngừng hoạt động" or merged).
    pub ended: bool,
    /// Where it merged into: "(đã sáp nhập vào …)" with a link (FORMAT.md §4).
    pub merged_into: Option<Heir>,
}

/// The unit an ended unit merged into, named as it is today.
#[derive(Serialize, Clone)]
pub struct Heir {
    pub name: String,
    pub url: String,
}

pub fn unit_ref(site: &Site, id: &str, date: Date) -> UnitRef {
    let url = site.rooted(&unit_path(id));
    let Some(u) = site.data.unit(id) else {
        return UnitRef {
            id: id.to_string(),
            name: id.to_string(),
            short: id.to_string(),
            url,
            ended: false,
            merged_into: None,
        };
    };
    let n = u.name_at(date);
    let merged_into = u.merged_into.as_ref().map(|(heir, _)| Heir {
        name: site
            .data
            .unit(heir)
            .map_or_else(|| heir.clone(), |h| h.current_name().display().to_string()),
        url: site.rooted(&unit_path(heir)),
    });
    UnitRef {
        id: id.to_string(),
        name: n.full.clone(),
        short: n.display().to_string(),
        url,
        ended: u.valid_until.is_some() || u.ended.is_some(),
        merged_into,
    }
}

fn date(d: Option<Date>) -> Option<String> {
    d.map(format_date)
}

#[derive(Serialize)]
pub struct DecisionValue {
    number: String,
    date: Option<String>,
    title: Option<String>,
}

fn decision(d: &Option<Decision>) -> Option<DecisionValue> {
    d.as_ref().map(|d| DecisionValue {
        number: d.number.clone(),
        date: date(d.date),
        title: d.title.clone(),
    })
}

/// Where a record came from, as the page shows it.
#[derive(Serialize)]
pub struct SourceValue {
    url: Option<String>,
    title: Option<String>,
    as_of: Option<String>,
}

pub fn source_value(s: &Option<crate::data::SourceRef>) -> Option<SourceValue> {
    s.as_ref().map(|s| SourceValue {
        url: s.url.clone(),
        title: s.title.clone(),
        as_of: date(s.as_of),
    })
}

#[derive(Serialize)]
pub struct MeetingValue {
    date: String,
    host: Option<UnitRef>,
    place: Option<String>,
}

fn meeting(site: &Site, m: &Option<Meeting>) -> Option<MeetingValue> {
    m.as_ref().map(|m| MeetingValue {
        date: format_date(m.date),
        host: m.host.as_ref().map(|h| unit_ref(site, h, m.date)),
        place: m.place.clone(),
    })
}

/// A criterion column or cell.
#[derive(Serialize)]
struct Cell {
    id: String,
    title: String,
    max: String,
    depth: usize,
    value: Option<String>,
    /// A column's values, one for each ranked row in order (empty in a
    /// row's cells): the breakdown table reads them in one pass, where
    /// finding each row's cell by id cost columns × rows × criteria steps
    /// of the template (25,000 a table for a scheme of 50 criteria).
    values: Vec<Option<String>>,
}

/// A footnote of a results table; the template words it by `kind`.
#[derive(Serialize, Clone)]
struct Footnote {
    n: usize,
    /// joined | left | unranked | disqualified | tie | override
    kind: &'static str,
    unit: String,
    date: Option<String>,
    /// Data text: a reason, a note, a disqualifier's title, a tie-break key.
    text: Option<String>,
    /// For `unranked`: the status; for `tie`: the tie-break key.
    status: Option<&'static str>,
}

#[derive(Serialize)]
struct RowValue {
    tt: usize,
    unit: UnitRef,
    status: &'static str,
    note: Option<String>,
    #[serde(rename = "self")]
    self_total: Option<String>,
    assessed: Option<String>,
    bonus: Option<String>,
    penalty: Option<String>,
    total: Option<String>,
    rank: Option<u32>,
    shared: bool,
    classification: Option<String>,
    /// Award names the unit is eligible for (computed).
    eligible: Vec<String>,
    /// Proposals recorded in the outcomes: award name and status.
    proposals: Vec<ProposalValue>,
    marks: Vec<usize>,
    criteria: Vec<Cell>,
    disqualified: Vec<String>,
}

#[derive(Serialize, Clone)]
struct ProposalValue {
    unit: UnitRef,
    award: String,
    status: &'static str,
    decision: Option<String>,
}

#[derive(Serialize)]
pub struct TableValue {
    /// Unique on any page: `<cluster-id>-<year>-<phase-id>`, for footnote anchors.
    anchor: String,
    phase_id: String,
    phase_name: String,
    from: String,
    until: String,
    decimals: u32,
    columns: Vec<Cell>,
    rows: Vec<RowValue>,
    footnotes: Vec<Footnote>,
    json_url: String,
    csv_url: String,
    xlsx_url: String,
    has_assessed: bool,
    has_bonus: bool,
    has_outcomes: bool,
    summary: super::summary::Summary,
}

fn show(v: &Option<Decimal>, places: u32) -> Option<String> {
    v.as_ref().map(|d| format_decimal(d, places))
}

/// The tie-break key as the template words it (`tie_<key>`), with the criterion id.
fn tie_key(k: &TieBreakKey) -> (&'static str, Option<String>) {
    match k {
        TieBreakKey::Criterion(id) => ("criterion", Some(id.clone())),
        TieBreakKey::BonusTotal => ("bonus_total", None),
        TieBreakKey::FewerPenalties => ("fewer_penalties", None),
        TieBreakKey::Vote => ("vote", None),
    }
}

/// One results table (the year's or a phase's) with its footnotes.
pub fn table_value(site: &Site, cy: &ClusterYear, phase: Option<usize>) -> Option<TableValue> {
    let data = &site.data;
    let ranking: &Ranking = table(cy, phase)?;
    let scheme = data.scheme(cy.scheme.as_deref()?)?;
    let d = scheme.engine.decimals;
    let (from, until, phase_id, phase_name) = match phase {
        Some(p) => {
            let ph = &cy.phases[p];
            (ph.from, ph.until, ph.id.clone(), ph.name.clone())
        }
        None => (
            cy.period_from,
            cy.period_until,
            "year".to_string(),
            String::new(),
        ),
    };
    let mut notes = Footnotes::default();
    let year_table = phase.is_none();
    let name_date = cy.name_date();
    let mut rows = Vec::new();
    for (i, r) in ranking.rows.iter().enumerate() {
        let unit = unit_ref(site, &r.unit, name_date);
        let marks = notes.for_row(site, cy, r, &unit, year_table);
        rows.push(RowValue {
            tt: i + 1,
            status: status_name(r.status),
            note: r.note.clone(),
            self_total: show(&r.self_total, d),
            assessed: show(&r.assessed_total, d),
            bonus: show(&r.bonus, d),
            penalty: show(&r.penalty, d),
            total: show(&r.total, d),
            rank: r.rank,
            shared: r.shared,
            classification: r.classification.clone(),
            eligible: r.eligible.iter().map(|a| award_name(site, a)).collect(),
            proposals: proposals(site, cy, Some(&r.unit)),
            marks,
            criteria: scheme
                .criteria
                .iter()
                .map(|c| {
                    let value = r.criteria.iter().find(|(id, _)| id == &c.id);
                    cell(c, value.map(|(_, v)| format_decimal(v, d)))
                })
                .collect(),
            disqualified: r
                .disqualified
                .iter()
                .map(|id| title_of(&scheme.disqualifier_titles, id))
                .collect(),
            unit,
        });
    }
    let export = |ext: &str| {
        let name = match phase {
            None => format!("ket-qua.{ext}"),
            Some(p) => format!("ket-qua-{}.{ext}", cy.phases[p].id),
        };
        site.rooted(&format!("{}{name}", cluster_year_path(&cy.id, cy.year)))
    };
    Some(TableValue {
        anchor: format!("{}-{}-{phase_id}", cy.id, cy.year),
        phase_id,
        phase_name,
        from: format_date(from),
        until: format_date(until),
        decimals: d,
        columns: columns(scheme, &rows),
        has_assessed: ranking.rows.iter().any(|r| r.assessed_total.is_some()),
        has_bonus: ranking
            .rows
            .iter()
            .any(|r| r.bonus.is_some_and(|b| !b.is_zero())),
        // Proposals and votes are decisions about the year, not about a phase.
        has_outcomes: year_table && cy.outcomes.is_some(),
        footnotes: notes.list,
        summary: super::summary::summary(site, cy, scheme, ranking),
        rows,
        json_url: export("json"),
        csv_url: export("csv"),
        xlsx_url: export("xlsx"),
    })
}

fn cell(c: &crate::data::CriterionInfo, value: Option<String>) -> Cell {
    Cell {
        id: c.id.clone(),
        title: c.title.clone(),
        max: format_decimal(&c.max, c.max.scale()),
        depth: c.depth,
        value,
        values: Vec::new(),
    }
}

/// The criteria as columns of the breakdown, each with the values of the
/// ranked rows (a row's cells are in the scheme's criteria order too).
fn columns(scheme: &crate::data::SchemeInfo, rows: &[RowValue]) -> Vec<Cell> {
    let ranked: Vec<&RowValue> = rows.iter().filter(|r| r.status == "ranked").collect();
    scheme
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| Cell {
            values: ranked
                .iter()
                .map(|r| r.criteria.get(i).and_then(|x| x.value.clone()))
                .collect(),
            ..cell(c, None)
        })
        .collect()
}

/// An award's name from `awards.yaml` (its id if unknown).
pub fn award_name(site: &Site, id: &str) -> String {
    site.data
        .award(id)
        .map_or_else(|| id.to_string(), |a| a.name.clone())
}

/// "15/QĐ-LĐLĐ (22/01/2025)".
pub fn decision_text(d: &Decision) -> String {
    match d.date {
        Some(date) => format!("{} ({})", d.number, format_date(date)),
        None => d.number.clone(),
    }
}

fn title_of(items: &[(String, String)], id: &str) -> String {
    items
        .iter()
        .find(|(i, _)| i == id)
        .map_or_else(|| id.to_string(), |(_, t)| t.clone())
}

#[derive(Default)]
struct Footnotes {
    list: Vec<Footnote>,
}

impl Footnotes {
    fn add(
        &mut self,
        kind: &'static str,
        unit: &UnitRef,
        date: Option<String>,
        text: Option<String>,
        status: Option<&'static str>,
    ) -> usize {
        let n = self.list.len() + 1;
        self.list.push(Footnote {
            n,
            kind,
            unit: unit.name.clone(),
            date,
            text,
            status,
        });
        n
    }

    /// Mid-year changes, unranked notes, disqualifiers, tie-breaks and overrides of one row.
    fn for_row(
        &mut self,
        site: &Site,
        cy: &ClusterYear,
        r: &ResultRow,
        unit: &UnitRef,
        year_table: bool,
    ) -> Vec<usize> {
        let mut marks = Vec::new();
        if let Some(m) = cy.members.iter().find(|m| m.unit == r.unit) {
            if let Some(from) = m.from {
                marks.push(self.add("joined", unit, Some(format_date(from)), None, None));
            }
            if let Some(until) = m.until {
                marks.push(self.add(
                    "left",
                    unit,
                    Some(format_date(until)),
                    m.left_reason.clone(),
                    None,
                ));
            }
        }
        if r.status != RowStatus::Ranked {
            marks.push(self.add(
                "unranked",
                unit,
                None,
                r.note.clone(),
                Some(status_name(r.status)),
            ));
        }
        let scheme = cy.scheme.as_deref().and_then(|s| site.data.scheme(s));
        for id in &r.disqualified {
            let title = scheme.map_or_else(|| id.clone(), |s| title_of(&s.disqualifier_titles, id));
            marks.push(self.add("disqualified", unit, None, Some(title), None));
        }
        if let Some(key) = &r.tie_note {
            let (word, id) = tie_key(key);
            marks.push(self.add("tie", unit, None, id, Some(word)));
        }
        let overrides = cy.outcomes.iter().flat_map(|o| &o.overrides);
        for o in overrides.filter(|_| year_table) {
            if o.winner.as_deref() == Some(r.unit.as_str()) {
                marks.push(self.add("override", unit, None, Some(o.reason.clone()), None));
            }
        }
        marks
    }
}

fn proposals(site: &Site, cy: &ClusterYear, unit: Option<&str>) -> Vec<ProposalValue> {
    let Some(o) = &cy.outcomes else {
        return Vec::new();
    };
    o.proposals
        .iter()
        .filter(|p| unit.is_none_or(|u| p.unit == u))
        .map(|p| ProposalValue {
            unit: unit_ref(site, &p.unit, cy.name_date()),
            award: award_name(site, &p.award),
            status: p.status.as_str(),
            decision: p.decision.as_ref().map(decision_text),
        })
        .collect()
}

#[derive(Serialize)]
struct MemberValue {
    tt: usize,
    unit: UnitRef,
    role: &'static str,
    joined: Option<String>,
    left: Option<String>,
    left_reason: Option<String>,
}

fn member_value(site: &Site, cy: &ClusterYear, i: usize, m: &Member) -> MemberValue {
    MemberValue {
        tt: i + 1,
        unit: unit_ref(site, &m.unit, m.until.unwrap_or(cy.period_until)),
        role: m.role.as_str(),
        joined: date(m.from),
        left: date(m.until),
        left_reason: m.left_reason.clone(),
    }
}

#[derive(Serialize)]
struct DocumentValue {
    kind: Option<String>,
    title: String,
    number: Option<String>,
    date: Option<String>,
    url: Option<String>,
    file_type: Option<String>,
    size: Option<String>,
}

fn document_value(site: &Site, d: &DocumentRef) -> DocumentValue {
    DocumentValue {
        kind: d.kind.clone(),
        title: d.title.clone(),
        number: d.number.clone(),
        date: date(d.date),
        url: d.file.as_ref().map(|f| site.rooted(f)),
        file_type: d
            .file
            .as_ref()
            .and_then(|f| f.rsplit_once('.'))
            .map(|(_, ext)| ext.to_uppercase()),
        size: d.size.map(human_size),
    }
}

/// "120 KB", "1,4 MB".
fn human_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        let mb = Decimal::from(bytes) / Decimal::from(1024 * 1024);
        format!("{} MB", format_decimal(&mb, 1))
    }
}

#[derive(Serialize)]
struct OverrideValue {
    kind: String,
    units: Vec<UnitRef>,
    winner: Option<UnitRef>,
    reason: String,
}

#[derive(Serialize)]
pub struct ClusterYearValue {
    id: String,
    year: i16,
    name: String,
    url: String,
    cluster_url: String,
    feed_url: String,
    organiser: UnitRef,
    number: Option<u32>,
    period_from: String,
    period_until: String,
    formed_by: Option<DecisionValue>,
    scheme_id: Option<String>,
    scheme_title: Option<String>,
    total_max: Option<String>,
    leader: Option<UnitRef>,
    deputy: Option<UnitRef>,
    members: Vec<MemberValue>,
    targets: Vec<String>,
    regulation: Option<RegulationValue>,
    documents: Vec<DocumentValue>,
    signing: Option<MeetingValue>,
    review: Option<MeetingValue>,
    next_cum_truong: Option<UnitRef>,
    next_cum_pho: Option<UnitRef>,
    results: Option<TableValue>,
    phases: Vec<TableValue>,
    proposals: Vec<ProposalValue>,
    overrides: Vec<OverrideValue>,
    vote_present: Option<u32>,
    ballots: Vec<BallotValue>,
    prev_year: Option<YearLink>,
    next_year: Option<YearLink>,
    /// The leading unit and its total (for the cluster history).
    top: Option<TopValue>,
    source: Option<SourceValue>,
}

#[derive(Serialize)]
struct RegulationValue {
    title: String,
    chapters: Option<u32>,
    articles: Option<u32>,
    number: Option<String>,
    date: Option<String>,
}

#[derive(Serialize)]
struct BallotValue {
    unit: UnitRef,
    votes: u32,
}

#[derive(Serialize)]
pub struct YearLink {
    pub year: i16,
    pub url: String,
}

#[derive(Serialize)]
pub struct TopValue {
    unit: UnitRef,
    total: String,
}

/// Everything the cluster-year page shows.
pub fn cluster_year_value(site: &Site, index: usize) -> ClusterYearValue {
    let cy = &site.data.cluster_years[index];
    let scheme = cy.scheme.as_deref().and_then(|s| site.data.scheme(s));
    let at = cy.period_until;
    let sibling = |year: i16| {
        site.data.cluster_year(&cy.id, year).map(|c| YearLink {
            year: c.year,
            url: site.rooted(&cluster_year_path(&c.id, c.year)),
        })
    };
    let implicit = cy.phases.len() == 1 && cy.phases[0].id == crate::data::WHOLE_YEAR;
    let phases = if implicit {
        Vec::new()
    } else {
        (0..cy.phases.len())
            .filter_map(|p| table_value(site, cy, Some(p)))
            .collect()
    };
    let outcomes = cy.outcomes.as_ref();
    ClusterYearValue {
        id: cy.id.clone(),
        year: cy.year,
        name: cy.name.clone(),
        url: site.rooted(&cluster_year_path(&cy.id, cy.year)),
        cluster_url: site.rooted(&format!("/cum-thi-dua/{}/", cy.id)),
        feed_url: site.rooted(&format!("/cum-thi-dua/{}/feed.xml", cy.id)),
        organiser: unit_ref(site, &cy.organiser, at),
        number: cy.number,
        period_from: format_date(cy.period_from),
        period_until: format_date(cy.period_until),
        formed_by: decision(&cy.formed_by),
        scheme_id: scheme.map(|s| s.id.clone()),
        scheme_title: scheme.map(|s| s.title.clone()),
        total_max: scheme.map(|s| format_decimal(&s.engine.total_max, 0)),
        leader: cy.leader().map(|m| unit_ref(site, &m.unit, at)),
        deputy: cy.deputy().map(|m| unit_ref(site, &m.unit, at)),
        members: cy
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| member_value(site, cy, i, m))
            .collect(),
        targets: cy.targets.clone(),
        regulation: cy.regulation.as_ref().map(|r| RegulationValue {
            title: r.title.clone(),
            chapters: r.chapters,
            articles: r.articles,
            number: r.number.clone(),
            date: date(r.date),
        }),
        documents: cy
            .documents
            .iter()
            .map(|d| document_value(site, d))
            .collect(),
        signing: meeting(site, &cy.signing),
        review: meeting(site, &outcomes.and_then(|o| o.review.clone())),
        next_cum_truong: cy.next_cum_truong.as_ref().map(|u| unit_ref(site, u, at)),
        next_cum_pho: cy.next_cum_pho.as_ref().map(|u| unit_ref(site, u, at)),
        results: table_value(site, cy, None),
        phases,
        proposals: proposals(site, cy, None),
        overrides: outcomes
            .iter()
            .flat_map(|o| &o.overrides)
            .map(|o| OverrideValue {
                kind: o.kind.clone(),
                units: o.units.iter().map(|u| unit_ref(site, u, at)).collect(),
                winner: o.winner.as_ref().map(|u| unit_ref(site, u, at)),
                reason: o.reason.clone(),
            })
            .collect(),
        vote_present: outcomes.and_then(|o| o.present),
        ballots: outcomes
            .iter()
            .flat_map(|o| &o.ballots)
            .map(|(u, n)| BallotValue {
                unit: unit_ref(site, u, at),
                votes: *n,
            })
            .collect(),
        prev_year: sibling(cy.year - 1),
        next_year: sibling(cy.year + 1),
        top: top_of(site, cy),
        source: source_value(&cy.source),
    }
}

pub fn top_of(site: &Site, cy: &ClusterYear) -> Option<TopValue> {
    let year = &cy.results.as_ref()?.year;
    let scheme = site.data.scheme(cy.scheme.as_deref()?)?;
    let row = year.rows.iter().find(|r| r.rank == Some(1))?;
    Some(TopValue {
        unit: unit_ref(site, &row.unit, cy.name_date()),
        total: show(&row.total, scheme.engine.decimals)?,
    })
}

pub use super::cluster_context::{cluster_index, cluster_value, current_clusters, results_year};
pub use super::unit_context::{unit_index, unit_value};

/// The title of a cluster-year's scheme, shown to readers instead of its id.
pub(crate) fn scheme_title(site: &Site, cy: &ClusterYear) -> Option<String> {
    let id = cy.scheme.as_ref()?;
    site.data.scheme(id).map(|s| s.title.clone())
}
