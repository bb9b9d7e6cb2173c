//! Detection of the encoding of a byte string.

use super::{legacy, Encoding};

/// The result of [`detect`]: the encoding and how sure the guess is (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The most likely encoding.
    pub encoding: Encoding,
    /// How sure the guess is, from 0 (a default) to 1 (certain).
    pub confidence: f32,
}

/// How many bytes detection looks at.
const SAMPLE: usize = 64 * 1024;

/// How many bytes each legacy reading is scored on (a page of text decides).
const SCORE_SAMPLE: usize = 16 * 1024;

/// Guess the encoding of `bytes`.
///
/// Valid UTF-8 that is not pure ASCII is always UTF-8 (NFD included). Text
/// whose letters are all ASCII is UTF-8 unless it reads as VIQR (many words that become valid
/// Vietnamese syllables only with VIQR marks). Otherwise each legacy decoding
/// of a sample is scored by the share of its non-ASCII words that are valid
/// Vietnamese syllables (initial, vowel nucleus, final, at most one tone).
///
/// ```
/// use chidao::{decode::detect, Encoding};
/// assert_eq!(detect("Ủy ban nhân dân".as_bytes()).encoding, Encoding::Utf8);
/// assert_eq!(detect(b"Plain ASCII, nothing else.").encoding, Encoding::Utf8);
/// // "Việt Nam, Ủy ban nhân dân" in VNI-Windows:
/// assert_eq!(detect(b"Vie\xE4t Nam, U\xDBy ban nha\xE2n da\xE2n").encoding, Encoding::Vni);
/// assert_eq!(detect(b"Vie^.t Nam, U?y ban nha^n da^n to^?ng ho+.p").encoding, Encoding::Viqr);
/// ```
pub fn detect(bytes: &[u8]) -> Detection {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 1.0,
        };
    }
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    let utf8 = match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A sample cut inside a character is still UTF-8.
        Err(e) => e.error_len().is_none() && sample.len() < bytes.len(),
    };
    if utf8 {
        // Non-ASCII letters or marks mean real UTF-8 text; VIQR may still
        // carry a few (stray symbols, quotes, dashes), so only a VIQR
        // reading that explains ten times as many words as there are such
        // letters overrides them.
        let text = String::from_utf8_lossy(sample);
        let foreign = text
            .chars()
            .filter(|&c| {
                !c.is_ascii() && (c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c))
            })
            .count();
        let (good, bad, words) =
            score(sample.get(..SCORE_SAMPLE).unwrap_or(sample), Encoding::Viqr);
        let viqr = good >= 3 && good * 10 >= words && good > 3 * bad;
        if viqr && (foreign == 0 || (good >= 20 && good >= 10 * foreign)) {
            let confidence = (good as f32 / (good + bad) as f32).min(0.95);
            return Detection {
                encoding: Encoding::Viqr,
                confidence,
            };
        }
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 1.0,
        };
    }
    // Mostly valid UTF-8 with a few damaged bytes is UTF-8, decoded leniently.
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in sample.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    if valid >= 4 * invalid {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 0.8,
        };
    }
    let mut best = (Encoding::Utf8, 0.0f32);
    for enc in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Cp1258,
        Encoding::Viscii,
    ] {
        let (good, bad, _) = score(sample.get(..SCORE_SAMPLE).unwrap_or(sample), enc);
        if good == 0 {
            continue;
        }
        let s = (good as f32 - 2.0 * bad as f32) / (good + bad) as f32;
        if s > best.1 {
            best = (enc, s);
        }
    }
    if best.1 <= 0.2 {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 0.1,
        };
    }
    Detection {
        encoding: best.0,
        confidence: best.1.min(1.0),
    }
}

/// Decode `sample` as `enc` and count its non-ASCII words that are (good) and
/// are not (bad) Vietnamese syllables, and all words.
fn score(sample: &[u8], enc: Encoding) -> (usize, usize, usize) {
    let (text, _, _) = legacy::decode_raw(sample, enc);
    let (mut good, mut bad, mut words) = (0, 0, 0);
    let mut start = None;
    let mut junk = 0;
    let mut check = |w: &str| {
        words += 1;
        if w.is_ascii() {
            return;
        }
        if is_syllable(w) {
            good += 1;
        } else {
            bad += 1;
        }
    };
    for (i, c) in text.char_indices() {
        let in_word = crate::normalize::is_letter(c) || ('\u{300}'..='\u{36f}').contains(&c);
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                check(text.get(s..i).unwrap_or(""));
                start = None;
            }
            _ => {}
        }
        if c == '\u{FFFD}' || (c.is_control() && !c.is_ascii_whitespace()) {
            junk += 1;
        }
    }
    if let Some(s) = start {
        check(text.get(s..).unwrap_or(""));
    }
    (good, bad + junk, words)
}

