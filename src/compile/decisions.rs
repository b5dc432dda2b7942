//! Sections and their rules, vetoes, findings, ranking, awards, outcomes, grades.

use rust_decimal::Decimal;

use super::Compiler;
use crate::ast::{
    Amount, Award, AwardClause, DedupKey, Exclusion, Finding, FindingAction, KeyTarget, Meta,
    Quota, Ranking, Section, SectionEntry, Stmt, Tier, UnitScope, Veto,
};
use crate::diag::Sort;
use crate::ir::*;
use crate::source::Span;

impl Compiler<'_, '_> {
    pub(super) fn section(&mut self, section: &Section, meta: &Meta, span: Span) {
        let clause = self.clause(meta, span, None);
        let id = SectionId::from_index(self.p.sections.len());
        let mut ir = SectionIr {
            direction: section.direction,
            cap: None,
            cap_span: Span::default(),
            rules: Vec::new(),
            dedup: None,
            clause,
        };
        let section_scopes: Vec<&UnitScope> = section
            .entries
            .iter()
            .filter_map(|e| match &e.node {
                SectionEntry::Scope(s) => Some(s),
                _ => None,
            })
            .collect();
        for entry in &section.entries {
            match &entry.node {
                SectionEntry::Cap(n) => {
                    ir.cap = Some(n.value);
                    ir.cap_span = *n.span;
                    // Its `解释` belongs among the policy's assumptions.
                    self.clause(&entry.meta, *entry.span, meta.citation.as_ref());
                }
                SectionEntry::Scope(_) => {
                    self.clause(&entry.meta, *entry.span, meta.citation.as_ref());
                }
                SectionEntry::Dedup(key) => {
                    let clause = self.clause(&entry.meta, *entry.span, meta.citation.as_ref());
                    let key = match key {
                        DedupKey::Id(_) => DedupBy::Id,
                        DedupKey::Attr(a) => DedupBy::Attr(a.text.clone()),
                    };
                    ir.dedup = Some(DedupIr { key, clause });
                }
                SectionEntry::Rule(rule) => {
                    let scopes: Vec<&UnitScope> =
                        section_scopes.iter().copied().chain(&rule.scopes).collect();
                    let kind = self.kind_id(&rule.kind.text);
                    let tests = self.tests(kind, &rule.conditions);
                    let clause = self.clause(&entry.meta, *entry.span, meta.citation.as_ref());
                    let amount = match &rule.amount {
                        Amount::Fixed(n) => RuleAmount::Fixed(n.value),
                        Amount::Range(lo, hi) => RuleAmount::Range {
                            low: lo.value,
                            high: hi.value,
                            up_to: false,
                        },
                        Amount::UpTo(hi) => RuleAmount::Range {
                            low: Decimal::ZERO,
                            high: hi.value,
                            up_to: true,
                        },
                        Amount::Half(_) => RuleAmount::Modifier {
                            factor: Decimal::new(5, 1),
                            half: true,
                        },
                        Amount::Times(f) => RuleAmount::Modifier {
                            factor: f.value,
                            half: false,
                        },
                    };
                    let rid = RuleId::from_index(self.p.rules.len());
                    let modifier = matches!(amount, RuleAmount::Modifier { .. });
                    self.p.rules.push(RuleIr {
                        kind,
                        direction: section.direction,
                        section: id,
                        tests,
                        amount,
                        cap: rule.cap.as_ref().map(|c| c.value),
                        cap_span: rule.cap.as_ref().map_or(Span::default(), |c| *c.span),
                        units: self.places(&scopes),
                        scopes: scopes
                            .iter()
                            .map(|s| ScopeIr {
                                only: s.only,
                                names: s.names.iter().map(|n| n.text.clone()).collect(),
                            })
                            .collect(),
                        clause,
                    });
                    ir.rules.push(rid);
                    if let Some(k) = self.p.kinds.get_mut(kind.index()) {
                        if modifier {
                            k.modifiers.push(rid);
                        } else {
                            k.base_rules.push(rid);
                        }
                    }
                }
            }
        }
        self.p.sections.push(ir);
    }

    /// The places of the units `scopes` leave: every `仅` narrows, every
    /// `不含` removes; `None` when there are no scopes.
    pub(super) fn places(&self, scopes: &[&UnitScope]) -> Option<ValueSet> {
        if scopes.is_empty() {
            return None;
        }
        let mut allowed = ValueSet::full(self.p.place_count());
        for scope in scopes {
            let mut named: Vec<u32> = Vec::new();
            for n in &scope.names {
                match self.syms.get(&n.text) {
                    Some(s) if s.sort == Sort::Group => {
                        named.extend(self.p.group_places(GroupId::from_index(s.index)).values())
                    }
                    Some(s) if s.sort == Sort::Unit => named.push(s.index as u32),
                    _ => {}
                }
            }
            let named = ValueSet::from_values(named);
            allowed = if scope.only {
                allowed.intersect(&named)
            } else {
                allowed.minus(&named)
            };
        }
        Some(allowed)
    }

    pub(super) fn veto(&mut self, veto: &Veto, meta: &Meta, span: Span) {
        let clause = self.clause(meta, span, None);
        let id = VetoId::from_index(self.p.vetoes.len());
        let trigger = match veto {
            Veto::Event { kind, conditions } => {
                let k = self.kind_id(&kind.text);
                if let Some(kind) = self.p.kinds.get_mut(k.index()) {
                    kind.vetoes.push(id);
                }
                VetoTrigger::Event {
                    kind: k,
                    tests: self.tests(k, conditions),
                }
            }
            Veto::When(cond) => VetoTrigger::When(self.cond(cond)),
        };
        self.p.vetoes.push(VetoIr { trigger, clause });
    }

