//! Rendering findings for people (miette's graphical report) and for tools
//! (JSON). This is the only place that knows about miette.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan,
};
use serde::Serialize;

use super::excerpt::Excerpt;
use super::{Diag, Severity, label_text};
use crate::i18n::Lang;
use crate::source::{LineIndex, SourceFile};

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

/// One finding in miette's shape.
struct Report<'a> {
    code: &'static str,
    message: String,
    help: Option<String>,
    severity: miette::Severity,
    labels: Vec<LabeledSpan>,
    source: &'a Excerpt<'a>,
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

/// All findings of one file as miette graphical reports. Each shows only an
/// excerpt of the file around its spans ([`Excerpt`]), so no line is too long
/// to lay out and a finding costs the same wherever it stands.
pub fn render_text(file: &SourceFile, diags: &[Diag], opts: RenderOptions) -> String {
    let index = LineIndex::new(&file.text);
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(opts.width);
    let mut out = String::new();
    for diag in diags {
        // Sheet data has no text to show: its findings name their cells.
        let placed = diag.message.has_place() && !file.text.is_empty();
        let mut spans = Vec::new();
        if placed {
            spans.push(diag.span);
        }
        spans.extend(diag.labels.iter().map(|l| l.span));
        let (excerpt, mapped) = Excerpt::new(&file.name, &file.text, &index, &spans);
        let mut mapped = mapped
            .into_iter()
            .map(|r| SourceSpan::new(r.start.into(), r.len()));
        let mut labels = Vec::new();
        if placed && let Some(span) = mapped.next() {
            labels.push(LabeledSpan::new_primary_with_span(
                diag.primary_label(opts.lang),
                span,
            ));
        }
        labels.extend(diag.labels.iter().zip(mapped).map(|(l, span)| {
            LabeledSpan::new_with_span(Some(label_text(&l.text, opts.lang)), span)
        }));
        let report = Report {
            code: diag.code().as_str(),
            message: diag.text(opts.lang),
            help: diag.help(opts.lang),
            severity: miette_severity(diag.severity()),
            labels,
            source: &excerpt,
        };
        if handler.render_report(&mut out, &report).is_err() {
            // miette could not lay out the snippet: still say what and where.
            let (line, column) = index.line_col(&file.text, diag.span.start);
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
    let index = LineIndex::new(&file.text);
    let line_col = |offset: usize| index.line_col(&file.text, offset);
    diags
        .iter()
        .map(|diag| {
            let (line, column) = line_col(diag.span.start);
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
                        let (line, column) = line_col(l.span.start);
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