/// Whether `c` (lower-case, marks removed) is a Vietnamese initial consonant.
fn is_initial(c: &[u8]) -> bool {
    matches!(
        c,
        b"" | b"b"
            | b"c"
            | b"ch"
            | b"d"
            | b"g"
            | b"gh"
            | b"gi"
            | b"h"
            | b"k"
            | b"kh"
            | b"l"
            | b"m"
            | b"n"
            | b"ng"
            | b"ngh"
            | b"nh"
            | b"p"
            | b"ph"
            | b"qu"
            | b"r"
            | b"s"
            | b"t"
            | b"th"
            | b"tr"
            | b"v"
            | b"x"
    )
}

/// Whether `c` is a Vietnamese final consonant (or none).
fn is_final(c: &[u8]) -> bool {
    matches!(
        c,
        b"" | b"c" | b"ch" | b"m" | b"n" | b"ng" | b"nh" | b"p" | b"t"
    )
}

/// Whether `n` (marks removed, lower-case) is a Vietnamese vowel nucleus.
fn is_nucleus(n: &[u8]) -> bool {
    matches!(
        n,
        b"a" | b"ai"
            | b"ao"
            | b"au"
            | b"ay"
            | b"e"
            | b"eo"
            | b"eu"
            | b"i"
            | b"ia"
            | b"iu"
            | b"ie"
            | b"ieu"
            | b"o"
            | b"oa"
            | b"oai"
            | b"oao"
            | b"oay"
            | b"oe"
            | b"oeo"
            | b"oi"
            | b"oo"
            | b"u"
            | b"ua"
            | b"uai"
            | b"uay"
            | b"ue"
            | b"ui"
            | b"uo"
            | b"uoi"
            | b"uou"
            | b"uu"
            | b"uy"
            | b"uya"
            | b"uye"
            | b"uyu"
            | b"y"
            | b"ye"
            | b"yeu"
            | b"uyeu"
            | b"ueu"
    )
}

/// Whether `word` is one Vietnamese syllable: at most one tone, an initial, a
/// vowel nucleus and a final from the Vietnamese inventories.
pub(crate) fn is_syllable(word: &str) -> bool {
    let mut tones = 0;
    let mut folded = [0u8; 12];
    let mut n = 0;
    for c in word.chars() {
        let mut ok = true;
        if c.is_ascii_alphabetic() {
            push(&mut folded, &mut n, c.to_ascii_lowercase() as u8, &mut ok);
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if legacy::is_tone(d) {
                    tones += 1;
                } else if matches!(d, '\u{302}' | '\u{306}' | '\u{31B}') {
                } else if d == 'đ' || d == 'Đ' {
                    push(&mut folded, &mut n, b'd', &mut ok);
                } else if d.is_ascii_alphabetic() {
                    push(&mut folded, &mut n, d.to_ascii_lowercase() as u8, &mut ok);
                } else {
                    ok = false;
                }
            });
        }
        if !ok {
            return false;
        }
    }
    if tones > 1 || n == 0 {
        return false;
    }
    let w = folded.get(..n).unwrap_or(&[]);
    if w == b"gi" {
        return true;
    }
    // Initial consonants, a run of vowels, final consonants; `gi` and `qu`
    // may take the vowel after them into the initial (`gìn`, `quý`).
    let is_vowel = |b: &u8| b"aeiouy".contains(b);
    let Some(v0) = w.iter().position(is_vowel) else {
        return false;
    };
    let Some(v1) = w.iter().rposition(is_vowel) else {
        return false;
    };
    let (Some(head), Some(nucleus), Some(tail)) = (w.get(..v0), w.get(v0..=v1), w.get(v1 + 1..))
    else {
        return false;
    };
    if !is_final(tail) {
        return false;
    }
    if is_initial(head) && is_nucleus(nucleus) {
        return true;
    }
    let glide = w.get(..=v0).is_some_and(|i| i == b"gi" || i == b"qu");
    glide
        && nucleus
            .get(1..)
            .is_some_and(|n| is_nucleus(n) || (n.is_empty() && head == b"g"))
}

fn push(buf: &mut [u8; 12], n: &mut usize, b: u8, ok: &mut bool) {
    match buf.get_mut(*n) {
        Some(slot) => {
            *slot = b;
            *n += 1;
        }
        None => *ok = false,
    }
}
