//! The commands: `convert` (the parallel, ordered pipeline), `normalize`, `dates`.

use std::collections::{BTreeMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chidao::date::Date;
use chidao::{Encoding, Parser};
use serde::Serialize;

use crate::inputs::{Input, Inputs};
use crate::output::{csv_field, remove_stale_temporaries_below, AtomicFile, Stream};
use crate::{ConvertArgs, Format};

/// The message of a run stopped by Ctrl-C or SIGTERM.
pub(crate) const INTERRUPTED: &str = "interrupted; no output was written";

/// What a run did.
pub(crate) struct Summary {
    pub files: usize,
    pub failed: usize,
}

/// One input's result, rendered: the bytes for the stream (the output file
/// of `--format json` is already written by the worker), and the error line
/// for stderr when it failed.
struct Rendered {
    stream: Vec<u8>,
    error: Option<String>,
    bytes: u64,
    skipped: bool,
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct TaskRecord<'a> {
    source: &'a str,
    #[serde(flatten)]
    task: &'a chidao::Task,
}

fn parse_date(s: &str) -> Result<Date, String> {
    let parts: Vec<&str> = s.split('-').collect();
    if let [y, m, d] = parts[..] {
        if let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) {
            if let Some(date) = Date::new(y, m, d) {
                return Ok(date);
            }
        }
    }
    Err(format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

fn encoding(name: &str) -> Result<Option<Encoding>, String> {
    if name.eq_ignore_ascii_case("auto") {
        return Ok(None);
    }
    Encoding::from_name(name).map(Some).ok_or_else(|| {
        format!("unknown encoding `{name}` (auto, utf8, tcvn3, vni, viqr, cp1258, viscii)")
    })
}

/// Settings every worker reads.
struct Job {
    parser: Parser,
    format: Format,
    out_dir: Option<PathBuf>,
    max_bytes: usize,
    skip_existing: bool,
    interrupted: Arc<AtomicBool>,
}

/// Convert every input; results in input order.
pub(crate) fn convert(args: ConvertArgs) -> Result<Summary, String> {
    let mut parser = Parser::new().max_bytes(args.max_bytes).strict(args.strict);
    if let Some(e) = encoding(&args.encoding)? {
        parser = parser.encoding(e);
    }
    if let Some(d) = args.reference_date.as_deref() {
        parser = parser.reference_date(parse_date(d)?);
    }
    if args.format == Format::Json && args.output.is_none() {
        return Err("--format json writes one file per input: name a folder with -o".to_string());
    }
    if args.skip_existing && args.format != Format::Json {
        return Err("--skip-existing works with --format json (one file per input)".to_string());
    }
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    // Ctrl-C or a kill (SIGTERM) stops the run: no output file is committed
    // after it, and the stream's temporary file is removed.
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = Arc::clone(&interrupted);
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }
    let job = Arc::new(Job {
        interrupted: Arc::clone(&interrupted),
        parser,
        format: args.format,
        out_dir: (args.format == Format::Json)
            .then(|| args.output.clone())
            .flatten(),
        max_bytes: args.max_bytes,
        skip_existing: args.skip_existing,
    });
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let total = show_progress.then(|| Inputs::new(&args.paths).count() as u64);
    let bar = total.map(|n| {
        let bar = indicatif::ProgressBar::new(n);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {rate} files/s  eta {eta}  {msg}",
            )
            .map(|style| {
                style.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0}", state.per_sec());
                    },
                )
            })
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });

    let mut stream = if args.format == Format::Json {
        Stream::open(None).map_err(|e| format!("cannot write to stdout: {e}"))?
    } else {
        Stream::open(args.output.as_deref()).map_err(|e| {
            format!(
                "cannot create `{}`: {e}",
                args.output.as_deref().unwrap_or(Path::new("-")).display()
            )
        })?
    };
    if args.format == Format::TasksCsv {
        let _ = writeln!(
            stream,
            "source,path,assignees,coordinating,deadlines,due,actions,error"
        );
    }

    // Inputs go out in order; at most `window` are in flight or waiting to be
    // written, so memory stays bounded however large the archive.
    let window = jobs * 4;
    let (work_tx, work_rx) = sync_channel::<(usize, Input)>(jobs * 2);
    let (done_tx, done_rx) = sync_channel::<(usize, Rendered)>(window);
    let (token_tx, token_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    let paths = args.paths.clone();
    let out_dir = job.out_dir.clone();
    let producer = std::thread::spawn(move || {
        if let Some(dir) = &out_dir {
            remove_stale_temporaries_below(dir);
        }
        let mut taken = HashSet::new();
        for (i, input) in Inputs::new(&paths).enumerate() {
            let input = match &out_dir {
                Some(dir) => claim_output(dir, input, &mut taken),
                None => input,
            };
            if token_rx.recv().is_err() || work_tx.send((i, input)).is_err() {
                break;
            }
        }
    });
    let work_rx = Arc::new(Mutex::new(work_rx));
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let work_rx = Arc::clone(&work_rx);
            let done_tx: SyncSender<(usize, Rendered)> = done_tx.clone();
            let job = Arc::clone(&job);
            std::thread::spawn(move || worker(&job, &work_rx, &done_tx))
        })
        .collect();
    drop(done_tx);

    let start = Instant::now();
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let (mut files, mut failed, mut bytes, mut skipped) = (0usize, 0usize, 0u64, 0usize);
    let mut write_error = None;
    loop {
        // Wake up now and then so that Ctrl-C stops a run even while every
        // worker is busy (or blocked on a slow input such as stdin).
        let (i, r) = match done_rx.recv_timeout(Duration::from_millis(100)) {
            Ok(x) => x,
            Err(RecvTimeoutError::Timeout) if !interrupted.load(Ordering::SeqCst) => continue,
            Err(_) => break,
        };
        if interrupted.load(Ordering::SeqCst) {
            break;
        }
        pending.insert(i, r);
        while let Some(r) = pending.remove(&next) {
            next += 1;
            files += 1;
            bytes += r.bytes;
            skipped += usize::from(r.skipped);
            if let Some(e) = &r.error {
                failed += 1;
                match &bar {
                    Some(b) => b.println(format!("chidao: {e}")),
                    None => eprintln!("chidao: {e}"),
                }
            }
            if write_error.is_none() {
                if let Err(e) = stream.write_all(&r.stream) {
                    write_error = Some(format!("cannot write the output: {e}"));
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
            let _ = token_tx.send(());
        }
    }
    drop(token_tx);
    if interrupted.load(Ordering::SeqCst) {
        // Dropping the stream removes its temporary file; workers end as their channels close.
        drop(stream);
        if let Some(b) = &bar {
            b.abandon();
        }
        return Err(INTERRUPTED.to_string());
    }
    let _ = producer.join();
    for w in workers {
        let _ = w.join();
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(e);
    }
    stream
        .finish()
        .map_err(|e| format!("cannot finish the output: {e}"))?;
    // On a terminal the run ends with a summary; in a pipeline or a cron job
    // stderr carries only errors unless --summary asks for it.
    if args.summary || (!args.quiet && std::io::stderr().is_terminal()) {
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        let skipped_note = if skipped > 0 {
            format!(", {skipped} skipped (output exists)")
        } else {
            String::new()
        };
        eprintln!(
            "chidao: {files} files, {} converted, {failed} failed{skipped_note}, {:.1} MB in {:.2} s ({:.1} MB/s)",
            files - failed - skipped,
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs
        );
    }
    Ok(Summary { files, failed })
}

/// Write one output file under a temporary name and rename it when whole;
/// after an interruption nothing is committed (the temporary file is removed).
fn write_file(path: &Path, content: &[u8], interrupted: &AtomicBool) -> std::io::Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(content)?;
    if interrupted.load(Ordering::SeqCst) {
        return Err(std::io::Error::other("interrupted"));
    }
    f.commit()
}

