//! Decoders and encoders for the legacy Vietnamese encodings.
//!
//! Every decoder is a single pass over the bytes that builds the text and an
//! [`OffsetMap`] from text offsets to byte offsets. The two-byte encodings
//! (VNI, VIQR) compose a base letter with the modifier bytes that follow it,
//! longest sequence first.

use crate::normalize::split_tone;
use unicode_normalization::char::{compose, decompose_canonical};

use super::tables::{CP1258_HIGH, TCVN3_HIGH, VISCII_HIGH, VISCII_LOW};
use super::Encoding;
use crate::normalize::OffsetMap;

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const CIRC: char = '\u{302}';
const TILDE: char = '\u{303}';
const BREVE: char = '\u{306}';
const HOOK: char = '\u{309}';
const HORN: char = '\u{31B}';
const DOT: char = '\u{323}';

/// Whether `m` is one of the five Vietnamese tone marks.
pub(crate) fn is_tone(m: char) -> bool {
    matches!(m, GRAVE | ACUTE | TILDE | HOOK | DOT)
}

/// Whether `c` already carries a tone mark.
fn has_tone(c: char) -> bool {
    let mut t = false;
    decompose_canonical(c, |d| t |= is_tone(d));
    t
}

/// The base vowel of `c` without any marks (lower-cased), if it is a vowel.
fn vowel_base(c: char) -> Option<char> {
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d.to_ascii_lowercase());
        }
    });
    base.filter(|b| matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// `c` with `marks` added, if the result is one precomposed character.
fn add_marks(c: char, marks: &[char]) -> Option<char> {
    use unicode_normalization::char::canonical_combining_class as ccc;
    let mut parts = ['\0'; 6];
    let mut n = 0;
    decompose_canonical(c, |d| {
        if let Some(slot) = parts.get_mut(n) {
            *slot = d;
            n += 1;
        }
    });
    for &m in marks {
        if let Some(slot) = parts.get_mut(n) {
            *slot = m;
            n += 1;
        }
    }
    let parts = parts.get_mut(..n)?;
    let (first, rest) = parts.split_first_mut()?;
    rest.sort_by_key(|&m| ccc(m));
    let mut out = *first;
    for &m in rest.iter() {
        out = compose(out, m)?;
    }
    Some(out)
}

/// Builds text and its offset map one output character at a time.
struct Out {
    text: String,
    map: OffsetMap,
    /// A character not yet written (modifiers may still follow): (char, src start, src end).
    pending: Option<(char, usize, usize)>,
    replaced: Option<usize>,
}

impl Out {
    fn new(cap: usize) -> Out {
        Out {
            text: String::with_capacity(cap + cap / 4),
            map: OffsetMap::identity(),
            pending: None,
            replaced: None,
        }
    }
    fn emit(&mut self, c: char, start: usize, end: usize) {
        if c == '\u{FFFD}' && self.replaced.is_none() {
            self.replaced = Some(start);
        }
        if c.is_ascii() && end == start + 1 {
            self.text.push(c);
            return;
        }
        self.map.push(self.text.len(), start);
        self.text.push(c);
        self.map.push(self.text.len(), end);
    }
    fn flush(&mut self) {
        if let Some((c, s, e)) = self.pending.take() {
            self.emit(c, s, e);
        }
    }
    fn finish(mut self, len: usize) -> (String, OffsetMap, Option<usize>) {
        self.flush();
        if !self.map.is_identity() {
            self.map.push(self.text.len(), len);
        }
        (self.text, self.map, self.replaced)
    }
}

/// Decode `bytes` from a legacy `encoding`. Returns the text, the map to byte
/// offsets, and the offset of the first byte replaced with U+FFFD, if any.
/// Windows-1258 output keeps its combining marks (the normalizer composes them).
pub(crate) fn decode(bytes: &[u8], encoding: Encoding) -> (String, OffsetMap, Option<usize>) {
    let (mut text, map, r) = decode_raw(bytes, encoding);
    if encoding == Encoding::Tcvn3 {
        restore_capitals(&mut text);
    }
    (text, map, r)
}

/// [`decode`] without TCVN3's restoration of capitals (for scoring readings).
pub(crate) fn decode_raw(bytes: &[u8], encoding: Encoding) -> (String, OffsetMap, Option<usize>) {
    match encoding {
        Encoding::Tcvn3 => single_byte(bytes, &TCVN3_HIGH, &[]),
        Encoding::Cp1258 => single_byte(bytes, &CP1258_HIGH, &[]),
        Encoding::Viscii => single_byte(bytes, &VISCII_HIGH, &VISCII_LOW),
        Encoding::Vni => vni(bytes),
        Encoding::Viqr => viqr(bytes),
        Encoding::Utf8 => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            (text, OffsetMap::identity(), None)
        }
    }
}

