//! AST → [`Line`]s. One function per construct writes its canonical form;
//! this file holds what they share: indentation, blocks, lists that may run
//! over several lines, and the meta (citation, notes, assumption) every
//! statement may end with.
//!
//! Two layout choices are the drafter's and are read from the source spans:
//! where a list (units, `得分`, `预期`, `依据`) was broken into lines, and
//! whether a small block (a kind's attributes, a group's units, an example
//! event's fields) was written on one line. Everything else is canonical.

mod cond;
mod decls;
mod example;
mod ranked;

use unicode_width::UnicodeWidthStr;

use super::layout::{Gap, Line, Role};
use super::words::Words;
use crate::ast::{Decl, Loc, Meta, Policy, Stmt, Text};
use crate::i18n::{Kw, Lang};
use crate::source::Span;
use crate::syntax::comments::{Comment, SPACES};

const INDENT: usize = 4;

pub(super) struct Printer<'a> {
    lang: Lang,
    source: &'a str,
    comments: &'a [Comment],
    /// Byte offsets of the source's newlines, for "was this on one line".
    newlines: Vec<usize>,
    lines: Vec<Line>,
    depth: usize,
}

/// The lines of `policy` in `lang`; `source` and `comments` are those of the
/// file it was parsed from.
pub(super) fn print(policy: &Policy, source: &str, comments: &[Comment], lang: Lang) -> Vec<Line> {
    let mut p = Printer {
        lang,
        source,
        comments,
        newlines: source
            .char_indices()
            .filter(|&(_, c)| c == '\n')
            .map(|(i, _)| i)
            .collect(),
        lines: Vec::new(),
        depth: 0,
    };
    let mut ranges = Vec::with_capacity(policy.decls.len());
    for d in &policy.decls {
        let at = p.lines.len();
        p.decl(d);
        ranges.push(at..p.lines.len());
    }
    // Declarations of several lines stand apart; one-line declarations keep
    // the source's grouping (a run of `事项` lines stays together).
    let mut prev_multi = false;
    for r in ranges {
        let multi = r.len() > 1;
        if let Some(line) = p.lines.get_mut(r.start) {
            line.gap = if r.start > 0 && (multi || prev_multi) {
                Gap::Always
            } else {
                Gap::Keep
            };
        }
        prev_multi = multi;
    }
    p.lines
}

