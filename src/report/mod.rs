//! Rulings → text, JSON, JSON lines, and the document formats (HTML,
//! Markdown, CSV, XLSX). Deterministic: the same policy and data give
//! byte-identical output. Units stream in ranking order; each unit's
//! explanation is made when it is written.
//!
//! The document formats share their facts: `summary.rs` (a unit's ranking
//! line), `view.rs` (a unit's explanation as plain parts), `doc.rs`,
//! `lists.rs` and `flat.rs` (layouts several formats use).

pub mod csv;
pub mod doc;
pub mod flat;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod lists;
pub mod markdown;
pub mod payouts;
pub mod run;
pub mod summary;
pub mod text;
pub mod view;
pub mod xlsx;

use std::io::{self, Write};

use crate::diag::{Diag, fmt_decimal};
use crate::driver::{Rulings, RunInfo};
use crate::eval::{Evaluation, Reason, UnitRuling};
use crate::i18n::Lang;
use crate::ir::{ClauseId, Excl, Program};

/// Everything a renderer reads.
pub struct Context<'r, 'a> {
    pub p: &'r Program,
    pub run: &'r RunInfo,
    pub eval: &'r Evaluation<'a>,
    pub rulings: &'r Rulings<'r, 'a>,
    pub lang: Lang,
    /// Only this unit's explanation (`--unit NAME`).
    pub only: Option<&'r str>,
    pub progress: &'r dyn crate::progress::Progress,
}

/// A problem while writing: the output failed, or a unit could not be read again.
#[derive(Debug)]
pub enum WriteError {
    Io(io::Error),
    Data(Vec<Diag>),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl<'r, 'a> Context<'r, 'a> {
    /// What a renderer reads of `rulings`.
    pub fn new(
        rulings: &'r Rulings<'r, 'a>,
        run: &'r RunInfo,
        lang: Lang,
        only: Option<&'r str>,
        progress: &'r dyn crate::progress::Progress,
    ) -> Self {
        Context {
            p: rulings.program,
            run,
            eval: &rulings.evaluation,
            rulings,
            lang,
            only,
            progress,
        }
    }

    /// Units to explain, in ranking order (table positions).
    pub fn units(&self) -> impl Iterator<Item = usize> + '_ {
        self.eval
            .ranks
            .order
            .iter()
            .map(|u| *u as usize)
            .filter(move |u| match self.only {
                Some(name) => self.eval.table.rows.get(*u).is_some_and(|r| r.name == name),
                None => true,
            })
            .enumerate()
            .map(|(n, u)| {
                if n.is_multiple_of(crate::progress::EVERY) {
                    self.progress.writing(n, self.eval.ranks.order.len());
                }
                u
            })
    }

    pub fn ruling(&self, u: usize) -> Result<UnitRuling<'a>, WriteError> {
        self.rulings.ruling(u).map_err(WriteError::Data)
    }

    pub fn citation(&self, c: ClauseId) -> Option<&str> {
        self.p.clause(c).citation.as_deref()
    }

    /// `【四(一)】`, or nothing.
    pub fn cite(&self, c: ClauseId) -> String {
        self.citation(c)
            .map(|t| format!("【{t}】"))
            .unwrap_or_default()
    }

    /// `层级 省政府，对象 集体` for an event's attributes.
    pub fn attributes(&self, ruling: &UnitRuling<'_>, event: usize) -> Vec<(String, String)> {
        let Some(ev) = ruling.input.events.get(event) else {
            return Vec::new();
        };
        self.p[ev.kind]
            .attrs
            .iter()
            .zip(ruling.input.values_of(ev))
            .map(|(a, v)| (a.name.clone(), self.p.value_name(a, *v).to_string()))
            .collect()
    }

    /// An exclusion in the policy's words, with its citation: `不含 末 2 名 【六(一)】`.
    pub fn reason_text(&self, reason: &Reason) -> String {
        match reason {
            Reason::Vetoed => crate::i18n::words::words(self.lang)
                .vetoed_no_award
                .to_string(),
            Reason::Excluded(e, clause) => {
                format!("{} {}", self.exclusion(e, *clause), self.cite(*clause))
                    .trim_end()
                    .to_string()
            }
            Reason::Undecided(e, clause) => {
                let w = crate::i18n::words::words(self.lang);
                format!(
                    "{}{}{} {}",
                    w.may_apply,
                    w.colon,
                    self.exclusion(e, *clause),
                    self.cite(*clause)
                )
                .trim_end()
                .to_string()
            }
        }
    }

    /// An exclusion in the policy's words, without its citation (the document
    /// formats show clauses apart): `不含 末 2 名`.
    pub fn exclusion(&self, e: &Excl, clause: ClauseId) -> String {
        let w = crate::i18n::words::words(self.lang);
        let p = self.p;
        let what = match e {
            Excl::Unit(u) => p[*u].name.clone(),
            Excl::Group(g) => p[*g].name.clone(),
            Excl::Kind(f) => p[p[*f].kind].name.clone(),
            Excl::Vetoed => w.vetoed.to_string(),
            Excl::Outcome(o) => p[*o].name.clone(),
            Excl::Grade(t) => p[*t].name.clone(),
            Excl::Award(a) => p[*a].name.clone(),
            Excl::Bottom(n) => format!("{} {n} {}", w.bottom, w.bottom_end)
                .trim_end()
                .to_string(),
            // The finding as the policy states it: `弄虚作假 => 该项清零, 取消 先进`.
            Excl::Finding(_) => return p.clause(clause).text.clone(),
        };
        format!("{} {what}", w.exclude)
    }
}

/// Decimals as rulings show them (§7.30): `112`, `94.25`, `0`.
pub fn dec(d: rust_decimal::Decimal) -> String {
    fmt_decimal(d)
}

/// Writes `bytes` to `out` (the one place reports touch I/O).
pub fn emit(out: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
    out.write_all(bytes)
}

/// Output formats of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// 终端文本 / text for the terminal
    Text,
    /// 完整 JSON / full JSON with explanations
    Json,
    /// 每单位一行摘要 / one summary line per unit
    Jsonl,
    /// Markdown 文档 / a Markdown document
    Md,
    /// 单个 HTML 文件（含图表，可打印）/ one self-contained HTML file with a chart, printable
    Html,
    /// 每单位一行的 CSV（UTF-8，带 BOM）/ one CSV row per unit (UTF-8 with BOM)
    Csv,
    /// Excel 工作簿（二进制：用 -o 文件）/ an Excel workbook (binary: use -o FILE)
    Xlsx,
}

impl Format {
    /// Whether the output is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }

    /// Whether the output names the policy's and the data's hashes (summary
    /// lines and CSV rows do not: hashing 300 MB would only cost time).
    pub fn shows_hashes(self) -> bool {
        !matches!(self, Format::Jsonl | Format::Csv)
    }
}

/// Writes the rulings in `format` to `out`, and flushes it.
pub fn write(ctx: &Context<'_, '_>, format: Format, out: &mut dyn Write) -> Result<(), WriteError> {
    match format {
        Format::Text => text::write(ctx, out),
        Format::Json => json::write(ctx, out),
        Format::Jsonl => jsonl::write(ctx, out),
        Format::Md => markdown::write(ctx, out),
        Format::Html => html::write(ctx, out),
        Format::Csv => csv::write(ctx, out),
        Format::Xlsx => xlsx::write(ctx, out),
    }?;
    out.flush().map_err(WriteError::Io)
}
