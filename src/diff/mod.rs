//! `kaohe diff`: what changed between two versions of a policy, said in the
//! policy's own words, and (with data) what that change does to each unit.
//!
//! The diff is semantic: it compares compiled programs (and, for what the
//! program drops, the AST, whose equality ignores places), so reordering,
//! re-spacing, a value list in another order, keywords in the other
//! language or full-width punctuation is no change, and a rule whose points
//! move is one change, not a removal and an addition. A statement's words
//! (`Clause::text`) are only shown, never compared (`policy::meaning`).
//!
//! The model here is plain data: `policy` and `rulings` build it, `render`
//! writes text and Markdown, serde writes JSON.

pub mod policy;
pub mod render;
pub mod rulings;
pub mod words;

use serde::Serialize;

use crate::data::DataFile;
use crate::driver::Failure;
use crate::i18n::Lang;
pub use policy::Side;

/// The part of the policy a change belongs to, in the order the diff lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Header,
    Units,
    Score,
    Kinds,
    Rules,
    Sections,
    Vetoes,
    Findings,
    Ranking,
    Awards,
    Outcomes,
    Grades,
    Payouts,
    Schedule,
}

impl Part {
    pub const ALL: [Part; 14] = [
        Part::Header,
        Part::Units,
        Part::Score,
        Part::Kinds,
        Part::Rules,
        Part::Sections,
        Part::Vetoes,
        Part::Findings,
        Part::Ranking,
        Part::Awards,
        Part::Outcomes,
        Part::Grades,
        Part::Payouts,
        Part::Schedule,
    ];
}

/// `+`, `-`, `~`, or a rename (`~` with the old name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Added,
    Removed,
    Changed,
    Renamed,
}

/// Which aspect of a declaration changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Year,
    Window,
    Issuer,
    Basis,
    SkipYears,
    Full,
    Name,
    Label,
    Group,
    Open,
    Max,
    Scale,
    Parent,
    Scorer,
    Citation,
    Attribute,
    Values,
    Points,
    Cap,
    Tests,
    Units,
    KeepHighest,
    Status,
    Quota,
    Allow,
    Due,
    After,
}

/// One aspect, old → new, in words (`10` → `8`; `—` for none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Aspect {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// One change of the policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub part: Part,
    pub mark: Mark,
    /// What changed, by name (`表彰`, `责任清单工作`); for a rename, the new name.
    pub subject: String,
    /// For a rename: the old name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// The clause cited (the new version's, or the old one's when removed).
    pub citation: Option<String>,
    /// The statement as the old version writes it.
    pub old: Option<String>,
    /// The statement as the new version writes it.
    pub new: Option<String>,
    pub aspects: Vec<Aspect>,
}

impl Change {
    pub fn new(part: Part, mark: Mark, subject: impl Into<String>) -> Change {
        Change {
            part,
            mark,
            subject: subject.into(),
            renamed_from: None,
            citation: None,
            old: None,
            new: None,
            aspects: Vec::new(),
        }
    }

    pub fn aspect(&mut self, field: Field, old: impl Into<String>, new: impl Into<String>) {
        self.aspects.push(Aspect {
            field,
            old: old.into(),
            new: new.into(),
        });
    }
}

/// The whole diff: the policy's changes, and with data, the units' changes.
#[derive(Debug, Serialize)]
pub struct Diff {
    pub old: String,
    pub new: String,
    pub changes: Vec<Change>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<rulings::DataDiff>,
}

impl Diff {
    /// Nothing differs: no change to the policy and none to any unit.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.data.as_ref().is_none_or(|d| {
                d.units.is_empty() && d.old_rejected.is_none() && d.new_rejected.is_none()
            })
    }
}

/// Compares two versions of a policy, each built without error
/// ([`driver::build`]); with `data`, evaluates it under both. Fails only when
/// the data cannot be read at all.
pub fn diff(
    old: Side<'_>,
    new: Side<'_>,
    data: Option<&DataFile>,
    lang: Lang,
) -> Result<Diff, Failure> {
    let changes = policy::compare(old, new, lang);
    let data = data
        .map(|d| rulings::compare(old.p, new.p, d, lang))
        .transpose()
        .map_err(Failure::Data)?;
    Ok(Diff {
        old: old.file.name.clone(),
        new: new.file.name.clone(),
        changes,
        data,
    })
}
