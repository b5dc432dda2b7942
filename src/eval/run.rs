//! The whole evaluation over a data source: one pass validates and evaluates
//! every unit (keeping only its compact result), collecting every problem;
//! then ranking and decisions. A unit's explanation is made on demand by
//! reading it again, so rulings can stream at any size.

use super::decide::{Decisions, Selection, decide, excludes};
use super::explain::Explanation;
use super::rank::{Ranks, rank};
use super::table::{Table, UnitRow};
use super::unit::UnitEvaluator;
use crate::data::input::UnitInput;
use crate::data::json::JsonUnits;
use crate::data::raw::RawUnit;
use crate::data::source::{DataSource, json_diag, top_level_keys};
use crate::data::validate::Validator;
use crate::diag::{Diag, sort_diags};
use crate::ir::{AwardId, ClauseId, Excl, OutcomeId, Program};
use crate::progress::{EVERY, Progress, Quiet};
use crate::source::Span;

/// Every unit evaluated, ranked and decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation<'a> {
    pub table: Table<'a>,
    pub ranks: Ranks,
    pub decisions: Decisions,
}

/// Below this size a JSON file is read by one thread; above it, the second
/// half of the units is read by another (see `json_in_two_parts`).
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// How many threads may read the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threads {
    /// Two for a large JSON file on a machine with two cores or more.
    Auto,
    One,
    /// Two whenever the data is JSON (tests of the two-part reading).
    Two,
}

/// Evaluates every unit of `source`. `complete`: the units of closed groups
/// must all be present (false for a policy's examples, §3).
pub fn evaluate<'a>(
    p: &Program,
    source: &DataSource<'a>,
    complete: bool,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    evaluate_with(p, source, complete, Threads::Auto)
}

/// [`evaluate`] with a choice of threads; the result never depends on it.
pub fn evaluate_with<'a>(
    p: &Program,
    source: &DataSource<'a>,
    complete: bool,
    threads: Threads,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    evaluate_with_progress(p, source, complete, threads, &Quiet)
}

/// Evaluates opened data: the reading's own findings and validation's
/// together, placed on sheet cells, sorted; every consumer (eval, diff)
/// reports a data file's problems the same way.
pub fn evaluate_opened<'a>(
    p: &Program,
    opened: &crate::data::Opened<'a>,
    progress: &dyn Progress,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    match evaluate_with_progress(p, &opened.source, true, Threads::Auto, progress) {
        Ok(e) if opened.findings.is_empty() => Ok(e),
        Ok(_) => Err(opened.findings.clone()),
        Err(d) => {
            let mut all = opened.findings.clone();
            all.extend(opened.placed(d));
            sort_diags(&mut all);
            Err(all)
        }
    }
}

/// [`evaluate_with`], reporting its progress.
pub fn evaluate_with_progress<'a>(
    p: &Program,
    source: &DataSource<'a>,
    complete: bool,
    threads: Threads,
    progress: &dyn Progress,
) -> Result<Evaluation<'a>, Vec<Diag>> {
    let mut pass = Pass::new(p, complete);
    let total = match source {
        DataSource::Json(text) => text.len(),
        DataSource::Memory { units, .. } => units.len(),
    };
    // Progress is the place reached: a byte offset in JSON, a unit in memory.
    let place = |i: usize, raw: &RawUnit<'a>| match source {
        DataSource::Json(_) => raw.span.end,
        DataSource::Memory { .. } => i,
    };
    let report = |i: usize, done: usize| {
        if i.is_multiple_of(EVERY) {
            progress.reading(done, total);
        }
    };
    let two = match (threads, source) {
        (Threads::One, _) | (_, DataSource::Memory { .. }) => false,
        (Threads::Two, _) => true,
        (Threads::Auto, DataSource::Json(text)) => {
            text.len() >= PARALLEL_FROM_BYTES
                && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
        }
    };
    let walked = match source {
        DataSource::Json(text) if two => pass.json_in_two_parts(text, &report),
        _ => source.each(|i, raw| {
            report(i, place(i, raw));
            pass.unit(i, raw);
        }),
    };
    let (units_at, top_level) = walked.map_err(|d| vec![d])?;
    pass.validator.finish(units_at);
    let mut diags = pass.validator.diags;
    diags.extend(pass.problems);
    diags.extend(top_level);
    if !diags.is_empty() {
        sort_diags(&mut diags);
        return Err(diags);
    }
    let table = pass.table;
    let ranks = rank(p, &table);
    let decisions = decide(p, &table, &ranks);
    Ok(Evaluation {
        table,
        ranks,
        decisions,
    })
}

/// One pass over the units: validate, evaluate, keep the compact result.
struct Pass<'p, 'a> {
    p: &'p Program,
    validator: Validator<'p, 'a>,
    evaluator: UnitEvaluator<'p>,
    input: UnitInput<'a>,
    table: Table<'a>,
    problems: Vec<Diag>,
}

impl<'p, 'a> Pass<'p, 'a> {
    fn new(p: &'p Program, complete: bool) -> Self {
        Pass {
            p,
            validator: Validator::new(p, complete),
            evaluator: UnitEvaluator::new(p),
            input: UnitInput::default(),
            table: Table::new(p.facts.len(), p.tracked_items.len()),
            problems: Vec::new(),
        }
    }

    /// Validates and evaluates one unit; false when it has a problem.
    fn unit(&mut self, i: usize, raw: &RawUnit<'a>) -> bool {
        if !self.validator.unit(raw, i, &mut self.input) {
            return false;
        }
        match self.evaluator.evaluate(&self.input, None) {
            Ok(result) => {
                let row = UnitRow {
                    index: i,
                    name: self.input.name.clone(),
                    declared: self.input.declared,
                    group: self.input.group,
                    span: raw.span,
                    result,
                };
                self.table
                    .push(row, &self.evaluator.facts, &self.evaluator.tracked);
                true
            }
            Err(found) => {
                self.problems.extend(found);
                false
            }
        }
    }

