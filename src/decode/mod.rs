//! Decoding bytes into text: UTF-8 (with or without BOM) and the legacy
//! Vietnamese encodings, with detection of which one a byte string is in.
//!
//! Every decoder keeps a map from offsets in the decoded text to byte offsets
//! in the input, so spans in a parsed document point into the bytes as given.
//!
//! Conventions and what is lost:
//! - **TCVN3 (ABC)**: bytes 0xA1-0xFF follow TCVN 5712:1993 (`ư` is 0xAD, not
//!   a soft hyphen); 0x80-0x9F are read as Windows-1252 quotes and dashes,
//!   which real files carry. TCVN3 has no toned capitals: capitals typed in an
//!   upper-case font arrive as lower-case codes. They are restored in words
//!   with two or more capitals (`THủ` -> `THỦ`), in lines made only of
//!   capitalized syllables (`Về Hệ THốNG` -> `VỀ HỆ THỐNG`), and in `Ủy ban`;
//!   any other toned capital starting a lower-case word stays lower-case.
//! - **VNI-Windows**: a vowel plus its modifier byte(s) are matched longest
//!   first (`ô` + `ø` is `ờ`); `ỷ`/`ỹ` are `yû`/`yõ` as the standard has them;
//!   other high bytes read as Windows-1252.
//! - **VIQR**: `^ ( +` shape and `' ` ? ~ .` tone marks after a vowel, `dd`
//!   for `đ`, `\` escapes a mark character (RFC 1456). An unescaped `.` after
//!   a vowel is a dot-below, except at the end of the input and after a
//!   Roman numeral or single letter that starts a line (`I. VỀ ...` stays a
//!   heading, `a. ...` a sub-item); an unescaped full stop after a vowel
//!   elsewhere is read as a dot-below (RFC 1456 asks writers to escape it).
//! - **Windows-1258**: combining tone marks are kept by the decoder and
//!   composed by the normalizer (NFC).
//! - **VISCII**: all 134 Vietnamese letters; no room for typographic quotes.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::model::Warning;
use crate::normalize::OffsetMap;

mod detect;
mod legacy;
mod tables;

pub use detect::{detect, Detection};
pub use legacy::encode;

/// A character encoding chidao can decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (a leading BOM is skipped).
    Utf8,
    /// TCVN 5712:1993 (TCVN3, ABC), the `.VnTime` fonts.
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VIQR, the ASCII mnemonic convention (`Vie^.t Nam`).
    Viqr,
    /// Windows-1258, with combining tone marks.
    Cp1258,
    /// VISCII.
    Viscii,
}

impl Encoding {
    /// The name recorded in `meta.encoding` and accepted by [`Encoding::from_name`].
    ///
    /// ```
    /// assert_eq!(chidao::Encoding::Tcvn3.name(), "tcvn3");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Cp1258 => "cp1258",
            Encoding::Viscii => "viscii",
        }
    }

    /// The encoding with this name (case-insensitive; `utf8`, `abc`, `windows-1258` are accepted too).
    ///
    /// ```
    /// use chidao::Encoding;
    /// assert_eq!(Encoding::from_name("UTF8"), Some(Encoding::Utf8));
    /// assert_eq!(Encoding::from_name("latin-9"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Encoding> {
        Some(match name.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "tcvn3" | "tcvn" | "abc" | "tcvn5712" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "cp1258" | "windows-1258" => Encoding::Cp1258,
            "viscii" => Encoding::Viscii,
            _ => return None,
        })
    }
}

/// Text decoded from bytes.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The decoded text.
    pub text: Cow<'a, str>,
    /// Offsets in `text` to byte offsets in the input.
    pub map: OffsetMap,
    /// The encoding used.
    pub encoding: Encoding,
    /// Replaced bytes and guesses.
    pub warnings: Vec<Warning>,
}

