//! `示例` blocks: units, scores, events and expectations.

use super::{Lower, P, significant};
use crate::ast::Loc;
use crate::ast::{
    EventLit, Example, ExampleStmt, Expect, Expectation, Field, FieldKey, FieldValue, ScoreEntry,
    Text,
};
use crate::syntax::grammar::Rule;

impl Lower {
    pub(super) fn example(&mut self, parts: Vec<P<'_>>) -> Example {
        let mut title = None;
        let mut stmts = Vec::new();
        for p in parts {
            match p.as_rule() {
                Rule::string => title = Some(self.text(p)),
                Rule::example_block => {
                    stmts = self.block(p, |lw, rule, parts, _| lw.example_stmt(rule, parts));
                }
                _ => {}
            }
        }
        Example {
            title: title.unwrap_or(Text {
                text: String::new(),
                span: Loc::default(),
            }),
            stmts,
        }
    }

    fn example_stmt(&mut self, rule: Rule, parts: Vec<P<'_>>) -> Option<ExampleStmt> {
        Some(match rule {
            Rule::ex_unit => {
                let mut names = parts
                    .into_iter()
                    .filter(|p| p.as_rule() == Rule::name)
                    .map(|p| self.name(p));
                ExampleStmt::Unit {
                    name: names.next()?,
                    group: names.next(),
                }
            }
            Rule::ex_scores => ExampleStmt::Scores(
                parts
                    .into_iter()
                    .filter(|p| p.as_rule() == Rule::score_entry)
                    .filter_map(|p| self.score_entry(p))
                    .collect(),
            ),
            Rule::ex_event => {
                let mut kind = None;
                let mut fields = Vec::new();
                for p in parts {
                    match p.as_rule() {
                        Rule::name => kind = Some(self.name(p)),
                        Rule::event_fields => {
                            fields = significant(p).filter_map(|f| self.field(f)).collect();
                        }
                        _ => {}
                    }
                }
                ExampleStmt::Event(EventLit {
                    kind: kind?,
                    fields,
                })
            }
            Rule::ex_expect => ExampleStmt::Expect(
                parts
                    .into_iter()
                    .filter(|p| p.as_rule() != Rule::kw_expect)
                    .filter_map(|p| self.expectation(p))
                    .collect(),
            ),
            _ => return None,
        })
    }

    fn score_entry(&mut self, p: P<'_>) -> Option<ScoreEntry> {
        let mut it = significant(p);
        let item = self.name(it.next()?);
        let value = self.num(it.next()?);
        Some(ScoreEntry { item, value })
    }

    fn field(&mut self, p: P<'_>) -> Option<Field> {
        let span = self.span(&p);
        let mut it = significant(p);
        let key_pair = significant(it.next()?).next()?;
        let key = match key_pair.as_rule() {
            Rule::kw_date => FieldKey::Date,
            Rule::kw_points => FieldKey::Points,
            Rule::kw_doc => FieldKey::Doc,
            Rule::kw_title => FieldKey::Title,
            Rule::kw_credited_in => FieldKey::CreditedIn,
            Rule::kw_id => FieldKey::Id,
            _ => {
                let name = self.name(key_pair);
                if FieldKey::PROPOSED_BY.contains(&name.text.as_str()) {
                    FieldKey::ProposedBy
                } else {
                    FieldKey::Attr(name)
                }
            }
        };
        let value_pair = significant(it.next()?).next()?;
        let value = match value_pair.as_rule() {
            Rule::date | Rule::month_day => FieldValue::Date(self.date(value_pair)),
            Rule::number if key == FieldKey::CreditedIn => {
                FieldValue::Number(self.integer(value_pair))
            }
            Rule::number => FieldValue::Number(self.num(value_pair)),
            Rule::string => FieldValue::Text(self.text(value_pair)),
            _ => FieldValue::Name(self.name(value_pair)),
        };
        Some(Field { key, value, span })
    }

    fn expectation(&mut self, p: P<'_>) -> Option<Expectation> {
        let span = self.span(&p);
        let rule = p.as_rule();
        let mut negated = false;
        let mut number = None;
        let mut name = None;
        for c in significant(p) {
            match c.as_rule() {
                Rule::kw_not => negated = true,
                Rule::number if rule == Rule::expect_rank => number = Some(self.integer(c)),
                Rule::number => number = Some(self.num(c)),
                Rule::name => name = Some(self.name(c)),
                _ => {}
            }
        }
        let node = match rule {
            Rule::expect_total => Expect::Total(number?),
            Rule::expect_bonus => Expect::Bonus(number?),
            Rule::expect_deduct => Expect::Deduct(number?),
            Rule::expect_rank => Expect::Rank(number?),
            Rule::expect_vetoed => Expect::Vetoed(!negated),
            Rule::expect_grade => Expect::Grade(name?),
            _ => Expect::Flag {
                name: name?,
                holds: !negated,
            },
        };
        Some(Expectation { node, span })
    }
}
