//! The body tree: sections, items, sub-items and bullets, nested with a stack.
//!
//! Each marker is placed by looking for an open unit of the same kind: when
//! one is open and the marker continues its sequence, the new unit is its
//! sibling; otherwise a new list opens under the innermost unit. A marker out
//! of sequence is accepted with a warning when it is close (a skipped
//! number), and read as text when it is not (a wrapped line that happens to
//! start with `5.`).

use std::ops::Range;

use super::closing::opens_closing;
use crate::grammar::marker::{Marker, MarkerKind};
use crate::keys::starts_with_folded;
use crate::layout::{Block, Layout, TextBuf};
use crate::model::{Action, Assignee, Citation, Deadline, Node, Role, Span, Warning};
use crate::normalize::fold;
use crate::semantics::{self, Context};

/// How deep units may nest (section, item, decimal items, sub-item, bullets).
const MAX_DEPTH: usize = 10;

/// The blocks of the body and the lead-in sentence before them.
pub(crate) struct Region<'l> {
    /// Block indices of the body and closing.
    pub blocks: Range<usize>,
    /// The preamble's last paragraph when it introduces the list (`... như sau:`).
    pub lead_in: Option<&'l Block>,
    /// Whether to run the semantic stage.
    pub semantics: bool,
}

/// What the body stage produces.
pub(crate) struct Built {
    pub sections: Vec<Node>,
    pub closing: Vec<Block>,
    pub citations: Vec<Citation>,
    pub warnings: Vec<Warning>,
}

/// The kind of unit a marker opens, for nesting.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Level {
    Implicit,
    Section,
    Article,
    Number,
    /// `1.2.` style, with the numbers before the last one.
    Decimal(Vec<u32>),
    Letter,
    Dash,
    Plus,
}

fn level_of(m: &Marker) -> (Level, u32) {
    match &m.kind {
        MarkerKind::Roman(n) => (Level::Section, *n),
        MarkerKind::Article(n) => (Level::Article, *n),
        MarkerKind::Number(n) => (Level::Number, *n),
        MarkerKind::Decimal(parts) => {
            let (last, head) = parts.split_last().unwrap_or((&0, &[]));
            (Level::Decimal(head.to_vec()), *last)
        }
        MarkerKind::Letter(i) => (Level::Letter, *i as u32 + 1),
        MarkerKind::Dash => (Level::Dash, 0),
        MarkerKind::Plus => (Level::Plus, 0),
    }
}

/// A unit being built.
struct Draft<'l> {
    level: Level,
    label: Option<String>,
    seq: u32,
    /// The marker block, then the unit's own unmarked paragraphs.
    blocks: Vec<TextBlock<'l>>,
    children: Vec<Draft<'l>>,
}

/// A block as a unit holds it (a rejected marker's block carries its marker as text).
struct TextBlock<'l> {
    block: &'l Block,
    text: TextBuf,
}

