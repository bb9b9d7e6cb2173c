//! Layout: from raw lines to logical paragraphs ("blocks").
//!
//! PDF extraction, web crawls and word processors break a directive's text in
//! ways that have nothing to do with its structure. This stage undoes that:
//!
//! - every raw line is cleaned of converter markup (`**`, `|`, `#`, tabs) and
//!   classified: blank, page number, footnote, text;
//! - footnote blocks are lifted out of the body (even mid-sentence) and the
//!   markers glued to words (`Tô Lâm1`) are dropped from the text;
//! - hard wraps are joined into blocks, one per paragraph or marked unit, with
//!   codes split at a line end (`02-` / `KH/BCĐTW`) rejoined without a space.
//!
//! Whether a marker is real (in sequence) is judged by the structure stage.

use std::ops::Range;

use crate::grammar::marker::{self, Marker, MarkerKind};

/// The laid-out document.
#[derive(Debug)]
pub(crate) struct Layout<'a> {
    /// The (normalized) text everything points into.
    pub text: &'a str,
    /// Every raw line.
    pub lines: Vec<Line>,
    /// Logical paragraphs in order, footnotes and page numbers left out.
    pub blocks: Vec<Block>,
    /// Footnotes: label and text.
    pub footnotes: Vec<(String, String)>,
}

/// One raw line of the input.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number.
    pub no: usize,
    /// Byte range (absolute) of the line's content after markup is stripped.
    pub content: Range<usize>,
    /// The content opened with `**`.
    pub bold_open: bool,
    /// The content closed with `**`.
    pub bold_close: bool,
    /// What the line is.
    pub kind: LineKind,
    /// The raw line starts with white space (a page-break artefact or indentation).
    pub indented: bool,
}

/// What a raw line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but white space or markup.
    Blank,
    /// A page number alone on its line.
    PageNumber,
    /// Part of a footnote block.
    Footnote,
    /// Text.
    Text,
}

impl Line {
    /// The cleaned content.
    pub fn content<'t>(&self, text: &'t str) -> &'t str {
        &text[self.content.clone()]
    }
}

/// A logical paragraph: a marked unit's first paragraph, or an unmarked paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Indices of the raw lines it spans (footnote lines inside are skipped).
    pub lines: Range<usize>,
    /// The marker it starts with.
    pub marker: Option<Marker>,
    /// Its text after the marker, wraps joined.
    pub text: TextBuf,
    /// The whole first line was bold (`**1. Mục đích**`).
    pub bold: bool,
    /// A blank line (or page break) stands before it.
    pub after_blank: bool,
    /// Byte range in the normalized text.
    pub span: Range<usize>,
}

/// Text assembled from pieces of the source, with the map back to it.
///
/// `anchors` holds `(offset in text, offset in source)` at the start of every
/// copied run; an offset inside a run maps by its distance from the run start,
/// and a separator maps to the end of the run before it.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextBuf {
    /// The assembled text.
    pub text: String,
    anchors: Vec<(usize, usize, usize)>, // (text offset, source offset, run length)
}

impl TextBuf {
    /// Append `s`, which stands at `src` in the source.
    pub fn push_src(&mut self, s: &str, src: usize) {
        if s.is_empty() {
            return;
        }
        match self.anchors.last_mut() {
            Some((t, so, len)) if *t + *len == self.text.len() && *so + *len == src => {
                *len += s.len()
            }
            _ => self.anchors.push((self.text.len(), src, s.len())),
        }
        self.text.push_str(s);
    }

    /// Append a separator that stands nowhere in the source.
    pub fn push_sep(&mut self, sep: &str) {
        self.text.push_str(sep);
    }

