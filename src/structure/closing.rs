//! The closing: `Nơi nhận:` list and signature block.

use super::header::is_title_case;
use crate::keys::starts_with_folded;
use crate::layout::{is_caps, Layout, LineKind};
use crate::model::Signer;

/// Capacity prefixes of a signature block (`TM. CHÍNH PHỦ`, `KT. THỦ TƯỚNG`).
const CAPACITIES: [&str; 5] = ["TM.", "KT.", "Q.", "TL.", "TUQ."];

/// Whether a block opens the closing: `Nơi nhận:` or a capacity line.
pub(crate) fn opens_closing(text: &str) -> bool {
    starts_with_folded(text, "noi nhan") || starts_capacity(text)
}

fn starts_capacity(text: &str) -> bool {
    CAPACITIES.iter().any(|c| {
        text.strip_prefix(c).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.chars().take(3).all(char::is_uppercase) && !rest.is_empty()
        })
    })
}

/// The first block at or after `from` that opens the closing.
pub(crate) fn closing_start(layout: &Layout<'_>, from: usize) -> Option<usize> {
    let from = from.min(layout.blocks.len());
    layout.blocks[from..]
        .iter()
        .position(|b| b.marker.is_none() && opens_closing(&b.text.text))
        .map(|i| from + i)
}

/// The signer, read from the lines from block `at` on: the first name in
/// Title Case (two to five words) after a title in capitals, outside the
/// `Nơi nhận:` list.
pub(crate) fn signer(layout: &Layout<'_>, at: usize) -> Option<Signer> {
    let text = layout.text;
    let first_line = layout.blocks.get(at)?.lines.start;
    let mut in_list = false;
    let mut capacity: Vec<String> = Vec::new();
    let mut title: Option<String> = None;
    for l in &layout.lines[first_line..] {
        if l.kind != LineKind::Text {
            continue;
        }
        let c = l.content(text);
        if starts_with_folded(c, "noi nhan") {
            in_list = true;
            // `Nơi nhận: ... KT.TONG CUC TRUONG` on one line: keep reading it.
        }
        if c.starts_with(['-', '–', '+', '•']) {
            in_list = !c.trim_end().ends_with(['.', ';']);
            continue;
        }
        // A title in capitals ends the list even when its last item had no stop
        // (`Lưu: VT, TCCV (2). 66`); a wrapped item in capitals (`CĐS);`) does not.
        let title_line = is_caps(c.trim_matches('*')) && !c.contains([';', ',', ')', '(']);
        if in_list && (starts_capacity(c) || title_line) {
            // The signature block ends the list even when its last item has no stop.
            in_list = false;
        }
        if in_list {
            in_list = !c.trim_end().ends_with(['.', ';', ':']);
            if starts_with_folded(c, "noi nhan") {
                in_list = true;
            }
            continue;
        }
        // Scan the line's words: capitals make a title, then a Title Case run is the name.
        let words: Vec<&str> = c.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let w = words[i].trim_matches('*');
            if CAPACITIES.iter().any(|p| w.starts_with(p))
                || (is_caps(w) && w.chars().count() >= 2)
                || w == ","
            {
                // Collect the capitals run as title/capacity text.
                let start = i;
                while i < words.len() && {
                    let w = words[i].trim_matches('*');
                    is_caps(w)
                        || CAPACITIES.iter().any(|p| w.starts_with(p))
                        || w.chars().all(|ch| !ch.is_alphabetic())
                } {
                    i += 1;
                }
                let run = words[start..i]
                    .join(" ")
                    .trim_matches('*')
                    .trim()
                    .to_string();
                if !run.is_empty() {
                    split_capacity(&run, &mut capacity, &mut title);
                }
                continue;
            }
            if title.is_some() || !capacity.is_empty() {
                let start = i;
                while i < words.len() && is_title_case(words[i].trim_matches('*')) {
                    i += 1;
                }
                let n = i - start;
                let ends_ok = i == words.len() || !is_title_case(words[i]);
                if (2..=5).contains(&n) && ends_ok {
                    let name = words[start..i]
                        .iter()
                        .map(|w| w.trim_matches('*'))
                        .collect::<Vec<_>>()
                        .join(" ");
                    return Some(Signer {
                        name: Some(name),
                        title,
                        capacity: (!capacity.is_empty()).then(|| capacity.join("; ")),
                    });
                }
                if n == 0 {
                    i += 1;
                }
            } else {
                i += 1;
            }
        }
    }
    None
}