impl<'l> Draft<'l> {
    fn new(level: Level, seq: u32, label: Option<String>, block: TextBlock<'l>) -> Draft<'l> {
        Draft {
            level,
            label,
            seq,
            blocks: vec![block],
            children: Vec::new(),
        }
    }
}

/// The first block of the body: the first marker that opens a section, an
/// article or a numbered item (`I.`, `Điều 1.`, `1.`), or, in a document
/// without them, the first bullet after the first running paragraph.
pub(crate) fn body_start(layout: &Layout<'_>, doc_start: usize) -> usize {
    let first = layout
        .blocks
        .iter()
        .position(|b| b.lines.start >= doc_start)
        .unwrap_or(layout.blocks.len());
    let blocks = &layout.blocks[first..];
    let strong = blocks
        .iter()
        .position(|b| match b.marker.as_ref().map(|m| &m.kind) {
            Some(MarkerKind::Roman(1))
            | Some(MarkerKind::Article(1))
            | Some(MarkerKind::Number(1)) => true,
            Some(MarkerKind::Decimal(p)) => p.first() == Some(&1),
            _ => false,
        });
    if let Some(i) = strong {
        return first + i;
    }
    let mut seen_paragraph = false;
    for (i, b) in blocks.iter().enumerate() {
        match &b.marker {
            Some(_) if seen_paragraph => return first + i,
            None if b.text.text.chars().count() > 80 && !opens_closing(&b.text.text) => {
                seen_paragraph = true
            }
            _ => {}
        }
    }
    blocks
        .iter()
        .position(|b| b.marker.is_some())
        .map_or(layout.blocks.len(), |i| first + i)
}

/// Build the body tree of `region`.
pub(crate) fn build(layout: &Layout<'_>, region: Region<'_>, ctx: &Context) -> Built {
    let blocks = &layout.blocks[region.blocks.clone()];
    let mut b = Builder {
        layout,
        tops: Vec::new(),
        stack: Vec::new(),
        warnings: Vec::new(),
        closing: Vec::new(),
    };
    // For each block, the index of the next block with a marker (one backward pass).
    let mut next_marker = vec![None; blocks.len()];
    let mut after = None;
    for (j, bl) in blocks.iter().enumerate().rev() {
        next_marker[j] = after;
        if bl.marker.is_some() {
            after = Some(j);
        }
    }
    let mut in_closing = false;
    // A marker printed at the end of the block before (`... tiến bộ 1.1.`).
    let mut pending: Option<Marker> = None;
    for (i, block) in blocks.iter().enumerate() {
        if in_closing {
            // An attached plan after the signature resumes the body.
            if matches!(
                block.marker.as_ref().map(|m| &m.kind),
                Some(MarkerKind::Roman(1))
            ) {
                in_closing = false;
            } else {
                b.closing.push(block.clone());
                continue;
            }
        }
        if block.marker.is_none() && opens_closing(&block.text.text) && !b.stack.is_empty() {
            in_closing = true;
            b.closing.push(block.clone());
            continue;
        }
        if block.marker.is_none() && block.text.text.ends_with("./.") && !b.stack.is_empty() {
            // `./.` closes the text. The paragraph is the closing, unless it is
            // the only text of a unit whose marker stands alone (`Điều 3.`).
            let bare = b
                .stack
                .last()
                .is_some_and(|d| d.blocks.len() == 1 && d.blocks[0].text.text.is_empty());
            if bare {
                b.paragraph(
                    TextBlock {
                        block,
                        text: block.text.clone(),
                    },
                    None,
                    false,
                );
            } else {
                b.move_trailing_to_closing();
                b.closing.push(block.clone());
            }
            in_closing = true;
            continue;
        }
        let next = next_marker[i].map(|j| {
            level_of(
                blocks[j]
                    .marker
                    .as_ref()
                    .expect("indexed blocks have markers"),
            )
            .0
        });
        let mut text = block.text.clone();
        let carried = pending.take();
        if block.marker.is_none() {
            if let Some(m) = carried {
                if b.fits(&m) {
                    pending =
                        trailing_marker(&mut text).filter(|t| b.fits_after(t, &level_of(&m).0));
                    if pending.is_none() {
                        text = block.text.clone();
                    }
                    b.place(block, &m, text);
                    continue;
                }
            }
        }
        let own_level = block
            .marker
            .as_ref()
            .map_or(Level::Implicit, |bm| level_of(bm).0);
        pending = trailing_marker(&mut text).filter(|t| b.fits_after(t, &own_level));
        if pending.is_none() {
            text = block.text.clone();
        }
        // `- Cơ quan thường trực ...` after a sentence cut off mid-name: a wrapped
        // line that happens to start with a dash, not a bullet.
        let wrapped_dash = matches!(
            block.marker.as_ref().map(|m| &m.kind),
            Some(MarkerKind::Dash)
        ) && i > 0
            && continues_across_dash(&blocks[i - 1]);
        if wrapped_dash && !b.stack.is_empty() {
            b.paragraph(TextBlock { block, text }, next.as_ref(), true);
            continue;
        }
        match &block.marker {
            Some(m) => match inline_decimal(&text, m) {
                Some((at, sub)) => {
                    let mut rest = text.split_off(at);
                    rest.drop_front(sub.len);
                    b.place(block, m, text);
                    b.place(block, &sub, rest);
                }
                None => {
                    if !b.place(block, m, text) {
                        b.paragraph(as_text(layout, block, m), next.as_ref(), true);
                    }
                }
            },
            None => b.paragraph(TextBlock { block, text }, next.as_ref(), false),
        }
    }
    if !in_closing {
        b.move_trailing_to_closing();
    }
    b.close_all();
    let lead_in = region
        .lead_in
        .filter(|_| region.semantics)
        .map(|bl| leads_of(&bl.text));
    let mut env = Env {
        layout,
        ctx,
        semantics: region.semantics,
        citations: Vec::new(),
        scratch: Default::default(),
        parties: Default::default(),
        ranges: Vec::new(),
        numbers: Vec::new(),
    };
    let mut sections = Vec::with_capacity(b.tops.len());
    for top in b.tops {
        sections.push(finish(
            &mut env,
            top,
            None,
            lead_in.as_deref().unwrap_or(&[]),
        ));
    }
    Built {
        sections,
        closing: b.closing,
        citations: env.citations,
        warnings: b.warnings,
    }
}

/// A block whose marker was rejected, as text with the marker in front.
fn as_text<'l>(layout: &Layout<'_>, block: &'l Block, m: &Marker) -> TextBlock<'l> {
    let mut text = TextBuf::default();
    let marker = layout.text[block.span.start..block.span.start + m.len].trim_end();
    text.push_src(marker, block.span.start);
    text.append(" ", &block.text);
    TextBlock { block, text }
}

struct Builder<'a, 'l> {
    layout: &'a Layout<'l>,
    /// Finished top-level units (the implicit section, Roman sections).
    tops: Vec<Draft<'l>>,
    /// Open units, outermost first; `stack[0]` is the current top-level unit.
    stack: Vec<Draft<'l>>,
    warnings: Vec<Warning>,
    closing: Vec<Block>,
}

impl<'a, 'l> Builder<'a, 'l> {
    fn line_no(&self, block: &Block) -> usize {
        self.layout.lines.get(block.lines.start).map_or(0, |l| l.no)
    }

    fn warn(&mut self, block: &Block, code: &'static str, message: String) {
        let line = Some(self.line_no(block));
        self.warnings.push(Warning {
            code,
            message,
            line,
        });
    }

