//! The order decisions are made in (§7.31): an outcome may read an award or
//! the grade (`获得 先进`, `等次 是 优秀`), an award may exclude by an
//! outcome, a grade tier or another award, a tier may read an award. Each is
//! decided after what it reads; a cycle leaves no order and is KH209.

use super::schedule::visit;
use crate::ast::{AwardClause, Cond, CondNode, Exclusion, Name};
use crate::diag::{Diag, LabelText, Message, Sort};
use crate::resolve::Symbols;
use crate::source::Span;

/// A decision: an award, an outcome, or the grading (all tiers at once).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Node {
    Award(usize),
    Outcome(usize),
    Grades,
}

pub(super) fn check(syms: &Symbols<'_>) -> Vec<Diag> {
    let awards = syms.awards.len();
    let outcomes = syms.outcomes.len();
    let index = |n: Node| match n {
        Node::Award(i) => i,
        Node::Outcome(i) => awards + i,
        Node::Grades => awards + outcomes,
    };
    let n = awards + outcomes + 1;
    // For each decision, in node order, its name and what it reads, and where.
    let mut reads: Vec<Vec<(usize, Span)>> = Vec::with_capacity(n);
    let mut names: Vec<(Option<String>, Span)> = Vec::with_capacity(n);
    for a in &syms.awards {
        names.push((Some(a.node.name.text.clone()), *a.node.name.span));
        let mut r = Vec::new();
        for clause in &a.node.clauses {
            if let AwardClause::Exclude(Exclusion::Name(name)) = &clause.node
                && let Some(read) = decision(syms, name)
            {
                r.push((index(read), *name.span));
            }
        }
        reads.push(r);
    }
    for o in &syms.outcomes {
        names.push((Some(o.node.name.text.clone()), *o.node.name.span));
        let mut r = Vec::new();
        cond_reads(syms, &o.node.when, &mut |read, span| {
            r.push((index(read), span))
        });
        reads.push(r);
    }
    let first = syms.tiers.first().map(|t| *t.node.name.span);
    names.push((None, first.unwrap_or_default()));
    let mut r = Vec::new();
    for t in &syms.tiers {
        if let Some(c) = &t.node.when {
            cond_reads(syms, c, &mut |read, span| r.push((index(read), span)));
        }
    }
    reads.push(r);
    let edges: Vec<Vec<usize>> = reads
        .iter()
        .map(|r| r.iter().map(|(to, _)| *to).collect())
        .collect();
    let mut state = vec![0u8; n];
    let mut diags = Vec::new();
    for root in 0..n {
        let mut path = Vec::new();
        visit(root, &edges, &mut state, &mut path, &mut |cycle| {
            diags.push(report(cycle, &names, &reads));
        });
    }
    diags
}

/// KH209 at the reference that starts the cycle, the others labelled.
fn report(cycle: &[usize], names: &[(Option<String>, Span)], reads: &[Vec<(usize, Span)>]) -> Diag {
    let chain: Vec<Option<String>> = cycle
        .iter()
        .chain(cycle.first())
        .filter_map(|i| names.get(*i))
        .map(|(n, _)| n.clone())
        .collect();
    // Where each decision of the cycle reads the next.
    let spans: Vec<Span> = cycle
        .iter()
        .enumerate()
        .filter_map(|(k, from)| {
            let to = cycle.get(k + 1).or(cycle.first())?;
            reads
                .get(*from)?
                .iter()
                .find(|(t, _)| t == to)
                .map(|(_, s)| *s)
        })
        .collect();
    let primary = spans.first().copied().unwrap_or_default();
    let mut diag = Diag::new(Message::DecisionCycle { chain }, primary);
    for s in spans.iter().skip(1) {
        diag = diag.with_label(*s, LabelText::InCycle);
    }
    diag
}

/// The decision a name in `不含 NAME` stands for, if it is one.
fn decision(syms: &Symbols<'_>, name: &Name) -> Option<Node> {
    let sym = syms.names.get(name.text.as_str())?;
    match sym.sort {
        Sort::Award => Some(Node::Award(sym.index)),
        Sort::Outcome => Some(Node::Outcome(sym.index)),
        Sort::Tier => Some(Node::Grades),
        _ => None,
    }
}

/// The decisions a condition reads, with where.
fn cond_reads(syms: &Symbols<'_>, c: &Cond, f: &mut dyn FnMut(Node, Span)) {
    match &c.node {
        CondNode::Or(list) | CondNode::And(list) => {
            for x in list {
                cond_reads(syms, x, f);
            }
        }
        CondNode::Not(inner) => cond_reads(syms, inner, f),
        CondNode::Grade(_) => f(Node::Grades, *c.span),
        CondNode::Awarded(name) => {
            if let Some(read @ Node::Award(_)) = decision(syms, name) {
                f(read, *c.span);
            }
        }
        _ => {}
    }
}
