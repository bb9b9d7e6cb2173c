//! Vietnamese date expressions.
//!
//! This module holds the calendar [`Date`] used throughout the crate and a
//! parser for the date expressions of Vietnamese administrative text:
//! [`find`] lists every expression in a text with its byte span, [`parse`]
//! reads one expression.
//!
//! ```
//! use chidao::date::{self, Date, DateValue};
//! let reference = Date::new(2025, 7, 17);
//! let found = date::find("Hoàn thành trước ngày 20 tháng 7 năm 2025, báo cáo trong quý III.", reference);
//! assert_eq!(found[0].value, DateValue::Day(Date::new(2025, 7, 20).unwrap()));
//! assert_eq!(found[1].value, DateValue::Quarter { year: 2025, quarter: 3 });
//! assert!(found[1].inferred_year);
//! ```
//!
//! # Grammar
//!
//! Keywords match without regard to case (`Ngày`, `QUÝ`); the text is
//! expected in NFC (see [`crate::normalize`]). `ws` is one or more spaces,
//! tabs or line breaks. Every expression starts and ends at a word boundary.
//!
//! ```text
//! expr       = range | list ;
//! range      = "từ" ws start ws ["," ] ("đến" | "tới") ws ["hết" ws] piece
//!            | ("giai đoạn" | "từ năm") ws yyyy ["-" | "–" | "đến"] yyyy ;
//! start      = piece | dd ws "tháng" ws mm | dd "/" mm | "ngày" ws dd ;
//! list       = piece { ("," | "và" | "hoặc") (piece | bare) } ;  (* while a year is missing *)
//! piece      = day | half | month | quarter | year ;
//! day        = "ngày" ws ["mồng" | "mùng"] (dmy | dd ws "tháng" ws month_body | dd ("/" | "-") mm)
//!            | dmy
//!            | dd ws "tháng" ws mm year_part ;
//! dmy        = dd sep mm sep yyyy ;                      (* one sep throughout *)
//! sep        = "/" | "-" | "." ;
//! month      = "tháng" ws month_body ;
//! month_body = mm [year_part] | month_name year_part ;   (* tháng Bảy năm 2025 *)
//! quarter    = ("quý" | "qúy") ws (roman | digit) [year_part] ;
//! half       = (n | "sáu") ws "tháng" ws ("đầu" | "cuối") ws "năm" [ws yyyy]
//!            | "nửa" ws ("đầu" | "cuối") ws "năm" [ws yyyy] ;  (* n = 6: a half; else a range *)
//! year       = "năm" ws yyyy ;
//! year_part  = "/" yyyy | "-" yyyy | [","] ws "năm" ws yyyy ;
//! bare       = mm [year_part] | roman [year_part] ;       (* tháng 7, 8/2025; Quý II, III/2015 *)
//! short      = dd "/" mm ;         (* only right after "trước" or "chậm nhất": trước 20/7 *)
//! dd, mm     = 1 or 2 digits ;   yyyy = 4 digits, not followed by "/" or "-" and a letter ;
//! ```
//!
//! Parsing has two steps. The grammar above yields raw pieces (`31/2/2025`
//! is well formed); calendar validation then checks days, months, quarters
//! and years and fills a missing year from the reference date. In [`parse`]
//! the two kinds of failure are distinct ([`ParseError::Syntax`] and
//! [`ParseError::Calendar`]); [`find`] skips expressions that fail either.
//!
//! What is deliberately not a date: a bare `24/7` (round the clock; `ngày
//! 24/7` is a date), a count such as `02 tháng` or `02 nhóm`, a day without
//! a month (`ngày 20 hằng tháng`), and codes such as `118/2025/NĐ-CP`.
//! In a list or range, pieces without a year take the year of the last piece
//! (`tháng 7 và tháng 8 năm 2025`, `từ ngày 01 tháng 7 đến ngày 15 tháng 7
//! năm 2025`); otherwise a missing year comes from the reference date, and
//! without one the expression is skipped.

mod grammar;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use crate::keys::is_word_char;

use std::fmt;

use serde::{Serialize, Serializer};