fn single_byte(
    bytes: &[u8],
    high: &[char; 128],
    low: &[(u8, char)],
) -> (String, OffsetMap, Option<usize>) {
    let mut out = Out::new(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        let c = if b < 0x80 {
            low.iter()
                .find(|&&(x, _)| x == b)
                .map_or(b as char, |&(_, c)| c)
        } else {
            high.get(usize::from(b - 0x80))
                .copied()
                .unwrap_or('\u{FFFD}')
        };
        out.emit(c, i, i + 1);
    }
    out.finish(bytes.len())
}

/// Is `c` a lower-case letter TCVN3 could have written as a capital (it has
/// capital codes only for ASCII letters and `ă â ê ô ơ ư đ`)?
fn tcvn3_has_capital(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư' | 'đ')
}

/// What a word in decoded TCVN3 text says about letter case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    /// A lower-case letter that has a capital code: the word was typed in lower case.
    Lower,
    /// Two or more capitals and no lower-case letter at all (`NAM`, `BAN`).
    Caps,
    /// A toned lower-case letter after a capital (`THủ`, `ủY`): a capital word
    /// whose toned letters came through as lower-case codes.
    Broken,
    /// Only toned lower-case letters besides a capital first letter
    /// (`Về`, `Xã`, `ở`): capitals or not, the neighbours tell.
    Unsure,
    /// No letter that tells (numbers, acronyms, one-letter words).
    Neutral,
}

/// A word of decoded TCVN3 text: (start, end, case).
type CaseWord = (usize, usize, Case);

fn classify(word: &str) -> Case {
    let (mut upper, mut upper_later, mut capable, mut toned) = (0, false, false, false);
    for (i, c) in word.char_indices() {
        if c.is_uppercase() {
            upper += 1;
            upper_later |= i > 0;
        } else if tcvn3_has_capital(c) {
            capable = true;
        } else if c.is_lowercase() {
            toned = true;
        }
    }
    if capable {
        Case::Lower
    } else if toned && upper_later {
        Case::Broken
    } else if toned {
        Case::Unsure
    } else if upper >= 2 && super::detect::is_syllable(word) {
        Case::Caps
    } else {
        Case::Neutral
    }
}

/// [`classify`] the word at `s..e`; a capital word glued to a code (`BYT` in
/// `6087/BYT-KCB`) is an acronym and tells nothing.
fn classify_at(src: &str, s: usize, e: usize) -> Case {
    let case = classify(src.get(s..e).unwrap_or(""));
    let code = |c: Option<char>| c.is_some_and(|c| c == '/' || c == '-' || c.is_ascii_digit());
    let before = src.get(..s).and_then(|t| t.chars().next_back());
    let after = src.get(e..).and_then(|t| t.chars().next());
    if case == Case::Caps && (code(before) || code(after)) {
        Case::Neutral
    } else {
        case
    }
}

