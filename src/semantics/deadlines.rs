//! Deadlines and schedules in a node's text.
//!
//! A date is a deadline only when a deadline word stands right before it
//! (or before the list it opens):
//!
//! | before the date | day | month | quarter | year |
//! | --- | --- | --- | --- | --- |
//! | `trước`, `chậm nhất trước` | `before:D` | `before:` its first day | - | - |
//! | `chậm nhất (là / vào / trong / đến)`, `muộn nhất`, `không muộn hơn`, `hạn chót` | `by:D` | `month:` | `quarter:` | `year:` |
//! | `trong` (`hoàn thành trong`, `ngay trong`) | `by:D` | `month:` | `quarter:` | `year:` |
//! | `hoàn thành (vào)`, `xong` | `by:D` | `month:` | `quarter:` | - |
//! | a time field `Thời gian thực hiện:`, `Thời hạn:`, `Tiến độ:` ... | `by:D` | `month:` | `quarter:` | `year:` |
//!
//! Everything else is left out: the issuing date, dates of cited documents,
//! start dates (`từ ngày`), ranges and reporting periods, status dates (`Đến
//! ngày ..., cả nước có`), meeting dates, `trước và sau ngày`, a bare `24/7`,
//! half years. A recurring schedule is `hằng` / `hàng` + `ngày`, `tuần`,
//! `tháng`, `quý`, `năm` (with or without `định kỳ`); `trước ngày 25/12 hàng
//! năm` gives both `before:` and `recurring:yearly`, while `trước ngày 20 hằng
//! tháng` (a day without a month is no date) gives `recurring:monthly` only.
//! One node lists each `kind:value` once.
//!
//! Between the trigger and the date a weekday or a time of day may stand
//! (`trước 17 giờ ngày 20/7/2025`, `trước thứ Sáu, ngày ...`). A bare `20/7`
//! counts right after `trước` / `chậm nhất`. Left out as statements about the
//! past: a trigger whose clause says `đã` or `từ` just before it (`hồ sơ đã
//! tiếp nhận trước ngày ...`), and a month, quarter or year that ended in a
//! year before the reference date's (`Trong năm 2024, toàn tỉnh đã ...`).

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem;

use super::{Context, FoundDeadline};
use crate::date::{self, Date, DateValue};
use crate::model::DeadlineKind;

/// The word that makes the following date a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// `trước`: strictly before.
    Before,
    /// `chậm nhất`, `hạn chót`: on the date at the latest.
    Latest,
    /// `trong`: within.
    Within,
    /// `hoàn thành`, `xong` right before the date.
    Complete,
    /// A plan's time field (`Thời gian thực hiện: Quý I/2015`).
    Field,
}

/// Trigger phrases, lower case, longest first among those sharing a tail.
const TRIGGERS: &[(&str, Trigger)] = &[
    ("chậm nhất là trước", Trigger::Before),
    ("chậm nhất trước", Trigger::Before),
    ("muộn nhất trước", Trigger::Before),
    ("trước", Trigger::Before),
    ("chậm nhất là trong", Trigger::Latest),
    ("chậm nhất là vào", Trigger::Latest),
    ("chậm nhất là", Trigger::Latest),
    ("chậm nhất vào", Trigger::Latest),
    ("chậm nhất trong", Trigger::Latest),
    ("chậm nhất đến", Trigger::Latest),
    ("chậm nhất", Trigger::Latest),
    ("muộn nhất là", Trigger::Latest),
    ("muộn nhất vào", Trigger::Latest),
    ("muộn nhất trong", Trigger::Latest),
    ("muộn nhất", Trigger::Latest),
    ("không muộn hơn", Trigger::Latest),
    ("không chậm hơn", Trigger::Latest),
    ("hạn chót là", Trigger::Latest),
    ("hạn chót", Trigger::Latest),
    ("hạn cuối là", Trigger::Latest),
    ("hạn cuối", Trigger::Latest),
    ("trong", Trigger::Within),
    ("hoàn thành vào", Trigger::Complete),
    ("hoàn thành", Trigger::Complete),
    ("xong", Trigger::Complete),
];

/// Labels of time fields in plans, lower case, before a colon.
const FIELD_LABELS: &[&str] = &[
    "thời gian thực hiện",
    "thời gian hoàn thành",
    "thời hạn hoàn thành",
    "thời hạn thực hiện",
    "thời hạn",
    "thời gian",
    "tiến độ thực hiện",
    "tiến độ hoàn thành",
    "tiến độ",
    "thời hạn nộp",
    "thời hạn báo cáo",
    "thời hạn gửi",
    "hạn nộp",
    "hạn báo cáo",
    "hạn chót",
];

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}')
}

