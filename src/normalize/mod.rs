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

/// Text prepared for the parser: NFC, plus the map back to the input's offsets.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    /// The normalized text the later stages read.
    pub text: Cow<'a, str>,
    /// Offsets in `text` to offsets in the input as given.
    pub map: OffsetMap,
}

/// Normalize `input` for parsing, keeping the way back to its offsets.
pub(crate) fn prepare(input: &str, style: ToneStyle) -> Prepared<'_> {
    let prepared = match nfc(input) {
        Cow::Borrowed(t) => Prepared {
            text: Cow::Borrowed(t),
            map: OffsetMap::identity(),
        },
        Cow::Owned(_) => offsets::nfc_with_map(input),
    };
    if style == ToneStyle::Preserve {
        return prepared;
    }
    // Tone placement keeps every word's length, so the offset map stays as it is.
    match place_tones(&prepared.text, style) {
        Cow::Borrowed(_) => prepared,
        Cow::Owned(text) => Prepared {
            text: Cow::Owned(text),
            map: prepared.map,
        },
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
