//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared fixtures directory: `$CBOT_FIXTURES`, else `../shared/fixtures`
/// beside the project. Fails loudly when it is missing: fixture tests must
/// never pass because there was nothing to test.
pub fn fixtures() -> PathBuf {
    let dir = match std::env::var_os("CBOT_FIXTURES") {
        Some(dir) => PathBuf::from(dir),
        None => root().join("../shared/fixtures"),
    };
    assert!(
        dir.join("cb-samples").is_dir(),
        "fixture directory {} not found (it must hold cb-samples/).\n\
         Point CBOT_FIXTURES at the shared fixtures, e.g.\n\
         CBOT_FIXTURES=/path/to/shared/fixtures cargo test",
        dir.display()
    );
    dir
}

/// The 11 CB bot exports (the API data file beside them is not a bot).
pub fn cb_exports() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("cb-samples"))
        .expect("readable fixture directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().ends_with("-api-data.json")))
        .collect();
    files.sort();
    assert_eq!(files.len(), 11, "expected the 11 CB exports of CB-SPEC §0.3 in {}", fixtures().display());
    files
}

/// The files with extension `ext` in `dir` (relative to the project root),
/// sorted, so data-driven suites run in a stable order.
pub fn data_files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// A path relative to the project root, with `/` separators (stable in output).
pub fn rel(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Compares `actual` with the file at `expected`, or rewrites the file when
/// `CBOT_BLESS=1`. Returns a description of the mismatch.
pub fn compare_or_bless(expected: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("CBOT_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(expected, actual).expect("write expected output");
        return Ok(());
    }
    let want = std::fs::read_to_string(expected)
        .map_err(|e| format!("{}: {e} (run with CBOT_BLESS=1 to create it)", rel(expected)))?;
    if want == actual {
        Ok(())
    } else {
        Err(format!(
            "{} differs (CBOT_BLESS=1 rewrites it after review)\n--- expected\n{want}\n--- actual\n{actual}",
            rel(expected)
        ))
    }
}

/// Runs the `cbot` binary in the project root (no forced colour).
pub fn cbot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cbot"))
        .args(args)
        .current_dir(root())
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run cbot")
}

/// A `cbot serve` process, killed when dropped, with its stderr lines
/// read by a thread (so the server never blocks on a full pipe).
pub struct Served {
    pub child: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Served {
    /// Starts `cbot serve ARGS` in the project root.
    pub fn start(args: &[&str]) -> Served {
        use std::io::{BufRead, BufReader};
        let mut child = Command::new(env!("CARGO_BIN_EXE_cbot"))
            .arg("serve")
            .args(args)
            .current_dir(root())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start cbot serve");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Served { child, lines }
    }

    /// What follows `marker` on the first stderr line holding it (up to
    /// the next space), within 60 s; panics with the lines seen otherwise.
    pub fn wait_for(&self, marker: &str) -> String {
        self.wait_for_seeing(marker).0
    }

    /// [`Served::wait_for`], with every line read on the way (the matching
    /// one last).
    pub fn wait_for_seeing(&self, marker: &str) -> (String, Vec<String>) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some((_, rest)) = line.split_once(marker) {
                        let value = rest.split_whitespace().next().unwrap_or("").to_string();
                        seen.push(line);
                        return (value, seen);
                    }
                    seen.push(line);
                }
                Err(_) => panic!("cbot serve printed no {marker:?} within 60 s: {seen:#?}"),
            }
        }
    }

    /// The `host:port` the server listens on (from its start line).
    pub fn addr(&self) -> String {
        self.wait_for("http://").split('/').next().unwrap_or("").to_string()
    }

    /// Stderr lines printed so far (and up to `wait` more).
    pub fn lines(&self, wait: std::time::Duration) -> Vec<String> {
        let mut out = Vec::new();
        while let Ok(line) = self.lines.recv_timeout(wait) {
            out.push(line);
        }
        out
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
