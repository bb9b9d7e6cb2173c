//! Meaning of a node's text: who acts, what they do, by when, and what is cited.
//!
//! Every function here reads one node's own text (wraps joined, markers and
//! footnotes removed) and returns byte ranges into that text; the structure
//! stage maps them back to the input.

use std::ops::Range;

use crate::date::Date;
use crate::model::{DeadlineKind, Role};

pub(crate) mod actions;
pub(crate) mod canon;
pub(crate) mod citations;
pub(crate) mod deadlines;
pub(crate) mod parties;
pub(crate) mod tokens;

/// What the semantic stage knows about the document around a node.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Context {
    /// The date that completes dates written without a year: the caller's
    /// reference date, else the document's issuing date.
    pub reference: Option<Date>,
}

/// A deadline found in a node's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundDeadline {
    /// Byte range of the phrase in the node text.
    pub range: Range<usize>,
    /// How it bounds the task.
    pub kind: DeadlineKind,
    /// The value per SPEC §2 (`2025-07-20`, `2025-07`, `2025-Q3`, `2025`, `daily`).
    pub value: String,
    /// Last admissible day; `None` for recurring schedules.
    pub due: Option<Date>,
}

/// A legal reference found in a node's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundCitation {
    /// Byte range of the reference in the text.
    pub range: Range<usize>,
    /// Kind of the cited document in snake case (`nghi_dinh`, `ke_hoach`, ...).
    pub kind: String,
    /// Number and symbol.
    pub number: Option<String>,
    /// Date of the cited document.
    pub date: Option<Date>,
    /// Issuer of the cited document.
    pub issuer: Option<String>,
}

/// A party named in a node's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundParty {
    /// Byte range of the name in the text.
    pub range: Range<usize>,
    /// The name as the text spells it, shortest identifying phrase.
    pub name: String,
    /// Abbreviations expanded, one spelling variant.
    pub canonical: String,
    /// Its role in the node.
    pub role: Role,
}
