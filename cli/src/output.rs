//! Where results go: a stream (stdout or one file), or one file per input.
//! Files are written under a temporary name in the same folder and renamed
//! when complete, so an interrupted run never leaves a half-written output.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file written to a temporary name and renamed on [`AtomicFile::commit`];
/// dropped without a commit, the temporary file is removed.
pub(crate) struct AtomicFile {
    tmp: PathBuf,
    dest: PathBuf,
    out: Option<BufWriter<File>>,
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
        })
    }

    pub(crate) fn commit(mut self) -> io::Result<()> {
        if let Some(out) = self.out.take() {
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.tmp, &self.dest)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(o) => o.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
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
            Some(p) => Stream::File(AtomicFile::create(p)?),
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
