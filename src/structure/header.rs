//! The header: issuing body, number, place and date, kind, abstract, recipients.
//! Also the metadata of a press rendition, which has no header of its own.

use std::ops::Range;

use crate::date::Date;
use crate::keys::starts_with_folded;
use crate::layout::{is_caps, Layout, LineKind};
use crate::model::{Kind, Meta, Signer};

/// Kind lines as printed, and the kind each names.
const KIND_LINES: [(&str, Kind); 8] = [
    ("CÔNG ĐIỆN", Kind::CongDien),
    ("THÔNG BÁO", Kind::ThongBao),
    ("NGHỊ QUYẾT", Kind::NghiQuyet),
    ("CHỈ THỊ", Kind::ChiThi),
    ("CÔNG VĂN", Kind::CongVan),
    ("KẾ HOẠCH", Kind::KeHoach),
    ("QUYẾT ĐỊNH", Kind::QuyetDinh),
    ("BÁO CÁO", Kind::BaoCao),
];

/// Kind codes in a document symbol (`268/NQ-CP`), and the kind each names.
const KIND_CODES: [(&str, Kind); 7] = [
    ("CĐ", Kind::CongDien),
    ("TB", Kind::ThongBao),
    ("NQ", Kind::NghiQuyet),
    ("CT", Kind::ChiThi),
    ("KH", Kind::KeHoach),
    ("QĐ", Kind::QuyetDinh),
    ("BC", Kind::BaoCao),
];

/// The national motto: `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` / `Độc lập - Tự do - Hạnh phúc`,
/// at the start of a line or after the issuer on the same line.
fn is_motto(line: &str) -> bool {
    starts_with_folded(line, "cong hoa xa hoi")
        || starts_with_folded(line, "doc lap - tu do")
        || starts_with_folded(line, "chu nghia viet nam")
        || line.contains("CỘNG HÒA XÃ HỘI")
        || line.contains("CỘNG HOÀ XÃ HỘI")
}

/// The index of the line where the document proper begins: the issuing body
/// above the national motto. Text further up (a crawled page's summary) is
/// not part of the document.
pub(crate) fn document_start(layout: &Layout<'_>) -> usize {
    let text = layout.text;
    let Some(motto) = layout
        .lines
        .iter()
        .take(400)
        .position(|l| l.kind == LineKind::Text && is_motto(l.content(text)))
    else {
        return 0;
    };
    let mut start = motto;
    let mut seen = 0;
    for i in (0..motto).rev() {
        let l = &layout.lines[i];
        match l.kind {
            LineKind::Blank | LineKind::PageNumber => continue,
            _ if is_caps(l.content(text)) && seen < 4 => {
                start = i;
                seen += 1;
            }
            _ => break,
        }
    }
    start
}

/// The header's lines: from the document start to the first body block.
fn header_lines(layout: &Layout<'_>, doc_start: usize, body_start: usize) -> Range<usize> {
    let end = layout
        .blocks
        .get(body_start)
        .map_or(layout.lines.len(), |b| b.lines.start);
    doc_start..end.max(doc_start)
}

/// Read the metadata the header holds.
pub(crate) fn read(layout: &Layout<'_>, doc_start: usize, body_start: usize) -> Meta {
    let text = layout.text;
    let lines = &layout.lines[header_lines(layout, doc_start, body_start)];
    let mut meta = Meta {
        encoding: "utf-8".to_string(),
        ..Meta::default()
    };
    // Joined header text, one line per row, for patterns that wrap.
    let contents: Vec<&str> = lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Text | LineKind::PageNumber))
        .map(|l| l.content(text))
        .collect();

    meta.number = contents.iter().find_map(|c| number_after_so(c));
    if let Some((place, date)) = place_and_date(&contents) {
        meta.place = place;
        meta.date = date;
    }
    let mut kind_at = None;
    for (i, c) in contents.iter().enumerate() {
        if let Some((pos, kind)) = kind_line(c) {
            meta.kind = kind;
            kind_at = Some((i, pos));
            break;
        }
    }
    meta.title = kind_at.and_then(|(i, pos)| abstract_after(&contents, i, pos));
    if meta.title.is_none() {
        meta.title = contents.iter().find_map(|c| {
            let at = c.find("V/v ").or_else(|| c.find("V/V "))?;
            Some(c[at + 4..].trim().trim_end_matches('.').to_string())
        });
    }
    meta.issuer = issuer(layout, doc_start);
    read_recipients(&contents, &mut meta);
    if meta.kind == Kind::Unknown {
        if let Some(kind) = meta.number.as_deref().and_then(kind_from_number) {
            meta.kind = kind;
        } else if !meta.recipients.is_empty()
            || contents.iter().any(|c| {
                c.starts_with("V/v") || (c.contains("Kính gửi") && !c.contains("Đồng kính gửi"))
            })
        {
            meta.kind = Kind::CongVan;
        }
    }
    meta
}