/// TCVN3 has no codes for toned capitals: upper-case fonts (`.VnTimeH`) draw
/// the lower-case codes as capitals, and typists of the normal fonts type a
/// toned capital with its lower-case code. Restore capitals where the text
/// shows them (each replacement keeps the UTF-8 length, so the offset map
/// stays right):
/// - a word with a capital after its first letter and no lower-case letter
///   that has a capital code: `THủ` -> `THỦ`, `ủY` -> `ỦY`;
/// - a word of capitals and toned lower-case letters only (`Về`, `Xã`, `ở`)
///   whose nearest telling neighbours (on its line, or on the lines around
///   when its line has none) are capital words: `CỘNG HÒA Xã HỘI` -> `XÃ`;
///   in a text with no telling word at all, a line of two or more such words;
/// - a toned first letter at the start of a sentence or of a list item
///   (`1. ứng phó` -> `1. Ứng phó`), and `ủy ban` -> `Ủy ban`.
///
/// What is lost: a toned capital inside a lower-case sentence that is not
/// `Ủy ban` (`Ấn Độ` arrives as `ấn Độ`), and a heading of one toned word
/// between lower-case lines.
fn restore_capitals(text: &mut String) {
    if text.is_ascii() {
        return;
    }
    let src = text.as_str();
    let mut words: Vec<CaseWord> = Vec::new();
    // The line (0-based) of each word.
    let mut lines: Vec<usize> = Vec::new();
    let mut line = 0;
    let mut start = None;
    for (i, c) in src.char_indices() {
        match (crate::normalize::is_letter(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i, classify_at(src, s, i)));
                lines.push(line);
                start = None;
            }
            _ => {}
        }
        if c == '\n' {
            line += 1;
        }
    }
    if let Some(s) = start {
        words.push((s, src.len(), classify_at(src, s, src.len())));
        lines.push(line);
    }
    let telling = |c: Case| matches!(c, Case::Lower | Case::Caps | Case::Broken);
    let mut out = String::with_capacity(src.len());
    let mut last = 0;
    let upcase = |out: &mut String, last: &mut usize, s: usize, e: usize, whole: bool| {
        out.push_str(src.get(*last..s).unwrap_or(""));
        for (k, c) in src.get(s..e).unwrap_or("").chars().enumerate() {
            let mut u = c.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) if (whole || k == 0) && x.len_utf8() == c.len_utf8() => out.push(x),
                _ => out.push(c),
            }
        }
        *last = e;
    };
    // The nearest telling word before and after each word.
    let mut prev: Vec<Option<usize>> = Vec::with_capacity(words.len());
    let mut seen = None;
    for (k, w) in words.iter().enumerate() {
        prev.push(seen);
        if telling(w.2) {
            seen = Some(k);
        }
    }
    let mut next: Vec<Option<usize>> = vec![None; words.len()];
    let mut seen = None;
    for (k, w) in words.iter().enumerate().rev() {
        if let Some(slot) = next.get_mut(k) {
            *slot = seen;
        }
        if telling(w.2) {
            seen = Some(k);
        }
    }
    // Runs of words on one line without a lower-case word between them: a
    // run with a capital word, or with two title-shaped unsure words
    // (`BỘ Y TẾ` arrives as `Bộ Y Tế`), is a run of capitals.
    let is_title = |w: &CaseWord| {
        w.2 == Case::Unsure
            && src
                .get(w.0..w.1)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase)
    };
    let mut in_caps_run = vec![false; words.len()];
    let mut line_tells = vec![false; lines.last().map_or(0, |l| l + 1)];
    let mut run_start = 0;
    for k in 0..=words.len() {
        let ends = match (words.get(k), lines.get(k)) {
            (Some(w), Some(l)) => {
                if telling(w.2) {
                    if let Some(t) = line_tells.get_mut(*l) {
                        *t = true;
                    }
                }
                w.2 == Case::Lower || k == 0 || lines.get(k - 1) != Some(l)
            }
            _ => true,
        };
        if ends {
            let run = words.get(run_start..k).unwrap_or(&[]);
            // (Two title-shaped words count only on a line with no lower-case
            // word: `Vụ Kế hoạch` is a name in title case.)
            let first_on_line = run_start == 0 || lines.get(run_start - 1) != lines.get(run_start);
            let whole_line = first_on_line && lines.get(k) != lines.get(run_start);
            let capital = run.iter().any(|w| matches!(w.2, Case::Caps | Case::Broken))
                || (whole_line && run.iter().filter(|w| is_title(w)).count() >= 2);
            if capital {
                in_caps_run
                    .get_mut(run_start..k)
                    .unwrap_or(&mut [])
                    .iter_mut()
                    .for_each(|c| *c = true);
            }
            run_start = if words.get(k).is_some_and(|w| w.2 == Case::Lower) {
                k + 1
            } else {
                k
            };
        }
    }
    for (k, &(s, e, case)) in words.iter().enumerate() {
        let caps = match case {
            Case::Broken => true,
            Case::Unsure if in_caps_run.get(k) == Some(&true) => true,
            Case::Unsure
                if !lines
                    .get(k)
                    .is_some_and(|&l| line_tells.get(l) == Some(&true)) =>
            {
                // Nothing on its line tells: the nearest telling words around do.
                let case_of = |j: Option<&Option<usize>>| {
                    j.copied().flatten().and_then(|j| words.get(j)).map(|w| w.2)
                };
                let (cb, ca) = (case_of(prev.get(k)), case_of(next.get(k)));
                cb != Some(Case::Lower) && ca != Some(Case::Lower) && (cb.is_some() || ca.is_some())
            }
            _ => false,
        };
        if caps {
            upcase(&mut out, &mut last, s, e, true);
        } else if src
            .get(s..e)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_lowercase() && !tcvn3_has_capital(c))
            && starts_sentence(src, s)
        {
            upcase(&mut out, &mut last, s, e, false);
        }
    }
    out.push_str(src.get(last..).unwrap_or(""));
    // The one toned capital that starts a lower-case word in directives:
    // `Ủy ban` names a body and is written with a capital.
    let mut from = 0;
    while let Some(p) = out
        .get(from..)
        .and_then(|t| t.find("ủy ban"))
        .map(|p| p + from)
    {
        let starts_word = out
            .get(..p)
            .and_then(|t| t.chars().next_back())
            .map_or(true, |c| !crate::normalize::is_letter(c));
        if starts_word {
            out.replace_range(p..p + 'ủ'.len_utf8(), "Ủ");
        }
        from = p + "ủy ban".len();
    }
    if out.len() == text.len() {
        *text = out;
    }
}

