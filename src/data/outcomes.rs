//! `data/outcomes/<year>/<cluster-id>.yaml` (FORMAT.md §8): the review, the
//! vote, proposals with their decisions, and recorded overrides.

use super::check::{Checker, DataFile, text};
use super::clusters::{Known, meeting};
use super::model::{ClusterYear, OVERRIDE_KINDS, Outcomes, Override, Proposal, ProposalStatus};
use super::raw::RawOutcomes;
use super::units::decision;
use crate::diag::Diagnostic;
use crate::messages::Msg;
use crate::t;

pub fn check_outcomes(
    file: &DataFile,
    raw: &RawOutcomes,
    cluster: &ClusterYear,
    award_ids: Option<&[&str]>,
    known: &Known<'_>,
) -> (Option<Outcomes>, Vec<Diagnostic>) {
    let mut c = Checker::new(file);
    let members: Vec<&str> = cluster.members.iter().map(|m| m.unit.as_str()).collect();
    let review = raw.review.as_ref().and_then(|e| meeting(&mut c, e, known));
    let present = raw
        .vote
        .as_ref()
        .and_then(|v| v.present.as_ref())
        .and_then(|p| c.int::<u32>(p));
    let mut ballots = Vec::new();
    for b in raw.vote.iter().flat_map(|v| &v.ballots) {
        let unit = c.reference(&b.unit, Msg::WhatMember, members.iter().copied());
        let count = c.int::<u32>(&b.votes_for);
        if let (Some(n), Some(p)) = (count, present)
            && n > p
        {
            c.error(
                &b.votes_for,
                t!(Msg::VoteAbovePresent, votes = n, present = p),
                Some(t!(Msg::VoteAbovePresentHint)),
            );
        }
        if let (Some(unit), Some(n)) = (unit, count) {
            ballots.push((unit, n));
        }
    }
    let mut proposals = Vec::new();
    for p in &raw.proposals {
        let unit = c.reference(&p.unit, Msg::WhatMember, members.iter().copied());
        let award = c.reference_if_known(&p.award, Msg::WhatAward, award_ids);
        let status = c
            .choice(&p.status, ProposalStatus::NAMES)
            .and_then(ProposalStatus::parse);
        let decision = p.decision.as_ref().and_then(|d| decision(&mut c, d));
        if let (Some(unit), Some(award), Some(status)) = (unit, award, status) {
            proposals.push(Proposal {
                unit,
                award,
                status,
                decision,
            });
        }
    }
    let mut overrides = Vec::new();
    for o in &raw.overrides {
        let kind = c.choice(&o.kind, OVERRIDE_KINDS);
        let units: Vec<String> = o
            .units
            .iter()
            .filter_map(|u| c.reference(u, Msg::WhatMember, members.iter().copied()))
            .collect();
        let winner = o.winner.as_ref().and_then(|w| {
            let listed: Vec<&str> = o.units.iter().map(|u| u.value.trim()).collect();
            c.reference(w, Msg::WhatOverrideUnit, listed.iter().copied())
        });
        if let Some(kind) = kind {
            overrides.push(Override {
                kind: kind.to_string(),
                units,
                winner,
                reason: text(&o.reason),
            });
        }
    }
    if c.has_errors() {
        return (None, c.diags);
    }
    let outcomes = Outcomes {
        file: file.path.clone(),
        review,
        present,
        ballots,
        proposals,
        overrides,
    };
    (Some(outcomes), c.diags)
}
