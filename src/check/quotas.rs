//! KH306: an award's places per group (`名额 县 6`). Once an award gives a
//! group its own places, each group it does not exclude needs them too —
//! leaving one out would have to mean either "no places" or "no limit", and
//! kaohe guesses neither — a group has one `名额` line at most, and a plain
//! `名额 N` beside them is refused (which of the two would bind?).

use crate::ast::{AwardClause, Exclusion, Stmt};
use crate::diag::{Diag, GroupQuotaProblem, Message, Sort};
use crate::resolve::Symbols;

pub fn check(symbols: &Symbols<'_>) -> Vec<Diag> {
    let mut out = Vec::new();
    for award in &symbols.awards {
        let clauses: &[Stmt<AwardClause>] = &award.node.clauses;
        let mut named: Vec<&str> = Vec::new();
        for c in clauses {
            if let AwardClause::GroupQuota { group, .. } = &c.node {
                if named.contains(&group.text.as_str()) {
                    let problem = GroupQuotaProblem::Twice {
                        group: group.text.clone(),
                    };
                    out.push(diag(award.node.name.text.clone(), problem, c.span.0));
                }
                named.push(&group.text);
            }
        }
        if named.is_empty() {
            continue;
        }
        for c in clauses {
            if let AwardClause::Quota(_) = &c.node {
                let problem = GroupQuotaProblem::WithTotal;
                out.push(diag(award.node.name.text.clone(), problem, c.span.0));
            }
        }
        let excluded = |g: &str| {
            clauses
                .iter()
                .any(|c| matches!(&c.node, AwardClause::Exclude(Exclusion::Name(n)) if n.text == g))
        };
        for g in &symbols.groups {
            let name = g.name();
            if symbols.index_of(name, Sort::Group).is_some()
                && !named.contains(&name)
                && !excluded(name)
            {
                let problem = GroupQuotaProblem::Missing {
                    group: name.to_string(),
                };
                out.push(diag(
                    award.node.name.text.clone(),
                    problem,
                    award.node.name.span.0,
                ));
            }
        }
    }
    out
}

fn diag(award: String, problem: GroupQuotaProblem, span: crate::source::Span) -> Diag {
    Diag::new(Message::GroupQuota { award, problem }, span)
}
