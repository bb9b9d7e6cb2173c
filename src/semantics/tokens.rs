//! The words and marks of a node's text, built once and read by the stages
//! that look for parties and for actions.
//!
//! A token is a word, a comma, a colon, a clause end (`;`, `.`, `!`, `?`, a line
//! break), a bracket, a free-standing dash or another mark. Every word carries a
//! key for matching: lower case as far as the vocabularies need (the first
//! letter fully, the rest for ASCII and `Đ`, so `UBND` and `HĐND` match) with
//! the tone-placement variants unified (`uỷ` -> `ủy`).

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and what stays inside a word (`&`, `/`, `-`, an inner `.`).
    Word,
    Comma,
    /// `;`, `.`, `!`, `?`, `:` and line breaks end a clause.
    End,
    Colon,
    Open,
    Close,
    /// A free-standing dash (`Lao động - Thương binh`).
    Dash,
    Other,
}

/// One token: where it is in the text, what it is, and its key.
pub(crate) struct Tok {
    /// Byte range in the text.
    pub(crate) range: Range<usize>,
    /// What the token is.
    pub(crate) kind: Kind,
    /// Lowercase key for words, tone-placement variants unified (`uỷ` -> `ủy`):
    /// a range of the text itself when the word is its own key (most words
    /// are), else of [`Tokens::keys`].
    key: Range<usize>,
    key_in_text: bool,
    /// Whether the word starts with a capital.
    pub(crate) upper: bool,
}

/// The tokens of a text, with the keys that are not slices of the text.
pub(crate) struct Tokens<'t> {
    /// The text the tokens point into.
    pub(crate) text: &'t str,
    /// The tokens in order, and a clause end after the last.
    pub(crate) toks: Vec<Tok>,
    /// Keys of the words that are not their own key (`UBND` -> `ubnd`).
    keys: String,
}

