//! Reports of a run: human text (with failures side by side), JSON, and
//! JUnit XML for CI servers.

use crate::coverage::{BotCoverage, esc};
use crate::{CaseResult, Outcome, RunResult};

/// Options of the text report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextOptions {
    /// Leave out timings (for reproducible output).
    pub no_timing: bool,
}

fn secs(r: &RunResult, o: TextOptions) -> String {
    if o.no_timing { String::new() } else { format!("; finished in {:.2}s", r.duration.as_secs_f64()) }
}

/// The human report: one line per case, then each failure with the step
/// expected and the turn the bot gave side by side, and the turn's trace.
pub fn text(r: &RunResult, o: TextOptions) -> String {
    let mut out = format!("running {} conversation{}\n", r.cases.len(), if r.cases.len() == 1 { "" } else { "s" });
    for c in &r.cases {
        let status = match c.outcome {
            Outcome::Passed => "ok    ",
            Outcome::Failed(_) => "FAILED",
            Outcome::Error { .. } => "ERROR ",
        };
        out.push_str(&format!("{status} {} ({}:{})\n", c.name, c.file, c.line));
    }
    let bad: Vec<&CaseResult> = r.cases.iter().filter(|c| c.outcome != Outcome::Passed).collect();
    if !bad.is_empty() {
        out.push_str("\nfailures:\n");
    }
    for c in bad {
        out.push_str(&format!("\n---- {} ({}:{}) ----\n", c.name, c.file, c.line));
        match &c.outcome {
            Outcome::Failed(f) => {
                out.push_str(&format!("{}: {}\n", f.at, f.message));
                if let Some(u) = &f.user {
                    out.push_str(&format!("  user said: {u:?}\n"));
                }
                out.push_str(&side_by_side(&f.expected, &f.actual));
                if !f.trace.is_empty() {
                    out.push_str("  trace:\n");
                    for t in &f.trace {
                        out.push_str(&format!("    ~ {t}\n"));
                    }
                }
            }
            Outcome::Error { message } => out.push_str(&format!("  {message}\n")),
            Outcome::Passed => {}
        }
    }
    let verdict = if r.failed() + r.errors() == 0 { "ok" } else { "FAILED" };
    out.push_str(&format!(
        "\ntest result: {verdict}. {} passed; {} failed; {} errors{}\n",
        r.passed(),
        r.failed(),
        r.errors(),
        secs(r, o)
    ));
    out
}

/// Two columns: what the test expects | what the bot did.
fn side_by_side(expected: &[String], actual: &[String]) -> String {
    const MAX: usize = 48;
    let width = expected.iter().map(|e| e.chars().count()).max().unwrap_or(0).clamp(8, MAX);
    let cut = |s: &str| -> String {
        if s.chars().count() <= width {
            s.to_string()
        } else {
            let mut t: String = s.chars().take(width - 1).collect();
            t.push('…');
            t
        }
    };
    let mut out = format!("  {:<width$} | {}\n", "expected", "actual (this turn)");
    out.push_str(&format!("  {:-<width$}-+-{:-<20}\n", "", ""));
    let rows = expected.len().max(actual.len()).max(1);
    for k in 0..rows {
        let e = expected.get(k).map(|s| cut(s)).unwrap_or_default();
        let a = match (actual.get(k), actual.is_empty() && k == 0) {
            (Some(a), _) => a.as_str(),
            (None, true) => "(the bot did nothing)",
            (None, false) => "",
        };
        out.push_str(format!("  {e:<width$} | {a}").trim_end());
        out.push('\n');
    }
    out
}

/// The JSON report: summary, cases (failures with their details) and,
/// when computed, coverage.
pub fn json(r: &RunResult, coverage: Option<&[BotCoverage]>, o: TextOptions) -> serde_json::Value {
    let mut cases = serde_json::to_value(&r.cases).unwrap_or_default();
    if o.no_timing
        && let Some(cs) = cases.as_array_mut()
    {
        for c in cs {
            if let Some(obj) = c.as_object_mut() {
                obj.remove("duration");
            }
        }
    }
    let mut doc = serde_json::json!({
        "summary": {
            "total": r.cases.len(),
            "passed": r.passed(),
            "failed": r.failed(),
            "errors": r.errors(),
        },
        "cases": cases,
    });
    if !o.no_timing
        && let Some(summary) = doc.get_mut("summary").and_then(serde_json::Value::as_object_mut)
    {
        summary.insert("duration_ms".into(), serde_json::json!((r.duration.as_secs_f64() * 1e6).round() / 1e3));
    }
    if let Some(c) = coverage
        && let Some(doc) = doc.as_object_mut()
    {
        doc.insert("coverage".into(), serde_json::to_value(c).unwrap_or_default());
    }
    doc
}

/// JUnit XML: one `<testsuite>` per test file, one `<testcase>` per case.
pub fn junit(r: &RunResult, o: TextOptions) -> String {
    let mut files: Vec<&str> = Vec::new();
    for c in &r.cases {
        if !files.contains(&c.file.as_str()) {
            files.push(&c.file);
        }
    }
    let time =
        |d: std::time::Duration| if o.no_timing { String::new() } else { format!(" time=\"{:.3}\"", d.as_secs_f64()) };
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"cbot test\" tests=\"{}\" failures=\"{}\" errors=\"{}\"{}>\n",
        r.cases.len(),
        r.failed(),
        r.errors(),
        time(r.duration)
    ));
    for f in files {
        let cs: Vec<&CaseResult> = r.cases.iter().filter(|c| c.file == f).collect();
        let failures = cs.iter().filter(|c| matches!(c.outcome, Outcome::Failed(_))).count();
        let errors = cs.iter().filter(|c| matches!(c.outcome, Outcome::Error { .. })).count();
        let total: std::time::Duration = cs.iter().map(|c| c.duration).sum();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\"{}>\n",
            esc(f),
            cs.len(),
            time(total)
        ));
        for c in cs {
            out.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\"{}",
                esc(f),
                esc(&c.name),
                time(c.duration)
            ));
            match &c.outcome {
                Outcome::Passed => out.push_str("/>\n"),
                Outcome::Failed(fl) => {
                    let mut body = format!("{}: {}\n", fl.at, fl.message);
                    if let Some(u) = &fl.user {
                        body.push_str(&format!("user said: {u:?}\n"));
                    }
                    body.push_str(&side_by_side(&fl.expected, &fl.actual));
                    for t in &fl.trace {
                        body.push_str(&format!("~ {t}\n"));
                    }
                    out.push_str(&format!(
                        ">\n      <failure message=\"{}\" type=\"assertion\">{}</failure>\n    </testcase>\n",
                        esc(&fl.message),
                        esc(&body)
                    ));
                }
                Outcome::Error { message } => out.push_str(&format!(
                    ">\n      <error message=\"{}\" type=\"error\"/>\n    </testcase>\n",
                    esc(message)
                )),
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
