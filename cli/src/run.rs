//! The commands: `convert` (the parallel, ordered pipeline), `normalize`, `dates`.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use chidao::date::Date;
use chidao::{Encoding, Parser};
use serde::Serialize;

use crate::inputs::{Input, Inputs};
use crate::output::{csv_field, remove_stale_temporaries, AtomicFile, Stream};
use crate::{ConvertArgs, Format};

/// The message of a run stopped by Ctrl-C or SIGTERM.
pub(crate) const INTERRUPTED: &str = "interrupted; no partial output file was left";

/// What a run did.
pub(crate) struct Summary {
    pub files: usize,
    pub failed: usize,
}

/// One input's result, rendered: the bytes for the stream, and the error
/// line for stderr when it failed.
#[derive(Default)]
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
    max_bytes: usize,
    skip_existing: bool,
    sync: bool,
    /// Set by Ctrl-C / SIGTERM: workers stop committing output files.
    interrupted: AtomicBool,
    /// Held (shared) by a worker while it writes and renames an output file;
    /// taken (exclusive) by an interrupted run before it exits, so that no
    /// temporary file is being written when the process ends.
    commit: RwLock<()>,
}

/// One input to convert: its place in the output order, and where its
/// `NAME.json` goes with `--format json`.
struct Work {
    index: usize,
    input: Input,
    out: Option<PathBuf>,
    /// Another input earlier in the run has the same output name.
    duplicate: bool,
}

