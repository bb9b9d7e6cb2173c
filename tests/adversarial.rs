//! Hostile and degenerate inputs: each parses without a panic, gives valid
//! JSON that round-trips through `serde_json::Value`, and keeps every span
//! (nodes, actions, deadlines, citations) inside the input and, for UTF-8
//! input, on character boundaries. Sizes stay modest so the debug-mode test
//! run is quick; the issue's full sizes are `#[ignore]`d tests (run them with
//! `cargo test --release --test adversarial -- --ignored`) and
//! `benches/linear.rs` times them.

use chidao::{Document, Node, Parser, Span};
use proptest::prelude::*;

/// The input as given, and as text when it is valid UTF-8 (checked once).
struct Input<'a> {
    bytes: &'a [u8],
    text: Option<&'a str>,
}

fn check_span(input: &Input, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= input.bytes.len(),
        "{what} span {span:?} outside 0..{}",
        input.bytes.len()
    );
    if let Some(text) = input.text {
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what} span {span:?} inside a character"
        );
    }
}

fn check_node(input: &Input, n: &Node) {
    check_span(input, n.span, "node");
    n.actions
        .iter()
        .for_each(|a| check_span(input, a.span, "action"));
    n.deadlines
        .iter()
        .for_each(|d| check_span(input, d.span, "deadline"));
    n.children.iter().for_each(|c| check_node(input, c));
}

/// Parses `input` leniently and checks every invariant; `None` when the
/// parser refuses the input (which it may only do with an error, not a panic).
fn check(input: &[u8]) -> Option<Document> {
    let doc = Parser::new().parse_bytes(input).ok()?;
    check_doc(input, &doc);
    Some(doc)
}

fn check_doc(input: &[u8], doc: &Document) {
    let json = doc.to_json();
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["schema"], "chidao/1");
    let again: serde_json::Value =
        serde_json::from_str(&value.to_string()).expect("re-serialized JSON");
    assert_eq!(value, again, "JSON round-trips through serde_json::Value");
    let pretty: serde_json::Value =
        serde_json::from_str(&doc.to_json_pretty()).expect("valid pretty JSON");
    assert_eq!(value, pretty, "compact and pretty JSON say the same");
    let input = Input {
        bytes: input,
        text: std::str::from_utf8(input).ok(),
    };
    doc.sections.iter().for_each(|s| check_node(&input, s));
    doc.citations
        .iter()
        .for_each(|c| check_span(&input, c.span, "citation"));
}

fn depth(n: &Node) -> usize {
    1 + n.children.iter().map(depth).max().unwrap_or(0)
}

#[test]
fn empty_and_blank() {
    for input in [
        &b""[..],
        b" ",
        b"\n\n\n",
        b"\t \r\n \r",
        "\u{feff}".as_bytes(),
        "\u{feff}\n".as_bytes(),
    ] {
        let doc = check(input).expect("parses");
        assert!(doc.sections.is_empty());
    }
}

#[test]
fn one_long_line() {
    let line = "Bộ Tài chính rà soát, hoàn thành trước ngày 20/7/2025; ".repeat(20_000);
    let doc = check(line.as_bytes()).expect("parses");
    assert!(doc.sections.is_empty() || doc.sections.iter().all(|s| depth(s) < 4));
}

#[test]
fn many_lines_of_markers() {
    let mut s = String::new();
    for i in 0..5_000 {
        s.push_str(
            [
                "I. MỤC ĐÍCH\n",
                "1. Sở Y tế.\n",
                "a) Rà soát.\n",
                "- Một.\n",
                "+ Hai.\n",
                "1.1. Ba.\n",
            ][i % 6],
        );
    }
    let doc = check(s.as_bytes()).expect("parses");
    assert!(doc.sections.iter().map(depth).max().unwrap_or(0) <= 10);
}

#[test]
fn deeply_nested_looking_markers() {
    let deep: String = (1..=200)
        .map(|n| format!("{}. x\n", vec!["1"; n % 7 + 1].join(".")))
        .collect();
    let doc = check(deep.as_bytes()).expect("parses");
    assert!(doc.sections.iter().map(depth).max().unwrap_or(0) <= 10);
    let letters: String = (0..2_000)
        .map(|i| format!("{}) y\n", ['a', 'b', 'c'][i % 3]))
        .collect();
    check(letters.as_bytes()).expect("parses");
}

#[test]
fn random_and_truncated_bytes() {
    // A fixed pseudo-random stream (no clock, no RNG crate): the same bytes every run.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..50_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let _ = check(&noise);
    let text = "Hà Nội, ngày 31 tháng 8 năm 2025\n1. Bộ Công an chỉ đạo:\n".as_bytes();
    for cut in 0..text.len() {
        let _ = check(&text[..cut]);
    }
}