fn worker(
    job: &Job,
    work_rx: &Mutex<Receiver<(usize, Input)>>,
    done_tx: &SyncSender<(usize, Rendered)>,
) {
    loop {
        let next = match work_rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((i, input)) = next else { return };
        if job.interrupted.load(Ordering::SeqCst) {
            return;
        }
        // A parser bug must not stop the run: one error record for that file.
        let rendered =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(job, &input)))
                .unwrap_or_else(|_| {
                    error(
                        job,
                        &input.source(),
                        "internal",
                        "the parser failed on this file (please report it)",
                        0,
                    )
                });
        if done_tx.send((i, rendered)).is_err() {
            return;
        }
    }
}

/// Where `--format json` writes an input: its path below the folder (or
/// pattern) it was found in, plus `.json`.
fn out_path(dir: &Path, input: &Input) -> Option<PathBuf> {
    match input {
        Input::File { rel, .. } => {
            // Only plain names: a pattern such as `*/../x/*.txt` must not
            // lead outside the output folder.
            let mut rel: PathBuf = rel
                .components()
                .filter(|c| matches!(c, std::path::Component::Normal(_)))
                .collect();
            let mut name = rel.file_name()?.to_owned();
            name.push(".json");
            rel.set_file_name(name);
            Some(dir.join(rel))
        }
        Input::Stdin => Some(dir.join("stdin.json")),
        Input::Refused { .. } => None,
    }
}

