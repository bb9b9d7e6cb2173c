//! Action phrases: the verb phrases a node orders.
//!
//! A node's text is cut into clauses (at `;`, a full stop, a line break). In
//! each clause the action is the stretch from the first verb that orders
//! something (`rà soát`, `ban hành`, `khắc phục`, ...) to the clause's end, so
//! the party before it (`Bộ trưởng Bộ Công an chủ trì, phối hợp với ...`) is
//! left out. A clause that only dates the work (`Hoàn thành trong tháng 7 năm
//! 2025.`) orders nothing new and gives no action.

use std::ops::Range;

use super::tokens::{Kind, Tokens};

/// Verbs (lowercase, one or two words) that open an ordered action.
const VERBS: &[&str] = &[
    "rà soát",
    "ban hành",
    "khắc phục",
    "triển khai",
    "xây dựng",
    "hoàn thiện",
    "tổ chức",
    "thực hiện",
    "bảo đảm",
    "đảm bảo",
    "hướng dẫn",
    "kiểm tra",
    "theo dõi",
    "đôn đốc",
    "tổng hợp",
    "báo cáo",
    "trình",
    "tham mưu",
    "nghiên cứu",
    "đề xuất",
    "cập nhật",
    "kết nối",
    "chia sẻ",
    "nâng cấp",
    "bố trí",
    "hỗ trợ",
    "xử lý",
    "giải quyết",
    "tăng cường",
    "đẩy mạnh",
    "đẩy nhanh",
    "chấn chỉnh",
    "tập huấn",
    "tuyên truyền",
    "phổ biến",
    "kiện toàn",
    "điều chỉnh",
    "thiết lập",
    "huy động",
    "chỉ đạo",
    "công bố",
    "đánh giá",
    "xác định",
    "thành lập",
    "vận hành",
    "cung cấp",
    "duy trì",
    "nâng cao",
    "quán triệt",
    "ứng dụng",
    "sử dụng",
    "đồng bộ",
    "phát triển",
    "bổ sung",
    "sửa đổi",
    "hoàn thành",
    "ứng phó",
    "sơ tán",
    "di dời",
    "khẩn trương",
    "tập trung",
    "chủ động",
    "tiếp tục",
];

/// Adverbs that may stand before the verb and belong to the action (`khẩn trương rà soát`).
const LEADS_INTO: &[&str] = &[
    "khẩn trương",
    "tập trung",
    "chủ động",
    "tiếp tục",
    "kịp thời",
    "quyết liệt",
];

/// How many words of a clause may stand before its verb (the party's name, cue words).
const MAX_LEAD_WORDS: usize = 40;

/// Byte ranges of the action phrases in `text`.
#[cfg(test)]
pub(crate) fn find(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    find_in(&Tokens::new(text, &mut Default::default()), &mut out);
    out
}

/// Byte ranges of the action phrases in a node's text, read from its
/// tokens, added to `out`.
pub(crate) fn find_in(t: &Tokens<'_>, out: &mut Vec<Range<usize>>) {
    let bytes = t.text.as_bytes();
    let mut first = 0;
    let mut start = 0;
    for &k in t.bounds {
        let tok = &t.toks[k];
        if tok.kind != Kind::End {
            continue;
        }
        // Clauses end at `;`, a line break, a full stop before a space, and the text's end.
        let at = tok.range.start;
        let ends = match bytes.get(at) {
            None | Some(b';' | b'\n') => true,
            Some(b'.') => matches!(bytes.get(at + 1), None | Some(b' ' | b'\n')),
            _ => false,
        };
        if ends {
            clause(t, first..k, start..at, out);
            first = k + 1;
            start = at + 1;
        }
    }
}

