//! Parties: who must act (lead), who works with them (coordinate), whom they
//! report to.
//!
//! Parties are recognized by the grammar of Vietnamese administrative names,
//! not by a list of names:
//!
//! ```text
//! party    ::= ("các" | "những")? title* "các"? head words*
//! title    ::= Bộ trưởng | Thủ trưởng | Chủ tịch | Giám đốc | Trưởng ban | Chủ nhiệm | Người đứng đầu | ...
//! head     ::= body (Bộ, Sở, Ban, Ủy ban, UBND, Văn phòng, Công an, Tập đoàn, ...)
//!            | group noun (cơ quan, đơn vị, địa phương, bộ, ngành, doanh nghiệp, ...)
//! words    ::= any word up to a verb or function word that ends a name
//!              (chủ trì, phối hợp, rà soát, theo, để, ...), punctuation, or
//!              `và` before another party
//! lister   ::= "Bộ trưởng"? "các bộ" ":" NAME ("," NAME)*   -> one party per ministry
//! ```
//!
//! Roles come from where the list stands in a clause: the subject of a clause
//! (or the object of `Giao`, `Đề nghị`, `Yêu cầu`) leads; the list after
//! `phối hợp (với)`, `Cùng`, `kết hợp với` coordinates; the list after
//! `báo cáo` receives the report. A requester (`Bộ Y tế đề nghị X ...`) is
//! not an actor; X is.

use std::cell::Cell;
use std::ops::Range;

use super::tokens::{Kind, Tokens};
use super::{canon, FoundParty};
use crate::model::Role;

/// The parties a letter's lead-in asks to act: the object of its last
/// `yêu cầu` / `đề nghị` (`Tổng cục Thuế yêu cầu Cục Thuế các tỉnh ... thực
/// hiện một số giải pháp sau:`). Empty when the lead-in orders no one.
pub(crate) fn addressees(text: &str) -> Vec<FoundParty> {
    let mut scratch = super::tokens::Scratch::default();
    let base = Tokens::new(text, &mut scratch);
    let mut words = Scratch::default();
    let toks = Words::new(&base, &mut words);
    let mut out = Vec::new();
    let last = (0..toks.len())
        .rev()
        .find_map(|i| toks.any_of(i, &["yêu cầu", "đề nghị"]).map(|n| i + n));
    if let Some(i) = last {
        let (ps, _) = list(&toks, i, false);
        push(&toks, &ps, Role::Lead, &mut out);
    }
    out
}

/// The parties a node's own text names, in order of appearance.
#[cfg(test)]
pub(crate) fn find(text: &str) -> Vec<FoundParty> {
    find_in(
        &Tokens::new(text, &mut Default::default()),
        &mut Scratch::default(),
    )
}

/// [`find`] over the tokens of the node's text.
pub(crate) fn find_in(base: &Tokens<'_>, scratch: &mut Scratch) -> Vec<FoundParty> {
    let toks = Words::new(base, scratch);
    let mut out = Vec::new();
    let mut start = 0;
    while start < toks.len() {
        let end = toks.clause_end(start);
        if let Some(role) = field_label(&toks, start, end) {
            // A field's value runs to the end of its line; `;` separates its items.
            let mut value_end = toks.clause_end(end + 1);
            while value_end < toks.len() && toks.text[toks.toks[value_end].range.clone()] == *";" {
                value_end = toks.clause_end(value_end + 1);
            }
            if role == Role::Coordinate {
                // `Đơn vị phối hợp: X, Y; Z` gives every party after the colon that role.
                let ps = field_value(&toks, end + 1, value_end);
                push(&toks, &ps, role, &mut out);
            } else {
                // `Cơ quan thực hiện: X chủ trì, phối hợp với Y; Z` reads as a clause.
                clause_with(&toks, end + 1, value_end, &mut out, true);
            }
            start = value_end + 1;
            continue;
        }
        clause(&toks, start, end, &mut out);
        start = end + 1;
    }
    out
}

// ---------------------------------------------------------------------------
// Words: the node's tokens with the party vocabularies looked up

/// A node's [`Tokens`] with, for each token, the length in words of the
/// phrase of each party vocabulary spelled from there, worked out the first
/// time the vocabulary is tried at the token: most tokens are never asked,
/// and the grammar asks some many times.
struct Words<'a, 't> {
    base: &'a Tokens<'t>,
    /// What is known of each token's vocabulary matches.
    known: &'a [Cell<Known>],
}

/// The buffers of the party grammar, kept from one text to the next so that
/// the texts of a document are read without allocating each time.
#[derive(Default)]
pub(crate) struct Scratch {
    known: Vec<Cell<Known>>,
}

/// What is known of the vocabulary matches at a token.
#[derive(Clone, Copy, Default)]
struct Known {
    /// The phrases of all vocabularies that start with the token's word, once looked up.
    cands: Option<&'static Phrases>,
    /// A bit per vocabulary whose match is worked out (from [`KNOWN`]), and
    /// three bits per vocabulary for its length, at [`Vocab::slot`].
    matches: u32,
}

/// The first of the bits that say a vocabulary's match at a token is worked out.
const KNOWN: u32 = 21;

impl<'a, 't> Words<'a, 't> {
    fn new(base: &'a Tokens<'t>, scratch: &'a mut Scratch) -> Self {
        scratch.known.clear();
        scratch
            .known
            .resize(base.len(), Cell::new(Known::default()));
        Words {
            base,
            known: &scratch.known,
        }
    }

    /// The length of the first phrase of a vocabulary spelled from `i`.
    fn any(&self, i: usize, v: &Vocab) -> Option<usize> {
        let cell = self.known.get(i)?;
        let slot = u32::from(v.slot);
        let mut k = cell.get();
        if k.matches & (1 << (KNOWN + slot)) == 0 {
            let key = self.key(i);
            static NONE: Phrases = Vec::new();
            let cands = *k.cands.get_or_insert_with(|| {
                first_words().get_class(self.class(i), key).unwrap_or(&NONE)
            });
            // Candidates keep the vocabulary's order, so the first that matches is the one listed first.
            let n = cands
                .iter()
                .filter(|(s, _)| *s == v.slot)
                .find_map(|(_, rest)| self.rest_after(i, rest));
            k.matches |= 1 << (KNOWN + slot) | (n.unwrap_or(0).min(7) as u32) << (3 * slot);
            cell.set(k);
        }
        let n = (k.matches >> (3 * slot)) & 7;
        (n != 0).then_some(n as usize)
    }
}

impl<'t> std::ops::Deref for Words<'_, 't> {
    type Target = Tokens<'t>;

    fn deref(&self) -> &Tokens<'t> {
        self.base
    }
}

// ---------------------------------------------------------------------------
// Vocabulary (lowercase, as written)

/// A list of phrases, and its slot in the per-token matches.
struct Vocab {
    slot: u8,
    phrases: &'static [&'static str],
}

