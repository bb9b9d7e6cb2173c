//! Markers that open a unit of the body.
//!
//! ```text
//! marker   ::= roman | article | decimal | number | letter | dash | plus
//! roman    ::= ROMAN "." SP            ; I. … XXXIX.  (value checked)
//! article  ::= "Điều" SP DIGITS ("." | ":") ; Điều 3.
//! decimal  ::= DIGITS "." DIGITS ("." DIGITS)* "."? SP   ; 1.1. / 3.2 / 1.2.3.
//! number   ::= DIGITS ("." | ")" | "/") SP  ; 1.  2)  3/   (one or two digits)
//! letter   ::= LETTER (")" | ".") SP        ; a) … đ) … y)  (Vietnamese order)
//! dash     ::= ("-" | "–" | "—" | "•") SP? NONSPACE
//! plus     ::= "+" SP? NONSPACE
//! ```
//!
//! `2025.` (four digits), `24/7` (no space after the slash), `02 nhóm` and
//! `(1)` are not markers. Whether a marker is *in sequence* is for the
//! structure stage to judge.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of};
use nom::combinator::{map_opt, opt, recognize};
use nom::multi::many1;
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};

/// The Vietnamese alphabet order used for lettered sub-items (no f, j, w, z).
pub(crate) const LETTERS: [char; 24] = [
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
    'u', 'v', 'x', 'y', 'ư',
];

/// What kind of unit a marker opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum MarkerKind {
    /// `I.` … with its value.
    Roman(u32),
    /// `Điều N.`
    Article(u32),
    /// `1.2.` (and deeper): the numbers in order.
    Decimal(Vec<u32>),
    /// `1.`, `1)`, `1/`
    Number(u32),
    /// `a)`, `đ)`: the letter's position in [`LETTERS`], from 0.
    Letter(usize),
    /// `-` and its look-alikes.
    Dash,
    /// `+`
    Plus,
}

/// A marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Marker {
    /// What it opens.
    pub kind: MarkerKind,
    /// Bytes of the line the marker and the spaces after it take.
    pub len: usize,
}

impl Marker {
    /// The label a node opened by this marker carries.
    pub fn label(&self) -> String {
        match &self.kind {
            MarkerKind::Roman(n) => roman_string(*n),
            MarkerKind::Article(n) | MarkerKind::Number(n) => n.to_string(),
            MarkerKind::Decimal(parts) => parts.last().map(u32::to_string).unwrap_or_default(),
            MarkerKind::Letter(i) => LETTERS.get(*i).map(char::to_string).unwrap_or_default(),
            MarkerKind::Dash => "-".to_string(),
            MarkerKind::Plus => "+".to_string(),
        }
    }
}

/// The marker `line` starts with, if any. `line` is already trimmed on the left.
pub(crate) fn parse(line: &str) -> Option<Marker> {
    if !may_start_marker(line.as_bytes()) {
        return None;
    }
    let (rest, kind) = alt((roman, article, decimal, number, letter, bullet))
        .parse(line)
        .ok()?;
    let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    Some(Marker {
        kind,
        len: line.len() - after.len(),
    })
}

/// A cheap test on the first bytes that rules out most lines before the grammar runs.
fn may_start_marker(b: &[u8]) -> bool {
    match b {
        [b'I' | b'V' | b'X' | b'L', ..]
        | [b'0'..=b'9', ..]
        | [b'-' | b'+', ..]
        | [b'*', b' ', ..] => true,
        // `Điều`, `đ)`: Đ is C4 90, đ is C4 91.
        [0xC4, 0x90 | 0x91, ..] => true,
        // `–`, `—`, `•` start with E2 80.
        [0xE2, 0x80, ..] => true,
        [b'a'..=b'y', b')' | b'.', ..] => true,
        _ => false,
    }
}