/// `Số: 268/NQ-CP` -> `268/NQ-CP`; spaces inside a symbol are removed (`§Ø0 /TCT-TTr`).
fn number_after_so(line: &str) -> Option<String> {
    let at = line
        .find("Số:")
        .map(|i| i + "Số:".len())
        .or_else(|| line.find("Số :").map(|i| i + "Số :".len()))?;
    let mut tokens = line[at..].split_whitespace().peekable();
    let mut out = String::from(tokens.next()?);
    while let Some(t) = tokens.peek() {
        if t.starts_with('/') || out.ends_with('/') || out.ends_with('-') {
            out.push_str(t);
            tokens.next();
        } else {
            break;
        }
    }
    let out = out.trim_end_matches([',', ';', '.']).to_string();
    (out.chars().any(|c| c.is_alphanumeric()) && out.len() > 1).then_some(out)
}

/// `Hà Nội, ngày 31 tháng 8 năm 2025`, possibly wrapped over two lines.
fn place_and_date(contents: &[&str]) -> Option<(Option<String>, Option<Date>)> {
    for (i, line) in contents.iter().enumerate() {
        let Some(at) = line.find(", ngày").or_else(|| line.find(",ngày")) else {
            continue;
        };
        let mut rest = line[at..].trim_start_matches(',').to_string();
        if let Some(next) = contents.get(i + 1) {
            rest.push(' ');
            rest.push_str(next);
        }
        let words: Vec<&str> = rest.split_whitespace().collect();
        // ngày D tháng M năm Y
        if words.len() < 6 || words[0] != "ngày" || words[2] != "tháng" || words[4] != "năm" {
            continue;
        }
        let year: Option<i32> = words[5].get(..4).and_then(|y| y.parse().ok());
        let date = match (words[1].parse::<u8>(), words[3].parse::<u8>(), year) {
            (Ok(d), Ok(m), Some(y)) => Date::new(y, m, d),
            _ => None,
        };
        return Some((place_before(&line[..at]), date));
    }
    None
}

/// The place names right before `, ngày`: up to four words, capitalized
/// (the first word of a line may be garbled lower case).
fn place_before(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let place_word =
        |w: &str| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-');
    // A line that holds only the place (`Thành phố Hồ Chí Minh, ngày ...`) gives all of it.
    if (1..=6).contains(&words.len()) && words.iter().all(|w| place_word(w.trim_start_matches('*')))
    {
        return Some(words.join(" ").trim_start_matches('*').to_string());
    }
    let mut take = 0;
    for (k, w) in words.iter().enumerate().rev() {
        let w = w.trim_start_matches('*');
        let ok = place_word(w) && (w.starts_with(char::is_uppercase) || k == 0);
        if !ok || take == 4 {
            break;
        }
        take += 1;
    }
    let place = words[words.len() - take..].join(" ");
    let place = place.trim_start_matches('*').to_string();
    (!place.is_empty()).then_some(place)
}

/// A kind line (`CÔNG ĐIỆN`, `**CHỈ THỊ**`, `... QUYẾT ĐỊNH V/V ...`): its byte position and kind.
fn kind_line(line: &str) -> Option<(usize, Kind)> {
    let mut best: Option<(usize, Kind)> = None;
    for (word, kind) in KIND_LINES {
        let mut from = 0;
        while let Some(pos) = line[from..].find(word).map(|p| p + from) {
            from = pos + word.len();
            let before_ok = line[..pos]
                .chars()
                .next_back()
                .map_or(true, |c| c.is_whitespace() || c == '*');
            let after = &line[pos + word.len()..];
            let after_ok = after
                .chars()
                .next()
                .map_or(true, |c| c.is_whitespace() || c == '*');
            // `THÔNG BÁO` inside a sentence in capitals (`... KẾT LUẬN ...`) still counts;
            // a kind word inside a longer capitalized word does not.
            if before_ok && after_ok && best.map_or(true, |(p, _)| pos < p) {
                best = Some((pos, kind));
                break;
            }
        }
    }
    best
}

