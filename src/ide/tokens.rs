//! The one lexer of the position queries: the text as the grammar's tokens
//! (keywords, names, numbers, strings, citations, comments, operators), with
//! each name classed by what it names. Semantic highlighting, hover on a
//! keyword and completion's sense of "what stands before the cursor" all read
//! it. It never fails: half-typed text lexes as far as it goes.

use crate::diag::Sort;
use crate::i18n::keywords::{Kw, all_spellings};
use crate::source::Span;

use super::Analysis;
use super::names::{Occurrence, sort_of};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Keyword(Kw),
    /// A name, by what it names when it resolved.
    Name(Option<Sort>),
    Number,
    String,
    Citation,
    Comment,
    Operator,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub class: Class,
    /// A name where it is declared.
    pub declaration: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{FEFF}' | '\n' | '\r')
}

const OPERATORS: [&str; 18] = [
    "=>", "＝＞", "⇒", ">=", "＞＝", "≥", "<=", "＜＝", "≤", "!=", "≠", "==", "=", "＝", ">", "＞",
    "<", "＜",
];

/// The tokens of `text`, names unclassed.
pub fn lex(text: &str) -> Vec<Token> {
    let keywords: std::collections::HashMap<&str, Kw> = all_spellings().into_iter().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, start: usize, end: usize, class| {
        out.push(Token {
            span: Span::new(start, end),
            class,
            declaration: false,
        });
    };
    // The end of a run up to `close` (included) or the line's end.
    let until = |from: usize, close: char| -> usize {
        let rest = text.get(from..).unwrap_or("");
        for (j, c) in rest.char_indices() {
            if c == close {
                return from + j + c.len_utf8();
            }
            if c == '\n' || c == '\r' {
                return from + j;
            }
        }
        text.len()
    };
    while let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
        let rest = text.get(i..).unwrap_or("");
        let start = i;
        if is_space(c) {
            i += c.len_utf8();
        } else if rest.starts_with("//") {
            i = until(i, '\n');
            while text.get(..i).is_some_and(|t| t.ends_with('\r')) {
                i -= 1;
            }
            push(&mut out, start, i, Class::Comment);
        } else if c == '"' || c == '“' {
            i = until(i + c.len_utf8(), if c == '"' { '"' } else { '”' });
            push(&mut out, start, i, Class::String);
        } else if c == '§' {
            let after = i + c.len_utf8();
            let q = text.get(after..).and_then(|r| r.chars().next());
            i = match q {
                Some(q @ ('"' | '“')) => {
                    until(after + q.len_utf8(), if q == '"' { '"' } else { '”' })
                }
                _ => after,
            };
            push(&mut out, start, i, Class::Citation);
        } else if c == '【' {
            i = until(i + c.len_utf8(), '】');
            push(&mut out, start, i, Class::Citation);
        } else if c == '「' || c == '`' {
            i = until(i + c.len_utf8(), if c == '「' { '」' } else { '`' });
            push(&mut out, start, i, Class::Name(None));
        } else if c.is_ascii_digit()
            || (c == '-' && rest.chars().nth(1).is_some_and(|d| d.is_ascii_digit()))
        {
            let len = rest
                .char_indices()
                .skip(1)
                .find(|(_, d)| !(d.is_ascii_digit() || *d == '.' || *d == '-'))
                .map_or(rest.len(), |(j, _)| j);
            i += len;
            if let Some(p) = text.get(i..).and_then(|r| r.chars().next())
                && (p == '%' || p == '％')
            {
                i += p.len_utf8();
            }
            push(&mut out, start, i, Class::Number);
        } else if unicode_ident::is_xid_start(c) {
            let len = rest
                .char_indices()
                .find(|(_, d)| !unicode_ident::is_xid_continue(*d))
                .map_or(rest.len(), |(j, _)| j);
            i += len;
            let word = rest.get(..len).unwrap_or("");
            let class = keywords
                .get(word)
                .map_or(Class::Name(None), |kw| Class::Keyword(*kw));
            push(&mut out, start, i, class);
        } else if let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) {
            i += op.len();
            push(&mut out, start, i, Class::Operator);
        } else {
            i += c.len_utf8();
            push(&mut out, start, i, Class::Punct);
        }
    }
    // `条款 "…"` (`clause "…"`): the string is the citation.
    for at in 1..out.len() {
        let after_clause = at
            .checked_sub(1)
            .and_then(|p| out.get(p))
            .is_some_and(|t| t.class == Class::Keyword(Kw::Clause));
        if let Some(t) = out.get_mut(at)
            && after_clause
            && t.class == Class::String
        {
            t.class = Class::Citation;
        }
    }
    out
}

/// The tokens with names classed by what they resolved to.
pub fn classify(mut tokens: Vec<Token>, occurrences: &[Occurrence]) -> Vec<Token> {
    let mut occ = occurrences.iter().peekable();
    for t in tokens.iter_mut().filter(|t| t.class == Class::Name(None)) {
        while occ.peek().is_some_and(|o| o.span.start < t.span.start) {
            occ.next();
        }
        if let Some(o) = occ.peek().filter(|o| o.span == t.span) {
            t.class = Class::Name(Some(sort_of(o.target)));
            t.declaration = o.declaration;
        }
    }
    tokens
}

impl Analysis {
    /// Every token, names classed.
    pub fn tokens(&self) -> Vec<Token> {
        self.with_names(|_, occ| classify(lex(self.text()), occ))
    }
}

/// The token under `offset`, or the one ending right at it.
pub fn token_at(tokens: &[Token], offset: usize) -> Option<Token> {
    tokens
        .iter()
        .find(|t| t.span.start <= offset && offset < t.span.end)
        .or_else(|| tokens.iter().find(|t| t.span.end == offset))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexes_the_languages_words() {
        let text = "加分 { 表彰 层级 是 省政府 => 10 【四(一)】 // 注\n 末2名 条款 \"x\" 5% }";
        let classes: Vec<Class> = lex(text).iter().map(|t| t.class).collect();
        assert_eq!(
            classes,
            vec![
                Class::Keyword(Kw::Bonus),
                Class::Punct,
                Class::Name(None),
                Class::Name(None),
                Class::Keyword(Kw::Is),
                Class::Name(None),
                Class::Operator,
                Class::Number,
                Class::Citation,
                Class::Comment,
                Class::Name(None),
                Class::Keyword(Kw::Clause),
                Class::Citation,
                Class::Number,
                Class::Punct,
            ]
        );
    }
}
