//! Normalize a Vietnamese text file to UTF-8 NFC (or a folded search key).
//!
//! ```text
//! cargo run --example normalize -- [--fold] [--style modern|traditional|preserve]
//!     [--encoding auto|utf8|tcvn3|vni|viqr|cp1258|viscii] FILE   # FILE, or - for stdin
//! ```
//!
//! The input is decoded (detected by default), cleaned of invisible
//! characters, composed to NFC and its tone marks placed in the chosen style;
//! `--fold` prints the diacritic-free lower-case key instead.

use std::io::{Read, Write};
use std::process::ExitCode;

use chidao::decode::{decode_to_string, detect};
use chidao::normalize::{clean, fold, nfc, place_tones};
use chidao::{Encoding, ToneStyle};

const USAGE: &str = "usage: normalize [--fold] [--style modern|traditional|preserve] [--encoding auto|utf8|tcvn3|vni|viqr|cp1258|viscii] FILE";

fn fail(msg: &str) -> ExitCode {
    eprintln!("normalize: {msg}");
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let mut folded = false;
    let mut style = ToneStyle::Preserve;
    let mut encoding: Option<Encoding> = None;
    let mut path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--fold" => folded = true,
            "--style" | "--encoding" => {
                let Some(value) = inline.or_else(|| args.next()) else {
                    return fail(&format!("{flag} needs a value ({USAGE})"));
                };
                if flag == "--style" {
                    style = match value.as_str() {
                        "modern" => ToneStyle::Modern,
                        "traditional" => ToneStyle::Traditional,
                        "preserve" => ToneStyle::Preserve,
                        _ => {
                            return fail(&format!(
                                "unknown style `{value}` (modern, traditional, preserve)"
                            ))
                        }
                    };
                } else if value != "auto" {
                    match Encoding::from_name(&value) {
                        Some(e) => encoding = Some(e),
                        None => {
                            return fail(&format!(
                                "unknown encoding `{value}` (auto, utf8, tcvn3, vni, viqr, cp1258, viscii)"
                            ))
                        }
                    }
                }
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() && (!arg.starts_with("--") || arg == "-") => path = Some(arg),
            _ => return fail(&format!("unexpected argument `{arg}` ({USAGE})")),
        }
    }
    let Some(path) = path else {
        return fail(&format!("no input file ({USAGE})"));
    };
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            return fail(&format!("cannot read stdin: {e}"));
        }
        buf
    } else {
        match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => return fail(&format!("cannot read `{path}`: {e}")),
        }
    };
    let encoding = encoding.unwrap_or_else(|| detect(&bytes).encoding);
    let text = decode_to_string(&bytes, Some(encoding));
    let text = nfc(&clean(&text)).into_owned();
    let text = place_tones(&text, style).into_owned();
    let out = if folded { fold(&text) } else { text };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write output: {e}")),
    }
}
