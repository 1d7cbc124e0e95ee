//! `data/units.yaml` and `data/awards.yaml` (FORMAT.md §4, §8): ids, dated names,
//! references, and duplicates after identity folding.

use std::collections::HashMap;

use super::check::{Checker, DataFile, opt_text, text};
use super::model::{Award, Decision, Ended, Unit, UnitKind, UnitName};
use super::raw::{AwardsFile, RawDecision, RawName, RawUnit, S, UnitsFile};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;
use crate::text::{identity_key, strip_invisible};

/// Checks the unit registry; returns the units that passed every check of their own.
pub fn check_units(file: &DataFile, raw: &UnitsFile) -> (Vec<Unit>, Vec<Diagnostic>) {
    let mut c = Checker::new(file);
    let mut seen: HashMap<&str, &S> = HashMap::new();
    for u in &raw.units {
        if let Some(first) = seen.get(u.id.value.as_str()) {
            let (line, _) = c.src.position(*first);
            c.error(
                &u.id,
                t!(Msg::DataIdDuplicate, id = u.id.value, line = line),
                Some(t!(Msg::DataIdDuplicateHint)),
            );
        } else {
            seen.insert(&u.id.value, &u.id);
        }
    }
    let ids: Vec<&str> = raw.units.iter().map(|u| u.id.value.as_str()).collect();
    let mut units = Vec::new();
    for u in &raw.units {
        let before = c.diags.len();
        let unit = check_unit(&mut c, u, &ids);
        let clean = !c.diags[before..].iter().any(Diagnostic::is_error);
        // A repeated id (reported above) is left out: one unit per id, one page.
        let first = seen
            .get(u.id.value.as_str())
            .is_some_and(|f| std::ptr::eq(*f, &u.id));
        if let Some(unit) = unit.filter(|_| clean && first) {
            units.push(unit);
        }
    }
    check_duplicate_names(&mut c, raw);
    (units, c.diags)
}

fn check_unit(c: &mut Checker<'_>, u: &RawUnit, ids: &[&str]) -> Option<Unit> {
    let id = c.id(&u.id);
    let kind = c.choice(&u.kind, UnitKind::NAMES).and_then(UnitKind::parse);
    let valid_from = u.valid.as_ref().and_then(|v| c.opt_date(&v.from));
    let valid_until = u.valid.as_ref().and_then(|v| c.opt_date(&v.until));
    if let (Some(f), Some(t), Some(v)) = (valid_from, valid_until, &u.valid)
        && t < f
    {
        let at = v.until.as_ref().unwrap_or(&u.id);
        c.error(
            at,
            t!(Msg::PeriodReversed),
            Some(t!(Msg::PeriodReversedHint)),
        );
    }
    let names = check_names(c, u, valid_from, valid_until);
    let refer = |v: &Option<S>, c: &mut Checker<'_>| {
        v.as_ref()
            .and_then(|v| c.reference(v, Msg::WhatUnit, ids.iter().copied()))
    };
    let parent = refer(&u.parent, c);
    let union_of = refer(&u.union_of, c);
    let merged_into = u.merged_into.as_ref().and_then(|m| {
        let unit = c.reference(&m.unit, Msg::WhatUnit, ids.iter().copied());
        let date = c.date(&m.date);
        unit.zip(date)
    });
    let successors = u
        .successors
        .iter()
        .filter_map(|s| c.reference(s, Msg::WhatUnit, ids.iter().copied()))
        .collect();
    let ended = u.ended.as_ref().and_then(|e| {
        Some(Ended {
            date: c.date(&e.date)?,
            reason: opt_text(&e.reason),
            decision: e.decision.as_ref().and_then(|d| decision(c, d)),
        })
    });
    Some(Unit {
        id: id?,
        kind: kind?,
        names: names?,
        sort_key: opt_text(&u.sort_key),
        aliases: u
            .aliases
            .iter()
            .map(|a| name_text(c, a, "aliases"))
            .collect(),
        parent,
        union_of,
        valid_from,
        valid_until,
        ended,
        merged_into,
        successors,
        source: super::check::source(c, &u.source),
    })
}

/// Dated names: only the first may omit `from`; periods in order, not
/// overlapping, and inside `valid`.
fn check_names(
    c: &mut Checker<'_>,
    u: &RawUnit,
    valid_from: Option<jiff::civil::Date>,
    valid_until: Option<jiff::civil::Date>,
) -> Option<Vec<UnitName>> {
    if u.names.is_empty() {
        c.error(&u.id, t!(Msg::UnitNoNames), Some(t!(Msg::UnitNoNamesHint)));
        return None;
    }
    let mut names: Vec<UnitName> = Vec::new();
    for (i, n) in u.names.iter().enumerate() {
        let name = dated_name(c, n)?;
        if i > 0 && name.from.is_none() {
            c.error(
                &n.full,
                t!(Msg::UnitNameNeedsFrom),
                Some(t!(Msg::UnitNameNeedsFromHint)),
            );
        }
        if let Some(prev) = names.last() {
            let prev_end = prev.until.or(prev.from);
            if let (Some(end), Some(from)) = (prev_end, name.from)
                && from <= end
            {
                c.error(
                    &n.full,
                    t!(Msg::UnitNamesOverlap, name = name.full, other = prev.full),
                    Some(t!(Msg::UnitNamesOverlapHint)),
                );
            }
        }
        let starts_early = matches!((name.from, valid_from), (Some(f), Some(v)) if f < v);
        let ends_late =
            matches!((name.until.or(name.from), valid_until), (Some(e), Some(v)) if e > v);
        if starts_early || ends_late {
            c.error(
                &n.full,
                t!(Msg::UnitNameOutsideValid, name = name.full),
                Some(t!(Msg::UnitNameOutsideValidHint)),
            );
        }
        names.push(name);
    }
    Some(names)
}

