//! Legacy Vietnamese encodings: Windows-1258 and VIQR.
//!
//! Each decoder keeps a map from offsets in the decoded text to byte offsets
//! in the input, so spans point into the bytes as given.

use crate::normalize::OffsetMap;

/// Windows-1258 bytes 0x80–0xFF (0 where the code page defines nothing).
/// It is Windows-1252 with Š Ž š ž and some letters replaced by Ă Đ Ơ Ư ă đ
/// ơ ư ₫ and the five tone marks as combining characters (cross-checked
/// byte by byte against glibc's `iconv -f CP1258`).
const CP1258_HIGH: [u16; 128] = {
    let mut t = [0u16; 128];
    let low: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0, 0x2039,
        0x0152, 0, 0, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0, 0x203A, 0x0153, 0, 0, 0x0178,
    ];
    let mut i = 0;
    while i < 32 {
        t[i] = low[i];
        i += 1;
    }
    while i < 128 {
        t[i] = (i + 0x80) as u16;
        i += 1;
    }
    let vietnamese: [(usize, u16); 14] = [
        (0xC3, 0x0102),
        (0xCC, 0x0300),
        (0xD0, 0x0110),
        (0xD2, 0x0309),
        (0xD5, 0x01A0),
        (0xDD, 0x01AF),
        (0xDE, 0x0303),
        (0xE3, 0x0103),
        (0xEC, 0x0301),
        (0xF0, 0x0111),
        (0xF2, 0x0323),
        (0xF5, 0x01A1),
        (0xFD, 0x01B0),
        (0xFE, 0x20AB),
    ];
    let mut k = 0;
    while k < vietnamese.len() {
        t[vietnamese[k].0 - 0x80] = vietnamese[k].1;
        k += 1;
    }
    t
};

/// Decode Windows-1258; undefined bytes become U+FFFD. Returns the text, the
/// offset map and how many bytes were replaced. The text is not yet NFC (tone
/// marks follow their vowels as combining characters); `normalize` composes it.
pub(crate) fn decode_cp1258(bytes: &[u8]) -> (String, OffsetMap, usize) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut map = OffsetMap::identity();
    let mut replaced = 0;
    for (i, &b) in bytes.iter().enumerate() {
        map.push(text.len(), i);
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match char::from_u32(u32::from(CP1258_HIGH[usize::from(b - 0x80)])) {
                Some(c) if c != '\0' => c,
                _ => {
                    replaced += 1;
                    '\u{fffd}'
                }
            }
        };
        text.push(c);
    }
    map.push(text.len(), bytes.len());
    (text, map, replaced)
}