    /// The source offset of text offset `off`.
    pub fn to_src(&self, off: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _, _)| t <= off);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(t, so, len)) => so + (off - t).min(len),
            None => self.anchors.first().map_or(0, |&(_, so, _)| so),
        }
    }

    /// The source range of `range` in the text.
    pub fn src(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_src(range.start);
        // The end maps from the last byte inside the range, so a range ending at
        // a separator does not run on to the next piece.
        let end = if range.end > range.start {
            let i = self.anchors.partition_point(|&(t, _, _)| t < range.end);
            match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
                Some(&(t, so, len)) => so + (range.end - t).min(len),
                None => start,
            }
        } else {
            start
        };
        start..end.max(start)
    }

    /// Append another buffer after `sep`.
    pub fn append(&mut self, sep: &str, other: &TextBuf) {
        if other.text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.push_sep(sep);
        }
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.anchors.extend(
            other
                .anchors
                .iter()
                .map(|&(t, so, len)| (t + base, so, len)),
        );
    }

    /// Cut the text at byte `n`, returning what followed (leading spaces dropped).
    pub fn split_off(&mut self, n: usize) -> TextBuf {
        let mut rest = self.clone();
        let after = &self.text[n..];
        rest.drop_front(n + (after.len() - after.trim_start().len()));
        self.text.truncate(n);
        self.text.truncate(self.text.trim_end().len());
        self.anchors.retain(|&(t, _, _)| t < self.text.len());
        rest
    }

    /// Drop the first `n` bytes of the text (a title moved out of it).
    pub fn drop_front(&mut self, n: usize) {
        let n = n.min(self.text.len());
        self.text.drain(..n);
        let mut anchors = Vec::with_capacity(self.anchors.len());
        for &(t, so, len) in &self.anchors {
            if t + len <= n {
                continue;
            }
            if t >= n {
                anchors.push((t - n, so, len));
            } else {
                let cut = n - t;
                anchors.push((0, so + cut, len - cut));
            }
        }
        self.anchors = anchors;
    }
}

/// Lay out `text` (NFC).
pub(crate) fn lay_out(text: &str) -> Layout<'_> {
    let mut lines = split_lines(text);
    let labels = find_footnotes(text, &mut lines);
    let footnotes = collect_footnotes(text, &lines);
    let blocks = build_blocks(text, &lines, &labels);
    Layout {
        text,
        lines,
        blocks,
        footnotes,
    }
}

/// Split into lines and clean each one.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 60 + 1);
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut no = 1;
    loop {
        // A line ends at LF, CRLF, or a lone CR (old Mac files).
        let Some(end) = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map(|i| start + i) else {
            lines.push(clean_line(no, start, &text[start..]));
            return lines;
        };
        lines.push(clean_line(no, start, &text[start..end]));
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
        no += 1;
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Strip converter markup around a line's content and classify the line.
fn clean_line(no: usize, start: usize, raw: &str) -> Line {
    let indented = raw.starts_with(is_space);
    let mut s = raw.trim_matches(is_space);
    let mut bold_open = false;
    let mut bold_close = false;
    loop {
        let before = s.len();
        for p in ["|", "#", ">"] {
            s = s.strip_prefix(p).unwrap_or(s);
        }
        if let Some(rest) = s.strip_prefix("**") {
            bold_open = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('*').filter(|r| !r.starts_with(' ')) {
            // `*Hà Nội, ngày ...*` is italics; `* Thời gian ...` is a bullet and keeps its star.
            s = rest;
        }
        if let Some(rest) = s.strip_suffix("**") {
            bold_close = true;
            s = rest;
        } else if let Some(rest) = s.strip_suffix('*') {
            s = rest;
        }
        s = s.strip_suffix('|').unwrap_or(s);
        s = s.trim_matches(is_space);
        if s.len() == before {
            break;
        }
    }
    let offset = s.as_ptr() as usize - raw.as_ptr() as usize;
    let content = start + offset..start + offset + s.len();
    let kind = if !s.chars().any(crate::keys::is_word_char) {
        LineKind::Blank
    } else if s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()) {
        LineKind::PageNumber
    } else {
        LineKind::Text
    };
    Line {
        no,
        content,
        bold_open,
        bold_close,
        kind,
        indented,
    }
}

/// Footnote markers glued to a word: a lowercase letter directly followed by
/// one or two digits and then a non-alphanumeric character (`Lâm1,`).
fn glued_markers(text: &str) -> Vec<u32> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(j) = memchr::memchr3(b'1', b'2', b'3', &bytes[i..]).map(|j| i + j) {
        i = j + 1;
        if let Some(n) = glued_at(text, j) {
            if !found.contains(&n) {
                found.push(n);
            }
        }
    }
    // Markers numbered 4 and up follow 1, 2, 3: look them up the same way.
    for n in 4..=40u32 {
        if !found.contains(&(n - 1)) {
            break;
        }
        let pat = n.to_string();
        let mut from = 0;
        while let Some(j) = text[from..].find(&pat).map(|j| from + j) {
            from = j + 1;
            if glued_at(text, j) == Some(n) {
                found.push(n);
                break;
            }
        }
    }
    found
}

