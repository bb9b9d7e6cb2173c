//! The date grammar on any string: no panic, spans on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for m in chidao::date::find(text, chidao::date::Date::new(2025, 1, 1)) {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    let _ = chidao::date::parse(text, None);
});
