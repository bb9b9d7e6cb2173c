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
pub(crate) struct Tok<'t> {
    /// Byte range in the text.
    pub(crate) range: Range<usize>,
    /// What the token is.
    pub(crate) kind: Kind,
    /// Whether the word starts with a capital.
    pub(crate) upper: bool,
    /// The word's class in the filters of vocabularies ([`crate::keys::word_class`]).
    pub(crate) class: u16,
    /// Lowercase key for words, tone-placement variants unified (`uỷ` -> `ủy`);
    /// empty for marks. Most words are their own key and point into the text.
    key: &'t str,
}

/// The tokens of a text.
pub(crate) struct Tokens<'t> {
    /// The text the tokens point into.
    pub(crate) text: &'t str,
    /// The tokens in order, and a clause end after the last.
    pub(crate) toks: Vec<Tok<'t>>,
    /// The indices of the tokens that open or close a bracket or end a
    /// clause, in order: clause ends are found without reading every token.
    pub(crate) bounds: &'t [usize],
    /// Where the tokens' allocation goes back to when they are dropped.
    home: &'t mut Vec<Tok<'static>>,
}

/// The buffers of [`Tokens`], kept from one text to the next so that the
/// texts of a document are tokenized without allocating each time.
#[derive(Default)]
pub(crate) struct Scratch {
    toks: Vec<Tok<'static>>,
    keys: String,
    copied: Vec<(usize, Range<usize>)>,
    bounds: Vec<usize>,
}

