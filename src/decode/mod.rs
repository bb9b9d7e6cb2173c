//! Decoding bytes into text: UTF-8 (with or without BOM) and the legacy
//! Vietnamese encodings, with detection of which one a byte string is in.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::model::Warning;
use crate::normalize::OffsetMap;

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

mod legacy;

/// Which encoding a byte string is most likely in, and how sure that is (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The encoding chosen.
    pub encoding: Encoding,
    /// Confidence, from 0 (a guess) to 1 (certain).
    pub confidence: f32,
}

/// Detect the encoding of `bytes` among those chidao decodes.
///
/// Valid UTF-8 is UTF-8 (certain when it holds non-ASCII text). Pure ASCII is
/// VIQR only when many of its words carry VIQR marks (`Vie^.t`), so English or
/// plain ASCII stays UTF-8. Bytes that are not UTF-8 are Windows-1258 when
/// their high bytes are mostly its Vietnamese letters and tone marks.
///
/// ```
/// use chidao::decode::detect;
/// use chidao::Encoding;
/// assert_eq!(detect("Ủy ban nhân dân".as_bytes()).encoding, Encoding::Utf8);
/// assert_eq!(detect(b"Bo^. tru+o+?ng Bo^. Co^ng an chi? dda.o").encoding, Encoding::Viqr);
/// assert_eq!(detect(b"The quick brown fox.").encoding, Encoding::Utf8);
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.is_ascii() => Detection {
            encoding: Encoding::Utf8,
            confidence: 1.0,
        },
        Ok(_) => {
            let score = legacy::viqr_score(bytes);
            let words = bytes
                .split(|b| b.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .count();
            if score >= 0.2 && words >= 4 {
                Detection {
                    encoding: Encoding::Viqr,
                    confidence: score.min(1.0),
                }
            } else {
                Detection {
                    encoding: Encoding::Utf8,
                    confidence: 1.0 - score,
                }
            }
        }
        Err(_) => {
            let score = legacy::cp1258_score(bytes);
            if score >= 0.6 {
                Detection {
                    encoding: Encoding::Cp1258,
                    confidence: score,
                }
            } else {
                Detection {
                    encoding: Encoding::Utf8,
                    confidence: 0.1,
                }
            }
        }
    }
}

fn replacement_warning(replaced: usize, what: &str) -> Vec<Warning> {
    if replaced == 0 {
        return Vec::new();
    }
    vec![Warning {
        code: "replaced_bytes",
        message: format!("{replaced} {what} replaced with U+FFFD"),
        line: None,
    }]
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

/// Decode `bytes` in `encoding` (detected when `None`).
pub(crate) fn decode(
    bytes: &[u8],
    encoding: Option<Encoding>,
    strict: bool,
) -> Result<Decoded<'_>, Error> {
    let encoding = encoding.unwrap_or_else(|| detect(bytes).encoding);
    match encoding {
        Encoding::Utf8 => {}
        Encoding::Cp1258 => {
            let (text, map, replaced) = legacy::decode_cp1258(bytes);
            let warnings = replacement_warning(replaced, "bytes undefined in Windows-1258");
            return Ok(Decoded {
                text: Cow::Owned(text),
                map,
                encoding,
                warnings,
            });
        }
        Encoding::Viqr => {
            let (text, map) = legacy::decode_viqr(bytes);
            return Ok(Decoded {
                text: Cow::Owned(text),
                map,
                encoding,
                warnings: Vec::new(),
            });
        }
        Encoding::Tcvn3 | Encoding::Vni | Encoding::Viscii => {
            return Err(Error::new(ErrorKind::Undecodable {
                encoding: encoding.name().to_string(),
                reason: "this encoding is not supported yet; convert the file to UTF-8 first"
                    .to_string(),
            }));
        }
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
            warnings: Vec::new(),
        }),
        Err(e) if strict => Err(Error::new(ErrorKind::InvalidUtf8 {
            offset: skip + e.valid_up_to(),
        })),
        Err(e) => {
            let (text, map, replaced) = lossy_with_map(body, skip);
            let warnings = vec![Warning {
                code: "replaced_bytes",
                message: format!(
                    "{replaced} invalid UTF-8 sequence(s) replaced with U+FFFD, the first at byte offset {}",
                    skip + e.valid_up_to()
                ),
                line: None,
            }];
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