/// Split `TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH` into capacities and the title.
fn split_capacity(run: &str, capacity: &mut Vec<String>, title: &mut Option<String>) {
    let mut rest = run;
    while let Some(p) = CAPACITIES.iter().find(|p| rest.starts_with(*p)) {
        // The capacity runs to the next capacity prefix, or takes the whole
        // remaining run when it is the last line of capacities.
        let after = &rest[p.len()..];
        let next = CAPACITIES
            .iter()
            .filter_map(|q| after.find(&format!(" {q}")))
            .min();
        match next {
            Some(n) => {
                capacity.push(rest[..p.len() + n].trim().to_string());
                rest = after[n..].trim();
            }
            None => {
                capacity.push(rest.trim().to_string());
                rest = "";
            }
        }
    }
    let rest = rest.trim();
    if !rest.is_empty() {
        *title = Some(match title.take() {
            Some(t) if capacity.is_empty() => format!("{t} {rest}"),
            _ => rest.to_string(),
        });
    }
}

/// The `Nơi nhận:` list, one entry per dash item.
pub(crate) fn cc(layout: &Layout<'_>, at: usize) -> Vec<String> {
    let text = layout.text;
    let Some(first_line) = layout.blocks.get(at).map(|b| b.lines.start) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    let mut started = false;
    let mut open = false;
    for l in &layout.lines[first_line..] {
        if l.kind != LineKind::Text {
            continue;
        }
        let c = l.content(text);
        if starts_with_folded(c, "noi nhan") {
            started = true;
            continue;
        }
        if !started {
            continue;
        }
        if let Some(item) = c.strip_prefix(['-', '–', '•']) {
            out.push(item.trim().to_string());
            open = !item.trim_end().ends_with(['.', ';']);
        } else if open {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(c);
            }
            open = !c.trim_end().ends_with(['.', ';']);
        } else {
            break;
        }
    }
    out.iter()
        .map(|s| s.trim_end_matches([';', '.']).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signer_of(t: &str) -> Option<String> {
        let layout = crate::layout::lay_out(t);
        signer(&layout, 0).and_then(|s| s.name)
    }

    #[test]
    fn signature_blocks() {
        assert_eq!(signer_of("Nơi nhận:\n- Như trên;\n- VPCP: BTCN, PCN Phạm Mạnh Cường,\n  các Vụ: TCCV;\n- Lưu: VT.\n\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n").as_deref(), Some("Phạm Minh Chính"));
        assert_eq!(signer_of("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp CHƯƠNG TRÌNH HÀNH ĐỘNG").as_deref(), Some("Nguyễn Hữu Tháp"));
        assert_eq!(
            signer_of("Nơi nhận:\n- Lưu: VT, KCB.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Thị Xuyên")
                .as_deref(),
            Some("Nguyễn Thị Xuyên")
        );
        assert_eq!(signer_of("Noi nhận:ÿ . ; KT.TONG CUC TRUONG\n- Như trên; . PHO TONG CUC TRUONG\n- Luu: VT; TTr (3b). tụ"), None);
    }

    #[test]
    fn capacity_and_title() {
        let l = crate::layout::lay_out(
            "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Hòa Bình",
        );
        let s = signer(&l, 0).unwrap();
        assert_eq!(s.capacity.as_deref(), Some("TM. CHÍNH PHỦ; KT. THỦ TƯỚNG"));
        assert_eq!(s.title.as_deref(), Some("PHÓ THỦ TƯỚNG"));
    }
}
