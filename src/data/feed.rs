//! Validated units handed, one at a time, to whoever evaluates them. The
//! reading (JSON streamed, or units already in memory), the validation
//! against the program and, for a large JSON file, the reading in two threads
//! all happen here; the receiver ([`UnitSink`], implemented by the evaluator)
//! sees only [`UnitInput`]s, never text or byte offsets.

use std::borrow::Cow;

use super::input::UnitInput;
use super::json::JsonUnits;
use super::raw::RawUnit;
use super::source::{DataSource, json_diag, top_level_keys};
use super::validate::Validator;
use crate::diag::Diag;
use crate::ir::{Program, UnitId};
use crate::progress::{EVERY, Progress, Quiet};
use crate::source::Span;

/// Receives validated units in data order.
pub trait UnitSink<'a>: Send {
    /// One unit; false when the receiver found a problem with it (the
    /// receiver keeps its own findings).
    fn unit(&mut self, input: &UnitInput<'a>) -> bool;
    /// A unit the validation refused, with what of it was valid (its valid
    /// events among them): the receiver may look for the problems only it
    /// can find, so that one run reports all of them (§5).
    fn refused(&mut self, input: &UnitInput<'a>) {
        let _ = input;
    }
    /// Takes over what `later` received: the units of the second part of a
    /// file read in two threads, whose data positions start at `offset`.
    fn append(&mut self, later: Self, offset: usize)
    where
        Self: Sized;
}

/// How many threads may read the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threads {
    /// Two for a large JSON file on a machine with two cores or more.
    Auto,
    One,
    /// Two whenever the data is JSON (tests of the two-part reading).
    Two,
}

/// Below this size a JSON file is read by one thread; above it, the second
/// half of the units is read by another (see [`Walk::json_in_two_parts`]).
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// A data source and how to read it.
#[derive(Clone, Copy)]
pub struct Feed<'r, 'a> {
    pub source: &'r DataSource<'a>,
    /// The units of closed groups must all be present (false for a policy's
    /// examples, §3).
    pub complete: bool,
    pub threads: Threads,
    pub progress: &'r dyn Progress,
}

impl<'r, 'a> Feed<'r, 'a> {
    /// Every unit of `source`, which must be complete, read by as many
    /// threads as help, with no progress shown.
    pub fn new(source: &'r DataSource<'a>) -> Self {
        Feed {
            source,
            complete: true,
            threads: Threads::Auto,
            progress: &Quiet,
        }
    }

    /// Closed groups need not be complete (a policy's examples).
    pub fn partial(self) -> Self {
        Feed {
            complete: false,
            ..self
        }
    }

    pub fn threads(self, threads: Threads) -> Self {
        Feed { threads, ..self }
    }

    pub fn progress(self, progress: &'r dyn Progress) -> Self {
        Feed { progress, ..self }
    }
}

/// The receiver after the last unit, and every finding about the data.
pub struct Fed<S> {
    pub sink: S,
    /// KH7xx findings of validation and of the top level, unsorted.
    pub findings: Vec<Diag>,
}

/// Reads, validates and hands over every unit of `feed` to a receiver made by
/// `make` (a second one for the second thread). A syntax error stops the
/// reading and is the only finding returned.
pub fn feed<'a, S: UnitSink<'a>>(
    p: &Program,
    feed: Feed<'_, 'a>,
    make: impl Fn() -> S + Sync,
) -> Result<Fed<S>, Diag> {
    let mut walk = Walk {
        validator: Validator::new(p, feed.complete),
        input: UnitInput::default(),
        sink: make(),
    };
    let source = feed.source;
    let total = match source {
        DataSource::Json(text) => text.len(),
        DataSource::Memory { units, .. } => units.len(),
    };
    // Progress is the place reached: a byte offset in JSON, a unit in memory.
    let report = |i: usize, done: usize| {
        if i.is_multiple_of(EVERY) {
            feed.progress.reading(done, total);
        }
    };
    let two = match (feed.threads, source) {
        (Threads::One, _) | (_, DataSource::Memory { .. }) => false,
        (Threads::Two, _) => true,
        (Threads::Auto, DataSource::Json(text)) => {
            text.len() >= PARALLEL_FROM_BYTES
                && std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
        }
    };
    let (units_at, top_level) = match source {
        DataSource::Json(text) if two => walk.json_in_two_parts(p, text, &make, &report)?,
        DataSource::Json(_) => source.each(|i, raw| {
            report(i, raw.span.end);
            walk.unit(i, raw);
        })?,
        DataSource::Memory { .. } => source.each(|i, raw| {
            report(i, i);
            walk.unit(i, raw);
        })?,
    };
    walk.validator.finish(units_at);
    let mut findings = walk.validator.diags;
    findings.extend(top_level);
    Ok(Fed {
        sink: walk.sink,
        findings,
    })
}