/// A calendar date in the proleptic Gregorian calendar.
///
/// ```
/// use chidao::date::Date;
/// let d = Date::new(2025, 7, 20).unwrap();
/// assert_eq!(d.to_string(), "2025-07-20");
/// assert!(Date::new(2025, 2, 29).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if `day` exists in `month` of `year`.
    ///
    /// ```
    /// assert!(chidao::date::Date::new(2024, 2, 29).is_some());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// The year.
    ///
    /// ```
    /// assert_eq!(chidao::date::Date::new(2025, 1, 2).unwrap().year(), 2025);
    /// ```
    pub const fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    ///
    /// ```
    /// assert_eq!(chidao::date::Date::new(2025, 1, 2).unwrap().month(), 1);
    /// ```
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    ///
    /// ```
    /// assert_eq!(chidao::date::Date::new(2025, 1, 2).unwrap().day(), 2);
    /// ```
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The day before.
    ///
    /// ```
    /// use chidao::date::Date;
    /// assert_eq!(Date::new(2025, 3, 1).unwrap().pred(), Date::new(2025, 2, 28));
    /// assert_eq!(Date::new(1, 1, 1).unwrap().pred(), None);
    /// ```
    pub fn pred(self) -> Option<Date> {
        if self.day > 1 {
            return Some(Date {
                day: self.day - 1,
                ..self
            });
        }
        if self.month > 1 {
            let m = self.month - 1;
            return Some(Date {
                year: self.year,
                month: m,
                day: days_in_month(self.year, m),
            });
        }
        Date::new(self.year - 1, 12, 31)
    }

    /// The last day of `month` in `year`.
    ///
    /// ```
    /// use chidao::date::Date;
    /// assert_eq!(Date::last_of_month(2025, 2), Date::new(2025, 2, 28));
    /// ```
    pub fn last_of_month(year: i32, month: u8) -> Option<Date> {
        if !(1..=12).contains(&month) {
            return None;
        }
        Date::new(year, month, days_in_month(year, month))
    }
}

/// Whether `year` is a leap year in the Gregorian calendar.
///
/// ```
/// assert!(chidao::date::is_leap_year(2024));
/// assert!(!chidao::date::is_leap_year(1900));
/// ```
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1 to 12) of `year`; 0 for a month out of range.
///
/// ```
/// assert_eq!(chidao::date::days_in_month(2025, 2), 28);
/// ```
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Date {
    /// The first day of `month` in `year`.
    ///
    /// ```
    /// use chidao::date::Date;
    /// assert_eq!(Date::first_of_month(2025, 7), Date::new(2025, 7, 1));
    /// ```
    pub fn first_of_month(year: i32, month: u8) -> Option<Date> {
        Date::new(year, month, 1)
    }
}

/// The value of a date expression, validated against the calendar.
///
/// ```
/// use chidao::date::{parse, Date, DateValue};
/// let v = parse("quý 3/2025", None).unwrap();
/// assert_eq!(v, DateValue::Quarter { year: 2025, quarter: 3 });
/// assert_eq!(v.last_day(), Date::new(2025, 9, 30).unwrap());
/// assert_eq!(v.to_string(), "2025-Q3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateValue {
    /// One day: `ngày 17 tháng 7 năm 2025`, `17/7/2025`.
    Day(Date),
    /// A month: `tháng 7/2025`, `tháng 07 năm 2025`.
    Month {
        /// The year.
        year: i32,
        /// The month, 1 to 12.
        month: u8,
    },
    /// A quarter: `quý III năm 2025`, `quý 3/2025`.
    Quarter {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u8,
    },
    /// A half year: `6 tháng đầu năm 2025` (1), `6 tháng cuối năm 2025` (2).
    Half {
        /// The year.
        year: i32,
        /// 1 for January to June, 2 for July to December.
        half: u8,
    },
    /// A year: `năm 2025`.
    Year(i32),
    /// A span of days, both ends included: `từ ngày 01/7 đến ngày 15/7/2025`,
    /// `giai đoạn 2021 - 2025`, `9 tháng đầu năm 2025`.
    Range {
        /// The first day.
        start: Date,
        /// The last day.
        end: Date,
    },
}

