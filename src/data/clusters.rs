//! `data/clusters/<year>/<id>.yaml` (FORMAT.md §5, §11): one cluster in one year.

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::civil::Date;

use super::check::{Checker, DataFile, next_day, opt_text, text};
use super::model::{ClusterYear, DocumentRef, Meeting, Member, Phase, Regulation, Role, Unit};
use super::raw::{RawCluster, RawEvent, RawMember, S};
use super::units::decision;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

/// What a cluster file may refer to.
pub struct Known<'a> {
    pub units: &'a HashMap<String, Unit>,
    pub unit_ids: &'a [&'a str],
    pub scheme_ids: &'a [&'a str],
    /// `static/…` files by NFC site-relative path, with their place on disk.
    pub statics: &'a HashMap<String, PathBuf>,
}

/// The id of the implicit phase of a cluster-year without `phases`.
pub const WHOLE_YEAR: &str = "ca-nam";

pub fn check_cluster(
    file: &DataFile,
    raw: &RawCluster,
    known: &Known<'_>,
) -> (Option<ClusterYear>, Vec<Diagnostic>) {
    let mut c = Checker::new(file);
    c.id_matches_file(&raw.id, file);
    let mut year = c.int::<i16>(&raw.year);
    if let Some(y) = year
        && y.to_string() != file.folder()
    {
        c.error(
            &raw.year,
            t!(Msg::YearFolderMismatch, year = y, folder = file.folder()),
            Some(t!(Msg::YearFolderMismatchHint)),
        );
        // Which of the two is wrong is not known: dates are not judged
        // against either year, so one mistake gives one error.
        year = None;
    }
    let organiser = c.reference(
        &raw.organiser,
        Msg::WhatUnit,
        known.unit_ids.iter().copied(),
    );
    let number = raw.number.as_ref().and_then(|n| c.int::<u32>(n));
    let scheme = raw
        .scheme
        .as_ref()
        .and_then(|s| c.reference(s, Msg::WhatScheme, known.scheme_ids.iter().copied()));
    let Some(year) = year else {
        return (None, c.diags);
    };
    let (from, until) = period(&mut c, raw, year);
    let phases = phases(&mut c, raw, from, until);
    let members = members(&mut c, raw, known, from, until);
    let documents = documents(&mut c, raw, known);
    let regulation = raw.regulation.as_ref().map(|r| Regulation {
        title: text(&r.title),
        chapters: r.chapters.as_ref().and_then(|v| c.int(v)),
        articles: r.articles.as_ref().and_then(|v| c.int(v)),
        number: opt_text(&r.number),
        date: c.opt_date(&r.date),
    });
    let signing = raw.signing.as_ref().and_then(|e| meeting(&mut c, e, known));
    let next = |v: &Option<S>, c: &mut Checker<'_>| {
        v.as_ref()
            .and_then(|v| c.reference(v, Msg::WhatUnit, known.unit_ids.iter().copied()))
    };
    let next_cum_truong = raw
        .next_year
        .as_ref()
        .and_then(|n| next(&n.cum_truong, &mut c));
    let next_cum_pho = raw
        .next_year
        .as_ref()
        .and_then(|n| next(&n.cum_pho, &mut c));
    let formed_by = raw.formed_by.as_ref().and_then(|d| decision(&mut c, d));
    if c.has_errors() {
        return (None, c.diags);
    }
    let Some(organiser) = organiser else {
        return (None, c.diags);
    };
    let cluster = ClusterYear {
        id: raw.id.value.clone(),
        year,
        name: text(&raw.name),
        organiser,
        number,
        period_from: from,
        period_until: until,
        formed_by,
        scheme,
        phases,
        members,
        targets: raw.targets.iter().map(text).collect(),
        regulation,
        documents,
        signing,
        next_cum_truong,
        next_cum_pho,
        source: super::check::source(&mut c, &raw.source),
        file: file.path.clone(),
        scores_file: None,
        outcomes: None,
        results: None,
    };
    (Some(cluster), c.diags)
}

/// The period; by default the calendar year.
fn period(c: &mut Checker<'_>, raw: &RawCluster, year: i16) -> (Date, Date) {
    let jan1 = Date::new(year, 1, 1).unwrap_or_default();
    let dec31 = Date::new(year, 12, 31).unwrap_or_default();
    let Some(p) = &raw.period else {
        return (jan1, dec31);
    };
    let from = c.opt_date(&p.from).unwrap_or(jan1);
    let until = c.opt_date(&p.until).unwrap_or(dec31);
    if until < from {
        let at = p.until.as_ref().or(p.from.as_ref()).unwrap_or(&raw.year);
        c.error(
            at,
            t!(Msg::PeriodReversed),
            Some(t!(Msg::PeriodReversedHint)),
        );
    }
    (from, until)
}

