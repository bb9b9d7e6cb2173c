//! Cheap keyword tests on Vietnamese text, blind to case and diacritics.
//!
//! [`crate::normalize::fold`] builds a whole folded string; these helpers fold
//! one character at a time and stop at the first mismatch, so testing a line
//! for `Nơi nhận` costs a few characters, not the line.

/// `char::is_alphanumeric` with fast paths for ASCII and the Latin blocks
/// that Vietnamese letters live in, so word boundaries in Vietnamese text are
/// found without the Unicode tables.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// The first ASCII digit in `bytes` at or after `from`, found eight bytes at a
/// time: dates and citations are looked for only around numbers, and most of
/// a text has none.
pub(crate) fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        // A byte is a digit when it is below 10 after XOR with `0`: the
        // classic test for bytes below n (exact for n <= 128).
        let x = u64::from_le_bytes(chunk) ^ (ONES * u64::from(b'0'));
        if x.wrapping_sub(ONES * 10) & !x & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

/// The runs of ASCII digits in `bytes`, in order, added to `out`: the places
/// where dates and citations are looked for, found once for both.
pub(crate) fn digit_runs(bytes: &[u8], out: &mut Vec<std::ops::Range<usize>>) {
    let mut from = 0;
    while let Some(start) = next_digit(bytes, from) {
        let end = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        out.push(start..end);
        from = end;
    }
}

/// The lowercase of `c`, with fast paths for ASCII and the Vietnamese
/// letters, so comparing words without case needs no Unicode table. A
/// character whose lowercase is several characters (`İ`) is kept as it is.
#[inline]
pub(crate) fn lower(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0..=0x7F => return c.to_ascii_lowercase(),
        // Latin-1 capitals (not `×`), and the Vietnamese letters of the
        // Latin Extended blocks: capital even, small odd, `Ư` the other way.
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        0xDF..=0xFF => u,
        0x102 | 0x110 | 0x128 | 0x168 | 0x1A0 | 0x1AF => u + 1,
        0x103 | 0x111 | 0x129 | 0x169 | 0x1A1 | 0x1B0 => u,
        0x1EA0..=0x1EF9 => u | 1,
        _ => {
            let mut l = c.to_lowercase();
            return match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            };
        }
    };
    char::from_u32(l).unwrap_or(c)
}

/// Whether `c` is a capital, with fast paths for ASCII and the Vietnamese
/// letters (see [`lower`]).
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        // `İ` lowers to two characters, which `lower` leaves alone.
        0x130 => true,
        0xC0..=0x24F | 0x1E00..=0x1EFF => lower(c) != c,
        _ => c.is_uppercase(),
    }
}

/// The lowercase base letter of `c`: diacritics dropped, `đ` to `d`.
pub(crate) fn base(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == 'đ' || c == 'Đ' {
        return 'd';
    }
    let mut first = None;
    unicode_normalization::char::decompose_canonical(c, |b| {
        if first.is_none() {
            first = Some(b);
        }
    });
    let b = first.unwrap_or(c);
    lower(b)
}

/// Whether `s` starts with the ASCII key `key` once folded (`Nơi nhận` starts with `noi nhan`).
pub(crate) fn starts_with_folded(s: &str, key: &str) -> bool {
    let mut chars = s.chars();
    for k in key.chars() {
        match chars.next() {
            Some(c) if base(c) == k => {}
            _ => return false,
        }
    }
    true
}

/// A vocabulary keyed by lowercase words, looked up by the class of a key
/// ([`word_class`]), which the tokenizer works out once per word: a filter
/// with one bit per class turns most words of a text away, and the others
/// are found in a table indexed by class (open addressing), with no hashing.
pub(crate) struct WordTable<V> {
    filter: [u64; 64],
    /// Per class, one more than the index in `entries` of a key of that
    /// class (or of a later one, moved along by a collision); 0 is empty.
    slots: Box<[u16; 4096]>,
    entries: Vec<(&'static str, V)>,
}

impl<V: Default> WordTable<V> {
    /// An empty table.
    pub(crate) fn new() -> Self {
        WordTable {
            filter: [0; 64],
            slots: Box::new([0; 4096]),
            entries: Vec::new(),
        }
    }

