//! Rulings as JSON (schema: docs/rulings.md). Decimals are strings (§7.30);
//! `units` are in ranking order, `events` in input order.
//!
//! The document is one serde pass over borrowed views: `units` is a lazy
//! sequence that explains each unit only when it is written, so the output
//! streams at any size and nothing is held but the unit being written.

use std::cell::RefCell;
use std::fmt;
use std::io::Write;

use rust_decimal::Decimal;
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use super::{Context, WriteError};
use crate::ast::Direction;
use crate::diag::Diag;
use crate::eval::decide::{Grade, Selection};
use crate::eval::explain::{Capped, EventLine, EventStatus};
use crate::eval::truth::Truth;
use crate::eval::{Reason, UnitRuling};
use crate::ir::ClauseId;

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let failure = RefCell::new(None);
    let doc = Doc {
        ctx,
        failure: &failure,
    };
    let mut chunks = Chunked {
        buf: Vec::with_capacity(CHUNK * 2),
        out,
    };
    let written = serde_json::to_writer_pretty(&mut chunks, &doc);
    if let Some(diags) = failure.into_inner() {
        return Err(WriteError::Data(diags));
    }
    written.map_err(|e| WriteError::Io(e.into()))?;
    chunks.buf.push(b'\n');
    chunks.flush()?;
    Ok(())
}

const CHUNK: usize = 1 << 16;

/// Collects serde's many small writes in memory and passes them on in large
/// chunks (a call through `dyn Write` per punctuation mark is the slow part).
struct Chunked<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
}

impl Write for Chunked<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

/// A decimal as rulings write it: a string without trailing zeros.
struct Dec(Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&DecText(self.0))
    }
}

struct DecText(Decimal);

impl fmt::Display for DecText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.normalize();
        if n.is_zero() {
            f.write_str("0")
        } else {
            write!(f, "{n}")
        }
    }
}

/// Pairs written as a JSON object, in their order.
struct Pairs<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

struct Doc<'c, 'r, 'a> {
    ctx: &'c Context<'r, 'a>,
    failure: &'c RefCell<Option<Vec<Diag>>>,
}

#[derive(Serialize)]
struct PolicyOut<'p> {
    title: &'p str,
    year: i32,
    sha256: &'p str,
}

#[derive(Serialize)]
struct AssumptionOut<'p> {
    clause: Option<&'p str>,
    statement: &'p str,
    text: &'p str,
}

impl Serialize for Doc<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ctx = self.ctx;
        let p = ctx.p;
        let assumptions: Vec<AssumptionOut<'_>> = p
            .assumptions
            .iter()
            .filter_map(|c| {
                let cl = p.clause(*c);
                Some(AssumptionOut {
                    clause: cl.citation.as_deref(),
                    statement: &cl.text,
                    text: cl.assumption.as_deref()?,
                })
            })
            .collect();
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry(
            "policy",
            &PolicyOut {
                title: &p.title,
                year: p.year,
                sha256: &ctx.run.policy_sha256,
            },
        )?;
        m.serialize_entry("data_sha256", &ctx.run.data_sha256)?;
        m.serialize_entry("assumptions", &assumptions)?;
        if !p.payouts.is_empty() {
            m.serialize_entry("payouts", &payout_totals(ctx))?;
        }
        m.serialize_entry(
            "units",
            &Units {
                ctx,
                failure: self.failure,
            },
        )?;
        m.end()
    }
}

struct Units<'c, 'r, 'a> {
    ctx: &'c Context<'r, 'a>,
    failure: &'c RefCell<Option<Vec<Diag>>>,
}

impl Serialize for Units<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for u in self.ctx.units() {
            let ruling = match self.ctx.ruling(u) {
                Ok(r) => r,
                Err(WriteError::Data(d)) => {
                    self.failure.replace(Some(d));
                    return Err(S::Error::custom("unit data could not be read again"));
                }
                Err(WriteError::Io(e)) => return Err(S::Error::custom(e)),
            };
            seq.serialize_element(&unit(self.ctx, &ruling))?;
        }
        seq.end()
    }
}

fn clause<'p>(ctx: &'p Context<'_, '_>, c: ClauseId) -> Option<&'p str> {
    ctx.citation(c)
}

#[derive(Serialize)]
struct UnitOut<'p> {
    unit: &'p str,
    group: Option<&'p str>,
    base: Dec,
    bonus: Dec,
    deduction: Dec,
    total: Dec,
    rank: Option<u32>,
    vetoed: bool,
    grade: Option<&'p str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    grade_pending: bool,
    awards: Pairs<&'p str, AwardOut<'p>>,
    outcomes: Pairs<&'p str, SelectedOut>,
    items: Vec<ItemOut<'p>>,
    events: Vec<EventOut<'p>>,
    caps: Vec<CapOut<'p>>,
    vetoes: Vec<VetoOut<'p>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    payouts: Vec<PayoutOut<'p>>,
}