    /// Close open units down to (and excluding) depth `depth`.
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            let d = self.stack.pop().expect("stack is longer than depth");
            match self.stack.last_mut() {
                Some(parent) => parent.children.push(d),
                None => self.tops.push(d),
            }
        }
    }

    fn close_all(&mut self) {
        self.close_to(0);
    }

    fn push_child(&mut self, level: Level, seq: u32, label: String, tb: TextBlock<'l>) {
        if self.stack.len() >= MAX_DEPTH {
            // Deeper than any real directive: keep the unit as a sibling of the innermost one.
            self.warn(
                tb.block,
                "too_deep",
                format!(
                    "`{label}` nests deeper than {MAX_DEPTH} levels; kept at level {MAX_DEPTH}"
                ),
            );
            self.close_to(MAX_DEPTH - 1);
        }
        if self.stack.is_empty() {
            let implicit = Draft::new(
                Level::Implicit,
                0,
                None,
                TextBlock {
                    block: tb.block,
                    text: TextBuf::default(),
                },
            );
            self.stack.push(implicit);
        }
        self.stack.push(Draft::new(level, seq, Some(label), tb));
    }

    /// Whether a marker carried from the end of the block before has its place open.
    fn fits(&self, m: &Marker) -> bool {
        match level_of(m) {
            (Level::Decimal(head), _) => self.decimal_parent(&head).is_some(),
            (Level::Number, 1) => {
                matches!(self.stack.last().map(|d| &d.level), Some(Level::Section))
            }
            _ => false,
        }
    }

    /// Whether a marker at the end of a block of level `after` will fit once that block is placed.
    fn fits_after(&self, m: &Marker, after: &Level) -> bool {
        match (level_of(m), after) {
            // `1. Heading 1.1.`: the decimal's parent is the block itself.
            ((Level::Decimal(head), 1), Level::Number) if head.len() == 1 => true,
            ((Level::Decimal(head), _), _) => self.decimal_parent(&head).is_some(),
            // `III. TỔ CHỨC THỰC HIỆN 1.`
            ((Level::Number, 1), Level::Section) => true,
            _ => false,
        }
    }

    /// The open unit a decimal marker with these leading numbers goes under.
    fn decimal_parent(&self, head: &[u32]) -> Option<usize> {
        self.stack.iter().rposition(|d| match (&d.level, head) {
            (Level::Number, [n]) => d.seq == *n,
            (Level::Decimal(h), _) => {
                let mut full = h.clone();
                full.push(d.seq);
                full == head
            }
            _ => false,
        })
    }

    /// Place a marked block with its text; `false` when the marker is read as text instead.
    fn place(&mut self, block: &'l Block, m: &Marker, text: TextBuf) -> bool {
        let (level, seq) = level_of(m);
        let label = m.label();
        let tb = TextBlock { block, text };
        match level {
            Level::Section => {
                let last = self.last_seq_of_top(&Level::Section);
                let ok = seq == last + 1 || seq == 1 || (seq > last && seq <= last + 2);
                if !ok {
                    return false;
                }
                if seq != last + 1 && seq != 1 {
                    self.warn(
                        block,
                        "marker_out_of_sequence",
                        format!("section {label} follows section {last}"),
                    );
                }
                self.close_all();
                self.stack
                    .push(Draft::new(Level::Section, seq, Some(label), tb));
                true
            }
            Level::Article => {
                let last = self.last_seq_of_top(&Level::Article);
                if !(seq == last + 1 || seq == 1 || (seq > last && seq <= last + 2)) {
                    return false;
                }
                // Articles live in an implicit top-level unit.
                if !matches!(self.stack.first().map(|d| &d.level), Some(Level::Implicit)) {
                    self.close_all();
                }
                self.close_to(1);
                self.push_child(Level::Article, seq, label, tb);
                true
            }
            Level::Decimal(ref head) => {
                // `1.2.` goes under item 1 (or decimal item `1.` of a deeper chain).
                let parent = self.decimal_parent(head);
                match parent {
                    Some(k) => {
                        let prev = self
                            .stack
                            .get(k + 1)
                            .filter(|d| d.level == level)
                            .map(|d| d.seq);
                        let prev = prev.or_else(|| {
                            self.stack[k]
                                .children
                                .iter()
                                .rev()
                                .find(|c| c.level == level)
                                .map(|c| c.seq)
                        });
                        let expected = prev.map_or(1, |p| p + 1);
                        if seq != expected {
                            self.warn(
                                block,
                                "marker_out_of_sequence",
                                format!(
                                    "item {} follows {}",
                                    dotted(head, seq),
                                    prev.map_or("none".to_string(), |p| dotted(head, p))
                                ),
                            );
                        }
                        self.close_to(k + 1);
                        self.push_child(level, seq, label, tb);
                    }
                    None => {
                        self.warn(
                            block,
                            "orphan_marker",
                            format!(
                                "item {} has no item {} above it",
                                dotted(head, seq),
                                head.iter()
                                    .map(u32::to_string)
                                    .collect::<Vec<_>>()
                                    .join(".")
                            ),
                        );
                        self.push_child(level, seq, label, tb);
                    }
                }
                true
            }
            Level::Dash | Level::Plus => {
                match self.stack.iter().rposition(|d| d.level == level) {
                    Some(k) if k > 0 => self.close_to(k),
                    _ => {}
                }
                self.push_child(level, seq, label, tb);
                true
            }
            Level::Number | Level::Letter => {
                let open = self
                    .stack
                    .iter()
                    .rposition(|d| d.level == level)
                    .filter(|&k| k > 0);
                let last_closed = if open.is_none() {
                    self.stack
                        .last()
                        .and_then(|d| d.children.iter().rev().find(|c| c.level == level))
                        .map(|c| c.seq)
                } else {
                    None
                };
                match (open, last_closed) {
                    (Some(k), _) => {
                        let expected = self.stack[k].seq + 1;
                        if seq == expected {
                            self.close_to(k);
                        } else if seq == 1 && k + 1 < self.stack.len() {
                            // A new list under the innermost unit (of another kind).
                        } else if seq == 1 {
                            // The same list restarts: keep it at its level, and say so.
                            self.warn(
                                block,
                                "marker_out_of_sequence",
                                format!(
                                    "`{label}` restarts the list after `{}`",
                                    self.stack[k].label.clone().unwrap_or_default()
                                ),
                            );
                            self.close_to(k);
                        } else if seq > expected && seq <= expected + 2 {
                            self.warn(
                                block,
                                "marker_out_of_sequence",
                                format!(
                                    "`{label}` follows `{}`",
                                    self.stack[k].label.clone().unwrap_or_default()
                                ),
                            );
                            self.close_to(k);
                        } else {
                            return false;
                        }
                    }
                    (None, Some(prev)) => {
                        if !(seq == prev + 1 || seq == 1 || (seq > prev && seq <= prev + 2)) {
                            return false;
                        }
                    }
                    (None, None) => {
                        if seq > 3 {
                            return false;
                        }
                        if seq != 1 {
                            self.warn(
                                block,
                                "marker_out_of_sequence",
                                format!("list starts at `{label}`"),
                            );
                        }
                    }
                }
                self.push_child(level, seq, label, tb);
                true
            }
            Level::Implicit => false,
        }
    }

    /// The last sequence number used at top level for `level`.
    fn last_seq_of_top(&self, level: &Level) -> u32 {
        match level {
            Level::Section => {
                let open = self
                    .stack
                    .first()
                    .filter(|d| d.level == Level::Section)
                    .map(|d| d.seq);
                open.or_else(|| {
                    self.tops
                        .iter()
                        .rev()
                        .find(|d| d.level == Level::Section)
                        .map(|d| d.seq)
                })
                .unwrap_or(0)
            }
            _ => {
                let in_open = self
                    .stack
                    .get(1)
                    .filter(|d| d.level == *level)
                    .map(|d| d.seq);
                let in_implicit = self
                    .stack
                    .first()
                    .and_then(|d| d.children.iter().rev().find(|c| c.level == *level))
                    .map(|c| c.seq);
                in_open.or(in_implicit).unwrap_or(0)
            }
        }
    }

    /// An unmarked paragraph: it belongs to the innermost open unit, except a
    /// paragraph after the last sub-item of a list, which belongs to the unit
    /// holding the list (`Hoàn thành trong tháng 7 ...` after `b)`).
    fn paragraph(&mut self, tb: TextBlock<'l>, next: Option<&Level>, continuation: bool) {
        let depth = self.stack.len();
        if depth == 0 {
            // Text before any unit: keep it in an implicit unit's own text.
            let implicit = Draft::new(Level::Implicit, 0, None, tb);
            self.stack.push(implicit);
            return;
        }
        if continuation {
            if let Some(last) = self.stack.last_mut().and_then(|d| d.blocks.last_mut()) {
                last.text.append(" ", &tb.text);
                return;
            }
        }
        let top = &self.stack[depth - 1];
        let starts_upper = tb.text.text.starts_with(|c: char| c.is_uppercase());
        let closes_list = match next {
            None => true,
            Some(l) if *l == top.level => false,
            Some(l) => {
                self.stack[..depth - 1].iter().any(|d| d.level == *l)
                    || matches!(l, Level::Section | Level::Article)
            }
        };
        let is_sub = matches!(
            top.level,
            Level::Letter | Level::Dash | Level::Plus | Level::Decimal(_)
        );
        let target = if is_sub && depth >= 2 && tb.block.after_blank && starts_upper && closes_list
        {
            depth - 2
        } else {
            depth - 1
        };
        self.stack[target].blocks.push(tb);
    }

    /// Move the last unit's trailing paragraphs, set off by a blank line, to the closing.
    fn move_trailing_to_closing(&mut self) {
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        let mut keep = top.blocks.len();
        while keep > 1 {
            let last = &top.blocks[keep - 1];
            let task_like = ["hoan thanh", "thoi han", "thoi gian"]
                .iter()
                .any(|k| starts_with_folded(&last.text.text, k));
            if !last.block.after_blank || task_like {
                break;
            }
            keep -= 1;
        }
        let moved: Vec<Block> = top
            .blocks
            .drain(keep..)
            .map(|tb| tb.block.clone())
            .collect();
        self.closing.splice(0..0, moved);
    }
}