/// One reading: the validator, its reused output, the receiver.
struct Walk<'p, 'a, S> {
    validator: Validator<'p, 'a>,
    input: UnitInput<'a>,
    sink: S,
}

/// A unit of the second part, as the first part's validator needs it to check
/// what spans units (duplicate names, declared units present).
struct Admitted<'a> {
    name: Cow<'a, str>,
    name_span: Span,
    declared: Option<UnitId>,
}

/// What the second thread read: its receiver, its units, and where the units
/// array ended.
struct Second<'a, S> {
    sink: S,
    admitted: Vec<Admitted<'a>>,
    array_end: usize,
}

impl<'a, S: UnitSink<'a>> Walk<'_, 'a, S> {
    /// Validates one unit and hands it over; false when it has a problem.
    fn unit(&mut self, i: usize, raw: &RawUnit<'a>) -> bool {
        if self.validator.unit(raw, i, &mut self.input) {
            self.sink.unit(&self.input)
        } else {
            self.sink.refused(&self.input);
            false
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
        p: &Program,
        text: &'a str,
        make: &(impl Fn() -> S + Sync),
        report: &dyn Fn(usize, usize),
    ) -> Result<(Span, Vec<Diag>), Diag> {
        let Some(at) = JsonUnits::split_point(text) else {
            return DataSource::Json(text).each(|i, raw| {
                report(i, raw.span.end);
                self.unit(i, raw);
            });
        };
        std::thread::scope(|scope| {
            let mut second = Some(scope.spawn(move || second_part(p, text, at, make())));
            let mut reader = JsonUnits::open(text).map_err(json_diag)?;
            let mut raw = RawUnit::default();
            let mut i = 0;
            loop {
                if reader.next_offset() == Some(at)
                    && let Some(Some(part)) = second.take().and_then(|h| h.join().ok())
                {
                    self.take_over(part.admitted, i);
                    self.sink.append(part.sink, i);
                    reader
                        .resume_after_array(part.array_end)
                        .map_err(json_diag)?;
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

    /// Checks the second part's units, from data position `offset`, against
    /// what this reading has seen.
    fn take_over(&mut self, admitted: Vec<Admitted<'a>>, offset: usize) {
        for (i, unit) in admitted.into_iter().enumerate() {
            self.validator
                .admit(unit.name, unit.declared, offset + i, unit.name_span);
        }
    }
}

/// Reads the units from byte `at` to the end of the array into `sink`, or
/// gives up (`None`) at the first problem: problems are found by the ordinary
/// reading, so that they are the same whatever the number of threads.
fn second_part<'a, S: UnitSink<'a>>(
    p: &Program,
    text: &'a str,
    at: usize,
    mut sink: S,
) -> Option<Second<'a, S>> {
    let mut validator = Validator::new(p, false);
    let mut reader = JsonUnits::tail(text, at);
    let mut raw = RawUnit::default();
    let mut input = UnitInput::default();
    let mut admitted = Vec::new();
    let mut i = 0;
    while reader.next_unit(&mut raw).ok()? {
        if !validator.unit(&raw, i, &mut input) || !sink.unit(&input) {
            return None;
        }
        admitted.push(Admitted {
            name: input.name.clone(),
            name_span: input.name_span,
            declared: input.declared,
        });
        i += 1;
    }
    Some(Second {
        sink,
        admitted,
        array_end: reader.array_end?,
    })
}