/// A `兑现` line due to a unit, or (with `units`) its total over all units.
#[derive(Serialize)]
struct PayoutOut<'p> {
    #[serde(rename = "for")]
    target: &'p str,
    amount: &'p str,
    value: Dec,
    measure: Option<&'p str>,
    shares: Vec<ShareOut<'p>>,
    /// For one unit: `true`, or `"pending"` (counted in no total).
    #[serde(skip_serializing_if = "Option::is_none")]
    paid: Option<SelectedOut>,
    /// For the totals: units paid, their sum, units pending.
    #[serde(skip_serializing_if = "Option::is_none")]
    units: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<Dec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pending: Option<usize>,
    clause: Option<&'p str>,
}

#[derive(Serialize)]
struct ShareOut<'p> {
    to: &'p str,
    value: Dec,
}

#[derive(Serialize)]
struct PayoutTotalsOut<'p> {
    lines: Vec<PayoutOut<'p>>,
    amounts: Vec<AmountOut<'p>>,
}

#[derive(Serialize)]
struct AmountOut<'p> {
    amount: &'p str,
    measure: Option<&'p str>,
    total: Dec,
}

fn payout_line<'p>(ctx: &'p Context<'_, '_>, line: usize) -> Option<PayoutOut<'p>> {
    let p = ctx.p;
    let x = p.payouts.get(line)?;
    let target = match x.target {
        crate::ir::PayoutFor::Outcome(o) => &p[o].name,
        crate::ir::PayoutFor::Tier(t) => &p[t].name,
        crate::ir::PayoutFor::Award(a) => &p[a].name,
    };
    Some(PayoutOut {
        target,
        amount: &x.amount,
        value: Dec(x.value),
        measure: x.measure.as_deref(),
        shares: x
            .shares
            .iter()
            .map(|(to, v)| ShareOut { to, value: Dec(*v) })
            .collect(),
        paid: None,
        units: None,
        total: None,
        pending: None,
        clause: clause(ctx, x.clause),
    })
}

fn payout_totals<'p>(ctx: &'p Context<'_, '_>) -> PayoutTotalsOut<'p> {
    let t = &ctx.eval.payouts;
    PayoutTotalsOut {
        lines: t
            .lines
            .iter()
            .enumerate()
            .filter_map(|(i, total)| {
                let mut out = payout_line(ctx, i)?;
                out.units = Some(total.paid);
                out.total = Some(Dec(total.sum));
                out.pending = Some(total.pending);
                Some(out)
            })
            .collect(),
        amounts: t
            .amounts
            .iter()
            .map(|a| AmountOut {
                amount: &a.amount,
                measure: a.measure.as_deref(),
                total: Dec(a.sum),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct AwardOut<'p> {
    eligible: SelectedOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    selected: Option<SelectedOut>,
    reasons: Vec<ReasonOut<'p>>,
}

/// `true`, `false`, or `"pending"` (a tie at a quota's boundary, or a
/// decision that reads one, §7.31).
#[derive(Serialize)]
#[serde(untagged)]
enum SelectedOut {
    Decided(bool),
    Pending(&'static str),
}

impl From<Truth> for SelectedOut {
    fn from(t: Truth) -> Self {
        match t {
            Truth::Pending => SelectedOut::Pending("pending"),
            t => SelectedOut::Decided(t.is_yes()),
        }
    }
}

#[derive(Serialize)]
struct ReasonOut<'p> {
    reason: String,
    clause: Option<&'p str>,
    assumption: Option<&'p str>,
}

#[derive(Serialize)]
struct ItemOut<'p> {
    item: &'p str,
    parent: Option<&'p str>,
    max: Dec,
    score: Option<Dec>,
    scale: Option<Dec>,
    contribution: Dec,
    cleared: bool,
    cleared_by: Option<Option<&'p str>>,
    clause: Option<&'p str>,
    /// Who scored the item for this unit (the data's `scored_by`, else the
    /// policy's `评分`); left out when neither names anyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    scored_by: Option<&'p str>,
}

#[derive(Serialize)]
struct EventOut<'p> {
    index: usize,
    kind: Option<&'p str>,
    attributes: Pairs<String, String>,
    /// `null` for a yearly status given without a date.
    date: Option<String>,
    doc: Option<&'p str>,
    /// The data's `title` and `id`, when it gave them (§5: carried into the
    /// rulings); left out otherwise, so that data without them reads as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'p str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'p str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    proposed_by: Option<&'p str>,
    counted: bool,
    /// `同一 … 只计 最高` dropped its points for this event (its `index`).
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<usize>,
    effect: Option<&'static str>,
    points: Option<Dec>,
    base_points: Option<Dec>,
    modifiers: Vec<&'p str>,
    rule: Option<&'p str>,
    cleared_item: Option<&'p str>,
    clause: Option<&'p str>,
    reason_code: Option<&'static str>,
    reason: Option<String>,
}

