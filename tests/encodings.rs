//! Legacy encodings, detection and normalization, end to end.
//!
//! The encoders used here are the library's `decode::encode`; the tables they
//! share with the decoders are cross-checked against glibc `iconv` in
//! `iconv_tables_agree` (skipped when `iconv` is absent), and VNI/VIQR codes
//! are pinned by hand from the published tables in `vni_standard_codes` and
//! `viqr_full_stops`.

use chidao::decode::{decode_to_string, detect, encode};
use chidao::normalize::{fold, nfc, nfd, place_tones, ToneStyle};
use chidao::{Encoding, Node, Parser};
use proptest::prelude::*;

const LEGACY: [Encoding; 5] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viqr,
    Encoding::Cp1258,
    Encoding::Viscii,
];

/// Every Vietnamese letter with a diacritic, lower and upper case.
fn letters() -> Vec<char> {
    let bases = "aăâeêioôơuưy";
    let tones = ['\0', '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut out = vec!['đ', 'Đ'];
    for b in bases.chars() {
        for t in tones {
            let s: String = if t == '\0' {
                b.to_string()
            } else {
                format!("{b}{t}")
            };
            let c = nfc(&s).chars().next().unwrap();
            out.push(c);
            out.extend(c.to_uppercase());
        }
    }
    out
}

/// Whether `enc` can hold the capital `c` (TCVN3 has only the base capitals).
fn has_capital(enc: Encoding, c: char) -> bool {
    enc != Encoding::Tcvn3 || !c.is_uppercase() || "ĂÂÊÔƠƯĐ".contains(c) || c.is_ascii()
}

#[test]
fn every_letter_round_trips() {
    for enc in LEGACY {
        for c in letters() {
            // (In VIQR a `.` ending the input is a full stop, and TCVN3
            // capitalizes a sentence start: keep the letter inside a sentence.)
            let s = format!("a {c}n");
            let back = nfc(&decode_to_string(&encode(&s, enc), Some(enc))).into_owned();
            if has_capital(enc, c) {
                assert_eq!(back, s, "{c} in {}", enc.name());
            } else {
                assert_eq!(
                    back,
                    format!("a {}n", c.to_lowercase()),
                    "{c} in {}",
                    enc.name()
                );
            }
        }
    }
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let consonants = || {
        proptest::sample::select(vec![
            "", "n", "ng", "t", "th", "h", "c", "m", "b", "l", "tr",
        ])
    };
    let word = (
        consonants(),
        proptest::sample::select(letters()),
        consonants(),
    )
        .prop_map(|(a, l, b)| format!("{a}{l}{b}"));
    proptest::collection::vec(word, 0..12).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn text_round_trips(s in vietnamese_text()) {
        for enc in [Encoding::Vni, Encoding::Viqr, Encoding::Cp1258, Encoding::Viscii] {
            // (A line-initial `I.` is a Roman numeral in VIQR: start mid-line.)
            let s = format!("a {s} a");
            let back = decode_to_string(&encode(&s, enc), Some(enc));
            prop_assert_eq!(nfc(&back), nfc(&s), "{}", enc.name());
        }
        // TCVN3 restores capitals at a sentence start: start with a lower-case word.
        let lower = format!("a {} a", s.to_lowercase());
        let back = decode_to_string(&encode(&lower, Encoding::Tcvn3), Some(Encoding::Tcvn3));
        prop_assert_eq!(back, lower);
    }

    #[test]
    fn normalization_and_folding_are_idempotent(s in vietnamese_text(), raw in ".{0,40}") {
        for t in [s, raw] {
            let n = nfc(&t).into_owned();
            prop_assert_eq!(nfc(&n).into_owned(), n.clone());
            prop_assert_eq!(nfc(&nfd(&t)).into_owned(), n.clone());
            let f = fold(&t);
            prop_assert_eq!(fold(&f), f.clone());
            for style in [ToneStyle::Modern, ToneStyle::Traditional] {
                let p = place_tones(&n, style).into_owned();
                prop_assert_eq!(place_tones(&p, style).into_owned(), p.clone());
                prop_assert_eq!(fold(&p), fold(&n));
            }
        }
    }

    #[test]
    fn no_panic_on_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = detect(&b);
        for enc in LEGACY.into_iter().chain([Encoding::Utf8]) {
            let _ = decode_to_string(&b, Some(enc));
            let _ = Parser::new().encoding(enc).parse_bytes(&b);
            let _ = Parser::new().encoding(enc).tone_style(ToneStyle::Modern).parse_bytes(&b);
        }
        let _ = Parser::new().parse_bytes(&b);
    }
}

