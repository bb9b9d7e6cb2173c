//! Legal references (`Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ`).
//!
//! ```text
//! citation  = [provisions ["của"]] reference ;
//! provisions = provision { ("," | "và") provision } ;
//! provision = ["điểm" letter] ["khoản" n] "Điều" n ;
//! reference = kind "số" number [date] [issuer]
//!           | Kind number-with-symbol [date] [issuer]      (* Công điện 231/CĐ-TTg *)
//!           | Law-kind name ["năm" yyyy]                    (* Luật Đất đai *)
//! number    = digit { alnum | "/" | "-" | "." | "&" } ;     (* `02- KH/BCĐTW`, `86 /NQ-CP` joined *)
//! date      = "ngày" day ;                                  (* the date grammar of crate::date *)
//! issuer    = "của" Capitalised-words ;                     (* up to punctuation or `về`, `quy định`, ... *)
//! ```
//!
//! `kind` is the snake case of the cited document's type (`nghi_dinh`,
//! `ke_hoach`, `luat`, ...). A type word alone (`xây dựng kế hoạch`) is not a
//! citation; without `số` the type must be capitalised and the number must
//! carry a symbol (`231/CĐ-TTg`), so `Đề án 06` is left out.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use super::deadlines::strip_word_ci;
use super::{Context, FoundCitation};
use crate::date;

/// Document types, lower case, longest first where one extends another.
const KINDS: &[(&str, &str)] = &[
    ("nghị quyết liên tịch", "nghi_quyet_lien_tich"),
    ("nghị quyết", "nghi_quyet"),
    ("nghị định", "nghi_dinh"),
    ("kế hoạch", "ke_hoach"),
    ("công điện", "cong_dien"),
    ("quyết định", "quyet_dinh"),
    ("thông báo kết luận", "thong_bao"),
    ("thông báo", "thong_bao"),
    ("chỉ thị", "chi_thi"),
    ("kết luận", "ket_luan"),
    ("công văn", "cong_van"),
    ("văn bản", "van_ban"),
    ("thông tư liên tịch", "thong_tu_lien_tich"),
    ("thông tư", "thong_tu"),
    ("chương trình", "chuong_trinh"),
    ("đề án", "de_an"),
    ("hướng dẫn", "huong_dan"),
    ("quy định", "quy_dinh"),
    ("quy chế", "quy_che"),
    ("báo cáo", "bao_cao"),
    ("tờ trình", "to_trinh"),
    ("pháp lệnh", "phap_lenh"),
    ("bộ luật", "bo_luat"),
    ("luật", "luat"),
    ("hiến pháp", "hien_phap"),
];

/// Types that are cited by name (`Luật Đất đai`) as well as by number.
fn named_kind(kind: &str) -> bool {
    matches!(kind, "luat" | "bo_luat" | "hien_phap" | "phap_lenh")
}

/// Lower-case words that end a name or an issuer: function words and the
/// verbs that follow a cited document's issuer (`của Chính phủ tập trung ...`).
const STOP_WORDS: &[&str] = &[
    "về", "hướng", "sửa", "phê", "đã", "để", "trong", "tại", "theo", "nhằm", "được", "đối", "có",
    "thì", "là", "với", "khi", "thực", "triển", "tiếp", "hoặc", "ngày", "số", "năm", "của", "các",
    "những", "này", "đó", "cho", "từ", "đến", "trên", "do", "mà", "như", "gồm", "bao", "và", "tập",
    "hoàn", "xây", "tăng", "đẩy", "kiểm", "rà", "bảo", "nâng", "chủ", "phối", "giao", "yêu", "đề",
    "trình", "báo", "chịu", "khẩn", "sớm", "cần", "phải", "sẽ", "vẫn", "đang", "cũng", "không",
    "chưa", "ký", "gửi", "nêu", "kèm", "liên", "tổ",
];

/// Two-word stops: `ban hành`, `quy định`, `quy chế` (but `Ban Dân tộc`,
/// `quy phạm pháp luật` go on).
const STOP_PAIRS: &[(&str, &str)] = &[("ban", "hành"), ("quy", "định"), ("quy", "chế")];