/// Whether `s` ends with the words `phrase` (lower case), in any case,
/// starting at a word boundary. Returns the byte length of the match in `s`.
fn ends_with_words(s: &str, phrase: &str) -> Option<usize> {
    // Most tries fail on the last letter: test it on the bytes first.
    if let (Some(&p), Some(&c)) = (phrase.as_bytes().last(), s.as_bytes().last()) {
        if p.is_ascii() && c.is_ascii() && p != c.to_ascii_lowercase() {
            return None;
        }
    }
    let mut rest = s.chars();
    for p in phrase.chars().rev() {
        let c = rest.next_back()?;
        if c != p && crate::keys::lower(c) != p {
            return None;
        }
    }
    let head = rest.as_str();
    if head
        .chars()
        .next_back()
        .is_some_and(crate::keys::is_word_char)
    {
        return None;
    }
    Some(s.len() - head.len())
}

/// The trigger right before byte `at`, with the byte where it starts.
fn trigger_before(text: &str, at: usize) -> Option<(Trigger, usize)> {
    let pre = skip_transparent(text.get(..at)?);
    if let Some(label) = pre.strip_suffix(':') {
        let label = label.trim_end_matches(is_space);
        for l in FIELD_LABELS {
            if let Some(n) = ends_with_words(label, l) {
                return Some((Trigger::Field, label.len() - n));
            }
        }
        return None;
    }
    for &(phrase, trigger) in TRIGGERS {
        if let Some(n) = ends_with_words(pre, phrase) {
            return Some((trigger, pre.len() - n));
        }
    }
    None
}

/// Weekday names that may stand between a trigger and its date
/// (`trước thứ Sáu, ngày 20/7/2025`).
const WEEKDAYS: &[&str] = &[
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
];

/// `pre` without what may stand between a trigger and its date: spaces,
/// commas, a weekday and a time of day (`trước 17 giờ 30 phút ngày ...`,
/// `chậm nhất 16h00 ngày ...`, `lúc 15 giờ`).
fn skip_transparent(pre: &str) -> &str {
    let mut pre = pre.trim_end_matches(is_space);
    loop {
        let before = pre.len();
        pre = pre.trim_end_matches(',').trim_end_matches(is_space);
        if let Some(n) = WEEKDAYS.iter().find_map(|w| ends_with_words(pre, w)) {
            pre = pre[..pre.len() - n].trim_end_matches(is_space);
        }
        // A time of day, read word by word from the end.
        let mut cut = pre;
        let mut saw_hour = false;
        for _ in 0..5 {
            let word_start = cut
                .char_indices()
                .rev()
                .find(|&(_, c)| is_space(c))
                .map_or(0, |(p, c)| p + c.len_utf8());
            let word = &cut[word_start..];
            let hour_mark = word == "giờ" || {
                let digits = word.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0
                    && digits <= 2
                    && matches!(word.as_bytes().get(digits), Some(b'h' | b'H'))
                    && word.as_bytes()[digits + 1..].iter().all(u8::is_ascii_digit)
            };
            let filler = word == "phút"
                || word == "lúc"
                || (!word.is_empty()
                    && word.len() <= 2
                    && word.bytes().all(|b| b.is_ascii_digit()));
            if !(hour_mark || filler) {
                break;
            }
            saw_hour |= hour_mark;
            cut = cut[..word_start].trim_end_matches(is_space);
            if word == "lúc" {
                break;
            }
        }
        if saw_hour {
            pre = cut;
        }
        if pre.len() == before {
            return pre;
        }
    }
}

/// `kind`, `value` and `due` of a date under a trigger.
fn classify(trigger: Trigger, value: DateValue) -> Option<(DeadlineKind, String, Option<Date>)> {
    match (trigger, value) {
        (Trigger::Before, DateValue::Day(_) | DateValue::Month { .. }) => {
            let d = value.first_day();
            Some((DeadlineKind::Before, d.to_string(), d.pred()))
        }
        (Trigger::Before, _) => None,
        (_, DateValue::Day(d)) => Some((DeadlineKind::By, d.to_string(), Some(d))),
        (_, DateValue::Month { .. }) => Some((
            DeadlineKind::Month,
            value.to_string(),
            Some(value.last_day()),
        )),
        (_, DateValue::Quarter { .. }) => Some((
            DeadlineKind::Quarter,
            value.to_string(),
            Some(value.last_day()),
        )),
        (Trigger::Latest | Trigger::Within | Trigger::Field, DateValue::Year(_)) => Some((
            DeadlineKind::Year,
            value.to_string(),
            Some(value.last_day()),
        )),
        _ => None,
    }
}

