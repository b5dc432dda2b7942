//! kaohe's evaluation brought to the compared form ([`Verdicts`]): the
//! table's results, ranks and decisions, and each unit's explanation (read
//! again from the data, as reports do) for its items, events and caps.
//! Decimals become exact rationals from their mantissa and scale.

use kaohe::data::source::DataSource;
use kaohe::eval::Evaluation;
use kaohe::eval::decide::{Grade as KGrade, Selection as KSelection};
use kaohe::eval::explain::{Capped as KCapped, EventStatus};
use kaohe::ir::{AwardId, OutcomeId, Program};

use kaohe::eval::truth::Truth;

use super::decide::{Grade, Selection};
use super::exact::{Q, of_decimal};
use super::unit::Capped;
use super::verdict::{EventVerdict, NotCounted, Ruled, UnitVerdict, Verdicts};

pub fn verdicts(p: &Program, e: &Evaluation<'_>, json: &str) -> Verdicts {
    let source = DataSource::Json(json);
    let mut out = Verdicts::new();
    for (u, row) in e.table.rows.iter().enumerate() {
        let r = &row.result;
        let ruling = e
            .ruling(p, &source, u)
            .expect("kaohe explains a unit it evaluated");
        let x = &ruling.explanation;
        let events = x
            .events
            .iter()
            .map(|line| EventVerdict {
                not_counted: match line.status {
                    EventStatus::OutsideWindow => vec![NotCounted::OutsideWindow],
                    EventStatus::CreditedIn(y) => vec![NotCounted::CreditedIn(i64::from(y))],
                    EventStatus::Duplicate { of, .. } => vec![NotCounted::Duplicate(of)],
                    EventStatus::StatusRepeated { first } => {
                        vec![NotCounted::StatusRepeated(first)]
                    }
                    EventStatus::Counted | EventStatus::NoRule | EventStatus::NotForUnit(_) => {
                        vec![]
                    }
                },
                used: line.status == EventStatus::Counted,
                rule: line.rule.map(|r| r.index()),
                base: line.base.as_ref().map(of_decimal),
                amount: line.amount.as_ref().map(of_decimal),
                modifiers: line.modifiers.iter().map(|m| m.index()).collect(),
                veto: line.veto.map(|v| v.index()),
                finding: line.finding.map(|f| f.index()),
                cleared: line.cleared.map(|i| p.items[i.index()].name.clone()),
            })
            .collect();
        let mut caps: Vec<_> = x
            .caps
            .iter()
            .map(|c| {
                let what = match c.what {
                    KCapped::Rule(r) => Capped::Rule(r.index()),
                    KCapped::Section(s) => Capped::Section(s.index()),
                };
                (what, of_decimal(&c.from), of_decimal(&c.to))
            })
            .collect();
        caps.sort();
        let mut findings: Vec<usize> = r.findings.iter().map(|f| f.index()).collect();
        findings.sort_unstable();
        let place = e.ranks.rank[u].map(|rank| (rank, e.ranks.after[u]));
        let awards = p
            .awards
            .iter()
            .enumerate()
            .map(|(a, award)| {
                let id = AwardId::from_index(a);
                let selection = match e.decisions.selection(u, id) {
                    KSelection::NoQuota => Ruled::Settled(Selection::NoQuota),
                    KSelection::Selected => Ruled::Settled(Selection::Selected),
                    KSelection::NotSelected => Ruled::Settled(Selection::NotSelected),
                    KSelection::Pending => Ruled::Pending(None),
                };
                (
                    award.name.clone(),
                    ruled(e.decisions.eligible(u, id)),
                    selection,
                )
            })
            .collect();
        let outcomes = p
            .outcomes
            .iter()
            .enumerate()
            .map(|(o, outcome)| {
                (
                    outcome.name.clone(),
                    ruled(e.decisions.outcome(u, OutcomeId::from_index(o))),
                )
            })
            .collect();
        let grade = match e.decisions.grade(u) {
            KGrade::None => Ruled::Settled(Grade::None),
            KGrade::Tier(t) => Ruled::Settled(Grade::Tier(p.tiers[t.index()].name.clone())),
            KGrade::Pending(t) => {
                Ruled::Pending(Some(Grade::Pending(p.tiers[t.index()].name.clone())))
            }
        };
        // Every line: paid, pending, or not due (absent from the ruling).
        let payouts = (0..p.payouts.len())
            .map(
                |line| match ruling.payouts.iter().find(|d| d.line == line) {
                    None => Ruled::Settled(false),
                    Some(d) if d.state == Truth::Pending => Ruled::Pending(None),
                    Some(d) => {
                        assert_eq!(d.state, Truth::Yes, "a due listed as not due");
                        Ruled::Settled(true)
                    }
                },
            )
            .collect();
        let verdict = UnitVerdict {
            group: p.groups[row.group.index()].name.clone(),
            items: x
                .items
                .iter()
                .map(|l| {
                    (
                        p.items[l.item.index()].name.clone(),
                        of_decimal(&l.contribution),
                    )
                })
                .collect(),
            base: of_decimal(&r.base),
            bonus: of_decimal(&r.bonus),
            deduction: of_decimal(&r.deduction),
            total: of_decimal(&r.total),
            vetoed: r.vetoed,
            any_bonus: r.has_bonus,
            any_deduct: r.has_deduct,
            findings,
            place,
            awards,
            outcomes,
            grade,
            payouts,
            events,
            caps,
        };
        out.insert(row.name.to_string(), verdict);
    }
    out
}

/// A decision, yes, no or pending.
fn ruled(t: Truth) -> Ruled<bool> {
    match t {
        Truth::Yes => Ruled::Settled(true),
        Truth::No => Ruled::Settled(false),
        Truth::Pending => Ruled::Pending(None),
    }
}

/// kaohe's payout totals by amount: (name, measure, sum).
pub fn payout_totals(e: &Evaluation<'_>) -> Vec<(String, Option<String>, Q)> {
    e.payouts
        .amounts
        .iter()
        .map(|a| (a.amount.clone(), a.measure.clone(), of_decimal(&a.sum)))
        .collect()
}
