//! pest pairs → AST. The only place that matches on grammar rules (besides the
//! error mapping in `expected.rs`). Literal problems (bad dates, non-integers,
//! repeated options) are reported here as KH103/KH104, and lowering goes on.

mod cond;
mod decls;
mod example;
mod literals;
mod payouts;

use pest::iterators::{Pair, Pairs};

use super::grammar::Rule;
use crate::ast::{Decl, Loc, Meta, Policy, Stmt};
use crate::diag::{Diag, Message, Once};
use crate::source::Span;

type P<'i> = Pair<'i, Rule>;

/// Lowers a parsed `policy_file` whose text starts at byte `offset` of the file.
pub fn lower_file(pairs: Pairs<'_, Rule>, offset: usize) -> (Policy, Vec<Diag>) {
    let mut lower = Lower {
        offset,
        diags: Vec::new(),
    };
    let mut policy = Policy::default();
    for file in pairs {
        for p in significant(file) {
            if let Some(decl) = lower.decl(p) {
                policy.decls.push(decl);
            }
        }
    }
    (policy, lower.diags)
}

/// Punctuation and statement ends carry no meaning once parsed.
fn is_punctuation(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::line_break
            | Rule::soft_break
            | Rule::semicolon
            | Rule::comma
            | Rule::bar
            | Rule::arrow
            | Rule::colon
            | Rule::lbrace
            | Rule::rbrace
            | Rule::lparen
            | Rule::rparen
            | Rule::EOI
    )
}

fn significant(pair: P<'_>) -> impl Iterator<Item = P<'_>> {
    pair.into_inner().filter(|p| !is_punctuation(p.as_rule()))
}

pub(super) struct Lower {
    offset: usize,
    pub(super) diags: Vec<Diag>,
}

impl Lower {
    /// A pair's place, without the spaces and end-of-line comments pest
    /// takes into a rule whose optional tail did not match: a statement ends
    /// with its last token, so underlines and quoted statements stop there.
    fn span(&self, p: &P<'_>) -> Loc {
        let s = p.as_span();
        let text = p.as_str();
        let kept = if text.contains("//") {
            let mut t = text;
            while let Some(c) = crate::syntax::comments::scan(t).last() {
                if t.get(c.end..).is_some_and(|rest| rest.trim().is_empty()) {
                    t = t.get(..c.start).unwrap_or(t).trim_end();
                } else {
                    break;
                }
            }
            t.trim_end()
        } else {
            text.trim_end()
        };
        // Never empty: a pair of only spaces keeps its place.
        let end = if kept.is_empty() {
            s.end()
        } else {
            s.start() + kept.len()
        };
        Loc(Span::new(s.start() + self.offset, end + self.offset))
    }

    fn report(&mut self, message: Message, span: impl Into<Span>) {
        self.diags.push(Diag::new(message, span));
    }

    /// Reports `what` repeated at `span` when `slot` is already filled.
    fn once<T>(&mut self, slot: &mut Option<T>, value: T, what: Once, span: Loc) {
        if slot.is_some() {
            self.report(Message::Repeated { what }, span);
        } else {
            *slot = Some(value);
        }
    }

    /// Separates a statement's citation, notes and assumption from its other parts.
    fn split_meta<'i>(&mut self, pair: P<'i>) -> (Vec<P<'i>>, Meta) {
        let mut meta = Meta::default();
        let mut rest = Vec::new();
        for p in significant(pair) {
            match p.as_rule() {
                Rule::citation => {
                    let span = self.span(&p);
                    let c = self.citation(p);
                    self.once(&mut meta.citation, c, Once::Citation, span);
                }
                Rule::assume => {
                    // The assumption's span covers `解释 "…"`, keyword included.
                    let span = self.span(&p);
                    let mut t = self.first_text(p);
                    t.span = span;
                    self.once(&mut meta.assumption, t, Once::Assumption, span);
                }
                Rule::note => {
                    let t = self.first_text(p);
                    meta.notes.push(t);
                }
                _ => rest.push(p),
            }
        }
        (rest, meta)
    }

    fn decl(&mut self, p: P<'_>) -> Option<Stmt<Decl>> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let (parts, meta) = self.split_meta(p);
        let node = match rule {
            Rule::policy_decl => Decl::Header(self.header(parts)),
            Rule::units_decl => Decl::Units(self.units(parts)),
            Rule::score_decl => Decl::Score(self.score_tree(parts)),
            Rule::kind_decl => Decl::Kind(self.kind_decl(parts)),
            Rule::bonus_decl | Rule::deduct_decl => Decl::Adjust(self.section(rule, parts)),
            Rule::veto_decl => Decl::Veto(self.veto(parts)),
            Rule::finding_decl => Decl::Finding(self.finding(parts)),
            Rule::rank_decl => Decl::Ranking(self.ranking(parts)),
            Rule::award_decl => Decl::Award(self.award(parts)),
            Rule::outcome_decl => Decl::Outcome(self.outcome(parts)),
            Rule::grades_decl => Decl::Grades(self.grades(parts)),
            Rule::payouts_decl => Decl::Payouts(self.payouts(parts)),
            Rule::schedule_decl => Decl::Schedule(self.schedule(parts)),
            Rule::example_decl => Decl::Example(self.example(parts)),
            _ => return None,
        };
        Some(Stmt { node, meta, span })
    }

    /// Lowers each statement pair of a block with `f`, keeping its meta and span.
    fn block<'i, T>(
        &mut self,
        block: P<'i>,
        mut f: impl FnMut(&mut Self, Rule, Vec<P<'i>>, Loc) -> Option<T>,
    ) -> Vec<Stmt<T>> {
        let mut out = Vec::new();
        for p in significant(block) {
            let span = self.span(&p);
            let rule = p.as_rule();
            let (parts, meta) = self.split_meta(p);
            if let Some(node) = f(self, rule, parts, span) {
                out.push(Stmt { node, meta, span });
            }
        }
        out
    }
}
