//! `data/schemes/<id>.yaml` (FORMAT.md §6) into the engine's [`results::Scheme`],
//! with every check the engine relies on: maxima that add up, steps that divide,
//! known rules, tie-break keys and awards.

use rust_decimal::Decimal;

use super::check::{Checker, DataFile, show, text};
use super::model::{CriterionInfo, SchemeInfo};
use super::raw::{RawAggregation, RawCriterion, RawScheme, RawYearFrom, S};
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::results::{
    Aggregation, AssessedBy, AwardRule, Band, BonusItem, BonusRules, Criterion, FinalFrom,
    PenaltyItem, Rule, Scheme, TieBreakKey, YearFrom,
};
use crate::t;

const RULES: &[&str] = &["scale", "fixed", "proportional"];
const ASSESSED_BY: &[&str] = &["self_only", "panel", "cross_mean", "cross_mean_trimmed"];
const FINAL_FROM: &[&str] = &["assessed", "self_if_no_assessment"];
const YEAR_MODES: &[&str] = &["last_phase", "mean_of_phases"];
const TIE_KEYS: &[&str] = &["bonus_total", "fewer_penalties", "vote", "criterion:"];

/// Checks one scheme; `award_ids` resolves `award_rules`.
pub fn check_scheme(
    file: &DataFile,
    raw: &RawScheme,
    award_ids: Option<&[&str]>,
) -> (Option<SchemeInfo>, Vec<Diagnostic>) {
    let mut c = Checker::new(file);
    c.id_matches_file(&raw.id, file);
    let total_max = c.number(&raw.total_max);
    if total_max.is_some_and(|t| t < Decimal::ZERO) {
        c.error(
            &raw.total_max,
            t!(Msg::SchemeNegative),
            Some(t!(Msg::SchemeSumHint)),
        );
    }
    let decimals = raw.decimals.as_ref().map_or(Some(2), |d| c.int::<u32>(d));
    if let (Some(d), Some(at)) = (decimals, &raw.decimals)
        && d > 6
    {
        c.error(
            at,
            t!(Msg::SchemeDecimals),
            Some(t!(Msg::SchemeDecimalsHint)),
        );
    }
    let mut infos = Vec::new();
    let mut ids: Vec<&S> = Vec::new();
    let criteria = criteria(&mut c, &raw.criteria, 0, &mut infos, &mut ids);
    if let (Some(total), Some(list)) = (total_max, &criteria) {
        let sum = sum_or_bound(list.iter().map(|k| k.max));
        if sum != total {
            c.error(
                &raw.total_max,
                t!(
                    Msg::SchemeTotalMismatch,
                    sum = show(sum),
                    total = show(total)
                ),
                Some(t!(Msg::SchemeSumHint)),
            );
        }
    }
    let leaf_ids: Vec<String> = infos.iter().map(|i| i.id.clone()).collect();
    let bonus = bonus(&mut c, raw);
    let penalties = penalties(&mut c, raw);
    let mut disqualifiers = Vec::new();
    for d in &raw.disqualifiers {
        if let Some(id) = unique_item(&mut c, &d.id, &disqualifiers) {
            disqualifiers.push(id);
        }
    }
    let aggregation = aggregation(&mut c, raw.aggregation.as_ref());
    let tie_break = tie_break(&mut c, raw, &leaf_ids);
    let classification = bands(&mut c, raw);
    let award_rules = award_rules(&mut c, raw, award_ids);
    if c.has_errors() {
        return (None, c.diags);
    }
    let (Some(total_max), Some(decimals), Some(criteria), Some(aggregation)) =
        (total_max, decimals, criteria, aggregation)
    else {
        return (None, c.diags);
    };
    let titles = |items: &[(&S, &S)]| -> Vec<(String, String)> {
        items.iter().map(|(i, t)| (text(i), text(t))).collect()
    };
    let bonus_items: Vec<(&S, &S)> = raw
        .bonus
        .iter()
        .flat_map(|b| b.items.iter().map(|i| (&i.id, &i.title)))
        .collect();
    let penalty_items: Vec<(&S, &S)> = raw
        .penalties
        .iter()
        .flat_map(|p| p.items.iter().map(|i| (&i.id, &i.title)))
        .collect();
    let disq_items: Vec<(&S, &S)> = raw
        .disqualifiers
        .iter()
        .map(|d| (&d.id, &d.title))
        .collect();
    let engine = Scheme {
        id: raw.id.value.clone(),
        total_max,
        decimals,
        criteria,
        bonus,
        penalties,
        disqualifiers,
        aggregation,
        tie_break,
        classification,
        award_rules,
    };
    let info = SchemeInfo {
        id: raw.id.value.clone(),
        title: text(&raw.title),
        file: file.path.clone(),
        engine,
        criteria: infos,
        bonus_titles: titles(&bonus_items),
        penalty_titles: titles(&penalty_items),
        disqualifier_titles: titles(&disq_items),
    };
    (Some(info), c.diags)
}

