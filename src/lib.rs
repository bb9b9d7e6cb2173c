//! Parse Vietnamese administrative directives — Công điện, Thông báo, Nghị
//! quyết, Chỉ thị, Công văn, Kế hoạch, Quyết định — into a tree of sections,
//! items and sub-items, with who must act, what they must do and by when.
//!
//! ```
//! let text = "I. VỀ HỆ THỐNG THÔNG TIN\n\
//!             1. Bộ trưởng Bộ Công an chỉ đạo:\n\
//!             a) Rà soát, khắc phục các lỗi kỹ thuật. Hoàn thành trước ngày 20 tháng 7 năm 2025.\n";
//! let doc = chidao::parse(text)?;
//! let sub = &doc.sections[0].children[0].children[0];
//! assert_eq!(sub.path.as_deref(), Some("I.1.a"));
//! # Ok::<(), chidao::Error>(())
//! ```
//!
//! # The pipeline
//!
//! A document travels through one module per stage, each with a small typed
//! interface to the next:
//!
//! 1. [`decode`]: bytes to text (UTF-8 or a legacy Vietnamese encoding);
//! 2. [`normalize`]: NFC, tone placement, with a map back to input offsets;
//! 3. `layout`: raw lines to logical paragraphs (wraps joined, page numbers
//!    and footnote blocks lifted out, markers recognized);
//! 4. `structure`: header, body tree and closing;
//! 5. `semantics`: assignees, actions, deadlines ([`date`]) and citations;
//! 6. [`model`](Document): the `chidao/1` serde types.
//!
//! [`parse`] never panics. Text it cannot understand yields a document with
//! [`Warning`]s; an [`Error`] is returned only for input it refuses.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod date;
pub mod decode;
mod error;
mod grammar;
mod keys;
mod layout;
mod model;
pub mod normalize;
mod semantics;
mod structure;

pub use decode::Encoding;
pub use error::{Error, ErrorKind};
pub use model::{
    Action, Assignee, Citation, Deadline, DeadlineKind, Document, Footnote, Kind, Meta, Node, Role,
    Signer, Span, Task, Warning, SCHEMA,
};
pub use normalize::ToneStyle;

use date::Date;
use normalize::OffsetMap;

/// The default input size limit: 16 MiB.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

/// Parse a directive with the default options.
///
/// ```
/// let doc = chidao::parse("Số: 268/NQ-CP\nHà Nội, ngày 31 tháng 8 năm 2025\nNGHỊ QUYẾT\n")?;
/// assert_eq!(doc.meta.number.as_deref(), Some("268/NQ-CP"));
/// assert_eq!(doc.meta.date.map(|d| d.to_string()).as_deref(), Some("2025-08-31"));
/// # Ok::<(), chidao::Error>(())
/// ```
pub fn parse(text: &str) -> Result<Document, Error> {
    Parser::new().parse(text)
}

/// A configurable parser.
///
/// ```
/// use chidao::{date::Date, Parser};
/// let parser = Parser::new().reference_date(Date::new(2025, 7, 1).unwrap());
/// let doc = parser.parse("1. Sở Tài chính hoàn thành trước ngày 20/7.")?;
/// assert_eq!(doc.sections[0].children[0].label.as_deref(), Some("1"));
/// # Ok::<(), chidao::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Parser {
    reference_date: Option<Date>,
    max_bytes: usize,
    tone_style: ToneStyle,
    encoding: Option<Encoding>,
    strict: bool,
    semantics: bool,
}

impl Default for Parser {
    fn default() -> Parser {
        Parser::new()
    }
}

impl Parser {
    /// A parser with the defaults: no reference date (the document's own date
    /// completes dates without a year), a 16 MiB limit, tone placement
    /// preserved, encoding detected, lenient decoding.
    ///
    /// ```
    /// let doc = chidao::Parser::new().parse("")?;
    /// assert!(doc.sections.is_empty());
    /// # Ok::<(), chidao::Error>(())
    /// ```
    pub const fn new() -> Parser {
        Parser {
            reference_date: None,
            max_bytes: DEFAULT_MAX_BYTES,
            tone_style: ToneStyle::Preserve,
            encoding: None,
            strict: false,
            semantics: true,
        }
    }

    /// The date whose year completes dates written without one, in place of
    /// the document's issuing date.
    ///
    /// ```
    /// use chidao::{date::Date, Parser};
    /// let p = Parser::new().reference_date(Date::new(2024, 1, 1).unwrap());
    /// # let _ = p;
    /// ```
    pub const fn reference_date(mut self, date: Date) -> Parser {
        self.reference_date = Some(date);
        self
    }

    /// Refuse input larger than `limit` bytes.
    ///
    /// ```
    /// assert!(chidao::Parser::new().max_bytes(3).parse("abcd").is_err());
    /// ```
    pub const fn max_bytes(mut self, limit: usize) -> Parser {
        self.max_bytes = limit;
        self
    }