impl DateValue {
    /// The first day the value covers.
    ///
    /// ```
    /// use chidao::date::{Date, DateValue};
    /// assert_eq!(DateValue::Half { year: 2025, half: 2 }.first_day(), Date::new(2025, 7, 1).unwrap());
    /// ```
    pub fn first_day(self) -> Date {
        let d = match self {
            DateValue::Day(d) | DateValue::Range { start: d, .. } => Some(d),
            DateValue::Month { year, month } => Date::first_of_month(year, month),
            DateValue::Quarter { year, quarter } => Date::first_of_month(year, quarter * 3 - 2),
            DateValue::Half { year, half } => Date::first_of_month(year, half * 6 - 5),
            DateValue::Year(year) => Date::first_of_month(year, 1),
        };
        // Values are only built from validated parts.
        d.unwrap_or(Date {
            year: 1,
            month: 1,
            day: 1,
        })
    }

    /// The last day the value covers.
    ///
    /// ```
    /// use chidao::date::{Date, DateValue};
    /// assert_eq!(DateValue::Month { year: 2024, month: 2 }.last_day(), Date::new(2024, 2, 29).unwrap());
    /// ```
    pub fn last_day(self) -> Date {
        let d = match self {
            DateValue::Day(d) | DateValue::Range { end: d, .. } => Some(d),
            DateValue::Month { year, month } => Date::last_of_month(year, month),
            DateValue::Quarter { year, quarter } => Date::last_of_month(year, quarter * 3),
            DateValue::Half { year, half } => Date::last_of_month(year, half * 6),
            DateValue::Year(year) => Date::last_of_month(year, 12),
        };
        d.unwrap_or(Date {
            year: 9999,
            month: 12,
            day: 31,
        })
    }
}

impl fmt::Display for DateValue {
    /// ISO-like text: `2025-07-17`, `2025-07`, `2025-Q3`, `2025-H1`, `2025`,
    /// `2025-07-01/2025-07-15`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateValue::Day(d) => write!(f, "{d}"),
            DateValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateValue::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            DateValue::Half { year, half } => write!(f, "{year:04}-H{half}"),
            DateValue::Year(year) => write!(f, "{year:04}"),
            DateValue::Range { start, end } => write!(f, "{start}/{end}"),
        }
    }
}

/// A date expression found in a text.
///
/// ```
/// let text = "hoàn thành trong tháng 7/2025.";
/// let m = &chidao::date::find(text, None)[0];
/// assert_eq!(&text[m.span.clone()], "tháng 7/2025");
/// assert_eq!(m.value.to_string(), "2025-07");
/// assert!(!m.inferred_year);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte range of the expression in the text (from `ngày`, `tháng`,
    /// `quý`, `từ` ... to the last digit).
    pub span: Range<usize>,
    /// What it denotes.
    pub value: DateValue,
    /// Whether the year came from the reference date rather than the text
    /// (or a neighbour in a list or range).
    pub inferred_year: bool,
}

/// Why a text is not a date expression.
///
/// ```
/// use chidao::date::{parse, CalendarError, ParseError};
/// assert!(matches!(parse("31/2/2025", None), Err(ParseError::Calendar(CalendarError::NoSuchDay { .. }))));
/// assert!(matches!(parse("24/7", None), Err(ParseError::Syntax { .. })));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The text does not have the shape of a date expression.
    #[error("not a date expression (from byte {offset})")]
    Syntax {
        /// Byte offset where the expression stops making sense.
        offset: usize,
    },
    /// Well formed, but not on the calendar.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// A well-formed expression that names no real date.
///
/// ```
/// use chidao::date::{parse, CalendarError, ParseError};
/// assert_eq!(parse("quý V/2025", None), Err(ParseError::Calendar(CalendarError::NoSuchQuarter(5))));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// The day does not exist (`31/2/2025`, `29/2/2025`).
    #[error("{year:04}-{month:02} has no day {day}")]
    NoSuchDay {
        /// The year.
        year: i32,
        /// The month.
        month: u32,
        /// The day as written.
        day: u32,
    },
    /// The month is not 1 to 12.
    #[error("there is no month {0}")]
    NoSuchMonth(u32),
    /// The quarter is not 1 to 4.
    #[error("there is no quarter {0}")]
    NoSuchQuarter(u32),
    /// The year is outside 1 to 9999.
    #[error("year {0} is out of range")]
    YearOutOfRange(i32),
    /// The text gives no year and no reference date was given.
    #[error("the expression has no year and there is no reference date")]
    MissingYear,
    /// A range whose end comes before its start.
    #[error("the range ends before it starts")]
    ReversedRange,
}

