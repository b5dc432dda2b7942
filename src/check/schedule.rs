//! KH602: a step due before a step it comes after (transitively, through
//! undated steps), a cycle of `在 … 之后`, a deadline outside the policy year.

use crate::ast::DateLit;
use crate::calendar::Date;
use crate::diag::{Diag, LabelText, Message, Sort};
use crate::resolve::Symbols;

pub fn check(syms: &Symbols<'_>) -> Vec<Diag> {
    let mut diags = Vec::new();
    let Some(year) = syms.year() else {
        return diags;
    };
    let steps = &syms.steps;
    let due: Vec<Option<Date>> = steps
        .iter()
        .map(|s| {
            s.node
                .due
                .as_ref()
                .and_then(|d| deadline(d, year, &mut diags))
        })
        .collect();
    let prereqs: Vec<Vec<usize>> = steps
        .iter()
        .map(|s| {
            s.node
                .after
                .iter()
                .filter_map(|n| syms.index_of(&n.text, Sort::Step))
                .collect()
        })
        .collect();
    for (i, step) in steps.iter().enumerate() {
        let (Some(Some(d)), Some(lit)) = (due.get(i), step.node.due.as_ref()) else {
            continue;
        };
        if d.year != year {
            diags.push(Diag::new(
                Message::DeadlineOutsideYear {
                    step: step.node.name.text.clone(),
                    due: d.to_string(),
                    year,
                },
                lit.span,
            ));
        }
        for p in dated_prerequisites(i, &prereqs, &due) {
            let (Some(prior), Some(Some(pd))) = (steps.get(p), due.get(p)) else {
                continue;
            };
            if d < pd {
                let prior_span = prior
                    .node
                    .due
                    .as_ref()
                    .map_or(prior.node.name.span, |x| x.span);
                diags.push(
                    Diag::new(
                        Message::StepBeforePrerequisite {
                            step: step.node.name.text.clone(),
                            due: d.to_string(),
                            prerequisite: prior.node.name.text.clone(),
                            prerequisite_due: pd.to_string(),
                        },
                        lit.span,
                    )
                    .with_label(
                        prior_span,
                        LabelText::Prerequisite {
                            step: prior.node.name.text.clone(),
                            due: pd.to_string(),
                        },
                    ),
                );
            }
        }
    }
    diags.extend(cycles(syms, &prereqs));
    diags
}

fn deadline(lit: &DateLit, year: i32, diags: &mut Vec<Diag>) -> Option<Date> {
    crate::resolve::date_in_year(lit, year)
        .map_err(|d| diags.push(d))
        .ok()
}

/// The nearest dated steps that `start` comes after, looking through undated ones.
fn dated_prerequisites(start: usize, prereqs: &[Vec<usize>], due: &[Option<Date>]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut seen = vec![false; prereqs.len()];
    let mut stack: Vec<usize> = prereqs.get(start).cloned().unwrap_or_default();
    while let Some(p) = stack.pop() {
        if p == start || seen.get(p).copied().unwrap_or(true) {
            continue;
        }
        if let Some(s) = seen.get_mut(p) {
            *s = true;
        }
        if due.get(p).is_some_and(Option::is_some) {
            found.push(p);
        } else {
            stack.extend(prereqs.get(p).cloned().unwrap_or_default());
        }
    }
    found.sort_unstable();
    found
}

/// Each cycle once, reported at its first step in declaration order.
fn cycles(syms: &Symbols<'_>, prereqs: &[Vec<usize>]) -> Vec<Diag> {
    let n = prereqs.len();
    let mut state = vec![0u8; n]; // 0 new, 1 on the path, 2 done
    let mut diags = Vec::new();
    for root in 0..n {
        let mut path: Vec<usize> = Vec::new();
        visit(root, prereqs, &mut state, &mut path, &mut |cycle| {
            let names: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .filter_map(|i| syms.steps.get(*i))
                .map(|s| s.node.name.text.clone())
                .collect();
            let first = cycle.iter().min().copied().unwrap_or(0);
            let Some(head) = syms.steps.get(first) else {
                return;
            };
            let mut diag = Diag::new(Message::ScheduleCycle { steps: names }, head.node.name.span);
            for i in cycle.iter().filter(|i| **i != first) {
                if let Some(s) = syms.steps.get(*i) {
                    diag = diag.with_label(s.node.name.span, LabelText::InCycle);
                }
            }
            diags.push(diag);
        });
    }
    diags
}

pub(super) fn visit(
    node: usize,
    prereqs: &[Vec<usize>],
    state: &mut [u8],
    path: &mut Vec<usize>,
    found: &mut dyn FnMut(&[usize]),
) {
    match state.get(node) {
        Some(0) => {}
        Some(1) => {
            if let Some(pos) = path.iter().position(|p| *p == node) {
                found(path.get(pos..).unwrap_or(&[]));
            }
            return;
        }
        _ => return,
    }
    if let Some(s) = state.get_mut(node) {
        *s = 1;
    }
    path.push(node);
    for next in prereqs.get(node).cloned().unwrap_or_default() {
        visit(next, prereqs, state, path, found);
    }
    path.pop();
    if let Some(s) = state.get_mut(node) {
        *s = 2;
    }
}
