//! The `chidao/1` document model: the serde types every parse produces.
//!
//! These types are the output contract. Fields may be added; none are removed
//! or renamed without a new schema version. Absent values serialize as `null`
//! or `[]`.

use serde::Serialize;

use crate::date::Date;

/// The schema name every [`Document`] carries.
pub const SCHEMA: &str = "chidao/1";

/// A half-open range of byte offsets into the input as given.
///
/// ```
/// let doc = chidao::parse("1. Sở Tài chính chủ trì.").unwrap();
/// let item = &doc.sections[0].children[0];
/// assert_eq!(item.span.start, 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// ```
    /// let s = chidao::Span::new(3, 7);
    /// assert_eq!(s.len(), 4);
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    ///
    /// ```
    /// assert_eq!(chidao::Span::new(2, 2).len(), 0);
    /// ```
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    ///
    /// ```
    /// assert!(chidao::Span::new(5, 5).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// A parsed directive: metadata, the body tree, and everything else the text held.
///
/// ```
/// let doc = chidao::parse("I. VỀ THỂ CHẾ\n1. Bộ Tư pháp chủ trì rà soát.").unwrap();
/// assert_eq!(doc.schema, "chidao/1");
/// assert_eq!(doc.sections[0].label.as_deref(), Some("I"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// The path the document was read from, set by batch tools.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Header and signature metadata.
    pub meta: Meta,
    /// Text between the header and the first section or item (`Căn cứ ...`, opening paragraphs).
    pub preamble: Option<String>,
    /// Roman sections; a document without them has one section with `label` and `path` null.
    pub sections: Vec<Node>,
    /// Text after the body (closing paragraphs, `Nơi nhận:` list, signature block).
    pub closing: Option<String>,
    /// Footnotes removed from the body.
    pub footnotes: Vec<Footnote>,
    /// Every legal reference found in the text.
    pub citations: Vec<Citation>,
    /// What the parser could not understand or had to guess.
    pub warnings: Vec<Warning>,
}

/// The document's own metadata, read from its header and signature block.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Meta {
    /// The kind of document.
    pub kind: Kind,
    /// Number and symbol as printed after `Số:` (`268/NQ-CP`).
    pub number: Option<String>,
    /// Issuing date.
    pub date: Option<Date>,
    /// Place before the issuing date (`Hà Nội`).
    pub place: Option<String>,
    /// Issuing body (`CHÍNH PHỦ`, `ỦY BAN NHÂN DÂN TỈNH ...`).
    pub issuer: Option<String>,
    /// The abstract (trích yếu), wraps joined.
    pub title: Option<String>,
    /// Who signed, if the signature block names anyone.
    pub signer: Option<Signer>,
    /// Addressees (`Kính gửi:` and the dash list after `... điện:`).
    pub recipients: Vec<String>,
    /// Copy recipients (`Đồng kính gửi:`, `Nơi nhận:` list).
    pub cc: Vec<String>,
    /// The encoding the input was decoded from (`utf-8`, `tcvn3`, ...).
    pub encoding: String,
}

/// The kind of directive, from the kind line of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// Công điện (urgent dispatch).
    CongDien,
    /// Thông báo (notice, often of conclusions).
    ThongBao,
    /// Nghị quyết (resolution).
    NghiQuyet,
    /// Chỉ thị (directive).
    ChiThi,
    /// Công văn (official letter).
    CongVan,
    /// Kế hoạch (plan).
    KeHoach,
    /// Quyết định (decision).
    QuyetDinh,
    /// Báo cáo (report).
    BaoCao,
    /// A press rendition of a document.
    News,
    /// No kind could be told.
    #[default]
    Unknown,
}

impl Kind {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(chidao::Kind::CongDien.as_str(), "cong_dien");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::CongDien => "cong_dien",
            Kind::ThongBao => "thong_bao",
            Kind::NghiQuyet => "nghi_quyet",
            Kind::ChiThi => "chi_thi",
            Kind::CongVan => "cong_van",
            Kind::KeHoach => "ke_hoach",
            Kind::QuyetDinh => "quyet_dinh",
            Kind::BaoCao => "bao_cao",
            Kind::News => "news",
            Kind::Unknown => "unknown",
        }
    }
}

/// The signature block.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Signer {
    /// The signer's name (`Phạm Minh Chính`).
    pub name: Option<String>,
    /// The signer's own title (`PHÓ THỦ TƯỚNG`).
    pub title: Option<String>,
    /// On whose behalf (`TM. CHÍNH PHỦ`, `KT. THỦ TƯỚNG`), lines joined by `; `.
    pub capacity: Option<String>,
}

/// A unit of the body: a section, item, sub-item or bullet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The marker's label: `I`, `1`, `a`, `đ`, `-`, `+`; null for the implicit section.
    pub label: Option<String>,
    /// Labels from the section down, joined by `.` (`I.1.a.-2`); null for the implicit section.
    pub path: Option<String>,
    /// A section heading or item topic (`Về thể chế`).
    pub title: Option<String>,
    /// The node's own text: wraps joined, markers and footnotes removed.
    pub text: String,
    /// 1-based line of the node's marker in the input.
    pub line: usize,
    /// Byte range of the node's own lines in the input.
    pub span: Span,
    /// Parties that must act, coordinate or receive reports.
    pub assignees: Vec<Assignee>,
    /// The verb phrases the node orders.
    pub actions: Vec<Action>,
    /// Deadlines and schedules in the node's own text.
    pub deadlines: Vec<Deadline>,
    /// Nested nodes.
    pub children: Vec<Node>,
}