/// Whether the clause before a trigger at `at` states a past fact (`hồ sơ
/// đã tiếp nhận trước ngày ...`, `từ trước ngày ...`): a cut-off, not a deadline.
fn states_a_past(text: &str, at: usize) -> bool {
    let pre = &text[..at];
    // The last three words of the same clause.
    let clause_start = pre
        .rfind([',', ';', '.', ':', '(', '\n'])
        .map_or(0, |p| p + 1);
    pre[clause_start..]
        .split(is_space)
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .any(|w| w == "đã" || w == "Đã" || w == "từ" || w == "Từ")
}

/// Whether a month, quarter, half or year ended in a year before the
/// reference date's: `trong năm 2024, toàn tỉnh đã ...` in a 2025 document
/// reports on the past. Days are never dropped (FORMAT: a deadline at or
/// before the issuing date is still a deadline).
fn narrative_period(value: DateValue, reference: Option<Date>) -> bool {
    match (value, reference) {
        (DateValue::Day(_), _) | (_, None) => false,
        (v, Some(r)) => v.last_day().year() < r.year(),
    }
}

/// Deadlines given by a date after a trigger.
fn dated(
    text: &str,
    ctx: &Context,
    cited: &[Range<usize>],
    numbers: &[Range<usize>],
    hints: Hints,
    out: &mut Vec<FoundDeadline>,
) {
    let found = date::scan_with(text, ctx.reference, numbers, hints.dates);
    let mut i = 0;
    while i < found.len() {
        let group = found[i].group.clone();
        let mut j = i;
        while j < found.len() && found[j].group == group {
            j += 1;
        }
        let pieces = &found[i..j];
        i = j;
        let Some((trigger, trigger_start)) = trigger_before(text, group.start) else {
            continue;
        };
        if cited
            .iter()
            .any(|c| c.start <= group.start && group.end <= c.end)
        {
            continue;
        }
        if states_a_past(text, trigger_start) {
            continue;
        }
        for (n, piece) in pieces.iter().enumerate() {
            if narrative_period(piece.value, ctx.reference) {
                continue;
            }
            if let Some((kind, value, due)) = classify(trigger, piece.value) {
                let start = if n == 0 {
                    trigger_start
                } else {
                    piece.span.start
                };
                out.push(FoundDeadline {
                    range: start..piece.span.end,
                    kind,
                    value,
                    due,
                });
            }
        }
    }
}

const PERIODS: &[(&str, &str)] = &[
    ("ngày", "daily"),
    ("tuần", "weekly"),
    ("tháng", "monthly"),
    ("quý", "quarterly"),
    ("năm", "yearly"),
];

/// `hằng ngày`, `định kỳ hàng tháng`, ...
fn recurring(text: &str, out: &mut Vec<FoundDeadline>) {
    let bytes = text.as_bytes();
    // `hằng` / `hàng` in any case: find the vowel and look one byte back.
    let mut starts: Vec<usize> = Vec::new();
    static VOWELS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
        ["ằng", "àng", "ẰNG", "ÀNG"]
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
            .collect()
    });
    for finder in VOWELS.iter() {
        for at in finder.find_iter(bytes) {
            if at > 0 && matches!(bytes[at - 1], b'h' | b'H') {
                starts.push(at - 1);
            }
        }
    }
    starts.sort_unstable();
    for p in starts {
        if text[..p]
            .chars()
            .next_back()
            .is_some_and(crate::keys::is_word_char)
        {
            continue;
        }
        let rest = &text[p..];
        let Some(after) = strip_word_ci(rest, "hằng").or_else(|| strip_word_ci(rest, "hàng"))
        else {
            continue;
        };
        let after_ws = after.trim_start_matches(is_space);
        if after_ws.len() == after.len() {
            continue;
        }
        for &(word, period) in PERIODS {
            if let Some(end_rest) = strip_word_ci(after_ws, word) {
                let end = text.len() - end_rest.len();
                let mut start = p;
                let pre = text[..p].trim_end_matches(is_space);
                if let Some(n) = ends_with_words(pre, "định kỳ") {
                    start = pre.len() - n;
                }
                out.push(FoundDeadline {
                    range: start..end,
                    kind: DeadlineKind::Recurring,
                    value: period.to_string(),
                    due: None,
                });
                // `hằng tháng, quý, năm`, `hằng quý và hằng năm`
                let mut rest = end_rest;
                while let Some(after_sep) = list_sep(rest) {
                    let after_sep = strip_word_ci(after_sep, "hằng")
                        .or_else(|| strip_word_ci(after_sep, "hàng"))
                        .map_or(after_sep, |r| r.trim_start_matches(is_space));
                    let Some((next, period)) = PERIODS
                        .iter()
                        .find_map(|&(w, p)| strip_word_ci(after_sep, w).map(|r| (r, p)))
                    else {
                        break;
                    };
                    if next
                        .trim_start_matches(is_space)
                        .starts_with(|c: char| c.is_ascii_digit())
                    {
                        break;
                    }
                    let from = text.len() - after_sep.len();
                    out.push(FoundDeadline {
                        range: from..text.len() - next.len(),
                        kind: DeadlineKind::Recurring,
                        value: period.to_string(),
                        due: None,
                    });
                    rest = next;
                }
                break;
            }
        }
    }
}

