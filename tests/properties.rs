//! Invariants that hold for any input: `parse` never panics, spans lie on
//! character boundaries inside the input, children sit inside the document.

use chidao::{Document, Node, Span};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn check_span(input: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what}: start {} after end {}",
        span.start,
        span.end
    );
    assert!(
        span.end <= input.len(),
        "{what}: end {} past input length {}",
        span.end,
        input.len()
    );
    assert!(
        input.is_char_boundary(span.start),
        "{what}: start {} inside a character",
        span.start
    );
    assert!(
        input.is_char_boundary(span.end),
        "{what}: end {} inside a character",
        span.end
    );
}

fn check_node(input: &str, lines: usize, node: &Node) {
    check_span(input, node.span, "node");
    assert!(
        node.line >= 1 && node.line <= lines.max(1),
        "line {} out of 1..={lines}",
        node.line
    );
    for d in &node.deadlines {
        check_span(input, d.span, "deadline");
        let spanned: String = input[d.span.start..d.span.end].nfc().collect();
        assert_eq!(
            &spanned.split_whitespace().collect::<Vec<_>>().join(" "),
            &d.text.split_whitespace().collect::<Vec<_>>().join(" "),
            "deadline text is the input it spans"
        );
    }
    for a in &node.actions {
        check_span(input, a.span, "action");
    }
    for c in &node.children {
        check_node(input, lines, c);
    }
}

fn check_doc(input: &str, doc: &Document) {
    // Lines end at LF, CRLF or a lone CR.
    let lines = input.replace("\r\n", "\n").split(['\n', '\r']).count();
    for s in &doc.sections {
        check_node(input, lines, s);
    }
    for c in &doc.citations {
        check_span(input, c.span, "citation");
    }
    let json: serde_json::Value =
        serde_json::from_str(&doc.to_json()).expect("output is valid JSON");
    assert_eq!(json["schema"], "chidao/1");
}

/// Lines that look like the parts of a directive, in any order.
fn directive_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("I. VỀ HỆ THỐNG THÔNG TIN".to_string()),
        Just("II. TỔ CHỨC THỰC HIỆN".to_string()),
        Just("1. Bộ trưởng Bộ Công an chỉ đạo:".to_string()),
        Just("2. Về thể chế, cơ chế chính sách".to_string()),
        Just(
            "a) Rà soát, khắc phục các lỗi. Hoàn thành trước ngày 20 tháng 7 năm 2025.".to_string()
        ),
        Just("đ) Phối hợp với Bộ Khoa học và Công nghệ".to_string()),
        Just("- Ủy ban nhân dân các tỉnh chủ trì, phối hợp với Sở Tư pháp".to_string()),
        Just("+ Tập trung kêu gọi".to_string()),
        Just("1.1. Rà soát".to_string()),
        Just("Điều 1.".to_string()),
        Just("Nơi nhận:".to_string()),
        Just("TM. ỦY BAN NHÂN DÂN".to_string()),
        Just("Số: 268/NQ-CP".to_string()),
        Just("Hà Nội, ngày 31 tháng 8 năm 2025".to_string()),
        Just("Tô Lâm1, Quốc hội2".to_string()),
        Just("1 Nghị quyết số 57-NQ/TW ngày 22/12/2024".to_string()),
        Just("Kế hoạch số 02-".to_string()),
        Just("KH/BCĐTW ngày 19/6/2025".to_string()),
        Just("24/7 phục vụ".to_string()),
        Just("**I. TÌNH HÌNH".to_string()),
        Just("ĐỊA PHƯƠNG**".to_string()),
        Just("4".to_string()),
        Just("".to_string()),
        Just(" ".to_string()),
        "[a-zđ0-9ạ-ỹ \\t.:;,()*/+-]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_any_string(s in any::<String>()) {
        let doc = chidao::parse(&s).expect("no size limit reached");
        check_doc(&s, &doc);
    }

    #[test]
    fn parse_never_panics_on_directive_like_text(lines in prop::collection::vec(directive_line(), 0..40), crlf in any::<bool>()) {
        let s = lines.join(if crlf { "\r\n" } else { "\n" });
        let doc = chidao::parse(&s).expect("no size limit reached");
        check_doc(&s, &doc);
    }

    #[test]
    fn parse_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = chidao::Parser::new().parse_bytes(&bytes);
    }
}

#[test]
fn spans_point_into_nfd_input() {
    let nfc = "I. VỀ THỂ CHẾ\n1. Bộ Tư pháp rà soát, hoàn thành trước ngày 20 tháng 7 năm 2025.\n";
    let nfd: String = nfc.nfd().collect();
    let doc = chidao::parse(&nfd).expect("parses");
    check_doc(&nfd, &doc);
    let item = &doc.sections[0].children[0];
    assert_eq!(item.path.as_deref(), Some("I.1"));
    assert!(nfd[item.span.start..item.span.end].starts_with('1'));
}

#[test]
fn tone_style_changes_no_structure_or_party() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    for name in [
        "000_aa46266532e5757a.txt",
        "003_23ebfd9ff675fd02.txt",
        "004_8977ae5ba22f7cfb.txt",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).expect("fixture");
        let shape = |style| {
            let doc = chidao::Parser::new()
                .tone_style(style)
                .parse(&text)
                .expect("parses");
            let mut out = Vec::new();
            doc.walk(&mut |n| {
                out.push((n.path.clone(), n.assignees.len(), n.deadlines.len(), n.span))
            });
            out
        };
        let preserved = shape(chidao::ToneStyle::Preserve);
        assert_eq!(preserved, shape(chidao::ToneStyle::Modern), "{name}");
        assert_eq!(preserved, shape(chidao::ToneStyle::Traditional), "{name}");
    }
}

#[test]
fn normalization_is_idempotent() {
    use chidao::normalize::{fold, nfc, place_tones};
    let samples = [
        "Uỷ ban nhân dân",
        "Ha\u{300} No\u{302}\u{323}i",
        "khoẻ, hoà, thuỷ",
        "Đà Nẵng – “TP.HCM”",
    ];
    for s in samples {
        let once = nfc(s).into_owned();
        assert_eq!(nfc(&once), once);
        assert_eq!(fold(&fold(s)), fold(s));
        for style in [chidao::ToneStyle::Modern, chidao::ToneStyle::Traditional] {
            let t = place_tones(&once, style).into_owned();
            assert_eq!(place_tones(&t, style), t);
        }
    }
}
