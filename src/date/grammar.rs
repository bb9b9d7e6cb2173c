//! Step 1 of date parsing: the syntax of date expressions, as raw pieces.
//!
//! Everything here is private; nom types never leave this module. The
//! parsers only check the shape of an expression (`31/2/2025` is a
//! well-formed day); calendar validation is step 2, in the parent module.
//! Spans are byte offsets into the text handed to [`Scanner::new`].

use std::ops::Range;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::combinator::{map, not, opt, peek, value, verify};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::keys::is_word_char;

type R<'a, T> = IResult<&'a str, T>;

/// A date piece as written, before calendar validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Raw {
    /// A day; the month may be missing only at the start of a range
    /// (`từ ngày 01 đến ngày 15 tháng 7 năm 2025`).
    Day {
        day: u32,
        month: Option<u32>,
        year: Option<i32>,
    },
    /// A month.
    Month { month: u32, year: Option<i32> },
    /// A quarter (the number as written, 1 to 4 when valid).
    Quarter { quarter: u32, year: Option<i32> },
    /// A half year: 1 for the first six months, 2 for the last.
    Half { half: u8, year: Option<i32> },
    /// The first or last `count` months of a year (`9 tháng đầu năm 2025`).
    Months {
        count: u32,
        first: bool,
        year: Option<i32>,
    },
    /// A year.
    Year(i32),
}

impl Raw {
    fn year(self) -> Option<i32> {
        match self {
            Raw::Day { year, .. }
            | Raw::Month { year, .. }
            | Raw::Quarter { year, .. }
            | Raw::Half { year, .. }
            | Raw::Months { year, .. } => year,
            Raw::Year(y) => Some(y),
        }
    }

    fn with_year(self, y: i32) -> Raw {
        match self {
            Raw::Day { day, month, year } => Raw::Day {
                day,
                month,
                year: year.or(Some(y)),
            },
            Raw::Month { month, year } => Raw::Month {
                month,
                year: year.or(Some(y)),
            },
            Raw::Quarter { quarter, year } => Raw::Quarter {
                quarter,
                year: year.or(Some(y)),
            },
            Raw::Half { half, year } => Raw::Half {
                half,
                year: year.or(Some(y)),
            },
            Raw::Months { count, first, year } => Raw::Months {
                count,
                first,
                year: year.or(Some(y)),
            },
            r @ Raw::Year(_) => r,
        }
    }

    fn same_unit(self, other: Raw) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

/// A raw piece with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub span: Range<usize>,
    pub raw: Raw,
    /// Whether the year was written in this piece (not borrowed from a list
    /// neighbour or left for the reference date).
    pub own_year: bool,
}

/// One parsed expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expr {
    /// One piece or a list of pieces of one unit (`tháng 7, 8/2025`);
    /// years (and months) already borrowed from the last piece.
    List(Vec<Item>),
    /// `từ ... đến ...`, `giai đoạn 2021 - 2025`; the whole span and both ends.
    Range {
        span: Range<usize>,
        start: Item,
        end: Item,
    },
}

impl Expr {
    /// The span of the whole expression.
    pub fn span(&self) -> Range<usize> {
        match self {
            Expr::List(items) => {
                let first = items.first().map_or(0, |i| i.span.start);
                let last = items.last().map_or(first, |i| i.span.end);
                first..last
            }
            Expr::Range { span, .. } => span.clone(),
        }
    }
}

/// Parses expressions at positions of one text, keeping spans absolute.
pub(crate) struct Scanner<'t> {
    text: &'t str,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}')
}

/// One or more spaces.
fn ws(i: &str) -> R<'_, ()> {
    value((), take_while1(is_space)).parse(i)
}

/// Optional spaces.
fn ws0(i: &str) -> R<'_, ()> {
    value((), opt(take_while1(is_space))).parse(i)
}

/// The byte length of `word` (lower case) at the start of `i`, ignoring case.
/// ASCII letters compare byte-wise; other letters are lower-cased only when
/// they differ (`NGÀY`).
pub(crate) fn match_ci(i: &str, word: &str) -> Option<usize> {
    let (ib, wb) = (i.as_bytes(), word.as_bytes());
    // Fast rejection on the first byte.
    let (&i0, &w0) = (ib.first()?, wb.first()?);
    if i0 != w0 && !(i0.is_ascii() && i0.eq_ignore_ascii_case(&w0)) {
        return None;
    }
    let mut ic = i.char_indices();
    for w in word.chars() {
        let (_, c) = ic.next()?;
        if c == w || (c.is_ascii() && c.eq_ignore_ascii_case(&w)) {
            continue;
        }
        if c.is_ascii() || crate::keys::lower(c) != w {
            return None;
        }
    }
    Some(ic.next().map_or(i.len(), |(n, _)| n))
}