    /// The value of `key` (a lowercase word), inserted if new.
    pub(crate) fn entry(&mut self, key: &'static str) -> &mut V {
        let class = word_class(key);
        let c = usize::from(class);
        self.filter[c / 64] |= 1 << (c % 64);
        let c = match self.probe(class, key) {
            Ok(found) => return &mut self.entries[found].1,
            Err(empty) => empty,
        };
        // The crate's word lists are a few hundred words: the table never fills.
        assert!(
            self.entries.len() < 4000,
            "a vocabulary of fewer than 4000 words"
        );
        self.entries.push((key, V::default()));
        self.slots[c] = self.entries.len() as u16;
        let last = self.entries.len() - 1;
        &mut self.entries[last].1
    }
}

/// The class of a key (a word as lowercased for matching) in the filter of
/// a [`WordTable`]: a mix of its length, its first three bytes and its last,
/// so that few words of a text share a class with a vocabulary word.
#[inline]
pub(crate) const fn word_class(key: &str) -> u16 {
    let b = key.as_bytes();
    let n = b.len();
    let (b0, b1, b2) = match b {
        [] => (0, 0, 0),
        [x] => (*x, 0, 0),
        [x, y] => (*x, *y, 0),
        [x, y, z, ..] => (*x, *y, *z),
    };
    let last = if n == 0 { 0 } else { b[n - 1] as u32 };
    let head = b0 as u32 | (b1 as u32) << 8 | (b2 as u32) << 16 | (n as u32) << 24;
    let mix = head ^ last.wrapping_mul(0x9E37_79B9);
    (mix.wrapping_mul(0x85EB_CA6B) >> 20) as u16
}

/// The classes of `keys` ([`word_class`]), for tables worked out at compile time.
pub(crate) const fn word_classes<const N: usize>(keys: [&str; N]) -> [u16; N] {
    let mut c = [0; N];
    let mut k = 0;
    while k < N {
        c[k] = word_class(keys[k]);
        k += 1;
    }
    c
}

impl<V> WordTable<V> {
    /// Whether the key `word` may be in the table (no false negatives).
    #[cfg(test)]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        self.may_hold_class(word_class(word))
    }

    /// Whether a word of class `class` ([`word_class`]) may be in the table.
    #[inline]
    pub(crate) fn may_hold_class(&self, class: u16) -> bool {
        let c = usize::from(class);
        self.filter[c / 64] & (1 << (c % 64)) != 0
    }

