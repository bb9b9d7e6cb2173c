//! `parse` of any string: no panic, spans on character boundaries inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = chidao::parse(text).expect("no size limit on fuzz inputs");
    doc.walk(&mut |n| {
        assert!(n.span.start <= n.span.end && n.span.end <= text.len());
        assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
    });
    let json = doc.to_json();
    assert!(json.starts_with('{') && json.ends_with('}'));
});
