//! Byte-to-character tables for the single-byte Vietnamese encodings, upper
//! half (0x80-0xFF); the lower half is ASCII. Built from the published tables
//! (TCVN 5712:1993, Windows-1258, VISCII 1.1) and checked against glibc iconv.

/// TCVN3 (ABC): 0xA0-0xFF from TCVN 5712:1993 VN3; 0x80-0x9F as Windows-1252 punctuation, which real TCVN3 files carry (the five bytes 1252 leaves undefined keep their VN1 capitals).
pub(crate) static TCVN3_HIGH: [char; 128] = [
    '\u{20ac}', '\u{1ea2}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{cc}', '\u{17d}', '\u{128}',
    '\u{cd}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{d9}', '\u{17e}', '\u{178}',
    '\u{a0}', '\u{102}', '\u{c2}', '\u{ca}', '\u{d4}', '\u{1a0}', '\u{1af}', '\u{110}', '\u{103}',
    '\u{e2}', '\u{ea}', '\u{f4}', '\u{1a1}', '\u{1b0}', '\u{111}', '\u{1eb0}', '\u{300}',
    '\u{309}', '\u{303}', '\u{301}', '\u{323}', '\u{e0}', '\u{1ea3}', '\u{e3}', '\u{e1}',
    '\u{1ea1}', '\u{1eb2}', '\u{1eb1}', '\u{1eb3}', '\u{1eb5}', '\u{1eaf}', '\u{1eb4}', '\u{1eae}',
    '\u{1ea6}', '\u{1ea8}', '\u{1eaa}', '\u{1ea4}', '\u{1ec0}', '\u{1eb7}', '\u{1ea7}', '\u{1ea9}',
    '\u{1eab}', '\u{1ea5}', '\u{1ead}', '\u{e8}', '\u{1ec2}', '\u{1ebb}', '\u{1ebd}', '\u{e9}',
    '\u{1eb9}', '\u{1ec1}', '\u{1ec3}', '\u{1ec5}', '\u{1ebf}', '\u{1ec7}', '\u{ec}', '\u{1ec9}',
    '\u{1ec4}', '\u{1ebe}', '\u{1ed2}', '\u{129}', '\u{ed}', '\u{1ecb}', '\u{f2}', '\u{1ed4}',
    '\u{1ecf}', '\u{f5}', '\u{f3}', '\u{1ecd}', '\u{1ed3}', '\u{1ed5}', '\u{1ed7}', '\u{1ed1}',
    '\u{1ed9}', '\u{1edd}', '\u{1edf}', '\u{1ee1}', '\u{1edb}', '\u{1ee3}', '\u{f9}', '\u{1ed6}',
    '\u{1ee7}', '\u{169}', '\u{fa}', '\u{1ee5}', '\u{1eeb}', '\u{1eed}', '\u{1eef}', '\u{1ee9}',
    '\u{1ef1}', '\u{1ef3}', '\u{1ef7}', '\u{1ef9}', '\u{fd}', '\u{1ef5}', '\u{1ed0}',
];

/// Windows-1258 (0xCC, 0xEC, 0xD2, 0xDE, 0xF2 are combining tone marks; undefined bytes map to U+FFFD).
pub(crate) static CP1258_HIGH: [char; 128] = [
    '\u{20ac}', '\u{fffd}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2c6}', '\u{2030}', '\u{fffd}', '\u{2039}', '\u{152}', '\u{fffd}', '\u{fffd}', '\u{fffd}',
    '\u{fffd}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2dc}', '\u{2122}', '\u{fffd}', '\u{203a}', '\u{153}', '\u{fffd}', '\u{fffd}', '\u{178}',
    '\u{a0}', '\u{a1}', '\u{a2}', '\u{a3}', '\u{a4}', '\u{a5}', '\u{a6}', '\u{a7}', '\u{a8}',
    '\u{a9}', '\u{aa}', '\u{ab}', '\u{ac}', '\u{ad}', '\u{ae}', '\u{af}', '\u{b0}', '\u{b1}',
    '\u{b2}', '\u{b3}', '\u{b4}', '\u{b5}', '\u{b6}', '\u{b7}', '\u{b8}', '\u{b9}', '\u{ba}',
    '\u{bb}', '\u{bc}', '\u{bd}', '\u{be}', '\u{bf}', '\u{c0}', '\u{c1}', '\u{c2}', '\u{102}',
    '\u{c4}', '\u{c5}', '\u{c6}', '\u{c7}', '\u{c8}', '\u{c9}', '\u{ca}', '\u{cb}', '\u{300}',
    '\u{cd}', '\u{ce}', '\u{cf}', '\u{110}', '\u{d1}', '\u{309}', '\u{d3}', '\u{d4}', '\u{1a0}',
    '\u{d6}', '\u{d7}', '\u{d8}', '\u{d9}', '\u{da}', '\u{db}', '\u{dc}', '\u{1af}', '\u{303}',
    '\u{df}', '\u{e0}', '\u{e1}', '\u{e2}', '\u{103}', '\u{e4}', '\u{e5}', '\u{e6}', '\u{e7}',
    '\u{e8}', '\u{e9}', '\u{ea}', '\u{eb}', '\u{301}', '\u{ed}', '\u{ee}', '\u{ef}', '\u{111}',
    '\u{f1}', '\u{323}', '\u{f3}', '\u{f4}', '\u{1a1}', '\u{f6}', '\u{f7}', '\u{f8}', '\u{f9}',
    '\u{fa}', '\u{fb}', '\u{fc}', '\u{1b0}', '\u{20ab}', '\u{ff}',
];