/// Spaces after a marker: at least one, or the end of the line.
fn gap(input: &str) -> IResult<&str, ()> {
    if input.is_empty() {
        return Ok((input, ()));
    }
    let (rest, _) =
        take_while_m_n(1, usize::MAX, |c| c == ' ' || c == '\t' || c == '\u{a0}')(input)?;
    Ok((rest, ()))
}

fn small_number(input: &str) -> IResult<&str, u32> {
    map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    )
    .parse(input)
}

// roman ::= ROMAN "." SP
fn roman(input: &str) -> IResult<&str, MarkerKind> {
    let numeral = take_while_m_n(1, 7, |c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    map_opt(
        terminated(terminated(numeral, one_of(".")), gap),
        |r: &str| roman_value(r).map(MarkerKind::Roman),
    )
    .parse(input)
}

// article ::= "Điều" SP DIGITS ("." | ":")
fn article(input: &str) -> IResult<&str, MarkerKind> {
    let (rest, n) = preceded(
        pair(tag("Điều"), take_while_m_n(1, 3, |c| c == ' ')),
        terminated(
            map_opt(
                take_while_m_n(1, 3, |c: char| c.is_ascii_digit()),
                |d: &str| d.parse().ok(),
            ),
            one_of(".:"),
        ),
    )
    .parse(input)?;
    let (rest, _) = gap(rest)?;
    Ok((rest, MarkerKind::Article(n)))
}

// decimal ::= DIGITS "." DIGITS ("." DIGITS)* "."? SP
fn decimal(input: &str) -> IResult<&str, MarkerKind> {
    let (rest, first) = terminated(part, char('.')).parse(input)?;
    let (rest, more) = many1(terminated(part, opt(char('.')))).parse(rest)?;
    // `1.2` must be followed by a space (or end): `1.2x` is not a marker.
    let (rest, _) = gap(rest)?;
    let mut parts = vec![first];
    parts.extend(more);
    if parts.len() > 6 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TooLarge,
        )));
    }
    Ok((rest, MarkerKind::Decimal(parts)))
}

/// One or two digits not followed by a third (`1.250` is a number, not `1.25.0`).
fn part(input: &str) -> IResult<&str, u32> {
    let (rest, n) = small_number(input)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, n))
}

// number ::= DIGITS ("." | ")" | "/") SP
fn number(input: &str) -> IResult<&str, MarkerKind> {
    let (rest, n) = terminated(part, one_of(".)/")).parse(input)?;
    // A marker is followed by a space; `1.` alone on a line (a wrapped heading) counts too.
    let (rest, _) = gap(rest)?;
    Ok((rest, MarkerKind::Number(n)))
}

// letter ::= LETTER (")" | ".") SP
fn letter(input: &str) -> IResult<&str, MarkerKind> {
    let (rest, c) = terminated(one_of("abcdđeghiklmnopqrstuvxy"), one_of(").")).parse(input)?;
    let (rest, _) = gap(rest)?;
    // `a.` only when text follows; `v.v.` and initials like `P.T.T.Huyền` are not markers.
    if rest.is_empty()
        || input[c.len_utf8()..].starts_with(". ") && !rest.starts_with(char::is_uppercase)
    {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let idx = LETTERS.iter().position(|&l| l == c).unwrap_or(0);
    Ok((rest, MarkerKind::Letter(idx)))
}

// dash ::= ("-" | "–" | "—" | "•") SP? NONSPACE | "*" SP NONSPACE ; plus ::= "+" SP? NONSPACE
fn bullet(input: &str) -> IResult<&str, MarkerKind> {
    let (rest, sym) = recognize(one_of("-–—•+*")).parse(input)?;
    // A star is a bullet only as markdown writes one: followed by a space.
    if sym == "*" && !rest.starts_with(' ') {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Char,
        )));
    }
    let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    // A rule of dashes (`-------`), a minus sign before a number, or a lone dash is not a bullet.
    match after.chars().next() {
        Some(c) if c.is_alphabetic() || matches!(c, '"' | '“' | '(' | '*' | '\'' | '‘') => {}
        _ => {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Char,
            )))
        }
    }
    let kind = if sym == "+" {
        MarkerKind::Plus
    } else {
        MarkerKind::Dash
    };
    Ok((rest, kind))
}

