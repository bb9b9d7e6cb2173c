//! Where results go: a stream (stdout or one file), or one file per input.
//! Files are written under a temporary name in the same folder and renamed
//! when complete, so an interrupted run never leaves a half-written output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

/// Bytes written between two background syncs of a large synced output.
const SYNC_EVERY: u64 = 32 << 20;

/// A file written to a temporary name and renamed on [`AtomicFile::commit`];
/// dropped without a commit, the temporary file is removed.
///
/// With `sync`, the data reaches the disk before the rename, so a crash never
/// leaves a renamed but empty file. A large synced output (one JSON Lines
/// file for a whole archive) is synced in the background as it grows, so that
/// the final sync does not stall the end of the run.
pub(crate) struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
    sync: bool,
    unsynced: u64,
    syncer: Option<(SyncSender<()>, JoinHandle<io::Result<()>>)>,
}

/// The suffix of temporary files; with the writer's process id before it,
/// so that a later run can tell the leftovers of a killed run from live files.
const TMP_SUFFIX: &str = ".chidao-tmp";

/// The temporary name of `name` written by process `pid`.
fn tmp_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}{TMP_SUFFIX}")
}

/// The writer's process id of a temporary file name, if it is one.
fn tmp_pid(file_name: &str) -> Option<u32> {
    let stem = file_name.strip_prefix('.')?.strip_suffix(TMP_SUFFIX)?;
    stem.rsplit_once('.')?.1.parse().ok()
}

/// Whether process `pid` is still running. Where this cannot be told (no
/// `/proc`), every process counts as running and nothing is removed.
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Remove the temporary files that killed runs (SIGKILL, power cut) left in
/// `dir`, and below it when `recursive`. Returns how many were removed.
pub(crate) fn remove_stale_temporaries(dir: &Path, recursive: bool) -> usize {
    let mut removed = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if recursive {
                    stack.push(e.path());
                }
                continue;
            }
            let name = e.file_name();
            let Some(pid) = tmp_pid(&name.to_string_lossy()) else {
                continue;
            };
            if !alive(pid) && std::fs::remove_file(e.path()).is_ok() {
                removed += 1;
            }
        }
    }
    removed
}

impl AtomicFile {
    /// A new temporary file for `dest`; `sync` flushes it to the disk before the rename.
    pub(crate) fn create(dest: &Path, sync: bool) -> io::Result<AtomicFile> {
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(tmp_name(&name, std::process::id()));
        let out = BufWriter::new(File::create(&tmp)?);
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
            out: Some(out),
            sync,
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
            if self.sync {
                file.sync_all()?;
            }
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
        if self.sync {
            self.unsynced += n as u64;
            if self.unsynced >= SYNC_EVERY {
                self.unsynced = 0;
                self.sync_in_background();
            }
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

impl Stream {
    pub(crate) fn open(path: Option<&Path>) -> io::Result<Stream> {
        Ok(match path {
            Some(p) => Stream::File(AtomicFile::create(p, true)?),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_round_trip() {
        assert_eq!(tmp_pid(&tmp_name("a.b.json", 4242)), Some(4242));
        assert_eq!(tmp_pid("a.json"), None);
        assert_eq!(tmp_pid(".a.json.x.chidao-tmp"), None);
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
