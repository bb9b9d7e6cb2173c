//! The inputs of a run, enumerated lazily: files, folders walked depth-first in
//! name order (`*.txt`), glob patterns, and `-` for stdin.
//!
//! Nothing is collected up front: an archive of millions of files costs the
//! memory of one open folder listing per level of the walk.

use std::collections::VecDeque;
use std::path::{Component, Path, PathBuf};

/// One input of a run.
pub(crate) enum Input {
    /// Standard input.
    Stdin,
    /// A file, with the path its output is named after: relative to the folder
    /// it was found in, or to the fixed part of the pattern that matched it.
    File { path: PathBuf, rel: PathBuf },
    /// A path argument or folder entry that cannot be read.
    Missing { arg: String, reason: String },
}

impl Input {
    /// The path as it appears in output records.
    pub(crate) fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File { path, .. } => path.display().to_string(),
            Input::Missing { arg, .. } => arg.clone(),
        }
    }
}

/// A folder being walked: the root output names are relative to, and the
/// entries of each open level still to visit.
struct Walk {
    root: PathBuf,
    stack: Vec<std::vec::IntoIter<PathBuf>>,
}

/// A glob pattern being expanded, with the fixed folder its matches are named from.
struct Globbing {
    root: PathBuf,
    paths: glob::Paths,
}

/// The lazy enumeration of all inputs of the path arguments, in order.
pub(crate) struct Inputs {
    args: VecDeque<String>,
    walk: Option<Walk>,
    globbing: Option<Globbing>,
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

/// The leading components of a pattern that hold no wildcard (`scans` for
/// `scans/**/*.txt`): matches are named relative to it.
fn literal_prefix(pattern: &str) -> PathBuf {
    let mut prefix = PathBuf::new();
    for c in Path::new(pattern).components() {
        if let Component::Normal(s) = c {
            if is_glob(&s.to_string_lossy()) {
                break;
            }
        }
        prefix.push(c);
    }
    prefix
}

/// Entries of a folder, sorted by name.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir)? {
        v.push(e?.path());
    }
    v.sort();
    Ok(v)
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// A folder reached by the walk itself, not through a symbolic link (links to
/// folders are not followed, so a link to a parent cannot make the walk endless).
fn real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

fn relative(path: &Path, root: &Path) -> PathBuf {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
        _ => PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
    }
}

impl Walk {
    fn open(root: PathBuf) -> Result<Walk, Input> {
        match sorted_entries(&root) {
            Ok(entries) => Ok(Walk {
                root,
                stack: vec![entries.into_iter()],
            }),
            Err(e) => Err(Input::Missing {
                arg: root.display().to_string(),
                reason: format!("cannot list the folder: {e}"),
            }),
        }
    }

    /// The next file below the root, or `None` when the walk is over.
    fn next(&mut self) -> Option<Input> {
        loop {
            let p = match self.stack.last_mut()?.next() {
                Some(p) => p,
                None => {
                    self.stack.pop();
                    continue;
                }
            };
            if real_dir(&p) {
                match sorted_entries(&p) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(e) => {
                        return Some(Input::Missing {
                            arg: p.display().to_string(),
                            reason: format!("cannot list the folder: {e}"),
                        })
                    }
                }
            } else if wanted(&p) && !p.is_dir() {
                let rel = relative(&p, &self.root);
                return Some(Input::File { path: p, rel });
            }
        }
    }
}

impl Iterator for Inputs {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(input) => return Some(input),
                    None => self.walk = None,
                }
            }
            if let Some(g) = &mut self.globbing {
                match g.paths.next() {
                    Some(Ok(p)) if p.is_dir() => match Walk::open(p) {
                        Ok(w) => {
                            self.walk = Some(w);
                            continue;
                        }
                        Err(missing) => return Some(missing),
                    },
                    Some(Ok(p)) if p.is_file() => {
                        let rel = relative(&p, &g.root);
                        return Some(Input::File { path: p, rel });
                    }
                    // A dangling link or a special file: say so rather than skip it.
                    Some(Ok(p)) => {
                        return Some(Input::Missing {
                            arg: p.display().to_string(),
                            reason: "not a regular file (a dangling link?)".to_string(),
                        })
                    }
                    Some(Err(e)) => {
                        return Some(Input::Missing {
                            arg: e.path().display().to_string(),
                            reason: e.error().to_string(),
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
                match Walk::open(path) {
                    Ok(w) => {
                        self.walk = Some(w);
                        continue;
                    }
                    Err(missing) => return Some(missing),
                }
            }
            if path.exists() {
                let rel = PathBuf::from(path.file_name().unwrap_or(path.as_os_str()));
                return Some(Input::File { path, rel });
            }
            if is_glob(&arg) {
                match glob::glob(&arg) {
                    Ok(paths) => {
                        self.globbing = Some(Globbing {
                            root: literal_prefix(&arg),
                            paths,
                        });
                        continue;
                    }
                    Err(e) => {
                        return Some(Input::Missing {
                            arg,
                            reason: format!("bad pattern: {e}"),
                        })
                    }
                }
            }
            return Some(Input::Missing {
                arg,
                reason: "no such file or folder".to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(literal_prefix("scans/**/*.txt"), PathBuf::from("scans"));
        assert_eq!(literal_prefix("*.txt"), PathBuf::new());
        assert_eq!(literal_prefix("/a/b/c?/d"), PathBuf::from("/a/b"));
    }

    #[test]
    fn relative_names() {
        assert_eq!(
            relative(Path::new("scans/2025/a.txt"), Path::new("scans")),
            PathBuf::from("2025/a.txt")
        );
        assert_eq!(
            relative(Path::new("a.txt"), Path::new("")),
            PathBuf::from("a.txt")
        );
    }
}
