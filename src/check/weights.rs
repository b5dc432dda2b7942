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
            if let Some(full) = &tree.full
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

fn terms(items: &[Stmt<Item>]) -> Vec<(String, Decimal)> {
    items
        .iter()
        .map(|c| (c.node.name.text.clone(), c.node.max.value))
        .collect()
}
