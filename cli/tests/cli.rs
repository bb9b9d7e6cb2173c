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
        .args(["convert", "--format", "json", "--skip-existing", "-o"])
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
