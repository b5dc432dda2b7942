//! The one way to run the pipeline: a function per stage, named after it
//! (parse → resolve → check → compile → analyze; open → evaluate), and
//! [`build`], which takes a policy file through the policy's stages. The CLI,
//! `report`, `diff`, `template`, `test` (and the workbench and language server
//! to come) call these and nothing deeper, so every consumer sees the same
//! findings for the same input.

use std::io;

use crate::ast::Policy;
use crate::check::{Checked, CheckedPolicy};
use crate::data::{DataFile, Opened};
use crate::diag::{Diag, Message, sort_and_dedup, sort_diags};
use crate::eval::{Evaluation, Feed, UnitRuling};
use crate::ir::Program;
use crate::progress::Progress;
use crate::resolve::Resolved;
use crate::source::{SourceFile, Span};
use crate::syntax::Parsed;

/// Why a run gave no result. Nothing is written when a run fails (§7.20: no
/// partial ruling).
#[derive(Debug)]
pub enum Failure {
    /// The policy's errors (its warnings and notes are `check`'s to report).
    Policy(Vec<Diag>),
    /// The data's errors, placed on their cells for sheets.
    Data(Vec<Diag>),
    /// The output could not be written.
    Output(io::Error),
}

/// Source text → AST and syntax findings (KH1xx).
pub fn parse(file: &SourceFile) -> Parsed {
    crate::syntax::parse(file)
}

/// AST → symbol table and name findings (KH105/106, KH2xx).
pub fn resolve(policy: &Policy) -> Resolved<'_> {
    crate::resolve::resolve(policy)
}

/// Resolved policy → static findings (KH3xx, KH6xx) and, when error-free, the
/// checked policy that alone can be compiled.
pub fn check(resolved: Resolved<'_>) -> Checked<'_> {
    crate::check::check(resolved)
}

/// Checked policy → the index-based program the evaluator runs.
pub fn compile(checked: &CheckedPolicy<'_>, file: &SourceFile) -> Program {
    crate::compile::compile(checked, &file.text)
}

/// Program → contradiction findings (KH303/304, KH4xx, KH5xx), each confirmed
/// on its witness data, within `budget` steps of work (KH405 for an analysis
/// cut short).
pub fn analyze(program: &Program, budget: u64) -> Vec<Diag> {
    crate::analysis::analyze(program, &crate::analysis::Budget::new(budget))
}

/// The analysis's default work budget, in steps.
pub const DEFAULT_BUDGET: u64 = crate::analysis::budget::DEFAULT;

/// How a policy is built.
#[derive(Debug, Clone, Copy)]
pub struct BuildOptions {
    /// The analysis's work budget ([`crate::analysis::budget::DEFAULT`]).
    pub budget: u64,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            budget: DEFAULT_BUDGET,
        }
    }
}

/// A policy file taken through parse, resolve, check, compile and analyze.
#[derive(Debug)]
pub struct Built {
    pub policy: Policy,
    /// The program, when no error was found.
    pub program: Option<Program>,
    /// Every finding (warnings and notes included), sorted by position.
    pub diags: Vec<Diag>,
    /// The keywords written in each language (what `fmt` and an editor's
    /// completions follow).
    pub keywords: crate::syntax::KeywordUse,
}

impl Built {
    /// The program, or the policy's errors.
    pub fn program(&self) -> Result<&Program, Failure> {
        self.program.as_ref().ok_or_else(|| {
            Failure::Policy(
                self.diags
                    .iter()
                    .filter(|d| d.is_error())
                    .cloned()
                    .collect(),
            )
        })
    }

    /// The warnings and notes (a policy with a program has no error).
    pub fn warnings(&self) -> Vec<Diag> {
        self.diags
            .iter()
            .filter(|d| !d.is_error())
            .cloned()
            .collect()
    }
}

/// Parses, checks, compiles and analyzes one policy file. Syntax errors stop
/// before names are resolved (a declaration that did not parse would only
/// cause spurious unknown names); literal errors stop before compiling.
pub fn build(file: &SourceFile) -> Built {
    build_with(file, BuildOptions::default())
}