/// Phases end on their `until`; each starts the day after the previous one.
fn phases(c: &mut Checker<'_>, raw: &RawCluster, from: Date, until: Date) -> Vec<Phase> {
    if raw.phases.is_empty() {
        return vec![Phase {
            id: WHOLE_YEAR.to_string(),
            name: String::new(),
            from,
            until,
        }];
    }
    let mut out: Vec<Phase> = Vec::new();
    let mut start = from;
    for p in &raw.phases {
        let Some(id) = c.id(&p.id) else { continue };
        if out.iter().any(|x| x.id == id) {
            c.error(
                &p.id,
                t!(
                    Msg::DataIdDuplicate,
                    id = id,
                    line = c.src.position(&p.id).0
                ),
                Some(t!(Msg::DataIdDuplicateHint)),
            );
            continue;
        }
        let Some(end) = c.date(&p.until) else {
            continue;
        };
        if end < start || end > until {
            c.error(
                &p.until,
                t!(Msg::PhaseOutsidePeriod, phase = id),
                Some(t!(Msg::PhaseOutsidePeriodHint)),
            );
            continue;
        }
        out.push(Phase {
            name: p.name.as_ref().map_or_else(|| id.clone(), text),
            id,
            from: start,
            until: end,
        });
        start = next_day(end);
    }
    out
}

fn members(
    c: &mut Checker<'_>,
    raw: &RawCluster,
    known: &Known<'_>,
    from: Date,
    until: Date,
) -> Vec<Member> {
    let mut out: Vec<(Member, &S)> = Vec::new();
    for m in &raw.members {
        if let Some(member) = member(c, m, known, from, until) {
            if let Some((_, first)) = out
                .iter()
                .find(|(x, _)| counts_as_same(known, &x.unit, &member.unit))
            {
                let (line, _) = c.src.position(*first);
                c.error(
                    &m.unit,
                    t!(Msg::MemberTwice, unit = member.unit, line = line),
                    Some(t!(Msg::MemberTwiceHint)),
                );
                continue;
            }
            out.push((member, &m.unit));
        }
    }
    for (role, msg) in [
        (Role::CumTruong, Msg::TwoLeaders),
        (Role::CumPho, Msg::TwoDeputies),
    ] {
        let holders: Vec<&&S> = out
            .iter()
            .filter(|(m, _)| m.role == role)
            .map(|(_, s)| s)
            .collect();
        if let Some(second) = holders.get(1) {
            let (line, _) = c.src.position(*holders[0]);
            c.error(second, t!(msg, line = line), Some(t!(Msg::TwoLeadersHint)));
        }
    }
    if !out.is_empty() && !out.iter().any(|(m, _)| m.role == Role::CumTruong) {
        // The leader is missing from the list: say so at its `members:` line.
        let d = match top_level_key(c.src.full_text, "members") {
            Some((line, text)) => Diagnostic::warning(t!(Msg::NoLeader))
                .in_file(c.src.file)
                .at_in_line(text, line, 1),
            None => c.src.warning_at(&raw.id, t!(Msg::NoLeader)),
        };
        c.diags.push(d.hint(t!(Msg::NoLeaderHint)));
    }
    out.into_iter().map(|(m, _)| m).collect()
}

/// The line number and text of the line where top-level `key:` is written.
fn top_level_key<'t>(text: &'t str, key: &str) -> Option<(usize, &'t str)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix(key)?;
        rest.trim_start().starts_with(':').then_some((i + 1, line))
    })
}

/// Two member ids are the same organisation when equal or when one is the
/// other's grassroots union (FORMAT.md §11).
fn counts_as_same(known: &Known<'_>, a: &str, b: &str) -> bool {
    let union_of = |x: &str| known.units.get(x).and_then(|u| u.union_of.as_deref());
    a == b || union_of(a) == Some(b) || union_of(b) == Some(a)
}