/// A keyword, case-insensitive, ending at a word boundary.
fn kw(word: &'static str) -> impl for<'a> Fn(&'a str) -> R<'a, &'a str> {
    move |i| match match_ci(i, word) {
        Some(n) if !i[n..].starts_with(is_word_char) => Ok((&i[n..], &i[..n])),
        _ => Err(err(i)),
    }
}

/// 1 to `max` ASCII digits not followed by another digit or a letter.
fn number(min: usize, max: usize) -> impl Fn(&str) -> R<'_, u32> {
    move |i| {
        let (rest, digits) = take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(i)?;
        let (rest, _) = peek(not(nom::character::complete::satisfy(is_word_char))).parse(rest)?;
        let n = digits.parse::<u32>().map_err(|_| err(i))?;
        Ok((rest, n))
    }
}

fn err(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

/// A four-digit year that does not run on into a code (`2025/NĐ-CP`).
fn year4(i: &str) -> R<'_, i32> {
    let (rest, y) = number(4, 4)(i)?;
    if let Some(after) = rest.strip_prefix(['/', '-']) {
        if after.chars().next().is_some_and(char::is_alphabetic) {
            return Err(err(i));
        }
    }
    Ok((rest, y as i32))
}

/// `năm 2025`, `/2025`, `-2025` after a month or quarter.
fn year_part(i: &str) -> R<'_, i32> {
    alt((
        preceded((ws0, tag("/"), ws0), year4),
        preceded(tag("-"), year4),
        preceded((opt((ws0, tag(","))), ws, kw("năm"), ws), year4),
    ))
    .parse(i)
}

/// Month names as spelled out (`tháng Bảy`); accepted only with a year.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("mười hai", 12),
    ("mười một", 11),
    ("mười", 10),
    ("giêng", 1),
    ("chạp", 12),
    ("một", 1),
    ("hai", 2),
    ("ba", 3),
    ("tư", 4),
    ("năm", 5),
    ("sáu", 6),
    ("bảy", 7),
    ("tám", 8),
    ("chín", 9),
];

fn month_name(i: &str) -> R<'_, u32> {
    for &(name, m) in MONTH_NAMES {
        if let Ok((rest, _)) = kw(name).parse(i) {
            return Ok((rest, m));
        }
    }
    Err(err(i))
}

/// `tháng` followed by a number (optional year) or a name (year required).
fn month_body(i: &str) -> R<'_, (u32, Option<i32>)> {
    alt((
        (number(1, 2), opt(year_part)),
        map((month_name, year_part), |(m, y)| (m, Some(y))),
    ))
    .parse(i)
}

fn sep_char(i: &str) -> R<'_, char> {
    nom::character::complete::one_of("/-.").parse(i)
}

/// `17/7/2025`, `17-7-2025`, `17.7.2025` (one separator throughout).
fn numeric_full(i: &str) -> R<'_, Raw> {
    let (rest, d) = number(1, 2)(i)?;
    let (rest, s1) = sep_char(rest)?;
    let (rest, m) = number(1, 2)(rest)?;
    let (rest, _) = verify(sep_char, |&s2| s2 == s1).parse(rest)?;
    let (rest, y) = year4(rest)?;
    Ok((
        rest,
        Raw::Day {
            day: d,
            month: Some(m),
            year: Some(y),
        },
    ))
}

/// `17/7` (only after `ngày`, `từ`, `trước`: a bare `24/7` is not a date).
fn numeric_short(i: &str) -> R<'_, Raw> {
    let (rest, d) = number(1, 2)(i)?;
    let (rest, _) = nom::character::complete::one_of("/-").parse(rest)?;
    let (rest, m) = number(1, 2)(rest)?;
    // Not the start of a longer code or fraction (`17/7/x`, `1/2025`).
    if rest.starts_with(['/', '-', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(err(i));
    }
    Ok((
        rest,
        Raw::Day {
            day: d,
            month: Some(m),
            year: None,
        },
    ))
}

/// `17 tháng 7` with an optional year.
fn day_month_words(i: &str) -> R<'_, Raw> {
    let (rest, (d, _, _, _, (m, y))) = (number(1, 2), ws, kw("tháng"), ws, month_body).parse(i)?;
    Ok((
        rest,
        Raw::Day {
            day: d,
            month: Some(m),
            year: y,
        },
    ))
}

/// After `ngày`: `17 tháng 7 năm 2025`, `01/7/2025`, `25/12`.
fn after_ngay(i: &str) -> R<'_, Raw> {
    let (i, _) = opt((alt((kw("mồng"), kw("mùng"))), ws)).parse(i)?;
    alt((numeric_full, day_month_words, numeric_short)).parse(i)
}

