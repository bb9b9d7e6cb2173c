//! Print the `chidao/1` JSON of a directive.
//!
//! ```text
//! cargo run --release --example convert -- FILE      # FILE, or - for stdin
//! cargo run --release --example convert -- --tasks FILE
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut tasks = false;
    let mut path = None;
    let mut parser = chidao::Parser::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--tasks" => tasks = true,
            "--encoding" => {
                let name = args.next().unwrap_or_default();
                if name != "auto" {
                    match chidao::Encoding::from_name(&name) {
                        Some(e) => parser = parser.encoding(e),
                        None => {
                            eprintln!("convert: unknown encoding `{name}` (auto, utf8, tcvn3, vni, viqr, cp1258, viscii)");
                            return ExitCode::FAILURE;
                        }
                    }
                }
            }
            "-h" | "--help" => {
                println!("usage: convert [--tasks] [--encoding auto|utf8|viqr|cp1258|...] FILE   (FILE may be - for stdin)");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => {
                eprintln!("convert: unexpected argument `{arg}` (usage: convert [--tasks] FILE)");
                return ExitCode::FAILURE;
            }
        }
    }
    let Some(path) = path else {
        eprintln!("convert: no input file (usage: convert [--tasks] FILE, - for stdin)");
        return ExitCode::FAILURE;
    };
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
            eprintln!("convert: cannot read stdin: {e}");
            return ExitCode::FAILURE;
        }
        buf
    } else {
        match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("convert: cannot read `{path}`: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let doc = match parser.parse_bytes(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("convert: `{path}`: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let written = if tasks {
        doc.tasks()
            .iter()
            .try_for_each(|t| writeln!(out, "{}", serde_json::to_string(t).unwrap_or_default()))
    } else {
        writeln!(out, "{}", doc.to_json_pretty())
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convert: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}