#[test]
fn mixed_line_endings_and_bom() {
    let s = "\u{feff}I. VỀ THỂ CHẾ\r\n1. Sở Y tế.\r2. Sở Tư pháp.\n\r\na) Rà soát.";
    let doc = check(s.as_bytes()).expect("parses");
    let mut paths = Vec::new();
    doc.walk(&mut |n| paths.push(n.path.clone().unwrap_or_default()));
    assert_eq!(paths, ["I", "I.1", "I.2", "I.2.a"]);
    // Spans point into the bytes as given, BOM included.
    let item = &doc.sections[0].children[0];
    assert_eq!(&s.as_bytes()[item.span.start..item.span.start + 2], b"1.");
}

#[test]
fn the_corpus_repeated() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let text = std::fs::read_to_string(format!("{dir}/000_aa46266532e5757a.txt")).expect("fixture");
    let once = check(text.as_bytes()).expect("parses");
    let many = text.repeat(10);
    let doc = check(many.as_bytes()).expect("parses");
    let count = |d: &Document| {
        let mut n = 0;
        d.walk(&mut |_| n += 1);
        n
    };
    assert!(
        count(&doc) >= count(&once),
        "a repeated document keeps at least one copy's nodes"
    );
}

/// Lines that look like directive text: markers of every kind, dates,
/// assignee lines, footnote-like lines, noise.
fn directive_line() -> impl Strategy<Value = String> {
    let marker = prop_oneof![
        Just(String::new()),
        (1u32..30).prop_map(|n| format!("{n}. ")),
        (1usize..8).prop_map(|n| format!("{}. ", vec!["1"; n].join("."))),
        prop::sample::select(vec![
            "I. ",
            "XX. ",
            "a) ",
            "đ) ",
            "- ",
            "+ ",
            "Điều 3. ",
            "3/ "
        ])
        .prop_map(String::from),
    ];
    let body = prop_oneof![
        Just("Bộ Công an chủ trì, phối hợp với Bộ Y tế rà soát".to_string()),
        Just("hoàn thành trước ngày 20/7/2025".to_string()),
        Just("Hà Nội, ngày 31 tháng 8 năm 2025".to_string()),
        Just("Nơi nhận:".to_string()),
        Just("1 Nghị quyết số 57-NQ/TW".to_string()),
        Just("**II. NHIỆM VỤ".to_string()),
        "[a-zA-Z0-9ÀÁẢÃẠĂÂĐƯƠàáảãạăâđươộờ .,:;()/\\-]{0,40}",
        any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ];
    (marker, body).prop_map(|(m, b)| m + &b)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_to_valid_json(s in any::<String>()) {
        let doc = chidao::parse(&s).expect("no limit is reached");
        check_doc(s.as_bytes(), &doc);
    }

    #[test]
    fn directive_like_text_parses_to_valid_json(
        lines in prop::collection::vec(directive_line(), 0..60),
        ending in prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n"]),
        bom in any::<bool>(),
    ) {
        let mut s = if bom { "\u{feff}".to_string() } else { String::new() };
        s.push_str(&lines.join(ending));
        let doc = chidao::parse(&s).expect("no limit is reached");
        check_doc(s.as_bytes(), &doc);
    }

    #[test]
    fn any_bytes_parse_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..600), strict in any::<bool>()) {
        if let Ok(doc) = Parser::new().strict(strict).parse_bytes(&bytes) {
            check_doc(&bytes, &doc);
        }
    }
}

/// The issue's full sizes; slow in debug mode, so run them in release.
mod full_size {
    use super::*;

    #[test]
    #[ignore = "5 MB; run with --release -- --ignored"]
    fn a_five_megabyte_line() {
        let unit = "Bộ Tài chính rà soát, hoàn thành trước ngày 20/7/2025; ";
        let line = unit.repeat(5_000_000 / unit.len() + 1);
        check(line.as_bytes()).expect("parses");
    }

    #[test]
    #[ignore = "50,000 lines; run with --release -- --ignored"]
    fn fifty_thousand_lines_of_markers() {
        let lines = [
            "I. MỤC ĐÍCH",
            "1. Sở Y tế.",
            "a) Rà soát.",
            "- Một.",
            "+ Hai.",
            "1.1. Ba.",
        ];
        let s: String = (0..50_000).map(|i| format!("{}\n", lines[i % 6])).collect();
        check(s.as_bytes()).expect("parses");
    }

    #[test]
    #[ignore = "about 11 MB; run with --release -- --ignored"]
    fn the_whole_corpus_repeated_a_hundred_times() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        names.sort();
        let corpus: String = names
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect::<Vec<_>>()
            .join("\n");
        let text = corpus.repeat(100);
        check(text.as_bytes()).expect("parses");
    }
}
