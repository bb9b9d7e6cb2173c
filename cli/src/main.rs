//! The `chidao` command-line tool (placeholder until the CLI issue lands).

fn main() {
    eprintln!(
        "chidao: the batch converter is not built yet; use `cargo run --example convert -- FILE`"
    );
    std::process::exit(2);
}