/// Whether a dash line after `prev` continues it: `prev` is running text cut
/// off without any punctuation, not a heading or topic line.
fn continues_across_dash(prev: &Block) -> bool {
    let t = prev.text.text.trim_end();
    !prev.bold
        && t.len() > 80
        && t.ends_with(|c: char| crate::keys::is_word_char(c))
        && !crate::layout::is_caps(t)
}

/// A decimal or number marker ending the text (`... tiến bộ 1.1.`): cut it off and return it.
fn trailing_marker(text: &mut TextBuf) -> Option<Marker> {
    let t = text.text.trim_end();
    let at = t.rfind(' ')? + 1;
    let token = &t[at..];
    if !token.ends_with('.') || !token.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        return None;
    }
    let m = crate::grammar::marker::parse(token)?;
    if !matches!(m.kind, MarkerKind::Decimal(_) | MarkerKind::Number(_)) {
        return None;
    }
    let cut = t[..at].trim_end().len();
    if cut == 0 {
        return None;
    }
    let _ = text.split_off(cut);
    Some(m)
}

/// `3. Giải quyết ... 3.1. Rà soát ...`: a first decimal sub-item inside item 3's first line.
fn inline_decimal(text: &TextBuf, m: &Marker) -> Option<(usize, Marker)> {
    let MarkerKind::Number(n) = m.kind else {
        return None;
    };
    let pat = format!(" {n}.1. ");
    let at = text.text.find(&pat)? + 1;
    let sub = crate::grammar::marker::parse(&text.text[at..])?;
    Some((at, sub))
}