#[test]
fn folding_and_tone_styles() {
    assert_eq!(fold("Ủy ban nhân dân"), "uy ban nhan dan");
    assert_eq!(fold("Uỷ ban"), fold("Ủy ban"));
    assert_eq!(fold("ĐỒNG ĐỘI"), "dong doi");
    assert_eq!(
        place_tones("Hoà, thuỷ, Uỷ, khoẻ", ToneStyle::Traditional),
        "Hòa, thủy, Ủy, khỏe"
    );
    assert_eq!(
        place_tones("Hòa, thủy, Ủy, khỏe", ToneStyle::Modern),
        "Hoà, thuỷ, Uỷ, khoẻ"
    );
    assert_eq!(
        place_tones("quỳ quý giỏi thuyền khuya", ToneStyle::Modern),
        "quỳ quý giỏi thuyền khuya"
    );
}

#[test]
fn viqr_full_stops() {
    // A full stop right after a vowel is escaped (RFC 1456), except after a Roman numeral.
    let t = decode_to_string(
        b"I. VE^` CO^NG TA'C\nII. KHA'C\n1. Bo^. Co^ng an chi? dda.o\\.\n",
        Some(Encoding::Viqr),
    );
    assert_eq!(t, "I. VỀ CÔNG TÁC\nII. KHÁC\n1. Bộ Công an chỉ đạo.\n");
    assert_eq!(encode("đạo. I. Về", Encoding::Viqr), b"dda.o\\. I\\. Ve^`");
    assert_eq!(
        decode_to_string(b"bi. pha't", Some(Encoding::Viqr)),
        "bị phát"
    );
}

#[test]
fn tcvn3_capitals_and_cp1252_punctuation() {
    // .VnTimeH convention: capitals typed with lower-case codes.
    let b = encode(
        "I. VỀ HỆ THỐNG\nThủ tướng “chỉ đạo” – ngay",
        Encoding::Tcvn3,
    );
    assert!(b.contains(&0x93) && b.contains(&0x96));
    assert_eq!(
        decode_to_string(&b, Some(Encoding::Tcvn3)),
        "I. VỀ HỆ THỐNG\nThủ tướng “chỉ đạo” – ngay"
    );
    // ư is 0xAD in TCVN3, not a soft hyphen.
    assert_eq!(decode_to_string(b"t\xADn", Some(Encoding::Tcvn3)), "tưn");
}

#[test]
fn vni_standard_codes() {
    assert_eq!(encode("ỷ ỹ", Encoding::Vni), b"y\xFB y\xF5");
    assert_eq!(
        decode_to_string(b"\xF4\xF8 \xF6\xF9 \xF6\xEF", Some(Encoding::Vni)),
        "ờ ứ ự"
    );
}

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    assert_eq!(out.len(), 5);
    out
}

#[test]
fn detection_on_corpus() {
    for (name, text) in corpus() {
        assert_eq!(detect(text.as_bytes()).encoding, Encoding::Utf8, "{name}");
        assert_eq!(
            detect(nfd(&text).as_bytes()).encoding,
            Encoding::Utf8,
            "{name} NFD"
        );
        for enc in LEGACY {
            let d = detect(&encode(&text, enc));
            assert_eq!(d.encoding, enc, "{name} in {}", enc.name());
            assert!(
                d.confidence > 0.5,
                "{name} in {}: {}",
                enc.name(),
                d.confidence
            );
        }
    }
    assert_eq!(
        detect(b"Hello, world. It's 5 o'clock (UTC)? Yes.").encoding,
        Encoding::Utf8
    );
}

type Flat = (
    Option<String>,
    Option<String>,
    String,
    Vec<String>,
    Vec<String>,
);

/// (path, label, text, assignees, deadlines) of every node, depth first.
fn flatten(nodes: &[Node], lower: bool, out: &mut Vec<Flat>) {
    let key = |s: &str| {
        let s = nfc(s).into_owned();
        if lower {
            s.to_lowercase()
        } else {
            s
        }
    };
    for n in nodes {
        out.push((
            n.path.clone(),
            n.label.as_deref().map(key),
            key(&n.text),
            n.assignees.iter().map(|a| key(&a.name)).collect(),
            n.deadlines.iter().map(|d| d.value.clone()).collect(),
        ));
        flatten(&n.children, lower, out);
    }
}