/// `s` after a list separator (`, `, ` và `, ` hoặc `).
fn list_sep(s: &str) -> Option<&str> {
    let t = s.trim_start_matches(is_space);
    if let Some(r) = t.strip_prefix(',') {
        return Some(r.trim_start_matches(is_space));
    }
    if t.len() == s.len() {
        return None;
    }
    strip_word_ci(t, "và")
        .or_else(|| strip_word_ci(t, "hoặc"))
        .map(|r| r.trim_start_matches(is_space))
}

/// `s` without a leading `word` (case-insensitive) that ends at a word boundary.
pub(super) fn strip_word_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if c != w && crate::keys::lower(c) != w {
            return None;
        }
    }
    let end = chars.next().map_or(s.len(), |(i, _)| i);
    let rest = &s[end..];
    if rest.chars().next().is_some_and(crate::keys::is_word_char) {
        return None;
    }
    Some(rest)
}

/// Every deadline in `text`, in order of appearance; each `kind:value` once.
#[cfg(test)]
pub(crate) fn find(text: &str, ctx: &Context) -> Vec<FoundDeadline> {
    let cited: Vec<Range<usize>> = super::citations::find(text, ctx)
        .into_iter()
        .map(|c| c.range)
        .collect();
    let mut numbers = Vec::new();
    crate::keys::digit_runs(text.as_bytes(), &mut numbers);
    find_cited(text, ctx, &cited, &numbers, Hints::ALL)
}

/// What a text's tokens tell of the words that deadlines without digits
/// need, so that the text searches for them are skipped where they are absent.
#[derive(Clone, Copy)]
pub(crate) struct Hints {
    /// The text may hold `hằng` or `hàng` (a recurring schedule).
    pub(crate) recurs: bool,
    /// The text may hold `quý`, `đầu năm` or `cuối năm` (a date without digits).
    pub(crate) dates: bool,
}

impl Hints {
    /// Nothing known: every search runs.
    pub(crate) const ALL: Hints = Hints {
        recurs: true,
        dates: true,
    };

    /// The hints of a text from its tokens. Keys keep the case of letters
    /// after the first that are not ASCII (`HẰNG` -> `hẰng`), so those
    /// spellings are listed too.
    pub(crate) fn of(tokens: &super::tokens::Tokens<'_>) -> Hints {
        const KEYS: [&str; 4] = ["hằng", "hàng", "hẰng", "hÀng"];
        const CLASSES: [u16; 4] = crate::keys::word_classes(KEYS);
        const YEAR_PARTS: [&str; 4] = ["đầu", "đẦu", "cuối", "cuỐi"];
        const YEAR_CLASSES: [u16; 4] = crate::keys::word_classes(YEAR_PARTS);
        let mut hints = Hints {
            recurs: false,
            dates: false,
        };
        // One pass over the words; the classes turn most away without a comparison.
        for (key, class) in tokens.words() {
            let b = key.as_bytes();
            if CLASSES.contains(&class) && KEYS.contains(&key) {
                hints.recurs = true;
            } else if YEAR_CLASSES.contains(&class) && YEAR_PARTS.contains(&key)
                // `quý`, `qúy` in any case: a `q` word with `ý`, `Ý`, `ú` or `Ú`.
                || b.first() == Some(&b'q')
                    && b.windows(2).any(|w| matches!(w, [0xC3, 0xBD | 0x9D | 0xBA | 0x9A]))
            {
                hints.dates = true;
            }
            if hints.recurs && hints.dates {
                break;
            }
        }
        hints
    }
}

/// Every deadline in `text` that lies outside its citations (`cited`, byte
/// ranges from [`citations::find`]: a cited document's date is no deadline),
/// given the runs of digits in `text` ([`crate::keys::digit_runs`]).
pub(crate) fn find_cited(
    text: &str,
    ctx: &Context,
    cited: &[Range<usize>],
    numbers: &[Range<usize>],
    hints: Hints,
) -> Vec<FoundDeadline> {
    let mut out = Vec::new();
    dated(text, ctx, cited, numbers, hints, &mut out);
    if hints.recurs {
        recurring(text, &mut out);
    }
    out.sort_by_key(|d| (d.range.start, d.range.end));
    // The first of each kind and value stays.
    let mut kept = 0;
    for k in 0..out.len() {
        let seen = out[..kept]
            .iter()
            .any(|d| d.kind == out[k].kind && d.value == out[k].value);
        if !seen {
            out.swap(kept, k);
            kept += 1;
        }
    }
    out.truncate(kept);
    out
}