/// Whether the word at `s` starts a sentence or a list item: at the start of
/// the text, after `.`/`!`/`?` and spaces, or after a marker (`1.`, `a)`,
/// `-`, `+`, `I.`) that starts its line, or at the start of a line after one
/// that ends with `.` or `:`.
fn starts_sentence(src: &str, s: usize) -> bool {
    let before = src.get(..s).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\t', '“', '"', '(', '*', '\u{a0}']);
    let line_start = trimmed.rfind('\n').map_or(0, |p| p + 1);
    let head = trimmed.get(line_start..).unwrap_or("");
    if head.is_empty() {
        // First word of its line: a sentence start when the line before ends one.
        let prev = trimmed
            .get(..line_start)
            .unwrap_or("")
            .trim_end_matches([' ', '\t', '\n', '\r', '*']);
        return prev.is_empty() || prev.ends_with(['.', ':', '!', '?']);
    }
    if trimmed.ends_with(['.', '!', '?']) && before.len() > trimmed.len() {
        return true;
    }
    let head = head.trim_start();
    let marker = head.trim_end_matches(['.', ')']);
    (head.ends_with(['.', ')']) && !marker.is_empty() && is_marker(marker))
        || matches!(head, "-" | "+" | "•" | "–")
}

fn is_marker(m: &str) -> bool {
    m.split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        || (m.chars().count() == 1 && m.chars().all(|c| c.is_lowercase()))
        || m.bytes().all(|b| b"IVXLC".contains(&b))
}