/// A day: `ngày ...`, a full numeric date, or `17 tháng 7 năm 2025`.
fn day_item(i: &str) -> R<'_, Raw> {
    alt((
        preceded((kw("ngày"), ws), after_ngay),
        numeric_full,
        verify(day_month_words, |r| r.year().is_some()),
    ))
    .parse(i)
}

fn month_item(i: &str) -> R<'_, Raw> {
    let (rest, (_, _, (m, y))) = (kw("tháng"), ws, month_body).parse(i)?;
    Ok((rest, Raw::Month { month: m, year: y }))
}

fn roman(i: &str) -> R<'_, u32> {
    let (rest, s) =
        take_while1(|c: char| matches!(c, 'I' | 'V' | 'X' | 'i' | 'v' | 'x')).parse(i)?;
    let (rest, _) = peek(not(nom::character::complete::satisfy(is_word_char))).parse(rest)?;
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            _ => 10,
        };
        if v < prev {
            total = total.saturating_sub(v);
        } else {
            total += v;
            prev = v;
        }
    }
    if s.len() > 4 {
        return Err(err(i));
    }
    Ok((rest, total))
}

fn quarter_number(i: &str) -> R<'_, u32> {
    alt((roman, number(1, 2))).parse(i)
}

fn quy(i: &str) -> R<'_, &str> {
    alt((kw("quý"), kw("qúy"))).parse(i)
}

fn quarter_item(i: &str) -> R<'_, Raw> {
    let (rest, (_, _, q, y)) = (quy, ws, quarter_number, opt(year_part)).parse(i)?;
    Ok((
        rest,
        Raw::Quarter {
            quarter: q,
            year: y,
        },
    ))
}

/// `6 tháng đầu năm 2025`, `nửa cuối năm`, `9 tháng đầu năm 2025`.
fn half_item(i: &str) -> R<'_, Raw> {
    let count = alt((
        (alt((number(1, 2), value(6, kw("sáu")))), ws, kw("tháng")).map(|(n, _, _)| n),
        value(6, kw("nửa")),
    ));
    let (rest, (n, _, first, _, _, y)) = (
        count,
        ws,
        alt((value(true, kw("đầu")), value(false, kw("cuối")))),
        ws,
        kw("năm"),
        opt(preceded(ws, year4)),
    )
        .parse(i)?;
    let raw = if n == 6 {
        Raw::Half {
            half: if first { 1 } else { 2 },
            year: y,
        }
    } else {
        Raw::Months {
            count: n,
            first,
            year: y,
        }
    };
    Ok((rest, raw))
}

fn year_item(i: &str) -> R<'_, Raw> {
    let (rest, (_, _, y)) = (kw("năm"), ws, year4).parse(i)?;
    // `năm 2025-2026`, `Năm 2025 - 2026` are spans of years, not one year.
    let after = rest.trim_start_matches(is_space);
    if let Some(more) = after.strip_prefix(['-', '–']) {
        if more
            .trim_start_matches(is_space)
            .starts_with(|c: char| c.is_ascii_digit())
        {
            return Err(err(i));
        }
    }
    Ok((rest, Raw::Year(y)))
}

fn any_item(i: &str) -> R<'_, Raw> {
    alt((day_item, half_item, month_item, quarter_item, year_item)).parse(i)
}

/// A list separator: `,`, `và`, `hoặc`.
fn list_sep(i: &str) -> R<'_, ()> {
    alt((
        value((), (ws0, tag(","), ws0)),
        value((), (ws, alt((kw("và"), kw("hoặc"))), ws)),
    ))
    .parse(i)
}

/// A later list element: a full piece of the same unit, or a bare number
/// (`tháng 7, 8/2025`, `Quý II, III/2015`).
fn continuation(first: Raw) -> impl Fn(&str) -> R<'_, Raw> {
    move |i| match first {
        Raw::Month { .. } => alt((
            month_item,
            map((number(1, 2), opt(year_part)), |(m, y)| Raw::Month {
                month: m,
                year: y,
            }),
        ))
        .parse(i),
        Raw::Quarter { .. } => alt((
            quarter_item,
            map((quarter_number, opt(year_part)), |(q, y)| Raw::Quarter {
                quarter: q,
                year: y,
            }),
        ))
        .parse(i),
        Raw::Day { .. } => day_item(i),
        _ => Err(err(i)),
    }
}

/// The start of a range: also `ngày 01`, `01 tháng 7`, `01/7`.
fn range_start(i: &str) -> R<'_, Raw> {
    alt((
        any_item,
        day_month_words,
        numeric_short,
        preceded(
            (kw("ngày"), ws),
            map(number(1, 2), |d| Raw::Day {
                day: d,
                month: None,
                year: None,
            }),
        ),
    ))
    .parse(i)
}

fn range_end(i: &str) -> R<'_, Raw> {
    alt((any_item, day_month_words, numeric_short)).parse(i)
}