    /// The value of `key`, a lowercase word.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        self.get_class(word_class(key), key)
    }

    /// The value of `key`, whose class is `class`.
    #[inline]
    pub(crate) fn get_class(&self, class: u16, key: &str) -> Option<&V> {
        if !self.may_hold_class(class) {
            return None;
        }
        self.probe(class, key)
            .ok()
            .map(|found| &self.entries[found].1)
    }

    /// The index in `entries` of `key`, of class `class`; else the empty
    /// slot where it would go. Slots are probed from the class on.
    fn probe(&self, class: u16, key: &str) -> Result<usize, usize> {
        let mut c = usize::from(class);
        loop {
            match usize::from(self.slots[c]) {
                0 => return Err(c),
                s if self.entries[s - 1].0 == key => return Ok(s - 1),
                _ => c = (c + 1) % 4096,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keys() {
        assert!(starts_with_folded("Nơi nhận:", "noi nhan"));
        assert!(starts_with_folded("NƠI NHẬN:", "noi nhan"));
        assert!(starts_with_folded("Noi nhận:ÿ", "noi nhan"));
        assert!(!starts_with_folded("Nơi", "noi nhan"));
        assert!(starts_with_folded("CỘNG HOÀ XÃ HỘI", "cong hoa xa hoi"));
        assert!(starts_with_folded("Đồng kính gửi", "dong kinh gui"));
    }

    #[test]
    fn capitals_as_the_unicode_tables_say() {
        // Title-case letters (`ǅ`) have a lower case but are no capitals.
        let titles = ['\u{1C5}', '\u{1C8}', '\u{1CB}', '\u{1F2}'];
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            if !titles.contains(&c) {
                assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            }
        }
    }

    #[test]
    fn word_table_filter_holds_its_keys() {
        let mut t: WordTable<u8> = WordTable::new();
        for w in ["rà", "đẩy", "ứng", "ban", "trưởng"] {
            *t.entry(w) = 1;
        }
        for w in ["rà", "đẩy", "ứng", "ban", "trưởng"] {
            assert!(t.may_hold(w), "{w}");
        }
        assert_eq!(t.get("ban"), Some(&1));
        assert_eq!(t.get("Ban"), None);
        // Most other words are turned away by the filter alone.
        let other = [
            "và", "các", "cơ", "quan", "liên", "quan", "theo", "quy", "định",
        ];
        assert!(other.iter().filter(|w| t.may_hold(w)).count() <= 1);
        // Words that share length and ends with a key mostly do not share its class.
        let mut cues: WordTable<()> = WordTable::new();
        for w in ["cùng", "đề", "phối"] {
            cues.entry(w);
        }
        let near = ["công", "chung", "để", "đã", "phải"];
        assert!(near.iter().filter(|w| cues.may_hold(w)).count() <= 1);
    }

    #[test]
    fn word_table_keeps_every_key_through_collisions() {
        let mut t: WordTable<usize> = WordTable::new();
        let words: Vec<&'static str> = (0..2000)
            .map(|n| &*Box::leak(format!("từ{n}").into_boxed_str()))
            .collect();
        for (n, w) in words.iter().enumerate() {
            *t.entry(w) = n;
        }
        for (n, w) in words.iter().enumerate() {
            assert_eq!(t.get(w), Some(&n), "{w}");
            assert_eq!(*t.entry(w), n);
        }
        assert_eq!(t.get("từ2000"), None);
    }

    #[test]
    fn digit_runs_are_whole() {
        let mut runs = Vec::new();
        digit_runs(b"ngay 10/9/2025, 7 gio va 123456789012 dong", &mut runs);
        assert_eq!(runs, [5..7, 8..9, 10..14, 16..17, 25..37]);
        runs.clear();
        digit_runs(b"", &mut runs);
        assert!(runs.is_empty());
    }

    #[test]
    fn next_digit_finds_every_digit() {
        let text = "Hà Nội, ngày 10 tháng 9 năm 2025 — 7 giờ; không số nào ở đây cả nhé!!";
        let b = text.as_bytes();
        let expected: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii_digit()).collect();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(i) = next_digit(b, at) {
            found.push(i);
            at = i + 1;
        }
        assert_eq!(found, expected);
        assert_eq!(next_digit(b"", 0), None);
        assert_eq!(next_digit(b"abc", 5), None);
        // Bytes just outside the digits (`/`, `:`) and high bytes are not digits.
        assert_eq!(next_digit("//::\u{ff}\u{b9}////9".as_bytes(), 0), Some(12));
        // Every byte value, at every offset within a word.
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut buf = [b'x'; 16];
                buf[at] = v;
                let expected = v.is_ascii_digit().then_some(at);
                assert_eq!(next_digit(&buf, 0), expected, "{v} at {at}");
            }
        }
    }

    #[test]
    fn lower_agrees_with_the_unicode_tables() {
        for c in (0..0x2000u32)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            let mut l = c.to_lowercase();
            let expected = match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            };
            assert_eq!(lower(c), expected, "{c:?}");
        }
    }
}
