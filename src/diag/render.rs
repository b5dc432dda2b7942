//! Rendering findings for people (miette's graphical report) and for tools
//! (JSON). This is the only place that knows about miette.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;

use super::{Diag, Severity, label_text};
use crate::i18n::Lang;
use crate::source::{SourceFile, line_col};

/// How to render: message language, colour, line width.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// The language of messages, help and labels.
    pub lang: Lang,
    /// Whether to colour the report (for a terminal).
    pub color: bool,
    /// The width to wrap the report to, in columns.
    pub width: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::Zh,
            color: false,
            width: 100,
        }
    }
}

/// A source whose reported columns count characters, so that the
/// `[file:line:col]` header agrees with what an editor shows for Chinese text
/// (miette's own `str` source counts bytes).
struct CharColumns<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for CharColumns<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        let start = inner.span().offset();
        let line_start = self
            .text
            .get(..start)
            .and_then(|s| s.rfind('\n'))
            .map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(0, |s| s.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// One finding in miette's shape.
struct Report<'a> {
    code: &'static str,
    message: String,
    help: Option<String>,
    severity: miette::Severity,
    labels: Vec<LabeledSpan>,
    source: &'a CharColumns<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Note => miette::Severity::Advice,
    }
}

/// Clamps a span to the text so that a finding at the end of a file still renders.
fn clamp(text: &str, start: usize, end: usize) -> SourceSpan {
    let start = start.min(text.len());
    let end = end.clamp(start, text.len());
    SourceSpan::new(start.into(), end - start)
}

/// All findings of one file as miette graphical reports.
pub fn render_text(file: &SourceFile, diags: &[Diag], opts: RenderOptions) -> String {
    let source = CharColumns {
        name: &file.name,
        text: &file.text,
    };
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(opts.width);
    let mut out = String::new();
    for diag in diags {
        let mut labels = Vec::new();
        // Sheet data has no text to show: its findings name their cells.
        if diag.message.has_place() && !file.text.is_empty() {
            labels.push(LabeledSpan::new_primary_with_span(
                diag.primary_label(opts.lang),
                clamp(&file.text, diag.span.start, diag.span.end),
            ));
        }
        labels.extend(diag.labels.iter().map(|l| {
            LabeledSpan::new_with_span(
                Some(label_text(&l.text, opts.lang)),
                clamp(&file.text, l.span.start, l.span.end),
            )
        }));
        let report = Report {
            code: diag.code().as_str(),
            message: diag.text(opts.lang),
            help: diag.help(opts.lang),
            severity: miette_severity(diag.severity()),
            labels,
            source: &source,
        };
        if handler.render_report(&mut out, &report).is_err() {
            // miette could not lay out the snippet: still say what and where.
            let (line, column) = line_col(&file.text, diag.span.start);
            out.push_str(&format!(
                "{}: {} [{}:{line}:{column}]\n",
                diag.code().as_str(),
                diag.text(opts.lang),
                file.name
            ));
        }
        out.push('\n');
    }
    out
}

/// A finding as `check --format json` prints it.
#[derive(Debug, Serialize)]
pub struct JsonDiag {
    /// The stable code (`KH401`), for tools to match on.
    pub code: &'static str,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// The message sentence.
    pub message: String,
    /// The file, named as in the text report.
    pub file: String,
    /// The line of the primary span, 1-based.
    pub line: usize,
    /// The column of the primary span, 1-based, in characters.
    pub column: usize,
    /// How to fix it.
    pub help: Option<String>,
    /// The related places.
    pub labels: Vec<JsonLabel>,
    /// Unit data that shows the finding (confirmed by evaluation), in the data contract.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub witness: Option<serde_json::Value>,
}

/// A related place of a JSON finding.
#[derive(Debug, Serialize)]
pub struct JsonLabel {
    /// Its line, 1-based.
    pub line: usize,
    /// Its column, 1-based, in characters.
    pub column: usize,
    /// What it has to do with the finding.
    pub text: String,
}

/// Findings of one file as JSON records (line and column 1-based, columns in characters).
pub fn to_json(file: &SourceFile, diags: &[Diag], lang: Lang) -> Vec<JsonDiag> {
    diags
        .iter()
        .map(|diag| {
            let (line, column) = line_col(&file.text, diag.span.start);
            JsonDiag {
                code: diag.code().as_str(),
                severity: diag.severity(),
                message: diag.text(lang),
                file: file.name.clone(),
                line,
                column,
                help: diag.help(lang),
                labels: diag
                    .labels
                    .iter()
                    .map(|l| {
                        let (line, column) = line_col(&file.text, l.span.start);
                        JsonLabel {
                            line,
                            column,
                            text: label_text(&l.text, lang),
                        }
                    })
                    .collect(),
                witness: diag.witness.clone(),
            }
        })
        .collect()
}