/// VISCII 1.1.
pub(crate) static VISCII_HIGH: [char; 128] = [
    '\u{1ea0}', '\u{1eae}', '\u{1eb0}', '\u{1eb6}', '\u{1ea4}', '\u{1ea6}', '\u{1ea8}', '\u{1eac}',
    '\u{1ebc}', '\u{1eb8}', '\u{1ebe}', '\u{1ec0}', '\u{1ec2}', '\u{1ec4}', '\u{1ec6}', '\u{1ed0}',
    '\u{1ed2}', '\u{1ed4}', '\u{1ed6}', '\u{1ed8}', '\u{1ee2}', '\u{1eda}', '\u{1edc}', '\u{1ede}',
    '\u{1eca}', '\u{1ece}', '\u{1ecc}', '\u{1ec8}', '\u{1ee6}', '\u{168}', '\u{1ee4}', '\u{1ef2}',
    '\u{d5}', '\u{1eaf}', '\u{1eb1}', '\u{1eb7}', '\u{1ea5}', '\u{1ea7}', '\u{1ea9}', '\u{1ead}',
    '\u{1ebd}', '\u{1eb9}', '\u{1ebf}', '\u{1ec1}', '\u{1ec3}', '\u{1ec5}', '\u{1ec7}', '\u{1ed1}',
    '\u{1ed3}', '\u{1ed5}', '\u{1ed7}', '\u{1ee0}', '\u{1a0}', '\u{1ed9}', '\u{1edd}', '\u{1edf}',
    '\u{1ecb}', '\u{1ef0}', '\u{1ee8}', '\u{1eea}', '\u{1eec}', '\u{1a1}', '\u{1edb}', '\u{1af}',
    '\u{c0}', '\u{c1}', '\u{c2}', '\u{c3}', '\u{1ea2}', '\u{102}', '\u{1eb3}', '\u{1eb5}',
    '\u{c8}', '\u{c9}', '\u{ca}', '\u{1eba}', '\u{cc}', '\u{cd}', '\u{128}', '\u{1ef3}', '\u{110}',
    '\u{1ee9}', '\u{d2}', '\u{d3}', '\u{d4}', '\u{1ea1}', '\u{1ef7}', '\u{1eeb}', '\u{1eed}',
    '\u{d9}', '\u{da}', '\u{1ef9}', '\u{1ef5}', '\u{dd}', '\u{1ee1}', '\u{1b0}', '\u{e0}',
    '\u{e1}', '\u{e2}', '\u{e3}', '\u{1ea3}', '\u{103}', '\u{1eef}', '\u{1eab}', '\u{e8}',
    '\u{e9}', '\u{ea}', '\u{1ebb}', '\u{ec}', '\u{ed}', '\u{129}', '\u{1ec9}', '\u{111}',
    '\u{1ef1}', '\u{f2}', '\u{f3}', '\u{f4}', '\u{f5}', '\u{1ecf}', '\u{1ecd}', '\u{1ee5}',
    '\u{f9}', '\u{fa}', '\u{169}', '\u{1ee7}', '\u{fd}', '\u{1ee3}', '\u{1eee}',
];

/// VISCII capitals in the C0 control range: (byte, letter).
pub(crate) static VISCII_LOW: [(u8, char); 6] = [
    (0x02, '\u{1eb2}'),
    (0x05, '\u{1eb4}'),
    (0x06, '\u{1eaa}'),
    (0x14, '\u{1ef6}'),
    (0x19, '\u{1ef8}'),
    (0x1E, '\u{1ef4}'),
];