impl<'t> Tokens<'t> {
    /// Tokens of the whole text, with a clause end after it, in the buffers
    /// of `scratch`. The keys of the words that are not their own key
    /// (`UBND` -> `ubnd`) are written there too.
    pub(crate) fn new(text: &'t str, scratch: &'t mut Scratch) -> Tokens<'t> {
        let Scratch {
            toks: home,
            keys,
            copied,
            bounds,
        } = scratch;
        keys.clear();
        copied.clear();
        bounds.clear();
        let mut toks = recycle(std::mem::take(home));
        // Vietnamese words are short: a token for every four bytes is seldom exceeded.
        toks.reserve(text.len() / 4 + 2);
        Tokens::tokenize(text, &mut toks, keys, copied, bounds);
        // Copied keys are pointed to once `keys` is complete.
        let keys: &'t str = keys;
        for (k, r) in copied.drain(..) {
            toks[k].key = &keys[r];
        }
        bounds.push(toks.len());
        toks.push(Tok {
            range: text.len()..text.len(),
            kind: Kind::End,
            upper: false,
            class: 0,
            key: "",
        });
        Tokens {
            text,
            toks,
            bounds,
            home,
        }
    }

    /// Tokenize `text` byte by byte. Node text has its white space
    /// folded to single ASCII spaces by the layout stage, and every separator
    /// is ASCII or one of a few three-byte punctuation marks, so words are
    /// found without decoding; only the words that are not their own key are
    /// copied, to `keys`, and listed in `copied`.
    fn tokenize(
        text: &'t str,
        toks: &mut Vec<Tok<'t>>,
        keys: &mut String,
        copied: &mut Vec<(usize, Range<usize>)>,
        bounds: &mut Vec<usize>,
    ) {
        let b = text.as_bytes();
        let end = text.len();
        let mut i = 0;
        while i < end {
            let mark = match b[i] {
                b' ' => {
                    i += 1;
                    continue;
                }
                c if CLASS[usize::from(c)] & MARK == 0 => None,
                b'\t' | b'\r' => {
                    i += 1;
                    continue;
                }
                b'\n' | b';' | b'!' | b'?' => Some((Kind::End, 1)),
                b',' => Some((Kind::Comma, 1)),
                b':' => Some((Kind::Colon, 1)),
                b'(' | b'[' => Some((Kind::Open, 1)),
                b')' | b']' => Some((Kind::Close, 1)),
                b'-' => Some((Kind::Dash, 1)),
                // `.` ends a clause unless a word goes on right after it (`.NET`).
                b'.' if i == 0 || !word_after(b, i) => Some((Kind::End, 1)),
                b'.' => None,
                0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(0x93 | 0x94)) => Some((Kind::Dash, 3)),
                    (Some(0x80), Some(0x98 | 0x99 | 0x9C | 0x9D | 0xA6)) => Some((Kind::Other, 3)),
                    _ => None,
                },
                _ => Some((Kind::Other, 1)),
            };
            if let Some((kind, len)) = mark {
                if matches!(kind, Kind::End | Kind::Colon | Kind::Open | Kind::Close) {
                    bounds.push(toks.len());
                }
                toks.push(Tok {
                    range: i..i + len,
                    kind,
                    upper: false,
                    class: 0,
                    key: "",
                });
                i += len;
                continue;
            }
            // A word runs to a separator; `&`, `/`, `-` and an inner `.` stay inside.
            // Noted on the way: an ASCII capital or a `Đ` lead byte after the first.
            let start = i;
            i += 1;
            let mut seen = 0;
            loop {
                let (to, classes) = run(b, i);
                i = to;
                seen |= classes;
                let inside = i < end
                    && match b[i] {
                        b'.' => word_after(b, i),
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
            let first = b[start];
            let upper = first >= 0x80 && word.chars().next().is_some_and(crate::keys::is_upper)
                || first.is_ascii_uppercase();
            // The key is the word in lower case as far as matching needs: the first
            // letter fully, the rest for ASCII and `Đ` (`UBND`, `HĐND`). Most words
            // are already their key and are not copied. The tests come from the
            // byte classes, without branches; `Đ` is `C4 90`, whose two bytes
            // also stand in other letters.
            let mut class = crate::keys::word_class(word);
            let capital_inside = seen & ANY_CAPITAL != 0;
            let d_inside = (seen & ANY_D_LEAD != 0) & (seen & ANY_D_TAIL != 0);
            let copy = (upper | capital_inside | d_inside | may_vary(class))
                && (upper || capital_inside || word.contains('Đ') || variant_of(word).is_some());
            let key = if copy {
                let k0 = keys.len();
                if first.is_ascii_uppercase() && !capital_inside && !d_inside {
                    // The usual copy: only an ASCII capital first (`Bộ`, `Sở`).
                    keys.push(char::from(first.to_ascii_lowercase()));
                    keys.push_str(&word[1..]);
                } else {
                    let mut chars = word.chars();
                    keys.extend(chars.next().map(crate::keys::lower));
                    for c in chars {
                        keys.push(match c {
                            'Đ' => 'đ',
                            c => c.to_ascii_lowercase(),
                        });
                    }
                }
                if let Some(one) = variant_of(&keys[k0..]) {
                    keys.truncate(k0);
                    keys.push_str(one);
                }
                class = crate::keys::word_class(&keys[k0..]);
                copied.push((toks.len(), k0..keys.len()));
                ""
            } else {
                word
            };
            toks.push(Tok {
                range: start..i,
                kind: Kind::Word,
                upper,
                class,
                key,
            });
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn key(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.key)
    }

    /// The key and the filter class of every word, in order.
    pub(crate) fn words(&self) -> impl Iterator<Item = (&'t str, u16)> + '_ {
        self.toks
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| (t.key, t.class))
    }

    /// The class of the word at `i` in vocabulary filters (0 past the end).
    pub(crate) fn class(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.class)
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
        // Each word's key is stripped off the front of the phrase, with the space after it.
        self.rest_after(i, strip_word(phrase, first)?)
    }

    /// The length in tokens of a phrase whose first word is the word at `i`
    /// and whose other words, each after a space, are `rest` (empty for a
    /// one-word phrase): for phrases already known to start with that word.
    pub(crate) fn rest_after(&self, i: usize, mut rest: &str) -> Option<usize> {
        let mut n = 1;
        loop {
            if rest.is_empty() {
                return Some(n);
            }
            rest = strip_word(rest.strip_prefix(' ')?, self.key(i + n))?;
            n += 1;
        }
    }

    /// The first phrase of `list` spelled from `i`, longest first as listed.
    pub(crate) fn any_of(&self, i: usize, list: &[&str]) -> Option<usize> {
        let first = self.key(i);
        list.iter().find_map(|p| self.phrase_after(i, first, p))
    }

    /// The index of the token that ends the clause starting at `i` (or `len`).
    pub(crate) fn clause_end(&self, i: usize) -> usize {
        let mut depth = 0usize;
        let from = self.bounds.partition_point(|&k| k < i);
        for &j in &self.bounds[from..] {
            match self.toks[j].kind {
                Kind::Open => depth += 1,
                Kind::Close => depth = depth.saturating_sub(1),
                Kind::End | Kind::Colon if depth == 0 => return j,
                _ => {}
            }
        }
        self.toks.len().max(i)
    }
}

impl Drop for Tokens<'_> {
    fn drop(&mut self) {
        *self.home = recycle(std::mem::take(&mut self.toks));
    }
}