/// The footnote number glued to the word before byte `i`, if one starts there.
fn glued_at(text: &str, i: usize) -> Option<u32> {
    let before = text[..i].chars().next_back()?;
    // After a word (`Lâm1`), or after a document symbol (`118/2025/NĐ-CP2`).
    let after_symbol = || {
        let word_start = text[..i]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(p, c)| p + c.len_utf8());
        let word = &text[word_start..i];
        word.contains('/') && word.contains('-') && word.ends_with(|c: char| c.is_uppercase())
    };
    if !(before.is_lowercase() || before.is_uppercase() && after_symbol()) {
        return None;
    }
    let digits = text[i..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = text[i + digits..].chars().next();
    if after.is_some_and(|c| {
        crate::keys::is_word_char(c)
            || c == '/'
            || c == '-'
            || c == '.' && text[i + digits + 1..].starts_with(crate::keys::is_word_char)
    }) {
        return None;
    }
    text[i..i + digits].parse().ok()
}

/// Mark footnote lines; return the labels that were found as footnotes.
///
/// A footnote block starts with a line `N text` whose number is the next
/// footnote expected and has a marker glued to a word somewhere in the text;
/// it runs until a blank line, an indented line (the page resumes), a marker,
/// or the next footnote.
fn find_footnotes(text: &str, lines: &mut [Line]) -> Vec<u32> {
    let glued = glued_markers(text);
    if glued.is_empty() {
        return Vec::new();
    }
    let mut labels = Vec::new();
    let mut expected = 1u32;
    let mut i = 0;
    while i < lines.len() {
        if footnote_start(text, &lines[i], expected, &glued) {
            lines[i].kind = LineKind::Footnote;
            labels.push(expected);
            expected += 1;
            i += 1;
            while i < lines.len() {
                let l = &lines[i];
                if l.kind != LineKind::Text || l.indented {
                    break;
                }
                if footnote_start(text, l, expected, &glued) {
                    lines[i].kind = LineKind::Footnote;
                    labels.push(expected);
                    expected += 1;
                } else if marker::parse(l.content(text)).is_some() {
                    break;
                } else {
                    lines[i].kind = LineKind::Footnote;
                }
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    labels
}

fn footnote_start(text: &str, line: &Line, expected: u32, glued: &[u32]) -> bool {
    if line.kind != LineKind::Text || line.indented || !glued.contains(&expected) {
        return false;
    }
    let c = line.content(text);
    let digits = c.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && c[..digits].parse() == Ok(expected)
        && c[digits..].starts_with(' ')
        && c[digits..].trim_start().starts_with(char::is_uppercase)
}

fn collect_footnotes(text: &str, lines: &[Line]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for l in lines.iter().filter(|l| l.kind == LineKind::Footnote) {
        let c = l.content(text);
        let digits = c.bytes().take_while(u8::is_ascii_digit).count();
        let starts_new = digits > 0
            && c[digits..].starts_with(' ')
            && out.last().map_or(true, |(label, _)| {
                c[..digits].parse::<u32>().ok() == label.parse::<u32>().ok().map(|n| n + 1)
            });
        if starts_new {
            out.push((c[..digits].to_string(), c[digits..].trim().to_string()));
        } else if let Some((_, t)) = out.last_mut() {
            join_into(t, c);
        }
    }
    out
}

/// Join a wrapped line onto a string, without a space after a split code.
fn join_into(t: &mut String, next: &str) {
    if !code_split(t, next) {
        t.push(' ');
    }
    t.push_str(next);
}

/// `02-` at the end of a line and `KH/BCĐTW` at the start of the next: one code.
fn code_split(prev: &str, next: &str) -> bool {
    let Some(head) = prev.strip_suffix('-') else {
        return false;
    };
    let Some(last) = head.chars().next_back() else {
        return false;
    };
    if !crate::keys::is_word_char(last) {
        return false;
    }
    let token: &str = next.split(is_space).next().unwrap_or("");
    !token.is_empty()
        && token
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !token.chars().any(char::is_lowercase)
}

/// Whether `s` ends a sentence or a lead-in (`.`, `:`, `!`, `?`, `…`), ignoring closing quotes.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end_matches(|c: char| is_space(c) || matches!(c, '"' | '”' | '\'' | '’' | '*' | ')'));
    // `(nếu có).` ends; `(EVN)` does not: look at what the closing bracket followed.
    t.ends_with(['.', ':', '!', '?', '…'])
}

/// Mostly upper-case letters: a heading in capitals.
pub(crate) fn is_caps(s: &str) -> bool {
    let mut upper = 0;
    let mut lower = 0;
    for c in s.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 2 && lower * 5 <= upper
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// A typical full line length (bytes), for telling short title lines from wrapped ones.
fn typical_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .map(|l| l.content.len())
        .filter(|&n| n >= 30)
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[lens.len() * 3 / 4]
}

/// Join lines into blocks.
fn build_blocks(text: &str, lines: &[Line], labels: &[u32]) -> Vec<Block> {
    let width = typical_width(lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    let mut blank_before = true;
    // Content of the last text line added to the open block.
    let mut last: Option<(usize, bool)> = None; // (line index, line closed bold)
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::Blank => {
                blank_before = true;
                continue;
            }
            LineKind::PageNumber | LineKind::Footnote => continue,
            LineKind::Text => {}
        }
        let content = line.content(text);
        let mk = marker::parse(content);
        let joins = match (&open, last) {
            (Some(block), Some((prev_idx, prev_closed_bold))) => {
                let prev = lines[prev_idx].content(text);
                mk.is_none() && continues(block, prev, prev_closed_bold, content, width, lines)
            }
            _ => false,
        };
        if joins {
            let block = open.as_mut().expect("joins implies an open block");
            if !code_split(&block.text.text, content) {
                block.text.push_sep(" ");
            }
            push_content(&mut block.text, text, line.content.clone(), labels);
            block.lines.end = i + 1;
            block.span.end = line.content.end;
        } else {
            if let Some(b) = open.take() {
                blocks.push(b);
            }
            let mut buf = TextBuf::default();
            let body_start = line.content.start + mk.as_ref().map_or(0, |m| m.len);
            push_content(&mut buf, text, body_start..line.content.end, labels);
            open = Some(Block {
                lines: i..i + 1,
                marker: mk,
                text: buf,
                bold: line.bold_open && line.bold_close,
                after_blank: blank_before || line.indented,
                span: line.content.clone(),
            });
        }
        blank_before = false;
        last = Some((i, line.bold_close));
    }
    if let Some(b) = open.take() {
        blocks.push(b);
    }
    blocks
}

/// Whether a line without a marker continues the open block.
fn continues(
    block: &Block,
    prev: &str,
    prev_closed_bold: bool,
    line: &str,
    width: usize,
    lines: &[Line],
) -> bool {
    // The closing's list of recipients always starts a block.
    if crate::keys::starts_with_folded(line, "noi nhan") {
        return false;
    }
    // A heading in bold closes with its `**`.
    if prev_closed_bold && lines[block.lines.start].bold_open {
        return false;
    }
    // A Roman heading in capitals goes on only with more capitals.
    if let Some(Marker {
        kind: MarkerKind::Roman(_),
        ..
    }) = block.marker
    {
        if !is_caps(line) {
            return false;
        }
        return !ends_sentence(prev);
    }
    if ends_sentence(prev) {
        return starts_lower(line);
    }
    // A short topic line (`1. Về thể chế, cơ chế chính sách`) followed by a capitalized line.
    if block.marker.is_some()
        && block.lines.len() == 1
        && block.text.text.starts_with("Về ")
        && !starts_lower(line)
    {
        let n = prev.len();
        if n * 4 < width * 3 {
            return false;
        }
    }
    true
}

const PLAIN: u8 = 0;

/// Bytes `push_content` must look at: space, `*`, digits, control bytes and
/// the lead bytes of odd spaces (C2, E2, E3, EF); everything else is copied.
static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let special = b" *0123456789\t\r\x0b\x0c\xc2\xe2\xe3\xef";
    let mut k = 0;
    while k < special.len() {
        t[special[k] as usize] = 1;
        k += 1;
    }
    t
};

