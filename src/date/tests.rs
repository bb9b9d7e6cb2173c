//! Table tests of the date grammar and calendar validation.

use super::*;

fn reference() -> Option<Date> {
    Date::new(2025, 7, 17)
}

/// `parse` of the whole text gives the value's display form.
const POSITIVE: &[(&str, &str)] = &[
    ("ngày 17 tháng 7 năm 2025", "2025-07-17"),
    ("Ngày 17 tháng 7 năm 2025", "2025-07-17"),
    ("NGÀY 17 THÁNG 7 NĂM 2025", "2025-07-17"),
    ("ngày 01/7/2025", "2025-07-01"),
    ("ngày 05/08/2025", "2025-08-05"),
    ("17/7/2025", "2025-07-17"),
    ("17-7-2025", "2025-07-17"),
    ("17.7.2025", "2025-07-17"),
    ("01/01/2026", "2026-01-01"),
    ("ngày 29/2/2024", "2024-02-29"),
    ("ngày 31 tháng 12 năm 2025", "2025-12-31"),
    ("ngày 09 tháng 6, năm 2025", "2025-06-09"),
    ("ngày mồng 2 tháng 9 năm 2025", "2025-09-02"),
    ("ngày 17 tháng 7", "2025-07-17"),
    ("ngày 25/12", "2025-12-25"),
    ("ngày 24/7", "2025-07-24"),
    ("ngày 30 tháng 11", "2025-11-30"),
    ("19 tháng 6 năm 2025", "2025-06-19"),
    ("ngày 17 tháng 7/2025", "2025-07-17"),
    ("tháng 7/2025", "2025-07"),
    ("tháng 07 năm 2025", "2025-07"),
    ("tháng 12-2025", "2025-12"),
    ("Tháng 8 năm 2025", "2025-08"),
    ("tháng 7", "2025-07"),
    ("tháng Bảy năm 2025", "2025-07"),
    ("tháng Mười hai năm 2024", "2024-12"),
    ("tháng Giêng năm 2026", "2026-01"),
    ("quý III năm 2025", "2025-Q3"),
    ("quý 3/2025", "2025-Q3"),
    ("Quý I/2015", "2015-Q1"),
    ("Quý IV/2015", "2015-Q4"),
    ("QUÝ II NĂM 2020", "2020-Q2"),
    ("quý II", "2025-Q2"),
    ("qúy 4/2025", "2025-Q4"),
    ("6 tháng đầu năm 2025", "2025-H1"),
    ("06 tháng cuối năm 2025", "2025-H2"),
    ("sáu tháng đầu năm 2024", "2024-H1"),
    ("nửa cuối năm 2025", "2025-H2"),
    ("6 tháng đầu năm", "2025-H1"),
    ("9 tháng đầu năm 2025", "2025-01-01/2025-09-30"),
    ("3 tháng cuối năm 2024", "2024-10-01/2024-12-31"),
    ("năm 2025", "2025"),
    ("Năm 2016", "2016"),
    (
        "từ ngày 01 tháng 7 đến ngày 15 tháng 7 năm 2025",
        "2025-07-01/2025-07-15",
    ),
    (
        "từ ngày 01/7/2025 đến ngày 15/7/2025",
        "2025-07-01/2025-07-15",
    ),
    (
        "từ ngày 01 đến ngày 15 tháng 7 năm 2025",
        "2025-07-01/2025-07-15",
    ),
    (
        "từ 01 tháng 7 năm 2025 đến ngày 23 tháng 8 năm 2025",
        "2025-07-01/2025-08-23",
    ),
    ("từ ngày 15/12 đến ngày 15/01/2026", "2025-12-15/2026-01-15"),
    ("từ tháng 7 đến tháng 9 năm 2025", "2025-07-01/2025-09-30"),
    ("từ năm 2021 đến năm 2025", "2021-01-01/2025-12-31"),
    ("giai đoạn 2017-2021", "2017-01-01/2021-12-31"),
    ("giai đoạn 2021 - 2025", "2021-01-01/2025-12-31"),
    (
        "từ quý III đến hết quý IV năm 2025",
        "2025-07-01/2025-12-31",
    ),
    ("từ ngày 01/7 tới ngày 10/7/2025", "2025-07-01/2025-07-10"),
];

/// Not date expressions at all (syntax).
const SYNTAX_ERRORS: &[&str] = &[
    "24/7",
    "02 nhóm",
    "02 tháng",
    "ngày 20",
    "ngày 20 hằng tháng",
    "118/2025/NĐ-CP",
    "66.1/2025/NQ-CP",
    "tháng",
    "năm",
    "năm 25",
    "quý",
    "hello",
    "",
    "17/7/25",
    "1/2025",
    "17/7-2025",
    "3.300",
    "ngày làm việc",
    "tháng tới",
    "tháng Bảy",
    "năm 2025-2026",
    "năm 2025–2026",
    "Năm 2025 - 2026",
    "20252025",
    "quý III, IV",
];

