//! Vietnamese text normalization: Unicode forms, tone-mark placement and folding.
//!
//! The parser runs on NFC text. [`nfc`] returns the input unchanged (borrowed)
//! when it is already NFC, so clean input costs one quick scan.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

mod offsets;

pub use offsets::OffsetMap;

/// Where tone marks go on the vowel pairs `oa`, `oe`, `uy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ToneStyle {
    /// Keep the placement the text has.
    #[default]
    Preserve,
    /// The modern placement (`hoà`, `thuỷ`, `Uỷ`).
    Modern,
    /// The traditional placement (`hòa`, `thủy`, `Ủy`).
    Traditional,
}

/// The text in Unicode NFC, borrowed when it already is.
///
/// ```
/// use chidao::normalize::nfc;
/// assert!(matches!(nfc("Hà Nội"), std::borrow::Cow::Borrowed(_)));
/// assert_eq!(nfc("Ha\u{300} No\u{302}\u{323}i"), "Hà Nội");
/// ```
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => {
            let out: String = text.nfc().collect();
            if out == text {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(out)
            }
        }
    }
}

/// A lowercase key with diacritics removed and `đ` folded to `d`, for search and matching.
///
/// ```
/// assert_eq!(chidao::normalize::fold("Ủy ban nhân dân"), "uy ban nhan dan");
/// assert_eq!(chidao::normalize::fold("Đà Nẵng"), "da nang");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if ('\u{300}'..='\u{36f}').contains(&c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The text in Unicode NFD (canonical decomposition), borrowed when it already is.
///
/// ```
/// use chidao::normalize::nfd;
/// assert_eq!(nfd("Việt"), "Vie\u{323}\u{302}t");
/// assert!(matches!(nfd("ASCII"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn nfd(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    match unicode_normalization::is_nfd_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfd().collect()),
    }
}

/// Move tone marks on the vowel pairs `oa`, `oe`, `uy` to the placement of
/// `style` (the input should be NFC; other text is left alone).
///
/// The rule applies to an open syllable ending in the pair (`hoà`, `khoẻ`,
/// `thuỷ`, `Uỷ`): modern puts the tone on the second vowel, traditional on the
/// first. With a final consonant (`hoàng`, `thuyết`) both styles agree and
/// nothing moves; after `q` the `u` belongs to the initial (`quý`), and
/// three-vowel nuclei (`khoai`, `khuya`) are left as written.
///
/// ```
/// use chidao::normalize::{place_tones, ToneStyle};
/// assert_eq!(place_tones("hòa thủy Ủy khỏe", ToneStyle::Modern), "hoà thuỷ Uỷ khoẻ");
/// assert_eq!(place_tones("hoà thuỷ Uỷ khoẻ", ToneStyle::Traditional), "hòa thủy Ủy khỏe");
/// assert_eq!(place_tones("quý hoàng", ToneStyle::Traditional), "quý hoàng");
/// assert_eq!(place_tones("hoà", ToneStyle::Preserve), "hoà");
/// ```
pub fn place_tones(text: &str, style: ToneStyle) -> Cow<'_, str> {
    match tones::place(text, style) {
        Some((t, _)) => Cow::Owned(t),
        None => Cow::Borrowed(text),
    }
}

/// Text prepared for the parser: NFC, plus the map back to the input's offsets.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    /// The normalized text the later stages read.
    pub text: Cow<'a, str>,
    /// Offsets in `text` to offsets in the input as given.
    pub map: OffsetMap,
}

/// Normalize `input` for parsing, keeping the way back to its offsets:
/// invisible characters removed and odd spaces and hyphens made plain
/// ([`clean`]), NFC, then tone placement in `style`.
pub(crate) fn prepare(input: &str, style: ToneStyle) -> Prepared<'_> {
    let cleaned = clean::clean(input);
    let (text, map): (Cow<'_, str>, OffsetMap) = match cleaned {
        None => (Cow::Borrowed(input), OffsetMap::identity()),
        Some((t, m)) => (Cow::Owned(t), m),
    };
    let (text, map) = match nfc(&text) {
        Cow::Borrowed(_) => (text, map),
        Cow::Owned(_) => {
            let p = offsets::nfc_with_map(&text);
            let m = p.map.then(&map);
            (Cow::Owned(p.text.into_owned()), m)
        }
    };
    if style == ToneStyle::Preserve {
        return Prepared { text, map };
    }
    match tones::place(&text, style) {
        None => Prepared { text, map },
        Some((t, m)) => Prepared {
            text: Cow::Owned(t),
            map: m.then(&map),
        },
    }
}