/// Whether `word` (followed by `next`) ends a name.
fn stops(word: &str, next: &str) -> bool {
    let lower;
    let (word, next) = if word.chars().all(|c| !c.is_lowercase()) && word.chars().count() > 1 {
        // An all-capital heading (`... CỦA CHÍNH PHỦ BAN HÀNH KẾ HOẠCH`).
        lower = (word.to_lowercase(), next.to_lowercase());
        (lower.0.as_str(), lower.1.as_str())
    } else if word.chars().next().is_some_and(char::is_lowercase) {
        (word, next)
    } else {
        return false;
    };
    STOP_WORDS.contains(&word) || STOP_PAIRS.iter().any(|&(a, b)| a == word && b == next)
}

/// The word that starts at `pos` (after spaces).
fn next_word(text: &str, pos: usize) -> &str {
    let p = skip_ws(text, pos);
    let end = text[p..]
        .find(|c: char| !crate::keys::is_word_char(c))
        .map_or(text.len(), |n| p + n);
    &text[p..end]
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}')
}

fn skip_ws(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if !is_space(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// `word` at `pos` (case-insensitive, whole word): the byte after it.
fn word_at(text: &str, pos: usize, word: &str) -> Option<usize> {
    let rest = strip_word_ci(text.get(pos..)?, word)?;
    Some(text.len() - rest.len())
}

/// `word` at `pos` after spaces: the byte after it.
fn word_after_ws(text: &str, pos: usize, word: &str) -> Option<usize> {
    let p = skip_ws(text, pos);
    if p == pos {
        return None;
    }
    word_at(text, p, word)
}

/// A document number at `pos`: its end and its text with inner spaces removed.
fn number_at(text: &str, pos: usize) -> Option<(usize, String)> {
    let first = text[pos..].chars().next()?;
    if !first.is_ascii_digit() {
        return None;
    }
    let mut out = String::new();
    let mut end = pos;
    let mut i = pos;
    while let Some(c) = text[i..].chars().next() {
        if crate::keys::is_word_char(c) || matches!(c, '/' | '-' | '.' | '&' | '_') {
            out.push(c);
            i += c.len_utf8();
            end = i;
            continue;
        }
        if is_space(c) {
            // `02- KH/BCĐTW`, `86 /NQ-CP`: a symbol split by a space.
            let next_at = skip_ws(text, i);
            let next = text[next_at..].chars().next();
            let open = out.ends_with(['-', '/']);
            let joins = match next {
                Some('/') => true,
                Some(n) if open => n.is_uppercase() || n.is_ascii_digit(),
                _ => false,
            };
            if joins && next_at - i <= 2 {
                i = next_at;
                continue;
            }
        }
        break;
    }
    while out.ends_with(['.', '-', '/', '_']) {
        let c = out.pop()?;
        end -= c.len_utf8();
        // `end` may sit after a dropped space; walk back over spaces too.
        while text[..end].ends_with(is_space) {
            end -= 1;
        }
    }
    if out.is_empty() {
        return None;
    }
    Some((end, out))
}

/// Whether a number carries a symbol (`231/CĐ-TTg`, `57-NQ/TW`).
fn has_symbol(number: &str) -> bool {
    number
        .split(['/', '-'])
        .skip(1)
        .any(|part| part.chars().next().is_some_and(char::is_alphabetic))
}

/// Capitalised words from `pos`: a name or an issuer. `lenient_va` keeps
/// `và` inside the name unless a stop word follows it (`Luật Hôn nhân và gia
/// đình`); otherwise `và` continues only before a capital (`Thương binh và Xã hội`).
fn name_at(text: &str, pos: usize, lenient_va: bool) -> Option<Range<usize>> {
    let first = text[pos..].chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut end = pos;
    let mut i = pos;
    let mut words = 0;
    while words < 14 {
        let word_end = text[i..]
            .find(|c: char| !(crate::keys::is_word_char(c) || c == '-' || c == '–' || c == '&'))
            .map_or(text.len(), |n| i + n);
        if word_end == i {
            break;
        }
        let word = &text[i..word_end];
        let next = next_word(text, word_end);
        if stops(word, next) {
            if !word.eq_ignore_ascii_case("và") && word != "VÀ" {
                break;
            }
            let next_at = skip_ws(text, word_end);
            let next_capital = next.chars().next().is_some_and(char::is_uppercase);
            let continues = if lenient_va {
                !next.is_empty()
                    && !stops(next, next_word(text, next_at + next.len()))
                    && kind_at(text, next_at).is_none()
            } else {
                next_capital && kind_at(text, next_at).is_none()
            };
            if !continues {
                break;
            }
        } else if word.chars().all(|c| c == '-' || c == '–') {
            // `Lao động - Thương binh`: a dash between two capitalised parts.
            let next = text[word_end..]
                .strip_prefix(' ')
                .and_then(|t| t.chars().next());
            if !next.is_some_and(char::is_uppercase) {
                break;
            }
        } else if word.starts_with('-') {
            break;
        }
        if !word.chars().all(|c| c == '-' || c == '–') {
            end = word_end;
        }
        words += 1;
        // Only single spaces (and ` - ` in names such as `Lao động - Thương binh`) join words.
        let after = &text[word_end..];
        if after.starts_with(' ') && !after[1..].starts_with(is_space) {
            i = word_end + 1;
        } else {
            break;
        }
    }
    (end > pos).then_some(pos..end)
}

/// The document type whose words start at `pos`: its end, kind and whether
/// it was capitalised.
fn kind_at(text: &str, pos: usize) -> Option<(usize, &'static str, bool)> {
    let first = text.get(pos..)?.chars().next()?;
    let lower = first.to_lowercase().next()?;
    for &(words, kind) in KINDS {
        if !words.starts_with(lower) {
            continue;
        }
        if let Some(end) = word_at(text, pos, words) {
            return Some((end, kind, first.is_uppercase()));
        }
    }
    None
}

/// A reference starting at `pos`.
fn reference_at(text: &str, pos: usize, ctx: &Context) -> Option<FoundCitation> {
    let (kind_end, kind, capital) = kind_at(text, pos)?;
    let mut end;
    let mut number = None;
    let after_so = word_after_ws(text, kind_end, "số");
    if let Some(so_end) = after_so {
        let p = skip_ws(text, so_end);
        let (n_end, n) = number_at(text, p)?;
        end = n_end;
        number = Some(n);
    } else {
        if !capital {
            return None;
        }
        let p = skip_ws(text, kind_end);
        if p == kind_end {
            return None;
        }
        match number_at(text, p) {
            Some((n_end, n)) if has_symbol(&n) => {
                end = n_end;
                number = Some(n);
            }
            _ if named_kind(kind) => {
                end = kind_end;
                if let Some(name) = name_at(text, p, true) {
                    end = name.end;
                } else if kind != "hien_phap" {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let (end, cdate, issuer) = tail(text, end, kind, ctx);
    Some(FoundCitation {
        range: pos..end,
        kind: kind.to_string(),
        number,
        date: cdate,
        issuer,
    })
}

/// What may follow a cited number: `ngày D`, `năm Y` (laws), `của X`.
fn tail(
    text: &str,
    mut end: usize,
    kind: &str,
    ctx: &Context,
) -> (usize, Option<crate::date::Date>, Option<String>) {
    // `ngày D`
    let mut cdate = None;
    let p = skip_ws(text, end);
    let p = if text[p..].starts_with(',') {
        skip_ws(text, p + 1)
    } else {
        p
    };
    if p > end || text[end..].starts_with(',') {
        if let Some((d_end, d)) =
            word_at(text, p, "ngày").and_then(|_| date::day_at(text, p, ctx.reference))
        {
            end = d_end;
            cdate = Some(d);
        }
    }
    // `năm 2014` after a law's name
    if cdate.is_none() && named_kind(kind) {
        if let Some(y_end) = word_after_ws(text, end, "năm") {
            let p = skip_ws(text, y_end);
            let digits = text[p..].bytes().take_while(u8::is_ascii_digit).count();
            if digits == 4 && !text[p + 4..].starts_with(|c: char| crate::keys::is_word_char(c)) {
                end = p + 4;
            }
        }
    }
    // `của X`
    let mut issuer = None;
    if let Some(cua_end) = word_after_ws(text, end, "của") {
        let p = skip_ws(text, cua_end);
        if let Some(name) = name_at(text, p, false) {
            issuer = Some(text[name.clone()].to_string());
            end = name.end;
        }
    }
    (end, cdate, issuer)
}

/// `, 19-NQ/TW` or ` và 19-NQ/TW` after a citation: another document of the
/// same kind (`các Nghị quyết số 18-NQ/TW, 19-NQ/TW`).
fn next_in_list(text: &str, prev: &FoundCitation, ctx: &Context) -> Option<FoundCitation> {
    prev.number.as_ref()?;
    let mut p = skip_ws(text, prev.range.end);
    if text[p..].starts_with(',') {
        p = skip_ws(text, p + 1);
    } else if let Some(e) = word_at(text, p, "và") {
        p = skip_ws(text, e);
    } else {
        return None;
    }
    let (n_end, number) = number_at(text, p)?;
    if !has_symbol(&number) {
        return None;
    }
    let (end, date, issuer) = tail(text, n_end, &prev.kind, ctx);
    Some(FoundCitation {
        range: p..end,
        kind: prev.kind.clone(),
        number: Some(number),
        date,
        issuer,
    })
}

/// `điểm c khoản 2 Điều 15 và khoản 1 Điều 16`: the end of the chain.
fn provisions_at(text: &str, pos: usize) -> Option<usize> {
    let mut i = pos;
    let mut any = false;
    loop {
        let mut p = i;
        if let Some(e) = word_at(text, p, "điểm") {
            let q = skip_ws(text, e);
            let letter_end = q + text[q..]
                .chars()
                .next()
                .filter(|c| crate::keys::is_word_char(*c))?
                .len_utf8();
            if text[letter_end..].starts_with(|c: char| crate::keys::is_word_char(c)) {
                return None;
            }
            p = skip_ws(text, letter_end);
            if text[p..].starts_with(',') {
                p = skip_ws(text, p + 1);
            }
        }
        if let Some(e) = word_at(text, p, "khoản") {
            let q = skip_ws(text, e);
            let n = text[q..].bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            p = skip_ws(text, q + n);
            if text[p..].starts_with(',') {
                p = skip_ws(text, p + 1);
            }
        }
        let e = word_at(text, p, "điều")?;
        let q = skip_ws(text, e);
        let n = text[q..].bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return if any { Some(i) } else { None };
        }
        i = q + n;
        any = true;
        // another provision?
        let s = skip_ws(text, i);
        let next = if text[s..].starts_with(',') {
            skip_ws(text, s + 1)
        } else if let Some(v) = word_at(text, s, "và") {
            skip_ws(text, v)
        } else {
            return Some(i);
        };
        let starts_provision = ["điểm", "khoản", "điều"]
            .iter()
            .any(|w| word_at(text, next, w).is_some());
        if !starts_provision {
            return Some(i);
        }
        i = next;
    }
}

/// Lower-case starts of the words a citation can begin with, by their first
/// (ASCII, lower-case) byte; `đ` words are `đề`, `điể`, `điề`.
fn cite_starts(first: u8) -> &'static [&'static str] {
    match first {
        b'n' => &["ngh"],
        b'k' => &["kế", "kho"],
        b'c' => &["côn", "chỉ", "chư"],
        b'q' => &["quy"],
        b't' => &["thô", "tờ"],
        b'v' => &["văn"],
        b'h' => &["hướ", "hiế"],
        b'b' => &["báo", "bộ"],
        b'p' => &["phá"],
        b'l' => &["luậ"],
        _ => &[],
    }
}

const D_STARTS: &[&str] = &["đề", "điể", "điề"];

/// Byte ranges where a citation may start, sorted and merged. A numbered
/// citation has a number after `số` (`Nghị quyết liên tịch số 12`), a number
/// with a symbol (`Công điện 231/CĐ-TTg`, `Nghị quyết 86 /NQ-CP`), or an
/// article number (`điểm c khoản 2 Điều 15 ... của Luật`); a law may be
/// cited by name (`Luật Đất đai`, `Hiến pháp`, `Pháp lệnh`).
fn regions(bytes: &[u8], numbers: &[Range<usize>]) -> Vec<(usize, usize)> {
    static WORDS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        ["uật", "UẬT", "iến pháp", "IẾN PHÁP", "háp lệnh", "HÁP LỆNH"]
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    });
    let mut anchors = date::spare_regions();
    for &Range { start, end: i } in numbers {
        let before = trim_spaces_end(&bytes[..start]);
        let after = &bytes[i..];
        let after = after.strip_prefix(b" ").unwrap_or(after);
        let look_back = if ends_with_word(before, &["số", "Số", "SỐ"]) {
            48
        } else if ends_with_word(before, &["Điều", "điều", "ĐIỀU"]) {
            72
        } else if matches!(after.first(), Some(b'/' | b'-' | b'.')) {
            32
        } else {
            continue;
        };
        anchors.push((start.saturating_sub(look_back), start + 1));
    }
    for finder in WORDS.iter() {
        for at in finder.find_iter(bytes) {
            anchors.push((at.saturating_sub(8), at + 1));
        }
    }
    date::merge_regions(anchors)
}

fn trim_spaces_end(b: &[u8]) -> &[u8] {
    let n = b.iter().rev().take_while(|&&c| c == b' ').count();
    &b[..b.len() - n]
}

/// Whether `b` ends with one of the words `ws` (spelled in each case used).
fn ends_with_word(b: &[u8], ws: &[&str]) -> bool {
    ws.iter().any(|w| {
        let w = w.as_bytes();
        // Compared from the last byte, which most tries fail on, without a call to `memcmp`.
        b.len() >= w.len()
            && b.iter().rev().zip(w.iter().rev()).all(|(x, y)| x == y)
            && !b[..b.len() - w.len()]
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    })
}

fn worth_scanning(text: &str, numbers: &[Range<usize>]) -> bool {
    static WORDS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        ["uật", "iến pháp", "UẬT"]
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    });
    let b = text.as_bytes();
    !numbers.is_empty() || WORDS.iter().any(|f| f.find(b).is_some())
}