/// Step 2: check a raw piece against the calendar.
fn validate(raw: grammar::Raw, reference_year: Option<i32>) -> Result<DateValue, CalendarError> {
    use grammar::Raw;
    let year_of = |y: Option<i32>| -> Result<i32, CalendarError> {
        let y = y.or(reference_year).ok_or(CalendarError::MissingYear)?;
        if (1..=9999).contains(&y) {
            Ok(y)
        } else {
            Err(CalendarError::YearOutOfRange(y))
        }
    };
    let month_of = |m: u32| -> Result<u8, CalendarError> {
        if (1..=12).contains(&m) {
            Ok(m as u8)
        } else {
            Err(CalendarError::NoSuchMonth(m))
        }
    };
    match raw {
        Raw::Day { day, month, year } => {
            let month = month.ok_or(CalendarError::NoSuchMonth(0))?;
            let m = month_of(month)?;
            let year = year_of(year)?;
            u8::try_from(day)
                .ok()
                .and_then(|d| Date::new(year, m, d))
                .map(DateValue::Day)
                .ok_or(CalendarError::NoSuchDay { year, month, day })
        }
        Raw::Month { month, year } => {
            let month = month_of(month)?;
            Ok(DateValue::Month {
                year: year_of(year)?,
                month,
            })
        }
        Raw::Quarter { quarter, year } => {
            if !(1..=4).contains(&quarter) {
                return Err(CalendarError::NoSuchQuarter(quarter));
            }
            Ok(DateValue::Quarter {
                year: year_of(year)?,
                quarter: quarter as u8,
            })
        }
        Raw::Half { half, year } => Ok(DateValue::Half {
            year: year_of(year)?,
            half,
        }),
        Raw::Months { count, first, year } => {
            if !(1..=12).contains(&count) {
                return Err(CalendarError::NoSuchMonth(count));
            }
            let year = year_of(year)?;
            let n = count as u8;
            let (from, to) = if first { (1, n) } else { (13 - n, 12) };
            match (
                Date::first_of_month(year, from),
                Date::last_of_month(year, to),
            ) {
                (Some(start), Some(end)) => Ok(DateValue::Range { start, end }),
                _ => Err(CalendarError::YearOutOfRange(year)),
            }
        }
        Raw::Year(y) => Ok(DateValue::Year(year_of(Some(y))?)),
    }
}

fn validate_expr(
    expr: &grammar::Expr,
    reference_year: Option<i32>,
) -> Vec<(Range<usize>, Result<DateValue, CalendarError>, bool)> {
    match expr {
        grammar::Expr::List(items) => items
            .iter()
            .map(|it| {
                let inferred = it.raw_year_missing();
                (it.span.clone(), validate(it.raw, reference_year), inferred)
            })
            .collect(),
        grammar::Expr::Range { span, start, end } => {
            let inferred = end.raw_year_missing();
            let value = (|| {
                let a = validate(start.raw, reference_year)?;
                let b = validate(end.raw, reference_year)?;
                let (mut s, e) = (a.first_day(), b.last_day());
                // `từ ngày 15/12 đến ngày 15/01/2026`: the borrowed year is the one before.
                if s > e && !start.own_year {
                    if let Some(earlier) = Date::new(s.year - 1, s.month, s.day) {
                        s = earlier;
                    }
                }
                if s > e {
                    return Err(CalendarError::ReversedRange);
                }
                Ok(DateValue::Range { start: s, end: e })
            })();
            vec![(span.clone(), value, inferred)]
        }
    }
}

/// A date found by the scanner, with what the deadline rules need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The piece's own span.
    pub span: Range<usize>,
    /// Its value.
    pub value: DateValue,
    /// Whether the year came from the reference date.
    pub inferred_year: bool,
    /// The span of the whole expression (a list or range) the piece is part of.
    pub group: Range<usize>,
}

