//! The compiled [`Program`] as text a reviewer can read: one declaration per
//! line where possible, names beside their ids (`#3`), every rule and decision
//! with the citation of its clause. Tests snapshot it for every policy that
//! compiles, so a change in what the compiler produces shows in review.
//! Everything is listed in the program's own order (no hash maps).

use std::fmt::Write;

use crate::ast::{Direction, Order};

use super::*;

/// The program, section by section: header, groups and units, items, kinds
/// with their decision tables, sections, vetoes, findings, facts, tracked
/// items, ranking, awards, outcomes, grade tiers, assumptions.
pub fn dump(p: &Program) -> String {
    let mut d = Dump {
        p,
        out: String::new(),
    };
    d.header();
    d.groups();
    d.items();
    d.kinds();
    d.sections();
    d.vetoes();
    d.findings();
    d.facts();
    d.ranking();
    d.awards();
    d.outcomes();
    d.tiers();
    d.order();
    d.payouts();
    d.assumptions();
    d.out
}

struct Dump<'p> {
    p: &'p Program,
    out: String,
}

impl Dump<'_> {
    fn line(&mut self, text: impl AsRef<str>) {
        self.out.push_str(text.as_ref());
        self.out.push('\n');
    }

    /// A heading line, after a blank line (except at the top); `none` when
    /// nothing follows it.
    fn heading(&mut self, text: &str, count: usize) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        if count == 0 {
            self.line(format!("{text}: none"));
        } else {
            self.line(text);
        }
    }

    /// ` 【citation】`, or nothing when the clause has none.
    fn cite(&self, c: ClauseId) -> String {
        match &self.p.clause(c).citation {
            Some(text) => format!(" 【{text}】"),
            None => String::new(),
        }
    }

    fn header(&mut self) {
        let p = self.p;
        let mut head = format!("policy {:?}", p.title);
        if let Some(issuer) = &p.issuer {
            let _ = write!(head, " issuer {issuer:?}");
        }
        self.line(head);
        self.line(format!("year {}", p.year));
        let window = format!("window {} to {}", p.window.0, p.window.1);
        self.line(format!("{window}{}", self.cite(p.window_clause)));
        for (year, c) in &p.skip_years {
            self.line(format!("skip credited_in {year}{}", self.cite(*c)));
        }
        self.line(format!("full {}", p.full));
    }

    fn groups(&mut self) {
        self.heading("units", self.p.groups.len());
        for (g, group) in self.p.groups.iter().enumerate() {
            let open = if group.open { "open" } else { "closed" };
            let label = shown(group.label.as_deref());
            let cite = self.cite(group.clause);
            self.line(format!("  group #{g} {}{label} {open}{cite}", group.name));
            for u in &group.members {
                let Some(unit) = self.p.units.get(u.index()) else {
                    continue;
                };
                let label = shown(unit.label.as_deref());
                let at = if unit.group.index() == g {
                    String::new()
                } else {
                    format!(" (in group #{})", unit.group.0)
                };
                self.line(format!("    unit #{} {}{label}{at}", u.0, unit.name));
            }
        }
    }

    fn items(&mut self) {
        let tops = self.names(self.p.top_items.iter().map(|i| self.item_name(*i)));
        self.heading(&format!("items (top: {tops})"), 1);
        for top in &self.p.top_items {
            self.item(*top, 1);
        }
        let leaves = self.names(self.p.leaves.iter().map(|i| self.item_name(*i)));
        self.line(format!("  leaves in data order: {leaves}"));
    }

    fn item(&mut self, id: ItemId, depth: usize) {
        let item = &self.p[id];
        let mut text = format!(
            "{}#{} {} max {}",
            "  ".repeat(depth),
            id.0,
            item.name,
            item.max
        );
        if let Some(s) = item.scale {
            let _ = write!(text, " scaled_from {s}");
        }
        if let Some(leaf) = item.leaf {
            let _ = write!(text, " leaf {leaf}");
        }
        if let Some(scorer) = &item.scorer {
            let _ = write!(text, " scored_by {scorer}");
        }
        if let Some(parent) = item.parent {
            let _ = write!(text, " parent #{}", parent.0);
        }
        text.push_str(&self.cite(item.clause));
        self.line(text);
        for child in &item.children {
            self.item(*child, depth + 1);
        }
    }

    fn kinds(&mut self) {
        self.heading("kinds", self.p.kinds.len());
        for (k, kind) in self.p.kinds.iter().enumerate() {
            let cite = self.cite(kind.clause);
            let status = if kind.status { " status" } else { "" };
            self.line(format!("  kind #{k} {}{status}{cite}", kind.name));
            for attr in &kind.attrs {
                let domain = match &attr.domain {
                    AttrDomain::Values(vs) => vs.join(" | "),
                    AttrDomain::Items => "item".to_string(),
                };
                self.line(format!("    attr {}: {domain}", attr.name));
            }
            for r in &kind.base_rules {
                self.rule("base", *r);
            }
            for r in &kind.modifiers {
                self.rule("modifier", *r);
            }
            let uses = [
                ("vetoes", ids(&kind.vetoes, |v| v.0)),
                ("findings", ids(&kind.findings, |f| f.0)),
                ("facts", ids(&kind.facts, |f| f.0)),
            ];
            for (what, list) in uses {
                if !list.is_empty() {
                    self.line(format!("    {what} {list}"));
                }
            }
        }
    }

    /// One row of a kind's decision table.
    fn rule(&mut self, role: &str, id: RuleId) {
        let r = &self.p[id];
        let tests = self.tests(r.kind, &r.tests);
        let when = if tests.is_empty() {
            "any".to_string()
        } else {
            tests
        };
        let mut text = format!(
            "    {role} rule #{} {} section #{}: {when} => {}",
            id.0,
            direction(r.direction),
            r.section.0,
            amount(&r.amount)
        );
        if let Some(cap) = r.cap {
            let _ = write!(text, " cap {cap}");
        }
        if let Some(units) = &r.units {
            let _ = write!(text, " for units [{}]", self.places(units));
        }
        text.push_str(&self.cite(r.clause));
        self.line(text);
    }

    fn sections(&mut self) {
        self.heading("sections", self.p.sections.len());
        for (s, section) in self.p.sections.iter().enumerate() {
            let mut text = format!("  section #{s} {}", direction(section.direction));
            if let Some(cap) = section.cap {
                let _ = write!(text, " cap {cap}");
            }
            let _ = write!(text, ": rules {}", ids(&section.rules, |r| r.0));
            text.push_str(&self.cite(section.clause));
            self.line(text);
            if let Some(d) = &section.dedup {
                let key = match &d.key {
                    DedupBy::Id => "id".to_string(),
                    DedupBy::Attr(a) => format!("attribute {a}"),
                };
                let cite = self.cite(d.clause);
                self.line(format!("    same {key}: keep the highest{cite}"));
            }
        }
    }

    fn vetoes(&mut self) {
        self.heading("vetoes", self.p.vetoes.len());
        for (v, veto) in self.p.vetoes.iter().enumerate() {
            let trigger = match &veto.trigger {
                VetoTrigger::Event { kind, tests } => self.event(*kind, tests),
                VetoTrigger::When(c) => format!("when {}", self.cond(c)),
            };
            let cite = self.cite(veto.clause);
            self.line(format!("  veto #{v} {trigger}{cite}"));
        }
    }

    fn findings(&mut self) {
        self.heading("findings", self.p.findings.len());
        for (f, finding) in self.p.findings.iter().enumerate() {
            let mut actions: Vec<String> = Vec::new();
            if finding.zero_item {
                actions.push("zero_item".to_string());
            }
            for a in &finding.revoke {
                actions.push(format!("revoke {}", self.award_name(*a)));
            }
            let event = self.event(finding.kind, &finding.tests);
            let cite = self.cite(finding.clause);
            self.line(format!(
                "  finding #{f} {event} => {}{cite}",
                actions.join(", ")
            ));
        }
    }

    fn facts(&mut self) {
        self.heading("facts (counts of counted events)", self.p.facts.len());
        for (f, fact) in self.p.facts.iter().enumerate() {
            let event = self.event(fact.kind, &fact.tests);
            self.line(format!("  fact #{f} {event}"));
        }
        let tracked = self.names(self.p.tracked_items.iter().map(|i| self.item_name(*i)));
        self.line(format!("  tracked items: {tracked}"));
    }

    fn ranking(&mut self) {
        let r = &self.p.ranking;
        let keys: Vec<String> = r.keys.iter().map(|(k, o)| self.key(*k, *o)).collect();
        let scope = if r.within_group { " within group" } else { "" };
        let mut text = format!("rank{scope} by {}", keys.join(", then by "));
        text.push_str(&self.cite(r.clause));
        self.heading(&text, 1);
    }

    fn key(&self, key: KeyIr, order: Order) -> String {
        let order = match order {
            Order::Desc => "desc",
            Order::Asc => "asc",
        };
        match key {
            KeyIr::Total => format!("total {order}"),
            KeyIr::Item(slot) => format!("{} {order}", self.tracked_name(slot)),
        }
    }

    fn awards(&mut self) {
        self.heading("awards", self.p.awards.len());
        for (a, award) in self.p.awards.iter().enumerate() {
            let label = shown(award.label.as_deref());
            let cite = self.cite(award.clause);
            self.line(format!("  award #{a} {}{label}{cite}", award.name));
            if let Some((quota, c)) = award.quota {
                let cite = self.cite(c);
                self.line(format!("    quota {}{cite}", quota_text(quota)));
            }
            for (g, quota, c) in &award.group_quotas {
                let cite = self.cite(*c);
                let group = &self.p[*g].name;
                self.line(format!("    quota {group} {}{cite}", quota_text(*quota)));
            }
            for e in &award.exclusions {
                let cite = self.cite(e.clause);
                self.line(format!("    exclude {}{cite}", self.exclusion(&e.what)));
            }
            for o in &award.allowed {
                self.line(format!("    allow {}", self.outcome_name(*o)));
            }
        }
    }

    fn exclusion(&self, e: &Excl) -> String {
        match e {
            Excl::Unit(u) => {
                let name = self.p.units.get(u.index()).map_or("?", |u| &u.name);
                format!("unit {name} #{}", u.0)
            }
            Excl::Group(g) => {
                let name = self.p[*g].name.as_str();
                format!("group {name} #{}", g.0)
            }
            Excl::Kind(f) => format!("any {} (fact #{})", self.fact_kind(*f), f.0),
            Excl::Vetoed => "vetoed".to_string(),
            Excl::Outcome(o) => format!("outcome {}", self.outcome_name(*o)),
            Excl::Grade(t) => format!("grade {}", self.tier_name(*t)),
            Excl::Award(a) => format!("award {}", self.award_name(*a)),
            Excl::Bottom(n) => format!("bottom {n}"),
            Excl::Finding(f) => {
                let kind = self
                    .p
                    .findings
                    .get(f.index())
                    .map_or(String::new(), |x| format!(" ({})", self.kind_name(x.kind)));
                format!("finding #{}{kind}", f.0)
            }
        }
    }

    fn outcomes(&mut self) {
        self.heading("outcomes", self.p.outcomes.len());
        for (o, outcome) in self.p.outcomes.iter().enumerate() {
            let cite = self.cite(outcome.clause);
            let cond = self.cond(&outcome.cond);
            self.line(format!("  outcome #{o} {} when {cond}{cite}", outcome.name));
        }
    }

    fn tiers(&mut self) {
        self.heading("grades", self.p.tiers.len());
        for (t, tier) in self.p.tiers.iter().enumerate() {
            let when = match &tier.cond {
                Some(c) => format!("when {}", self.cond(c)),
                None => "otherwise".to_string(),
            };
            let quota = tier
                .quota
                .map_or(String::new(), |q| format!(" quota {}", quota_text(q)));
            let cite = self.cite(tier.clause);
            self.line(format!("  tier #{t} {} {when}{quota}{cite}", tier.name));
        }
    }

    /// The decision order, when a decision reads another (else it is
    /// outcomes, awards, grades, as always).
    fn order(&mut self) {
        let p = self.p;
        let mut plain: Vec<Decision> = Vec::new();
        plain.extend((0..p.outcomes.len()).map(|i| Decision::Outcome(OutcomeId::from_index(i))));
        plain.extend((0..p.awards.len()).map(|i| Decision::Award(AwardId::from_index(i))));
        if !p.tiers.is_empty() {
            plain.push(Decision::Grades);
        }
        if plain == p.decisions {
            return;
        }
        self.heading("decided in order", p.decisions.len());
        for d in &p.decisions {
            let text = match d {
                Decision::Outcome(o) => format!("outcome {}", self.outcome_name(*o)),
                Decision::Award(a) => format!("award {}", self.award_name(*a)),
                Decision::Grades => "grades".to_string(),
            };
            self.line(format!("  {text}"));
        }
    }

    fn payouts(&mut self) {
        if self.p.payouts.is_empty() {
            return;
        }
        self.heading("payouts", self.p.payouts.len());
        for (i, x) in self.p.payouts.iter().enumerate() {
            let target = match x.target {
                PayoutFor::Outcome(o) => format!("outcome {}", self.outcome_name(o)),
                PayoutFor::Tier(t) => format!("grade {}", self.tier_name(t)),
                PayoutFor::Award(a) => format!("award {}", self.award_name(a)),
            };
            let measure = x
                .measure
                .as_deref()
                .map_or(String::new(), |m| format!(" {m}"));
            let shares: String = x
                .shares
                .iter()
                .map(|(to, v)| format!(", of which {to} {v}"))
                .collect();
            let units = x.units.as_ref().map_or(String::new(), |u| {
                format!(" for units [{}]", self.places(u))
            });
            let cite = self.cite(x.clause);
            self.line(format!(
                "  payout #{i} {target} => {} {}{measure}{shares}{units}{cite}",
                x.amount, x.value
            ));
        }
    }

    fn assumptions(&mut self) {
        self.heading("assumptions", self.p.assumptions.len());
        for c in &self.p.assumptions {
            let clause = self.p.clause(*c);
            let text = clause.assumption.as_deref().unwrap_or("");
            let cite = self.cite(*c);
            self.line(format!("  {:?}: assume {text:?}{cite}", clause.text));
        }
    }
}