#[test]
fn corpus_in_every_form_parses_to_the_same_tree() {
    for (name, text) in corpus() {
        let original = chidao::parse(&text).unwrap();
        let forms = [
            ("nfd", nfd(&text).into_owned().into_bytes(), Encoding::Utf8),
            ("viqr", encode(&text, Encoding::Viqr), Encoding::Viqr),
            ("cp1258", encode(&text, Encoding::Cp1258), Encoding::Cp1258),
            ("vni", encode(&text, Encoding::Vni), Encoding::Vni),
            ("tcvn3", encode(&text, Encoding::Tcvn3), Encoding::Tcvn3),
            ("viscii", encode(&text, Encoding::Viscii), Encoding::Viscii),
        ];
        for (form, bytes, enc) in forms {
            let doc = Parser::new().parse_bytes(&bytes).unwrap();
            assert_eq!(doc.meta.encoding, enc.name(), "{name} as {form}");
            // TCVN3 loses toned capitals that start a lower-case word (`Ủy`): compare case-blind.
            let lower = form == "tcvn3";
            let (mut a, mut b) = (Vec::new(), Vec::new());
            flatten(&original.sections, lower, &mut a);
            flatten(&doc.sections, lower, &mut b);
            if form == "viscii" {
                // VISCII uses every byte for letters: no room for `…` or curly quotes; compare the rest.
                a.iter_mut().chain(b.iter_mut()).for_each(|n| n.2.clear());
            }
            assert_eq!(a.len(), b.len(), "{name} as {form}: node count");
            for (x, y) in a.iter().zip(&b) {
                assert_eq!(x, y, "{name} as {form}");
            }
        }
    }
}

#[test]
fn strict_and_lenient_utf8() {
    let err = Parser::new()
        .strict(true)
        .encoding(Encoding::Utf8)
        .parse_bytes(b"ok \xFF")
        .unwrap_err();
    assert!(err.to_string().contains("offset 3"));
    let doc = Parser::new()
        .encoding(Encoding::Utf8)
        .parse_bytes(b"ok \xFF")
        .unwrap();
    assert!(doc.warnings.iter().any(|w| w.code == "replaced_bytes"));
}

#[test]
fn iconv_tables_agree() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    for (enc, name) in [
        (Encoding::Cp1258, "CP1258"),
        (Encoding::Viscii, "VISCII"),
        (Encoding::Tcvn3, "TCVN5712-1"),
    ] {
        let sample: String = letters()
            .into_iter()
            .filter(|c| has_capital(enc, *c))
            .collect();
        let Ok(mut child) = Command::new("iconv")
            .args(["-f", name, "-t", "UTF-8"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
        else {
            return;
        };
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&encode(&sample, enc))
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            nfc(&String::from_utf8(out.stdout).unwrap()),
            sample,
            "{name}"
        );
    }
}

#[test]
fn tcvn3_uy_ban() {
    let b = encode(
        "c) Huy động lực lượng, phối hợp với Ủy ban nhân dân các tỉnh, thành phố",
        Encoding::Tcvn3,
    );
    assert_eq!(
        decode_to_string(&b, Some(Encoding::Tcvn3)),
        "c) Huy động lực lượng, phối hợp với Ủy ban nhân dân các tỉnh, thành phố"
    );
}

/// Corpus rendered by glibc `iconv` (an independent encoder) is detected and
/// parses to the same paths (skipped when `iconv` is absent).
#[test]
fn iconv_rendered_corpus_is_detected() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    for (name, text) in corpus() {
        let original = chidao::parse(&text).unwrap();
        let mut paths = Vec::new();
        original.walk(&mut |n| paths.push(n.path.clone()));
        for (iconv, enc) in [
            ("CP1258", Encoding::Cp1258),
            ("VISCII", Encoding::Viscii),
            ("TCVN5712-1", Encoding::Tcvn3),
        ] {
            let Ok(mut child) = Command::new("iconv")
                .args(["-c", "-f", "UTF-8", "-t", iconv])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
            else {
                return;
            };
            child
                .stdin
                .take()
                .unwrap()
                .write_all(text.as_bytes())
                .unwrap();
            let bytes = child.wait_with_output().unwrap().stdout;
            assert_eq!(detect(&bytes).encoding, enc, "{name} via iconv {iconv}");
            if enc == Encoding::Cp1258 {
                let doc = Parser::new().parse_bytes(&bytes).unwrap();
                let mut got = Vec::new();
                doc.walk(&mut |n| got.push(n.path.clone()));
                assert_eq!(got, paths, "{name} via iconv {iconv}");
            }
        }
    }
}

#[test]
fn damaged_utf8_stays_utf8() {
    let mut b = "Ủy ban nhân dân tỉnh Hà Nội chỉ đạo rà soát"
        .as_bytes()
        .to_vec();
    b.insert(5, 0xFF);
    assert_eq!(detect(&b).encoding, Encoding::Utf8);
    let doc = Parser::new().parse_bytes(&b).unwrap();
    assert!(doc.warnings.iter().any(|w| w.code == "replaced_bytes"));
}