/// The lower-case starts of the words an expression can begin with, by
/// their first (ASCII, lower-case) byte.
fn keyword_starts(first: u8) -> &'static [&'static str] {
    match first {
        b'n' => &["ngà", "năm", "nửa"],
        b't' => &["thá", "từ"],
        b'q' => &["quý", "qúy"],
        b'g' => &["gia"],
        b's' => &["sáu"],
        _ => &[],
    }
}

/// Whether byte `i` (an ASCII byte) starts a word.
pub(crate) fn word_start(text: &str, i: usize) -> bool {
    !matches!(text[..i].chars().next_back(), Some(c) if is_word_char(c))
}

/// Whether the word at byte `i` (an ASCII byte) begins with one of `keys`
/// (lower case), ignoring case.
pub(crate) fn starts_with_key(text: &str, i: usize, keys: &[&str]) -> bool {
    let b = &text.as_bytes()[i..];
    let first = b[0] | 0x20;
    let direct = keys.iter().any(|k| {
        let k = k.as_bytes();
        k[0] == first && b.len() >= k.len() && k[1..].iter().zip(&b[1..]).all(|(x, y)| x == y)
    });
    if direct {
        return true;
    }
    // Capitals after the first letter (`NGÀY`, `THÁNG`): compare in lower case.
    let second_upper = match b.get(1) {
        Some(&c) if c < 0x80 => c.is_ascii_uppercase(),
        Some(_) => {
            b[0].is_ascii_uppercase()
                && text[i + 1..].chars().next().is_some_and(char::is_uppercase)
        }
        None => false,
    };
    if second_upper {
        let mut buf = [0u8; 24];
        let len = lower_prefix(text, i, 3, &mut buf);
        return keys.iter().any(|k| buf[..len].starts_with(k.as_bytes()));
    }
    false
}

/// The first `n` chars at `i` in lower case, on the stack.
pub(crate) fn lower_prefix(text: &str, i: usize, n: usize, buf: &mut [u8; 24]) -> usize {
    let mut len = 0;
    for ch in text[i..].chars().take(n) {
        let lc = crate::keys::lower(ch);
        if len + lc.len_utf8() > buf.len() {
            return len;
        }
        len += lc.encode_utf8(&mut buf[len..]).len();
    }
    len
}

/// Cheap byte-level test that an expression may start at byte `i`, before
/// any nom parser runs: a digit run followed by a date separator or
/// `tháng`, or a word that begins like a date keyword.
fn may_start_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let c = b[i];
    if c.is_ascii_digit() {
        let n = b[i..]
            .iter()
            .take(3)
            .take_while(|x| x.is_ascii_digit())
            .count();
        if n > 2 {
            return false;
        }
        let rest = &b[i + n..];
        return match rest.first() {
            Some(b'/' | b'-' | b'.') => rest.get(1).is_some_and(u8::is_ascii_digit),
            Some(b' ') => {
                let r = &rest[1..];
                r.starts_with("tháng".as_bytes()) || r.starts_with("THÁNG".as_bytes())
            }
            _ => false,
        };
    }
    let keys = keyword_starts(c | 0x20);
    !keys.is_empty() && starts_with_key(text, i, keys)
}

/// Cheap test that `text` may hold a date expression at all.
fn worth_scanning(text: &str, numbers: &[Range<usize>], words: bool) -> bool {
    static WORDS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        ["năm", "uý", "UÝ", "úy"]
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    });
    let b = text.as_bytes();
    !numbers.is_empty() || words && WORDS.iter().any(|f| f.find(b).is_some())
}

/// Whether the word before byte `i` is `trước` or `nhất` (`chậm nhất`).
fn after_deadline_word(text: &str, i: usize) -> bool {
    let pre = text[..i].trim_end_matches([' ', '\u{a0}']);
    if pre.len() == i {
        return false;
    }
    ["trước", "Trước", "TRƯỚC", "nhất", "NHẤT", "nhất là"]
        .iter()
        .any(|w| {
            pre.strip_suffix(w)
                .is_some_and(|h| !matches!(h.chars().next_back(), Some(c) if is_word_char(c)))
        })
}