    pub(super) fn finding(&mut self, f: &Finding, meta: &Meta, span: Span) {
        let clause = self.clause(meta, span, None);
        let id = FindingId::from_index(self.p.findings.len());
        let kind = self.kind_id(&f.kind.text);
        let tests = self.tests(kind, &f.conditions);
        let mut ir = FindingIr {
            kind,
            tests,
            zero_item: false,
            revoke: Vec::new(),
            clause,
        };
        for action in &f.actions {
            match action {
                FindingAction::ZeroItem(_) => ir.zero_item = true,
                FindingAction::Revoke(award) => {
                    let a = AwardId::from_index(self.index(&award.text, Sort::Award));
                    ir.revoke.push(a);
                    if let Some(aw) = self.p.awards.get_mut(a.index()) {
                        aw.exclusions.push(ExclusionIr {
                            what: Excl::Finding(id),
                            clause,
                        });
                    }
                }
            }
        }
        if let Some(k) = self.p.kinds.get_mut(kind.index()) {
            k.findings.push(id);
        }
        self.p.findings.push(ir);
    }

    pub(super) fn ranking(&mut self, r: &Ranking, meta: &Meta, span: Span) {
        let clause = self.clause(meta, span, None);
        let keys = r
            .keys
            .iter()
            .map(|k| {
                let key = match &k.target {
                    KeyTarget::Total => KeyIr::Total,
                    KeyTarget::Item(name) => KeyIr::Item(self.track(&name.text)),
                };
                (key, k.order)
            })
            .collect();
        self.p.ranking = RankingIr {
            keys,
            within_group: r.within_group.is_some(),
            clause,
        };
    }

    /// Awards and outcomes exist before the declarations that refer to them
    /// (a finding's `取消 A`, an award's `不含 OUTCOME`) are compiled.
    pub(super) fn awards_and_outcomes_declared(&mut self) {
        let syms = self.syms;
        for a in &syms.awards {
            let clause = self.clause(a.meta, a.span, None);
            self.p.awards.push(AwardIr {
                name: a.node.name.text.clone(),
                label: a.node.label.as_ref().map(|l| l.text.clone()),
                exclusions: Vec::new(),
                allowed: Vec::new(),
                quota: None,
                group_quotas: Vec::new(),
                clause,
            });
        }
        for o in &syms.outcomes {
            let clause = self.clause(o.meta, o.span, None);
            let cond = self.cond(&o.node.when);
            self.p.outcomes.push(OutcomeIr {
                name: o.node.name.text.clone(),
                cond,
                clause,
            });
        }
    }

    pub(super) fn award(&mut self, award: &Award, meta: &Meta) {
        let a = self.index(&award.name.text, Sort::Award);
        for c in &award.clauses {
            let clause = self.clause(&c.meta, *c.span, meta.citation.as_ref());
            match &c.node {
                AwardClause::Quota(q) => {
                    let quota = quota_ir(q);
                    if let Some(aw) = self.p.awards.get_mut(a) {
                        aw.quota = Some((quota, clause));
                    }
                }
                AwardClause::GroupQuota { group, quota } => {
                    let g = GroupId::from_index(self.index(&group.text, Sort::Group));
                    let quota = quota_ir(quota);
                    if let Some(aw) = self.p.awards.get_mut(a) {
                        aw.group_quotas.push((g, quota, clause));
                    }
                }
                AwardClause::Exclude(ex) => {
                    let what = self.exclusion(ex);
                    if let Some(aw) = self.p.awards.get_mut(a) {
                        aw.exclusions.push(ExclusionIr { what, clause });
                    }
                }
                AwardClause::Allow(outcome) => {
                    let o = OutcomeId::from_index(self.index(&outcome.text, Sort::Outcome));
                    if let Some(aw) = self.p.awards.get_mut(a) {
                        aw.allowed.push(o);
                    }
                }
            }
        }
    }

    fn exclusion(&mut self, ex: &Exclusion) -> Excl {
        match ex {
            Exclusion::Vetoed(_) => Excl::Vetoed,
            Exclusion::Bottom(b) => Excl::Bottom(u32::try_from(b.n.value).unwrap_or(0)),
            Exclusion::Name(name) => match self.syms.get(&name.text) {
                Some(s) if s.sort == Sort::Unit => Excl::Unit(UnitId::from_index(s.index)),
                Some(s) if s.sort == Sort::Group => Excl::Group(GroupId::from_index(s.index)),
                Some(s) if s.sort == Sort::Outcome => Excl::Outcome(OutcomeId::from_index(s.index)),
                Some(s) if s.sort == Sort::Tier => Excl::Grade(TierId::from_index(s.index)),
                Some(s) if s.sort == Sort::Award => Excl::Award(AwardId::from_index(s.index)),
                _ => {
                    let k = self.kind_id(&name.text);
                    Excl::Kind(self.fact(k, Vec::new()))
                }
            },
        }
    }

    pub(super) fn grades(&mut self, tiers: &[Stmt<Tier>], meta: &Meta) {
        for t in tiers {
            let clause = self.clause(&t.meta, *t.span, meta.citation.as_ref());
            let cond = t.node.when.as_ref().map(|c| self.cond(c));
            self.p.tiers.push(TierIr {
                name: t.node.name.text.clone(),
                cond,
                quota: t.node.quota.as_ref().map(quota_ir),
                clause,
            });
        }
    }
}

fn quota_ir(q: &Quota) -> QuotaIr {
    match q {
        Quota::Count(n) => QuotaIr::Count(u32::try_from(n.value).unwrap_or(0)),
        Quota::Percent(p) => QuotaIr::Percent(p.value),
    }
}