/// The criteria tree; `infos` receives every criterion in order, `ids` their ids for the duplicate check.
fn criteria<'r>(
    c: &mut Checker<'_>,
    list: &'r [RawCriterion],
    depth: usize,
    infos: &mut Vec<CriterionInfo>,
    ids: &mut Vec<&'r S>,
) -> Option<Vec<Criterion>> {
    let mut out = Vec::new();
    let mut ok = true;
    for k in list {
        match criterion(c, k, depth, infos, ids) {
            Some(x) => out.push(x),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn criterion<'r>(
    c: &mut Checker<'_>,
    k: &'r RawCriterion,
    depth: usize,
    infos: &mut Vec<CriterionInfo>,
    ids: &mut Vec<&'r S>,
) -> Option<Criterion> {
    if let Some(prev) = ids.iter().find(|p| p.value == k.id.value) {
        let (line, _) = c.src.position(*prev);
        c.error(
            &k.id,
            t!(Msg::DataIdDuplicate, id = k.id.value, line = line),
            Some(t!(Msg::DataIdDuplicateHint)),
        );
    }
    ids.push(&k.id);
    c.id_short(&k.id);
    let max = c.number(&k.max);
    infos.push(CriterionInfo {
        id: k.id.value.clone(),
        title: text(&k.title),
        max: max.unwrap_or_default(),
        depth,
    });
    let children = criteria(c, &k.children, depth + 1, infos, ids)?;
    let max = max?;
    if max < Decimal::ZERO {
        c.error(
            &k.max,
            t!(Msg::SchemeNegative),
            Some(t!(Msg::SchemeSumHint)),
        );
    }
    if !children.is_empty() {
        let sum = sum_or_bound(children.iter().map(|x| x.max));
        if sum != max {
            c.error(
                &k.max,
                t!(
                    Msg::SchemeChildrenMismatch,
                    id = k.id.value,
                    sum = show(sum),
                    max = show(max)
                ),
                Some(t!(Msg::SchemeSumHint)),
            );
        }
        if let Some(r) = &k.rule {
            c.error(
                r,
                t!(Msg::SchemeRuleOnParent),
                Some(t!(Msg::SchemeRuleOnParentHint)),
            );
        }
    }
    let rule = if children.is_empty() {
        rule(c, k, max)
    } else {
        None
    };
    Some(Criterion {
        id: k.id.value.clone(),
        max,
        rule,
        children,
    })
}

fn rule(c: &mut Checker<'_>, k: &RawCriterion, max: Decimal) -> Option<Rule> {
    let name = match &k.rule {
        Some(r) => c.choice(r, RULES)?,
        None if k.step.is_some() => "scale",
        None => return None,
    };
    match name {
        "fixed" => Some(Rule::Fixed),
        "proportional" => {
            let Some(at) = &k.target else {
                let at = k.rule.as_ref().unwrap_or(&k.id);
                c.error(
                    at,
                    t!(Msg::SchemeNeedsTarget),
                    Some(t!(Msg::SchemeNeedsTargetHint)),
                );
                return None;
            };
            let target = c.number(at)?;
            if target <= Decimal::ZERO {
                c.error(
                    at,
                    t!(Msg::SchemeNeedsTarget),
                    Some(t!(Msg::SchemeNeedsTargetHint)),
                );
                return None;
            }
            Some(Rule::Proportional { target })
        }
        _ => {
            let at = k.step.as_ref()?;
            let step = c.number(at)?;
            if step <= Decimal::ZERO || !(max % step).is_zero() {
                c.error(
                    at,
                    t!(Msg::SchemeStepDivides, step = show(step), max = show(max)),
                    Some(t!(Msg::SchemeStepDividesHint)),
                );
                return None;
            }
            Some(Rule::Scale { step })
        }
    }
}

/// An item id not already used in its list.
fn unique_item(c: &mut Checker<'_>, id: &S, seen: &[String]) -> Option<String> {
    let id_text = c.id(id)?;
    if seen.contains(&id_text) {
        c.error(
            id,
            t!(
                Msg::DataIdDuplicate,
                id = id_text,
                line = c.src.position(id).0
            ),
            Some(t!(Msg::DataIdDuplicateHint)),
        );
        return None;
    }
    Some(id_text)
}

fn bonus(c: &mut Checker<'_>, raw: &RawScheme) -> BonusRules {
    let Some(b) = &raw.bonus else {
        return BonusRules::default();
    };
    let cap = b.cap.as_ref().and_then(|v| bonus_number(c, v));
    let mut items: Vec<BonusItem> = Vec::new();
    for i in &b.items {
        let seen: Vec<String> = items.iter().map(|x| x.id.clone()).collect();
        let id = unique_item(c, &i.id, &seen);
        let points = bonus_number(c, &i.points);
        let cap = i.cap.as_ref().and_then(|v| bonus_number(c, v));
        if let (Some(id), Some(points)) = (id, points) {
            items.push(BonusItem { id, points, cap });
        }
    }
    BonusRules { cap, items }
}

/// A bonus figure (points or a cap): a number, not negative (a deduction is
/// a penalty, and a negative cap would take points off every unit).
fn bonus_number(c: &mut Checker<'_>, v: &S) -> Option<Decimal> {
    let n = c.number(v)?;
    if n < Decimal::ZERO {
        c.error(
            v,
            t!(Msg::SchemeBonusNegative, value = v.value),
            Some(t!(Msg::SchemeBonusNegativeHint)),
        );
        return None;
    }
    Some(n)
}

fn penalties(c: &mut Checker<'_>, raw: &RawScheme) -> Vec<PenaltyItem> {
    let mut items: Vec<PenaltyItem> = Vec::new();
    for i in raw.penalties.iter().flat_map(|p| &p.items) {
        let seen: Vec<String> = items.iter().map(|x| x.id.clone()).collect();
        let id = unique_item(c, &i.id, &seen);
        let points = c.number(&i.points);
        if let (Some(id), Some(points)) = (id, points) {
            items.push(PenaltyItem { id, points });
        }
    }
    items
}

/// Defaults: a panel assesses; the self score counts where nobody assessed
/// (DOMAIN.md §2.3: "or the self score where nobody disputed it"); the last
/// phase is the year.
fn aggregation(c: &mut Checker<'_>, raw: Option<&RawAggregation>) -> Option<Aggregation> {
    let assessed_by = match raw.and_then(|a| a.assessed_by.as_ref()) {
        None => AssessedBy::Panel,
        Some(v) => match c.choice(v, ASSESSED_BY)? {
            "self_only" => AssessedBy::SelfOnly,
            "cross_mean" => AssessedBy::CrossMean,
            "cross_mean_trimmed" => AssessedBy::CrossMeanTrimmed,
            _ => AssessedBy::Panel,
        },
    };
    let final_from = match raw.and_then(|a| a.final_from.as_ref()) {
        None => FinalFrom::SelfIfNoAssessment,
        Some(v) => match c.choice(v, FINAL_FROM)? {
            "assessed" => FinalFrom::Assessed,
            _ => FinalFrom::SelfIfNoAssessment,
        },
    };
    let year_from = match raw.and_then(|a| a.year_from.as_ref()) {
        None => YearFrom::LastPhase,
        Some(v) => year_from(c, v)?,
    };
    Some(Aggregation {
        assessed_by,
        final_from,
        year_from,
    })
}

fn year_from(c: &mut Checker<'_>, v: &crate::yaml::Spanned<RawYearFrom>) -> Option<YearFrom> {
    match &v.value {
        RawYearFrom::Mode(m) => {
            let at = S {
                value: m.clone(),
                referenced: v.referenced,
                defined: v.defined,
            };
            match c.choice(&at, YEAR_MODES)? {
                "mean_of_phases" => Some(YearFrom::MeanOfPhases),
                _ => Some(YearFrom::LastPhase),
            }
        }
        RawYearFrom::Weighted(entries) => {
            let mut weights = Vec::new();
            for (phase, w) in &entries.0 {
                let weight = c.number(w)?;
                if weight < Decimal::ZERO {
                    c.error(
                        w,
                        t!(Msg::SchemeWeightNegative, phase = phase.value),
                        Some(t!(Msg::SchemeWeightsSumHint)),
                    );
                    return None;
                }
                weights.push((phase.value.clone(), weight));
            }
            let sum = sum_or_bound(weights.iter().map(|(_, w)| *w));
            if sum != Decimal::ONE {
                let at = entries
                    .0
                    .first()
                    .map_or_else(|| v_as_s(v), |(k, _)| k.clone());
                c.error(
                    &at,
                    t!(Msg::SchemeWeightsSum, sum = show(sum)),
                    Some(t!(Msg::SchemeWeightsSumHint)),
                );
                return None;
            }
            Some(YearFrom::Weighted(weights))
        }
    }
}

/// The exact sum, or the bound it ran past. Each number is within
/// `NUMBER_LIMIT`, so this cannot happen in practice; it is here so that no
/// input can make a sum panic, and the caller's "does not add up" error still
/// names the right value.
fn sum_or_bound(values: impl Iterator<Item = Decimal>) -> Decimal {
    let mut total = Decimal::ZERO;
    for v in values {
        total = match total.checked_add(v) {
            Some(t) => t,
            None if v.is_sign_negative() => return Decimal::MIN,
            None => return Decimal::MAX,
        };
    }
    total
}

fn v_as_s(v: &crate::yaml::Spanned<RawYearFrom>) -> S {
    S {
        value: String::new(),
        referenced: v.referenced,
        defined: v.defined,
    }
}

fn tie_break(c: &mut Checker<'_>, raw: &RawScheme, criteria: &[String]) -> Vec<TieBreakKey> {
    let mut keys = Vec::new();
    for k in raw.ranking.iter().flat_map(|r| &r.tie_break) {
        let word = k.value.trim();
        let key = match word {
            "bonus_total" => Some(TieBreakKey::BonusTotal),
            "fewer_penalties" => Some(TieBreakKey::FewerPenalties),
            "vote" => Some(TieBreakKey::Vote),
            _ => match word.strip_prefix("criterion:") {
                Some(id) if criteria.iter().any(|x| x == id.trim()) => {
                    Some(TieBreakKey::Criterion(id.trim().to_string()))
                }
                Some(id) => {
                    let sub = S {
                        value: id.trim().to_string(),
                        referenced: k.referenced,
                        defined: k.defined,
                    };
                    c.reference(
                        &sub,
                        Msg::WhatCriterion,
                        criteria.iter().map(String::as_str),
                    );
                    None
                }
                None => {
                    c.choice(k, TIE_KEYS);
                    None
                }
            },
        };
        keys.extend(key);
    }
    keys
}

fn bands(c: &mut Checker<'_>, raw: &RawScheme) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    for b in &raw.classification {
        let Some(min) = c.number(&b.min) else {
            continue;
        };
        if bands.last().is_some_and(|prev| prev.min <= min) {
            c.error(
                &b.min,
                t!(Msg::SchemeBandsOrder),
                Some(t!(Msg::SchemeBandsOrderHint)),
            );
        }
        bands.push(Band {
            label: text(&b.label),
            min,
        });
    }
    bands
}

fn award_rules(c: &mut Checker<'_>, raw: &RawScheme, award_ids: Option<&[&str]>) -> Vec<AwardRule> {
    let mut rules = Vec::new();
    for r in &raw.award_rules {
        let award = c.reference_if_known(&r.award, Msg::WhatAward, award_ids);
        let quota = r.quota.as_ref().and_then(|v| c.int::<u32>(v));
        let rank_at_most = r.rank_at_most.as_ref().and_then(|v| c.int::<u32>(v));
        let min_total = r.min_total.as_ref().and_then(|v| c.number(v));
        if let Some(award) = award {
            rules.push(AwardRule {
                award,
                quota,
                rank_at_most,
                min_total,
            });
        }
    }
    rules
}