    /// Where the output text puts tone marks on `oa`, `oe`, `uy`.
    ///
    /// ```
    /// let p = chidao::Parser::new().tone_style(chidao::ToneStyle::Traditional);
    /// # let _ = p;
    /// ```
    pub const fn tone_style(mut self, style: ToneStyle) -> Parser {
        self.tone_style = style;
        self
    }

    /// Decode bytes in this encoding instead of detecting it.
    ///
    /// ```
    /// let p = chidao::Parser::new().encoding(chidao::Encoding::Utf8);
    /// assert!(p.parse_bytes(b"1. R\xC3\xA0 so\xC3\xA1t.").is_ok());
    /// ```
    pub const fn encoding(mut self, encoding: Encoding) -> Parser {
        self.encoding = Some(encoding);
        self
    }

    /// Refuse undecodable bytes instead of replacing them with a warning.
    ///
    /// ```
    /// let err = chidao::Parser::new().strict(true).encoding(chidao::Encoding::Utf8)
    ///     .parse_bytes(b"ok \xFF").unwrap_err();
    /// assert_eq!(err.code(), "invalid_utf8");
    /// ```
    pub const fn strict(mut self, strict: bool) -> Parser {
        self.strict = strict;
        self
    }

    /// Run the semantic stage (assignees, actions, deadlines, citations), as by
    /// default; `false` gives the tree and metadata only, faster.
    ///
    /// ```
    /// let doc = chidao::Parser::new().semantics(false)
    ///     .parse("1. Bộ Tư pháp hoàn thành trước ngày 20/7/2025.")?;
    /// assert!(doc.sections[0].children[0].deadlines.is_empty());
    /// # Ok::<(), chidao::Error>(())
    /// ```
    pub const fn semantics(mut self, enabled: bool) -> Parser {
        self.semantics = enabled;
        self
    }

    /// Parse text.
    ///
    /// ```
    /// let doc = chidao::Parser::new().parse("1. Rà soát.\n2. Ban hành.")?;
    /// assert_eq!(doc.sections[0].children.len(), 2);
    /// # Ok::<(), chidao::Error>(())
    /// ```
    pub fn parse(&self, text: &str) -> Result<Document, Error> {
        self.check_size(text.len())?;
        let mut map = OffsetMap::identity();
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                map.push(0, '\u{feff}'.len_utf8());
                rest
            }
            None => text,
        };
        Ok(self.run(text, &map, Encoding::Utf8, Vec::new()))
    }

    /// Parse bytes: decode (in the configured or detected encoding), normalize, parse.
    /// Spans point into `bytes`.
    ///
    /// ```
    /// let doc = chidao::Parser::new().parse_bytes("1. Rà soát.".as_bytes())?;
    /// assert_eq!(doc.meta.encoding, "utf-8");
    /// # Ok::<(), chidao::Error>(())
    /// ```
    pub fn parse_bytes(&self, bytes: &[u8]) -> Result<Document, Error> {
        self.check_size(bytes.len())?;
        let decoded = decode::decode(bytes, self.encoding, self.strict)?;
        Ok(self.run(
            &decoded.text,
            &decoded.map,
            decoded.encoding,
            decoded.warnings,
        ))
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.max_bytes {
            return Err(Error::new(ErrorKind::TooLarge {
                size,
                limit: self.max_bytes,
            }));
        }
        Ok(())
    }

    /// The stages after decoding. `source_map` maps offsets in `text` to the input.
    fn run(
        &self,
        text: &str,
        source_map: &OffsetMap,
        encoding: Encoding,
        warnings: Vec<Warning>,
    ) -> Document {
        let prepared = normalize::prepare(text, self.tone_style);
        let map = prepared.map.then(source_map);
        let layout = layout::lay_out(&prepared.text);
        let mut doc = structure::build(&layout, self.reference_date, self.semantics);
        doc.meta.encoding = encoding.name().to_string();
        doc.warnings.splice(0..0, warnings);
        if !map.is_identity() {
            remap_spans(&mut doc, &map);
        }
        doc
    }
}

/// Move every span from normalized-text offsets to input offsets.
fn remap_spans(doc: &mut Document, map: &OffsetMap) {
    fn span(s: &mut Span, map: &OffsetMap) {
        s.start = map.to_source(s.start);
        s.end = map.to_source(s.end);
    }
    fn node(n: &mut Node, map: &OffsetMap) {
        span(&mut n.span, map);
        n.actions.iter_mut().for_each(|a| span(&mut a.span, map));
        n.deadlines.iter_mut().for_each(|d| span(&mut d.span, map));
        n.children.iter_mut().for_each(|c| node(c, map));
    }
    doc.sections.iter_mut().for_each(|s| node(s, map));
    doc.citations
        .iter_mut()
        .for_each(|c| span(&mut c.span, map));
}

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