fn kind_from_number(number: &str) -> Option<Kind> {
    let code = number.split('/').nth(1)?;
    let head = code.split('-').next()?;
    KIND_CODES.iter().find(|(c, _)| *c == head).map(|&(_, k)| k)
}

/// The abstract after the kind line: the rest of that line, or the lines below it.
fn abstract_after(contents: &[&str], i: usize, pos: usize) -> Option<String> {
    let line = contents[i];
    let mut out = String::new();
    let tail = line[pos..]
        .trim_start_matches(|c: char| !c.is_whitespace())
        .trim();
    let tail = strip_kind_word(tail);
    if !tail.is_empty() {
        out.push_str(tail);
        return Some(
            out.trim_start_matches("V/v ")
                .trim_start_matches("V/V ")
                .to_string(),
        );
    }
    for next in contents.iter().skip(i + 1).take(6) {
        if next.ends_with("điện:")
            || (next.starts_with(char::is_uppercase) && is_paragraph(next))
            || starts_with_folded(next, "kinh gui")
            || starts_with_folded(next, "can cu")
            || starts_with_folded(next, "thuc hien")
            || next.contains(", ngày ")
            || next.starts_with("Số:")
            || crate::grammar::marker::parse(next).is_some()
        {
            break;
        }
        // An abstract in capitals ends where running text begins.
        if !out.is_empty() && is_caps(&out) && !is_caps(next) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(next);
        if next.len() > 200 {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn strip_kind_word(s: &str) -> &str {
    // `CÔNG ĐIỆN` is two words; after the first is gone the second may remain.
    for (word, _) in KIND_LINES {
        let second = word.split_once(' ').map_or("", |x| x.1);
        if let Some(rest) = s.strip_prefix(second) {
            return rest.trim_start_matches('*').trim();
        }
    }
    s.trim_start_matches('*').trim()
}

/// The issuing body: the lines in capitals above the national motto.
fn issuer(layout: &Layout<'_>, doc_start: usize) -> Option<String> {
    let text = layout.text;
    let mut parts = Vec::new();
    for l in layout.lines.iter().skip(doc_start).take(8) {
        let c = l.content(text);
        // The issuer stands above the number, the date and the kind line.
        if c.contains("Số:") || c.contains(", ngày") || kind_line(c).is_some() {
            break;
        }
        if is_motto(c) {
            // A one-line header: `ỦY BAN NHÂN DÂN TỈNH X ------- CỘNG HÒA ...`.
            if parts.is_empty() {
                if let Some(at) = c.find("CỘNG HÒA") {
                    let head = c[..at].trim_matches(|ch: char| ch == '-' || ch.is_whitespace());
                    if !head.is_empty() && is_caps(head) {
                        parts.push(head.to_string());
                    }
                }
            }
            break;
        }
        if l.kind != LineKind::Text {
            continue;
        }
        let c = c.trim_end_matches(|ch: char| ch == '-' || ch.is_whitespace());
        if is_caps(c) && !c.contains('(') {
            parts.push(c.to_string());
        } else {
            // A crawled title line ending in the issuer: `... BỘ Y TẾ -------`.
            let tail: Vec<&str> = c
                .split_whitespace()
                .rev()
                .take_while(|w| is_caps(w) || w.chars().all(|ch| ch.is_uppercase()))
                .collect();
            if tail.len() >= 2 {
                parts.push(tail.into_iter().rev().collect::<Vec<_>>().join(" "));
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// `Kính gửi: X` (or a dash list under it, or under `... điện:`), and `Đồng kính gửi: Y`.
fn read_recipients(contents: &[&str], meta: &mut Meta) {
    let mut listing = false;
    for c in contents {
        // A letter's address may follow other header text on the same line.
        let c = match c.find("Kính gửi") {
            Some(at) if at > 0 && !c[..at].trim_end().ends_with("Đồng") => &c[at..],
            _ => c,
        };
        if let Some(rest) = after_label(c, "dong kinh gui") {
            if !rest.is_empty() {
                meta.cc.push(clean_item(rest));
            }
            listing = false;
        } else if let Some(rest) = after_label(c, "kinh gui") {
            if !rest.is_empty() {
                meta.recipients.push(clean_item(rest));
            }
            listing = true;
        } else if c.ends_with("điện:") {
            listing = true;
        } else if listing && (c.starts_with('-') || c.starts_with('–')) {
            meta.recipients
                .push(clean_item(c.trim_start_matches(['-', '–']).trim()));
        } else if listing
            && !meta.recipients.is_empty()
            && !crate::layout::ends_sentence(meta.recipients.last().map_or("", |s| s))
            && c.starts_with(char::is_lowercase)
        {
            if let Some(last) = meta.recipients.last_mut() {
                last.push(' ');
                last.push_str(clean_item(c).as_str());
            }
        } else if listing && !meta.recipients.is_empty() {
            listing = false;
        }
    }
}

fn after_label<'s>(c: &'s str, label: &str) -> Option<&'s str> {
    if !starts_with_folded(c, label) {
        return None;
    }
    let colon = c.find(':')?;
    Some(c[colon + 1..].trim())
}

fn clean_item(s: &str) -> String {
    // A run-on line (`Kính gửi: X Thực hiện Luật ...`) ends the address where a sentence starts.
    const OPENERS: [&str; 5] = [" Thực hiện ", " Căn cứ ", " Theo ", " Để ", " Trong "];
    let end = OPENERS
        .iter()
        .filter_map(|o| s.find(o))
        .min()
        .unwrap_or(s.len());
    s[..end]
        .trim()
        .trim_end_matches([';', '.', ','])
        .trim()
        .to_string()
}

/// The preamble's blocks: after the header's own blocks, before the body.
pub(crate) fn preamble_blocks(
    layout: &Layout<'_>,
    doc_start: usize,
    body_start: usize,
) -> Range<usize> {
    let first = layout
        .blocks
        .iter()
        .position(|b| b.lines.start >= doc_start)
        .unwrap_or(layout.blocks.len());
    let end = body_start.min(layout.blocks.len());
    let mut start = first;
    for (i, b) in layout.blocks.iter().enumerate().take(end).skip(first) {
        if is_paragraph(&b.text.text) {
            start = i;
            break;
        }
        start = i + 1;
    }
    start.min(end)..end
}

/// A block that reads as running text rather than a header line.
fn is_paragraph(s: &str) -> bool {
    const OPENERS: [&str; 10] = [
        "can cu",
        "thuc hien",
        "theo ",
        "de ",
        "xet ",
        "tren co so",
        "trong ",
        "ngay ",
        "sau khi",
        "thoi gian",
    ];
    OPENERS.iter().any(|k| starts_with_folded(s, k)) || (s.chars().count() > 160 && !is_caps(s))
}

/// A press rendition: no header of its own, and a report that a document was signed.
pub(crate) fn is_news(layout: &Layout<'_>) -> bool {
    layout
        .blocks
        .iter()
        .take(6)
        .any(|b| news_match(&b.text.text).is_some())
}

/// Metadata of a press rendition, read from its report of the signing.
pub(crate) fn read_news(layout: &Layout<'_>, meta: &mut Meta) {
    for b in layout.blocks.iter().take(6) {
        if let Some(n) = news_match(&b.text.text) {
            meta.kind = Kind::News;
            meta.number = meta.number.take().or(n.number);
            meta.date = meta.date.or(n.date);
            if meta.signer.is_none() {
                meta.signer = n.signer.map(|name| Signer {
                    name: Some(name),
                    ..Signer::default()
                });
            }
            return;
        }
    }
}

struct NewsReport {
    number: Option<String>,
    date: Option<Date>,
    signer: Option<String>,
}

/// `Thủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện số 111/CĐ-TTg ngày 17/7/2025`.
fn news_match(s: &str) -> Option<NewsReport> {
    let at = ["vừa ký", "vừa ban hành", "đã ký ban hành"]
        .iter()
        .find_map(|k| s.find(k).map(|i| (i, k.len())))?;
    let (pos, len) = at;
    let after = &s[pos + len..];
    let words: Vec<&str> = after.split_whitespace().take(8).collect();
    let mut number = None;
    let mut date = None;
    for (i, w) in words.iter().enumerate() {
        if number.is_none() && w.contains('/') && w.chars().any(|c| c.is_ascii_digit()) && i < 5 {
            number = Some(w.trim_end_matches([',', '.', ';']).to_string());
        }
        if *w == "ngày" {
            if let Some(d) = words.get(i + 1) {
                let parts: Vec<&str> = d.trim_end_matches([',', '.', ';']).split('/').collect();
                if let [d, m, y] = parts[..] {
                    if let (Ok(d), Ok(m), Ok(y)) = (d.parse(), m.parse(), y.parse()) {
                        date = Date::new(y, m, d);
                    }
                }
            }
            break;
        }
    }
    let before: Vec<&str> = s[..pos].split_whitespace().collect();
    let name: Vec<&str> = before
        .iter()
        .rev()
        .take_while(|w| is_title_case(w))
        .copied()
        .collect();
    let signer = (2..=5)
        .contains(&name.len())
        .then(|| name.into_iter().rev().collect::<Vec<_>>().join(" "));
    (number.is_some() || date.is_some()).then_some(NewsReport {
        number,
        date,
        signer,
    })
}

/// `Phạm`, `Chính`: one capital then lower case.
pub(crate) fn is_title_case(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().count() > 0
        && chars.all(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(
            number_after_so("Số: 268/NQ-CP").as_deref(),
            Some("268/NQ-CP")
        );
        assert_eq!(
            number_after_so("Số: §Ø0 /TCT-TTr").as_deref(),
            Some("§Ø0/TCT-TTr")
        );
        assert_eq!(
            number_after_so("Số: 6087/BYT-KCB V/v thực hiện").as_deref(),
            Some("6087/BYT-KCB")
        );
        assert_eq!(
            number_after_so("Số: 435/QĐ-UBND Kon Tum, ngày").as_deref(),
            Some("435/QĐ-UBND")
        );
    }

    #[test]
    fn places_and_dates() {
        let (p, d) = place_and_date(&["Hà Nội, ngày 31 tháng 8 năm 2025"]).unwrap();
        assert_eq!(p.as_deref(), Some("Hà Nội"));
        assert_eq!(d, Date::new(2025, 8, 31));
        let (p, d) =
            place_and_date(&["Số: 435/QĐ-UBND Kon Tum, ngày 04 tháng 5 năm 2020 QUYẾT ĐỊNH"])
                .unwrap();
        assert_eq!(p.as_deref(), Some("Kon Tum"));
        assert_eq!(d, Date::new(2020, 5, 4));
        let (p, d) = place_and_date(&["là Nội, ngày AF tháng 4Ô năm 2016"]).unwrap();
        assert_eq!(p.as_deref(), Some("là Nội"));
        assert_eq!(d, None);
        let (p, _) = place_and_date(&["Thành phố Hồ Chí Minh, ngày 2 tháng 9 năm 2025"]).unwrap();
        assert_eq!(p.as_deref(), Some("Thành phố Hồ Chí Minh"));
        let (p, d) = place_and_date(&["Hà Nội, ngày 26", "tháng 11 năm 2025"]).unwrap();
        assert_eq!(p.as_deref(), Some("Hà Nội"));
        assert_eq!(d, Date::new(2025, 11, 26));
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_line("CÔNG ĐIỆN").map(|x| x.1), Some(Kind::CongDien));
        assert_eq!(kind_line("QUYẾT NGHỊ:"), None);
        assert_eq!(
            kind_line("2013 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH").map(|x| x.1),
            Some(Kind::QuyetDinh)
        );
        assert_eq!(kind_from_number("268/NQ-CP"), Some(Kind::NghiQuyet));
        assert_eq!(kind_from_number("6087/BYT-KCB"), None);
    }

    #[test]
    fn news() {
        let n = news_match("Thủ tướng Chính phủ Phạm Minh Chính vừa ký Công điện số 111/CĐ-TTg ngày 17/7/2025 yêu cầu").unwrap();
        assert_eq!(n.number.as_deref(), Some("111/CĐ-TTg"));
        assert_eq!(n.date, Date::new(2025, 7, 17));
        assert_eq!(n.signer.as_deref(), Some("Phạm Minh Chính"));
    }
}