/// Bytes of white space (other than a single ASCII space) at the start of
/// `b`, and whether they separate words (a zero-width space or BOM does not).
fn odd_space(b: &[u8]) -> Option<(usize, bool)> {
    match b {
        [b'\t' | b'\r' | 0x0B | 0x0C, ..] => Some((1, true)),
        [0xC2, 0xA0, ..] => Some((2, true)),
        [0xE2, 0x80, 0x8B..=0x8D, ..] => Some((3, false)),
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => Some((3, true)),
        [0xEF, 0xBB, 0xBF, ..] => Some((3, false)),
        _ => None,
    }
}

/// Append the source range `range` to `buf`: markup (`**`) dropped, tabs and
/// runs of spaces folded to one space, glued footnote markers removed. Runs
/// of ordinary text are copied whole; only the bytes that may need work are
/// looked at closely.
fn push_content(buf: &mut TextBuf, text: &str, range: Range<usize>, labels: &[u32]) {
    let bytes = text.as_bytes();
    let base = range.start;
    let s = &bytes[range.clone()];
    let mut run_start = 0;
    let mut prev_space = buf.text.ends_with(' ') || buf.text.is_empty();
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if CLASS[b as usize] == PLAIN {
            prev_space = false;
            i += 1;
            continue;
        }
        let skip = match b {
            b'*' if s.get(i + 1) == Some(&b'*') => Some((2, false)),
            b' ' if prev_space => Some((1, false)),
            b'0'..=b'9' if !labels.is_empty() && i > 0 && !s[i - 1].is_ascii_digit() => {
                match glued_at(text, base + i) {
                    Some(n) if labels.contains(&n) => Some((
                        s[i..].iter().take_while(|d| d.is_ascii_digit()).count(),
                        false,
                    )),
                    _ => None,
                }
            }
            b'\t' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE2 | 0xE3 | 0xEF => odd_space(&s[i..]),
            _ => None,
        };
        match skip {
            Some((len, separates)) => {
                buf.push_src(&text[base + run_start..base + i], base + run_start);
                if separates && !prev_space {
                    buf.push_sep(" ");
                    prev_space = true;
                }
                i += len;
                run_start = i;
            }
            None => {
                prev_space = b == b' ';
                i += 1;
            }
        }
    }
    buf.push_src(&text[base + run_start..range.end], base + run_start);
    // Trailing spaces are not content.
    let trimmed = buf.text.trim_end_matches(' ').len();
    buf.text.truncate(trimmed);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(s: &str) -> Vec<String> {
        lay_out(s)
            .blocks
            .iter()
            .map(|b| b.text.text.clone())
            .collect()
    }

    #[test]
    fn wraps_join_and_blank_line_inside_paragraph() {
        let t = "a) Bảo đảm hiệu năng của hệ thống, thông suốt \n\n24/7 phục vụ người dân.\nb) Rà soát.";
        assert_eq!(
            blocks(t),
            [
                "Bảo đảm hiệu năng của hệ thống, thông suốt 24/7 phục vụ người dân.",
                "Rà soát."
            ]
        );
    }

    #[test]
    fn code_split_over_line_end() {
        let t = "theo Kế hoạch số 02-\nKH/BCĐTW ngày 19 tháng 6.";
        assert_eq!(blocks(t), ["theo Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6."]);
    }

    #[test]
    fn footnote_block_mid_sentence() {
        let t = "Kết luận của Tổng Bí thư Tô Lâm1, Nghị quyết của một \n\
                 1 Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n \
                 số địa phương.";
        let l = lay_out(t);
        assert_eq!(l.blocks.len(), 1);
        assert_eq!(
            l.blocks[0].text.text,
            "Kết luận của Tổng Bí thư Tô Lâm, Nghị quyết của một số địa phương."
        );
        assert_eq!(
            l.footnotes,
            [(
                "1".to_string(),
                "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.".to_string()
            )]
        );
    }

    #[test]
    fn line_endings_of_every_kind() {
        let l = lay_out("1. Một.\r\n2. Hai.\r3. Ba.\n4. Bốn.");
        assert_eq!(l.lines.len(), 4);
        assert_eq!(
            l.blocks
                .iter()
                .map(|b| b.text.text.as_str())
                .collect::<Vec<_>>(),
            ["Một.", "Hai.", "Ba.", "Bốn."]
        );
        assert_eq!(l.lines[3].no, 4);
    }

    #[test]
    fn footnote_marker_after_a_symbol() {
        let t = "theo Nghị định số\n118/2025/NĐ-CP2, tạo điều kiện.\n2 Nghị định số 118/2025/NĐ-CP ngày 09/6/2025.\n Tiếp theo.";
        let l = lay_out(t);
        assert!(
            l.footnotes.is_empty(),
            "no footnote 1 before it: {:?}",
            l.footnotes
        );
        let t = format!("Tô Lâm1 nói.\n1 Kết luận.\n {t}");
        let l = lay_out(&t);
        assert_eq!(l.footnotes.len(), 2);
        assert!(l
            .blocks
            .iter()
            .any(|b| b.text.text.contains("118/2025/NĐ-CP, tạo")));
    }

    #[test]
    fn page_numbers_dropped() {
        assert_eq!(
            blocks("Rà soát các lỗi\n4\ncủa hệ thống."),
            ["Rà soát các lỗi của hệ thống."]
        );
    }

    #[test]
    fn bold_heading_wrapped_over_two_lines() {
        let t = "**I. TÌNH HÌNH VẬN HÀNH MÔ HÌNH\nĐỊA PHƯƠNG 02 CẤP**\n\nChính phủ thống nhất.";
        let l = lay_out(t);
        assert_eq!(l.blocks.len(), 2);
        assert_eq!(
            l.blocks[0].text.text,
            "TÌNH HÌNH VẬN HÀNH MÔ HÌNH ĐỊA PHƯƠNG 02 CẤP"
        );
    }

    #[test]
    fn topic_title_line_ends_block() {
        let t = "1. Về thể chế, cơ chế chính sách \nỦy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:\na) Kiện toàn Ban Chỉ đạo về phát triển khoa học công nghệ, đổi mới sáng tạo.";
        assert_eq!(blocks(t).len(), 3);
    }

    #[test]
    fn spans_map_back() {
        let t = "x\n- Phối\thợp  với Bộ.";
        let l = lay_out(t);
        let b = &l.blocks[1];
        assert_eq!(b.text.text, "Phối hợp với Bộ.");
        let start = b.text.text.find("với").unwrap();
        let r = b.text.src(start..b.text.text.len() - 1);
        assert_eq!(&t[r], "với Bộ");
    }
}