/// The vocabulary phrases that start with one word, each with its
/// vocabulary's slot: the rest of the phrase after that word (` trưởng` for
/// `bộ trưởng`, empty for `bộ`).
type Phrases = Vec<(u8, &'static str)>;

/// First word of every phrase -> the phrases that start with it, with their
/// vocabulary's slot.
type FirstWords = crate::keys::WordTable<Phrases>;

/// Every party vocabulary, each in its own slot.
const VOCABULARIES: [&Vocab; 7] = [
    &TITLES,
    &BODIES,
    &GROUPS,
    &UNITS,
    &STOPS,
    &KEEPS,
    &FUNCTION_WORDS,
];

/// First word of every phrase -> the phrases that start with it, with their vocabulary's slot.
fn first_words() -> &'static FirstWords {
    static MAP: std::sync::OnceLock<FirstWords> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FirstWords::new();
        for v in VOCABULARIES {
            for p in v.phrases {
                let w = p.split(' ').next().unwrap_or(p);
                m.entry(w).push((v.slot, &p[w.len()..]));
            }
        }
        m
    })
}

/// Titles of the head of a body or of a person in office.
const TITLES: Vocab = Vocab {
    slot: 0,
    phrases: &[
        "phó thủ tướng chính phủ",
        "phó thủ tướng",
        "thủ tướng chính phủ",
        "tổng giám đốc",
        "phó giám đốc",
        "giám đốc",
        "bộ trưởng",
        "thủ trưởng",
        "phó chủ tịch",
        "chủ tịch",
        "chủ nhiệm",
        "người đứng đầu",
        "tổng cục trưởng",
        "cục trưởng",
        "vụ trưởng",
        "chi cục trưởng",
        "hiệu trưởng",
        "viện trưởng",
        "chánh án",
        "bí thư",
        "đồng chí",
    ],
};

/// Heads of named bodies.
const BODIES: Vocab = Vocab {
    slot: 1,
    phrases: &[
        "ủy ban nhân dân",
        "hội đồng nhân dân",
        "ủy ban kiểm tra",
        "ủy ban mặt trận tổ quốc",
        "ủy ban",
        "ubnd",
        "hđnd",
        "văn phòng",
        "vpcp",
        "tổng công ty",
        "công ty",
        "tập đoàn",
        "công an",
        "thanh tra",
        "tổng cục",
        "chi cục",
        "cục",
        "vụ",
        "kho bạc",
        "ngân hàng",
        "trung tâm",
        "viện kiểm sát",
        "tòa án",
        "học viện",
        "viện",
        "bộ chỉ huy",
        "bộ tư lệnh",
        "bộ đội biên phòng",
        "liên đoàn",
        "mặt trận",
        "hiệp hội",
        "hội",
        "ban chỉ đạo",
        "ban",
        "bộ",
        "sở",
        "đài",
        "tổ công tác",
        "đoàn thanh niên",
        "bảo hiểm xã hội",
        "kiểm toán nhà nước",
        "thông tấn xã",
        "chính phủ",
        "đảng ủy",
    ],
};

/// Nouns that name a kind of party (`các cơ quan`, `đơn vị phát triển hệ thống`).
const GROUPS: Vocab = Vocab {
    slot: 2,
    phrases: &[
        "cơ quan",
        "đơn vị",
        "tổ chức",
        "doanh nghiệp",
        "địa phương",
        "ngành",
        "cấp ủy",
        "chính quyền",
        "lực lượng",
        "bộ",
        "sở",
        "ban",
        "tập đoàn",
        "tổng công ty",
        "công ty",
        "thành viên",
        "đoàn",
        "lãnh đạo",
        "tỉnh",
        "thành phố",
        // Those the law makes answer for a thing they own or build.
        "chủ đầu tư",
        "chủ rừng",
        "chủ cơ sở",
        "chủ phương tiện",
        "nhà đầu tư",
        "nhà thầu",
        "hiệp hội",
    ],
};

/// Administrative units that continue a name after a comma (`các tỉnh, thành phố`).
const UNITS: Vocab = Vocab {
    slot: 3,
    phrases: &[
        "thành phố",
        "thị xã",
        "thị trấn",
        "đặc khu",
        "tỉnh",
        "huyện",
        "quận",
        "xã",
        "phường",
    ],
};

/// Words that end a name: verbs that open the action, and function words.
const STOPS: Vocab = Vocab {
    slot: 4,
    phrases: &[
        "chủ trì",
        "phối hợp",
        "kết hợp",
        "chỉ đạo",
        "chịu trách nhiệm",
        "khẩn trương",
        "tập trung",
        "rà soát",
        "triển khai",
        "thực hiện",
        "xây dựng",
        "hướng dẫn",
        "bảo đảm",
        "đảm bảo",
        "ban hành",
        "tham mưu",
        "theo dõi",
        "đôn đốc",
        "nghiên cứu",
        "tổng hợp",
        "chủ động",
        "tiếp tục",
        "hoàn thành",
        "hoàn thiện",
        "kiểm tra",
        "cập nhật",
        "đẩy mạnh",
        "đẩy nhanh",
        "tăng cường",
        "xử lý",
        "bố trí",
        "giải quyết",
        "hỗ trợ",
        "kịp thời",
        "quyết liệt",
        "nghiêm túc",
        "chấn chỉnh",
        "phát huy",
        "thường xuyên",
        "vào cuộc",
        "khắc phục",
        "xác định",
        "đánh giá",
        "công bố",
        "tuyên truyền",
        "phổ biến",
        "quán triệt",
        "thành lập",
        "kiện toàn",
        "điều chỉnh",
        "huy động",
        "trực tiếp",
        "đề xuất",
        "kết nối",
        "tổ chức",
        "sử dụng",
        "cung cấp",
        "trình",
        "báo cáo",
        "căn cứ",
        "cần",
        "phải",
        "có trách nhiệm",
        "có phương án",
        "có",
        "sẽ",
        "đã",
        "đang",
        "vẫn",
        "cùng",
        "theo",
        "để",
        "nhằm",
        "trong",
        "tại",
        "về",
        "trên",
        "khi",
        "đối với",
        "với",
        "từ",
        "đến",
        "trước",
        "cho",
        "thì",
        "là",
        "nếu",
        "sau",
        "ngay",
        "thông qua",
        "tham gia",
        "lãnh đạo",
        "yêu cầu",
        "đề nghị",
        "duy trì",
        "nâng cao",
        "đưa",
        "áp dụng",
        "thực thi",
        "rút",
        "làm",
        "những",
        "kết quả",
        "tình hình",
        "nội dung",
        "việc",
        "cử",
        "gửi",
        "ký",
        "lập",
        "phân công",
        "tích cực",
    ],
};

/// Function words that end a name even inside a body's field (`... về X theo ...`).
const FUNCTION_WORDS: Vocab = Vocab {
    slot: 6,
    phrases: &[
        "theo",
        "để",
        "nhằm",
        "tại",
        "trong",
        "khi",
        "đối với",
        "với",
        "cho",
        "thì",
        "là",
        "nếu",
        "chủ trì",
        "phối hợp",
        "chịu trách nhiệm",
        "chỉ đạo",
    ],
};