/// The Windows-1252 character of a byte 0x80-0xFF (Latin-1 above 0x9F).
fn cp1252(b: u8) -> char {
    const C1: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    if (0x80..0xA0).contains(&b) {
        C1.get(usize::from(b - 0x80)).copied().unwrap_or('\u{FFFD}')
    } else {
        char::from(b)
    }
}

/// VNI-Windows modifier bytes (lower-case form; the capital form is 0x20 less):
/// the marks they add to the preceding vowel.
fn vni_modifier(b: u8) -> Option<&'static [char]> {
    let lower = if (0xC0..0xE0).contains(&b) {
        b + 0x20
    } else {
        b
    };
    Some(match lower {
        0xF9 => &[ACUTE],
        0xF8 => &[GRAVE],
        0xFB => &[HOOK],
        0xF5 => &[TILDE],
        0xEF => &[DOT],
        0xE2 => &[CIRC],
        0xEA => &[BREVE],
        0xE1 => &[CIRC, ACUTE],
        0xE0 => &[CIRC, GRAVE],
        0xE5 => &[CIRC, HOOK],
        0xE3 => &[CIRC, TILDE],
        0xE4 => &[CIRC, DOT],
        0xE9 => &[BREVE, ACUTE],
        0xE8 => &[BREVE, GRAVE],
        0xFA => &[BREVE, HOOK],
        0xFC => &[BREVE, TILDE],
        0xEB => &[BREVE, DOT],
        _ => return None,
    })
}

/// VNI-Windows single-byte letters.
fn vni_letter(b: u8) -> Option<char> {
    Some(match b {
        0xF4 => 'ơ',
        0xD4 => 'Ơ',
        0xF6 => 'ư',
        0xD6 => 'Ư',
        0xF1 => 'đ',
        0xD1 => 'Đ',
        0xED => 'í',
        0xEC => 'ì',
        0xE6 => 'ỉ',
        0xF3 => 'ĩ',
        0xF2 => 'ị',
        0xCD => 'Í',
        0xCC => 'Ì',
        0xC6 => 'Ỉ',
        0xD3 => 'Ĩ',
        0xD2 => 'Ị',
        0xEE => 'ỵ',
        0xCE => 'Ỵ',
        _ => return None,
    })
}

fn vni(bytes: &[u8]) -> (String, OffsetMap, Option<usize>) {
    let mut out = Out::new(bytes.len());
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x80 {
            if let (Some((c, s, _)), Some(marks)) = (out.pending, vni_modifier(b)) {
                if vowel_base(c).is_some() && !has_tone(c) {
                    if let Some(n) = add_marks(c, marks) {
                        out.pending = Some((n, s, i + 1));
                        continue;
                    }
                }
            }
        }
        out.flush();
        let c = if b < 0x80 {
            char::from(b)
        } else {
            vni_letter(b).unwrap_or_else(|| cp1252(b))
        };
        out.pending = Some((c, i, i + 1));
    }
    out.finish(bytes.len())
}

fn viqr_marks(b: u8) -> Option<char> {
    Some(match b {
        b'^' => CIRC,
        b'(' => BREVE,
        b'+' => HORN,
        b'\'' => ACUTE,
        b'`' => GRAVE,
        b'?' => HOOK,
        b'~' => TILDE,
        b'.' => DOT,
        _ => return None,
    })
}