/// A unit's name without zero-width characters, which would make one name
/// two for search and copying; each found is a warning (FORMAT.md §1).
fn name_text(c: &mut Checker<'_>, v: &S, key: &str) -> String {
    let written = text(v);
    // A zero-width space separates words, as a space would.
    let (clean, stripped) = strip_invisible(&written.replace('\u{200B}', " "));
    if stripped || written.contains('\u{200B}') {
        c.warning(
            v,
            t!(Msg::InvisibleChars, what = key),
            Some(t!(Msg::InvisibleCharsHint)),
        );
    }
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn dated_name(c: &mut Checker<'_>, n: &RawName) -> Option<UnitName> {
    let full = name_text(c, &n.full, "full");
    if full.is_empty() {
        c.error(
            &n.full,
            t!(Msg::DataEmptyText),
            Some(t!(Msg::DataEmptyTextHint)),
        );
        return None;
    }
    let from = c.opt_date(&n.from);
    let until = c.opt_date(&n.until);
    if let (Some(f), Some(u), Some(at)) = (from, until, &n.until)
        && u < f
    {
        c.error(
            at,
            t!(Msg::PeriodReversed),
            Some(t!(Msg::PeriodReversedHint)),
        );
    }
    Some(UnitName {
        full,
        short: n
            .short
            .as_ref()
            .map(|v| name_text(c, v, "short"))
            .filter(|s| !s.is_empty()),
        from,
        until,
    })
}

pub fn decision(c: &mut Checker<'_>, d: &RawDecision) -> Option<Decision> {
    Some(Decision {
        number: text(&d.number),
        date: c.opt_date(&d.date),
        title: opt_text(&d.title),
    })
}

/// Two units whose names or aliases fold to the same identity key are the same
/// organisation typed twice, unless one is the other's union, heir or parent.
fn check_duplicate_names(c: &mut Checker<'_>, raw: &UnitsFile) {
    let related = |a: &RawUnit, b: &RawUnit| {
        let points_to = |x: &RawUnit, y: &RawUnit| {
            let id = &y.id.value;
            x.union_of.as_ref().is_some_and(|v| &v.value == id)
                || x.parent.as_ref().is_some_and(|v| &v.value == id)
                || x.merged_into.as_ref().is_some_and(|m| &m.unit.value == id)
                || x.successors.iter().any(|s| &s.value == id)
        };
        points_to(a, b) || points_to(b, a)
    };
    let mut owner: HashMap<String, (usize, &S)> = HashMap::new();
    for (i, u) in raw.units.iter().enumerate() {
        let spellings = u
            .names
            .iter()
            .flat_map(|n| std::iter::once(&n.full).chain(n.short.as_ref()))
            .chain(u.aliases.iter());
        let mut mine: Vec<String> = Vec::new();
        for s in spellings {
            let key = identity_key(&s.value);
            if key.is_empty() || mine.contains(&key) {
                continue;
            }
            mine.push(key.clone());
            match owner.get(&key) {
                Some(&(j, first)) if !related(u, &raw.units[j]) => {
                    let (line, _) = c.src.position(first);
                    c.error(
                        s,
                        t!(
                            Msg::UnitDuplicateName,
                            name = s.value.trim(),
                            other = raw.units[j].id.value,
                            line = line
                        ),
                        Some(t!(Msg::UnitDuplicateNameHint)),
                    );
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (i, s));
                }
            }
        }
    }
}

/// Checks the award catalogue; `unit_ids` resolves `issuer`.
pub fn check_awards(
    file: &DataFile,
    raw: &AwardsFile,
    unit_ids: Option<&[&str]>,
) -> (Vec<Award>, Vec<Diagnostic>) {
    let mut c = Checker::new(file);
    let mut awards: Vec<Award> = Vec::new();
    let mut first: HashMap<&str, &S> = HashMap::new();
    for a in &raw.awards {
        let Some(id) = c.id(&a.id) else { continue };
        if let Some(prev) = first.get(a.id.value.as_str()) {
            let (line, _) = c.src.position(*prev);
            c.error(
                &a.id,
                t!(Msg::DataIdDuplicate, id = id, line = line),
                Some(t!(Msg::DataIdDuplicateHint)),
            );
            continue;
        }
        first.insert(&a.id.value, &a.id);
        // Without a readable units.yaml (`None`) the issuer cannot be judged.
        let issuer = a
            .issuer
            .as_ref()
            .and_then(|v| c.reference_if_known(v, Msg::WhatUnit, unit_ids));
        awards.push(Award {
            id,
            name: text(&a.name),
            issuer,
        });
    }
    (awards, c.diags)
}