/// Decode `bytes` to a string in `encoding`, or in the detected encoding when `None`.
///
/// The result is NFC (Windows-1258's combining marks are composed); undecodable
/// bytes become U+FFFD. This is the convenience form of what
/// `Parser::parse_bytes` does internally (without the offset map).
///
/// ```
/// use chidao::{decode::decode_to_string, Encoding};
/// // "Việt" in TCVN3 (ABC): ê with dot below is 0xD6.
/// assert_eq!(decode_to_string(b"Vi\xD6t", Some(Encoding::Tcvn3)), "Việt");
/// assert_eq!(decode_to_string("Việt".as_bytes(), None), "Việt");
/// ```
pub fn decode_to_string(bytes: &[u8], encoding: Option<Encoding>) -> String {
    match decode(bytes, encoding, false) {
        Ok(d) => crate::normalize::nfc(&d.text).into_owned(),
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// Decode `bytes` to NFC text, in `encoding` or the detected one: the text
/// and the encoding it was read from.
///
/// ```
/// use chidao::{decode::to_text, Encoding};
/// let (text, enc) = to_text(b"Vie^.t Nam co^.ng ho`a xa~ ho^.i", None)?;
/// assert_eq!(text, "Việt Nam cộng hòa xã hội");
/// assert_eq!(enc, Encoding::Viqr);
/// # Ok::<(), chidao::Error>(())
/// ```
pub fn to_text(bytes: &[u8], encoding: Option<Encoding>) -> Result<(String, Encoding), Error> {
    let decoded = decode(bytes, encoding, false)?;
    Ok((
        crate::normalize::nfc(&decoded.text).into_owned(),
        decoded.encoding,
    ))
}

/// Decode `bytes` in `encoding` (detected when `None`).
pub(crate) fn decode(
    bytes: &[u8],
    encoding: Option<Encoding>,
    strict: bool,
) -> Result<Decoded<'_>, Error> {
    let mut warnings = Vec::new();
    let encoding = match encoding {
        Some(e) => e,
        None => {
            let d = detect(bytes);
            if d.encoding != Encoding::Utf8 {
                warnings.push(Warning {
                    code: "encoding_detected",
                    message: format!(
                        "input decoded as {} (detected, confidence {:.2})",
                        d.encoding.name(),
                        d.confidence
                    ),
                    line: None,
                });
            }
            d.encoding
        }
    };
    if encoding != Encoding::Utf8 {
        let (text, map, replaced) = legacy::decode(bytes, encoding);
        if let Some(offset) = replaced {
            if strict {
                return Err(Error::new(ErrorKind::Undecodable {
                    encoding: encoding.name().to_string(),
                    reason: format!(
                        "byte 0x{:02X} at offset {offset} is not defined",
                        bytes.get(offset).copied().unwrap_or(0)
                    ),
                }));
            }
            warnings.push(Warning {
                code: "replaced_bytes",
                message: format!(
                    "undefined {} byte(s) from offset {offset} replaced with U+FFFD",
                    encoding.name()
                ),
                line: None,
            });
        }
        return Ok(Decoded {
            text: Cow::Owned(text),
            map,
            encoding,
            warnings,
        });
    }
    let (body, skip) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    let mut map = OffsetMap::identity();
    if skip > 0 {
        map.push(0, skip);
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            map,
            encoding,
            warnings,
        }),
        Err(e) if strict => Err(Error::new(ErrorKind::InvalidUtf8 {
            offset: skip + e.valid_up_to(),
        })),
        Err(e) => {
            let (text, map, replaced) = lossy_with_map(body, skip);
            warnings.push(Warning {
                code: "replaced_bytes",
                message: format!(
                    "{replaced} invalid UTF-8 sequence(s) replaced with U+FFFD, the first at byte offset {}",
                    skip + e.valid_up_to()
                ),
                line: None,
            });
            Ok(Decoded {
                text: Cow::Owned(text),
                map,
                encoding,
                warnings,
            })
        }
    }
}

/// Decode UTF-8, replacing each invalid sequence with U+FFFD, and keep the
/// map from offsets in the text to offsets in the input (which starts `skip`
/// bytes into the original, after a BOM).
fn lossy_with_map(body: &[u8], skip: usize) -> (String, OffsetMap, usize) {
    let mut text = String::with_capacity(body.len() + 16);
    let mut map = OffsetMap::identity();
    map.push(0, skip);
    let mut rest = body;
    let mut at = 0;
    let mut replaced = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The valid prefix is copied whole; it is valid by construction.
                text.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len() - good);
                map.push(text.len(), skip + at + good);
                text.push('\u{fffd}');
                replaced += 1;
                at += good + bad;
                rest = &rest[good + bad..];
                map.push(text.len(), skip + at);
            }
        }
    }
    map.push(text.len(), skip + body.len());
    (text, map, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_decoding_keeps_offsets() {
        let input = b"ab\xFFcd\xC3";
        let (text, map, n) = lossy_with_map(input, 0);
        assert_eq!(text, "ab\u{fffd}cd\u{fffd}");
        assert_eq!(n, 2);
        assert_eq!(map.to_source(text.find('c').unwrap()), 3);
        assert_eq!(map.to_source(text.len()), input.len());
    }
}