/// Where a plural group starts after one or two lower-case words that only
/// frame it (`hệ thống các cơ quan báo chí`, `toàn thể các đơn vị`).
fn group_after_filler(t: &Words<'_, '_>, i: usize) -> Option<usize> {
    (1..=2).map(|n| i + n).find(|&g| {
        (i..g).all(|k| t.kind(k) == Some(Kind::Word) && !t.upper(k) && !is_stop(t, k))
            && matches!(t.key(g), "các" | "những")
            && party_start(t, g, true).is_some()
    })
}

/// Whether the words at `i` open the topic of a report or a request
/// (`báo cáo Ủy ban Dân tộc về tình hình ...`), not the field of a body's name
/// (`Ban Chỉ đạo ... về phát triển khoa học`).
fn topic_after(t: &Words<'_, '_>, i: usize) -> bool {
    const TOPICS: &[&str] = &[
        "tình hình",
        "kết quả",
        "tiến độ",
        "việc",
        "nội dung",
        "những",
        "các",
    ];
    t.any_of(i, TOPICS).is_some()
}

/// Not stops although they begin like one (`các cơ quan có liên quan`).
const KEEPS: Vocab = Vocab {
    slot: 5,
    phrases: &[
        "có liên quan",
        "cùng cấp",
        "trực thuộc",
        "liên quan",
        "cấp tỉnh",
        "cấp xã",
        "cấp huyện",
    ],
};

// ---------------------------------------------------------------------------
// Grammar

/// A party found at some position: its token range, and the range of its name.
struct Party {
    /// First and one-past-last token of the name (parentheticals inside are skipped in the text).
    toks: Range<usize>,
    /// Tokens where a title ends and the body begins (for the canonical form).
    body_at: usize,
    /// Built name, when it is not a slice of the text (a ministry of a lister).
    built: Option<String>,
}

fn is_stop(t: &Words<'_, '_>, i: usize) -> bool {
    if t.kind(i) != Some(Kind::Word) {
        return true;
    }
    if t.any(i, &KEEPS).is_some() {
        return false;
    }
    t.any(i, &STOPS).is_some()
}

/// Where a party starts at `i`: the index of its head noun, and whether the head is a named body.
fn party_start(t: &Words<'_, '_>, i: usize, in_list: bool) -> Option<(usize, usize, bool)> {
    let mut j = i;
    let mut determiner = false;
    // A count before a plural (`13 Cục Thuế`, `4 tỉnh`) counts as a determiner.
    if t.kind(j) == Some(Kind::Word)
        && t.key(j).bytes().all(|b| b.is_ascii_digit())
        && !t.key(j).is_empty()
    {
        j += 1;
        determiner = true;
    }
    if matches!(t.key(j), "các" | "những" | "mỗi") {
        j += 1;
        determiner = true;
    }
    let mut titled = false;
    let mut after_title = false;
    while let Some(n) = t.any(j, &TITLES) {
        j += n;
        titled = true;
        // `Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ`: one office with two titles.
        if t.kind(j) == Some(Kind::Comma) && t.phrase(j + 1, "chủ nhiệm").is_some() {
            j += 1;
            continue;
        }
        if matches!(t.key(j), "các" | "những")
            && (t.any(j + 1, &BODIES).is_some() || t.any(j + 1, &GROUPS).is_some())
        {
            determiner = true;
            after_title = true;
            break;
        }
    }
    // `Trưởng Ban Cơ yếu Chính phủ`, `Chánh Văn phòng Bộ`: a title that needs a body after it.
    if !titled {
        if let Some(n) = t.any_of(j, &["phó trưởng", "trưởng", "chánh"]) {
            // `Trưởng Ban Cơ yếu`, `Trưởng ban Thường trực ...`, `Chánh Văn phòng Bộ`.
            if t.any(j + n, &BODIES).is_some() && (t.upper(j + n) || t.key(j + n) == "ban") {
                j += n;
                titled = true;
            }
        }
    }
    // `Bộ trưởng các Bộ`: the body is the plural group `các Bộ`.
    let body_at = j;
    if after_title {
        j += 1;
    }
    if let Some(n) = t.any(j, &BODIES) {
        // A capitalized body (`Bộ Công an`, `Sở Tư pháp`) or one after a title or `các`.
        let capital = t.upper(j) || t.key(j) == "ubnd" || t.key(j) == "hđnd";
        // `bộ`, `ban`, `sở` in lower case are group nouns; `Ban` needs a name after it.
        if capital || titled || determiner {
            // `Báo cáo` is a verb, not the head `Báo`; `Ban hành` is not `Ban`.
            if !(t.key(j) == "ban" && t.key(j + 1) == "hành") {
                // `các Bộ`, `các Sở` are groups, not one named body.
                return Some((body_at, j + n, capital && !determiner));
            }
        }
    }
    if let Some(n) = t.any(j, &GROUPS) {
        // `Tổ chức`, `Lãnh đạo` at a clause start are verbs; `các tổ chức` is a party.
        let verb_too =
            matches!(t.key(j), "tổ" | "lãnh") || (t.key(j) == "ban" && t.key(j + 1) == "hành");
        if determiner || titled || (in_list || t.upper(j)) && !verb_too {
            return Some((body_at, j + n, false));
        }
    }
    if titled {
        // A title alone is a person: `Bộ trưởng`, `Phó Thủ tướng Chính phủ Trần Hồng Hà`.
        return Some((body_at, j, false));
    }
    None
}

/// Whether `có liên quan` / `liên quan` closes a relative clause within `n`
/// words from `j` (`các đơn vị xây dựng pháp luật có liên quan`).
fn related_within(t: &Words<'_, '_>, j: usize, n: usize) -> bool {
    (j..j + n)
        .take_while(|&k| t.kind(k) == Some(Kind::Word))
        .any(|k| t.phrase(k, "liên quan").is_some())
}