/// Where the text orders action at once (`ngay`, `khẩn trương`, `ngay lập
/// tức`), for a future `immediately` kind.
///
/// Not called: the gold annotation (FORMAT v1) has no such kind, and every
/// predicted deadline missing from the gold counts against the parser, so
/// urgency is not emitted by default.
#[allow(dead_code)]
pub(crate) fn urgency(text: &str) -> Option<Range<usize>> {
    for phrase in ["ngay lập tức", "khẩn trương", "ngay"] {
        let mut from = 0;
        while let Some(off) = text.get(from..).and_then(|t| t.find(phrase)) {
            let at = from + off;
            let end = at + phrase.len();
            let before_ok = !text[..at]
                .chars()
                .next_back()
                .is_some_and(crate::keys::is_word_char);
            let after_ok = !text[end..]
                .chars()
                .next()
                .is_some_and(crate::keys::is_word_char);
            if before_ok && after_ok {
                return Some(at..end);
            }
            from = end;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(y: i32, m: u8, d: u8) -> Context {
        Context {
            reference: Date::new(y, m, d),
        }
    }

    fn keys(text: &str, c: &Context) -> Vec<String> {
        find(text, c)
            .iter()
            .map(|d| format!("{}:{}", d.kind.as_str(), d.value))
            .collect()
    }

    fn check(cases: &[(&str, &[&str])], c: &Context) {
        for (text, want) in cases {
            assert_eq!(keys(text, c), *want, "{text:?}");
        }
    }

    #[test]
    fn invented_sentences() {
        let c = ctx(2025, 7, 17);
        check(
            &[
                (
                    "Sở Tài chính hoàn thành trước ngày 20/7.",
                    &["before:2025-07-20"],
                ),
                ("Báo cáo chậm nhất ngày 05/8/2025.", &["by:2025-08-05"]),
                ("Nộp hồ sơ chậm nhất là ngày 05/8/2025.", &["by:2025-08-05"]),
                (
                    "Gửi về Sở chậm nhất vào ngày 10 tháng 9 năm 2025.",
                    &["by:2025-09-10"],
                ),
                (
                    "Trong ngày 18/7/2025, hoàn tất việc bàn giao.",
                    &["by:2025-07-18"],
                ),
                ("Xong trước 30/9/2025.", &["before:2025-09-30"]),
                ("Triển khai trong quý III năm 2025.", &["quarter:2025-Q3"]),
                ("hoàn thành quý IV/2025", &["quarter:2025-Q4"]),
                ("hoàn thành trong quý III", &["quarter:2025-Q3"]),
                ("Tổ chức sơ kết trong tháng 10.", &["month:2025-10"]),
                ("Ban hành trước tháng 9/2025.", &["before:2025-09-01"]),
                (
                    "trình Chính phủ trong tháng 8 và tháng 9 năm 2025",
                    &["month:2025-08", "month:2025-09"],
                ),
                ("Thời hạn: ngày 15/10/2025.", &["by:2025-10-15"]),
                ("Tiến độ: tháng 11/2025", &["month:2025-11"]),
                ("Thời gian thực hiện: Năm 2026.", &["year:2026"]),
                ("Báo cáo hằng tuần về Văn phòng.", &["recurring:weekly"]),
                ("định kỳ hằng quý báo cáo", &["recurring:quarterly"]),
                ("Hằng năm, các sở báo cáo.", &["recurring:yearly"]),
                (
                    "gửi báo cáo trước ngày 5 hằng tháng",
                    &["recurring:monthly"],
                ),
                (
                    "báo cáo trước ngày 15 tháng 12 hằng năm",
                    &["before:2025-12-15", "recurring:yearly"],
                ),
                (
                    "Gửi báo cáo trước 17 giờ ngày 20/7/2025.",
                    &["before:2025-07-20"],
                ),
                ("Nộp chậm nhất 16h30 ngày 25/7/2025", &["by:2025-07-25"]),
                (
                    "hoàn thành trước thứ Sáu, ngày 25/7/2025",
                    &["before:2025-07-25"],
                ),
                (
                    "trước lúc 15 giờ 30 phút, ngày 01/8/2025",
                    &["before:2025-08-01"],
                ),
                ("Hoàn thành trước 30/9.", &["before:2025-09-30"]),
                ("báo cáo chậm nhất là 15/10", &["by:2025-10-15"]),
                (
                    "báo cáo định kỳ hằng tháng, quý, năm",
                    &[
                        "recurring:monthly",
                        "recurring:quarterly",
                        "recurring:yearly",
                    ],
                ),
                (
                    "báo cáo hằng quý và hằng năm",
                    &["recurring:quarterly", "recurring:yearly"],
                ),
                (
                    "báo cáo hằng tháng, năm 2025 tăng cường",
                    &["recurring:monthly"],
                ),
                (
                    "Thời gian thực hiện: Quý III, IV năm 2025.",
                    &["quarter:2025-Q3", "quarter:2025-Q4"],
                ),
                (
                    "báo cáo kết quả thực hiện về Văn phòng Chính phủ trước ngày 25 hằng tháng để tổng hợp",
                    &["recurring:monthly"],
                ),
                ("Thời hạn hoàn thành: tháng 9/2025.", &["month:2025-09"]),
                ("Hạn nộp: ngày 20/8/2025", &["by:2025-08-20"]),
                ("trước\u{a0}17\u{a0}giờ\u{a0}ngày 20/7/2025", &["before:2025-07-20"]),
                ("Thời gian tổ chức: ngày 09/11/2025", &[]),
                ("Thời gian hoàn thành: Trước 30/9/2025", &["before:2025-09-30"]),
                ("Trước mắt, trong tháng 8/2025, hoàn thành việc rà soát", &["month:2025-08"]),
                ("khẩn trương hoàn thành ngay trong tháng 8/2025", &["month:2025-08"]),
                // not deadlines
                ("Thời gian thực hiện: Từ tháng 7/2025 đến tháng 12/2025.", &[]),
                ("Từ ngày 15/8/2025 đến hết ngày 31/12/2025, tạm dừng việc cấp phép", &[]),
                ("Tổ chức sơ kết 6 tháng, tổng kết năm", &[]),
                ("Trong năm 2024, toàn tỉnh đã giải quyết 95% hồ sơ.", &[]),
                ("trong quý IV/2024 đã tăng 5%", &[]),
                (
                    "hồ sơ đã tiếp nhận trước ngày 01/7/2025 tiếp tục giải quyết",
                    &[],
                ),
                ("các khoản nợ phát sinh từ trước ngày 01/7/2025", &[]),
                ("Thời gian thực hiện: Năm 2025 - 2026.", &[]),
                ("Thời gian thực hiện: năm 2025–2026.", &[]),
                ("trực 24/7, kể cả trước 24 giờ", &[]),
                ("Thực hiện từ ngày 01/8/2025.", &[]),
                ("Kể từ ngày 01 tháng 7 năm 2025, các xã thực hiện.", &[]),
                (
                    "Đến ngày 19 tháng 8 năm 2025, cả nước có 94.402 người.",
                    &[],
                ),
                ("bảo đảm an ninh trước và sau ngày 02/9/2025", &[]),
                ("tại cuộc họp ngày 30 tháng 6 năm 2025", &[]),
                ("trong 6 tháng đầu năm 2025, tăng trưởng đạt 7%", &[]),
                (
                    "giai đoạn từ ngày 01 tháng 7 đến ngày 15 tháng 7 năm 2025",
                    &[],
                ),
                ("hoạt động ổn định, thông suốt 24/7.", &[]),
                ("Thực hiện thường xuyên.", &[]),
                ("Thực hiện thường xuyên trong năm.", &[]),
                ("Thời gian thực hiện: Cả năm 2015.", &[]),
                ("Sau khi có hướng dẫn của Bộ.", &[]),
                ("theo lộ trình tại Kế hoạch số 02-KH/BCĐTW", &[]),
                ("Luật Ban hành văn bản quy phạm pháp luật năm 2025", &[]),
                ("hoàn thành năm 2025", &[]),
                ("tăng cường ngay trong tháng này", &[]),
                ("đi đầu, hàng đầu, hàng hóa, hàng chục nghìn cán bộ", &[]),
            ],
            &c,
        );
    }

    #[test]
    fn corpus_sentences() {
        let c = ctx(2025, 7, 17);
        check(
            &[
                (
                    "Rà soát, khắc phục các lỗi kỹ thuật, bảo đảm thông suốt, không bị gián đoạn. Hoàn thành trước ngày 20 tháng 7 năm 2025.",
                    &["before:2025-07-20"],
                ),
                (
                    "xây dựng Nghị quyết của Chính phủ về nhiệm vụ chuyển đổi số toàn diện, hoàn thành trong tháng 7/2025 và Chỉ thị của Thủ tướng Chính phủ về đẩy mạnh, hoàn thành trong tháng 8 năm 2025.",
                    &["month:2025-07", "month:2025-08"],
                ),
                (
                    "hộ tịch điện tử dùng chung, hoàn thành trước ngày 20 tháng 7 năm 2025; hoàn thành việc đồng bộ Cơ sở dữ liệu Hộ tịch theo yêu cầu tại Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương",
                    &["before:2025-07-20"],
                ),
                (
                    "bổ sung mức thu phí, lệ phí thực hiện TTHC theo quy định mới từ ngày 01 tháng 7 năm 2025 (nếu có), hoàn thành trước ngày 20 tháng 7 năm 2025; thường xuyên rà soát, công bố",
                    &["before:2025-07-20"],
                ),
                ("Hoàn thành chậm nhất ngày 20 tháng 7 năm 2025.", &["by:2025-07-20"]),
                ("hoàn thành chậm nhất trước ngày 10 tháng 7 năm 2025.", &["before:2025-07-10"]),
                ("không gián đoạn, hoàn thành chậm nhất trong ngày 01 tháng 7 năm 2025.", &["by:2025-07-01"]),
                (
                    "Hoàn thành trong tháng 7 năm 2025 đối với các cơ sở dữ liệu đã đưa vào vận hành theo Thông báo số 35-TB/TGV ngày 01 tháng 7 năm 2025 và Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025",
                    &["month:2025-07"],
                ),
                (
                    "tiếp tục thực hiện chế độ báo cáo hằng ngày, gửi Bộ Khoa học và Công nghệ tổng hợp",
                    &["recurring:daily"],
                ),
                ("Hoàn thành, báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 8 năm 2025.", &["before:2025-08-15"]),
                (
                    "hoàn thành 100% thủ tục hành chính phi địa giới hành chính phạm vi cấp tỉnh trong năm 2025; nâng cao chất lượng",
                    &["year:2025"],
                ),
                (
                    "hoàn thành trong năm 2025. Bộ Khoa học và Công nghệ khẩn trương hoàn thiện hệ thống báo cáo số trước ngày 10 tháng 9 năm 2025.",
                    &["year:2025", "before:2025-09-10"],
                ),
                (
                    "tăng cường công tác kiểm tra; định kỳ hàng tháng báo cáo Ban Thường vụ Đảng uỷ Chính phủ",
                    &["recurring:monthly"],
                ),
                (
                    "Về thể chế, từ ngày 01 tháng 6 năm 2025 đến ngày 23 tháng 8 năm 2025, Chính phủ đã ban hành 112 Nghị định",
                    &[],
                ),
            ],
            &c,
        );
    }

    #[test]
    fn extra_corpus_sentences() {
        check(
            &[
                ("tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hàng năm.", &["before:2025-12-25", "recurring:yearly"]),
                ("báo cáo các cấp hàng ngày theo quy định", &["recurring:daily"]),
                (
                    "báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 11 năm 2025.",
                    &["before:2025-11-30"],
                ),
                (
                    "cập nhật kết quả thực hiện Đề án 06 trước ngày 20 hằng tháng lên phần mềm theo dõi",
                    &["recurring:monthly"],
                ),
                ("Thời gian thực hiện: Hoàn thành trong năm 2025.", &["year:2025"]),
            ],
            &ctx(2025, 11, 25),
        );
        check(
            &[
                ("Thời gian thực hiện: Quý I/2015.", &["quarter:2015-Q1"]),
                ("- Thời gian hoàn thành: Quý IV/2015.", &["quarter:2015-Q4"]),
                (
                    "Thời gian thực hiện: Quý II, III/2015.",
                    &["quarter:2015-Q2", "quarter:2015-Q3"],
                ),
                (
                    "Thời gian thực hiện: Quý II và III/2015.",
                    &["quarter:2015-Q2", "quarter:2015-Q3"],
                ),
                ("Thời gian thực hiện: Ngày 09/11/2015.", &["by:2015-11-09"]),
                (
                    "Hàng năm, phối hợp với Cơ quan công tác dân tộc tỉnh báo cáo Bộ Tư pháp",
                    &["recurring:yearly"],
                ),
                ("Cuối năm, báo cáo kết quả hoạt động phối hợp", &[]),
            ],
            &ctx(2015, 3, 2),
        );
        check(
            &[
                (
                    "Thời gian thực hiện: Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020.",
                    &["recurring:yearly", "quarter:2020-Q2"],
                ),
                ("Thời gian thực hiện: Thực hiện thường xuyên hằng năm.", &["recurring:yearly"]),
                (
                    "Thực hiện thường xuyên, riêng việc tuyên truyền, quán triệt Chỉ thị số 37-CT/TW và các Văn bản có liên quan hoàn thành trong quý II/2020.",
                    &["quarter:2020-Q2"],
                ),
                (
                    "định kỳ hàng năm (trước ngày 15/11 và đột xuất (khi có yêu cầu) báo cáo kết quả",
                    &["recurring:yearly", "before:2020-11-15"],
                ),
                ("gửi Ủy ban nhân dân tỉnh trước ngày 30 tháng 11 hằng năm.", &["before:2020-11-30", "recurring:yearly"]),
                ("giai đoạn 2017-2021; Kế hoạch số 2401/KH-UBND ngày 05 tháng 9 năm 2017", &[]),
            ],
            &ctx(2020, 4, 2),
        );
        check(
            &[(
                "thực hiện thanh tra toàn diện trong năm 2016.",
                &["year:2016"],
            )],
            &ctx(2016, 10, 17),
        );
    }

    #[test]
    fn due_dates_and_spans() {
        let c = ctx(2025, 7, 17);
        let text = "Hoàn thành trước ngày 20 tháng 7 năm 2025; báo cáo trong tháng 8/2025, trong quý III và trong năm 2025; hằng tháng.";
        let found = find(text, &c);
        let got: Vec<(&str, Option<String>)> = found
            .iter()
            .map(|d| (&text[d.range.clone()], d.due.map(|d| d.to_string())))
            .collect();
        assert_eq!(
            got,
            vec![
                ("trước ngày 20 tháng 7 năm 2025", Some("2025-07-19".into())),
                ("trong tháng 8/2025", Some("2025-08-31".into())),
                ("trong quý III", Some("2025-09-30".into())),
                ("trong năm 2025", Some("2025-12-31".into())),
                ("hằng tháng", None),
            ]
        );
        let text = "Chậm nhất trước ngày 01/3/2024, định kỳ hàng quý";
        let found = find(text, &c);
        assert_eq!(
            &text[found[0].range.clone()],
            "Chậm nhất trước ngày 01/3/2024"
        );
        assert_eq!(found[0].due, Date::new(2024, 2, 29));
        assert_eq!(&text[found[1].range.clone()], "định kỳ hàng quý");
    }

    #[test]
    fn without_reference_dates_need_a_year() {
        let c = Context { reference: None };
        assert_eq!(
            keys("trước ngày 25/12 hàng năm", &c),
            vec!["recurring:yearly"]
        );
        assert_eq!(keys("trước ngày 25/12/2025", &c), vec!["before:2025-12-25"]);
    }

    #[test]
    fn urgency_words() {
        assert_eq!(
            urgency("Khẩn trương rà soát"),
            None,
            "case-sensitive: sentence-initial forms are left out"
        );
        assert_eq!(urgency("các bộ khẩn trương rà soát"), Some(10..25));
        assert_eq!(urgency("trong ngày 01/7"), None);
        assert!(urgency("tháo gỡ ngay các khó khăn").is_some());
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(s in "\\PC{0,80}") {
                for d in find(&s, &ctx(2025, 7, 17)) {
                    prop_assert!(s.is_char_boundary(d.range.start));
                    prop_assert!(s.is_char_boundary(d.range.end));
                }
            }

            #[test]
            fn never_panics_around_times_and_spaces(s in "(trước|Trước|chậm nhất|giờ|phút|lúc|[0-9]{1,3}h[0-9]{0,2}|thứ Sáu|đã|từ|ngày|tháng|hằng|hàng|:|,|\u{a0}| |–|[0-9]{1,4}|/){0,16}") {
                for d in find(&s, &ctx(2025, 7, 17)) {
                    prop_assert!(s.is_char_boundary(d.range.start));
                    prop_assert!(s.is_char_boundary(d.range.end));
                }
            }

            #[test]
            fn never_panics_on_deadline_words(s in "(Trước|trước|chậm nhất|trong|hằng|Hàng|định kỳ|Thời gian thực hiện:|ngày|tháng|quý|năm| |/|[0-9]{1,4}|III){0,12}") {
                for d in find(&s, &ctx(2025, 7, 17)) {
                    prop_assert!(s.is_char_boundary(d.range.start));
                    prop_assert!(s.is_char_boundary(d.range.end));
                }
            }
        }
    }
}

#[cfg(test)]
mod timing {
    use std::time::{Duration, Instant};

    fn best<F: FnMut() -> usize>(mut f: F) -> Duration {
        (0..300)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    /// `cargo test --release --lib timing -- --ignored --nocapture`: the
    /// best of 300 runs over each whole fixture taken as one text.
    #[test]
    #[ignore]
    fn whole_documents() {
        let ctx = super::Context {
            reference: crate::date::Date::new(2025, 7, 17),
        };
        for entry in std::fs::read_dir("fixtures")
            .unwrap()
            .chain(std::fs::read_dir("fixtures/extra").unwrap())
        {
            let path = entry.unwrap().path();
            if path.extension() != Some(std::ffi::OsStr::new("txt")) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let dates = best(|| crate::date::scan(&text, ctx.reference).len());
            let dl = best(|| super::find(&text, &ctx).len());
            let ci = best(|| crate::semantics::citations::find(&text, &ctx).len());
            println!(
                "{:>6} B  dates {:?}  deadlines {:?}  citations {:?}  {}",
                text.len(),
                dates,
                dl,
                ci,
                path.display()
            );
        }
    }
}