/// The action of one clause (tokens `toks`, bytes `range`), if it orders one.
fn clause(t: &Tokens<'_>, toks: Range<usize>, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let firsts = first_words();
    let bytes = t.text.as_bytes();
    let mut words = 0;
    // The action starts within the first words of a clause, after its party, or not at all.
    for k in toks {
        let tok = &t.toks[k];
        let c = bytes[tok.range.start];
        if tok.kind != Kind::Word || !(c.is_ascii_alphabetic() || c >= 0xC0) {
            continue;
        }
        words += 1;
        if words > MAX_LEAD_WORDS {
            return;
        }
        let key = t.key(k);
        if !firsts.may_hold_class(tok.class) {
            continue;
        }
        let Some(cands) = firsts.get_class(tok.class, key) else {
            continue;
        };
        let Some((verb, n)) = cands
            .iter()
            .find_map(|&(verb, rest)| Some((verb, t.rest_after(k, rest)?)))
        else {
            continue;
        };
        let verb_end = t.toks[k + n - 1].range.end;
        let after = t.text[verb_end..range.end].trim_start();
        // `Hoàn thành trong tháng 7`, `hoàn thành trước ngày ...`: a date, not a new action.
        if verb == "hoàn thành"
            && (after.is_empty()
                || ["trong", "trước", "chậm nhất", "ngay", "xong"]
                    .iter()
                    .any(|p| starts_word_ci(after, p)))
        {
            return;
        }
        // An adverb alone (`khẩn trương`) needs a verb after it; it still starts the action.
        if LEADS_INTO.contains(&verb) && after.is_empty() {
            return;
        }
        let end = range.start
            + t.text[range.clone()]
                .trim_end_matches([' ', ',', ':', '.', ';'])
                .len();
        // A verb alone (`... chỉ đạo:`) introduces the sub-items; their actions are theirs.
        if end > verb_end {
            out.push(tok.range.start..end);
        }
        return;
    }
}

/// The first words of the verbs -> each verb, with what follows its first word.
type FirstWords = crate::keys::WordTable<Vec<(&'static str, &'static str)>>;

/// First word of every verb -> the verbs that start with it.
fn first_words() -> &'static FirstWords {
    static MAP: std::sync::OnceLock<FirstWords> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FirstWords::new();
        for v in VERBS {
            let first = v.split(' ').next().unwrap_or(v);
            m.entry(first).push((*v, &v[first.len()..]));
        }
        m
    })
}

/// Whether `s` starts with the lowercase word(s) `w`, ignoring the case of the first letter.
fn starts_word_ci(s: &str, w: &str) -> bool {
    let mut sc = s.chars();
    let mut wc = w.chars();
    match (sc.next(), wc.next()) {
        (Some(a), Some(b)) if a == b || crate::keys::lower(a) == b => {}
        _ => return false,
    }
    let rest_s = sc.as_str();
    let rest_w = wc.as_str();
    rest_s.starts_with(rest_w) && !rest_s[rest_w.len()..].starts_with(crate::keys::is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actions(t: &str) -> Vec<&str> {
        find(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn leaves_the_party_out() {
        assert_eq!(
            actions("Bộ trưởng Bộ Tài chính chủ trì, phối hợp với các cơ quan liên quan ban hành hướng dẫn thống nhất. Hoàn thành trong tháng 7 năm 2025."),
            ["ban hành hướng dẫn thống nhất"]
        );
    }

    #[test]
    fn one_action_per_clause() {
        assert_eq!(
            actions("Rà soát, kịp thời khắc phục các lỗi kỹ thuật; cập nhật dữ liệu trên Hệ thống"),
            [
                "Rà soát, kịp thời khắc phục các lỗi kỹ thuật",
                "cập nhật dữ liệu trên Hệ thống"
            ]
        );
        assert_eq!(
            actions("Khẩn trương rà soát, điều chỉnh các Hệ thống."),
            ["Khẩn trương rà soát, điều chỉnh các Hệ thống"]
        );
    }

    #[test]
    fn a_bare_deadline_or_party_is_no_action() {
        assert!(actions("Hoàn thành trong tháng 7 năm 2025.").is_empty());
        assert!(actions("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:").is_empty());
        assert!(actions("Bộ trưởng Bộ Công an chỉ đạo:").is_empty());
        assert!(actions("").is_empty());
    }
}