/// Parse one party at `i`.
fn party(t: &Words<'_, '_>, i: usize, in_list: bool) -> Option<Party> {
    let (body_at, mut j, named) = party_start(t, i, in_list)?;
    // `Bộ, ngành, địa phương`: a body head with no name after it is a kind, not a body.
    let named = named && t.kind(j) == Some(Kind::Word);
    // A title with no body (`Thủ tướng Chính phủ`, `Phó Thủ tướng Trần Hồng Hà`) runs on only over a person's name.
    let person =
        j == body_at && t.any(body_at, &BODIES).is_none() && t.any(body_at, &GROUPS).is_none();
    // A group of kinds (`các bộ, ngành, địa phương`) runs on over commas until a proper name closes it.
    let mut group = !named && !person;
    let plural = matches!(t.key(i), "các" | "những") || (body_at > i && t.key(body_at) == "các");
    // Words of the current item of a group (reset at each comma).
    let mut item_words = 0;
    let mut about = false;
    let mut end = j;
    let mut words = 0;
    loop {
        match t.kind(j) {
            Some(Kind::Word) if person && !t.upper(j) => break,
            Some(Kind::Word) => {
                // `các chủ rừng là tổ chức`: a group narrowed to a kind of legal person.
                let kind = ["tổ chức", "cá nhân", "hộ gia đình", "doanh nghiệp"];
                if let Some(n) = (group && t.key(j) == "là")
                    .then(|| t.any_of(j + 1, &kind))
                    .flatten()
                {
                    j += 1 + n;
                    item_words += 1 + n;
                    words += 1 + n;
                    end = j;
                    continue;
                }
                if t.key(j) == "và" || t.key(j) == "hoặc" {
                    // `Khoa học và Công nghệ` goes on; `và các cơ quan` starts another party.
                    if party_start(t, j + 1, true).is_some()
                        || is_stop(t, j + 1)
                        || group_after_filler(t, j + 1).is_some()
                    {
                        break;
                    }
                } else if is_stop(t, j)
                    // `cơ quan tham mưu` is a kind of body; `có liên quan tham mưu` is its work.
                    && !(t.key(j) == "tham" && t.key(j - 1) == "quan" && t.key(j - 2) == "cơ")
                    && !(group && related_within(t, j, 8))
                    // A body's proper name is capitalized (`Ban Chỉ đạo`, `Cục Kiểm tra`);
                    // after a word in lower case a capital starts the next sentence
                    // (`Công an tỉnh Chỉ đạo các đơn vị ...` of a heading run on).
                    && !(named && t.upper(j) && t.upper(j - 1))
                    && !(t.key(j) == "chỉ" && t.key(j - 1) == "ban")
                    && !(named && t.key(j) == "về" && words > 0 && !topic_after(t, j + 1))
                    && !(about && t.any(j, &FUNCTION_WORDS).is_none())
                {
                    break;
                }
                // `Ban Chỉ đạo ... về phát triển khoa học`: after `về` a body's name names its field.
                if named && t.key(j) == "về" {
                    about = true;
                }
                // A person's name after a title (`Phó Thủ tướng Chính phủ Trần Hồng Hà`) is part of it.
                if t.upper(j) && !(item_words == 0 && t.any(j, &GROUPS).is_some()) {
                    group = false;
                }
                j += 1;
                item_words += 1;
                end = j;
                words += 1;
            }
            Some(Kind::Open) => {
                // Skip a parenthetical: `(EVN)`, `(Bắc Ninh, Lào Cai)`.
                let mut depth = 0;
                while let Some(k) = t.kind(j) {
                    match k {
                        Kind::Open => depth += 1,
                        Kind::Close => {
                            depth -= 1;
                            if depth == 0 {
                                j += 1;
                                break;
                            }
                        }
                        Kind::End => break,
                        _ => {}
                    }
                    j += 1;
                }
                if depth != 0 {
                    break;
                }
                end = j;
            }
            Some(Kind::Dash)
                if words > 0
                    && (t.upper(j + 1) || named)
                    && party_start(t, j + 1, false).is_none()
                    && !is_stop(t, j + 1) =>
            {
                // `Sở Lao động - Thương binh và Xã hội`, `Vụ Pháp luật hình sự - hành chính`.
                j += 1;
            }
            Some(Kind::Comma) => {
                // `các tỉnh, thành phố`; `các bộ, ngành, địa phương`; `Văn hóa, Thể thao và Du lịch`.
                let next = j + 1;
                let unit = t.any(next, &UNITS).is_some() && !t.upper(next);
                // A group runs on when it opened with `các` or its item so far is a bare noun
                // (`cơ quan, đơn vị liên quan`); `Thủ trưởng cơ quan ngang bộ, cơ quan ...` is two.
                let runs_on =
                    group && (plural || item_words <= 1) && t.any(next, &TITLES).is_none();
                let in_group = runs_on
                    && !t.upper(next)
                    && t.kind(next) == Some(Kind::Word)
                    && t.key(next) != "các"
                    && (t.any(next, &GROUPS).is_some() || !is_stop(t, next))
                    && party_start(t, next, false).map_or(true, |(_, _, named)| !named);
                let group_caps = runs_on && t.any(next, &GROUPS).is_some() && t.upper(next);
                let ministry = t.key(end.saturating_sub(1)) == "hóa"
                    && t.key(end.saturating_sub(2)) == "văn"
                    && t.phrase(next, "thể thao").is_some();
                // `Vụ Phổ biến, giáo dục pháp luật`: a short proper name with a comma inside.
                let proper = named
                    && words <= 3
                    && !t.upper(next)
                    && t.kind(next) == Some(Kind::Word)
                    && !is_stop(t, next)
                    && party_start(t, next, true).is_none();
                if unit || in_group || group_caps || ministry || proper {
                    item_words = 0;
                    j = next;
                    continue;
                }
                break;
            }
            _ => break,
        }
        if words > 16 {
            break;
        }
    }
    (end > i).then_some(Party {
        toks: i..end,
        body_at,
        built: None,
    })
}

/// A list of parties from `i`: `X, Y và Z`. Returns the parties and the index after the list.
fn list(t: &Words<'_, '_>, i: usize, in_list: bool) -> (Vec<Party>, usize) {
    list_with(t, i, in_list, false)
}

/// [`list`], where `semis` lets `;` separate items too (the value of a plan's field).
fn list_with(t: &Words<'_, '_>, i: usize, in_list: bool, semis: bool) -> (Vec<Party>, usize) {
    if let Some(found) = lister(t, i) {
        return found;
    }
    let mut out = Vec::new();
    let mut j = i;
    let mut first = true;
    while let Some(p) = party(t, j, in_list || !first) {
        j = p.toks.end;
        out.push(p);
        first = false;
        // Another item after `,`, `và`, `hoặc` (or `, và`); in a field's value
        // also after `;` (`Đơn vị phối hợp: Liên đoàn Lao động tỉnh; các sở, ngành`).
        let mut k = j;
        if t.kind(k) == Some(Kind::Comma)
            || semis && t.kind(k) == Some(Kind::End) && t.text[t.toks[k].range.clone()] == *";"
        {
            k += 1;
        }
        if matches!(t.key(k), "và" | "hoặc") {
            k += 1;
            // `và hệ thống các cơ quan báo chí`: the party is the group.
            if party_start(t, k, true).is_none() {
                k = group_after_filler(t, k).unwrap_or(k);
            }
        }
        if k == j {
            break;
        }
        if party_start(t, k, true).is_none() {
            // `Vụ Pháp luật hình sự - hành chính, Các vấn đề chung ...`: a list of one
            // kind of body may leave the head out after the first.
            let named_before = out
                .last()
                .is_some_and(|p: &Party| t.upper(p.body_at) && p.built.is_none());
            if !(named_before && t.upper(k) && t.kind(k) == Some(Kind::Word) && !is_stop(t, k)) {
                break;
            }
            let mut e = k;
            while t.kind(e) == Some(Kind::Word) && (e == k || !is_stop(t, e) || t.key(e) == "về")
            {
                e += 1;
            }
            out.push(Party {
                toks: k..e,
                body_at: k,
                built: None,
            });
            j = e;
            continue;
        }
        j = k;
    }
    (out, j)
}

