//! The `chidao` binary end to end: ordered output, error records, exit codes,
//! atomic output files, resuming.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chidao"))
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// A fresh folder with `n` corpus copies and three broken files.
fn archive(name: &str, n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chidao-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("temp folder");
    let docs = fixtures();
    for i in 0..n {
        let src = &docs[i % docs.len()];
        std::fs::copy(src, dir.join("sub").join(format!("{i:03}.txt"))).expect("copy");
    }
    std::fs::write(dir.join("broken-empty.txt"), b"").expect("write");
    std::fs::write(dir.join("broken-nul.txt"), b"abc\0def").expect("write");
    std::fs::write(
        dir.join("broken-random.txt"),
        (0..4000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .expect("write");
    dir
}

#[test]
fn a_folder_with_broken_files_gives_documents_and_error_records() {
    let dir = archive("records", 20);
    let out = bin()
        .args(["convert", "-q"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file makes the exit status 1"
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 23);
    let errors: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), 3);
    let codes: Vec<&str> = errors
        .iter()
        .map(|e| e["error"]["code"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(codes, ["empty", "binary", "binary"]);
    assert!(lines
        .iter()
        .filter(|l| l.get("error").is_none())
        .all(|l| l["schema"] == "chidao/1" && l["source"].is_string()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().count(),
        3,
        "one stderr line per failed file, nothing else with -q: {stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_is_the_same_bytes_for_any_number_of_jobs() {
    let dir = archive("jobs", 30);
    let run = |jobs: &str| {
        bin()
            .args(["convert", "-q", "--jobs", jobs])
            .arg(&dir)
            .output()
            .expect("runs")
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
    assert_eq!(one, run("4"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_files_are_written_whole_and_resumed() {
    let dir = archive("json", 6);
    let out_dir = dir.join("out");
    let status = bin()
        .args(["convert", "-q", "--format", "json", "-o"])
        .arg(&out_dir)
        .arg(dir.join("sub"))
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(0));
    let written: Vec<PathBuf> = std::fs::read_dir(&out_dir)
        .expect("out")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(written.len(), 6);
    assert!(
        written
            .iter()
            .all(|p| p.to_string_lossy().ends_with(".txt.json")),
        "no temporary file is left: {written:?}"
    );
    for p in &written {
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(p).expect("read")).expect("whole JSON");
        assert_eq!(v["schema"], "chidao/1");
    }
    // A second run with --skip-existing converts nothing again.
    let again = bin()
        .args([
            "convert",
            "--format",
            "json",
            "--skip-existing",
            "--summary",
            "-o",
        ])
        .arg(&out_dir)
        .arg(dir.join("sub"))
        .output()
        .expect("runs");
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stderr).contains("6 skipped"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_output_file_appears_only_when_complete() {
    let dir = archive("atomic", 5);
    let dest = dir.join("all.jsonl");
    let status = bin()
        .args(["convert", "-q", "-o"])
        .arg(&dest)
        .arg(dir.join("sub"))
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&dest)
            .expect("output")
            .lines()
            .count(),
        5
    );
    let leftovers = std::fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("chidao-tmp"))
        .count();
    assert_eq!(leftovers, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2_and_missing_inputs_are_records() {
    assert_eq!(
        bin()
            .args(["convert", "--format", "nope", "x"])
            .output()
            .expect("runs")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["convert", "--format", "json", "x"])
            .output()
            .expect("runs")
            .status
            .code(),
        Some(2)
    );
    let out = bin()
        .args(["convert", "-q", "/no/such/file.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).expect("an error record");
    assert_eq!(rec["error"]["code"], "unreadable");
}

#[test]
fn tasks_formats() {
    let doc = &fixtures()[0];
    let out = bin()
        .args(["convert", "-q", "--format", "tasks-jsonl"])
        .arg(doc)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .expect("a task"),
    )
    .expect("JSON");
    assert!(first["path"].is_string() && first["source"].is_string());
    let csv = bin()
        .args(["convert", "-q", "--format", "tasks-csv"])
        .arg(doc)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(text.starts_with("source,path,assignees,coordinating,deadlines,due,actions,error\n"));
    assert!(text.lines().count() > 10);
}

#[test]
fn dates_and_normalize_commands() {
    let out = bin()
        .args(["dates", "hoàn thành trước ngày 20/7/2025"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("2025-07-20"));
    let dir = archive("norm", 0);
    let f = dir.join("nfd.txt");
    std::fs::write(&f, "Ha\u{300} No\u{302}\u{323}i").expect("write");
    let out = bin()
        .args(["normalize", "--fold"])
        .arg(&f)
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ha noi");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Waits until `cond` holds, for at most ten seconds.
fn wait_for(mut cond: impl FnMut() -> bool) -> bool {
    for _ in 0..200 {
        if cond() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".chidao-tmp"))
                .count()
        })
        .unwrap_or(0)
}

/// A run stuck midway: the folder's files are done, stdin (the last input)
/// is open and half sent.
fn stuck_run(dir: &Path, extra: &[&str]) -> std::process::Child {
    use std::io::Write;
    let mut child = bin()
        .args(["convert", "-q"])
        .args(extra)
        .arg(dir.join("sub"))
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    if let Some(stdin) = child.stdin.as_mut() {
        let _ = stdin.write_all("CÔNG ĐIỆN\n1. Bộ Công an chỉ".as_bytes());
    }
    child
}

#[test]
fn a_killed_run_leaves_no_partial_output() {
    let dir = archive("killed", 8);
    let dest = dir.join("all.jsonl");
    // SIGKILL: nothing can be cleaned up, yet the output name never appears.
    let mut child = stuck_run(&dir, &["-o", &dest.to_string_lossy()]);
    assert!(
        wait_for(|| temp_files(&dir) == 1),
        "the run writes a temporary file"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().expect("kill");
    let _ = child.wait();
    assert!(
        !dest.exists(),
        "no output under its final name after SIGKILL"
    );
    assert_eq!(
        temp_files(&dir),
        1,
        "only the hidden temporary file is left"
    );
    // SIGTERM (as Ctrl-C): the run stops, removes its temporary file, exits 130.
    let mut child = stuck_run(&dir, &["-o", &dest.to_string_lossy()]);
    assert!(wait_for(|| temp_files(&dir) == 1));
    std::thread::sleep(std::time::Duration::from_millis(300));
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(term.success());
    // `wait` would close stdin first and let the run finish: keep it open.
    let stdin = child.stdin.take();
    let status = child.wait().expect("ends");
    drop(stdin);
    assert_eq!(status.code(), Some(130));
    assert!(!dest.exists());
    assert_eq!(
        temp_files(&dir),
        0,
        "its own temporary file is removed, and the killed run's stale one"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_interrupted_json_run_resumes_with_skip_existing() {
    let dir = archive("resume", 6);
    let out_dir = dir.join("out");
    let mut child = stuck_run(
        &dir,
        &["--format", "json", "-o", &out_dir.to_string_lossy()],
    );
    let count = || {
        std::fs::read_dir(&out_dir)
            .map(|rd| {
                rd.flatten()
                    .filter(|e| e.file_name().to_string_lossy().ends_with(".txt.json"))
                    .count()
            })
            .unwrap_or(0)
    };
    assert!(wait_for(|| count() == 6), "the folder's files are written");
    child.kill().expect("kill");
    let _ = child.wait();
    assert!(!out_dir.join("stdin.json").exists());
    for e in std::fs::read_dir(&out_dir).expect("out").flatten() {
        if e.file_name().to_string_lossy().ends_with(".json") {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(e.path()).expect("read")).expect("whole");
            assert_eq!(v["schema"], "chidao/1");
        }
    }
    let out = bin()
        .args([
            "convert",
            "--summary",
            "--format",
            "json",
            "--skip-existing",
            "-o",
        ])
        .arg(&out_dir)
        .arg(dir.join("sub"))
        .arg("-")
        .stdin(std::fs::File::open(dir.join("sub").join("000.txt")).expect("input"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("7 files, 1 converted, 0 failed, 6 skipped"),
        "{stderr}"
    );
    assert!(out_dir.join("stdin.json").exists());
    assert_eq!(
        temp_files(&out_dir),
        0,
        "the killed run's temporary file is removed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_oversize_globs_and_stdin() {
    let dir = archive("misc", 3);
    std::os::unix::fs::symlink(dir.join("gone"), dir.join("sub").join("dangling.txt"))
        .expect("symlink");
    let out = bin()
        .args(["convert", "-q", "--max-bytes", "20000"])
        .arg(dir.join("sub").join("*.txt"))
        .arg("-")
        .stdin(std::fs::File::open(fixtures()[2].clone()).expect("input"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let codes: Vec<String> = lines
        .iter()
        .map(|l| l["error"]["code"].as_str().unwrap_or("ok").to_string())
        .collect();
    // 000 and 001 are over 20,000 bytes, 002 (15 kB) is not; the glob
    // yields the folder's files in name order, then stdin.
    assert_eq!(codes, ["too_large", "too_large", "ok", "unreadable", "ok"]);
    assert_eq!(lines[4]["source"], "-");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_names_keep_subfolders_and_never_collide() {
    let dir = archive("names", 0);
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join("in").join(sub)).expect("folder");
        std::fs::copy(&fixtures()[1], dir.join("in").join(sub).join("x.txt")).expect("copy");
    }
    let out_dir = dir.join("out");
    let pattern = format!("{}/in/**/*.txt", dir.display());
    let status = bin()
        .args(["convert", "-q", "--format", "json", "-o"])
        .arg(&out_dir)
        .arg(&pattern)
        .status()
        .expect("runs");
    assert_eq!(status.code(), Some(0));
    assert!(out_dir.join("a/x.txt.json").is_file() && out_dir.join("b/x.txt.json").is_file());
    // Two file arguments with the same name: the second is refused, not overwritten over the first.
    let out_dir = dir.join("out2");
    let out = bin()
        .args(["convert", "-q", "--format", "json", "-o"])
        .arg(&out_dir)
        .arg(dir.join("in/a/x.txt"))
        .arg(dir.join("in/b/x.txt"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let rec: serde_json::Value = serde_json::from_slice(&out.stdout).expect("an error record");
    assert_eq!(rec["error"]["code"], "duplicate_output");
    assert!(rec["source"].as_str().unwrap_or("").ends_with("b/x.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn folders_links_utf16_and_endless_inputs() {
    let dir = archive("walk", 2);
    // A link back to the folder would make the walk endless if followed.
    std::os::unix::fs::symlink(&dir, dir.join("sub").join("loop")).expect("symlink");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "CÔNG ĐIỆN\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(dir.join("sub").join("utf16.txt"), utf16).expect("write");
    let locked = dir.join("sub").join("locked");
    std::fs::create_dir(&locked).expect("folder");
    std::fs::write(locked.join("x.txt"), "x").expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads any folder: then the locked one is just walked.
    let can_lock = std::fs::read_dir(&locked).is_err();
    let out = bin()
        .args(["convert", "-q", "--max-bytes", "100000"])
        .arg(dir.join("sub"))
        .arg("/dev/zero")
        .output()
        .expect("runs");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(1));
    let records: Vec<(String, String)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            let source = v["source"].as_str().unwrap_or("").to_string();
            let name = Path::new(&source)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                name,
                v["error"]["code"].as_str().unwrap_or("ok").to_string(),
            )
        })
        .collect();
    let locked_record = if can_lock {
        ("locked", "unreadable")
    } else {
        ("x.txt", "ok")
    };
    let expected = [
        ("000.txt", "ok"),
        ("001.txt", "ok"),
        locked_record,
        ("utf16.txt", "undecodable"),
        // Read no further than the limit: /dev/zero never ends.
        ("zero", "too_large"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(records, expected, "the link is not followed");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn json_names_never_leave_the_output_folder() {
    let dir = archive("escape", 0);
    std::fs::create_dir_all(dir.join("in").join("a")).expect("folder");
    std::fs::copy(&fixtures()[1], dir.join("in").join("a").join("x.txt")).expect("copy");
    let out_dir = dir.join("deep").join("out");
    // `..` in the matched path would climb out of `deep/out` if kept.
    let pattern = format!("{}/in/*/../../in/a/*.txt", dir.display());
    let out = bin()
        .args(["convert", "-q", "--sync", "--format", "json", "-o"])
        .arg(&out_dir)
        .arg(&pattern)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let mut written = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("dir").flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else if e.file_name().to_string_lossy().ends_with(".json") {
                written.push(e.path());
            }
        }
    }
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(written[0].starts_with(&out_dir), "{written:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_output_of_the_wrong_kind_is_a_usage_error() {
    let dir = archive("kinds", 1);
    let file = dir.join("sub").join("000.txt");
    let json_into_file = bin()
        .args(["convert", "-q", "--format", "json", "-o"])
        .arg(&file)
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(json_into_file.status.code(), Some(2));
    let jsonl_into_folder = bin()
        .args(["convert", "-q", "-o"])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(jsonl_into_folder.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

fn temp_files_below(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        n += temp_files(&d);
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            }
        }
    }
    n
}

#[test]
fn sigterm_during_a_json_run_leaves_no_temporary_file() {
    let dir = archive("term-json", 200);
    for (round, delay) in [150u64, 300, 500].into_iter().enumerate() {
        let out_dir = dir.join(format!("out-{round}"));
        let mut child = bin()
            .args(["convert", "-q", "--jobs", "4", "--format", "json", "-o"])
            .arg(&out_dir)
            .arg(dir.join("sub"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("runs");
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let term = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .expect("kill -TERM");
        assert!(term.success());
        let status = child.wait().expect("ends");
        // A run that finished before the signal exits 0; a stopped one 130.
        assert!(matches!(status.code(), Some(0 | 130)), "{status:?}");
        assert_eq!(temp_files_below(&out_dir), 0, "round {round}");
        for e in std::fs::read_dir(&out_dir).into_iter().flatten().flatten() {
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(e.path()).expect("read")).expect("whole");
            assert_eq!(v["schema"], "chidao/1");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
