//! KH301: a parent's maximum is the sum of its children's; `满分` is the sum of
//! the top items. The message names every term and both sums. The sums are
//! over the items as written (a duplicate name is KH202, not a weight error).

use rust_decimal::Decimal;

use crate::ast::{Decl, Item, Policy, Stmt};
use crate::diag::{Diag, LabelText, Message};

pub fn check(policy: &Policy) -> Vec<Diag> {
    let mut diags = Vec::new();
    for decl in &policy.decls {
        if let Decl::Score(tree) = &decl.node {
            let terms = terms(&tree.items);
            let Ok(sum) = crate::exact::sum(terms.iter().map(|(_, v)| *v)) else {
                let m = Message::SumTooPrecise { parent: None };
                diags.push(Diag::new(m, decl.span));
                continue;
            };
            if tree.full.is_none() {
                // A weight (`80%`) at the top is a share of `满分`.
                for it in tree.items.iter().filter(|i| i.node.weight.is_some()) {
                    let m = Message::WeightWithoutWhole {
                        item: it.node.name.text.clone(),
                    };
                    diags.push(Diag::new(m, it.node.max.span));
                }
            }
            if let Some(percents) = percents(&tree.items) {
                percent_sum(None, &percents, &tree.items, *decl.span, &mut diags);
            } else if let Some(full) = &tree.full
                && sum != full.value
            {
                let message = Message::WeightsTop {
                    full: full.value,
                    terms,
                    sum,
                };
                diags.push(Diag::new(message, full.span));
            }
            children(&tree.items, &mut diags);
        }
    }
    diags
}

fn children(items: &[Stmt<Item>], diags: &mut Vec<Diag>) {
    for it in items {
        let node = &it.node;
        if node.children.is_empty() {
            continue;
        }
        if let Some(percents) = percents(&node.children) {
            let parent = Some(node.name.text.clone());
            percent_sum(parent, &percents, &node.children, *node.max.span, diags);
            children(&node.children, diags);
            continue;
        }
        let terms = terms(&node.children);
        let Ok(sum) = crate::exact::sum(terms.iter().map(|(_, v)| *v)) else {
            let m = Message::SumTooPrecise {
                parent: Some(node.name.text.clone()),
            };
            diags.push(Diag::new(m, node.max.span));
            continue;
        };
        if sum != node.max.value {
            let message = Message::WeightsChildren {
                parent: node.name.text.clone(),
                max: node.max.value,
                terms,
                sum,
            };
            let label = LabelText::Parent {
                name: node.name.text.clone(),
                value: node.max.value,
            };
            diags.push(Diag::new(message, node.max.span).with_label(node.name.span, label));
        }
        children(&node.children, diags);
    }
}

/// The weights of items all written as weights (`80%`); `None` otherwise
/// (their maxima are then checked as points).
fn percents(items: &[Stmt<Item>]) -> Option<Vec<(String, Decimal)>> {
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|c| Some((c.node.name.text.clone(), c.node.weight.as_ref()?.value)))
        .collect()
}

/// Weights that do not add up to 100% (KH301), at the first weight.
fn percent_sum(
    parent: Option<String>,
    terms: &[(String, Decimal)],
    items: &[Stmt<Item>],
    fallback: crate::source::Span,
    diags: &mut Vec<Diag>,
) {
    let sum = crate::exact::sum(terms.iter().map(|(_, v)| *v)).unwrap_or(Decimal::MAX);
    if sum != Decimal::ONE_HUNDRED {
        let at = items
            .first()
            .and_then(|i| i.node.weight.as_ref())
            .map_or(fallback, |w| *w.span);
        let m = Message::WeightsPercent {
            parent,
            terms: terms.to_vec(),
            sum,
        };
        diags.push(Diag::new(m, at));
    }
}

fn terms(items: &[Stmt<Item>]) -> Vec<(String, Decimal)> {
    items
        .iter()
        .map(|c| (c.node.name.text.clone(), c.node.max.value))
        .collect()
}
