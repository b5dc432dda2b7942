//! Lines of formatted output, the comments put back among them, and the blank
//! lines between them.
//!
//! The printer makes [`Line`]s, each knowing the source bytes it prints. A
//! comment then goes where it was written relative to those bytes:
//! - a comment on a line of its own goes above the first line printed from
//!   source after it, at that line's indentation (inside a block, before `}`,
//!   one level deeper);
//! - a comment after code goes at the end of the line that printed the code
//!   just before it;
//! - a comment written inside a statement the formatter prints on one line
//!   (a condition continued after `|`, say) stays with that statement: at
//!   its end, or above it.
//!
//! Blank lines: a [`Gap`] says whether one may stand before a line; `Keep`
//! keeps one where the source had at least one.

use crate::syntax::comments::Comment;

/// Whether a blank line stands before a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// Never (the first line of a block, `}`, a continued statement).
    Never,
    /// When the source had a blank line there.
    Keep,
    /// Always (around a declaration of several lines).
    Always,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Code,
    /// A block's closing `}`: a comment above it belongs inside the block.
    Close,
    Comment,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    /// Leading spaces.
    pub indent: usize,
    pub text: String,
    /// The source bytes this line prints, `first..=last`; equal for a line that
    /// stands for a position only (a block's head or its `}`).
    pub first: usize,
    pub last: usize,
    pub gap: Gap,
    pub role: Role,
    /// Comments written after code, kept at the end of this line.
    pub trailing: Vec<String>,
}

impl Line {
    pub(super) fn new(indent: usize, text: String, first: usize, last: usize, gap: Gap) -> Line {
        Line {
            indent,
            text,
            first,
            last,
            gap,
            role: Role::Code,
            trailing: Vec::new(),
        }
    }
}

/// Puts every comment among `lines` (see the module comment).
pub(super) fn place_comments(mut lines: Vec<Line>, comments: &[Comment]) -> Vec<Line> {
    // Comments to insert above line i (index lines.len(): at the end).
    let mut above: Vec<Vec<&Comment>> = vec![Vec::new(); lines.len() + 1];
    for c in comments {
        let p = c.start;
        // Lines print the source in order, so `first` and `last` grow with
        // the index: the only line that can hold `p` is the last to start before it.
        let inside = lines
            .partition_point(|l| l.first < p)
            .checked_sub(1)
            .filter(|&i| {
                lines
                    .get(i)
                    .is_some_and(|l| l.role == Role::Code && p < l.last)
            });
        let target = match (inside, c.own_line) {
            (Some(i), false) => Target::End(i),
            (Some(i), true) => Target::Above(i),
            (None, true) => Target::Above(first_after(&lines, p)),
            (None, false) => match last_before(&lines, p) {
                Some(i) => Target::End(i),
                None => Target::Above(first_after(&lines, p)),
            },
        };
        match target {
            Target::End(i) => {
                if let Some(l) = lines.get_mut(i) {
                    l.trailing.push(c.text.clone());
                }
            }
            Target::Above(i) => {
                if let Some(slot) = above.get_mut(i) {
                    slot.push(c);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(lines.len() + comments.len());
    let mut above = above.into_iter();
    for mut line in lines {
        let group = above.next().unwrap_or_default();
        if !group.is_empty() {
            let indent = match line.role {
                Role::Close => line.indent + 4,
                _ => line.indent,
            };
            let first_gap = match line.role {
                Role::Close => Gap::Keep,
                _ => line.gap,
            };
            for (k, c) in group.into_iter().enumerate() {
                let gap = if k == 0 { first_gap } else { Gap::Keep };
                out.push(comment_line(c, indent, gap));
            }
            if line.gap == Gap::Always {
                line.gap = Gap::Keep;
            }
        }
        out.push(line);
    }
    for c in above.flatten() {
        out.push(comment_line(c, 0, Gap::Keep));
    }
    out
}

enum Target {
    End(usize),
    Above(usize),
}

fn comment_line(c: &Comment, indent: usize, gap: Gap) -> Line {
    Line {
        role: Role::Comment,
        ..Line::new(indent, c.text.clone(), c.start, c.end, gap)
    }
}

/// The first line printed from source at or after `p` (`lines.len()` if none).
fn first_after(lines: &[Line], p: usize) -> usize {
    lines.partition_point(|l| l.first < p)
}

/// The last line whose printed source ends at or before `p`.
fn last_before(lines: &[Line], p: usize) -> Option<usize> {
    lines.partition_point(|l| l.last <= p).checked_sub(1)
}

/// The formatted text: lines with their indentation and trailing comments,
/// blank lines where their gaps say, one newline at the end.
pub(super) fn render(lines: &[Line], source: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<&Line> = None;
    for line in lines {
        if let Some(p) = prev {
            let blank = match line.gap {
                Gap::Never => false,
                Gap::Always => true,
                Gap::Keep => blank_between(source, p.last, line.first),
            };
            if blank {
                out.push('\n');
            }
        }
        out.extend(std::iter::repeat_n(' ', line.indent));
        out.push_str(&line.text);
        for t in &line.trailing {
            out.push(' ');
            out.push_str(t);
        }
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
        out.push('\n');
        prev = Some(line);
    }
    out
}

/// Whether the source holds a line of nothing but spaces between `a` and `b`.
fn blank_between(source: &str, a: usize, b: usize) -> bool {
    if a >= b {
        return false;
    }
    let Some(between) = source.get(a..b) else {
        return false;
    };
    let mut segments: Vec<&str> = between.split('\n').collect();
    // The first segment ends the line `a` is on, the last begins `b`'s line.
    segments.pop();
    segments.iter().skip(1).any(|s| {
        s.chars()
            .all(|c| matches!(c, ' ' | '\t' | '\r' | '\u{3000}' | '\u{FEFF}'))
    })
}