impl Printer<'_> {
    fn words(&self) -> Words {
        Words::new(self.lang)
    }

    fn indent(&self) -> usize {
        self.depth * INDENT
    }

    fn decl(&mut self, d: &Stmt<Decl>) {
        match &d.node {
            Decl::Header(h) => self.header(h, d),
            Decl::Units(groups) => self.units(groups, d),
            Decl::Score(tree) => self.score(tree, d),
            Decl::Kind(k) => self.kind(k, d),
            Decl::Adjust(s) => self.section(s, d),
            Decl::Veto(v) => self.veto(v, d),
            Decl::Finding(f) => self.finding(f, d),
            Decl::Ranking(r) => self.ranking(r, d),
            Decl::Award(a) => self.award(a, d),
            Decl::Outcome(o) => self.outcome(o, d),
            Decl::Grades(tiers) => self.grades(tiers, d),
            Decl::Payouts(lines) => self.payouts(lines, d),
            Decl::Schedule(steps) => self.schedule(steps, d),
            Decl::Example(e) => self.example(e, d),
        }
    }

    /// A statement on one line.
    fn leaf(&mut self, w: &Words, span: Loc) {
        let span = self.core(span);
        let line = Line::new(self.indent(), w.line(), span.start, span.end, Gap::Keep);
        self.lines.push(line);
    }

    /// `head {`, then one level deeper.
    fn open(&mut self, head: &Words, span: Loc) {
        let text = format!("{} {{", head.line());
        let line = Line::new(self.indent(), text, span.start, span.start, Gap::Keep);
        self.lines.push(line);
        self.depth += 1;
    }

    /// `}` (followed by `tail`, if any), one level up.
    fn close(&mut self, span: Loc, tail: &Words) {
        self.depth = self.depth.saturating_sub(1);
        let span = self.core(span);
        let text = if tail.is_empty() {
            "}".to_string()
        } else {
            format!("}} {}", tail.line())
        };
        let mut line = Line::new(self.indent(), text, span.end, span.end, Gap::Never);
        line.role = Role::Close;
        self.lines.push(line);
    }

    /// `head { … }` with one statement per line; an empty block is `head { }`.
    fn block<T>(
        &mut self,
        head: &Words,
        span: Loc,
        items: &[Stmt<T>],
        mut each: impl FnMut(&mut Self, &Stmt<T>),
    ) {
        if items.is_empty() && !self.comments_within(span) {
            let mut w = head.clone();
            w.push("{ }");
            self.leaf(&w, span);
            return;
        }
        self.open(head, span);
        self.children(items, &mut each);
        self.close(span, &self.words());
    }

    /// The statements of a block; no blank line before the first.
    fn children<T>(&mut self, items: &[Stmt<T>], each: &mut impl FnMut(&mut Self, &Stmt<T>)) {
        for (i, s) in items.iter().enumerate() {
            let at = self.lines.len();
            each(self, s);
            if i == 0
                && let Some(l) = self.lines.get_mut(at)
            {
                l.gap = Gap::Never;
            }
        }
    }

    fn comments_within(&self, span: Loc) -> bool {
        // Comments are in source order: the first one after the start decides.
        let span = self.core(span);
        let i = self.comments.partition_point(|c| c.start <= span.start);
        self.comments.get(i).is_some_and(|c| c.start < span.end)
    }

    /// Whether the source wrote `span` on one line, with no comment in it.
    fn on_one_line(&self, span: Loc) -> bool {
        let span = self.core(span);
        self.line_of(span.start) == self.line_of(span.end) && !self.comments_within(span)
    }

    /// `span` without the spaces and comment it may end with: pest puts the
    /// text skipped before an optional part that then did not match (a
    /// statement's empty tail, say) inside the rule's span.
    fn core(&self, span: Loc) -> Loc {
        let mut end = span.end;
        loop {
            let text = self.source.get(span.start..end).unwrap_or("");
            end = span.start + text.trim_end_matches(SPACES).len();
            // Comments are in source order, so ordered by their ends too.
            let found = self.comments.binary_search_by_key(&end, |c| c.end);
            match found.ok().and_then(|i| self.comments.get(i)) {
                Some(c) if c.start >= span.start => end = c.start,
                _ => return Loc(Span::new(span.start, end)),
            }
        }
    }

    /// The 0-based source line of byte `pos`.
    fn line_of(&self, pos: usize) -> usize {
        self.newlines.partition_point(|&n| n < pos)
    }

    /// Items grouped as the source wrote them: one group per source line.
    fn by_source_line(&self, items: Vec<(String, Loc)>) -> Vec<Vec<(String, Loc)>> {
        let mut groups: Vec<Vec<(String, Loc)>> = Vec::new();
        let mut current_line = None;
        for (text, span) in items {
            let line = self.line_of(span.start);
            match groups.last_mut() {
                Some(g) if current_line == Some(line) => g.push((text, span)),
                _ => groups.push(vec![(text, span)]),
            }
            current_line = Some(line);
        }
        groups
    }

    /// `head a, b,` / `c, d tail`: a comma list that keeps the source's line
    /// breaks; continued lines are aligned under the first item.
    fn list_stmt(&mut self, head: &Words, items: Vec<(String, Loc)>, tail: &Words, span: Loc) {
        let span = self.core(span);
        let items: Vec<(String, Loc)> = items.into_iter().map(|(t, s)| (t, self.core(s))).collect();
        let head_text = head.line();
        let align = self.indent() + head_text.width() + 1;
        let groups = self.by_source_line(items);
        let count = groups.len();
        if count == 0 {
            let mut w = head.clone();
            w.push(tail.line());
            self.leaf(&w, span);
            return;
        }
        for (i, group) in groups.into_iter().enumerate() {
            let mut w = self.words();
            let (indent, first, gap) = if i == 0 {
                w.push(head_text.clone());
                (self.indent(), span.start, Gap::Keep)
            } else {
                let first = group.first().map_or(span.start, |(_, s)| s.start);
                (align, first, Gap::Never)
            };
            let last_item = group.last().map_or(span.end, |(_, s)| s.end);
            w.push(join_items(group, i + 1 < count));
            let last = if i + 1 == count {
                w.push(tail.line());
                span.end
            } else {
                last_item
            };
            self.lines
                .push(Line::new(indent, w.line(), first, last, gap));
        }
    }

    /// The lines of a comma list inside a block (a group's units), keeping the
    /// source's line breaks; every line but the last ends with a comma.
    fn list_lines(&mut self, items: Vec<(String, Loc)>) {
        let items: Vec<(String, Loc)> = items.into_iter().map(|(t, s)| (t, self.core(s))).collect();
        let groups = self.by_source_line(items);
        let count = groups.len();
        for (i, group) in groups.into_iter().enumerate() {
            let first = group.first().map_or(0, |(_, s)| s.start);
            let last = group.last().map_or(first, |(_, s)| s.end);
            let gap = if i == 0 { Gap::Never } else { Gap::Keep };
            let text = join_items(group, i + 1 < count);
            self.lines
                .push(Line::new(self.indent(), text, first, last, gap));
        }
    }
}

/// `a, b` and, when the list goes on on the next line, a trailing comma.
fn join_items(group: Vec<(String, Loc)>, more: bool) -> String {
    let mut text = group
        .into_iter()
        .map(|(t, _)| t)
        .collect::<Vec<_>>()
        .join(", ");
    if more {
        text.push(',');
    }
    text
}

/// What any statement may end with: `【c】 "note"… 解释 "…"`.
fn meta(w: &mut Words, m: &Meta) {
    cite(w, m);
    notes(w, m);
}

fn cite(w: &mut Words, m: &Meta) {
    if let Some(c) = &m.citation {
        w.citation(c);
    }
}

/// Notes, then the assumption.
fn notes(w: &mut Words, m: &Meta) {
    for n in &m.notes {
        w.text(n);
    }
    assumption(w, m);
}

fn assumption(w: &mut Words, m: &Meta) {
    if let Some(a) = &m.assumption {
        w.kw(Kw::Assume).text(a);
    }
}

/// The meta of a statement where a string right after the name is its label
/// (§7.6: groups, units, awards). Without a label, a note must not come
/// first or it would read as one: the citation or the assumption goes before
/// it. Returns whether the notes still have to be written (after `等`).
fn labelled_meta(w: &mut Words, label: Option<&Text>, m: &Meta) -> bool {
    if label.is_some() || m.notes.is_empty() || m.citation.is_some() {
        meta(w, m);
        return false;
    }
    if m.assumption.is_some() {
        assumption(w, m);
        for n in &m.notes {
            w.text(n);
        }
        return false;
    }
    true
}
