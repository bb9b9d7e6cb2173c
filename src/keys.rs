//! Cheap keyword tests on Vietnamese text, blind to case and diacritics.
//!
//! [`crate::normalize::fold`] builds a whole folded string; these helpers fold
//! one character at a time and stop at the first mismatch, so testing a line
//! for `Nơi nhận` costs a few characters, not the line.

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
    if b.is_ascii() {
        b.to_ascii_lowercase()
    } else {
        b.to_lowercase().next().unwrap_or(b)
    }
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
}

/// A small, fast hasher for short keys (FNV-1a), for the vocabulary lookups
/// that run once per word. The keys are the crate's own word lists, so hash
/// flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap`/`HashSet` builder with [`Fnv`].
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;