#[derive(Serialize)]
struct CapOut<'p> {
    capped: &'static str,
    statement: Option<&'p str>,
    clause: Option<&'p str>,
    from: Dec,
    to: Dec,
}

#[derive(Serialize)]
struct VetoOut<'p> {
    statement: &'p str,
    clause: Option<&'p str>,
}

fn unit<'p>(ctx: &'p Context<'_, '_>, r: &'p UnitRuling<'_>) -> UnitOut<'p> {
    let p = ctx.p;
    let e = ctx.eval;
    let row = e.table.rows.get(r.unit);
    let res = row.map(|x| &x.result);
    let tier = |t: crate::ir::TierId| Some(p[t].name.as_str());
    let (grade, grade_pending) = match e.decisions.grade(r.unit) {
        Grade::None => (None, false),
        Grade::Tier(t) => (tier(t), false),
        Grade::Pending(t) => (tier(t), true),
    };
    let zero = Decimal::ZERO;
    UnitOut {
        unit: row.map_or("", |x| x.name.as_ref()),
        group: row.map(|x| &p[x.group]).map(|g| g.name.as_str()),
        base: Dec(res.map_or(zero, |x| x.base)),
        bonus: Dec(res.map_or(zero, |x| x.bonus)),
        deduction: Dec(res.map_or(zero, |x| x.deduction)),
        total: Dec(res.map_or(zero, |x| x.total)),
        rank: e.ranks.rank.get(r.unit).copied().flatten(),
        vetoed: res.is_some_and(|x| x.vetoed),
        grade,
        grade_pending,
        awards: awards(ctx, r),
        outcomes: Pairs(
            r.outcomes
                .iter()
                .map(|(o, f)| (p[*o].name.as_str(), SelectedOut::from(*f)))
                .collect(),
        ),
        items: items(ctx, r),
        events: r
            .explanation
            .events
            .iter()
            .map(|l| event(ctx, r, l))
            .collect(),
        caps: r
            .explanation
            .caps
            .iter()
            .map(|c| {
                let (what, cl) = match c.what {
                    Capped::Rule(id) => ("rule", p[id].clause),
                    Capped::Section(id) => ("section", p[id].clause),
                };
                CapOut {
                    capped: what,
                    statement: Some(p.clause(cl).text.as_str()),
                    clause: clause(ctx, cl),
                    from: Dec(c.from),
                    to: Dec(c.to),
                }
            })
            .collect(),
        vetoes: r
            .explanation
            .vetoes
            .iter()
            .map(|id| &p[*id])
            .map(|x| VetoOut {
                statement: &p.clause(x.clause).text,
                clause: clause(ctx, x.clause),
            })
            .collect(),
        payouts: r
            .payouts
            .iter()
            .filter_map(|due| {
                let mut out = payout_line(ctx, due.line)?;
                out.paid = Some(due.state.into());
                Some(out)
            })
            .collect(),
    }
}

fn awards<'p>(ctx: &'p Context<'_, '_>, r: &'p UnitRuling<'_>) -> Pairs<&'p str, AwardOut<'p>> {
    let p = ctx.p;
    Pairs(
        r.awards
            .iter()
            .map(|a| {
                let award = &p[a.award];
                let selected = award.has_quota().then_some(match a.selection {
                    Selection::Selected => SelectedOut::Decided(true),
                    Selection::Pending => SelectedOut::Pending("pending"),
                    _ => SelectedOut::Decided(false),
                });
                let reasons = a
                    .reasons
                    .iter()
                    .map(|reason| {
                        let cl = match reason {
                            Reason::Excluded(_, c) | Reason::Undecided(_, c) => Some(*c),
                            Reason::Vetoed => None,
                        };
                        ReasonOut {
                            reason: ctx.reason_text(reason),
                            clause: cl.and_then(|c| clause(ctx, c)),
                            assumption: cl.and_then(|c| p.clause(c).assumption.as_deref()),
                        }
                    })
                    .collect();
                let out = AwardOut {
                    eligible: a.eligible.into(),
                    selected,
                    reasons,
                };
                (award.name.as_str(), out)
            })
            .collect(),
    )
}