/// How far before its first digit an expression may start (`tháng Mười hai
/// năm 2024`, `từ ngày mồng 1`).
const LOOK_BACK: usize = 40;

thread_local! {
    /// A list of regions given back by the last scan, so that scanning the
    /// texts of a document one after the other allocates no new list.
    static SPARE: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// An empty list for regions: the one last given back, if any.
pub(crate) fn spare_regions() -> Vec<(usize, usize)> {
    SPARE.with(|s| std::mem::take(&mut *s.borrow_mut()))
}

/// Keep `regions`' allocation for the next scan.
pub(crate) fn give_back(mut regions: Vec<(usize, usize)>) {
    regions.clear();
    SPARE.with(|s| {
        let mut s = s.borrow_mut();
        if regions.capacity() > s.capacity() {
            *s = regions;
        }
    });
}

/// Byte ranges where an expression may start, sorted and merged: before
/// each run of digits, before `quý` (`quý III`), and before `đầu năm` /
/// `cuối năm` (`sáu tháng đầu năm`).
fn regions(bytes: &[u8], numbers: &[Range<usize>], words: bool) -> Vec<(usize, usize)> {
    static WORDS: LazyLock<Vec<(memmem::Finder<'static>, usize)>> = LazyLock::new(|| {
        [
            ("uý", 2),
            ("UÝ", 2),
            ("úy", 2),
            ("ÚY", 2),
            ("đầu năm", 24),
            ("cuối năm", 24),
        ]
        .into_iter()
        .map(|(w, back)| (memmem::Finder::new(w.as_bytes()).into_owned(), back))
        .collect()
    });
    let mut anchors = spare_regions();
    for run in numbers {
        anchors.push((run.start.saturating_sub(LOOK_BACK), run.start + 1));
    }
    for (finder, back) in WORDS.iter().filter(|_| words) {
        for at in finder.find_iter(bytes) {
            anchors.push((at.saturating_sub(*back), at + 1));
        }
    }
    merge_regions(anchors)
}

/// Sort (when needed) and merge overlapping byte ranges.
pub(crate) fn merge_regions(mut anchors: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    if !anchors.windows(2).all(|w| w[0] <= w[1]) {
        anchors.sort_unstable();
    }
    // Merged in place: `kept` ranges are done, the next anchor is read at `k >= kept`.
    let mut kept = 0usize;
    for k in 0..anchors.len() {
        let (a, b) = anchors[k];
        match kept.checked_sub(1).map(|last| &mut anchors[last]) {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => {
                anchors[kept] = (a, b);
                kept += 1;
            }
        }
    }
    anchors.truncate(kept);
    anchors
}

/// Every valid date expression in `text`, in order.
pub(crate) fn scan(text: &str, reference: Option<Date>) -> Vec<Found> {
    let mut numbers = Vec::new();
    crate::keys::digit_runs(text.as_bytes(), &mut numbers);
    scan_with(text, reference, &numbers, true)
}

/// [`scan`], given the runs of digits in `text` ([`crate::keys::digit_runs`]);
/// `words` is false when `text` is known to hold none of the words that
/// open an expression without digits (`quý`, `đầu năm`, `cuối năm`).
pub(crate) fn scan_with(
    text: &str,
    reference: Option<Date>,
    numbers: &[Range<usize>],
    words: bool,
) -> Vec<Found> {
    let mut out = Vec::new();
    if !worth_scanning(text, numbers, words) {
        return out;
    }
    let scanner = grammar::Scanner::new(text);
    let reference_year = reference.map(Date::year);
    let bytes = text.as_bytes();
    let regions = regions(bytes, numbers, words);
    let mut region = 0;
    let mut idx = 0;
    while idx < bytes.len() {
        while region < regions.len() && idx >= regions[region].1 {
            region += 1;
        }
        let Some(&(from, _)) = regions.get(region) else {
            break;
        };
        idx = idx.max(from);
        let c = bytes[idx];
        let candidate = c.is_ascii_digit() || matches!(c | 0x20, b'n' | b't' | b'q' | b'g' | b's');
        if !candidate
            || (idx > 0 && bytes[idx - 1].is_ascii_alphanumeric())
            || !word_start(text, idx)
            || !may_start_at(text, idx)
        {
            idx += 1;
            continue;
        }
        let Some(expr) = scanner.expr_at(idx).or_else(|| {
            // `trước 20/7`, `chậm nhất 20/7`: a bare day and month after a
            // deadline word (elsewhere `24/7` is round the clock).
            (c.is_ascii_digit() && after_deadline_word(text, idx))
                .then(|| scanner.short_day_at(idx))
                .flatten()
                .map(|it| grammar::Expr::List(vec![it]))
        }) else {
            idx += 1;
            continue;
        };
        let group = expr.span();
        idx = group.end.max(idx + 1);
        for (span, value, inferred_year) in validate_expr(&expr, reference_year) {
            if let Ok(value) = value {
                out.push(Found {
                    span,
                    value,
                    inferred_year,
                    group: group.clone(),
                });
            }
        }
    }
    give_back(regions);
    out
}

