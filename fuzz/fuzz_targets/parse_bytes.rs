//! `parse_bytes` of any bytes, lenient and strict: no panic, spans inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for strict in [false, true] {
        if let Ok(doc) = chidao::Parser::new().strict(strict).parse_bytes(bytes) {
            doc.walk(&mut |n| assert!(n.span.start <= n.span.end && n.span.end <= bytes.len()));
        }
    }
});
