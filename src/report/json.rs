//! Rulings as JSON (schema: docs/rulings.md). Decimals are strings (§7.30);
//! `units` are in ranking order, `events` in input order. The document is
//! written unit by unit, so it streams at any size.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::{Context, WriteError, dec};
use crate::ast::Direction;
use crate::eval::UnitRuling;
use crate::eval::decide::{Grade, Selection};
use crate::eval::explain::{Capped, EventLine, EventStatus};
use crate::ir::ClauseId;

fn clause(ctx: &Context<'_, '_>, c: ClauseId) -> Value {
    ctx.citation(c)
        .map_or(Value::Null, |t| Value::String(t.to_string()))
}

pub fn write(ctx: &Context<'_, '_>, out: &mut dyn Write) -> Result<(), WriteError> {
    let p = ctx.p;
    let assumptions: Vec<Value> = p
        .assumptions
        .iter()
        .filter_map(|c| {
            let cl = p.clause(*c);
            Some(json!({"clause": cl.citation, "statement": cl.text, "text": cl.assumption.as_ref()?}))
        })
        .collect();
    let head = json!({
        "policy": {"title": p.title, "year": p.year, "sha256": ctx.run.policy_sha256},
        "data_sha256": ctx.run.data_sha256,
        "assumptions": assumptions,
    });
    let mut text = serde_json::to_string_pretty(&head).unwrap_or_default();
    // Reopen the object to stream the units into it.
    text.truncate(text.trim_end().len().saturating_sub(1));
    let mut first = true;
    out.write_all(text.trim_end().as_bytes())?;
    out.write_all(b",\n  \"units\": [")?;
    for u in ctx.units() {
        let ruling = ctx.ruling(u)?;
        let value = unit(ctx, &ruling);
        let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        let indented: Vec<String> = pretty.lines().map(|l| format!("    {l}")).collect();
        out.write_all(indented.join("\n").as_bytes())?;
    }
    out.write_all(if first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
    Ok(())
}

fn unit(ctx: &Context<'_, '_>, r: &UnitRuling<'_>) -> Value {
    let p = ctx.p;
    let e = ctx.eval;
    let Some(row) = e.table.rows.get(r.unit) else {
        return Value::Null;
    };
    let res = &row.result;
    let mut v = Map::new();
    v.insert("unit".into(), json!(row.name));
    v.insert(
        "group".into(),
        json!(p.group(row.group).map(|g| g.name.clone())),
    );
    v.insert("base".into(), json!(dec(res.base)));
    v.insert("bonus".into(), json!(dec(res.bonus)));
    v.insert("deduction".into(), json!(dec(res.deduction)));
    v.insert("total".into(), json!(dec(res.total)));
    v.insert(
        "rank".into(),
        json!(e.ranks.rank.get(r.unit).copied().flatten()),
    );
    v.insert("vetoed".into(), json!(res.vetoed));
    let tier = |t: crate::ir::TierId| p.tiers.get(t.index()).map(|x| x.name.clone());
    let (grade, pending) = match e.decisions.grade(r.unit) {
        Grade::None => (None, false),
        Grade::Tier(t) => (tier(t), false),
        Grade::Pending(t) => (tier(t), true),
    };
    v.insert("grade".into(), json!(grade));
    if pending {
        v.insert("grade_pending".into(), json!(true));
    }
    v.insert("awards".into(), awards(ctx, r));
    let outcomes: Map<String, Value> = r
        .outcomes
        .iter()
        .filter_map(|(o, f)| Some((p.outcomes.get(o.index())?.name.clone(), json!(f))))
        .collect();
    v.insert("outcomes".into(), Value::Object(outcomes));
    v.insert("items".into(), items(ctx, r));
    let events: Vec<Value> = r
        .explanation
        .events
        .iter()
        .map(|l| event(ctx, r, l))
        .collect();
    v.insert("events".into(), Value::Array(events));
    let caps: Vec<Value> = r
        .explanation
        .caps
        .iter()
        .map(|c| {
            let (what, cl) = match c.what {
                Capped::Rule(id) => ("rule", p.rule(id).map(|x| x.clause)),
                Capped::Section(id) => ("section", p.sections.get(id.index()).map(|x| x.clause)),
            };
            json!({
                "capped": what,
                "statement": cl.map(|c| p.clause(c).text.clone()),
                "clause": cl.map_or(Value::Null, |c| clause(ctx, c)),
                "from": dec(c.from),
                "to": dec(c.to),
            })
        })
        .collect();
    v.insert("caps".into(), Value::Array(caps));
    let vetoes: Vec<Value> = r
        .explanation
        .vetoes
        .iter()
        .filter_map(|id| p.vetoes.get(id.index()))
        .map(|x| json!({"statement": p.clause(x.clause).text, "clause": clause(ctx, x.clause)}))
        .collect();
    v.insert("vetoes".into(), Value::Array(vetoes));
    Value::Object(v)
}

fn awards(ctx: &Context<'_, '_>, r: &UnitRuling<'_>) -> Value {
    let p = ctx.p;
    let mut m = Map::new();
    for a in &r.awards {
        let Some(award) = p.awards.get(a.award.index()) else {
            continue;
        };
        let mut entry = Map::new();
        entry.insert("eligible".into(), json!(a.eligible));
        if award.quota.is_some() {
            let s = match a.selection {
                Selection::Selected => json!(true),
                Selection::Pending => json!("pending"),
                _ => json!(false),
            };
            entry.insert("selected".into(), s);
        }
        let reasons: Vec<Value> = a
            .reasons
            .iter()
            .map(|reason| {
                let cl = match reason {
                    crate::eval::Reason::Excluded(_, c) => Some(*c),
                    crate::eval::Reason::Vetoed => None,
                };
                json!({
                    "reason": ctx.reason_text(reason),
                    "clause": cl.map_or(Value::Null, |c| clause(ctx, c)),
                    "assumption": cl.and_then(|c| p.clause(c).assumption.clone()),
                })
            })
            .collect();
        entry.insert("reasons".into(), Value::Array(reasons));
        m.insert(award.name.clone(), Value::Object(entry));
    }
    Value::Object(m)
}

fn items(ctx: &Context<'_, '_>, r: &UnitRuling<'_>) -> Value {
    let p = ctx.p;
    let list: Vec<Value> = r
        .explanation
        .items
        .iter()
        .filter_map(|line| {
            let item = p.item(line.item)?;
            let parent = item.parent.and_then(|x| p.item(x)).map(|x| x.name.clone());
            let cleared = line
                .cleared_by
                .and_then(|f| p.findings.get(f.index()))
                .map(|f| clause(ctx, f.clause));
            Some(json!({
                "item": item.name,
                "parent": parent,
                "max": dec(item.max),
                "score": line.value.map(dec),
                "scale": item.scale.map(dec),
                "contribution": dec(line.contribution),
                "cleared": cleared.is_some(),
                "cleared_by": cleared,
                "clause": clause(ctx, item.clause),
            }))
        })
        .collect();
    Value::Array(list)
}

fn event(ctx: &Context<'_, '_>, r: &UnitRuling<'_>, l: &EventLine) -> Value {
    let p = ctx.p;
    let w = super::words::words(ctx.lang);
    let Some(ev) = r.input.events.get(l.index) else {
        return Value::Null;
    };
    let attrs: Map<String, Value> = ctx
        .attributes(r, l.index)
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    let rule = l.rule.and_then(|id| p.rule(id));
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
    };
    let cl = rule
        .map(|x| x.clause)
        .or_else(|| {
            l.veto
                .and_then(|v| p.vetoes.get(v.index()))
                .map(|v| v.clause)
        })
        .or_else(|| {
            l.finding
                .and_then(|f| p.findings.get(f.index()))
                .map(|f| f.clause)
        })
        .or(match &l.status {
            EventStatus::OutsideWindow => Some(p.window_clause),
            EventStatus::CreditedIn(y) => {
                p.skip_years.iter().find(|(s, _)| s == y).map(|(_, c)| *c)
            }
            _ => None,
        });
    json!({
        "index": l.index,
        "kind": p.kind(ev.kind).map(|k| k.name.clone()),
        "attributes": attrs,
        "date": ev.date.to_string(),
        "doc": ev.doc,
        "counted": l.status.counted(),
        "effect": effect,
        "points": l.amount.map(dec),
        "base_points": l.base.map(dec),
        "modifiers": l.modifiers.iter().filter_map(|m| p.rule(*m)).map(|m| p.clause(m.clause).text.clone()).collect::<Vec<_>>(),
        "rule": rule.map(|x| p.clause(x.clause).text.clone()),
        "cleared_item": l.cleared.and_then(|i| p.item(i)).map(|i| i.name.clone()),
        "clause": cl.map_or(Value::Null, |c| clause(ctx, c)),
        "reason_code": code,
        "reason": reason,
    })
}
