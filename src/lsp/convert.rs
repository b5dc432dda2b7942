//! kaohe's spans, findings and query answers in LSP's types.

use lsp_types as lsp;

use crate::diag::{Diag, Severity, label_text};
use crate::i18n::Lang;
use crate::ide::lines::{Lines, Position};
use crate::ide::{Analysis, TextEdit};
use crate::source::Span;

pub fn position(lines: &Lines, offset: usize) -> lsp::Position {
    let p = lines.position(offset);
    lsp::Position::new(p.line, p.column)
}

pub fn range(lines: &Lines, span: Span) -> lsp::Range {
    lsp::Range::new(position(lines, span.start), position(lines, span.end))
}

pub fn offset(lines: &Lines, p: lsp::Position) -> usize {
    lines.offset(Position {
        line: p.line,
        column: p.character,
    })
}

pub fn span(lines: &Lines, r: lsp::Range) -> Span {
    let (a, b) = (offset(lines, r.start), offset(lines, r.end));
    Span::new(a.min(b), a.max(b))
}

pub fn edit(lines: &Lines, e: &TextEdit) -> lsp::TextEdit {
    lsp::TextEdit::new(range(lines, e.span), e.text.clone())
}

/// A finding as an LSP diagnostic: code, severity, the message with its help,
/// the related places. The message of a KH4xx/5xx finding already describes
/// its example; the witness unit's whole data (which `check --format json`
/// gives) is left out: an editor shows messages, and a thousand witnesses
/// would triple what is sent after every edit.
pub fn diagnostic(
    a: &Analysis,
    d: &Diag,
    uri: &lsp::Uri,
    lang: Lang,
    codes_url: Option<&str>,
) -> lsp::Diagnostic {
    let severity = match d.severity() {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        _ => lsp::DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.text(lang);
    if let Some(help) = d.help(lang) {
        message.push_str(lang.pick("\n帮助：", "\nhelp: "));
        message.push_str(&help);
    }
    let code = d.code().as_str();
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), range(&a.lines, l.span)),
            message: label_text(&l.text, lang),
        })
        .collect();
    lsp::Diagnostic {
        range: range(&a.lines, d.span),
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(code.to_string())),
        code_description: codes_url.and_then(|base| {
            let href = format!("{base}#{}", super::encode(&anchor(d.code(), lang)));
            href.parse().ok().map(|href| lsp::CodeDescription { href })
        }),
        source: Some("kaohe".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The anchor of a code's section in the codes document, as Markdown
/// renderers (GitHub, VS Code) make it from the heading `## KH304 加分没有封顶`:
/// lower case, spaces as `-`, punctuation dropped.
fn anchor(code: crate::diag::Code, lang: Lang) -> String {
    use crate::diag::catalogue;
    let doc = lang.pick(catalogue::ZH, catalogue::EN);
    let heading = catalogue::section(doc, code)
        .and_then(|s| s.lines().next())
        .map_or(code.as_str().to_string(), |h| {
            h.trim_start_matches('#').trim().to_string()
        });
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => {
                Some(c.to_lowercase().next().unwrap_or(c))
            }
            _ => None,
        })
        .collect()
}
