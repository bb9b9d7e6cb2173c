//! Canonical spellings of party names: abbreviations expanded, one spelling
//! variant. One table, easy to extend.

/// Abbreviations of administrative bodies and their expansions. A token of a
/// name equal to the left side (exactly, case-sensitive) is replaced.
const ABBREVIATIONS: [(&str, &str); 22] = [
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("VPCP", "Văn phòng Chính phủ"),
    ("TTg", "Thủ tướng"),
    ("TTgCP", "Thủ tướng Chính phủ"),
    ("CP", "Chính phủ"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("NN&MT", "Nông nghiệp và Môi trường"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("GTVT", "Giao thông vận tải"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("TP.", "Thành phố"),
    ("TP", "Thành phố"),
    ("VP", "Văn phòng"),
];

/// Spelling variants (old tone placement and the like) and their one form.
const VARIANTS: [(&str, &str); 8] = [
    ("Uỷ", "Ủy"),
    ("uỷ", "ủy"),
    ("hoá", "hóa"),
    ("Hoá", "Hóa"),
    ("hoà", "hòa"),
    ("Hoà", "Hòa"),
    ("thuỷ", "thủy"),
    ("Thuỷ", "Thủy"),
];

/// The canonical form of a party name.
///
/// Abbreviations are expanded token by token and spelling variants unified;
/// ASCII white space is collapsed.
pub(crate) fn canonical(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 16);
    // Names come from node text, whose white space is folded to ASCII spaces.
    for word in name.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let (core, tail) = split_trailing_punct(word);
        if let Some(full) = abbreviation(core) {
            out.push_str(full);
        } else {
            push_unified(&mut out, core);
        }
        out.push_str(tail);
    }
    out
}

/// The expansion of an abbreviation. Every abbreviation has a capital or `Đ`
/// second, which most words do not: they are turned away without a look at the table.
fn abbreviation(word: &str) -> Option<&'static str> {
    let b = word.as_bytes();
    if !(b.len() >= 2 && (b[1].is_ascii_uppercase() || b[1] == 0xC4)) {
        return None;
    }
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == word)
        .map(|&(_, full)| full)
}

/// `UBND,` is `UBND` and `,`.
fn split_trailing_punct(word: &str) -> (&str, &str) {
    let core = word.trim_end_matches([',', ';', ':']);
    (core, &word[core.len()..])
}

/// Push a word, unifying the variants that occur inside it (`Uỷ` in `Uỷ ban`).
fn push_unified(out: &mut String, word: &str) {
    // Every variant starts with `uỷ`, `ho` or `thu`, in either case.
    let b = word.as_bytes();
    let may_vary = match (b.first(), b.get(1)) {
        (Some(b'u' | b'U'), Some(0xE1)) | (Some(b'h' | b'H'), Some(b'o')) => true,
        (Some(b't' | b'T'), Some(b'h')) => b.get(2) == Some(&b'u'),
        _ => false,
    };
    if !may_vary {
        out.push_str(word);
        return;
    }
    for (v, one) in VARIANTS {
        if let Some(rest) = word.strip_prefix(v) {
            out.push_str(one);
            out.push_str(rest);
            return;
        }
    }
    out.push_str(word);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_abbreviation_passes_the_quick_test() {
        for (a, full) in ABBREVIATIONS {
            assert_eq!(abbreviation(a), Some(full), "{a}");
        }
        for (v, one) in VARIANTS {
            let mut out = String::new();
            push_unified(&mut out, v);
            assert_eq!(out, one);
        }
        assert_eq!(abbreviation("Ban"), None);
    }

    #[test]
    fn expands_and_unifies() {
        assert_eq!(
            canonical("UBND các xã, phường"),
            "Ủy ban nhân dân các xã, phường"
        );
        assert_eq!(canonical("Uỷ ban nhân dân tỉnh"), "Ủy ban nhân dân tỉnh");
        assert_eq!(canonical("Sở KH&CN"), "Sở Khoa học và Công nghệ");
        assert_eq!(
            canonical("Văn phòng  UBND tỉnh"),
            "Văn phòng Ủy ban nhân dân tỉnh"
        );
        assert_eq!(canonical("Bộ Văn hoá"), "Bộ Văn hóa");
    }
}