/// Is an unescaped `.` or `?` after a vowel a tone mark? VIQR writers escape
/// punctuation after a vowel (`\\.`, RFC 1456), so it is a tone except at the
/// end of the input, and a `.` is a full stop
/// after a marker at the start of a line: a Roman numeral or a single letter
/// (`I. VỀ ...` stays a heading, `a. Rà soát` a sub-item; `ĐƠN VỊ` inside a
/// line is still `VỊ`). Lost: an unescaped full stop after a vowel elsewhere
/// (read as a dot-below; neither a line end nor a blank line tells them apart
/// in PDF-extracted text).
fn viqr_final_is_tone(bytes: &[u8], i: usize, word_start: usize) -> bool {
    let next = bytes.get(i + 1).copied();
    if next.is_none() {
        return false;
    }
    let next = next.unwrap_or(b' ');
    let word = bytes.get(word_start..i).unwrap_or(&[]);
    let line_start = bytes.get(..word_start).unwrap_or(&[]);
    let line_start = line_start
        .get(
            line_start
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |p| p + 1)..,
        )
        .unwrap_or(&[]);
    let at_line_start = line_start
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'*' | b'#'));
    let marker = at_line_start
        && !word.is_empty()
        && (word.len() == 1 || word.iter().all(|b| b"IVXLCDM".contains(b)));
    !(bytes.get(i) == Some(&b'.') && marker && !next.is_ascii_alphabetic())
}

fn viqr(bytes: &[u8]) -> (String, OffsetMap, Option<usize>) {
    let mut out = Out::new(bytes.len());
    let mut word_start = 0;
    // Whether the syllable being read already has its tone: a syllable has
    // one, so a tone character after it is punctuation (`No^.i.` is `Nội.`).
    let mut toned = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        if !b.is_ascii_alphabetic() && viqr_marks(b).is_none() {
            word_start = i + 1;
            toned = false;
        }
        if b == b'\\' {
            if let Some(&n) = bytes.get(i + 1) {
                if viqr_marks(n).is_some() || n == b'd' || n == b'D' || n == b'\\' {
                    out.flush();
                    out.emit(char::from(n), i, i + 2);
                    i += 2;
                    continue;
                }
            }
        }
        if b >= 0x80 {
            // VIQR is ASCII; keep any UTF-8 in it.
            out.flush();
            let rest = bytes.get(i..).unwrap_or(&[]);
            let len = match b {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            let c = rest
                .get(..len)
                .and_then(|s| std::str::from_utf8(s).ok())
                .and_then(|s| s.chars().next())
                .unwrap_or('\u{FFFD}');
            let len = if c == '\u{FFFD}' { 1 } else { len };
            out.emit(c, i, i + len);
            i += len;
            continue;
        }
        if let Some((c, s, _)) = out.pending {
            if (b == b'd' || b == b'D') && (c == 'd' || c == 'D') {
                let n = if c == 'D' { 'Đ' } else { 'đ' };
                out.pending = Some((n, s, i + 1));
                i += 1;
                continue;
            }
            if let Some(m) = viqr_marks(b) {
                let ok = vowel_base(c).is_some()
                    && (!is_tone(m) || !(toned || has_tone(c)))
                    && (!(b == b'.' || b == b'?') || viqr_final_is_tone(bytes, i, word_start));
                if ok {
                    if let Some(n) = add_marks(c, &[m]) {
                        toned |= is_tone(m);
                        out.pending = Some((n, s, i + 1));
                        i += 1;
                        continue;
                    }
                }
            }
        }
        out.flush();
        out.pending = Some((char::from(b), i, i + 1));
        i += 1;
    }
    out.finish(bytes.len())
}