fn dotted(head: &[u32], last: u32) -> String {
    let mut s: String = head.iter().map(|n| format!("{n}.")).collect();
    s.push_str(&last.to_string());
    s
}

/// The parties a lead-in asks to act, as inherited assignees.
fn leads_of(text: &TextBuf) -> Vec<Assignee> {
    semantics::parties::addressees(&text.text)
        .into_iter()
        .filter(|p| p.role == Role::Lead)
        .map(|p| Assignee {
            name: p.name,
            canonical: p.canonical,
            role: p.role,
            inherited: true,
        })
        .collect()
}

/// Record the citations of `text`, whose runs of digits are `numbers`
/// ([`crate::keys::digit_runs`]); returns their ranges in `text`.
pub(crate) fn cite(
    text: &TextBuf,
    ctx: &Context,
    numbers: &[Range<usize>],
    out: &mut Vec<Citation>,
) -> Vec<Range<usize>> {
    let found = semantics::citations::find_with(&text.text, ctx, numbers);
    let ranges = found.iter().map(|c| c.range.clone()).collect();
    for c in found {
        let r = text.src(c.range.clone());
        out.push(Citation {
            kind: c.kind,
            number: c.number,
            date: c.date,
            issuer: c.issuer,
            text: text.text[c.range].to_string(),
            span: Span::new(r.start, r.end),
        });
    }
    ranges
}

/// Field lines of a plan (`- Cơ quan thực hiện: X`): what the value gives its parent.
enum Field {
    Lead,
    Coordinate,
    Time,
}

fn field_of(text: &str) -> Option<(Field, usize)> {
    let colon = text.find(':')?;
    if colon > 60 {
        return None;
    }
    let key = fold(&text[..colon]);
    let key = key.trim();
    let field = if key.ends_with("phoi hop") {
        Field::Coordinate
    } else if key.contains("chu tri")
        || key.ends_with("thuc hien") && (key.starts_with("co quan") || key.starts_with("don vi"))
    {
        Field::Lead
    } else if key.starts_with("thoi gian") || key.starts_with("thoi han") {
        Field::Time
    } else {
        return None;
    };
    Some((field, colon + 1))
}

/// Turn a draft into a node: paths, titles, texts, and the node's meaning.
/// What turning drafts into nodes needs besides the draft.
struct Env<'a, 'l> {
    layout: &'a Layout<'l>,
    ctx: &'a Context,
    /// Run the semantic stage (parties, deadlines, actions, citations).
    semantics: bool,
    citations: Vec<Citation>,
    /// Tokenizer buffers, reused from node to node.
    scratch: semantics::tokens::Scratch,
    /// Party grammar buffers, reused from node to node.
    parties: semantics::parties::Scratch,
    /// Action ranges, a buffer reused from node to node.
    ranges: Vec<Range<usize>>,
    /// Runs of digits, a buffer reused from node to node.
    numbers: Vec<Range<usize>>,
}

