//! Action phrases: the verb phrases a node orders.
//!
//! A node's text is cut into clauses (at `;`, a full stop, a line break). In
//! each clause the action is the stretch from the first verb that orders
//! something (`rà soát`, `ban hành`, `khắc phục`, ...) to the clause's end, so
//! the party before it (`Bộ trưởng Bộ Công an chủ trì, phối hợp với ...`) is
//! left out. A clause that only dates the work (`Hoàn thành trong tháng 7 năm
//! 2025.`) orders nothing new and gives no action.

use std::ops::Range;

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
pub(crate) fn find(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b';' | b'\n' => true,
            b'.' => matches!(bytes.get(i + 1), None | Some(b' ' | b'\n')),
            _ => false,
        };
        if ends {
            clause(text, start..i, &mut out);
            start = i + 1;
        }
    }
    clause(text, start..text.len(), &mut out);
    out
}

/// The action of one clause, if it orders one.
fn clause(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let firsts = first_words();
    // The action starts within the first words of a clause, after its party, or not at all.
    for w in word_starts(s).take(MAX_LEAD_WORDS) {
        let rest = &s[w..];
        // Look the word up by its lowercase form before trying the phrases that start with it.
        let word = rest
            .split(|c: char| !crate::keys::is_word_char(c))
            .next()
            .unwrap_or("");
        if !firsts.may_hold(word) {
            continue;
        }
        let mut lower = [0u8; 32];
        let Some(key) = lowercase_into(word, &mut lower) else {
            continue;
        };
        let Some(cands) = firsts.get(key) else {
            continue;
        };
        let Some(verb) = cands.iter().find(|v| starts_word_ci(rest, v)) else {
            continue;
        };
        // `Hoàn thành trong tháng 7`, `hoàn thành trước ngày ...`: a date, not a new action.
        if *verb == "hoàn thành" {
            let after = rest[verb.len()..].trim_start();
            if ["trong", "trước", "chậm nhất", "ngay", "xong"]
                .iter()
                .any(|p| starts_word_ci(after, p))
                || after.is_empty()
            {
                return;
            }
        }
        // An adverb alone (`khẩn trương`) needs a verb after it; it still starts the action.
        if LEADS_INTO.contains(verb) {
            let after = rest[verb.len()..].trim_start();
            if after.is_empty() {
                return;
            }
        }
        let end = s.trim_end_matches([' ', ',', ':', '.', ';']).len();
        // A verb alone (`... chỉ đạo:`) introduces the sub-items; their actions are theirs.
        if end > w + verb.len() {
            out.push(range.start + w..range.start + end);
        }
        return;
    }
}

/// The first words of the verbs.
type FirstWords = crate::keys::WordTable<Vec<&'static str>>;

/// First word of every verb -> the verbs that start with it.
fn first_words() -> &'static FirstWords {
    static MAP: std::sync::OnceLock<FirstWords> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FirstWords::new();
        for v in VERBS {
            m.entry(v.split(' ').next().unwrap_or(v)).push(*v);
        }
        m
    })
}

/// `word` in lower case, written into `buf`; `None` when it does not fit.
fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut n = 0;
    for c in word.chars().map(crate::keys::lower) {
        let len = c.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

/// Byte offsets where the words of `s` start.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    // Words start after a space or punctuation with a letter: an ASCII letter or
    // the lead byte of a non-ASCII character (node text spaces are ASCII).
    let b = s.as_bytes();
    (0..b.len()).filter(move |&i| {
        let c = b[i];
        let letter = c.is_ascii_alphabetic() || c >= 0xC0;
        letter && (i == 0 || matches!(b[i - 1], b' ' | b'(' | b'"' | b',' | b';' | b':' | b'\n'))
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