/// Encode `text` in a legacy `encoding` (or UTF-8), the inverse of decoding.
///
/// Characters the encoding cannot hold become `?`. TCVN3 writes toned capitals
/// with their lower-case codes (the `.VnTimeH` convention); VIQR escapes a
/// literal mark character after a vowel with `\`.
///
/// ```
/// use chidao::{decode::{decode_to_string, encode}, Encoding};
/// let bytes = encode("Thủ tướng", Encoding::Vni);
/// assert_eq!(bytes, b"Thu\xFB t\xF6\xF4\xF9ng");
/// assert_eq!(decode_to_string(&bytes, Some(Encoding::Vni)), "Thủ tướng");
/// assert_eq!(encode("Việt", Encoding::Viqr), b"Vie^.t");
/// ```
pub fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    let text = crate::normalize::nfc(text);
    let mut out = Vec::with_capacity(text.len() + text.len() / 2);
    let mut prev = None;
    for c in text.chars() {
        let before = prev.replace(c);
        let at = out.len();
        encode_char(c, encoding, before, &mut out);
        if c != '?' && out.get(at..) == Some(b"?") {
            // Not in the encoding: a plain look-alike if there is one.
            if let Some(plain) = look_alike(c) {
                out.truncate(at);
                let mut before = before;
                for p in plain.chars() {
                    encode_char(p, encoding, before, &mut out);
                    before = Some(p);
                }
            }
        }
    }
    out
}

/// An ASCII stand-in for a typographic character an encoding may lack.
fn look_alike(c: char) -> Option<&'static str> {
    Some(match c {
        '“' | '”' | '„' | '«' | '»' => "\"",
        '‘' | '’' | '‚' => "'",
        '…' => "...",
        '–' | '—' | '‐' | '‑' | '‒' | '−' => "-",
        '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' => " ",
        '•' => "-",
        _ => return None,
    })
}

fn encode_char(c: char, encoding: Encoding, before: Option<char>, out: &mut Vec<u8>) {
    match encoding {
        Encoding::Utf8 => {
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        Encoding::Tcvn3 => {
            // Letters only from the TCVN3 range (0xA1-0xFF); toned capitals
            // with their lower-case codes.
            let letter =
                |c: char| table_byte(c, &TCVN3_HIGH, &[]).filter(|&b| !(0x80..0xA0).contains(&b));
            let b = if c.is_alphabetic() && !c.is_ascii() && !"ĂÂÊÔƠƯĐ".contains(c) {
                c.to_lowercase().next().and_then(letter)
            } else if c.is_alphabetic() {
                letter(c).or_else(|| c.to_lowercase().next().and_then(letter))
            } else {
                table_byte(c, &TCVN3_HIGH, &[])
            };
            out.push(b.unwrap_or(b'?'));
        }
        Encoding::Viscii => out.push(table_byte(c, &VISCII_HIGH, &VISCII_LOW).unwrap_or(b'?')),
        Encoding::Cp1258 => encode_cp1258(c, out),
        Encoding::Vni => encode_vni(c, out),
        Encoding::Viqr => encode_viqr(c, before, out),
    }
}

fn table_byte(c: char, high: &[char; 128], low: &[(u8, char)]) -> Option<u8> {
    if c.is_ascii() {
        if low.iter().any(|&(b, _)| char::from(b) == c) {
            return None;
        }
        return u8::try_from(u32::from(c)).ok();
    }
    if let Some(&(b, _)) = low.iter().find(|&&(_, x)| x == c) {
        return Some(b);
    }
    let i = high.iter().position(|&x| x == c)?;
    u8::try_from(i + 0x80).ok()
}

fn encode_cp1258(c: char, out: &mut Vec<u8>) {
    if let Some(b) = table_byte(c, &CP1258_HIGH, &[]) {
        out.push(b);
        return;
    }
    let (base, tone) = split_tone(c);
    match (
        table_byte(base, &CP1258_HIGH, &[]),
        tone.and_then(|t| table_byte(t, &CP1258_HIGH, &[])),
    ) {
        (Some(b), Some(t)) => out.extend_from_slice(&[b, t]),
        _ => out.push(b'?'),
    }
}

fn encode_vni(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        out.push(c as u8);
        return;
    }
    if let Some(b) = (0x80..=0xFF).find(|&b| vni_letter(b) == Some(c)) {
        out.push(b);
        return;
    }
    // Shape mark first, then the tone, as VNI writes them.
    let (shaped, tone) = split_tone(c);
    let mut base = None;
    let mut marks: [Option<char>; 2] = [None, tone];
    decompose_canonical(shaped, |d| {
        if base.is_none() {
            base = Some(d);
        } else {
            marks[0] = Some(d);
        }
    });
    let Some(base) = base else {
        out.push(b'?');
        return;
    };
    // Horn letters are single bytes; their tone follows.
    let (lead, rest): (Option<u8>, &[Option<char>]) = match (base, marks[0]) {
        ('o', Some(HORN)) => (Some(0xF4), &marks[1..]),
        ('O', Some(HORN)) => (Some(0xD4), &marks[1..]),
        ('u', Some(HORN)) => (Some(0xF6), &marks[1..]),
        ('U', Some(HORN)) => (Some(0xD6), &marks[1..]),
        (b, _) if b.is_ascii_alphabetic() => (Some(b as u8), &marks[..]),
        _ => (None, &marks[..]),
    };
    let Some(lead) = lead else {
        let b = (0x80..=0xFF)
            .find(|&b| cp1252(b) == c && vni_modifier(b).is_none() && vni_letter(b).is_none());
        out.push(b.unwrap_or(b'?'));
        return;
    };
    let wanted: Vec<char> = rest.iter().flatten().copied().collect();
    if wanted.is_empty() {
        out.push(lead);
        return;
    }
    let upper = base.is_uppercase();
    let m = (0xE0..=0xFF).find(|&b| vni_modifier(b) == Some(&wanted[..]));
    match m {
        Some(m) => {
            out.push(lead);
            out.push(if upper { m - 0x20 } else { m });
        }
        None => out.push(b'?'),
    }
}