fn finish(
    env: &mut Env<'_, '_>,
    d: Draft<'_>,
    parent_path: Option<&str>,
    inherited: &[Assignee],
) -> Node {
    let layout = env.layout;
    let first = &d.blocks[0];
    let line = layout
        .lines
        .get(first.block.lines.start)
        .map_or(0, |l| l.no);
    let path = match (&d.label, parent_path) {
        (None, _) => None,
        (Some(l), None) => Some(l.clone()),
        (Some(l), Some(p)) => Some(format!("{p}.{l}")),
    };
    // Title and own text.
    let (title, mut own) = title_and_text(&d);
    for tb in d.blocks.iter().skip(1) {
        own.append("\n", &tb.text);
    }
    let start = if d.level == Level::Implicit {
        d.children
            .first()
            .map_or(first.block.span.start, |c| c.blocks[0].block.span.start)
    } else {
        first.block.span.start
    };
    let end = d
        .blocks
        .iter()
        .map(|b| b.block.span.end)
        .max()
        .unwrap_or(start)
        .max(start);

    // Meaning.
    // The node's words, read by the party and action finders.
    let tokens = env
        .semantics
        .then(|| semantics::tokens::Tokens::new(&own.text, &mut env.scratch));
    let found = tokens
        .as_ref()
        .map(|t| semantics::parties::find_in(t, &mut env.parties))
        .unwrap_or_default();
    let mut assignees: Vec<Assignee> = found
        .into_iter()
        .map(|p| Assignee {
            name: p.name,
            canonical: p.canonical,
            role: p.role,
            inherited: false,
        })
        .collect();
    // Citations first: the dates inside them are no deadlines. Both look
    // around the same numbers, found once.
    let deadlines = if env.semantics {
        let numbers = &mut env.numbers;
        numbers.clear();
        crate::keys::digit_runs(own.text.as_bytes(), numbers);
        let numbers = &env.numbers;
        let cited = cite(&own, env.ctx, numbers, &mut env.citations);
        let hints = tokens.as_ref().map_or(
            semantics::deadlines::Hints::ALL,
            semantics::deadlines::Hints::of,
        );
        deadlines_of(&own, env.ctx, &cited, numbers, hints)
    } else {
        Vec::new()
    };
    env.ranges.clear();
    if let Some(t) = &tokens {
        semantics::actions::find_in(t, &mut env.ranges);
    }
    // The tokenizer's buffers go back for the next node.
    drop(tokens);
    let actions = env
        .ranges
        .drain(..)
        .map(|r| {
            let s = own.src(r.clone());
            Action {
                text: own.text[r].to_string(),
                span: Span::new(s.start, s.end),
            }
        })
        .collect();
    // Sections pass an inherited party down to their items but are no task themselves.
    let container = matches!(d.level, Level::Implicit | Level::Section);
    if !assignees.iter().any(|a| a.role == Role::Lead) && !container {
        let mut inh: Vec<Assignee> = inherited
            .iter()
            .map(|a| Assignee {
                inherited: true,
                ..a.clone()
            })
            .collect();
        inh.extend(assignees);
        assignees = inh;
    }
    // What the children inherit: the node's own leads, else what it inherited.
    let own_leads: Vec<Assignee> = if d.children.is_empty() {
        Vec::new()
    } else {
        assignees
            .iter()
            .filter(|a| a.role == Role::Lead)
            .cloned()
            .collect()
    };
    let leads = if own_leads.is_empty() {
        inherited
    } else {
        &own_leads[..]
    };
    let mut node = Node {
        label: d.label.clone(),
        path: path.clone(),
        title,
        text: own.text.clone(),
        line,
        span: Span::new(start, end),
        assignees,
        actions,
        deadlines,
        children: Vec::with_capacity(d.children.len()),
    };
    let mut dashes = 0;
    let mut pluses = 0;
    let mut lifted_leads = Vec::new();
    for mut c in d.children {
        match c.level {
            Level::Dash => {
                dashes += 1;
                c.label = Some(format!("-{dashes}"));
            }
            Level::Plus => {
                pluses += 1;
                c.label = Some(format!("+{pluses}"));
            }
            _ => {}
        }
        let child = finish(env, c, path.as_deref(), leads);
        lift_fields(&child, &mut node, &mut lifted_leads);
        node.children.push(child);
    }
    node.assignees.extend(lifted_leads);
    node
}

/// A plan's field lines give their values to the task above them.
fn lift_fields(child: &Node, parent: &mut Node, lifted: &mut Vec<Assignee>) {
    let Some((field, _)) = field_of(&child.text) else {
        return;
    };
    match field {
        Field::Lead | Field::Coordinate => {
            for a in child.assignees.iter().filter(|a| !a.inherited) {
                let role = match field {
                    Field::Coordinate => Role::Coordinate,
                    _ => a.role,
                };
                if role == Role::Lead {
                    // Own leads replace what the task inherited.
                    parent.assignees.retain(|x| !x.inherited);
                }
                let entry = Assignee {
                    role,
                    inherited: false,
                    ..a.clone()
                };
                if !parent.assignees.contains(&entry) && !lifted.contains(&entry) {
                    lifted.push(entry);
                }
            }
        }
        Field::Time => {}
    }
    // A time field, on its own line or run on after the parties
    // (`- Cơ quan thực hiện: X -Thời gian thực hiện: hằng năm`), dates the task.
    for dl in &child.deadlines {
        if !parent
            .deadlines
            .iter()
            .any(|p| p.kind == dl.kind && p.value == dl.value)
        {
            parent.deadlines.push(dl.clone());
        }
    }
}

