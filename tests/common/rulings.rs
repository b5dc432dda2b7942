//! Rulings in brief, one line per unit, for snapshots of the evaluate stage;
//! and a policy's `示例` units as data, evaluated as `kaohe test` evaluates them.

use kaohe::ast::{Decl, Example, Policy};
use kaohe::data::source::DataSource;
use kaohe::diag::Diag;
use kaohe::eval::decide::{Grade, Selection};
use kaohe::eval::truth::Truth;
use kaohe::eval::{Evaluation, Feed, Reason, evaluate};
use kaohe::ir::{Excl, Program};

/// The policy's examples, in source order.
pub fn examples(policy: &Policy) -> Vec<&Example> {
    policy
        .decls
        .iter()
        .filter_map(|d| match &d.node {
            Decl::Example(e) => Some(e),
            _ => None,
        })
        .collect()
}

/// An example's units as in-memory data, built as `kaohe test` builds them.
pub fn example_data(example: &Example, year: i32) -> DataSource<'static> {
    kaohe::examples::example_data(example, year)
}

/// Evaluates an example's units on their own (closed groups need not be complete).
pub fn evaluate_example<'a>(
    p: &Program,
    data: &'a DataSource<'static>,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    evaluate(p, Feed::new(data).partial())
}

/// Every unit of an evaluation on one line: total = base + bonus − deduction,
/// rank (or vetoed), grade, each award (with why a unit is excluded) and the
/// outcomes that hold. Parts the policy does not have are left out.
pub fn brief(p: &Program, e: &Evaluation<'_>, source: &DataSource<'_>) -> String {
    let mut out = String::new();
    for (u, row) in e.table.rows.iter().enumerate() {
        let r = &row.result;
        let mut parts = vec![format!(
            "total {} = {} + {} - {}",
            r.total.normalize(),
            r.base.normalize(),
            r.bonus.normalize(),
            r.deduction.normalize()
        )];
        parts.push(match e.ranks.rank[u] {
            Some(rank) => format!("rank {rank}"),
            None if r.vetoed => "vetoed, no rank".to_string(),
            None => "no rank".to_string(),
        });
        if r.vetoed && e.ranks.rank[u].is_some() {
            parts.push("vetoed".to_string());
        }
        if !p.tiers.is_empty() {
            parts.push(match e.decisions.grade(u) {
                Grade::Tier(t) => format!("grade {}", p.tiers[t.index()].name),
                Grade::Pending(t) => format!("grade {} pending", p.tiers[t.index()].name),
                Grade::None => "no grade".to_string(),
            });
        }
        let ruling = e.ruling(p, source, u).unwrap();
        for a in &ruling.awards {
            let name = &p.awards[a.award.index()].name;
            let why = || {
                let why: Vec<String> = a.reasons.iter().map(|x| reason(p, x)).collect();
                why.join(", ")
            };
            let state = match (a.eligible, a.selection) {
                (Truth::No, _) => format!("excluded ({})", why()),
                (Truth::Pending, _) => format!("eligibility pending ({})", why()),
                (Truth::Yes, Selection::NoQuota) => "eligible".to_string(),
                (Truth::Yes, Selection::Selected) => "selected".to_string(),
                (Truth::Yes, Selection::NotSelected) => "not selected".to_string(),
                (Truth::Yes, Selection::Pending) => "pending".to_string(),
            };
            parts.push(format!("{name} {state}"));
        }
        if !p.outcomes.is_empty() {
            let held: Vec<String> = ruling
                .outcomes
                .iter()
                .filter_map(|(o, holds)| {
                    let name = &p.outcomes[o.index()].name;
                    match holds {
                        Truth::Yes => Some(name.clone()),
                        Truth::Pending => Some(format!("{name}(pending)")),
                        Truth::No => None,
                    }
                })
                .collect();
            let held = if held.is_empty() {
                "-".to_string()
            } else {
                held.join(" ")
            };
            parts.push(format!("outcomes {held}"));
        }
        if !p.payouts.is_empty() {
            let due: Vec<String> = ruling
                .payouts
                .iter()
                .map(|d| {
                    let x = &p.payouts[d.line];
                    let pending = if d.state == Truth::Pending {
                        " pending"
                    } else {
                        ""
                    };
                    format!("{} {}{pending}", x.amount, x.value)
                })
                .collect();
            let due = if due.is_empty() {
                "-".to_string()
            } else {
                due.join(" + ")
            };
            parts.push(format!("payouts {due}"));
        }
        out.push_str(&format!("  {}: {}\n", row.name, parts.join(", ")));
    }
    out
}

fn reason(p: &Program, r: &Reason) -> String {
    match r {
        Reason::Vetoed => "vetoed".to_string(),
        Reason::Excluded(e, _) | Reason::Undecided(e, _) => match e {
            Excl::Unit(u) => format!("unit {}", p.units[u.index()].name),
            Excl::Group(g) => format!("group {}", p.groups[g.index()].name),
            Excl::Kind(f) => format!("any {}", p.kinds[p.facts[f.index()].kind.index()].name),
            Excl::Vetoed => "vetoed".to_string(),
            Excl::Outcome(o) => format!("outcome {}", p.outcomes[o.index()].name),
            Excl::Grade(t) => format!("grade {}", p.tiers[t.index()].name),
            Excl::Award(a) => format!("award {}", p.awards[a.index()].name),
            Excl::Bottom(n) => format!("bottom {n}"),
            Excl::Finding(f) => {
                let kind = p.findings[f.index()].kind;
                format!("finding on {}", p.kinds[kind.index()].name)
            }
        },
    }
}
