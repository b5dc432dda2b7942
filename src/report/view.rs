//! One unit's explanation as plain parts — text, numbers, clause citations —
//! for the document formats. HTML, Markdown and XLSX lay the same facts out
//! differently; the wording (the text report's, from `words.rs`) is decided
//! here once, so the formats cannot drift apart. Nothing here is escaped.

use rust_decimal::Decimal;

use super::{Context, dec};
use crate::ast::Direction;
use crate::eval::decide::Selection;
use crate::eval::explain::{Capped, EventLine, EventStatus};
use crate::eval::truth::Truth;
use crate::eval::{Reason, UnitRuling};
use crate::i18n::Kw;
use crate::i18n::words::{Words, words};
use crate::ir::{ClauseId, DedupBy, ItemIr, RuleAmount, RuleId};

/// A piece of explanation and the clause it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub text: String,
    /// The citation without brackets (`四(四)1(1)`).
    pub clause: Option<String>,
}

impl Cited {
    /// `扣分 5 【四(四)2(1)】`: the text, then the citation if there is one.
    pub fn plain(&self) -> String {
        match &self.clause {
            Some(c) => format!("{} 【{c}】", self.text),
            None => self.text.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ItemView {
    /// 0 for a top-level item.
    pub depth: usize,
    pub name: String,
    pub contribution: Decimal,
    pub max: Decimal,
    pub clause: Option<String>,
    /// The data's value when it is scaled or cleared: `数据 95（折算 100）`.
    pub note: Option<String>,
    /// The finding that cleared the item: `已清零 2 → 0` and its clause.
    pub cleared: Option<Cited>,
}

#[derive(Debug, Clone)]
pub struct EventView {
    /// 1-based, as the text report numbers events.
    pub number: usize,
    /// `表彰（层级 省政府，对象 集体） 2019-05-10 浙政发〔2019〕12号`.
    pub what: String,
    pub counted: bool,
    /// Points under the base rule, before caps (positive for bonus and deduction alike).
    pub points: Option<Decimal>,
    /// Why it counts or not, each part with its clause: `加分 10`, `日期不在期间内 …`.
    pub effects: Vec<Cited>,
    /// The base rule as the policy writes it, with its assumption.
    pub rule: Option<String>,
}

#[derive(Debug, Clone)]
pub struct CapView {
    pub what: Cited,
    pub from: Decimal,
    pub to: Decimal,
}

#[derive(Debug, Clone)]
pub struct AwardView {
    pub name: String,
    pub eligible: bool,
    /// Eligibility or selection still pending.
    pub pending: bool,
    /// `符合条件，入选`.
    pub status: String,
    pub reasons: Vec<Cited>,
}

#[derive(Debug, Clone)]
pub struct OutcomeView {
    pub name: String,
    /// It applies, or may (pending): its rule is shown.
    pub flagged: bool,
    /// Pending on a decision still open (§7.31).
    pub pending: bool,
    /// `是`, `否` or `待定（…）`.
    pub answer: &'static str,
    pub clause: Option<String>,
    /// The outcome's statement (`处置 诫勉 当 总分 < 80`): why it applies.
    pub rule: String,
    /// The policy's quantification of the source text, shown when the outcome applies.
    pub assumption: Option<String>,
}

/// Everything the text report says about one unit.
#[derive(Debug, Clone)]
pub struct UnitView {
    pub items: Vec<ItemView>,
    pub events: Vec<EventView>,
    pub caps: Vec<CapView>,
    pub vetoes: Vec<Cited>,
    pub awards: Vec<AwardView>,
    pub outcomes: Vec<OutcomeView>,
    /// `兑现` lines due, a pending one marked.
    pub payouts: Vec<Cited>,
    /// What it is paid, by amount: `奖金 12000 元`.
    pub payout_sums: Vec<String>,
}

impl UnitView {
    pub fn of(ctx: &Context<'_, '_>, r: &UnitRuling<'_>) -> UnitView {
        let w = words(ctx.lang);
        UnitView {
            items: items(ctx, w, r),
            events: r
                .explanation
                .events
                .iter()
                .filter_map(|l| event(ctx, w, r, l))
                .collect(),
            caps: caps(ctx, w, r),
            vetoes: r
                .explanation
                .vetoes
                .iter()
                .map(|v| &ctx.p[*v])
                .map(|v| cited(ctx, ctx.p.clause(v.clause).text.clone(), v.clause))
                .collect(),
            awards: awards(ctx, w, r),
            payouts: super::payouts::unit_lines(ctx, w, r),
            payout_sums: crate::eval::payouts::unit_sums(ctx.p, &r.payouts)
                .unwrap_or_default()
                .into_iter()
                .map(|(x, v)| super::payouts::amount(&x.amount, v, x.measure.as_deref()))
                .collect(),
            outcomes: r
                .outcomes
                .iter()
                .map(|(o, state)| {
                    let o = &ctx.p[*o];
                    OutcomeView {
                        name: o.name.clone(),
                        flagged: *state != Truth::No,
                        pending: *state == Truth::Pending,
                        answer: match state {
                            Truth::Yes => w.yes,
                            Truth::No => w.no,
                            Truth::Pending => w.pending_decision,
                        },
                        clause: clause(ctx, o.clause),
                        rule: ctx.p.clause(o.clause).text.clone(),
                        assumption: ctx.p.clause(o.clause).assumption.clone(),
                    }
                })
                .collect(),
        }
    }
}

fn clause(ctx: &Context<'_, '_>, c: ClauseId) -> Option<String> {
    ctx.citation(c).map(str::to_string)
}

fn cited(ctx: &Context<'_, '_>, text: String, c: ClauseId) -> Cited {
    Cited {
        text,
        clause: clause(ctx, c),
    }
}

/// `（解释：…）` when the clause quantifies a vague phrase of the source text.
fn assumed(ctx: &Context<'_, '_>, w: &Words, c: ClauseId) -> String {
    match &ctx.p.clause(c).assumption {
        Some(a) => format!("{}{}{}{a}{}", w.open, w.assume, w.colon, w.close),
        None => String::new(),
    }
}

/// Who scored a leaf item for this unit, when someone else than the office
/// did: the data's `scored_by` for the unit, else the policy's `评分 X`.
pub(crate) fn scorer<'r>(item: &'r ItemIr, r: &'r UnitRuling<'_>) -> Option<&'r str> {
    let slot = item.leaf?;
    r.input.scorer(slot).or(item.scorer.as_deref())
}

fn items(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> Vec<ItemView> {
    let p = ctx.p;
    r.explanation
        .items
        .iter()
        .map(|line| {
            let item = &p[line.item];
            let mut depth = 0;
            let mut cur = item.parent;
            while let Some(parent) = cur {
                depth += 1;
                cur = p[parent].parent;
            }
            let note = match (item.scale, line.value) {
                (Some(scale), Some(v)) => Some(format!(
                    "{} {}{}{} {}{}",
                    w.data_value,
                    dec(v),
                    w.open,
                    w.scaled,
                    dec(scale),
                    w.close
                )),
                _ => None,
            };
            let by = scorer(item, r).map(|s| format!("{}{s}", w.scored_by));
            let note = match (note, by) {
                (Some(n), Some(b)) => Some(format!("{n}{}{b}{}", w.open, w.close)),
                (None, Some(b)) => Some(format!("{}{b}{}", w.open.trim_start(), w.close)),
                (n, None) => n,
            };
            let cleared = line.cleared_by.map(|f| {
                let from = line.value.map(dec).unwrap_or_default();
                Cited {
                    text: format!("{} {from} → 0", w.cleared),
                    clause: clause(ctx, p[f].clause),
                }
            });
            ItemView {
                depth,
                name: item.name.clone(),
                contribution: line.contribution,
                max: item.max,
                clause: clause(ctx, item.clause),
                note,
                cleared,
            }
        })
        .collect()
}

fn event(
    ctx: &Context<'_, '_>,
    w: &Words,
    r: &UnitRuling<'_>,
    line: &EventLine,
) -> Option<EventView> {
    let p = ctx.p;
    let ev = r.input.events.get(line.index)?;
    let kind = p[ev.kind].name.clone();
    let attrs: Vec<String> = ctx
        .attributes(r, line.index)
        .into_iter()
        .map(|(a, v)| format!("{a} {v}"))
        .collect();
    let mut what = kind;
    if !attrs.is_empty() {
        what.push_str(&format!("{}{}{}", w.open, attrs.join(w.comma), w.close));
    }
    if ev.dated {
        what.push_str(&format!(" {}", ev.date));
    } else {
        what.push_str(&format!("{}{}{}", w.open, w.yearly_status, w.close));
    }
    if let Some(doc) = &ev.doc {
        what.push_str(&format!(" {doc}"));
    }
    if let Some(title) = &ev.title {
        what.push_str(&format!(" {}{title}{}", w.title_open, w.title_close));
    }
    if let Some(by) = &ev.proposed_by {
        what.push_str(&format!("{}{}{by}{}", w.open, w.proposed_by, w.close));
    }
    if let Some(id) = &ev.id {
        what.push_str(&format!("{}{}{id}{}", w.open, w.event_id, w.close));
    }
    let rule = line.rule.map(|id| &p[id]);
    Some(EventView {
        number: line.index + 1,
        what,
        counted: line.status.counted(),
        points: line.amount,
        effects: effects(ctx, w, line),
        rule: rule.map(|x| format!("{}{}", p.clause(x.clause).text, assumed(ctx, w, x.clause))),
    })
}

/// Why an event counts or not, in the text report's words.
fn effects(ctx: &Context<'_, '_>, w: &Words, line: &EventLine) -> Vec<Cited> {
    let p = ctx.p;
    match &line.status {
        EventStatus::OutsideWindow => vec![cited(
            ctx,
            format!(
                "{} {} {} {}",
                w.outside_window, p.window.0, w.to, p.window.1
            ),
            p.window_clause,
        )],
        EventStatus::CreditedIn(y) => vec![Cited {
            text: format!("{} {y}{}", w.credited_in, w.credited_after),
            clause: p
                .skip_years
                .iter()
                .find(|(s, _)| s == y)
                .and_then(|(_, c)| clause(ctx, *c)),
        }],
        EventStatus::NoRule => vec![Cited {
            text: w.no_rule.to_string(),
            clause: None,
        }],
        EventStatus::NotForUnit(r) => vec![cited(ctx, not_for_unit(ctx, *r), p[*r].clause)],
        EventStatus::StatusRepeated { first } => vec![Cited {
            text: status_repeated(ctx, *first),
            clause: None,
        }],
        EventStatus::Duplicate { of, section } => match &p[*section].dedup {
            Some(d) => vec![cited(ctx, duplicate(ctx, *of, &d.key), d.clause)],
            None => Vec::new(),
        },
        EventStatus::Counted => counted(ctx, w, line),
    }
}

/// `规则不适用于本单位（仅 县 | 区，不含 办公室）`: why an event matching
/// only rules limited to other units is not counted.
pub fn not_for_unit(ctx: &Context<'_, '_>, r: RuleId) -> String {
    let w = words(ctx.lang);
    let scopes: Vec<String> = ctx.p[r]
        .scopes
        .iter()
        .map(|s| {
            let kw = if s.only { Kw::Only } else { Kw::Exclude };
            format!("{} {}", kw.display(ctx.lang), s.names.join(" | "))
        })
        .collect();
    format!(
        "{}{}{}{}",
        w.not_for_unit,
        w.open,
        scopes.join(w.comma),
        w.close
    )
}

/// `年度状态只计一次，已由 #1 计入`: why a repeated status is not counted.
pub fn status_repeated(ctx: &Context<'_, '_>, first: usize) -> String {
    let w = words(ctx.lang);
    format!("{} #{} {}", w.status_once, first + 1, w.status_counted)
        .trim_end()
        .to_string()
}

/// `与 #4 同一编号，只计分值最高的一项`: why a duplicate is not counted.
pub fn duplicate(ctx: &Context<'_, '_>, of: usize, key: &DedupBy) -> String {
    let w = words(ctx.lang);
    let key = match key {
        DedupBy::Id => Kw::Id.display(ctx.lang),
        DedupBy::Attr(a) => a.as_str(),
    };
    match ctx.lang {
        crate::i18n::Lang::Zh => format!(
            "{} #{} {}{key}{}{}",
            w.duplicate_of,
            of + 1,
            w.same_key,
            w.comma,
            w.highest_counts
        ),
        crate::i18n::Lang::En => format!(
            "{} #{} ({}{key}){}{}",
            w.duplicate_of,
            of + 1,
            w.same_key,
            w.colon,
            w.highest_counts
        ),
    }
}

/// Why a counted event counts, each reason with its clause (every report says it so).
pub fn counted(ctx: &Context<'_, '_>, w: &Words, line: &EventLine) -> Vec<Cited> {
    let p = ctx.p;
    let mut parts = Vec::new();
    if let (Some(rule), Some(amount)) = (line.rule.map(|id| &p[id]), line.amount) {
        let dir = match rule.direction {
            Direction::Bonus => w.bonus,
            Direction::Deduct => w.deduction,
        };
        let mut text = format!("{dir} {}", dec(amount));
        if !line.modifiers.is_empty() {
            let factors: Vec<String> = line
                .modifiers
                .iter()
                .map(|m| &p[*m])
                .map(|m| match m.amount {
                    RuleAmount::Modifier { half: true, .. } => {
                        format!("× 0.5{}{}{}", w.open, w.half, w.close)
                    }
                    RuleAmount::Modifier { factor, .. } => format!("× {}", dec(factor)),
                    _ => String::new(),
                })
                .collect();
            text.push_str(&format!(
                " = {} {}",
                dec(line.base.unwrap_or_default()),
                factors.join(" ")
            ));
        }
        parts.push(cited(ctx, text, rule.clause));
    }
    if let Some(v) = line.veto.map(|v| &p[v]) {
        parts.push(cited(ctx, w.by_veto.to_string(), v.clause));
    }
    if let Some(f) = line.finding.map(|f| &p[f]) {
        let mut text = w.by_finding.to_string();
        if let Some(item) = line.cleared.map(|i| &p[i]) {
            text.push_str(&format!("{}{} {}", w.colon, item.name, w.cleared));
        }
        parts.push(cited(ctx, text, f.clause));
    }
    if parts.is_empty() && line.referenced {
        parts.push(Cited {
            text: w.by_condition.to_string(),
            clause: None,
        });
    }
    // Counted for a veto, a finding or a condition, its points dropped as a
    // duplicate: say so, with the line's clause.
    if let Some((of, section)) = line.duplicate_of
        && let Some(d) = &p[section].dedup
    {
        parts.push(cited(ctx, duplicate(ctx, of, &d.key), d.clause));
    }
    parts
}

/// The caps that bit, each with what it caps.
pub fn caps(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> Vec<CapView> {
    let p = ctx.p;
    r.explanation
        .caps
        .iter()
        .map(|cap| {
            let what = match cap.what {
                Capped::Rule(id) => {
                    let x = &p[id];
                    cited(ctx, p.clause(x.clause).text.clone(), x.clause)
                }
                Capped::Section(id) => {
                    let x = &p[id];
                    let dir = match x.direction {
                        Direction::Bonus => w.section_bonus,
                        Direction::Deduct => w.section_deduct,
                    };
                    cited(ctx, dir.to_string(), x.clause)
                }
            };
            CapView {
                what,
                from: cap.from,
                to: cap.to,
            }
        })
        .collect()
}

fn awards(ctx: &Context<'_, '_>, w: &Words, r: &UnitRuling<'_>) -> Vec<AwardView> {
    let p = ctx.p;
    r.awards
        .iter()
        .map(|a| {
            let award = &p[a.award];
            let mut status = match a.eligible {
                Truth::Yes => w.eligible,
                Truth::No => w.not_eligible,
                Truth::Pending => w.pending_decision,
            }
            .to_string();
            if award.has_quota() && a.eligible == Truth::Yes {
                let sel = match a.selection {
                    Selection::Selected => w.selected,
                    Selection::Pending => w.pending,
                    _ => w.not_selected,
                };
                status.push_str(&format!("{}{sel}", w.comma));
            }
            let reasons = a
                .reasons
                .iter()
                .map(|x| match x {
                    Reason::Excluded(e, c) => Cited {
                        text: format!("{}{}", ctx.exclusion(e, *c), assumed(ctx, w, *c)),
                        clause: clause(ctx, *c),
                    },
                    Reason::Undecided(e, c) => Cited {
                        text: format!(
                            "{}{}{}{}",
                            w.may_apply,
                            w.colon,
                            ctx.exclusion(e, *c),
                            assumed(ctx, w, *c)
                        ),
                        clause: clause(ctx, *c),
                    },
                    Reason::Vetoed => Cited {
                        text: ctx.reason_text(x),
                        clause: None,
                    },
                })
                .collect();
            AwardView {
                name: award.name.clone(),
                eligible: a.eligible == Truth::Yes,
                pending: a.eligible == Truth::Pending
                    || (award.has_quota() && a.selection == Selection::Pending),
                status,
                reasons,
            }
        })
        .collect()
}