/// A party named by a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignee {
    /// The party as the text spells it.
    pub name: String,
    /// Abbreviations expanded and one spelling variant (`UBND` -> `Ủy ban nhân dân`).
    pub canonical: String,
    /// What the party does in this node.
    pub role: Role,
    /// Whether the party comes from an enclosing line rather than the node's own text.
    pub inherited: bool,
}

/// The part a party plays in a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Must act (chủ trì, the subject of the order).
    Lead,
    /// Works with the lead (phối hợp với ...).
    Coordinate,
    /// Receives the report (báo cáo ...).
    ReportTo,
}

/// A verb phrase the node orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// The phrase.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// A deadline or schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// The phrase as written (`trước ngày 20 tháng 7 năm 2025`).
    pub text: String,
    /// How the date bounds the task.
    pub kind: DeadlineKind,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, `YYYY`, or a period name for recurring schedules.
    pub value: String,
    /// The last admissible day under a strict reading; null for recurring schedules.
    pub due: Option<Date>,
    /// Where the phrase stands in the input.
    pub span: Span,
}

/// How a deadline bounds its task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeadlineKind {
    /// `trước ngày D`: strictly before D.
    Before,
    /// `chậm nhất ngày D`, `trong ngày D`: on D at the latest.
    By,
    /// `trong tháng M năm Y`.
    Month,
    /// `trong quý ...`.
    Quarter,
    /// `trong năm Y`.
    Year,
    /// `hằng ngày`, `định kỳ hàng tháng`, ...
    Recurring,
    /// `từ ngày D1 đến ngày D2`: a window ending on D2.
    Range,
    /// `ngay`, `khẩn trương`: at once, with no date.
    Immediately,
}

impl DeadlineKind {
    /// The snake-case name used in JSON.
    ///
    /// ```
    /// assert_eq!(chidao::DeadlineKind::Before.as_str(), "before");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DeadlineKind::Before => "before",
            DeadlineKind::By => "by",
            DeadlineKind::Month => "month",
            DeadlineKind::Quarter => "quarter",
            DeadlineKind::Year => "year",
            DeadlineKind::Recurring => "recurring",
            DeadlineKind::Range => "range",
            DeadlineKind::Immediately => "immediately",
        }
    }
}

/// A footnote removed from the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Footnote {
    /// Its number as printed.
    pub label: String,
    /// Its text, wraps joined.
    pub text: String,
}

/// A reference to another legal document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The cited document's kind in snake case (`nghi_dinh`, `ke_hoach`, `luat`, ...).
    pub kind: String,
    /// Its number and symbol (`118/2025/NĐ-CP`).
    pub number: Option<String>,
    /// Its date, when the reference gives one.
    pub date: Option<Date>,
    /// Its issuer, when the reference names one (`Chính phủ`).
    pub issuer: Option<String>,
    /// The reference as written, wraps joined.
    pub text: String,
    /// Where it stands in the input.
    pub span: Span,
}

/// Something the parser could not understand, or a guess it made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// A stable machine-readable code (`marker_out_of_sequence`, `replaced_bytes`, ...).
    pub code: &'static str,
    /// A sentence for a person.
    pub message: String,
    /// 1-based input line, when the warning is about one.
    pub line: Option<usize>,
}

/// The flat view of a node that has an assignee or a deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    /// The node's path.
    pub path: Option<String>,
    /// The node's parties, with their roles.
    pub assignees: Vec<Assignee>,
    /// What the node orders.
    pub actions: Vec<Action>,
    /// By when.
    pub deadlines: Vec<Deadline>,
}

impl Document {
    /// Every node with an assignee or a deadline, in document order.
    ///
    /// ```
    /// let doc = chidao::parse("1. Bộ Tài chính rà soát, hoàn thành trong tháng 7 năm 2025.").unwrap();
    /// let tasks = doc.tasks();
    /// assert!(tasks.iter().all(|t| !t.assignees.is_empty() || !t.deadlines.is_empty()));
    /// ```
    pub fn tasks(&self) -> Vec<Task> {
        fn walk(node: &Node, out: &mut Vec<Task>) {
            if !node.assignees.is_empty() || !node.deadlines.is_empty() {
                out.push(Task {
                    path: node.path.clone(),
                    assignees: node.assignees.clone(),
                    actions: node.actions.clone(),
                    deadlines: node.deadlines.clone(),
                });
            }
            for child in &node.children {
                walk(child, out);
            }
        }
        let mut out = Vec::new();
        for section in &self.sections {
            walk(section, &mut out);
        }
        out
    }

    /// Visit every node depth-first, sections included.
    ///
    /// ```
    /// let doc = chidao::parse("I. VỀ THỂ CHẾ\n1. Rà soát.\na) Ban hành.").unwrap();
    /// let mut paths = Vec::new();
    /// doc.walk(&mut |n| paths.push(n.path.clone().unwrap_or_default()));
    /// assert_eq!(paths, ["I", "I.1", "I.1.a"]);
    /// ```
    pub fn walk(&self, f: &mut dyn FnMut(&Node)) {
        fn go(node: &Node, f: &mut dyn FnMut(&Node)) {
            f(node);
            for c in &node.children {
                go(c, f);
            }
        }
        for s in &self.sections {
            go(s, f);
        }
    }

    /// The document as pretty-printed `chidao/1` JSON.
    ///
    /// ```
    /// let json = chidao::parse("1. Rà soát.").unwrap().to_json_pretty();
    /// assert!(json.contains("\"schema\": \"chidao/1\""));
    /// ```
    pub fn to_json_pretty(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The document as one line of `chidao/1` JSON.
    ///
    /// ```
    /// let json = chidao::parse("1. Rà soát.").unwrap().to_json();
    /// assert!(!json.contains('\n'));
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}
