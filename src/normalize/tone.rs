//! Tone-mark placement on the vowel pairs `oa`, `oe`, `uy`.
//!
//! An open syllable ending in one of these pairs carries its tone on the
//! first vowel in the traditional style (`hòa`, `khỏe`, `thủy`, `Ủy`) and on
//! the second in the modern one (`hoà`, `khoẻ`, `thuỷ`, `Uỷ`). A closed
//! syllable (`hoàng`, `thuyết`) has one placement in both styles and is left
//! as it is, and so is `qu` + `y` (`quý`), whose `u` belongs to the consonant.
//! Moving a mark between these letters never changes a word's length in
//! UTF-8, so offsets into the text stay valid.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::ToneStyle;

/// The five tone marks as combining characters.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

struct Tables {
    /// Toned vowel -> (plain vowel, tone index).
    split: HashMap<char, (char, usize)>,
    /// (plain vowel, tone index) -> toned vowel.
    join: HashMap<(char, usize), char>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut split = HashMap::new();
        let mut join = HashMap::new();
        for base in "aeouyAEOUY".chars() {
            for (t, mark) in TONES.iter().enumerate() {
                let toned: String = [base, *mark].iter().collect::<String>().nfc().collect();
                if let Some(c) = toned.chars().next().filter(|_| toned.chars().count() == 1) {
                    split.insert(c, (base, t));
                    join.insert((base, t), c);
                }
            }
        }
        Tables { split, join }
    })
}

/// The plain vowel and tone of `c` (`ò` -> (`o`, grave)); a plain vowel has no tone.
fn parts(c: char) -> (char, Option<usize>) {
    match tables().split.get(&c) {
        Some(&(base, t)) => (base, Some(t)),
        None => (c, None),
    }
}

/// Place tone marks in `text` in `style`; the text is returned borrowed when nothing moves.
///
/// ```
/// use chidao::normalize::{place_tones, ToneStyle};
/// assert_eq!(place_tones("Uỷ ban, hoà bình, thuỷ lợi", ToneStyle::Traditional), "Ủy ban, hòa bình, thủy lợi");
/// assert_eq!(place_tones("Ủy ban, khỏe, hoàng", ToneStyle::Modern), "Uỷ ban, khoẻ, hoàng");
/// assert_eq!(place_tones("quý", ToneStyle::Traditional), "quý");
/// ```
pub fn place_tones(text: &str, style: ToneStyle) -> Cow<'_, str> {
    if style == ToneStyle::Preserve || text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            if let Some(word) = replace_word(&text[s..i], style) {
                let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                o.push_str(&text[copied..s]);
                o.push_str(&word);
                copied = i;
            }
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(text),
    }
}

/// The word with its tone moved, when it ends in an open `oa`/`oe`/`uy` in the other style.
fn replace_word(word: &str, style: ToneStyle) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return None;
    }
    let (b1, t1) = parts(chars[n - 2]);
    let (b2, t2) = parts(chars[n - 1]);
    let pair: String = [b1, b2].iter().flat_map(|c| c.to_lowercase()).collect();
    if !matches!(pair.as_str(), "oa" | "oe" | "uy") {
        return None;
    }
    // `quý`: the `u` is part of `qu`; a vowel before the pair (`ngoai`) makes another cluster.
    if let Some(&before) = chars.get(n.wrapping_sub(3)) {
        let b = super::fold(&before.to_string());
        if pair == "uy" && b == "q" || "aeiouy".contains(b.as_str()) {
            return None;
        }
    }
    let (first, second) = match (style, t1, t2) {
        (ToneStyle::Traditional, None, Some(t)) => (tables().join.get(&(b1, t))?, b2),
        (ToneStyle::Modern, Some(t), None) => (&b1, *tables().join.get(&(b2, t))?),
        _ => return None,
    };
    let mut out: String = chars[..n - 2].iter().collect();
    out.push(*first);
    out.push(second);
    // Offsets into the text must not move: keep only same-length rewrites.
    (out.len() == word.len()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_directions() {
        for (modern, traditional) in [
            ("hoà", "hòa"),
            ("hoá", "hóa"),
            ("thuỷ", "thủy"),
            ("Uỷ", "Ủy"),
            ("khoẻ", "khỏe"),
            ("HOÀ", "HÒA"),
            ("loạ", "lọa"),
        ] {
            assert_eq!(place_tones(modern, ToneStyle::Traditional), traditional);
            assert_eq!(place_tones(traditional, ToneStyle::Modern), modern);
            assert_eq!(place_tones(modern, ToneStyle::Modern), modern);
            assert_eq!(place_tones(traditional, ToneStyle::Preserve), traditional);
        }
    }

    #[test]
    fn closed_syllables_and_qu_stay() {
        for w in ["hoàng", "thuyết", "quý", "quỳnh", "ngoài", "khuya", "toán"] {
            assert_eq!(place_tones(w, ToneStyle::Modern), w);
            assert_eq!(place_tones(w, ToneStyle::Traditional), w);
        }
    }

    #[test]
    fn idempotent() {
        let t = "Ủy ban nhân dân tỉnh Khánh Hòa, thuỷ lợi, hoà bình, khoẻ mạnh.";
        for style in [ToneStyle::Modern, ToneStyle::Traditional] {
            let once = place_tones(t, style).into_owned();
            assert_eq!(place_tones(&once, style), once);
            assert_eq!(once.len(), t.len());
        }
    }
}