    /// Reads a large JSON file with two threads. The second starts at a likely
    /// unit boundary near the middle (`JsonUnits::split_point`); this thread
    /// reads from the start. If it arrives exactly at that boundary, the second
    /// thread's units are taken over (checked again only for what spans units:
    /// duplicates, declared units); otherwise, or if the second part has any
    /// problem, its work is dropped and this thread reads on alone. So the
    /// findings and rulings are always those of the one-thread reading.
    fn json_in_two_parts(
        &mut self,
        text: &'a str,
        report: &dyn Fn(usize, usize),
    ) -> Result<(Span, Vec<Diag>), Diag> {
        let Some(at) = JsonUnits::split_point(text) else {
            return DataSource::Json(text).each(|i, raw| {
                report(i, raw.span.end);
                self.unit(i, raw);
            });
        };
        let p = self.p;
        std::thread::scope(|scope| {
            let mut second = Some(scope.spawn(move || second_part(p, text, at)));
            let mut reader = JsonUnits::open(text).map_err(json_diag)?;
            let mut raw = RawUnit::default();
            let mut i = 0;
            loop {
                if reader.next_offset() == Some(at)
                    && let Some(Some((table, end))) = second.take().and_then(|h| h.join().ok())
                {
                    self.take_over(table, i);
                    reader.resume_after_array(end).map_err(json_diag)?;
                    break;
                }
                if !reader.next_unit(&mut raw).map_err(json_diag)? {
                    break;
                }
                // Both halves go at about one pace: this one's place, scaled
                // to the whole, is the progress of the two.
                report(i, raw.span.end.saturating_mul(text.len()) / at.max(1));
                self.unit(i, &raw);
                i += 1;
            }
            Ok((reader.units_at, top_level_keys(&reader.other_keys)))
        })
    }

    /// Takes over the units the second thread evaluated, from data position `offset`.
    fn take_over(&mut self, table: Table<'a>, offset: usize) {
        for (i, row) in table.rows.iter().enumerate() {
            self.validator
                .admit(row.name.clone(), row.declared, offset + i, row.span);
        }
        self.table.append(table, offset);
    }
}

/// Evaluates the units from byte `at` to the end of the array, or gives up
/// (`None`) at the first problem: problems are found by the ordinary reading.
fn second_part<'a>(p: &Program, text: &'a str, at: usize) -> Option<(Table<'a>, usize)> {
    let mut pass = Pass::new(p, false);
    let mut reader = JsonUnits::tail(text, at);
    let mut raw = RawUnit::default();
    let mut i = 0;
    while reader.next_unit(&mut raw).ok()? {
        if !pass.unit(i, &raw) {
            return None;
        }
        i += 1;
    }
    Some((pass.table, reader.array_end?))
}

/// Why a unit is not eligible for an award.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A `不含` clause (or a finding's `取消`) that applied.
    Excluded(Excl, ClauseId),
    /// Vetoed: a vetoed unit gets no award (§3) even without `不含 否决`.
    Vetoed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AwardRuling {
    pub award: AwardId,
    pub eligible: bool,
    pub selection: Selection,
    pub reasons: Vec<Reason>,
}

/// Everything said about one unit: its data, its explanation, its decisions.
#[derive(Debug, Clone)]
pub struct UnitRuling<'a> {
    /// Position in the evaluation's table.
    pub unit: usize,
    pub input: UnitInput<'a>,
    pub explanation: Explanation,
    pub awards: Vec<AwardRuling>,
    pub outcomes: Vec<(OutcomeId, bool)>,
}

impl<'a> Evaluation<'a> {
    /// The full ruling of unit `u` (a position in the table): its data is read
    /// again from `source` and evaluated with explanations.
    pub fn ruling(
        &self,
        p: &Program,
        source: &DataSource<'a>,
        u: usize,
    ) -> Result<UnitRuling<'a>, Vec<Diag>> {
        let row = self.table.rows.get(u).ok_or_else(Vec::new)?;
        let mut raw = RawUnit::default();
        source
            .again(row.index, row.span, &mut raw)
            .map_err(|d| vec![d])?;
        let mut validator = Validator::new(p, false);
        let mut input = UnitInput::default();
        if !validator.unit(&raw, row.index, &mut input) {
            return Err(validator.diags);
        }
        let mut explanation = Explanation::default();
        UnitEvaluator::new(p).evaluate(&input, Some(&mut explanation))?;
        let awards = p
            .awards
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let id = AwardId::from_index(i);
                let mut reasons: Vec<Reason> = a
                    .exclusions
                    .iter()
                    .filter(|e| excludes(p, &self.table, &self.ranks, &self.decisions, u, &e.what))
                    .map(|e| Reason::Excluded(e.what.clone(), e.clause))
                    .collect();
                let listed = a.exclusions.iter().any(|e| matches!(e.what, Excl::Vetoed));
                if row.result.vetoed && !listed {
                    reasons.push(Reason::Vetoed);
                }
                AwardRuling {
                    award: id,
                    eligible: self.decisions.eligible(u, id),
                    selection: self.decisions.selection(u, id),
                    reasons,
                }
            })
            .collect();
        let outcomes = (0..p.outcomes.len())
            .map(|o| {
                let id = OutcomeId::from_index(o);
                (id, self.decisions.outcome(u, id))
            })
            .collect();
        Ok(UnitRuling {
            unit: u,
            input,
            explanation,
            awards,
            outcomes,
        })
    }
}
