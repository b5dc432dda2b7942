//! Semantic tokens: the legend and the relative encoding LSP wants (each
//! token's line and start as deltas from the one before, lengths in UTF-16).

use lsp_types as lsp;

use crate::diag::Sort;
use crate::ide::Analysis;
use crate::ide::tokens::Class;

/// Token types, in legend order.
pub const TYPES: [lsp::SemanticTokenType; 16] = [
    lsp::SemanticTokenType::KEYWORD,
    lsp::SemanticTokenType::NUMBER,
    lsp::SemanticTokenType::STRING,
    lsp::SemanticTokenType::COMMENT,
    lsp::SemanticTokenType::OPERATOR,
    lsp::SemanticTokenType::DECORATOR,
    lsp::SemanticTokenType::VARIABLE,
    lsp::SemanticTokenType::NAMESPACE,
    lsp::SemanticTokenType::PROPERTY,
    lsp::SemanticTokenType::TYPE,
    lsp::SemanticTokenType::PARAMETER,
    lsp::SemanticTokenType::ENUM_MEMBER,
    lsp::SemanticTokenType::CLASS,
    lsp::SemanticTokenType::EVENT,
    lsp::SemanticTokenType::ENUM,
    lsp::SemanticTokenType::FUNCTION,
];

pub const MODIFIERS: [lsp::SemanticTokenModifier; 1] = [lsp::SemanticTokenModifier::DECLARATION];

pub fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// The legend index of a class; `None` for punctuation (not coloured).
fn type_of(class: Class) -> Option<u32> {
    Some(match class {
        Class::Keyword(_) => 0,
        Class::Number => 1,
        Class::String => 2,
        Class::Comment => 3,
        Class::Operator => 4,
        Class::Citation => 5,
        Class::Name(None) => 6,
        Class::Name(Some(sort)) => match sort {
            Sort::Unit => 6,
            Sort::Group => 7,
            Sort::Item => 8,
            Sort::Kind => 9,
            Sort::Attr => 10,
            Sort::Value => 11,
            Sort::Award => 12,
            Sort::Outcome => 13,
            Sort::Tier => 14,
            Sort::Step => 15,
        },
        Class::Punct => return None,
    })
}

/// Every coloured token of the document, encoded.
pub fn encode(a: &Analysis) -> Vec<lsp::SemanticToken> {
    let text = a.text();
    let (mut line, mut start) = (0u32, 0u32);
    let mut out = Vec::new();
    for t in a.tokens() {
        let Some(token_type) = type_of(t.class) else {
            continue;
        };
        let p = a.lines.position(t.span.start);
        let length: usize = text
            .get(t.span.start..t.span.end)
            .map_or(0, |s| s.chars().fold(0, |n, c| n + c.len_utf16()));
        let delta_line = p.line.saturating_sub(line);
        let delta_start = if delta_line == 0 {
            p.column.saturating_sub(start)
        } else {
            p.column
        };
        out.push(lsp::SemanticToken {
            delta_line,
            delta_start,
            length: length as u32,
            token_type,
            token_modifiers_bitset: u32::from(t.declaration),
        });
        (line, start) = (p.line, p.column);
    }
    out
}