/// Well formed, but not on the calendar.
const CALENDAR_ERRORS: &[(&str, CalendarError)] = &[
    (
        "31/2/2025",
        CalendarError::NoSuchDay {
            year: 2025,
            month: 2,
            day: 31,
        },
    ),
    (
        "ngày 29/2/2025",
        CalendarError::NoSuchDay {
            year: 2025,
            month: 2,
            day: 29,
        },
    ),
    (
        "ngày 31 tháng 4 năm 2025",
        CalendarError::NoSuchDay {
            year: 2025,
            month: 4,
            day: 31,
        },
    ),
    (
        "ngày 0/7/2025",
        CalendarError::NoSuchDay {
            year: 2025,
            month: 7,
            day: 0,
        },
    ),
    (
        "32/1/2025",
        CalendarError::NoSuchDay {
            year: 2025,
            month: 1,
            day: 32,
        },
    ),
    ("13/13/2025", CalendarError::NoSuchMonth(13)),
    ("tháng 13/2025", CalendarError::NoSuchMonth(13)),
    ("tháng 0 năm 2025", CalendarError::NoSuchMonth(0)),
    ("quý V/2025", CalendarError::NoSuchQuarter(5)),
    ("quý 0/2025", CalendarError::NoSuchQuarter(0)),
    ("13 tháng đầu năm 2025", CalendarError::NoSuchMonth(13)),
    ("năm 0000", CalendarError::YearOutOfRange(0)),
    (
        "từ ngày 20/7/2025 đến ngày 10/7/2025",
        CalendarError::ReversedRange,
    ),
];

#[test]
fn positive_cases_parse() {
    for &(text, want) in POSITIVE {
        match parse(text, reference()) {
            Ok(v) => assert_eq!(v.to_string(), want, "{text:?}"),
            Err(e) => panic!("{text:?}: {e}"),
        }
    }
}

#[test]
fn positive_cases_are_found_whole_inside_a_sentence() {
    for &(text, want) in POSITIVE {
        let sentence = format!("Các cơ quan, {text}, báo cáo.");
        let found = find(&sentence, reference());
        assert_eq!(found.len(), 1, "{sentence:?}: {found:?}");
        assert_eq!(&sentence[found[0].span.clone()], text);
        assert_eq!(found[0].value.to_string(), want);
    }
}

#[test]
fn syntax_errors() {
    for &text in SYNTAX_ERRORS {
        let got = parse(text, reference());
        assert!(
            matches!(got, Err(ParseError::Syntax { .. })),
            "{text:?}: {got:?}"
        );
    }
}

#[test]
fn calendar_errors() {
    for (text, want) in CALENDAR_ERRORS {
        assert_eq!(
            parse(text, reference()),
            Err(ParseError::Calendar(*want)),
            "{text:?}"
        );
        assert!(find(text, reference()).is_empty(), "{text:?}");
    }
}

#[test]
fn missing_year_without_reference() {
    assert_eq!(
        parse("ngày 25/12", None),
        Err(ParseError::Calendar(CalendarError::MissingYear))
    );
    assert!(find("trước ngày 25/12 hàng năm", None).is_empty());
    assert_eq!(find("trước ngày 25/12/2025", None).len(), 1);
}

fn values(text: &str) -> Vec<String> {
    find(text, reference())
        .iter()
        .map(|m| format!("{}={}", &text[m.span.clone()], m.value))
        .collect()
}