fn deadlines_of(
    own: &TextBuf,
    ctx: &Context,
    cited: &[Range<usize>],
    numbers: &[Range<usize>],
    hints: semantics::deadlines::Hints,
) -> Vec<Deadline> {
    semantics::deadlines::find_cited(&own.text, ctx, cited, numbers, hints)
        .into_iter()
        .map(|f| {
            let s = own.src(f.range.clone());
            Deadline {
                text: own.text[f.range].to_string(),
                kind: f.kind,
                value: f.value,
                due: f.due,
                span: Span::new(s.start, s.end),
            }
        })
        .collect()
}

/// A heading or topic title, and the text that remains.
fn title_and_text(d: &Draft<'_>) -> (Option<String>, TextBuf) {
    let first = &d.blocks[0];
    let t = &first.text.text;
    match d.level {
        Level::Implicit => (None, first.text.clone()),
        Level::Section => (
            Some(t.trim_end_matches(':').trim().to_string()).filter(|s| !s.is_empty()),
            TextBuf::default(),
        ),
        _ if first.block.bold && (d.blocks.len() > 1 || !d.children.is_empty()) => {
            (Some(t.clone()), TextBuf::default())
        }
        _ if t.starts_with("Về ") || t.starts_with("VỀ ") => match t.find(':') {
            Some(colon) => {
                let title = t[..colon].trim().to_string();
                let mut rest = first.text.clone();
                let after = &t[colon + 1..];
                let skip = colon + 1 + (after.len() - after.trim_start().len());
                rest.drop_front(skip);
                (Some(title), rest)
            }
            None if first.block.lines.len() <= 2
                && (d.blocks.len() > 1 || !d.children.is_empty())
                && t.chars().count() < 120 =>
            {
                (Some(t.clone()), TextBuf::default())
            }
            None => (None, first.text.clone()),
        },
        _ => (None, first.text.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(text: &str) -> Vec<String> {
        let doc = crate::Parser::new()
            .semantics(false)
            .parse(text)
            .expect("parses");
        let mut out = Vec::new();
        doc.walk(&mut |n| out.push(n.path.clone().unwrap_or_else(|| "·".into())));
        out
    }

    fn node<'d>(doc: &'d crate::Document, path: &str) -> &'d Node {
        fn find<'a>(nodes: &'a [Node], path: &str) -> Option<&'a Node> {
            nodes.iter().find_map(|n| {
                if n.path.as_deref() == Some(path) {
                    Some(n)
                } else {
                    find(&n.children, path)
                }
            })
        }
        find(&doc.sections, path).unwrap_or_else(|| panic!("no node {path}"))
    }

    #[test]
    fn trailing_markers() {
        let mut t = TextBuf::default();
        t.push_src("Tăng cường sự lãnh đạo và tiến bộ 1.1.", 0);
        let m = trailing_marker(&mut t);
        assert_eq!(m.map(|m| m.kind), Some(MarkerKind::Decimal(vec![1, 1])));
        assert_eq!(t.text, "Tăng cường sự lãnh đạo và tiến bộ");
    }

    #[test]
    fn nests_sections_items_letters_and_bullets() {
        let t = "I. VỀ THỂ CHẾ\n1. Sở Tư pháp chỉ đạo:\na) Rà soát.\n- Một.\n- Hai.\nb) Ban hành.\n+ Ba.\n2. Sở Y tế.\nII. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Nội vụ.";
        assert_eq!(
            paths(t),
            [
                "I", "I.1", "I.1.a", "I.1.a.-1", "I.1.a.-2", "I.1.b", "I.1.b.+1", "I.2", "II",
                "II.1"
            ]
        );
    }

    #[test]
    fn letters_follow_the_vietnamese_alphabet() {
        let t = "1. Giao:\na) A.\nb) B.\nc) C.\nd) D.\nđ) Đ.\ne) E.\ng) G.";
        assert_eq!(
            paths(t),
            ["·", "1", "1.a", "1.b", "1.c", "1.d", "1.đ", "1.e", "1.g"]
        );
    }

    #[test]
    fn a_number_at_a_wrapped_line_start_is_text() {
        let t = "1. Sở Tài chính rà soát theo khoản 2 Điều\n15. Hoàn thành sớm.\n2. Sở Y tế.";
        let doc = crate::parse(t).unwrap();
        assert_eq!(paths(t), ["·", "1", "2"]);
        assert!(node(&doc, "1").text.contains("Điều 15. Hoàn thành"));
    }

    #[test]
    fn a_close_skip_is_kept_with_a_warning() {
        let doc = crate::parse("1. Một.\n2. Hai.\n4. Bốn.").unwrap();
        assert_eq!(doc.sections[0].children.len(), 3);
        assert_eq!(doc.warnings[0].code, "marker_out_of_sequence");
        assert_eq!(doc.warnings[0].line, Some(3));
    }

    #[test]
    fn paragraph_after_the_last_sub_item_belongs_to_the_item() {
        let t = "I. A\n1. Bộ trưởng các Bộ\na) Xây dựng cơ sở dữ liệu.\nb) Kết nối dữ liệu.\n\nHoàn thành trong tháng 7 năm 2025.\n\n2. Sở Y tế.";
        let doc = crate::Parser::new().semantics(false).parse(t).unwrap();
        assert!(node(&doc, "I.1")
            .text
            .ends_with("Hoàn thành trong tháng 7 năm 2025."));
        assert_eq!(node(&doc, "I.1.b").text, "Kết nối dữ liệu.");
    }

    #[test]
    fn paragraph_between_sub_items_stays_with_the_sub_item() {
        let t = "1. Sở Y tế:\na) Rà soát.\n\nTiếp tục theo dõi.\n\nb) Ban hành.";
        let doc = crate::Parser::new().semantics(false).parse(t).unwrap();
        assert_eq!(node(&doc, "1.a").text, "Rà soát.\nTiếp tục theo dõi.");
    }

    #[test]
    fn topic_titles() {
        let t = "I. CÁC NHIỆM VỤ TRỌNG TÂM\n1. Về thể chế, cơ chế chính sách \nỦy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:\na) Kiện toàn Ban Chỉ đạo về phát triển khoa học công nghệ, đổi mới sáng tạo.\n2. Về truyền thông: Các cơ quan truyền thông tiếp tục tăng cường thông tin.";
        let doc = crate::Parser::new().semantics(false).parse(t).unwrap();
        let one = node(&doc, "I.1");
        assert_eq!(one.title.as_deref(), Some("Về thể chế, cơ chế chính sách"));
        assert_eq!(
            one.text,
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:"
        );
        let two = node(&doc, "I.2");
        assert_eq!(two.title.as_deref(), Some("Về truyền thông"));
        assert!(two.text.starts_with("Các cơ quan truyền thông"));
        assert_eq!(
            doc.sections[0].title.as_deref(),
            Some("CÁC NHIỆM VỤ TRỌNG TÂM")
        );
    }

    #[test]
    fn decimal_items_and_articles() {
        assert_eq!(
            paths("I. NHIỆM VỤ\n1. Mục đích\n1.1. Rà soát.\n1.2. Ban hành.\n2. Yêu cầu"),
            ["I", "I.1", "I.1.1", "I.1.2", "I.2"]
        );
        assert_eq!(
            paths("Điều 1. Ban hành kế hoạch.\nĐiều 2. Hiệu lực.\nI. MỤC ĐÍCH\n1. Một."),
            ["·", "1", "2", "I", "I.1"]
        );
    }

    #[test]
    fn closing_paragraphs_and_recipients_are_not_nodes() {
        let t = "1. Sở Y tế thực hiện.\n2. Sở Tư pháp thực hiện.\n\nĐây là nhiệm vụ quan trọng, đề nghị các sở thực hiện./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An";
        let doc = crate::parse(t).unwrap();
        assert_eq!(paths(t), ["·", "1", "2"]);
        assert!(doc
            .closing
            .as_deref()
            .unwrap_or("")
            .starts_with("Đây là nhiệm vụ"));
        assert_eq!(doc.meta.cc, ["Như trên", "Lưu: VT"]);
        assert_eq!(
            doc.meta.signer.and_then(|s| s.name).as_deref(),
            Some("Nguyễn Văn An")
        );
    }

    #[test]
    fn an_attached_plan_resumes_after_the_signature() {
        let t = "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nNơi nhận:\n- Lưu: VT.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Văn B KẾ HOẠCH TRIỂN KHAI\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích";
        assert_eq!(paths(t), ["·", "1", "I", "I.1"]);
    }

    #[test]
    fn a_dash_that_continues_a_cut_sentence_is_not_a_bullet() {
        let t = "1. Sở Khoa học và Công nghệ theo dõi, đôn đốc các sở, ban, ngành triển khai; báo cáo kết quả về Cục Cảnh\nsát Quản lý hành chính về trật tự xã hội\n\n- Cơ quan thường trực Tổ công tác trước ngày 20 hằng tháng.\n2. Các sở thực hiện.";
        assert_eq!(paths(t), ["·", "1", "2"]);
        let t = "1. Về thể chế\n- Các bộ rà soát.\n- Các địa phương thực hiện.";
        assert_eq!(paths(t), ["·", "1", "1.-1", "1.-2"]);
    }

    #[test]
    fn field_lines_give_their_values_to_the_task() {
        let t = "1. Tổ chức tuyên truyền Chỉ thị.\n- Cơ quan thực hiện: Sở Tư pháp chủ trì -Thời gian thực hiện: Thực hiện thường xuyên hằng năm.\n* Ghi chú.";
        let doc = crate::parse(t).unwrap();
        let task = node(&doc, "1");
        assert!(
            task.deadlines.iter().any(|d| d.value == "yearly"),
            "{:?}",
            task.deadlines
        );
        assert_eq!(paths(t), ["·", "1", "1.-1", "1.-2"]);
    }

    #[test]
    fn nesting_has_a_floor() {
        let t: String = (0..40)
            .map(|i| format!("{}) x\n", ['a', 'b'][i % 2]))
            .collect::<String>()
            + &(1..=30)
                .map(|i| format!("{}.{} y\n", i, i))
                .collect::<String>();
        let doc = crate::parse(&t).unwrap();
        fn depth(n: &Node) -> usize {
            1 + n.children.iter().map(depth).max().unwrap_or(0)
        }
        assert!(doc.sections.iter().map(depth).max().unwrap_or(0) <= MAX_DEPTH);
    }
}