/// Every legal reference in `text`, in order of appearance.
#[cfg(test)]
pub(crate) fn find(text: &str, ctx: &Context) -> Vec<FoundCitation> {
    let mut numbers = Vec::new();
    crate::keys::digit_runs(text.as_bytes(), &mut numbers);
    find_with(text, ctx, &numbers)
}

/// [`find`], given the runs of digits in `text` ([`crate::keys::digit_runs`]).
pub(crate) fn find_with(text: &str, ctx: &Context, numbers: &[Range<usize>]) -> Vec<FoundCitation> {
    let mut out = Vec::new();
    if !worth_scanning(text, numbers) {
        return out;
    }
    let bytes = text.as_bytes();
    let regions = regions(bytes, numbers);
    let mut region = 0;
    let mut idx = 0;
    let mut buf = [0u8; 24];
    while idx < bytes.len() {
        // Only look where a citation can start: shortly before a number or
        // the name of a law.
        while region < regions.len() && idx >= regions[region].1 {
            region += 1;
        }
        let Some(&(from, _)) = regions.get(region) else {
            break;
        };
        idx = idx.max(from);
        let c = bytes[idx];
        let ascii = matches!(
            c | 0x20,
            b'n' | b'k' | b'c' | b'q' | b't' | b'v' | b'h' | b'b' | b'p' | b'l'
        );
        let d_stroke = c == 0xC4 && matches!(bytes.get(idx + 1), Some(0x90 | 0x91));
        if !(ascii || d_stroke)
            || (idx > 0 && bytes[idx - 1].is_ascii_alphanumeric())
            || !date::word_start(text, idx)
        {
            idx += 1;
            continue;
        }
        let start_ok = if d_stroke {
            let len = date::lower_prefix(text, idx, 3, &mut buf);
            D_STARTS
                .iter()
                .any(|k| buf[..len].starts_with(k.as_bytes()))
        } else {
            date::starts_with_key(text, idx, cite_starts(c | 0x20))
        };
        if !start_ok {
            idx += 1;
            continue;
        }
        let lower = if d_stroke { 'đ' } else { char::from(c | 0x20) };
        let found = if matches!(lower, 'đ' | 'k') {
            provisions_at(text, idx).and_then(|chain_end| {
                let mut p = skip_ws(text, chain_end);
                if let Some(e) = word_at(text, p, "của") {
                    p = skip_ws(text, e);
                }
                let mut r = reference_at(text, p, ctx)?;
                r.range.start = idx;
                Some(r)
            })
        } else {
            None
        };
        if let Some(r) = found.or_else(|| reference_at(text, idx, ctx)) {
            idx = r.range.end.max(idx + 1);
            let mut last = r;
            while let Some(next) = next_in_list(text, &last, ctx) {
                idx = next.range.end.max(idx);
                out.push(std::mem::replace(&mut last, next));
            }
            out.push(last);
        } else {
            idx += 1;
        }
    }
    date::give_back(regions);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn ctx() -> Context {
        Context {
            reference: Date::new(2025, 7, 17),
        }
    }

    /// (text, [(cited text, kind, number, date, issuer)])
    type Case = (
        &'static str,
        &'static [(
            &'static str,
            &'static str,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        )],
    );

    const CASES: &[Case] = &[
        (
            "theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thủ tục",
            &[(
                "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ",
                "nghi_dinh",
                Some("118/2025/NĐ-CP"),
                Some("2025-06-09"),
                Some("Chính phủ"),
            )],
        ),
        (
            "theo yêu cầu tại Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương về phát triển khoa học",
            &[(
                "Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương",
                "ke_hoach",
                Some("02-KH/BCĐTW"),
                Some("2025-06-19"),
                Some("Ban Chỉ đạo Trung ương"),
            )],
        ),
        (
            "Công điện số 111/CĐ-TTg, Nghị quyết số 66.1/2025/NQ-CP.",
            &[
                ("Công điện số 111/CĐ-TTg", "cong_dien", Some("111/CĐ-TTg"), None, None),
                ("Nghị quyết số 66.1/2025/NQ-CP", "nghi_quyet", Some("66.1/2025/NQ-CP"), None, None),
            ],
        ),
        (
            "triển khai Nghị quyết 86 /NQ-CP và Chỉ thị số 37-CT/TW",
            &[
                ("Nghị quyết 86 /NQ-CP", "nghi_quyet", Some("86/NQ-CP"), None, None),
                ("Chỉ thị số 37-CT/TW", "chi_thi", Some("37-CT/TW"), None, None),
            ],
        ),
        (
            "Kế hoạch số 02- KH/BCĐTW; Kế hoạch số 119- KH/TU của Tỉnh ủy",
            &[
                ("Kế hoạch số 02- KH/BCĐTW", "ke_hoach", Some("02-KH/BCĐTW"), None, None),
                ("Kế hoạch số 119- KH/TU của Tỉnh ủy", "ke_hoach", Some("119-KH/TU"), None, Some("Tỉnh ủy")),
            ],
        ),
        (
            "thực hiện theo quy định tại điểm c khoản 2 Điều 15 và khoản 1 Điều 16 của Luật Tổ chức chính quyền địa phương; việc",
            &[(
                "điểm c khoản 2 Điều 15 và khoản 1 Điều 16 của Luật Tổ chức chính quyền địa phương",
                "luat",
                None,
                None,
                None,
            )],
        ),
        (
            "tại Điều 102 Luật Lâm nghiệp, Luật Đất đai; Nghị định số 131/2025/NĐ-CP ngày 12/6/2025",
            &[
                ("Điều 102 Luật Lâm nghiệp", "luat", None, None, None),
                ("Luật Đất đai", "luat", None, None, None),
                ("Nghị định số 131/2025/NĐ-CP ngày 12/6/2025", "nghi_dinh", Some("131/2025/NĐ-CP"), Some("2025-06-12"), None),
            ],
        ),
        (
            "Luật Hôn nhân và gia đình năm 2014 và các văn bản",
            &[("Luật Hôn nhân và gia đình năm 2014", "luat", None, None, None)],
        ),
        (
            "Thông báo số 35-TB/TGV ngày 01 tháng 7 năm 2025 và Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025",
            &[
                ("Thông báo số 35-TB/TGV ngày 01 tháng 7 năm 2025", "thong_bao", Some("35-TB/TGV"), Some("2025-07-01"), None),
                ("Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025", "nghi_quyet", Some("71/NQ-CP"), Some("2025-04-01"), None),
            ],
        ),
        (
            "Quyết định số 416/QĐ-TTg ngày 25/3/2020 của Thủ tướng Chính phủ ban hành",
            &[(
                "Quyết định số 416/QĐ-TTg ngày 25/3/2020 của Thủ tướng Chính phủ",
                "quyet_dinh",
                Some("416/QĐ-TTg"),
                Some("2020-03-25"),
                Some("Thủ tướng Chính phủ"),
            )],
        ),
        (
            "Công văn 11554/VPCP-V.I năm 2025 của Văn phòng Chính phủ",
            &[("Công văn 11554/VPCP-V.I", "cong_van", Some("11554/VPCP-V.I"), None, None)],
        ),
        (
            "Kết luận số 186-KL/TW ngày 29 tháng 8 năm 2025 của Bộ Chính trị, Ban Bí thư về tình hình",
            &[(
                "Kết luận số 186-KL/TW ngày 29 tháng 8 năm 2025 của Bộ Chính trị",
                "ket_luan",
                Some("186-KL/TW"),
                Some("2025-08-29"),
                Some("Bộ Chính trị"),
            )],
        ),
        (
            "công văn số 2991/VPCP-KGVX của Văn phòng Chính phủ và Thông tư số 41/2011/TT-BYT",
            &[
                ("công văn số 2991/VPCP-KGVX của Văn phòng Chính phủ", "cong_van", Some("2991/VPCP-KGVX"), None, Some("Văn phòng Chính phủ")),
                ("Thông tư số 41/2011/TT-BYT", "thong_tu", Some("41/2011/TT-BYT"), None, None),
            ],
        ),
        (
            "Chương trình số 1249a/CTPH-UBDT-BTP của Bộ Lao động - Thương binh và Xã hội.",
            &[(
                "Chương trình số 1249a/CTPH-UBDT-BTP của Bộ Lao động - Thương binh và Xã hội",
                "chuong_trinh",
                Some("1249a/CTPH-UBDT-BTP"),
                None,
                Some("Bộ Lao động - Thương binh và Xã hội"),
            )],
        ),
        ("Hiến pháp năm 2013", &[("Hiến pháp năm 2013", "hien_phap", None, None, None)]),
        (
            "các Nghị quyết số 18-NQ/TW, 19-NQ/TW và 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương; 2 và 3",
            &[
                ("Nghị quyết số 18-NQ/TW", "nghi_quyet", Some("18-NQ/TW"), None, None),
                ("19-NQ/TW", "nghi_quyet", Some("19-NQ/TW"), None, None),
                (
                    "20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
                    "nghi_quyet",
                    Some("20-NQ/TW"),
                    Some("2017-10-25"),
                    Some("Ban Chấp hành Trung ương"),
                ),
            ],
        ),
        (
            "bảo đảm triển khai Luật Ban hành văn bản quy phạm pháp luật năm 2025, kiểm soát",
            &[("Luật Ban hành văn bản quy phạm pháp luật năm 2025", "luat", None, None, None)],
        ),
        (
            "Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025 của Chính phủ tập trung hoàn thiện",
            &[(
                "Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025 của Chính phủ",
                "nghi_quyet",
                Some("214/NQ-CP"),
                Some("2025-07-23"),
                Some("Chính phủ"),
            )],
        ),
        (
            "Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp về",
            &[(
                "Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp",
                "chuong_trinh",
                Some("1249a/CTPH-UBDT-BTP"),
                Some("2014-11-13"),
                Some("Ủy ban Dân tộc và Bộ Tư pháp"),
            )],
        ),
        (
            "NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025 CỦA CHÍNH PHỦ BAN HÀNH KẾ HOẠCH",
            &[(
                "NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025 CỦA CHÍNH PHỦ",
                "nghi_quyet",
                Some("214/NQ-CP"),
                Some("2025-07-23"),
                Some("CHÍNH PHỦ"),
            )],
        ),
        (
            "Kế hoạch số 2401/KH-UBND ngày 05 tháng 9 năm 2017 của Ủy ban nhân dân tỉnh; giai đoạn",
            &[(
                "Kế hoạch số 2401/KH-UBND ngày 05 tháng 9 năm 2017 của Ủy ban nhân dân tỉnh",
                "ke_hoach",
                Some("2401/KH-UBND"),
                Some("2017-09-05"),
                Some("Ủy ban nhân dân tỉnh"),
            )],
        ),

        // not citations
        ("xây dựng kế hoạch triển khai, báo cáo kết quả", &[]),
        ("triển khai Đề án 06 trên địa bàn", &[]),
        ("Như Điều 3 (để thực hiện)", &[]),
        ("các quy định của luật về đất đai", &[]),
        ("Nghị quyết của Chính phủ về nhiệm vụ chuyển đổi số", &[]),
        ("hoàn thành trước ngày 20 tháng 7 năm 2025", &[]),
    ];

    #[test]
    fn citation_cases() {
        for (text, want) in CASES {
            let got: Vec<_> = find(text, &ctx())
                .into_iter()
                .map(|c| {
                    (
                        text[c.range.clone()].to_string(),
                        c.kind,
                        c.number,
                        c.date.map(|d| d.to_string()),
                        c.issuer,
                    )
                })
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(t, k, n, d, i)| {
                    (
                        t.to_string(),
                        k.to_string(),
                        n.map(str::to_string),
                        d.map(str::to_string),
                        i.map(str::to_string),
                    )
                })
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(s in "\\PC{0,80}") {
                for c in find(&s, &ctx()) {
                    prop_assert!(s.is_char_boundary(c.range.start));
                    prop_assert!(s.is_char_boundary(c.range.end));
                    prop_assert!(c.range.start < c.range.end);
                }
            }

            #[test]
            fn never_panics_on_symbols_and_spaces(s in "(Nghị quyết|NGHỊ QUYẾT|số|SỐ|Luật|Bộ luật|Điều|khoản|điểm|của|và|Ủy ban|Lao động|-|–|/|\u{a0}| |,|[0-9]{1,4}|[A-ZĐ]{1,3}|a){0,16}") {
                for c in find(&s, &ctx()) {
                    prop_assert!(s.is_char_boundary(c.range.start));
                    prop_assert!(s.is_char_boundary(c.range.end));
                }
            }

            #[test]
            fn never_panics_on_reference_words(s in "(Nghị định|Luật|số|điểm c|khoản|Điều|của|Chính phủ|ngày|và| |/|-|,|[0-9]{1,4}|NĐ-CP|KH){0,14}") {
                for c in find(&s, &ctx()) {
                    prop_assert!(s.is_char_boundary(c.range.start));
                    prop_assert!(s.is_char_boundary(c.range.end));
                }
            }
        }
    }
}

#[cfg(test)]
mod windows {
    /// Every window of every fixture, through every finder: no panic, spans
    /// on char boundaries.
    #[test]
    fn windows_of_fixtures() {
        let ctx = super::Context {
            reference: crate::date::Date::new(2025, 7, 17),
        };
        for dir in ["fixtures", "fixtures/extra"] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension() != Some(std::ffi::OsStr::new("txt")) {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
                for &a in &starts {
                    for len in [9, 31, 80] {
                        let mut b = (a + len).min(text.len());
                        while !text.is_char_boundary(b) {
                            b -= 1;
                        }
                        let w = &text[a..b];
                        for c in super::find(w, &ctx) {
                            assert!(
                                w.is_char_boundary(c.range.start)
                                    && w.is_char_boundary(c.range.end)
                            );
                        }
                        for d in crate::semantics::deadlines::find(w, &ctx) {
                            assert!(
                                w.is_char_boundary(d.range.start)
                                    && w.is_char_boundary(d.range.end)
                            );
                        }
                        for m in crate::date::find(w, ctx.reference) {
                            assert!(
                                w.is_char_boundary(m.span.start) && w.is_char_boundary(m.span.end)
                            );
                        }
                    }
                }
            }
        }
    }
}
