//! Tone-mark placement on the vowel pairs `oa`, `oe`, `uy`.
//!
//! An open syllable ending in one of these pairs carries its tone on the
//! first vowel in the traditional style (`hòa`, `khỏe`, `thủy`, `Ủy`) and on
//! the second in the modern one (`hoà`, `khoẻ`, `thuỷ`, `Uỷ`). A closed
//! syllable (`hoàng`, `thuyết`) has one placement in both styles and is left
//! as it is, and so is `qu` + `y` (`quý`), whose `u` belongs to the consonant.
//! Some moves change a word's UTF-8 length (`thùy` -> `thuỳ`: `ù` is two bytes,
//! `ỳ` three), so placement returns an offset map with the text.

use std::borrow::Cow;

use unicode_normalization::char::{compose, decompose_canonical};

use super::{OffsetMap, ToneStyle};

/// (base letter, tone mark) of an NFC character.
pub(crate) fn split(c: char) -> (char, Option<char>) {
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
pub(crate) fn place(text: &str, style: ToneStyle) -> Option<(String, OffsetMap)> {
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
    match place(text, style) {
        Some((t, _)) => Cow::Owned(t),
        None => Cow::Borrowed(text),
    }
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
        }
    }

    #[test]
    fn length_changing_moves_keep_the_map() {
        // `ù` is two bytes in UTF-8, `ỳ` three.
        let (t, map) = place("Thùy ở", ToneStyle::Modern).unwrap();
        assert_eq!(t, "Thuỳ ở");
        assert_eq!(
            map.to_source(t.find('ở').unwrap()),
            "Thùy ở".find('ở').unwrap()
        );
    }
}