/// The day written at byte `pos` of `text` (`ngày 09/6/2025`), with the byte
/// where it ends.
pub(crate) fn day_at(text: &str, pos: usize, reference: Option<Date>) -> Option<(usize, Date)> {
    let item = grammar::Scanner::new(text).day_at(pos)?;
    match validate(item.raw, reference.map(Date::year)) {
        Ok(DateValue::Day(d)) => Some((item.span.end, d)),
        _ => None,
    }
}

/// Every date expression in `text`, in order of appearance.
///
/// `reference` gives the year of expressions written without one (the
/// document's date, usually); without it such expressions are skipped.
/// A list yields one match per piece (`tháng 7, 8/2025` gives July and
/// August 2025); a range yields one [`DateValue::Range`].
///
/// ```
/// use chidao::date::{find, Date, DateValue};
/// let text = "giai đoạn từ ngày 01 tháng 7 đến ngày 15 tháng 7 năm 2025, bảo đảm 24/7; trước ngày 25/12";
/// let found = find(text, Date::new(2025, 7, 17));
/// assert_eq!(found.len(), 2);
/// assert_eq!(found[0].value.to_string(), "2025-07-01/2025-07-15");
/// assert_eq!(&text[found[1].span.clone()], "ngày 25/12");
/// assert_eq!(found[1].value, DateValue::Day(Date::new(2025, 12, 25).unwrap()));
/// ```
pub fn find(text: &str, reference: Option<Date>) -> Vec<DateMatch> {
    scan(text, reference)
        .into_iter()
        .map(|f| DateMatch {
            span: f.span,
            value: f.value,
            inferred_year: f.inferred_year,
        })
        .collect()
}

/// Read `text` (surrounding spaces ignored) as exactly one date expression:
/// a piece or a range, not a list.
///
/// ```
/// use chidao::date::{parse, Date, DateValue, ParseError};
/// assert_eq!(parse("ngày 17 tháng 7 năm 2025", None), Ok(DateValue::Day(Date::new(2025, 7, 17).unwrap())));
/// assert_eq!(parse("tháng 7", Date::new(2025, 1, 1)), Ok(DateValue::Month { year: 2025, month: 7 }));
/// assert!(matches!(parse("02 nhóm", None), Err(ParseError::Syntax { .. })));
/// ```
pub fn parse(text: &str, reference: Option<Date>) -> Result<DateValue, ParseError> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    let scanner = grammar::Scanner::new(&text[..end]);
    let expr = scanner
        .expr_at(start)
        .ok_or(ParseError::Syntax { offset: start })?;
    let span = expr.span();
    if let grammar::Expr::List(items) = &expr {
        if items.len() > 1 {
            return Err(ParseError::Syntax {
                offset: items[0].span.end,
            });
        }
    }
    if span.end != end {
        return Err(ParseError::Syntax { offset: span.end });
    }
    let mut values = validate_expr(&expr, reference.map(Date::year));
    match values.pop() {
        Some((_, Ok(v), _)) => Ok(v),
        Some((_, Err(e), _)) => Err(ParseError::Calendar(e)),
        None => Err(ParseError::Syntax { offset: start }),
    }
}