/// The output file of an input with `--format json`: its path below the
/// folder (or the pattern's fixed folders) it was found in, plus `.json`.
fn out_path(input: &Input, dir: &Path) -> Option<PathBuf> {
    match input {
        Input::File { rel, .. } => {
            // Only plain names: a pattern such as `x/*/../../*.txt` must not
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
        Input::Missing { .. } => None,
    }
}

fn worker_count(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
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
    let out_dir = match (args.format, &args.output) {
        (Format::Json, Some(dir)) => {
            if dir.is_file() {
                return Err(format!(
                    "--format json writes one file per input: `{}` is a file, name a folder",
                    dir.display()
                ));
            }
            Some(dir.clone())
        }
        (Format::Json, None) => {
            return Err(
                "--format json writes one file per input: name a folder with -o".to_string(),
            )
        }
        _ => None,
    };
    if args.skip_existing && out_dir.is_none() {
        return Err("--skip-existing works with --format json (one file per input)".to_string());
    }
    if let Some(dest) = &args.output {
        if out_dir.is_none() && dest.is_dir() {
            return Err(format!(
                "`{}` is a folder; --format {} writes one file (or use --format json)",
                dest.display(),
                args.format.name()
            ));
        }
    }
    let jobs = worker_count(args.jobs);
    let job = Arc::new(Job {
        parser,
        format: args.format,
        max_bytes: args.max_bytes,
        skip_existing: args.skip_existing,
        sync: args.sync,
        interrupted: AtomicBool::new(false),
        commit: RwLock::new(()),
    });
    {
        let job = Arc::clone(&job);
        // Without a handler, Ctrl-C would kill the process mid-write; with one,
        // the run stops at the next result and removes its temporary files.
        let _ = ctrlc::set_handler(move || job.interrupted.store(true, Ordering::SeqCst));
    }

    // Leftovers of runs killed outright (SIGKILL) before this one writes.
    match (&out_dir, &args.output) {
        (Some(dir), _) => {
            remove_stale_temporaries(dir, true);
        }
        (None, Some(dest)) => {
            let parent = dest
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            remove_stale_temporaries(parent, false);
        }
        (None, None) => {}
    }

    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| progress_bar(&args.paths));

    let mut stream = match &out_dir {
        Some(_) => Stream::open(None).map_err(|e| format!("cannot write to stdout: {e}"))?,
        None => Stream::open(args.output.as_deref()).map_err(|e| {
            format!(
                "cannot create `{}`: {e}",
                args.output.as_deref().unwrap_or(Path::new("-")).display()
            )
        })?,
    };
    if args.format == Format::TasksCsv {
        let _ = writeln!(stream, "{CSV_HEADER}");
    }

    // The pipeline. Workers take the next input from a shared feed (the walk
    // runs under its lock), convert it, and hand the result to the shared
    // sink: whoever completes the next result in input order writes it and
    // any that were waiting behind it. A worker that takes input number `i`
    // waits until fewer than `window` results are ahead of the writer, so at
    // most `window` inputs are read, in flight or in the reorder buffer:
    // memory is a few documents per worker whatever the archive's size, and
    // no thread hand-off is needed per file.
    let shared = Arc::new(Shared {
        feed: Mutex::new(Feed {
            inputs: Inputs::new(&args.paths),
            next: 0,
            seen: HashSet::new(),
            out_dir,
            done: false,
        }),
        sink: Mutex::new(Sink {
            stream: Some(stream),
            pending: BTreeMap::new(),
            next: 0,
            totals: Totals::default(),
            write_error: None,
            bar: bar.clone(),
        }),
        written: AtomicUsize::new(0),
        room: Mutex::new(()),
        room_cv: Condvar::new(),
        window: jobs * 4,
    });
    let start = Instant::now();
    let mut workers = Vec::with_capacity(jobs);
    for n in 0..jobs {
        let shared = Arc::clone(&shared);
        let job = Arc::clone(&job);
        let spawned = std::thread::Builder::new()
            .name(format!("chidao-worker-{n}"))
            // Room for deep recursion on hostile input: a stack overflow
            // aborts the process and cannot be turned into an error record.
            .stack_size(WORKER_STACK)
            .spawn(move || worker(&job, &shared));
        match spawned {
            Ok(h) => workers.push(h),
            Err(e) if workers.is_empty() => return Err(format!("cannot start a worker: {e}")),
            Err(_) => break,
        }
    }
    // The main thread only watches for Ctrl-C / SIGTERM.
    while !workers.iter().all(std::thread::JoinHandle::is_finished) {
        if job.interrupted.load(Ordering::SeqCst) {
            return Err(stop(&job, &shared, bar.as_ref()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    for w in workers {
        let _ = w.join();
    }
    if job.interrupted.load(Ordering::SeqCst) {
        return Err(stop(&job, &shared, bar.as_ref()));
    }
    let mut sink = shared
        .sink
        .lock()
        .map_err(|_| "internal error: a worker failed")?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(e) = sink.write_error.take() {
        return Err(e);
    }
    if let Some(stream) = sink.stream.take() {
        stream
            .finish()
            .map_err(|e| format!("cannot finish the output: {e}"))?;
    }
    // On a terminal the run ends with a summary; in a pipeline or a cron job
    // stderr carries only errors unless --summary asks for it.
    if args.summary || (!args.quiet && std::io::stderr().is_terminal()) {
        eprintln!(
            "chidao: {}",
            sink.totals.line(start.elapsed().as_secs_f64())
        );
    }
    Ok(Summary {
        files: sink.totals.files,
        failed: sink.totals.failed,
    })
}

/// Where workers take their inputs from.
struct Feed {
    inputs: Inputs,
    /// The number of the next input.
    next: usize,
    /// Output names seen so far with `--format json`, as 64-bit hashes: 8
    /// bytes per input, so that two inputs never overwrite one output.
    seen: HashSet<u64>,
    out_dir: Option<PathBuf>,
    done: bool,
}

impl Feed {
    fn take(&mut self) -> Option<Work> {
        if self.done {
            return None;
        }
        let Some(input) = self.inputs.next() else {
            self.done = true;
            return None;
        };
        let index = self.next;
        self.next += 1;
        let out = self.out_dir.as_deref().and_then(|d| out_path(&input, d));
        let duplicate = out.as_ref().is_some_and(|p| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            p.hash(&mut h);
            !self.seen.insert(h.finish())
        });
        Some(Work {
            index,
            input,
            out,
            duplicate,
        })
    }
}

/// Where results are written, in input order.
struct Sink {
    /// `None` once finished, or removed by an interrupted run.
    stream: Option<Stream>,
    /// Results that arrived before an earlier one.
    pending: BTreeMap<usize, Rendered>,
    /// The number of the next result to write.
    next: usize,
    totals: Totals,
    write_error: Option<String>,
    bar: Option<indicatif::ProgressBar>,
}

impl Sink {
    /// Take result `index`, and write every result now due.
    fn put(&mut self, index: usize, r: Rendered, job: &Job) {
        self.pending.insert(index, r);
        while let Some(r) = self.pending.remove(&self.next) {
            self.next += 1;
            self.totals.add(&r);
            if let Some(e) = &r.error {
                match &self.bar {
                    Some(b) => b.suspend(|| eprintln!("chidao: {e}")),
                    None => eprintln!("chidao: {e}"),
                }
            }
            if let (Some(stream), None) = (&mut self.stream, &self.write_error) {
                if let Err(e) = stream.write_all(&r.stream) {
                    self.write_error = Some(format!("cannot write the output: {e}"));
                    // Nothing more can be written: stop reading inputs.
                    job.interrupted.store(true, Ordering::SeqCst);
                }
            }
            if let Some(b) = &self.bar {
                b.inc(1);
            }
        }
    }
}

/// What the workers share.
struct Shared {
    feed: Mutex<Feed>,
    sink: Mutex<Sink>,
    /// `Sink::next`, readable without the sink's lock.
    written: AtomicUsize,
    room: Mutex<()>,
    room_cv: Condvar,
    window: usize,
}

impl Shared {
    /// Wait until input `index` is less than `window` ahead of the writer.
    fn wait_for_room(&self, index: usize, job: &Job) {
        let mut guard = match self.room.lock() {
            Ok(g) => g,
            Err(_) => return,
        };
        while index >= self.written.load(Ordering::SeqCst) + self.window
            && !job.interrupted.load(Ordering::SeqCst)
        {
            guard = match self.room_cv.wait_timeout(guard, Duration::from_millis(100)) {
                Ok((g, _)) => g,
                Err(_) => return,
            };
        }
    }

    fn put(&self, index: usize, r: Rendered, job: &Job) {
        let written = {
            let Ok(mut sink) = self.sink.lock() else {
                return;
            };
            sink.put(index, r, job);
            sink.next
        };
        if written > self.written.swap(written, Ordering::SeqCst) {
            drop(self.room.lock());
            self.room_cv.notify_all();
        }
    }
}

const WORKER_STACK: usize = 64 << 20;

const CSV_HEADER: &str = "source,path,assignees,coordinating,deadlines,due,actions,error";

/// Stop an interrupted run: wait for the output files being written, remove
/// the stream's temporary file, and say so.
fn stop(job: &Job, shared: &Shared, bar: Option<&indicatif::ProgressBar>) -> String {
    job.interrupted.store(true, Ordering::SeqCst);
    let _no_commits = job.commit.write();
    let write_error = match shared.sink.lock() {
        Ok(mut sink) => {
            // Dropped without a commit, the stream's temporary file is removed.
            drop(sink.stream.take());
            sink.write_error.take()
        }
        Err(_) => None,
    };
    if let Some(b) = bar {
        b.abandon();
    }
    write_error.unwrap_or_else(|| INTERRUPTED.to_string())
}

/// Counts for the summary line.
#[derive(Default)]
struct Totals {
    files: usize,
    failed: usize,
    skipped: usize,
    bytes: u64,
}

impl Totals {
    fn add(&mut self, r: &Rendered) {
        self.files += 1;
        self.bytes += r.bytes;
        self.skipped += usize::from(r.skipped);
        self.failed += usize::from(r.error.is_some());
    }

    fn line(&self, secs: f64) -> String {
        let secs = secs.max(1e-6);
        let skipped = if self.skipped > 0 {
            format!(", {} skipped (output exists)", self.skipped)
        } else {
            String::new()
        };
        format!(
            "{} files, {} converted, {} failed{skipped}, {:.1} MB in {:.2} s ({:.1} MB/s)",
            self.files,
            self.files - self.failed - self.skipped,
            self.failed,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs
        )
    }
}

/// A bar of files done, rate and ETA. Its length is counted by a second walk
/// of the inputs in the background, so the run does not wait for it.
fn progress_bar(paths: &[String]) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {human_pos}/{human_len} files  {rate} files/s  eta {eta}",
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
    let counted = bar.clone();
    let paths = paths.to_vec();
    std::thread::spawn(move || {
        let mut n = 0u64;
        for _ in Inputs::new(&paths) {
            n += 1;
            if n % 4096 == 0 {
                counted.set_length(n);
            }
        }
        counted.set_length(n);
    });
    bar
}

fn worker(job: &Job, shared: &Shared) {
    loop {
        if job.interrupted.load(Ordering::SeqCst) {
            return;
        }
        let work = match shared.feed.lock() {
            Ok(mut feed) => feed.take(),
            Err(_) => return,
        };
        let Some(work) = work else { return };
        shared.wait_for_room(work.index, job);
        // A parser bug must not stop the run: one error record for that file.
        let rendered =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(job, &work)))
                .unwrap_or_else(|_| {
                    error(
                        job,
                        &work.input.source(),
                        "internal",
                        "the parser failed on this file (please report it with the file)",
                        0,
                    )
                });
        shared.put(work.index, rendered, job);
    }
}

