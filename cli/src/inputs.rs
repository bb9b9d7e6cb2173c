//! The inputs of a run, enumerated lazily: files, folders walked depth-first in
//! name order (`*.txt`), glob patterns, and `-` for stdin.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// One input of a run.
pub(crate) enum Input {
    /// Standard input.
    Stdin,
    /// A file, with the path its output is named after (relative to the folder it was found in).
    File { path: PathBuf, rel: PathBuf },
    /// An input that gives an error record without being read: a path that
    /// names nothing, a bad pattern, an output name already taken.
    Refused {
        arg: String,
        code: &'static str,
        reason: String,
    },
}

impl Input {
    /// The path as it appears in output records.
    pub(crate) fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File { path, .. } => path.display().to_string(),
            Input::Refused { arg, .. } => arg.clone(),
        }
    }
}

/// The lazy enumeration of all inputs of the path arguments, in order.
pub(crate) struct Inputs {
    args: VecDeque<String>,
    /// Folders being walked: their root, and the entries of each open level still to visit.
    walk: Option<(PathBuf, Vec<std::vec::IntoIter<PathBuf>>)>,
    /// The pattern being expanded, with its literal leading folders (output
    /// names keep the path below them, so `a/x.txt` and `b/x.txt` differ).
    globbing: Option<(PathBuf, glob::Paths)>,
}

impl Inputs {
    pub(crate) fn new(args: &[String]) -> Inputs {
        Inputs {
            args: args.iter().cloned().collect(),
            walk: None,
            globbing: None,
        }
    }
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '['])
}

/// The leading folders of a pattern that hold no wildcard (`scans/2025` of
/// `scans/2025/**/*.txt`).
fn glob_base(pattern: &str) -> PathBuf {
    Path::new(pattern)
        .components()
        .take_while(|c| !is_glob(&c.as_os_str().to_string_lossy()))
        .collect()
}

/// Entries of a folder, sorted by name; an unreadable folder gives none.
fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.flatten().map(|e| e.path()).collect(),
        Err(_) => Vec::new(),
    };
    v.sort();
    v
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some((root, stack)) = &mut self.walk {
                match stack.last_mut().map(|it| it.next()) {
                    Some(Some(p)) if p.is_dir() => {
                        stack.push(sorted_entries(&p).into_iter());
                        continue;
                    }
                    Some(Some(p)) if wanted(&p) => {
                        let rel = p
                            .strip_prefix(&*root)
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|_| p.clone());
                        return Some(Input::File { path: p, rel });
                    }
                    Some(Some(_)) => continue,
                    Some(None) => {
                        stack.pop();
                        continue;
                    }
                    None => self.walk = None,
                }
            }
            if let Some((base, paths)) = &mut self.globbing {
                match paths.next() {
                    Some(Ok(p)) if p.is_dir() => {
                        let entries = sorted_entries(&p).into_iter();
                        self.walk = Some((p, vec![entries]));
                        continue;
                    }
                    // Anything else the pattern names is an input; one that
                    // cannot be read (a dangling link) gives an error record.
                    Some(Ok(p)) => {
                        let rel = p
                            .strip_prefix(&*base)
                            .ok()
                            .filter(|r| !r.as_os_str().is_empty())
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| PathBuf::from(p.file_name().unwrap_or_default()));
                        return Some(Input::File { path: p, rel });
                    }
                    Some(Err(e)) => {
                        return Some(Input::Refused {
                            arg: e.path().display().to_string(),
                            code: "unreadable",
                            reason: e.to_string(),
                        })
                    }
                    None => self.globbing = None,
                }
            }
            let arg = self.args.pop_front()?;
            if arg == "-" {
                return Some(Input::Stdin);
            }
            let path = PathBuf::from(&arg);
            if path.is_dir() {
                let entries = sorted_entries(&path).into_iter();
                self.walk = Some((path, vec![entries]));
                continue;
            }
            if path.exists() {
                let rel = PathBuf::from(path.file_name().unwrap_or_default());
                return Some(Input::File { path, rel });
            }
            if is_glob(&arg) {
                match glob::glob(&arg) {
                    Ok(paths) => {
                        self.globbing = Some((glob_base(&arg), paths));
                        continue;
                    }
                    Err(e) => {
                        return Some(Input::Refused {
                            arg,
                            code: "unreadable",
                            reason: format!("bad pattern: {e}"),
                        })
                    }
                }
            }
            return Some(Input::Refused {
                arg,
                code: "unreadable",
                reason: "no such file or folder".to_string(),
            });
        }
    }
}
