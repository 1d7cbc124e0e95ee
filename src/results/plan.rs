//! The scheme prepared for computing: the criteria tree flattened in scheme order,
//! ids resolved, tie-break keys checked.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::error::EngineError;
use super::model::{Rule, Scheme, TieBreakKey};
use super::num::{self, Calc};

/// One criterion in the flattened tree.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) id: String,
    pub(crate) max: Decimal,
    pub(crate) rule: Option<Rule>,
    pub(crate) parent: Option<usize>,
    pub(crate) children: Vec<usize>,
}

impl Node {
    /// Whether this criterion is scored directly.
    pub(crate) fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }
}

/// A tie-break key with its criterion resolved to a node index.
#[derive(Clone, Debug)]
pub(crate) enum Key {
    Criterion(usize),
    BonusTotal,
    FewerPenalties,
    Vote,
}

/// The scheme, ready for the engine.
#[derive(Debug)]
pub(crate) struct Plan<'s> {
    pub(crate) scheme: &'s Scheme,
    /// Criteria in scheme order (pre-order: a parent before its children).
    pub(crate) nodes: Vec<Node>,
    pub(crate) index: BTreeMap<String, usize>,
    /// Tie-break keys, resolved, beside the scheme's own keys.
    pub(crate) keys: Vec<(Key, TieBreakKey)>,
}

impl<'s> Plan<'s> {
    /// Flattens and checks the scheme.
    pub(crate) fn new(scheme: &'s Scheme) -> Result<Self, EngineError> {
        let mut nodes: Vec<Node> = Vec::new();
        let mut index = BTreeMap::new();
        let mut stack: Vec<_> = scheme.criteria.iter().rev().map(|c| (c, None)).collect();
        while let Some((criterion, parent)) = stack.pop() {
            let at = nodes.len();
            if index.insert(criterion.id.clone(), at).is_some() {
                return Err(EngineError::DuplicateCriterion {
                    criterion: criterion.id.clone(),
                });
            }
            if let Some(Rule::Proportional { target }) = &criterion.rule
                && *target <= Decimal::ZERO
                && criterion.children.is_empty()
            {
                return Err(EngineError::BadTarget {
                    criterion: criterion.id.clone(),
                });
            }
            nodes.push(Node {
                id: criterion.id.clone(),
                max: criterion.max,
                rule: criterion.rule.clone(),
                parent,
                children: Vec::new(),
            });
            if let Some(p) = parent.and_then(|p| nodes.get_mut(p)) {
                p.children.push(at);
            }
            stack.extend(criterion.children.iter().rev().map(|c| (c, Some(at))));
        }
        let mut keys = Vec::new();
        for key in &scheme.tie_break {
            let resolved = match key {
                TieBreakKey::Criterion(id) => match index.get(id) {
                    Some(&at) => Key::Criterion(at),
                    None => {
                        return Err(EngineError::UnknownTieBreakCriterion {
                            criterion: id.clone(),
                        });
                    }
                },
                TieBreakKey::BonusTotal => Key::BonusTotal,
                TieBreakKey::FewerPenalties => Key::FewerPenalties,
                TieBreakKey::Vote => Key::Vote,
            };
            keys.push((resolved, key.clone()));
        }
        Ok(Plan {
            scheme,
            nodes,
            index,
            keys,
        })
    }

    /// Fills every parent with the sum of its children (values are indexed like `nodes`).
    pub(crate) fn fill_parents(&self, values: &mut [Decimal]) -> Result<(), num::Overflow> {
        for at in (0..self.nodes.len()).rev() {
            let Some(node) = self.nodes.get(at) else {
                continue;
            };
            if node.is_leaf() {
                continue;
            }
            let total = num::sum(
                node.children
                    .iter()
                    .map(|&c| values.get(c).copied().unwrap_or_default()),
            )?;
            if let Some(slot) = values.get_mut(at) {
                *slot = total;
            }
        }
        Ok(())
    }

    /// The sum of the top-level criteria (the criteria total of a sheet).
    pub(crate) fn top_sum(&self, values: &[Decimal]) -> Calc {
        num::sum(
            self.nodes
                .iter()
                .zip(values)
                .filter(|(node, _)| node.parent.is_none())
                .map(|(_, v)| *v),
        )
    }

    /// The criteria with their ids, in scheme order.
    pub(crate) fn labelled(&self, values: &[Decimal]) -> Vec<(String, Decimal)> {
        self.nodes
            .iter()
            .zip(values)
            .map(|(node, v)| (node.id.clone(), *v))
            .collect()
    }
}