fn member(
    c: &mut Checker<'_>,
    m: &RawMember,
    known: &Known<'_>,
    from: Date,
    until: Date,
) -> Option<Member> {
    let unit_id = c.reference(&m.unit, Msg::WhatUnit, known.unit_ids.iter().copied());
    let role = match &m.role {
        Some(r) => c.choice(r, Role::NAMES).and_then(Role::parse),
        None => Some(Role::ThanhVien),
    };
    let joined = c.opt_date(&m.from);
    let left = c.opt_date(&m.until);
    for (date, at) in [(joined, &m.from), (left, &m.until)] {
        if let (Some(d), Some(at)) = (date, at)
            && (d < from || d > until)
        {
            c.error(
                at,
                t!(Msg::MemberDateOutside),
                Some(t!(Msg::MemberDateOutsideHint)),
            );
        }
    }
    let unit_id = unit_id?;
    let (start, end) = (joined.unwrap_or(from), left.unwrap_or(until));
    if let Some(unit) = known.units.get(&unit_id)
        && (!unit.valid_on(start) || !unit.valid_on(end))
    {
        let range = unit_range(unit);
        c.error(
            &m.unit,
            t!(Msg::MemberNotValid, unit = unit_id, range = range),
            Some(t!(Msg::MemberNotValidHint)),
        );
    }
    Some(Member {
        unit: unit_id,
        role: role?,
        from: joined,
        until: left,
        left_reason: opt_text(&m.left_reason),
    })
}

fn unit_range(u: &Unit) -> String {
    let show = |d: Option<Date>| d.map_or_else(|| "…".to_string(), crate::text::format_date);
    format!("{} – {}", show(u.valid_from), show(u.valid_until))
}

fn documents(c: &mut Checker<'_>, raw: &RawCluster, known: &Known<'_>) -> Vec<DocumentRef> {
    let mut out = Vec::new();
    for d in &raw.documents {
        let mut size = None;
        let mut file = None;
        if let Some(f) = &d.file {
            let rel = crate::text::nfc(f.value.trim().trim_start_matches('/'));
            if crate::text::leaves_folder(&f.value, true) {
                let hint = t!(
                    Msg::PathLeavesFolderHint,
                    folder = "static/",
                    example = "docs/2024/ke-hoach.pdf"
                );
                let msg = t!(
                    Msg::PathLeavesFolder,
                    file = f.value.trim(),
                    folder = "static/"
                );
                c.error(f, msg, Some(hint));
            } else {
                match known.statics.get(&format!("static/{rel}")) {
                    Some(disk) => {
                        size = std::fs::metadata(disk).ok().map(|m| m.len());
                        file = Some(format!("/{rel}"));
                    }
                    None => {
                        let names = known
                            .statics
                            .keys()
                            .map(|k| k.trim_start_matches("static/"));
                        let hint = match crate::diag::closest(&rel, names) {
                            Some(s) => t!(Msg::DidYouMean, suggestion = s),
                            None => t!(Msg::DocumentMissingHint),
                        };
                        c.error(f, t!(Msg::DocumentMissing, file = rel), Some(hint));
                    }
                }
            }
        }
        out.push(DocumentRef {
            kind: opt_text(&d.kind),
            title: text(&d.title),
            number: opt_text(&d.number),
            date: c.opt_date(&d.date),
            file,
            size,
        });
    }
    out
}

/// A signing or review meeting; its host may be any unit.
pub fn meeting(c: &mut Checker<'_>, e: &RawEvent, known_ids: &Known<'_>) -> Option<Meeting> {
    let host = e
        .host
        .as_ref()
        .and_then(|h| c.reference(h, Msg::WhatUnit, known_ids.unit_ids.iter().copied()));
    Some(Meeting {
        date: c.date(&e.date)?,
        host,
        place: opt_text(&e.place),
    })
}

/// A scheme weighted by phase (`year_from: { weighted: … }`) must weigh
/// exactly the phases of each cluster-year that uses it: the scheme is
/// shared, so a mismatch is reported in the cluster file, at its `scheme:`
/// line, naming both lists; the engine is then not run for that year.
pub fn check_weights(
    cluster: &ClusterYear,
    cluster_file: Option<&DataFile>,
    scheme: &super::model::SchemeInfo,
) -> Option<Diagnostic> {
    let crate::results::YearFrom::Weighted(weights) = &scheme.engine.aggregation.year_from else {
        return None;
    };
    let mut weighed: Vec<&str> = weights.iter().map(|(p, _)| p.as_str()).collect();
    let mut phases: Vec<&str> = cluster.phases.iter().map(|p| p.id.as_str()).collect();
    weighed.sort_unstable();
    phases.sort_unstable();
    if weighed == phases {
        return None;
    }
    let d = Diagnostic::error(t!(
        Msg::SchemeWeightsPhases,
        scheme = scheme.id,
        weighed = weighed.join(", "),
        phases = phases.join(", ")
    ))
    .in_file(&cluster.file)
    .hint(t!(Msg::SchemeWeightsPhasesHint, file = scheme.file));
    let Some(f) = cluster_file else {
        return Some(d);
    };
    let line = f
        .text
        .lines()
        .position(|l| l.starts_with("scheme:"))
        .map_or(1, |i| i + 1);
    Some(d.at(&f.text, line, 1))
}