/// Write `c` in VIQR; `prev` is the character before it (a mark character
/// after a vowel, marked or not, is escaped so it stays literal).
fn encode_viqr(c: char, prev: Option<char>, out: &mut Vec<u8>) {
    if c.is_ascii() {
        let b = c as u8;
        let after_vowel = prev.is_some_and(|p| vowel_base(p).is_some());
        let escape = (viqr_marks(b).is_some() && after_vowel)
            || ((b == b'd' || b == b'D') && matches!(out.last(), Some(b'd' | b'D')))
            || (b == b'\\');
        if escape {
            out.push(b'\\');
        }
        out.push(b);
        return;
    }
    if c == 'đ' || c == 'Đ' {
        out.extend_from_slice(if c == 'đ' { b"dd" } else { b"DD" });
        return;
    }
    if !split_tone(c).0.is_ascii()
        && !matches!(
            split_tone(c).0,
            'â' | 'ê' | 'ô' | 'ă' | 'ơ' | 'ư' | 'Â' | 'Ê' | 'Ô' | 'Ă' | 'Ơ' | 'Ư'
        )
    {
        // Not a Vietnamese letter: VIQR text may carry it as UTF-8.
        let mut buf = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        return;
    }
    let (base, tone) = split_tone(c);
    let mut ok = true;
    let mut first = true;
    let marks = |d: char, out: &mut Vec<u8>, ok: &mut bool| match d {
        CIRC => out.push(b'^'),
        BREVE => out.push(b'('),
        HORN => out.push(b'+'),
        ACUTE => out.push(b'\''),
        GRAVE => out.push(b'`'),
        HOOK => out.push(b'?'),
        TILDE => out.push(b'~'),
        DOT => out.push(b'.'),
        _ => *ok = false,
    };
    decompose_canonical(base, |d| {
        if first {
            first = false;
            if d.is_ascii() {
                out.push(d as u8);
            } else {
                ok = false;
            }
        } else {
            marks(d, out, &mut ok);
        }
    });
    if let Some(t) = tone {
        marks(t, out, &mut ok);
    }
    if !ok {
        out.push(b'?');
    }
}