/// The parties of a field's value (`Đơn vị phối hợp: Vụ Pháp luật quốc tế, Cục
/// Quản lý xử lý vi phạm hành chính và theo dõi thi hành pháp luật; các sở,
/// ngành`), tokens `[from, to)`. The label says that every item is a party, so
/// an item's name runs to the next `,` or `;` whatever words it holds (verbs and
/// `về` are part of such names). An item that starts in lower case and not with
/// `các` goes on the item before it (`Vụ Phổ biến, giáo dục pháp luật`, `các sở,
/// ngành`); `và` starts a new item only before another party.
fn field_value(t: &Words<'_, '_>, from: usize, to: usize) -> Vec<Party> {
    let mut out: Vec<Party> = Vec::new();
    let mut k = from;
    let mut depth = 0usize;
    // Start of the current item, and whether a new item may start at `k`.
    let mut item: Option<usize> = None;
    let mut at_item_start = true;
    let close = |out: &mut Vec<Party>, start: usize, end: usize| {
        if end > start {
            // The canonical form leaves out a determiner or title (`các đơn vị` -> `đơn vị`).
            let determiner = usize::from(matches!(t.key(start), "các" | "những"));
            let body_at = party_start(t, start, true)
                .map_or(start + determiner, |(b, _, _)| b)
                .min(end - 1);
            out.push(Party {
                toks: start..end,
                body_at,
                built: None,
            });
        }
    };
    while k < to {
        match t.kind(k) {
            Some(Kind::Open) => depth += 1,
            Some(Kind::Close) => depth = depth.saturating_sub(1),
            Some(Kind::Comma | Kind::End) if depth == 0 => {
                at_item_start = true;
                k += 1;
                continue;
            }
            Some(Kind::Word) if depth == 0 => {
                let key = t.key(k);
                if at_item_start && matches!(key, "và" | "hoặc") {
                    k += 1;
                    continue;
                }
                let joins = matches!(key, "và" | "hoặc")
                    && (t.upper(k + 1) || matches!(t.key(k + 1), "các" | "những"))
                    && party_start(t, k + 1, true).is_some();
                let new_item = at_item_start
                    && (t.upper(k) || matches!(key, "các" | "những") || item.is_none());
                if joins || new_item {
                    if let Some(s) = item.take() {
                        close(&mut out, s, last_word_end(t, s, k));
                    }
                    if joins {
                        k += 1;
                    }
                    item = Some(k);
                }
                at_item_start = false;
            }
            _ => {}
        }
        k += 1;
    }
    if let Some(s) = item {
        close(&mut out, s, last_word_end(t, s, to));
    }
    out
}

/// One past the last word token in `[start, end)` (items end before a trailing `,` or `;`).
fn last_word_end(t: &Words<'_, '_>, start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start && !matches!(t.kind(e - 1), Some(Kind::Word | Kind::Close)) {
        e -= 1;
    }
    e
}

/// `Bộ trưởng các bộ: Nông nghiệp và Môi trường, Nội vụ, Y tế` -> one party per ministry.
fn lister(t: &Words<'_, '_>, i: usize) -> Option<(Vec<Party>, usize)> {
    let mut j = i;
    if matches!(t.key(j), "các") {
        j += 1;
    }
    if let Some(n) = t.phrase(j, "bộ trưởng") {
        j += n;
    }
    let n = t.phrase(j, "các bộ")?;
    j += n;
    if t.kind(j) != Some(Kind::Colon) {
        return None;
    }
    j += 1;
    let mut out = Vec::new();
    loop {
        // A ministry's name: capitalized words, `và` inside, up to `,`/`;`/end or a stop.
        if !t.upper(j) || t.kind(j) != Some(Kind::Word) {
            break;
        }
        let start = j;
        while t.kind(j) == Some(Kind::Word) && (j == start || !is_stop(t, j) || t.key(j) == "và") {
            if j > start && t.upper(j) && t.any(j, &STOPS).is_some() {
                break;
            }
            j += 1;
        }
        // `Văn hóa, Thể thao và Du lịch` is one ministry.
        if t.key(j - 1) == "hóa"
            && t.kind(j) == Some(Kind::Comma)
            && t.phrase(j + 1, "thể thao").is_some()
        {
            j += 1;
            while t.kind(j) == Some(Kind::Word) && !is_stop(t, j) {
                j += 1;
            }
        }
        let name = format!(
            "Bộ {}",
            t.text[t.toks[start].range.start..t.toks[j - 1].range.end].trim()
        );
        out.push(Party {
            toks: start..j,
            body_at: start,
            built: Some(name),
        });
        if t.kind(j) == Some(Kind::Comma) {
            j += 1;
        } else {
            break;
        }
    }
    (!out.is_empty()).then_some((out, j))
}

/// Field labels of a plan (`Đơn vị chủ trì:`) and the role of the parties after them.
const FIELDS: &[(&str, Role)] = &[
    ("cơ quan, đơn vị chủ trì", Role::Lead),
    ("cơ quan, đơn vị thực hiện", Role::Lead),
    ("cơ quan, đơn vị phối hợp", Role::Coordinate),
    ("đơn vị chủ trì", Role::Lead),
    ("cơ quan chủ trì", Role::Lead),
    ("đơn vị thực hiện", Role::Lead),
    ("cơ quan thực hiện", Role::Lead),
    ("đơn vị phối hợp", Role::Coordinate),
    ("cơ quan phối hợp", Role::Coordinate),
    ("chủ trì", Role::Lead),
    ("phối hợp", Role::Coordinate),
];

/// The role a field label gives, when the clause `[start, end)` is one (`Đơn vị chủ trì`).
fn field_label(t: &Words<'_, '_>, start: usize, end: usize) -> Option<Role> {
    if t.kind(end) != Some(Kind::Colon) {
        return None;
    }
    FIELDS.iter().find_map(|(label, role)| {
        let n = label_len(t, start, label)?;
        (start + n == end).then_some(*role)
    })
}

/// Tokens a label (which may hold a comma) takes from `i`.
fn label_len(t: &Words<'_, '_>, i: usize, label: &str) -> Option<usize> {
    let mut n = 0;
    for part in label.split(',').map(str::trim_start) {
        if n > 0 {
            if t.kind(i + n) != Some(Kind::Comma) {
                return None;
            }
            n += 1;
        }
        n += t.phrase(i + n, part)?;
    }
    Some(n)
}