/// Replace the characters that only get in the parser's way (zero-width
/// characters, soft hyphens, no-break and narrow spaces, hyphen look-alikes),
/// keeping Vietnamese letters untouched.
///
/// ```
/// use chidao::normalize::clean;
/// assert_eq!(clean("Hà\u{a0}Nội\u{200b}, ngày\u{ad} 5\u{2011}8"), "Hà Nội, ngày 5-8");
/// ```
pub fn clean(text: &str) -> Cow<'_, str> {
    match clean::clean(text) {
        Some((t, _)) => Cow::Owned(t),
        None => Cow::Borrowed(text),
    }
}

mod clean {
    use super::OffsetMap;

    /// What `c` becomes: `Some(None)` to drop it, `Some(Some(r))` to replace it.
    fn rule(c: char) -> Option<Option<char>> {
        Some(match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => None,
            '\u{A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{3000}' => Some(' '),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => {
                Some('-')
            }
            _ => return None,
        })
    }

    pub(super) fn clean(text: &str) -> Option<(String, OffsetMap)> {
        if text.is_ascii() || !text.chars().any(|c| rule(c).is_some()) {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut map = OffsetMap::identity();
        for (i, c) in text.char_indices() {
            match rule(c) {
                None => out.push(c),
                Some(r) => {
                    map.push(out.len(), i);
                    if let Some(r) = r {
                        out.push(r);
                    }
                    map.push(out.len(), i + c.len_utf8());
                }
            }
        }
        map.push(out.len(), text.len());
        Some((out, map))
    }
}

mod tones {
    use unicode_normalization::char::{compose, decompose_canonical};

    use super::{OffsetMap, ToneStyle};

    /// (base letter, tone mark) of an NFC character.
    fn split(c: char) -> (char, Option<char>) {
        let mut base: Option<char> = None;
        let mut tone = None;
        decompose_canonical(c, |d| {
            if matches!(d, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}') {
                tone = Some(d);
            } else {
                base = Some(match base {
                    None => d,
                    Some(b) => compose(b, d).unwrap_or(b),
                });
            }
        });
        (base.unwrap_or(c), tone)
    }

    fn is_vowel(b: char) -> bool {
        matches!(
            b.to_lowercase().next().unwrap_or(b),
            'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
        )
    }

    /// Re-placed text and its map, or `None` when nothing moves.
    pub(super) fn place(text: &str, style: ToneStyle) -> Option<(String, OffsetMap)> {
        if style == ToneStyle::Preserve || text.is_ascii() {
            return None;
        }
        let mut out: Option<(String, OffsetMap)> = None;
        let mut last = 0; // end of the text copied so far
        let mut word: Vec<(usize, char)> = Vec::new();
        let flush = |word: &mut Vec<(usize, char)>,
                     end: usize,
                     out: &mut Option<(String, OffsetMap)>,
                     last: &mut usize| {
            if let Some(repl) = fix_word(word, style) {
                let (s, m) = out.get_or_insert_with(|| {
                    (String::with_capacity(text.len() + 8), OffsetMap::identity())
                });
                let Some(&(ws, _)) = word.get(word.len().saturating_sub(2)) else {
                    return;
                };
                s.push_str(text.get(*last..ws).unwrap_or(""));
                m.push(s.len(), ws);
                s.push(repl.0);
                s.push(repl.1);
                m.push(s.len(), end);
                *last = end;
            }
            word.clear();
        };
        for (i, c) in text.char_indices() {
            if c.is_alphabetic() {
                word.push((i, c));
            } else if !word.is_empty() {
                flush(&mut word, i, &mut out, &mut last);
            }
        }
        if !word.is_empty() {
            flush(&mut word, text.len(), &mut out, &mut last);
        }
        let (mut s, mut m) = out?;
        s.push_str(text.get(last..).unwrap_or(""));
        m.push(s.len(), text.len());
        Some((s, m))
    }

    /// The new last two letters of `word`, when its tone must move.
    fn fix_word(word: &[(usize, char)], style: ToneStyle) -> Option<(char, char)> {
        let n = word.len();
        let (&(_, c1), &(_, c2)) = (word.get(n.checked_sub(2)?)?, word.get(n - 1)?);
        let ((b1, t1), (b2, t2)) = (split(c1), split(c2));
        let pair = (b1.to_ascii_lowercase(), b2.to_ascii_lowercase());
        if !matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) {
            return None;
        }
        let before = word.get(..n - 2).unwrap_or(&[]);
        if before.iter().any(|&(_, c)| is_vowel(split(c).0)) {
            return None;
        }
        if pair.0 == 'u' && before.last().is_some_and(|&(_, c)| c == 'q' || c == 'Q') {
            return None;
        }
        let (tone, on_first) = match (t1, t2) {
            (Some(t), None) => (t, true),
            (None, Some(t)) => (t, false),
            _ => return None,
        };
        let want_first = style == ToneStyle::Traditional;
        if on_first == want_first {
            return None;
        }
        if want_first {
            Some((compose(b1, tone)?, b2))
        } else {
            Some((b1, compose(b2, tone)?))
        }
    }
}