/// Names, tests and conditions.
impl Dump<'_> {
    fn names(&self, names: impl Iterator<Item = String>) -> String {
        let list: Vec<String> = names.collect();
        if list.is_empty() {
            "-".to_string()
        } else {
            list.join(", ")
        }
    }

    fn item_name(&self, id: ItemId) -> String {
        let name = self.p[id].name.as_str();
        format!("{name} #{}", id.0)
    }

    fn tracked_name(&self, slot: usize) -> String {
        self.p
            .tracked_items
            .get(slot)
            .map(|i| &self.p[*i])
            .map_or_else(|| format!("tracked {slot}"), |i| i.name.clone())
    }

    fn kind_name(&self, id: KindId) -> &str {
        self.p[id].name.as_str()
    }

    fn award_name(&self, id: AwardId) -> &str {
        self.p.awards.get(id.index()).map_or("?", |a| &a.name)
    }

    /// Units by place: `#3`, `added to group #1`.
    fn places(&self, units: &ValueSet) -> String {
        let places: Vec<String> = units
            .values()
            .map(|place| match self.p.place(place) {
                Some(Place::Listed(u)) => format!("#{}", u.0),
                Some(Place::Added(g)) => format!("added to group #{}", g.0),
                None => format!("?{place}"),
            })
            .collect();
        places.join(", ")
    }

    fn tier_name(&self, id: TierId) -> &str {
        self.p.tiers.get(id.index()).map_or("?", |t| &t.name)
    }

    fn outcome_name(&self, id: OutcomeId) -> &str {
        self.p.outcomes.get(id.index()).map_or("?", |o| &o.name)
    }

    fn fact_kind(&self, id: FactId) -> &str {
        self.p
            .facts
            .get(id.index())
            .map_or("?", |f| self.kind_name(f.kind))
    }

    /// `KIND tests`, as an event pattern.
    fn event(&self, kind: KindId, tests: &[AttrTest]) -> String {
        let tests = self.tests(kind, tests);
        let name = self.kind_name(kind);
        if tests.is_empty() {
            name.to_string()
        } else {
            format!("{name} {tests}")
        }
    }

    /// `层级 in 国家 | 省 and 对象 is 个人`: each test's admitted values.
    fn tests(&self, kind: KindId, tests: &[AttrTest]) -> String {
        let k = &self.p[kind];
        let one = |t: &AttrTest| -> String {
            let Some(attr) = k.attrs.get(t.attr) else {
                return format!("attr {}?", t.attr);
            };
            let values: Vec<String> = t
                .allowed
                .values()
                .map(|v| match &attr.domain {
                    AttrDomain::Values(vs) => vs
                        .get(v as usize)
                        .cloned()
                        .unwrap_or_else(|| format!("value {v}?")),
                    AttrDomain::Items => self.item_name(ItemId(v)),
                })
                .collect();
            let is = if values.len() == 1 { "is" } else { "in" };
            format!("{} {is} {}", attr.name, values.join(" | "))
        };
        tests.iter().map(one).collect::<Vec<_>>().join(" and ")
    }

    fn cond(&self, c: &CondIr) -> String {
        match c {
            CondIr::Or(list) => self.joined(list, " or ", false),
            CondIr::And(list) => self.joined(list, " and ", true),
            CondIr::Not(inner) => format!("not {}", self.operand_cond(inner, true)),
            CondIr::Compare {
                operand, op, value, ..
            } => format!("{} {} {value}", self.operand(*operand), op.ascii()),
            CondIr::Bottom(n) => format!("bottom {n}"),
            CondIr::Vetoed => "vetoed".to_string(),
            CondIr::HasAdjust(d) => format!("any {}", direction(*d)),
            CondIr::Fact { fact, op, value } => {
                let event = self
                    .p
                    .facts
                    .get(fact.index())
                    .map_or("?".to_string(), |f| self.event(f.kind, &f.tests));
                format!("count#{}({event}) {} {value}", fact.0, op.ascii())
            }
            CondIr::InGroup(g) => {
                let name = self.p[*g].name.as_str();
                format!("in {name}")
            }
            CondIr::Grade(tiers) => {
                let names: Vec<&str> = tiers.iter().map(|t| self.tier_name(*t)).collect();
                format!("grade in {}", names.join(" | "))
            }
            CondIr::Awarded(a) => format!("awarded {}", self.award_name(*a)),
        }
    }

    fn joined(&self, list: &[CondIr], sep: &str, and: bool) -> String {
        let parts: Vec<String> = list.iter().map(|c| self.operand_cond(c, and)).collect();
        parts.join(sep)
    }

    /// A condition inside `and`/`not`: an `or` (or, under `not`, an `and`) in parentheses.
    fn operand_cond(&self, c: &CondIr, tight: bool) -> String {
        let text = self.cond(c);
        match c {
            CondIr::Or(_) => format!("({text})"),
            CondIr::And(_) if tight => format!("({text})"),
            _ => text,
        }
    }

    fn operand(&self, o: OperandIr) -> String {
        match o {
            OperandIr::Total => "total".to_string(),
            OperandIr::Rank => "rank".to_string(),
            OperandIr::Bonus => "bonus".to_string(),
            OperandIr::Deduct => "deduct".to_string(),
            OperandIr::Item(slot) => self.tracked_name(slot),
        }
    }
}

fn shown(label: Option<&str>) -> String {
    label.map_or(String::new(), |l| format!(" {l:?}"))
}

fn ids<T: Copy>(list: &[T], id: impl Fn(T) -> u32) -> String {
    let parts: Vec<String> = list.iter().map(|x| format!("#{}", id(*x))).collect();
    parts.join(" ")
}

fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Bonus => "bonus",
        Direction::Deduct => "deduct",
    }
}

fn amount(a: &RuleAmount) -> String {
    match a {
        RuleAmount::Fixed(v) => v.to_string(),
        RuleAmount::Range {
            high, up_to: true, ..
        } => format!("up to {high}"),
        RuleAmount::Range { low, high, .. } => format!("{low} to {high}"),
        RuleAmount::Modifier { half: true, .. } => "half".to_string(),
        RuleAmount::Modifier { factor, .. } => format!("times {factor}"),
    }
}

fn quota_text(q: QuotaIr) -> String {
    match q {
        QuotaIr::Count(n) => n.to_string(),
        QuotaIr::Percent(p) => format!("{p}%"),
    }
}