fn items<'p>(ctx: &'p Context<'_, '_>, r: &'p UnitRuling<'_>) -> Vec<ItemOut<'p>> {
    let p = ctx.p;
    r.explanation
        .items
        .iter()
        .map(|line| {
            let item = &p[line.item];
            let cleared_by = line
                .cleared_by
                .map(|f| &p[f])
                .map(|f| clause(ctx, f.clause));
            ItemOut {
                item: &item.name,
                parent: item.parent.map(|x| &p[x]).map(|x| x.name.as_str()),
                max: Dec(item.max),
                score: line.value.map(Dec),
                scale: item.scale.map(Dec),
                contribution: Dec(line.contribution),
                cleared: cleared_by.is_some(),
                cleared_by,
                clause: clause(ctx, item.clause),
                scored_by: super::view::scorer(item, r),
            }
        })
        .collect()
}

fn event<'p>(ctx: &'p Context<'_, '_>, r: &'p UnitRuling<'_>, l: &EventLine) -> EventOut<'p> {
    let p = ctx.p;
    let w = crate::i18n::words::words(ctx.lang);
    let ev = r.input.events.get(l.index);
    let rule = l.rule.map(|id| &p[id]);
    let effect = match (&l.status, rule) {
        (EventStatus::Counted, Some(x)) if x.direction == Direction::Bonus => Some("bonus"),
        (EventStatus::Counted, Some(_)) => Some("deduction"),
        (EventStatus::Counted, None) if l.veto.is_some() => Some("veto"),
        (EventStatus::Counted, None) if l.finding.is_some() => Some("finding"),
        (EventStatus::Counted, None) => Some("condition"),
        _ => None,
    };
    let (code, reason) = match &l.status {
        EventStatus::Counted => (None, None),
        EventStatus::OutsideWindow => (
            Some("outside_window"),
            Some(format!(
                "{} {} {} {}",
                w.outside_window, p.window.0, w.to, p.window.1
            )),
        ),
        EventStatus::CreditedIn(y) => (
            Some("credited_in"),
            Some(format!("{} {y}{}", w.credited_in, w.credited_after)),
        ),
        EventStatus::NoRule => (Some("no_rule"), Some(w.no_rule.to_string())),
        EventStatus::NotForUnit(r) => (
            Some("not_for_unit"),
            Some(super::view::not_for_unit(ctx, *r)),
        ),
        EventStatus::StatusRepeated { first } => (
            Some("status_repeated"),
            Some(super::view::status_repeated(ctx, *first)),
        ),
        EventStatus::Duplicate { of, section } => (
            Some("duplicate"),
            p[*section]
                .dedup
                .as_ref()
                .map(|d| super::view::duplicate(ctx, *of, &d.key)),
        ),
    };
    let cl = rule
        .map(|x| x.clause)
        .or_else(|| l.veto.map(|v| &p[v]).map(|v| v.clause))
        .or_else(|| l.finding.map(|f| &p[f]).map(|f| f.clause))
        .or(match &l.status {
            EventStatus::OutsideWindow => Some(p.window_clause),
            EventStatus::CreditedIn(y) => {
                p.skip_years.iter().find(|(s, _)| s == y).map(|(_, c)| *c)
            }
            EventStatus::NotForUnit(r) => Some(p[*r].clause),
            EventStatus::Duplicate { section, .. } => p[*section].dedup.as_ref().map(|d| d.clause),
            _ => None,
        });
    EventOut {
        index: l.index,
        kind: ev.map(|e| &p[e.kind]).map(|k| k.name.as_str()),
        attributes: Pairs(ctx.attributes(r, l.index)),
        date: ev.and_then(|e| e.dated.then(|| e.date.to_string())),
        doc: ev.and_then(|e| e.doc.as_deref()),
        title: ev.and_then(|e| e.title.as_deref()),
        id: ev.and_then(|e| e.id.as_deref()),
        proposed_by: ev.and_then(|e| e.proposed_by.as_deref()),
        duplicate_of: l.duplicate_of.map(|(of, _)| of),
        counted: l.status.counted(),
        effect,
        points: l.amount.map(Dec),
        base_points: l.base.map(Dec),
        modifiers: l
            .modifiers
            .iter()
            .map(|m| &p[*m])
            .map(|m| p.clause(m.clause).text.as_str())
            .collect(),
        rule: rule.map(|x| p.clause(x.clause).text.as_str()),
        cleared_item: l.cleared.map(|i| &p[i]).map(|i| i.name.as_str()),
        clause: cl.and_then(|c| clause(ctx, c)),
        reason_code: code,
        reason,
    }
}