/// Read one clause `[start, end)` and record its parties.
fn clause(t: &Words<'_, '_>, start: usize, end: usize, out: &mut Vec<FoundParty>) {
    clause_with(t, start, end, out, false);
}

/// [`clause`], where `semis` lets `;` separate partners (the value of a plan's field).
fn clause_with(
    t: &Words<'_, '_>,
    start: usize,
    end: usize,
    out: &mut Vec<FoundParty>,
    semis: bool,
) {
    let mut i = start;
    // Enumerators and fillers at the clause start: `(1)`, `Đồng thời,`.
    if t.kind(i) == Some(Kind::Open) {
        while i < end && t.kind(i) != Some(Kind::Close) {
            i += 1;
        }
        i += 1;
    }
    if let Some(n) = t.any_of(i, &["đồng thời", "riêng", "ngoài ra", "trong đó"]) {
        i += n;
        if t.kind(i) == Some(Kind::Comma) {
            i += 1;
        }
    }
    if i >= end {
        return;
    }
    let mut leads_found = false;
    // `Giao X ...`, `Đề nghị X ...`, `Yêu cầu X ...`.
    if let Some(n) = t.any_of(i, &["giao", "đề nghị", "yêu cầu"]) {
        let (ps, j) = list(t, i + n, false);
        if !ps.is_empty() {
            push(t, &ps, Role::Lead, out);
            leads_found = true;
            i = j;
        }
    } else if let Some(n) = t.any_of(i, &["cùng với", "cùng"]) {
        // `Cùng đơn vị phát triển hệ thống rà soát ...`: together with.
        let (ps, j) = list(t, i + n, true);
        push(t, &ps, Role::Coordinate, out);
        i = j;
    } else {
        let (ps, j) = list_with(t, i, false, semis);
        if !ps.is_empty() {
            // A requester (`Bộ Y tế đề nghị X ...`) is not the actor; X is.
            if let Some(n) = t.any_of(j, &["yêu cầu", "đề nghị"]) {
                let (objs, k) = list(t, j + n, false);
                push(t, &objs, Role::Lead, out);
                i = k;
            } else {
                push(t, &ps, Role::Lead, out);
                i = j;
            }
            leads_found = true;
        }
    }
    // Coordination later in the clause; an order after a comma (`Thời gian rất gấp,
    // đề nghị các bộ, ngành ...`) names the actor when the clause had none.
    let cues = cue_words();
    while i < end {
        // Only a few words open a cue: the table's filter turns the rest away.
        if cues.get_class(t.class(i), t.key(i)).is_none() {
            i += 1;
            continue;
        }
        if !leads_found && t.kind(i.wrapping_sub(1)) == Some(Kind::Comma) {
            if let Some(n) = t.any_of(i, &["đề nghị", "yêu cầu", "giao"]) {
                let (ps, k) = list(t, i + n, false);
                if !ps.is_empty() {
                    push(t, &ps, Role::Lead, out);
                    leads_found = true;
                    i = k;
                    continue;
                }
            }
        }
        if let Some(n) = t.any_of(i, &["phối hợp", "kết hợp", "cùng với"]) {
            let mut j = i + n;
            if let Some(m) = t.any_of(j, &["chặt chẽ", "thường xuyên"]) {
                j += m;
            }
            if t.kind(j) == Some(Kind::Comma) {
                if let Some(m) = t.any_of(j + 1, &["đề xuất", "trao đổi"]) {
                    j += 1 + m;
                }
            }
            if let Some(m) = t.any_of(j, &["với"]) {
                j += m;
            }
            let (ps, k) = list_with(t, j, true, semis);
            push(t, &ps, Role::Coordinate, out);
            i = k.max(i + 1);
            continue;
        }
        // `báo cáo Thủ tướng Chính phủ`: the party that receives the report.
        if let Some(n) = t.any_of(i, &["báo cáo"]) {
            let (mut ps, k) = list(t, i + n, false);
            // What follows `báo cáo` is its topic as often as its recipient
            // (`báo cáo những vụ việc ...`); a recipient is an office or a named body.
            ps.retain(|p| {
                let s = p.toks.start;
                let s = s + usize::from(matches!(t.key(s), "các" | "những" | "mỗi"));
                p.built.is_some() || t.upper(s)
            });
            push(t, &ps, Role::ReportTo, out);
            i = k.max(i + 1);
            continue;
        }
        i += 1;
    }
}

/// The words that open a cue later in a clause (`phối hợp`, `báo cáo`, `đề nghị`, ...).
fn cue_words() -> &'static crate::keys::WordTable<()> {
    static CUES: std::sync::OnceLock<crate::keys::WordTable<()>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let mut t = crate::keys::WordTable::new();
        for w in ["phối", "kết", "cùng", "báo", "đề", "yêu", "giao"] {
            t.entry(w);
        }
        t
    })
}

fn push(t: &Words<'_, '_>, ps: &[Party], role: Role, out: &mut Vec<FoundParty>) {
    for p in ps {
        let range = t.toks[p.toks.start].range.start..t.toks[p.toks.end - 1].range.end;
        // The canonical form leaves a title out: it names the body, the
        // words from `body_at`, which end the name.
        let titled = p.body_at < p.toks.end && p.body_at > p.toks.start;
        let (name, body_from) = match &p.built {
            Some(n) => (n.clone(), None),
            None => name_text(t, p.toks.clone(), titled.then_some(p.body_at)),
        };
        let canonical = match &p.built {
            Some(n) => canon::canonical(n),
            None if titled => match body_from.and_then(|b| name.get(b..)) {
                Some(body) if !body.is_empty() => canon::canonical(body),
                // The body lies in a left-out part: read it on its own.
                _ => {
                    let (body, _) = name_text(t, p.body_at..p.toks.end, None);
                    canon::canonical(if body.is_empty() { &name } else { &body })
                }
            },
            None => canon::canonical(&name),
        };
        if !out
            .iter()
            .any(|f: &FoundParty| f.name == name && f.role == role)
        {
            out.push(FoundParty {
                range,
                name,
                canonical,
                role,
            });
        }
    }
}