/// With one output file per input, two inputs must not share a name: the
/// second becomes an error record instead of overwriting the first. Only a
/// 64-bit hash of each name is kept, so memory stays small for huge archives.
fn claim_output(dir: &Path, input: Input, taken: &mut HashSet<u64>) -> Input {
    let Some(path) = out_path(dir, &input) else {
        return input;
    };
    let mut h = DefaultHasher::new();
    path.hash(&mut h);
    if taken.insert(h.finish()) {
        return input;
    }
    Input::Refused {
        arg: input.source(),
        code: "duplicate_output",
        reason: format!(
            "another input is already written to `{}`; convert this one separately",
            path.display()
        ),
    }
}

/// Read, check, parse and render one input.
fn process(job: &Job, input: &Input) -> Rendered {
    let source = input.source();
    let out_path = job.out_dir.as_deref().and_then(|dir| out_path(dir, input));
    if job.skip_existing {
        if let Some(p) = &out_path {
            if p.exists() {
                return Rendered {
                    stream: Vec::new(),
                    error: None,
                    bytes: 0,
                    skipped: true,
                };
            }
        }
    }
    let bytes = match read(input, job.max_bytes) {
        Ok(b) => b,
        Err((code, message)) => return error(job, &source, code, &message, 0),
    };
    let size = bytes.len() as u64;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return error(job, &source, "empty", "the file is empty", size);
    }
    if looks_binary(&bytes) {
        return error(
            job,
            &source,
            "binary",
            "the file holds binary data, not text",
            size,
        );
    }
    let mut doc = match job.parser.parse_bytes(&bytes) {
        Ok(d) => d,
        Err(e) => return error(job, &source, e.code(), &e.to_string(), size),
    };
    doc.source = Some(source.clone());
    let mut r = Rendered {
        stream: Vec::new(),
        error: None,
        bytes: size,
        skipped: false,
    };
    match job.format {
        Format::Json => {
            if let Some(p) = out_path {
                let json = doc.to_json_pretty() + "\n";
                if let Err(e) = write_file(&p, json.as_bytes(), &job.interrupted) {
                    let message = format!("cannot write `{}`: {e}", p.display());
                    return error(job, &source, "unwritable", &message, size);
                }
            }
        }
        Format::Jsonl => {
            r.stream = doc.to_json().into_bytes();
            r.stream.push(b'\n');
        }
        Format::TasksJsonl => {
            for task in doc.tasks() {
                let rec = TaskRecord {
                    source: &source,
                    task: &task,
                };
                if let Ok(line) = serde_json::to_string(&rec) {
                    r.stream.extend_from_slice(line.as_bytes());
                    r.stream.push(b'\n');
                }
            }
        }
        Format::TasksCsv => {
            for task in doc.tasks() {
                r.stream
                    .extend_from_slice(csv_row(&source, &task).as_bytes());
            }
        }
    }
    r
}