impl<'t> Scanner<'t> {
    pub fn new(text: &'t str) -> Scanner<'t> {
        Scanner { text }
    }

    fn off(&self, rest: &str) -> usize {
        self.text.len() - rest.len()
    }

    /// The expression that starts at byte `pos` (a char boundary), if any.
    pub fn expr_at(&self, pos: usize) -> Option<Expr> {
        let input = self.text.get(pos..)?;
        if let Some(e) = self.range(input) {
            return Some(e);
        }
        self.list(input)
    }

    /// A bare `20/7` at `pos`, for the deadline context `trước 20/7`.
    pub fn short_day_at(&self, pos: usize) -> Option<Item> {
        let input = self.text.get(pos..)?;
        self.item(input, numeric_short).map(|(_, it)| it)
    }

    /// A day (`ngày 19 tháng 6 năm 2025`, `ngày 09/6/2025`) starting at `pos`.
    pub fn day_at(&self, pos: usize) -> Option<Item> {
        let input = self.text.get(pos..)?;
        self.item(input, day_item).map(|(_, it)| it)
    }

    fn item(&self, i: &'t str, p: fn(&'t str) -> R<'t, Raw>) -> Option<(&'t str, Item)> {
        let (rest, raw) = p(i).ok()?;
        let span = self.off(i)..self.off(rest);
        Some((
            rest,
            Item {
                span,
                raw,
                own_year: raw.year().is_some(),
            },
        ))
    }

    fn list(&self, input: &'t str) -> Option<Expr> {
        let (mut rest, first) = self.item(input, any_item)?;
        let mut items = vec![first];
        // Only pieces without a year look ahead for a neighbour that has one.
        while items.last().is_some_and(|it| it.raw.year().is_none()) && items.len() < 12 {
            let first_raw = items[0].raw;
            let Ok((after_sep, _)) = list_sep(rest) else {
                break;
            };
            let Ok((after, raw)) = continuation(first_raw)(after_sep) else {
                break;
            };
            if !raw.same_unit(first_raw) {
                break;
            }
            let span = self.off(after_sep)..self.off(after);
            items.push(Item {
                span,
                raw,
                own_year: raw.year().is_some(),
            });
            rest = after;
        }
        // A list whose last piece has no year either is not a list: keep the
        // first piece only (its year comes from the reference date).
        if items.len() > 1 {
            match items.last().and_then(|it| it.raw.year()) {
                Some(y) => {
                    for it in &mut items {
                        it.raw = it.raw.with_year(y);
                    }
                }
                None => items.truncate(1),
            }
        }
        Some(Expr::List(items))
    }

    fn range(&self, input: &'t str) -> Option<Expr> {
        // `giai đoạn 2021 - 2025`, `giai đoạn 2021-2025`
        if let Ok((rest, (_, _, a))) =
            (alt((kw("giai đoạn"), kw("từ năm"))), ws, year4).parse(input)
        {
            if let Ok((rest2, (_, _, _, b))) =
                (ws0, alt((tag("-"), tag("–"), tag("đến"))), ws0, year4).parse(rest)
            {
                let start_at = self.off(rest) - 4;
                let start = Item {
                    span: start_at..start_at + 4,
                    raw: Raw::Year(a),
                    own_year: true,
                };
                let end_at = self.off(rest2);
                let end = Item {
                    span: end_at - 4..end_at,
                    raw: Raw::Year(b),
                    own_year: true,
                };
                return Some(Expr::Range {
                    span: self.off(input)..end_at,
                    start,
                    end,
                });
            }
        }
        let (i, _) = (kw("từ"), ws).parse(input).ok()?;
        let (rest, start) = self.item(i, range_start)?;
        let (j, _) = (
            ws0,
            opt(tag(",")),
            ws0,
            alt((kw("đến"), kw("tới"))),
            ws,
            opt((kw("hết"), ws)),
        )
            .parse(rest)
            .ok()?;
        let (rest, end) = self.item(j, range_end)?;
        let mut start = start;
        if let (
            Raw::Day { day, month, year },
            Raw::Day {
                month: em,
                year: ey,
                ..
            },
        ) = (start.raw, end.raw)
        {
            start.raw = Raw::Day {
                day,
                month: month.or(em),
                year: year.or(ey),
            };
        } else if start.raw.same_unit(end.raw) {
            if let Some(y) = end.raw.year() {
                start.raw = start.raw.with_year(y);
            }
        }
        if let Raw::Day { month: None, .. } = start.raw {
            return None;
        }
        Some(Expr::Range {
            span: self.off(input)..self.off(rest),
            start,
            end,
        })
    }
}

impl Item {
    /// Whether the piece had no year of its own nor from a neighbour.
    pub fn raw_year_missing(&self) -> bool {
        self.raw.year().is_none()
    }
}
