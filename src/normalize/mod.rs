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

/// Text prepared for the parser: NFC, plus the map back to the input's offsets.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    /// The normalized text the later stages read.
    pub text: Cow<'a, str>,
    /// Offsets in `text` to offsets in the input as given.
    pub map: OffsetMap,
}

/// Normalize `input` for parsing, keeping the way back to its offsets.
pub(crate) fn prepare(input: &str, _style: ToneStyle) -> Prepared<'_> {
    match nfc(input) {
        Cow::Borrowed(t) => Prepared {
            text: Cow::Borrowed(t),
            map: OffsetMap::identity(),
        },
        Cow::Owned(_) => offsets::nfc_with_map(input),
    }
}
