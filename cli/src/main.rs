//! `chidao`: convert archives of Vietnamese directives to `chidao/1` JSON.
//!
//! Inputs are read lazily (files, folders walked recursively, glob patterns,
//! `-` for stdin), parsed on all cores, and written in input order whatever
//! the number of workers. A file that cannot be converted gives one error
//! record and the run goes on. Output files are written under a temporary
//! name and renamed when complete.

mod inputs;
mod output;
mod run;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Convert Vietnamese administrative directives to structured JSON.
#[derive(Parser)]
#[command(name = "chidao", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  chidao convert archive/ -o out.jsonl                   one JSON line per file, in order
  chidao convert 'scans/**/*.txt' --format json -o out/  one .json file per input
  chidao convert cd-111.txt --format tasks-csv           who does what by when, as CSV
  chidao normalize doc.txt --fold                        a diacritic-free key of the text
  chidao dates 'hoàn thành trước ngày 20/7/2025'         the date expressions found

See `chidao convert --help` for error records, output files and exit status.";

const CONVERT_NOTES: &str =
    "Inputs: a folder is walked recursively in name order for *.txt files (links
to folders are not followed); a pattern ('in/**/*.txt', quoted) is expanded by
chidao; `-` is stdin.

Every input gives one result, in input order whatever --jobs is: a document,
or an error record {\"source\", \"error\": {\"code\", \"message\"}} (also a line
on stderr). Codes: unreadable, empty, binary, too_large, invalid_utf8,
undecodable, duplicate_output, unwritable, internal. With --format json the
documents go to OUT/<path below the folder or pattern>.json and the error
records to stdout.

Output files are written under a temporary name (.NAME.PID.chidao-tmp) and
renamed when complete; Ctrl-C or SIGTERM removes the temporary file, and the
next run removes those of runs killed outright.

Exit status: 0 all converted, 1 any input failed, 2 usage error, 130 interrupted.

Examples:
  chidao convert archive/ -o archive.jsonl
  chidao convert archive/ --format json -o out/ --skip-existing   (resume a run)
  cat doc.txt | chidao convert - --format tasks-csv";

#[derive(Subcommand)]
enum Command {
    /// Convert files, folders (recursively, *.txt) and glob patterns.
    #[command(after_help = CONVERT_NOTES)]
    Convert(ConvertArgs),
    /// Print a file decoded and normalized to NFC (or folded).
    Normalize {
        /// The file (`-` for stdin).
        file: String,
        /// Print the diacritic-free lowercase key instead.
        #[arg(long)]
        fold: bool,
        /// The input encoding.
        #[arg(long, default_value = "auto")]
        encoding: String,
    },
    /// Print the date expressions found in a text.
    Dates {
        /// The text.
        text: String,
        /// Year for dates written without one (YYYY-MM-DD).
        #[arg(long)]
        reference_date: Option<String>,
    },
}

/// Output formats of `convert`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One file `NAME.json` per input, in the `-o` folder.
    Json,
    /// One line per input: the document with `source`, or an error record.
    Jsonl,
    /// One line per task (node with an assignee or a deadline).
    TasksJsonl,
    /// One row per task.
    TasksCsv,
}

impl Format {
    /// The name on the command line.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::TasksJsonl => "tasks-jsonl",
            Format::TasksCsv => "tasks-csv",
        }
    }
}

#[derive(clap::Args)]
pub(crate) struct ConvertArgs {
    /// Files, folders and glob patterns; `-` reads stdin.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output file (jsonl, tasks) or folder (json); stdout when absent.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Worker threads (default: all cores).
    #[arg(short, long)]
    jobs: Option<usize>,
    /// Input encoding: auto, utf8, tcvn3, vni, viqr, cp1258, viscii.
    #[arg(long, default_value = "auto")]
    encoding: String,
    /// Refuse bytes that are not valid in the encoding (an `invalid_utf8` or
    /// `undecodable` record) instead of decoding them leniently.
    #[arg(long)]
    strict: bool,
    /// Year for dates written without one, in place of the document's (YYYY-MM-DD).
    #[arg(long)]
    reference_date: Option<String>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = chidao::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// With --format json: leave inputs whose output file exists (resume a run).
    #[arg(long)]
    skip_existing: bool,
    /// With --format json: flush each output file to the disk before naming it
    /// (survives a power cut, slower). The -o stream file is always flushed.
    #[arg(long)]
    sync: bool,
    /// Print nothing on stderr but errors (no progress bar, no summary).
    #[arg(short, long)]
    quiet: bool,
    /// Print the summary line even when stderr is not a terminal (for logs).
    #[arg(long, conflicts_with = "quiet")]
    summary: bool,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let usage = e.use_stderr();
            let _ = e.print();
            return if usage {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Convert(args) => match run::convert(args) {
            Ok(summary) if summary.files == 0 => {
                eprintln!("chidao: no input files found (folders are searched for *.txt)");
                ExitCode::from(1)
            }
            Ok(summary) if summary.failed == 0 => ExitCode::SUCCESS,
            Ok(_) => ExitCode::from(1),
            Err(e) => {
                eprintln!("chidao: {e}");
                // 130 is the shell's code for a run stopped by a signal.
                ExitCode::from(if e == run::INTERRUPTED { 130 } else { 2 })
            }
        },
        Command::Normalize {
            file,
            fold,
            encoding,
        } => match run::normalize(&file, fold, &encoding) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("chidao: {e}");
                ExitCode::from(1)
            }
        },
        Command::Dates {
            text,
            reference_date,
        } => match run::dates(&text, reference_date.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("chidao: {e}");
                ExitCode::from(2)
            }
        },
    }
}
