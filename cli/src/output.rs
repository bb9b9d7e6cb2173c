//! Where results go: a stream (stdout or one file), or one file per input.
//! Files are written under a temporary name in the same folder and renamed
//! when complete, so an interrupted run never leaves a half-written output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

/// Bytes written between two background syncs of a large output.
const SYNC_EVERY: u64 = 32 << 20;

/// A file written to a temporary name and renamed on [`AtomicFile::commit`];
/// dropped without a commit, the temporary file is removed.
///
/// The data reaches the disk before the rename, so a crash never leaves a
/// renamed but empty file. A large output (one JSON Lines file for a whole
/// archive) is synced in the background as it grows, so that the final sync
/// does not stall the end of the run.
pub(crate) struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
    unsynced: u64,
    syncer: Option<(SyncSender<()>, JoinHandle<io::Result<()>>)>,
}

impl AtomicFile {
    pub(crate) fn create(dest: &Path) -> io::Result<AtomicFile> {
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.chidao-tmp", std::process::id()));
        let out = BufWriter::new(File::create(&tmp)?);
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            out: Some(out),
            unsynced: 0,
            syncer: None,
        })
    }

    /// Ask the background thread (started on first use) to sync what was
    /// written so far; if a sync is already under way, this one is skipped.
    fn sync_in_background(&mut self) {
        if self.syncer.is_none() {
            let Some(file) = self.out.as_ref().and_then(|o| o.get_ref().try_clone().ok()) else {
                return;
            };
            let (tx, rx) = sync_channel::<()>(1);
            let handle = std::thread::spawn(move || {
                for () in rx {
                    file.sync_data()?;
                }
                Ok(())
            });
            self.syncer = Some((tx, handle));
        }
        if let Some((tx, _)) = &self.syncer {
            let _ = tx.try_send(());
        }
    }

    pub(crate) fn commit(mut self) -> io::Result<()> {
        if let Some((tx, handle)) = self.syncer.take() {
            drop(tx);
            handle
                .join()
                .map_err(|_| io::Error::other("the sync thread failed"))??;
        }
        if let Some(out) = self.out.take() {
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.tmp, &self.dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = match &mut self.out {
            Some(o) => o.write(buf)?,
            None => return Err(io::Error::other("file already committed")),
        };
        self.unsynced += n as u64;
        if self.unsynced >= SYNC_EVERY {
            self.unsynced = 0;
            self.sync_in_background();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().map_or(Ok(()), Write::flush)
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// The stream results are written to, in input order.
pub(crate) enum Stream {
    Stdout(BufWriter<io::Stdout>),
    File(AtomicFile),
}

/// Whether `name` is the temporary file (`.NAME.PID.chidao-tmp`) of a run
/// that was killed outright (SIGKILL, power loss): its process is gone. Only
/// where `/proc` tells which processes live; elsewhere nothing is stale.
fn is_stale_temporary(name: &str) -> bool {
    let Some(pid) = name
        .strip_suffix(".chidao-tmp")
        .filter(|_| name.starts_with('.'))
        .and_then(|rest| rest.rsplit_once('.'))
        .map(|(_, pid)| pid)
    else {
        return false;
    };
    pid.parse::<u32>().is_ok()
        && Path::new("/proc/self").exists()
        && !Path::new("/proc").join(pid).exists()
}

/// Remove killed runs' temporary files for `dest` (one output file).
fn remove_stale_temporaries(dest: &Path) {
    let (Some(dir), Some(name)) = (dest.parent(), dest.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix) && is_stale_temporary(&file) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Remove killed runs' temporary files anywhere below `dir` (the output
/// folder of `--format json`), in one walk before the run starts.
pub(crate) fn remove_stale_temporaries_below(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() && is_stale_temporary(&e.file_name().to_string_lossy()) => {
                    let _ = std::fs::remove_file(e.path());
                }
                _ => {}
            }
        }
    }
}

impl Stream {
    pub(crate) fn open(path: Option<&Path>) -> io::Result<Stream> {
        Ok(match path {
            Some(p) => {
                remove_stale_temporaries(p);
                Stream::File(AtomicFile::create(p)?)
            }
            None => Stream::Stdout(BufWriter::new(io::stdout())),
        })
    }

    pub(crate) fn finish(self) -> io::Result<()> {
        match self {
            Stream::Stdout(mut o) => o.flush(),
            Stream::File(f) => f.commit(),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stream::Stdout(o) => o.write(buf),
            Stream::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stream::Stdout(o) => o.flush(),
            Stream::File(f) => f.flush(),
        }
    }
}

/// One CSV field, quoted when it needs to be.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