impl<'t> Tokens<'t> {
    /// Tokens of the whole text, with a clause end after it.
    pub(crate) fn new(text: &'t str) -> Tokens<'t> {
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let mut keys = String::new();
        Tokens::tokenize(text, &mut toks, &mut keys);
        toks.push(Tok {
            range: text.len()..text.len(),
            kind: Kind::End,
            key: 0..0,
            key_in_text: false,
            upper: false,
        });
        Tokens { text, toks, keys }
    }

    /// Tokenize `text` byte by byte. Node text has its white space
    /// folded to single ASCII spaces by the layout stage, and every separator
    /// is ASCII or one of a few three-byte punctuation marks, so words are
    /// found without decoding; only a word's characters are lowercased.
    fn tokenize(text: &'t str, toks: &mut Vec<Tok>, keys: &mut String) {
        let b = text.as_bytes();
        let end = text.len();
        let mut i = 0;
        let punct = |i: usize, kind: Kind, len: usize, toks: &mut Vec<Tok>| {
            toks.push(Tok {
                range: i..i + len,
                kind,
                key: 0..0,
                key_in_text: false,
                upper: false,
            });
        };
        while i < end {
            let kind = match b[i] {
                b' ' | b'\t' | b'\r' => {
                    i += 1;
                    continue;
                }
                b'\n' | b';' | b'!' | b'?' => Some((Kind::End, 1)),
                b',' => Some((Kind::Comma, 1)),
                b':' => Some((Kind::Colon, 1)),
                b'(' | b'[' => Some((Kind::Open, 1)),
                b')' | b']' => Some((Kind::Close, 1)),
                b'-' => Some((Kind::Dash, 1)),
                b'"' | b'\'' | b'*' => Some((Kind::Other, 1)),
                // `.` ends a clause unless a word goes on right after it (`.NET`).
                b'.' if !b
                    .get(i + 1)
                    .is_some_and(|&n| n.is_ascii_alphanumeric() || n >= 0x80)
                    || i == 0 =>
                {
                    Some((Kind::End, 1))
                }
                0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(0x93 | 0x94)) => Some((Kind::Dash, 3)),
                    (Some(0x80), Some(0x98 | 0x99 | 0x9C | 0x9D | 0xA6)) => Some((Kind::Other, 3)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((kind, len)) = kind {
                punct(i, kind, len, toks);
                i += len;
                continue;
            }
            // A word runs to a separator; `&`, `/`, `-` and an inner `.` stay inside.
            let start = i;
            i += 1;
            // Most bytes go on the word: one table lookup each, no jump per byte.
            // Noted on the way: an ASCII capital or a `Đ` lead byte after the first.
            let mut capitals = false;
            let mut d_lead = false;
            while i < end {
                let c = b[i];
                if !WORD_END[usize::from(c)] {
                    capitals |= c.is_ascii_uppercase();
                    d_lead |= c == 0xC4;
                    i += 1;
                    continue;
                }
                let inside = match b[i] {
                    b'.' => b
                        .get(i + 1)
                        .is_some_and(|&n| n.is_ascii_alphanumeric() || n >= 0x80),
                    0xE2 => {
                        !(b.get(i + 1) == Some(&0x80)
                            && matches!(b.get(i + 2), Some(0x9C | 0x9D | 0xA6)))
                    }
                    _ => false,
                };
                if !inside {
                    break;
                }
                i += 1;
            }
            // Words end before an ASCII byte or a three-byte mark, so on a character boundary.
            let word = &text[start..i];
            // The key is the word in lower case as far as matching needs: the first
            // letter fully, the rest for ASCII and `Đ` (`UBND`, `HĐND`). Most words
            // are already their key and are not copied.
            let upper = match word.as_bytes()[0] {
                b if b < 0x80 => b.is_ascii_uppercase(),
                _ => word.chars().next().is_some_and(char::is_uppercase),
            };
            let copy = upper
                || capitals
                || d_lead && word.contains('Đ')
                || (4..=6).contains(&word.len()) && variant(word).is_some();
            let (key, key_in_text) = if copy {
                let k0 = keys.len();
                let first = word.chars().next().unwrap_or(' ');
                if upper && !first.is_ascii() {
                    keys.extend(first.to_lowercase());
                    keys.push_str(&word[first.len_utf8()..]);
                } else {
                    keys.push_str(word);
                }
                lower_in_place(keys, k0);
                if let Some(one) = variant(&keys[k0..]) {
                    keys.truncate(k0);
                    keys.push_str(one);
                }
                (k0..keys.len(), false)
            } else {
                (start..i, true)
            };
            toks.push(Tok {
                range: start..i,
                kind: Kind::Word,
                key,
                key_in_text,
                upper,
            });
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map_or("", |t| {
                if t.key_in_text {
                    &self.text[t.key.clone()]
                } else {
                    &self.keys[t.key.clone()]
                }
            })
    }

    pub(crate) fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }

    /// Whether the words from `i` spell `phrase` (folded, space separated). Returns its length in tokens.
    pub(crate) fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        self.phrase_after(i, self.key(i), phrase)
    }

    /// [`Tokens::phrase`] given the key of token `i`, so that a list of
    /// phrases is tried against the first word without looking it up again.
    pub(crate) fn phrase_after(&self, i: usize, first: &str, phrase: &str) -> Option<usize> {
        // Phrases are a few short words: a plain byte loop beats a searcher.
        let b = phrase.as_bytes();
        let mut n = 0;
        let mut start = 0;
        while start <= b.len() {
            let end = b[start..]
                .iter()
                .position(|&c| c == b' ')
                .map_or(b.len(), |p| start + p);
            let key = if n == 0 { first } else { self.key(i + n) };
            if key != &phrase[start..end] {
                return None;
            }
            n += 1;
            start = end + 1;
        }
        Some(n)
    }

    /// The first phrase of `list` spelled from `i`, longest first as listed.
    pub(crate) fn any_of(&self, i: usize, list: &[&str]) -> Option<usize> {
        let first = self.key(i);
        list.iter().find_map(|p| self.phrase_after(i, first, p))
    }

    /// The index of the token that ends the clause starting at `i` (or `len`).
    pub(crate) fn clause_end(&self, i: usize) -> usize {
        let mut depth = 0usize;
        let mut j = i;
        while j < self.toks.len() {
            match self.toks[j].kind {
                Kind::Open => depth += 1,
                Kind::Close => depth = depth.saturating_sub(1),
                Kind::End if depth == 0 => return j,
                Kind::Colon if depth == 0 => return j,
                _ => {}
            }
            j += 1;
        }
        j
    }
}

/// Bytes that may end a word: white space, punctuation, `.` (unless a word
/// goes on after it) and the lead byte of the three-byte quotes and ellipsis.
const WORD_END: [bool; 256] = {
    let mut t = [false; 256];
    let ends = b" \t\r\n,;:()[]\"!?.";
    let mut k = 0;
    while k < ends.len() {
        t[ends[k] as usize] = true;
        k += 1;
    }
    t[0xE2] = true;
    t
};

/// Lowercase ASCII letters and `Đ` of the key that starts at `k0`, in place.
fn lower_in_place(keys: &mut String, k0: usize) {
    keys[k0..].make_ascii_lowercase();
    if keys[k0..].contains('Đ') {
        let lowered = keys[k0..].replace('Đ', "đ");
        keys.truncate(k0);
        keys.push_str(&lowered);
    }
}

/// The one spelling of a word written with a variant tone placement (`uỷ` -> `ủy`).
fn variant(word: &str) -> Option<&'static str> {
    const VARIANTS: [(&str, &str); 5] = [
        ("uỷ", "ủy"),
        ("thuỷ", "thủy"),
        ("hoá", "hóa"),
        ("hoà", "hòa"),
        ("khoẻ", "khỏe"),
    ];
    if !(4..=6).contains(&word.len()) {
        return None;
    }
    VARIANTS
        .iter()
        .find(|(v, _)| word == *v)
        .map(|&(_, one)| one)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(Kind, String)> {
        let t = Tokens::new(text);
        (0..t.len())
            .map(|i| (t.toks[i].kind, t.key(i).to_string()))
            .collect()
    }

