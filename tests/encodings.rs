//! A corpus document rendered in another encoding parses, with the encoding
//! detected, to the same tree as the UTF-8 original.

use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];

/// A letter as (base with its vowel modifier, tone mark).
fn split_tone(c: char) -> (char, Option<char>) {
    let nfd: Vec<char> = c.to_string().nfd().collect();
    let tone = nfd.iter().copied().find(|m| TONES.contains(m));
    let base: String = nfd
        .iter()
        .filter(|m| !TONES.contains(m))
        .collect::<String>()
        .nfc()
        .collect();
    (base.chars().next().unwrap_or(c), tone)
}

/// Windows-1258 through Latin-1 where the code pages agree, and its own bytes elsewhere.
fn cp1258_byte(c: char) -> Option<u8> {
    let own = [
        ('Ă', 0xC3),
        ('\u{300}', 0xCC),
        ('Đ', 0xD0),
        ('\u{309}', 0xD2),
        ('Ơ', 0xD5),
        ('Ư', 0xDD),
        ('\u{303}', 0xDE),
        ('ă', 0xE3),
        ('\u{301}', 0xEC),
        ('đ', 0xF0),
        ('\u{323}', 0xF2),
        ('ơ', 0xF5),
        ('ư', 0xFD),
        ('–', 0x96),
        ('“', 0x93),
        ('”', 0x94),
        ('…', 0x85),
        ('‘', 0x91),
        ('’', 0x92),
    ];
    if let Some(&(_, b)) = own.iter().find(|(o, _)| *o == c) {
        return Some(b);
    }
    let cp = c as u32;
    let replaced = [
        0xC3, 0xCC, 0xD0, 0xD2, 0xD5, 0xDD, 0xDE, 0xE3, 0xEC, 0xF0, 0xF2, 0xF5, 0xFD, 0xFE,
    ];
    (cp < 0x80 || (0xA0..0x100).contains(&cp) && !replaced.contains(&cp)).then_some(cp as u8)
}

fn cp1258(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in text.chars() {
        match cp1258_byte(c) {
            Some(b) => out.push(b),
            None => {
                let (base, tone) = split_tone(c);
                out.push(cp1258_byte(base).unwrap_or(b'?'));
                if let Some(t) = tone.and_then(cp1258_byte) {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn viqr(text: &str) -> Vec<u8> {
    let mut out = String::new();
    for c in text.chars() {
        if !c.is_ascii() && !c.is_alphabetic() {
            // Punctuation VIQR has no form for becomes its ASCII look-alike.
            out.push(match c {
                '“' | '”' => '"',
                '‘' | '’' => '\'',
                '–' | '—' => '-',
                _ => ' ',
            });
            continue;
        }
        let (base, tone) = split_tone(c);
        for m in base.to_string().nfd() {
            match m {
                '\u{306}' => out.push('('),
                '\u{302}' => out.push('^'),
                '\u{31b}' => out.push('+'),
                'đ' => out.push_str("dd"),
                'Đ' => out.push_str("DD"),
                other => out.push(other),
            }
        }
        if let Some(t) = tone {
            out.push(match t {
                '\u{301}' => '\'',
                '\u{300}' => '`',
                '\u{309}' => '?',
                '\u{303}' => '~',
                _ => '.',
            });
        }
    }
    out.into_bytes()
}

/// Paths, lead and coordinating party names (NFC) and deadlines of every node.
fn shape(doc: &chidao::Document) -> Vec<(Option<String>, Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    doc.walk(&mut |n| {
        let parties = n
            .assignees
            .iter()
            .map(|a| a.name.nfc().collect::<String>())
            .collect();
        let deadlines = n
            .deadlines
            .iter()
            .map(|d| format!("{}:{}", d.kind.as_str(), d.value))
            .collect();
        out.push((n.path.clone(), parties, deadlines));
    });
    out
}

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("utf-8 fixture"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn nfd_and_cp1258_render_the_same_tree() {
    for (name, text) in corpus() {
        let original = shape(&chidao::parse(&text).expect("parses"));
        let nfd: String = text.nfd().collect();
        let from_nfd = chidao::Parser::new()
            .parse_bytes(nfd.as_bytes())
            .expect("parses");
        assert_eq!(from_nfd.meta.encoding, "utf-8", "{name}");
        assert_eq!(shape(&from_nfd), original, "NFD {name}");
        let bytes = cp1258(&text);
        assert_eq!(
            chidao::decode::detect(&bytes).encoding,
            chidao::Encoding::Cp1258,
            "{name}"
        );
        let from_cp = chidao::Parser::new().parse_bytes(&bytes).expect("parses");
        assert_eq!(from_cp.meta.encoding, "cp1258");
        assert_eq!(shape(&from_cp), original, "CP1258 {name}");
    }
}

#[test]
fn viqr_renders_the_same_structure_and_deadlines() {
    for (name, text) in corpus() {
        let original = chidao::parse(&text).expect("parses");
        let bytes = viqr(&text);
        assert_eq!(
            chidao::decode::detect(&bytes).encoding,
            chidao::Encoding::Viqr,
            "{name}"
        );
        let doc = chidao::Parser::new().parse_bytes(&bytes).expect("parses");
        assert_eq!(doc.meta.encoding, "viqr");
        let paths = |d: &chidao::Document| {
            let mut v = Vec::new();
            d.walk(&mut |n| {
                v.push((
                    n.path.clone(),
                    n.deadlines
                        .iter()
                        .map(|x| x.value.clone())
                        .collect::<Vec<_>>(),
                ))
            });
            v
        };
        assert_eq!(paths(&doc), paths(&original), "VIQR {name}");
    }
}

#[test]
fn utf8_corpus_is_never_taken_for_a_legacy_encoding() {
    for (name, text) in corpus() {
        let d = chidao::decode::detect(text.as_bytes());
        assert_eq!(d.encoding, chidao::Encoding::Utf8, "{name}");
        assert!(d.confidence > 0.9);
    }
}