/// Spans of a legacy rendering cover the same text as the original's spans.
#[test]
fn spans_point_into_the_input_bytes() {
    for (name, text) in corpus() {
        let original = chidao::parse(&text).unwrap();
        let mut want = Vec::new();
        original
            .walk(&mut |n| want.push(text.get(n.span.start..n.span.end).unwrap_or("").to_string()));
        for enc in [
            Encoding::Vni,
            Encoding::Cp1258,
            Encoding::Viqr,
            Encoding::Utf8,
        ] {
            let bytes = if enc == Encoding::Utf8 {
                nfd(&text).into_owned().into_bytes()
            } else {
                encode(&text, enc)
            };
            let doc = Parser::new().parse_bytes(&bytes).unwrap();
            let mut got = Vec::new();
            doc.walk(&mut |n| {
                let slice = bytes.get(n.span.start..n.span.end).unwrap_or(&[]);
                got.push(decode_to_string(slice, Some(enc)));
            });
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                if enc == Encoding::Viqr {
                    // A slice cut right after `TRI.` reads its final `.` as a full stop.
                    assert_eq!(
                        fold(g).trim_end_matches('.'),
                        fold(w).trim_end_matches('.'),
                        "{name} in viqr"
                    );
                } else {
                    assert_eq!(nfc(g), nfc(w), "{name} in {}", enc.name());
                }
            }
        }
    }
}

#[test]
fn tcvn3_capital_conventions() {
    let cases = [
        // Capitals typed with Caps Lock: the toned letters arrive lower-case.
        (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("TỈNH ỦY VỀ THỰC HIỆN", "TỈNH ỦY VỀ THỰC HIỆN"),
        // A heading word alone on its line, between capital lines.
        ("CHỈ THỊ\nVỀ\nTĂNG CƯỜNG", "CHỈ THỊ\nVỀ\nTĂNG CƯỜNG"),
        // Title case stays title case.
        (
            "Vụ trưởng Vụ Kế hoạch - Tài chính, Sở Nội vụ",
            "Vụ trưởng Vụ Kế hoạch - Tài chính, Sở Nội vụ",
        ),
        (
            "QUYẾT ĐỊNH\nVề việc ban hành",
            "QUYẾT ĐỊNH\nVề việc ban hành",
        ),
        (
            "Số: 6087/BYT-KCB V/v thực hiện",
            "Số: 6087/BYT-KCB V/v thực hiện",
        ),
        // Sentence and item starts.
        (
            "1. Ứng phó bão. Ổn định đời sống",
            "1. Ứng phó bão. Ổn định đời sống",
        ),
        ("- Ở các địa phương", "- Ở các địa phương"),
        (
            "phối hợp với Ủy ban nhân dân",
            "phối hợp với Ủy ban nhân dân",
        ),
    ];
    for (text, want) in cases {
        let bytes = encode(text, Encoding::Tcvn3);
        assert_eq!(decode_to_string(&bytes, Some(Encoding::Tcvn3)), want);
    }
    // Lost: a toned capital inside a lower-case sentence.
    let bytes = encode("hợp tác với Ấn Độ", Encoding::Tcvn3);
    assert_eq!(
        decode_to_string(&bytes, Some(Encoding::Tcvn3)),
        "hợp tác với ấn Độ"
    );
}

#[test]
fn viqr_one_tone_per_syllable() {
    // Unescaped full stops after a toned syllable stay full stops.
    assert_eq!(
        decode_to_string(b"Ha` No^.i. Ddo+n vi. tri'", Some(Encoding::Viqr)),
        "Hà Nội. Đơn vị trí"
    );
    assert_eq!(
        decode_to_string(b"'Ha` No^.i' va`", Some(Encoding::Viqr)),
        "'Hà Nội' và"
    );
    // The encoder escapes a mark character after any vowel, marked or not.
    let b = encode("thô.... và ồ?", Encoding::Viqr);
    assert_eq!(b, b"tho^\\.... va` o^`\\?");
    assert_eq!(decode_to_string(&b, Some(Encoding::Viqr)), "thô.... và ồ?");
}

#[test]
fn encoders_use_look_alikes() {
    let b = encode("“Tổ công tác” – xong…", Encoding::Viscii);
    assert_eq!(
        decode_to_string(&b, Some(Encoding::Viscii)),
        "\"Tổ công tác\" - xong..."
    );
    // TCVN3 and VNI keep Windows-1252 punctuation.
    for enc in [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258] {
        let b = encode("“Tổ công tác” – xong…", enc);
        assert_eq!(decode_to_string(&b, Some(enc)), "“Tổ công tác” – xong…");
    }
}

#[test]
fn viqr_with_stray_utf8_is_viqr() {
    let mut text = "Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành rà soát, báo cáo kết quả trước ngày 30 tháng 9 năm 2025. "
        .repeat(4);
    text.push_str("§ ÿ");
    let b = encode(&text, Encoding::Viqr);
    assert!(std::str::from_utf8(&b).is_ok());
    assert_eq!(detect(&b).encoding, Encoding::Viqr);
    // Real UTF-8 with a few ASCII-looking words stays UTF-8.
    assert_eq!(detect(text.as_bytes()).encoding, Encoding::Utf8);
}