/// The words of tokens `toks`, parentheticals left out, joined by single
/// spaces; and where in it the words from token `mark` begin, when they are
/// in it (the name from there is what `name_text(mark..)` would give).
fn name_text(
    t: &Words<'_, '_>,
    toks: Range<usize>,
    mark: Option<usize>,
) -> (String, Option<usize>) {
    let bytes = t.toks[toks.start].range.start..t.toks[toks.end - 1].range.end;
    let mut s = String::with_capacity(bytes.len());
    let mut marked = None;
    let mut depth = 0usize;
    for k in toks {
        let tok = &t.toks[k];
        match tok.kind {
            Kind::Open => depth += 1,
            Kind::Close => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            Kind::Comma => s.push(','),
            _ => {
                if !s.is_empty() {
                    s.push(' ');
                }
                if mark == Some(k) {
                    marked = Some(s.len());
                }
                s.push_str(&t.text[tok.range.clone()]);
            }
        }
    }
    let kept = s.trim_end_matches(',');
    // `các tỉnh, thành phố trực thuộc Trung ương` is named by its first part.
    let kept = kept
        .strip_suffix(", thành phố trực thuộc Trung ương")
        .unwrap_or(kept)
        .len();
    s.truncate(kept);
    (s, marked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parties(text: &str) -> Vec<(String, Role)> {
        find(text).into_iter().map(|p| (p.name, p.role)).collect()
    }

    fn leads(text: &str) -> Vec<String> {
        find(text)
            .into_iter()
            .filter(|p| p.role == Role::Lead)
            .map(|p| p.name)
            .collect()
    }

    fn coords(text: &str) -> Vec<String> {
        find(text)
            .into_iter()
            .filter(|p| p.role == Role::Coordinate)
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn subject_of_the_order() {
        assert_eq!(
            leads("Bộ trưởng Bộ Công an chỉ đạo:"),
            ["Bộ trưởng Bộ Công an"]
        );
        assert_eq!(leads("Sở Tài chính:"), ["Sở Tài chính"]);
        assert_eq!(
            leads("Công an tỉnh chủ động phối hợp với Sở Y tế."),
            ["Công an tỉnh"]
        );
        assert_eq!(
            leads("Bảo đảm hiệu năng của hệ thống, hoàn thành trước ngày 20."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn lists_split_into_parties() {
        assert_eq!(
            leads("Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang Bộ"),
            ["Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang Bộ"]
        );
        assert_eq!(
            leads("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm:"),
            ["Chủ tịch Ủy ban nhân dân các tỉnh"]
        );
        assert_eq!(
            leads("Các sở, ban, ngành tỉnh và UBND các xã, phường kiểm tra."),
            ["Các sở, ban, ngành tỉnh", "UBND các xã, phường"]
        );
        assert_eq!(
            leads("Bộ Giáo dục và Đào tạo, Bộ Y tế rà soát các Thông tư."),
            ["Bộ Giáo dục và Đào tạo", "Bộ Y tế"]
        );
    }

    #[test]
    fn a_lister_gives_one_party_per_ministry() {
        assert_eq!(
            leads("Bộ trưởng các bộ: Nông nghiệp và Môi trường, Nội vụ, Văn hóa, Thể thao và Du lịch, Y tế\nKhẩn trương rà soát."),
            ["Bộ Nông nghiệp và Môi trường", "Bộ Nội vụ", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Y tế"]
        );
    }

    #[test]
    fn coordination() {
        let t = "Bộ trưởng Bộ Tư pháp chủ trì, phối hợp với Bộ Công an và các đơn vị phát triển hệ thống xử lý dứt điểm các lỗi.";
        assert_eq!(leads(t), ["Bộ trưởng Bộ Tư pháp"]);
        assert_eq!(coords(t), ["Bộ Công an", "các đơn vị phát triển hệ thống"]);
        assert_eq!(
            coords("Chủ trì, phối hợp với các cơ quan tham mưu, trình cấp có thẩm quyền ban hành."),
            ["các cơ quan tham mưu"]
        );
        assert_eq!(
            coords("Cùng đơn vị phát triển hệ thống rà soát, nâng cấp."),
            ["đơn vị phát triển hệ thống"]
        );
        assert_eq!(
            coords("Chủ động phối hợp các đơn vị nghiệp vụ của Bộ Tài chính, cơ quan, đơn vị liên quan trong việc triển khai."),
            ["các đơn vị nghiệp vụ của Bộ Tài chính", "cơ quan, đơn vị liên quan"]
        );
    }

    #[test]
    fn giao_and_de_nghi_name_the_actor() {
        assert_eq!(
            leads("Giao Văn phòng UBND tỉnh theo chức năng, nhiệm vụ được giao theo dõi."),
            ["Văn phòng UBND tỉnh"]
        );
        assert_eq!(
            leads("Đề nghị các địa phương kết nối với Hệ thống."),
            ["các địa phương"]
        );
        assert_eq!(
            leads("Bộ Y tế đề nghị Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo Sở Y tế thực hiện các nội dung sau đây:"),
            ["Chủ tịch Ủy ban nhân dân tỉnh"]
        );
    }

    #[test]
    fn objects_are_not_parties() {
        assert!(parties("Trình Chính phủ ban hành Nghị quyết.").is_empty());
        assert!(parties("Hướng dẫn các địa phương trong việc đầu tư.").is_empty());
        assert!(leads("Chỉ đạo các cơ quan, đơn vị trực thuộc thiết lập tài khoản.").is_empty());
    }

    #[test]
    fn titles_and_persons() {
        assert_eq!(
            leads("Trưởng Ban Cơ yếu Chính phủ chủ trì, phối hợp với các địa phương."),
            ["Trưởng Ban Cơ yếu Chính phủ"]
        );
        assert_eq!(
            leads("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ chủ trì, phối hợp với Bộ Công an."),
            ["Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"]
        );
        assert_eq!(
            leads("Các đồng chí Phó Thủ tướng Chính phủ, Bộ trưởng, Thủ trưởng cơ quan ngang bộ căn cứ chức năng."),
            ["Các đồng chí Phó Thủ tướng Chính phủ", "Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"]
        );
        let p = find("Văn phòng Chính phủ kịp thời tổng hợp, báo cáo Thủ tướng Chính phủ những vấn đề vượt thẩm quyền.");
        assert_eq!(
            p.iter()
                .map(|p| (p.name.as_str(), p.role))
                .collect::<Vec<_>>(),
            [
                ("Văn phòng Chính phủ", Role::Lead),
                ("Thủ tướng Chính phủ", Role::ReportTo)
            ]
        );
    }

    #[test]
    fn groups_of_kinds() {
        assert_eq!(coords("Chủ trì, phối hợp với bộ, ngành, địa phương liên quan và các doanh nghiệp viễn thông triển khai."), ["bộ, ngành, địa phương liên quan", "các doanh nghiệp viễn thông"]);
        assert_eq!(leads("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ trực tiếp lãnh đạo."), ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ", "cơ quan thuộc Chính phủ"]);
        assert_eq!(
            leads("Bộ trưởng các Bộ, cơ quan ngang bộ chịu trách nhiệm:"),
            ["Bộ trưởng các Bộ, cơ quan ngang bộ"]
        );
        assert_eq!(
            coords("Phối hợp với các cơ quan, đơn vị xây dựng pháp luật có liên quan tổ chức."),
            ["các cơ quan, đơn vị xây dựng pháp luật có liên quan"]
        );
    }

    #[test]
    fn plan_fields() {
        let t = "Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính.\nĐơn vị phối hợp: Vụ Pháp luật quốc tế, Cục Kiểm soát thủ tục hành chính.";
        assert_eq!(leads(t), ["Vụ Pháp luật hình sự - hành chính"]);
        assert_eq!(
            coords(t),
            ["Vụ Pháp luật quốc tế", "Cục Kiểm soát thủ tục hành chính"]
        );
    }

    #[test]
    fn a_report_goes_to_an_office_not_to_its_topic() {
        let roles = |text: &str| -> Vec<(String, Role)> {
            find(text).into_iter().map(|p| (p.name, p.role)).collect()
        };
        assert_eq!(
            roles("Sở Công Thương theo dõi, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện."),
            [
                ("Sở Công Thương".to_string(), Role::Lead),
                ("Ủy ban nhân dân tỉnh".to_string(), Role::ReportTo)
            ]
        );
        assert_eq!(
            roles("Cục Hải quan kịp thời báo cáo những vụ việc vi phạm nghiêm trọng."),
            [("Cục Hải quan".to_string(), Role::Lead)]
        );
        // `về` + the topic of the report ends the recipient's name.
        assert_eq!(
            roles("Sở Y tế báo cáo Ủy ban Quốc gia về kết quả thực hiện."),
            [
                ("Sở Y tế".to_string(), Role::Lead),
                ("Ủy ban Quốc gia".to_string(), Role::ReportTo)
            ]
        );
    }

    #[test]
    fn framing_words_before_a_group_and_work_after_a_related_body() {
        assert_eq!(
            leads("Đài Phát thanh tỉnh và toàn thể các cơ quan báo chí đẩy mạnh tuyên truyền."),
            ["Đài Phát thanh tỉnh", "các cơ quan báo chí"]
        );
        assert_eq!(
            coords("Sở Nội vụ chủ trì, phối hợp với các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh."),
            ["các đơn vị có liên quan"]
        );
        assert_eq!(
            leads("Các cơ quan tham mưu rà soát lại quy trình."),
            ["Các cơ quan tham mưu"]
        );
    }

    #[test]
    fn owners_and_builders_are_parties() {
        assert_eq!(
            leads("Các chủ đầu tư khẩn trương rà soát tiến độ các dự án."),
            ["Các chủ đầu tư"]
        );
        assert_eq!(
            leads("Các chủ rừng là hộ gia đình tăng cường tuần tra, canh gác."),
            ["Các chủ rừng là hộ gia đình"]
        );
        // `là` names a kind only after a group: a named body stops before it.
        assert_eq!(
            leads("Sở Tài chính là cơ quan đầu mối, chủ trì tổng hợp."),
            ["Sở Tài chính"]
        );
    }

    #[test]
    fn a_capital_after_a_lower_case_word_ends_a_name() {
        // A heading that holds only a party, run on into its text.
        assert_eq!(
            leads("Công an huyện Chỉ đạo các đội nghiệp vụ tăng cường kiểm tra."),
            ["Công an huyện"]
        );
        assert_eq!(
            leads("Ban Chỉ đạo phòng, chống thiên tai tỉnh chủ trì."),
            ["Ban Chỉ đạo phòng, chống thiên tai tỉnh"]
        );
    }

    #[test]
    fn a_coordinating_field_names_whole_items() {
        // Verbs, `về` and `và` inside a department's name do not cut it.
        let t = "Đơn vị phối hợp: Cục Quản lý đầu tư và theo dõi thực hiện dự án, Vụ Các vấn đề về xây dựng chính sách, Phòng Phổ biến, giáo dục pháp luật và các đơn vị khác có liên quan; các sở, ngành.";
        assert_eq!(
            coords(t),
            [
                "Cục Quản lý đầu tư và theo dõi thực hiện dự án",
                "Vụ Các vấn đề về xây dựng chính sách",
                "Phòng Phổ biến, giáo dục pháp luật",
                "các đơn vị khác có liên quan",
                "các sở, ngành",
            ]
        );
        // `và` before a named body starts a new item; the canonical form drops `các`.
        let found =
            find("Cơ quan phối hợp: Sở Tài chính và Sở Xây dựng; các phòng chuyên môn (nếu có).");
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|p| (p.name.as_str(), p.canonical.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("Sở Tài chính", "Sở Tài chính"),
                ("Sở Xây dựng", "Sở Xây dựng"),
                ("các phòng chuyên môn", "phòng chuyên môn"),
            ]
        );
    }

    #[test]
    fn a_field_value_lists_partners_across_semicolons() {
        let t = "Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các sở, ngành có liên quan; Ủy ban nhân dân các huyện, thành phố.";
        assert_eq!(leads(t), ["Sở Nội vụ"]);
        assert_eq!(
            coords(t),
            [
                "Liên đoàn Lao động tỉnh",
                "các sở, ngành có liên quan",
                "Ủy ban nhân dân các huyện, thành phố"
            ]
        );
        // Outside a field, `;` ends the clause: the next subject leads.
        let t = "Bộ Nội vụ phối hợp với Bộ Y tế; các địa phương cần chủ động bố trí.";
        assert_eq!(coords(t), ["Bộ Y tế"]);
        assert_eq!(leads(t), ["Bộ Nội vụ", "các địa phương"]);
    }

    #[test]
    fn proper_names_counts_and_offices() {
        assert_eq!(
            leads("Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia theo dõi."),
            ["Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"]
        );
        assert_eq!(
            leads("Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia theo dõi."),
            ["Chánh Văn phòng Ban chỉ đạo phòng thủ dân sự quốc gia"]
        );
        // A relative clause after a named body (`có điều tiết ...`) is not taken into its name.
        assert_eq!(
            leads("13 Cục Thuế có điều tiết ngân sách trung ương rà soát."),
            ["13 Cục Thuế"]
        );
        assert_eq!(
            coords("Phối hợp với Liên đoàn Lao động cùng cấp tổ chức."),
            ["Liên đoàn Lao động cùng cấp"]
        );
    }

    #[test]
    fn vocabulary_phrases_fit_their_slots() {
        for v in VOCABULARIES {
            // Three bits hold a phrase's length in words, seven slots the
            // `u32` below the bits of `KNOWN`.
            assert!(v.slot < 7);
            assert!(v.phrases.iter().all(|p| p.split(' ').count() <= 7));
        }
        let mut slots: Vec<u8> = VOCABULARIES.iter().map(|v| v.slot).collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), VOCABULARIES.len());
    }

    #[test]
    fn lead_in_addressees() {
        let a = addressees("Để hoàn thành nhiệm vụ, Tổng cục Thuế yêu cầu Cục Thuế các tỉnh, thành phố trực thuộc Trung ương thực hiện một số giải pháp sau:");
        assert_eq!(
            a.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Cục Thuế các tỉnh"]
        );
        assert!(addressees("UBND thành phố ban hành Kế hoạch như sau:").is_empty());
    }

    #[test]
    fn canonical_forms() {
        let p = find("UBND các xã, phường thực hiện.");
        assert_eq!(p[0].canonical, "Ủy ban nhân dân các xã, phường");
        let p = find("Bộ trưởng Bộ Công an chỉ đạo:");
        assert_eq!(p[0].canonical, "Bộ Công an");
    }
}