#[test]
fn found_in_corpus_like_sentences() {
    let cases: &[(&str, &[&str])] = &[
        (
            "bảo đảm hoạt động ổn định, thông suốt 24/7. Hoàn thành trong tháng 7 năm 2025.",
            &["tháng 7 năm 2025=2025-07"],
        ),
        (
            "liên thông 02 nhóm thủ tục hành chính theo Nghị định số 63/2024/NĐ-CP của Chính phủ",
            &[],
        ),
        (
            "Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo",
            &["ngày 19 tháng 6 năm 2025=2025-06-19"],
        ),
        (
            "Thời gian thực hiện: Quý II, III/2015.",
            &["Quý II=2015-Q2", "III/2015=2015-Q3"],
        ),
        (
            "Thời gian thực hiện: Quý II và III/2015.",
            &["Quý II=2015-Q2", "III/2015=2015-Q3"],
        ),
        (
            "hoàn thành trong tháng 7/2025 và Chỉ thị trong tháng 8 năm 2025",
            &["tháng 7/2025=2025-07", "tháng 8 năm 2025=2025-08"],
        ),
        (
            "trong tháng 7, 8/2025",
            &["tháng 7=2025-07", "8/2025=2025-08"],
        ),
        (
            "trong quý I và quý II năm 2026",
            &["quý I=2026-Q1", "quý II năm 2026=2026-Q2"],
        ),
        ("đánh giá 02 tháng thực hiện phân cấp", &[]),
        ("hơn 3.300 điểm cầu; 94.402 người", &[]),
        ("Luật Hôn nhân và gia đình năm 2014", &["năm 2014=2014"]),
        (
            "Nghị quyết số 66.1/2025/NQ-CP ngày 18 tháng 7 năm 2025",
            &["ngày 18 tháng 7 năm 2025=2025-07-18"],
        ),
        ("trước ngày 20 hằng tháng", &[]),
        (
            "định kỳ hàng năm (trước ngày 15/11 và đột xuất",
            &["ngày 15/11=2025-11-15"],
        ),
        (
            "Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020.",
            &["năm 2020=2020", "quý II/2020=2020-Q2"],
        ),
        (
            "ngày 31/2/2025 và ngày 01/3/2025",
            &["ngày 01/3/2025=2025-03-01"],
        ),
        ("TP. HCM, ngày 31/05/2021", &["ngày 31/05/2021=2021-05-31"]),
        ("ĐIỀU\tNgày: 05/08/2025", &["05/08/2025=2025-08-05"]),
        ("số 12/2025/TT-BTC", &[]),
        ("Hoàn thành trước 30/9.", &["30/9=2025-09-30"]),
        ("chậm nhất 5/8 và thông suốt 24/7", &["5/8=2025-08-05"]),
        ("trong những tháng cuối năm 2025", &["năm 2025=2025"]),
    ];
    for (text, want) in cases {
        assert_eq!(values(text), *want, "{text:?}");
    }
}

#[test]
fn inferred_year_is_flagged() {
    let m = find("trước ngày 25/12 hàng năm", reference());
    assert!(m[0].inferred_year);
    let m = find("Quý II, III/2015", reference());
    assert!(m.iter().all(|m| !m.inferred_year));
}

#[test]
fn value_bounds() {
    let q = DateValue::Quarter {
        year: 2025,
        quarter: 4,
    };
    assert_eq!(q.first_day(), Date::new(2025, 10, 1).unwrap());
    assert_eq!(q.last_day(), Date::new(2025, 12, 31).unwrap());
    let y = DateValue::Year(2024);
    assert_eq!(y.last_day(), Date::new(2024, 12, 31).unwrap());
    let h = DateValue::Half {
        year: 2025,
        half: 1,
    };
    assert_eq!(h.last_day(), Date::new(2025, 6, 30).unwrap());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn find_never_panics_and_spans_are_on_char_boundaries(s in "\\PC{0,80}") {
            for m in find(&s, reference()) {
                prop_assert!(s.is_char_boundary(m.span.start));
                prop_assert!(s.is_char_boundary(m.span.end));
                prop_assert!(m.span.start < m.span.end);
            }
            let _ = parse(&s, reference());
        }

        #[test]
        fn find_on_capitals_and_dashes(s in "(NGÀY|Ngày|THÁNG|Tháng|QUÝ|Quý|qúy|NĂM|Năm|TỪ|ĐẾN|–|-|/|\\.|Đ|ừ|[0-9]{1,5}| |,|III|IV|mồng|nửa|giai đoạn){0,20}") {
            for m in find(&s, reference()) {
                prop_assert!(s.is_char_boundary(m.span.start));
                prop_assert!(s.is_char_boundary(m.span.end));
                prop_assert!(m.value.first_day() <= m.value.last_day());
            }
            let _ = parse(&s, reference());
        }

        #[test]
        fn find_on_date_like_text(s in "(ngày|tháng|quý|năm|từ|đến|trước|hằng| |/|-|\\.|,|[0-9]{1,4}|I|V|X|và){0,16}") {
            for m in find(&s, reference()) {
                prop_assert!(s.is_char_boundary(m.span.start));
                prop_assert!(s.is_char_boundary(m.span.end));
            }
            let _ = parse(&s, None);
        }
    }
}

#[test]
#[ignore]
fn timing_one_expression() {
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..200_000 {
        n += find(std::hint::black_box("tháng 7 năm 2025"), reference()).len();
    }
    println!("one expr {:?} {n}", t.elapsed() / 200_000);
}

#[test]
fn regions_merge_in_order_and_overlap() {
    let merged = super::merge_regions(vec![(10, 20), (0, 5), (4, 8), (20, 21), (30, 31), (15, 18)]);
    assert_eq!(merged, [(0, 8), (10, 21), (30, 31)]);
    assert!(super::merge_regions(Vec::new()).is_empty());
    assert_eq!(super::merge_regions(vec![(3, 9)]), [(3, 9)]);
}