    #[test]
    fn words_marks_and_keys() {
        use Kind::*;
        let expected = [
            (Word, "giao"),
            (Word, "ubnd"),
            (Word, "tỉnh"),
            (Comma, ""),
            (Word, "bộ"),
            (Word, "kh&cn"),
            (Open, ""),
            (Word, "chủ"),
            (Word, "trì"),
            (Close, ""),
            (Colon, ""),
            (Word, "rà"),
            (Word, "soát"),
            (End, ""),
            (End, ""),
        ];
        let got = shape("Giao UBND tỉnh, Bộ KH&CN (chủ trì): rà soát.");
        let got: Vec<(Kind, &str)> = got.iter().map(|(k, s)| (*k, s.as_str())).collect();
        assert_eq!(got, expected);
        // Tone-placement variants share a key; `Đ` is lowered inside a word.
        assert_eq!(shape("Uỷ ban HĐND")[0].1, "ủy");
        assert_eq!(shape("Uỷ ban HĐND")[2].1, "hđnd");
        // A dash between words stands alone; inside a word it stays.
        assert_eq!(
            shape("Lao động - Thương binh, COVID-19")
                .iter()
                .map(|t| t.0)
                .collect::<Vec<_>>(),
            [Word, Word, Dash, Word, Word, Comma, Word, End]
        );
    }

    #[test]
    fn phrases_span_words() {
        let t = Tokens::new("Bộ trưởng Bộ Công an chủ trì");
        assert_eq!(t.phrase(0, "bộ trưởng"), Some(2));
        assert_eq!(t.any_of(5, &["chủ nhiệm", "chủ trì"]), Some(2));
        assert_eq!(t.phrase(0, "bộ công an"), None);
        assert_eq!(t.clause_end(0), t.len() - 1);
    }
}
