//! Vietnamese text normalization: Unicode forms, tone-mark placement and folding.
//!
//! The parser runs on NFC text. [`nfc`] returns the input unchanged (borrowed)
//! when it is already NFC, so clean input costs one quick scan.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

mod offsets;
mod tone;

pub use offsets::OffsetMap;
pub use tone::place_tones;
pub(crate) use tone::split as split_tone;

/// Whether `c` is a letter: ASCII and the Latin ranges that hold Vietnamese
/// are answered without the Unicode tables.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' | '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => true,
        _ => c.is_alphabetic(),
    }
}

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
    if is_plainly_nfc(text) {
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

/// Whether every character of `text` is one that is NFC whatever surrounds
/// it, in a text with no combining mark: ASCII, Latin letters precomposed
/// (U+00A0–U+02FF, U+1E00–U+1EFF, which hold all of Vietnamese), general
/// punctuation (U+2002–U+206F), currency signs and the BOM. One pass over the
/// bytes, decoding only what is not ASCII; anything else goes to the full
/// quick check.
fn is_plainly_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            i += 1;
            continue;
        }
        let (cp, len) = match c {
            0xC2..=0xDF if i + 1 < b.len() => {
                ((u32::from(c & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F), 2)
            }
            0xE0..=0xEF if i + 2 < b.len() => (
                (u32::from(c & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F),
                3,
            ),
            _ => return false,
        };
        let safe = matches!(cp, 0xA0..=0x2FF | 0x1E00..=0x1EFF | 0x2002..=0x206F | 0x20A0..=0x20CF | 0xFEFF);
        if !safe {
            return false;
        }
        i += len;
    }
    true
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
    match tone::place(&text, style) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::is_nfc;

    #[test]
    fn the_fast_path_admits_only_characters_that_are_nfc() {
        let ranges = [
            0xA0u32..=0x2FF,
            0x1E00..=0x1EFF,
            0x2002..=0x206F,
            0x20A0..=0x20CF,
            0xFEFF..=0xFEFF,
        ];
        for r in ranges {
            for cp in r {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                let s = format!("a{c}b");
                assert!(is_nfc(&s), "U+{cp:04X} is not NFC");
                assert!(is_plainly_nfc(&s));
            }
        }
        assert!(!is_plainly_nfc("a\u{301}"));
        assert!(!is_plainly_nfc("\u{2000}"));
        assert!(is_plainly_nfc("Ủy ban nhân dân tỉnh – “Hà Nội”"));
    }
}