/// [`build`] with options.
pub fn build_with(file: &SourceFile, options: BuildOptions) -> Built {
    let parsed = parse(file);
    if !parsed.complete {
        return Built {
            policy: parsed.policy,
            program: None,
            diags: parsed.diags,
            keywords: parsed.keywords,
        };
    }
    let literals_ok = !parsed.has_errors();
    let Parsed {
        policy,
        mut diags,
        keywords,
        ..
    } = parsed;
    let checked = check(resolve(&policy));
    // A literal refused by the parser (KH103) reads as 0: what the checker
    // then says of that 0 at the same place would only mislead.
    let refused: Vec<Span> = diags
        .iter()
        .filter(|d| d.code() == crate::diag::Code::KH103)
        .map(|d| d.span)
        .collect();
    diags.extend(checked.diags.into_iter().filter(|d| {
        !refused
            .iter()
            .any(|r| r.start <= d.span.start && d.span.end <= r.end)
    }));
    let program = checked
        .policy
        .filter(|_| literals_ok)
        .map(|c| compile(&c, file));
    if let Some(p) = &program {
        diags.extend(analyze(p, options.budget));
    }
    sort_and_dedup(&mut diags);
    let program = program.filter(|_| !diags.iter().any(Diag::is_error));
    Built {
        policy,
        program,
        diags,
        keywords,
    }
}

/// A data file's units as read, ready to evaluate (KH7xx about its layout).
pub fn open(data: &DataFile) -> Result<Opened<'_>, Failure> {
    crate::data::open(data).map_err(Failure::Data)
}

/// Evaluates opened data: the reading's own findings and validation's
/// together, placed on sheet cells, sorted; every consumer reports a data
/// file's problems the same way.
pub fn evaluate<'a>(
    program: &Program,
    opened: &Opened<'a>,
    progress: &dyn Progress,
) -> Result<Evaluation<'a>, Failure> {
    let units = Feed::new(&opened.source).progress(progress);
    // 20,000 refused events of one kind are 100 findings and a count: the
    // same cap the parser keeps (every problem is still counted).
    let capped = |all| crate::diag::cap_each_code(all, crate::diag::MOST_OF_ONE_CODE);
    match crate::eval::evaluate(program, units) {
        Ok(e) if opened.findings.is_empty() => Ok(e),
        Ok(_) => Err(Failure::Data(capped(opened.findings.clone()))),
        Err(d) => {
            let mut all = opened.findings.clone();
            all.extend(opened.placed(d));
            sort_diags(&mut all);
            Err(Failure::Data(capped(all)))
        }
    }
}

/// A policy's rulings on one data file: what the reports render. A unit's
/// full ruling is made when it is asked for, from its data read again.
pub struct Rulings<'r, 'a> {
    pub program: &'r Program,
    pub opened: &'r Opened<'a>,
    pub evaluation: Evaluation<'a>,
}

impl<'a> Rulings<'_, 'a> {
    /// Unit `u`'s ruling (a position in the evaluation's table), explained.
    pub fn ruling(&self, u: usize) -> Result<UnitRuling<'a>, Vec<Diag>> {
        self.evaluation
            .ruling(self.program, &self.opened.source, u)
            .map_err(|d| self.opened.placed(d))
    }

    /// The position of the unit named `name`, or KH002 naming the closest.
    pub fn unit_named(&self, name: &str) -> Result<usize, Failure> {
        let rows = &self.evaluation.table.rows;
        rows.iter().position(|r| r.name == name).ok_or_else(|| {
            let names = rows.iter().map(|r| r.name.as_ref());
            let m = Message::NoSuchUnit {
                unit: name.to_string(),
                suggestion: crate::diag::suggest::suggest(name, names),
            };
            Failure::Data(vec![Diag::new(m, Span::default())])
        })
    }
}

/// Evaluates opened data into rulings.
pub fn rulings<'r, 'a>(
    program: &'r Program,
    opened: &'r Opened<'a>,
    progress: &dyn Progress,
) -> Result<Rulings<'r, 'a>, Failure> {
    Ok(Rulings {
        program,
        opened,
        evaluation: evaluate(program, opened, progress)?,
    })
}

/// What identifies a run: the policy and the data, by content.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// SHA-256 of the policy file's text.
    pub policy_sha256: String,
    /// SHA-256 of the data's content, the same whatever its format.
    pub data_sha256: String,
}

/// The hashes that identify a run. Hashing reads the data a second time.
pub fn identify(policy: &SourceFile, opened: &Opened<'_>) -> Result<RunInfo, Failure> {
    Ok(RunInfo {
        policy_sha256: sha256(&policy.text),
        data_sha256: crate::data::digest::content_sha256(&opened.source)
            .map_err(|d| Failure::Data(vec![d]))?,
    })
}

/// The SHA-256 of a text, in hex.
pub fn sha256(text: &str) -> String {
    sha256_bytes(text.as_bytes())
}

/// The SHA-256 of bytes, in hex.
pub fn sha256_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(bytes))
}