/// The vowels VIQR marks, with their modifier forms.
fn viqr_modify(base: char, m: u8) -> Option<char> {
    Some(match (base, m) {
        ('a', b'(') => 'ă',
        ('A', b'(') => 'Ă',
        ('a', b'^') => 'â',
        ('A', b'^') => 'Â',
        ('e', b'^') => 'ê',
        ('E', b'^') => 'Ê',
        ('o', b'^') => 'ô',
        ('O', b'^') => 'Ô',
        ('o', b'+') => 'ơ',
        ('O', b'+') => 'Ơ',
        ('u', b'+') => 'ư',
        ('U', b'+') => 'Ư',
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".contains(c)
}

fn tone_mark(m: u8) -> Option<char> {
    Some(match m {
        b'\'' => '\u{301}',
        b'`' => '\u{300}',
        b'?' => '\u{309}',
        b'~' => '\u{303}',
        b'.' => '\u{323}',
        _ => return None,
    })
}

/// Decode VIQR (`Vie^.t Nam` -> `Việt Nam`). A `.` or `?` after a vowel is a
/// tone, except at the end of a line and after a marker, so `I. VE^\``
/// stays a Roman heading and `a. Ra` a sub-item. `\` escapes the next character. The text is not yet
/// NFC; `normalize` composes it.
pub(crate) fn decode_viqr(bytes: &[u8]) -> (String, OffsetMap) {
    let mut text = String::with_capacity(bytes.len());
    let mut map = OffsetMap::identity();
    let mut i = 0;
    while i < bytes.len() {
        map.push(text.len(), i);
        let b = bytes[i];
        if b == b'\\' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_punctuation() {
            text.push(char::from(bytes[i + 1]));
            i += 2;
            continue;
        }
        if b >= 0x80 {
            text.push('\u{fffd}');
            i += 1;
            continue;
        }
        let mut c = char::from(b);
        let mut j = i + 1;
        if (b == b'd' || b == b'D') && matches!(bytes.get(j), Some(b'd' | b'D')) {
            text.push(if b == b'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        if is_vowel(c) {
            if let Some(m) = bytes.get(j).and_then(|&m| viqr_modify(c, m)) {
                c = m;
                j += 1;
            }
            text.push(c);
            if let Some(&t) = bytes.get(j) {
                // `.` and `?` are tones except at the end of a line and after a
                // marker (`I.`, `IV.`, `a.`): a Roman heading stays a heading.
                let line_end = matches!(bytes.get(j + 1), None | Some(b'\n' | b'\r'));
                let word_start = bytes[..i]
                    .iter()
                    .rposition(|b| b.is_ascii_whitespace())
                    .map_or(0, |p| p + 1);
                let word = &bytes[word_start..j];
                let word = &word[word
                    .iter()
                    .position(u8::is_ascii_alphabetic)
                    .unwrap_or(word.len())..];
                let marker =
                    word.len() == 1 || word.iter().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'));
                let tone = match t {
                    b'.' | b'?' => !line_end && !marker,
                    b'\'' | b'`' | b'~' => true,
                    _ => false,
                };
                if tone {
                    if let Some(mark) = tone_mark(t) {
                        text.push(mark);
                        j += 1;
                    }
                }
            }
            i = j;
            continue;
        }
        text.push(c);
        i += 1;
    }
    map.push(text.len(), bytes.len());
    (text, map)
}

/// How Vietnamese a pure-ASCII text looks when read as VIQR: the share of its
/// words that carry a VIQR modifier or tone.
pub(crate) fn viqr_score(bytes: &[u8]) -> f32 {
    let mut words = 0usize;
    let mut marked = 0usize;
    for w in bytes
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let hit = w.windows(2).enumerate().any(|(k, p)| {
            let vowel = is_vowel(char::from(p[0]));
            let mid = k + 2 < w.len();
            vowel
                && (matches!(p[1], b'^' | b'+' | b'(' | b'`' | b'~')
                    || (matches!(p[1], b'\'' | b'.' | b'?') && mid))
        }) || w.windows(2).any(|p| p == b"dd" || p == b"DD");
        marked += usize::from(hit);
    }
    if words == 0 {
        0.0
    } else {
        marked as f32 / words as f32
    }
}

/// How likely non-UTF-8 bytes are Windows-1258 Vietnamese: the share of high
/// bytes that are Vietnamese letters or tone marks in that code page.
pub(crate) fn cp1258_score(bytes: &[u8]) -> f32 {
    let mut high = 0usize;
    let mut viet = 0usize;
    for &b in bytes.iter().filter(|&&b| b >= 0x80) {
        high += 1;
        let vietnamese = matches!(
            b,
            0xC0..=0xC3 | 0xC8..=0xCA | 0xCC | 0xCD | 0xD0 | 0xD2..=0xD5 | 0xD9 | 0xDA | 0xDD | 0xDE | 0xE0..=0xE3
                | 0xE8..=0xEA | 0xEC | 0xED | 0xF0 | 0xF2..=0xF5 | 0xF9 | 0xFA | 0xFD
        );
        viet += usize::from(vietnamese);
    }
    if high == 0 {
        0.0
    } else {
        viet as f32 / high as f32
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

    /// A letter as (base with its vowel modifier, tone mark): `ặ` -> (`ă`, dot below).
    fn split_tone(c: char) -> (char, Option<char>) {
        let nfd: Vec<char> = c.to_string().nfd().collect();
        let tone = nfd.iter().copied().find(|m| TONE_MARKS.contains(m));
        let base: String = nfd
            .iter()
            .filter(|m| !TONE_MARKS.contains(m))
            .collect::<String>()
            .nfc()
            .collect();
        (base.chars().next().unwrap_or(c), tone)
    }

    fn cp1258_byte(c: char) -> Option<u8> {
        if (c as u32) < 0x80 {
            return Some(c as u8);
        }
        CP1258_HIGH
            .iter()
            .position(|&u| u != 0 && u32::from(u) == c as u32)
            .map(|p| p as u8 + 0x80)
    }

    /// Windows-1258 encoder (tests only): a letter the code page has is one byte;
    /// any other is its base letter and a combining tone mark.
    pub(crate) fn encode_cp1258(text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for c in text.chars() {
            if let Some(b) = cp1258_byte(c) {
                out.push(b);
                continue;
            }
            let (base, tone) = split_tone(c);
            out.push(cp1258_byte(base)?);
            out.push(cp1258_byte(tone?)?);
        }
        Some(out)
    }

    /// VIQR encoder (tests only): base, vowel modifier, then tone.
    pub(crate) fn encode_viqr(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            let (base, tone) = split_tone(c);
            let nfd: Vec<char> = base.to_string().nfd().collect();
            for m in nfd {
                match m {
                    '\u{306}' => out.push('('),
                    '\u{302}' => out.push('^'),
                    '\u{31b}' => out.push('+'),
                    'đ' => out.push_str("dd"),
                    'Đ' => out.push_str("DD"),
                    other => out.push(other),
                }
            }
            if let Some(t) = tone {
                out.push(match t {
                    '\u{301}' => '\'',
                    '\u{300}' => '`',
                    '\u{309}' => '?',
                    '\u{303}' => '~',
                    _ => '.',
                });
            }
        }
        out
    }

    fn nfc(s: &str) -> String {
        s.nfc().collect()
    }

    const LETTERS: &str =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

    #[test]
    fn cp1258_round_trips_every_letter() {
        for c in LETTERS.chars().chain(LETTERS.to_uppercase().chars()) {
            let s = format!("x{c}y");
            let bytes = encode_cp1258(&s).expect("encodable");
            let (text, map, replaced) = decode_cp1258(&bytes);
            assert_eq!(replaced, 0);
            assert_eq!(nfc(&text), nfc(&s), "{c}");
            assert_eq!(map.to_source(text.len()), bytes.len());
        }
    }

    #[test]
    fn viqr_round_trips_every_letter_and_keeps_headings() {
        for c in LETTERS.chars().chain(LETTERS.to_uppercase().chars()) {
            let s = format!("x{c}y");
            let (text, _) = decode_viqr(encode_viqr(&s).as_bytes());
            assert_eq!(nfc(&text), nfc(&s), "{c}");
        }
        let (text, _) = decode_viqr(b"I. VE^` HE^. THO^'NG\n1. Bo^. Co^ng an chi? dda.o:");
        assert_eq!(nfc(&text), "I. VỀ HỆ THỐNG\n1. Bộ Công an chỉ đạo:");
    }

    #[test]
    fn scores_tell_encodings_apart() {
        assert!(viqr_score(b"Bo^. tru+o+?ng Bo^. Co^ng an chi? dda.o") > 0.5);
        assert!(viqr_score(b"The quick brown fox doesn't jump.") < 0.1);
        assert!(
            cp1258_score(&encode_cp1258("Ủy ban nhân dân tỉnh, thành phố").unwrap_or_default())
                >= 0.6
        );
        assert!(cp1258_score(b"caf\xe9 \x80\x81\x8d\x8f") < 0.6);
    }
}