fn csv_row(source: &str, task: &chidao::Task) -> String {
    let names = |coord: bool| {
        task.assignees
            .iter()
            .filter(|a| (a.role == chidao::Role::Coordinate) == coord)
            .map(|a| a.canonical.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let deadlines = task
        .deadlines
        .iter()
        .map(|d| format!("{}:{}", d.kind.as_str(), d.value))
        .collect::<Vec<_>>()
        .join("; ");
    let due = task
        .deadlines
        .iter()
        .filter_map(|d| d.due)
        .min()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let actions = task
        .actions
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join(" | ");
    let fields = [
        source.to_string(),
        task.path.clone().unwrap_or_default(),
        names(false),
        names(true),
        deadlines,
        due,
        actions,
        String::new(),
    ];
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
}

/// One error record, in the stream's format, and the line for stderr.
fn error(job: &Job, source: &str, code: &str, message: &str, bytes: u64) -> Rendered {
    let stream = match job.format {
        Format::TasksCsv => format!(
            "{},,,,,,,{}\n",
            csv_field(source),
            csv_field(&format!("{code}: {message}"))
        )
        .into_bytes(),
        _ => {
            let rec = ErrorRecord {
                source,
                error: ErrorBody { code, message },
            };
            let mut line = serde_json::to_vec(&rec).unwrap_or_default();
            line.push(b'\n');
            line
        }
    };
    Rendered {
        stream,
        error: Some(format!("{source}: {code}: {message}")),
        bytes,
        skipped: false,
    }
}

/// The bytes of an input, or an error code and message.
fn read(input: &Input, max: usize) -> Result<Vec<u8>, (&'static str, String)> {
    match input {
        Input::Refused { code, reason, .. } => Err((code, reason.clone())),
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(max as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(|e| ("unreadable", format!("cannot read stdin: {e}")))?;
            if buf.len() > max {
                return Err((
                    "too_large",
                    format!("input is over the limit of {max} bytes (raise it with --max-bytes)"),
                ));
            }
            Ok(buf)
        }
        Input::File { path, .. } => {
            let meta = std::fs::metadata(path).map_err(|e| ("unreadable", e.to_string()))?;
            if meta.len() > max as u64 {
                return Err((
                    "too_large",
                    format!("input is {} bytes, over the limit of {max} bytes (raise it with --max-bytes)", meta.len()),
                ));
            }
            std::fs::read(path).map_err(|e| ("unreadable", e.to_string()))
        }
    }
}

/// NUL bytes, or many control bytes, in the first 64 KiB: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 << 10)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 10 > head.len()
}

/// `chidao normalize FILE`.
pub(crate) fn normalize(file: &str, fold: bool, enc: &str) -> Result<(), String> {
    let bytes = if file == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        b
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read `{file}`: {e}"))?
    };
    let (text, _) =
        chidao::decode::to_text(&bytes, encoding(enc)?).map_err(|e| format!("`{file}`: {e}"))?;
    let out = if fold {
        chidao::normalize::fold(&text)
    } else {
        text
    };
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write: {e}"))
}

/// `chidao dates TEXT`.
pub(crate) fn dates(text: &str, reference: Option<&str>) -> Result<(), String> {
    let reference = reference.map(parse_date).transpose()?;
    let found = chidao::date::find(text, reference);
    if found.is_empty() {
        println!("no date expression found");
    }
    for m in found {
        println!(
            "{:>4}..{:<4} {:<32} {}",
            m.span.start,
            m.span.end,
            &text[m.span.clone()],
            m.value
        );
    }
    Ok(())
}