/// The value of a Roman numeral written in canonical form (`IV`, not `IIII`).
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total).ok()?;
    (total > 0 && total < 90 && roman_string(total) == s).then_some(total)
}

/// The canonical Roman numeral for `n` (1 to 89).
pub(crate) fn roman_string(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> Option<MarkerKind> {
        parse(s).map(|m| m.kind)
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(kind("I. VỀ HỆ THỐNG"), Some(MarkerKind::Roman(1)));
        assert_eq!(kind("XIV. KẾT LUẬN"), Some(MarkerKind::Roman(14)));
        assert_eq!(kind("XX. KHÁC"), Some(MarkerKind::Roman(20)));
        assert_eq!(kind("1. Bộ trưởng"), Some(MarkerKind::Number(1)));
        assert_eq!(kind("12. Về truyền thông"), Some(MarkerKind::Number(12)));
        assert_eq!(kind("3/ Tăng cường"), Some(MarkerKind::Number(3)));
        assert_eq!(kind("2) Rà soát"), Some(MarkerKind::Number(2)));
        assert_eq!(kind("1.1. Rà soát"), Some(MarkerKind::Decimal(vec![1, 1])));
        assert_eq!(kind("3.2 Rà soát"), Some(MarkerKind::Decimal(vec![3, 2])));
        assert_eq!(
            kind("1.2.3. Rà soát"),
            Some(MarkerKind::Decimal(vec![1, 2, 3]))
        );
        assert_eq!(kind("a) Bảo đảm"), Some(MarkerKind::Letter(0)));
        assert_eq!(kind("đ) Phối hợp"), Some(MarkerKind::Letter(4)));
        assert_eq!(kind("e) Trình"), Some(MarkerKind::Letter(5)));
        assert_eq!(kind("g) Trình"), Some(MarkerKind::Letter(6)));
        assert_eq!(kind("- Phối hợp"), Some(MarkerKind::Dash));
        assert_eq!(kind("-Phối hợp"), Some(MarkerKind::Dash));
        assert_eq!(kind("– Phối hợp"), Some(MarkerKind::Dash));
        assert_eq!(kind("+ Tập trung"), Some(MarkerKind::Plus));
        assert_eq!(kind("* Thời gian thực hiện"), Some(MarkerKind::Dash));
        assert_eq!(kind("Điều 1."), Some(MarkerKind::Article(1)));
        assert_eq!(kind("Điều 12. Hiệu lực"), Some(MarkerKind::Article(12)));
        assert_eq!(kind("1."), Some(MarkerKind::Number(1)));
    }

    #[test]
    fn rejected_forms() {
        for s in [
            "2025.",
            "2025. Hoàn thành",
            "24/7 phục vụ",
            "02 nhóm dịch vụ",
            "4 tỉnh (Bắc Ninh)",
            "(1) Hạ tầng",
            "(i) trước hết",
            "-------",
            "- 5%",
            "1.250 người",
            "Điều 102 Luật Lâm nghiệp",
            "IIII. SAI",
            "IC. SAI",
            "v.v. và",
            "f) không có",
            "",
            "---------------",
        ] {
            assert_eq!(kind(s), None, "{s:?}");
        }
    }

    #[test]
    fn marker_length_covers_spaces() {
        let m = parse("a)   Rà soát").unwrap();
        assert_eq!(&"a)   Rà soát"[m.len..], "Rà soát");
        assert_eq!(m.label(), "a");
        assert_eq!(parse("IV. X").unwrap().label(), "IV");
        assert_eq!(parse("1.2. X").unwrap().label(), "2");
    }

    #[test]
    fn roman_round_trip() {
        for n in 1..90 {
            assert_eq!(roman_value(&roman_string(n)), Some(n));
        }
    }
}