/// An empty vector of tokens with the allocation of `v`, for the tokens of
/// another text (collecting an empty iterator in place keeps the allocation).
// `filter` would keep the old lifetime; the point is a vector of the new one.
#[allow(clippy::unnecessary_filter_map)]
fn recycle<'a, 'b>(mut v: Vec<Tok<'a>>) -> Vec<Tok<'b>> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

/// A byte that may end a word: white space, punctuation, `.` (unless a word
/// goes on after it) and the lead byte of the three-byte quotes and ellipsis.
const WORD_END: u8 = 1;
/// An ASCII capital.
const ASCII_CAPITAL: u8 = 2;
/// The lead byte of `Đ` (and of `đ`, `ă`, `ĩ`).
const D_LEAD: u8 = 4;
/// The last byte of `Đ` (and of a few other letters).
const D_TAIL: u8 = 16;
/// A class bit in any byte of eight classes in a `u64`.
const fn in_any(class: u8) -> u64 {
    0x0101_0101_0101_0101 * class as u64
}
const ANY_CAPITAL: u64 = in_any(ASCII_CAPITAL);
const ANY_D_LEAD: u64 = in_any(D_LEAD);
const ANY_D_TAIL: u64 = in_any(D_TAIL);
/// A byte that is, or may start, a mark rather than a word.
const MARK: u8 = 8;

/// The class bits of every byte, one table lookup per byte.
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let ends = b" \t\r\n,;:()[]\"!?.";
    let mut k = 0;
    while k < ends.len() {
        t[ends[k] as usize] |= WORD_END | MARK;
        k += 1;
    }
    let marks = b"-'*";
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] |= MARK;
        k += 1;
    }
    t[0xE2] = WORD_END | MARK;
    t[0xC4] = D_LEAD;
    t[0x90] = D_TAIL;
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = ASCII_CAPITAL;
        c += 1;
    }
    t
};

/// The end of the run of bytes from `i` that do not end a word, and their
/// classes (eight to a `u64`, OR-ed together). Eight bytes are classified at
/// a time with no branch per byte: words end every few bytes, at places no
/// branch predictor can guess.
#[inline]
fn run(b: &[u8], mut i: usize) -> (usize, u64) {
    const ENDS: u64 = in_any(WORD_END);
    let mut seen = 0u64;
    loop {
        // Past the text's end, a space ends the word.
        let chunk: [u8; 8] = match b.get(i..i + 8) {
            Some(c) => c.try_into().unwrap_or([b' '; 8]),
            None => {
                let mut c = [b' '; 8];
                let n = b.len().saturating_sub(i);
                c[..n].copy_from_slice(&b[i..]);
                c
            }
        };
        let mut classes = 0u64;
        for (k, &c) in chunk.iter().enumerate() {
            classes |= u64::from(CLASS[usize::from(c)]) << (8 * k);
        }
        let ends = classes & ENDS;
        if ends == 0 {
            seen |= classes;
            i += 8;
            continue;
        }
        let len = ends.trailing_zeros() / 8;
        let before = classes & ((1u64 << (8 * len)) - 1);
        return ((i + len as usize).min(b.len()), seen | before);
    }
}

/// `s` without the word `key` in front. Words are a few bytes, and most
/// tries fail on the first: a byte loop beats a call to `memcmp`.
#[inline]
fn strip_word<'p>(s: &'p str, key: &str) -> Option<&'p str> {
    let (sb, kb) = (s.as_bytes(), key.as_bytes());
    let same = !kb.is_empty() && sb.len() >= kb.len() && sb.iter().zip(kb).all(|(a, b)| a == b);
    // The prefix equals `key`, so it ends on a character boundary.
    same.then(|| s.get(kb.len()..)).flatten()
}

/// Whether a word goes on right after the `.` at `i` (`.NET`, `TP.HCM`).
fn word_after(b: &[u8], i: usize) -> bool {
    b.get(i + 1)
        .is_some_and(|&n| n.is_ascii_alphanumeric() || n >= 0x80)
}

/// Words written with a variant tone placement, and their one spelling.
const VARIANTS: [(&str, &str); 5] = [
    ("uỷ", "ủy"),
    ("thuỷ", "thủy"),
    ("hoá", "hóa"),
    ("hoà", "hòa"),
    ("khoẻ", "khỏe"),
];

/// Whether a word of filter class `class` may be a variant spelling (those
/// with a capital are copied anyway): five comparisons without branches
/// turn most words away.
#[inline]
fn may_vary(class: u16) -> bool {
    const CLASSES: [u16; 5] = crate::keys::word_classes([
        VARIANTS[0].0,
        VARIANTS[1].0,
        VARIANTS[2].0,
        VARIANTS[3].0,
        VARIANTS[4].0,
    ]);
    CLASSES.iter().fold(false, |any, &c| any | (c == class))
}

/// The one spelling of a word written with a variant tone placement (`uỷ` -> `ủy`).
fn variant_of(word: &str) -> Option<&'static str> {
    VARIANTS
        .iter()
        .find(|(v, _)| word == *v)
        .map(|&(_, one)| one)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<(Kind, String)> {
        let mut scratch = Scratch::default();
        let t = Tokens::new(text, &mut scratch);
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
        let mut scratch = Scratch::default();
        let t = Tokens::new("Bộ trưởng Bộ Công an chủ trì", &mut scratch);
        assert_eq!(t.phrase(0, "bộ trưởng"), Some(2));
        assert_eq!(t.any_of(5, &["chủ nhiệm", "chủ trì"]), Some(2));
        assert_eq!(t.phrase(0, "bộ công an"), None);
        assert_eq!(t.clause_end(0), t.len() - 1);
    }
}