/// Write one output file whole, unless the run was interrupted.
fn commit_file(job: &Job, path: &Path, content: &[u8]) -> Result<(), String> {
    let _writing = job.commit.read();
    if job.interrupted.load(Ordering::SeqCst) {
        return Ok(());
    }
    let mut f = AtomicFile::create(path, job.sync)
        .map_err(|e| format!("cannot create `{}`: {e}", path.display()))?;
    f.write_all(content)
        .and_then(|()| f.commit())
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

/// Read, check, parse and render one input.
fn process(job: &Job, work: &Work) -> Rendered {
    let source = work.input.source();
    if work.duplicate {
        let out = work.out.as_deref().unwrap_or(Path::new(""));
        return error(
            job,
            &source,
            "duplicate_output",
            &format!(
                "an earlier input is also written to `{}`; convert them in separate runs",
                out.display()
            ),
            0,
        );
    }
    if job.skip_existing {
        if let Some(p) = &work.out {
            if p.exists() {
                return Rendered {
                    skipped: true,
                    ..Rendered::default()
                };
            }
        }
    }
    let bytes = match read(&work.input, job.max_bytes) {
        Ok(b) => b,
        Err((code, message)) => return error(job, &source, code, &message, 0),
    };
    let size = bytes.len() as u64;
    if let Some((code, message)) = refuse(&bytes) {
        return error(job, &source, code, message, size);
    }
    let mut doc = match job.parser.parse_bytes(&bytes) {
        Ok(d) => d,
        Err(e) => return error(job, &source, e.code(), &e.to_string(), size),
    };
    drop(bytes);
    doc.source = Some(source.clone());
    let mut r = Rendered {
        bytes: size,
        ..Rendered::default()
    };
    match job.format {
        Format::Json => {
            let mut content = doc.to_json_pretty().into_bytes();
            content.push(b'\n');
            if let Some(p) = &work.out {
                if let Err(e) = commit_file(job, p, &content) {
                    return error(job, &source, "unwritable", &e, size);
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

/// Input that is not text worth parsing: the error code and message.
fn refuse(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(("empty", "the file is empty or holds only white space"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((
            "undecodable",
            "the file is UTF-16 text; convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)",
        ));
    }
    if looks_binary(bytes) {
        return Some((
            "binary",
            "the file holds binary data (NUL or control bytes), not text",
        ));
    }
    None
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

/// The bytes of an input, or an error code and message. Never more than
/// `max + 1` bytes are read, whatever the input claims to be (a growing log,
/// `/dev/zero`, a pipe).
fn read(input: &Input, max: usize) -> Result<Vec<u8>, (&'static str, String)> {
    let too_large = |size: Option<u64>| {
        let size = size.map_or_else(|| "over".to_string(), |n| format!("{n} bytes,"));
        (
            "too_large",
            format!("input is {size} over the limit of {max} bytes (raise it with --max-bytes)"),
        )
    };
    let mut buf = Vec::new();
    match input {
        Input::Missing { reason, .. } => return Err(("unreadable", reason.clone())),
        Input::Stdin => {
            std::io::stdin()
                .lock()
                .take(max as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(|e| ("unreadable", format!("cannot read stdin: {e}")))?;
        }
        Input::File { path, .. } => {
            let file = std::fs::File::open(path).map_err(|e| ("unreadable", e.to_string()))?;
            let meta = file.metadata().map_err(|e| ("unreadable", e.to_string()))?;
            if meta.is_dir() {
                return Err(("unreadable", "a folder, not a file".to_string()));
            }
            if meta.len() > max as u64 {
                return Err(too_large(Some(meta.len())));
            }
            buf.reserve(meta.len() as usize);
            file.take(max as u64 + 1)
                .read_to_end(&mut buf)
                .map_err(|e| ("unreadable", e.to_string()))?;
        }
    }
    if buf.len() > max {
        return Err(too_large(None));
    }
    Ok(buf)
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
