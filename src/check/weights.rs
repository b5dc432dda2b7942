//! KH301: a parent's maximum is the sum of its children's; `满分` is the sum of
//! the top items. The message names every term and both sums.

use rust_decimal::Decimal;

use crate::diag::{Diag, LabelText, Message};
use crate::resolve::Symbols;

pub fn check(syms: &Symbols<'_>) -> Vec<Diag> {
    let mut diags = Vec::new();
    for item in &syms.items {
        if item.is_leaf() {
            continue;
        }
        let node = &item.decl.node;
        let terms = terms(syms, &item.children);
        let sum: Decimal = terms.iter().map(|(_, v)| *v).sum();
        if sum != node.max.value {
            diags.push(
                Diag::new(
                    Message::WeightsChildren {
                        parent: node.name.text.clone(),
                        max: node.max.value,
                        terms,
                        sum,
                    },
                    node.max.span,
                )
                .with_label(
                    node.name.span,
                    LabelText::Parent {
                        name: node.name.text.clone(),
                        value: node.max.value,
                    },
                ),
            );
        }
    }
    if let Some(full) = syms.full {
        let terms = terms(syms, &syms.top_items);
        let sum: Decimal = terms.iter().map(|(_, v)| *v).sum();
        if sum != full.value {
            diags.push(Diag::new(
                Message::WeightsTop {
                    full: full.value,
                    terms,
                    sum,
                },
                full.span,
            ));
        }
    }
    diags
}

fn terms(syms: &Symbols<'_>, ids: &[usize]) -> Vec<(String, Decimal)> {
    ids.iter()
        .filter_map(|i| syms.items.get(*i))
        .map(|c| (c.name().to_string(), c.decl.node.max.value))
        .collect()
}
