//! Hostile and degenerate inputs: each parses without a panic, gives valid
//! JSON, and keeps every span inside the input. Sizes stay modest so the
//! debug-mode test run is quick; `benches/linear.rs` covers the large ones.

use chidao::{Document, Node, Parser};

fn check(input: &[u8]) -> Option<Document> {
    let doc = Parser::new().parse_bytes(input).ok()?;
    let json: serde_json::Value = serde_json::from_str(&doc.to_json()).expect("valid JSON");
    assert_eq!(json["schema"], "chidao/1");
    fn spans(n: &Node, len: usize) {
        assert!(
            n.span.start <= n.span.end && n.span.end <= len,
            "span {:?} outside 0..{len}",
            n.span
        );
        n.children.iter().for_each(|c| spans(c, len));
    }
    doc.sections.iter().for_each(|s| spans(s, input.len()));
    Some(doc)
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
