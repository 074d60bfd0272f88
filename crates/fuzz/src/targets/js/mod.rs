//! `js`: the JavaScript → WebAssembly compiler (cbot-script) against node.
//!
//! Each input is a code panel from the grammar-based generator (`program.rs`):
//! cbot compiles and runs it against the offline `botContext`; node runs
//! the same program through tests/js/run.js (`--serve`: one persistent
//! process per worker, programs over stdin and results over stdout, as
//! `run.js FILE` runs the differential suite). They must agree as
//! tests/all/script.rs `differential_against_node` defines it: the same
//! `botContext` transcript, return value and thrown error's name. Or cbot
//! must refuse the program with a clean S010/S020 diagnostic inside the
//! program. A run that hits one of cbot's limits agrees only with a node
//! that also ran out (a RangeError, or no answer within 4 s).

mod program;

use crate::rng::Rng;
use crate::{Env, Finding, Target, Worker};
use cbot_host::OfflineContext;
use cbot_script::{Compiler, Engine, Limit, Limits, RunError, ScriptKind, ScriptSource};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// The reference runner, built in so that the target works outside the
/// project too (the project's own copy is preferred when present).
const RUN_JS: &str = include_str!("../../../../../tests/js/run.js");

/// How long node may take for one generated program.
const NODE_TIMEOUT: Duration = Duration::from_secs(4);

pub(crate) struct JsTarget {
    runner: Option<PathBuf>,
}

impl JsTarget {
    pub(crate) fn new(env: &Env) -> JsTarget {
        let on_disk = env.root.join("tests/js/run.js");
        JsTarget { runner: on_disk.is_file().then_some(on_disk) }
    }
}

impl Target for JsTarget {
    fn name(&self) -> &'static str {
        "js"
    }
    fn extension(&self) -> &'static str {
        "js"
    }
    fn minimize_chars(&self) -> bool {
        false
    }
    fn worker(&self) -> Result<Box<dyn Worker>, String> {
        let runner = match &self.runner {
            Some(p) => p.clone(),
            None => {
                let p = std::env::temp_dir().join(format!("cbot-fuzz-run-{}.js", std::process::id()));
                std::fs::write(&p, RUN_JS).map_err(|e| format!("cannot write {}: {e}", p.display()))?;
                p
            }
        };
        // The baseline compiler: each program is compiled once and run
        // once, and compiling is most of the time (docs/fuzzing.md). The
        // WebAssembly checked is the same; the optimising compiler runs
        // the differential suite (tests/all/script.rs).
        let engine =
            Engine::with_compiler(Limits::default(), Compiler::Baseline).map_err(|e| format!("script engine: {e}"))?;
        let node = Node::start(&runner)?;
        Ok(Box::new(JsWorker { engine, node, runner }))
    }
}

/// A node process running `run.js --serve`, with a thread reading its
/// answers (so a program that never ends in node cannot block us).
struct Node {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
}

impl Node {
    fn start(runner: &std::path::Path) -> Result<Node, String> {
        let mut child = Command::new("node")
            .arg(runner)
            .arg("--serve")
            .env("TZ", "UTC")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start node (the js target needs it): {e}"))?;
        let stdin = child.stdin.take().ok_or("node's stdin")?;
        let stdout = child.stdout.take().ok_or("node's stdout")?;
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Node { child, stdin, lines })
    }

    /// node's answer for `program`, `None` when it took too long (or node
    /// died): the process is then replaced.
    fn run(&mut self, program: &str, runner: &std::path::Path) -> Result<Option<Value>, String> {
        let line = serde_json::to_string(program).map_err(|e| e.to_string())?;
        let sent = writeln!(self.stdin, "{line}").and_then(|()| self.stdin.flush());
        let answer = match sent {
            Ok(()) => self.lines.recv_timeout(NODE_TIMEOUT),
            Err(_) => Err(RecvTimeoutError::Disconnected),
        };
        match answer {
            Ok(text) => serde_json::from_str(&text).map(Some).map_err(|e| format!("node's answer {text:?}: {e}")),
            Err(_) => {
                *self = Node::start(runner)?;
                Ok(None)
            }
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct JsWorker {
    engine: Engine,
    node: Node,
    runner: PathBuf,
}

impl Worker for JsWorker {
    fn generate(&mut self, rng: &mut Rng) -> Vec<u8> {
        program::program(rng).into_bytes()
    }

    fn execute(&mut self, input: &[u8]) -> Result<(), Finding> {
        let Ok(program) = std::str::from_utf8(input) else { return Ok(()) };
        let node = self.node.run(program, &self.runner).map_err(|e| Finding::new("node failed", e))?;
        let cbot = cbot_result(&self.engine, program)?;
        compare(node, cbot)
    }
}

/// What cbot made of a program.
enum Cbot {
    /// It ran: the same JSON shape as run.js prints.
    Ran(Value),
    /// It hit a limit.
    Limit(Limit),
    /// It refused the program: the diagnostic's code and message.
    Refused(&'static str, String),
}

fn cbot_result(engine: &Engine, program: &str) -> Result<Cbot, Finding> {
    let run = match warmed_run(engine, program) {
        Some(run) => run?,
        None => match alone(engine, program)? {
            Ok(run) => run,
            Err(refused) => return Ok(refused),
        },
    };
    let error = match &run.error {
        None => Value::Null,
        Some(RunError::Js { error, .. }) => json!({"name": error.name}),
        Some(RunError::Limit(l)) => return Ok(Cbot::Limit(*l)),
        Some(RunError::Internal(m)) => return Err(Finding::new("internal error in a run", m.clone())),
    };
    let value = if run.error.is_some() { Value::Null } else { run.value.to_json() };
    Ok(Cbot::Ran(json!({"calls": run.transcript.to_json(), "return": value, "error": error})))
}

/// The program compiled and run on its own (when it does not compile with
/// its warm-up variant, `warmed_run`): its run, or how cbot refused it.
fn alone(engine: &Engine, program: &str) -> Result<Result<cbot_script::Run<OfflineContext>, Cbot>, Finding> {
    let src = [ScriptSource { name: "panel", text: program, kind: ScriptKind::Panel }];
    let compiled = match engine.compile(&src) {
        Ok(p) => p,
        Err(cbot_script::Error::Compile(diags)) => {
            let Some(d) = diags.first() else {
                return Err(Finding::new("compile error without a diagnostic", String::new()));
            };
            let (start, end) = (d.span.0 as usize, d.span.1 as usize);
            if start > end || end > program.len() || !program.is_char_boundary(start) || !program.is_char_boundary(end)
            {
                return Err(Finding::new(
                    format!("{} span outside the program", d.code),
                    format!("{start}..{end}: {}", d.message),
                ));
            }
            return Ok(Err(Cbot::Refused(d.code, d.message.clone())));
        }
        Err(e) => return Err(Finding::new("the engine failed to compile", e.to_string())),
    };
    compiled
        .run("panel", OfflineContext::default())
        .map(Ok)
        .map_err(|e| Finding::new("the engine failed to run", e.to_string()))
}

/// The program's run in a session whose first run was of `warm_variant` of
/// it, compiled into the same program: that run leaves the host with the
/// buffers of literals and imports of the same shapes holding other values,
/// string builders and quoted names (runtime.rs), which the program's run
/// must not see, so what it does must still be what node does. `None` when
/// the two do not compile together (the program is then compiled alone,
/// for its diagnostic).
fn warmed_run(engine: &Engine, program: &str) -> Option<Result<cbot_script::Run<OfflineContext>, Finding>> {
    let warm = warm_variant(program);
    let src = [
        ScriptSource { name: "warm", text: &warm, kind: ScriptKind::Panel },
        ScriptSource { name: "panel", text: program, kind: ScriptKind::Panel },
    ];
    let compiled = engine.compile(&src).ok()?;
    let mut session = compiled.session();
    // Whatever the variant does (it may throw or hit a limit) is its own.
    let _ = session.run("warm", OfflineContext::default());
    Some(
        session
            .run("panel", OfflineContext::default())
            .map_err(|e| Finding::new("the engine failed to run after another run", e.to_string())),
    )
}

/// `program` with every decimal integer literal one more (`[1, 2]` →
/// `[2, 3]`, also inside strings): the same code, making other values.
fn warm_variant(program: &str) -> String {
    let b = program.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c == b'.' || !c.is_ascii();
    let mut out = String::with_capacity(program.len() + 16);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let starts = c.is_ascii_digit() && (i == 0 || b.get(i - 1).is_none_or(|&p| !word(p)));
        if !starts {
            // Copy up to the next byte that could start a number.
            let next = b.iter().skip(i + 1).position(u8::is_ascii_digit).map_or(b.len(), |k| i + 1 + k);
            out.push_str(program.get(i..next).unwrap_or_default());
            i = next;
            continue;
        }
        let end = b.iter().skip(i).position(|d| !d.is_ascii_digit()).map_or(b.len(), |k| i + k);
        let digits = program.get(i..end).unwrap_or_default();
        match (b.get(end).is_none_or(|&n| !word(n)), digits.parse::<u64>()) {
            (true, Ok(n)) => out.push_str(&n.saturating_add(1).to_string()),
            _ => out.push_str(digits),
        }
        i = end;
    }
    out
}

/// JSON equality with numbers compared as f64 and error objects by name:
/// tests/all/script.rs `same`.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            if x.contains_key("name") && x.contains_key("message") {
                return x.get("name") == y.get("name");
            }
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

fn compare(node: Option<Value>, cbot: Cbot) -> Result<(), Finding> {
    let error_name = |v: &Value| v["error"]["name"].as_str().unwrap_or("").to_string();
    match (node, cbot) {
        (Some(n), _) if n.get("fatal").is_some() => Ok(()), // not a program run.js can run
        // A value that contains itself given to botContext: run.js's JSON
        // snapshot throws, cbot's copy cuts the cycle (docs/known-differences.md).
        (Some(n), _) if n["error"]["message"].as_str().is_some_and(|m| m.contains("circular structure")) => Ok(()),
        (Some(n), Cbot::Refused(code, message)) => {
            let node_rejects = n.get("compile").is_some();
            match code {
                "S001" if node_rejects => Ok(()),
                "S001" => {
                    Err(Finding::new("cbot reports a syntax error node does not", format!("{message}\nnode: {n}")))
                }
                // Outside CB's dialect or not supported yet: a clean refusal.
                _ if code.starts_with("S0") => Ok(()),
                _ => Err(Finding::new(format!("unexpected diagnostic code {code}"), message)),
            }
        }
        (Some(n), Cbot::Ran(c)) => {
            if n.get("compile").is_some() {
                return Err(Finding::new("cbot runs a program node cannot compile", format!("node: {n}\ncbot: {c}")));
            }
            let want = json!({"calls": n["calls"], "return": n["return"], "error": n["error"]});
            if same(&want, &c) {
                return Ok(());
            }
            // Which part differs is the kind, so minimising keeps this
            // disagreement rather than finding another.
            let part = if !same(&want["error"], &c["error"]) {
                format!("error (node {}, cbot {})", error_name(&n), error_name(&c))
            } else if !same(&want["calls"], &c["calls"]) {
                "botContext calls".to_string()
            } else {
                "return value".to_string()
            };
            Err(Finding::new(format!("cbot disagrees with node on the {part}"), format!("node: {want}\ncbot: {c}")))
        }
        (Some(n), Cbot::Limit(l)) => {
            // What a program hands to botContext is copied and converted
            // within cbot's heap quota and paid for in fuel; node has no
            // such bounds. A program whose calls and result alone
            // serialise to over a MiB (a shared subtree repeated 2^18
            // times) is past the sandbox, not a disagreement (found at run
            // 59,420 of seed 15 for the heap, 109,953 of seed 17 for fuel).
            let huge = || matches!(l, Limit::Heap | Limit::Fuel) && n.to_string().len() > 1 << 20;
            if error_name(&n) == "RangeError" || huge() {
                Ok(())
            } else {
                Err(Finding::new(format!("cbot hit its {} where node finished", l.name()), format!("node: {n}")))
            }
        }
        // node did not answer in time: only a cbot that also ran out agrees.
        (None, Cbot::Limit(_) | Cbot::Refused(..)) => Ok(()),
        (None, Cbot::Ran(c)) => Err(Finding::new("node ran out of time where cbot finished", format!("cbot: {c}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_are_deterministic_and_varied() {
        let a = program::program(&mut Rng::new(5));
        assert_eq!(a, program::program(&mut Rng::new(5)));
        assert_ne!(a, program::program(&mut Rng::new(6)));
        assert!(a.contains("return "), "{a}");
    }

    /// The warm-up variant changes decimal integers only, wherever they
    /// stand alone (in code and in strings), and nothing else.
    #[test]
    fn the_warm_variant_changes_integers() {
        let code = "var a1 = [1, 22]; 'x9 3 é7'; 1.5; 0x1F; 1e5; o.k2 = 9; 18446744073709551615";
        let want = "var a1 = [2, 23]; 'x9 4 é7'; 1.5; 0x1F; 1e5; o.k2 = 10; 18446744073709551615";
        assert_eq!(warm_variant(code), want);
        assert_eq!(warm_variant("7"), "8");
        assert_eq!(warm_variant(""), "");
    }

    /// The generator writes destructuring declarations too (array, object
    /// and rest patterns), so the differential run covers them.
    #[test]
    fn programs_destructure() {
        let all: String = (0..200).map(|seed| program::program(&mut Rng::new(seed))).collect();
        for shape in ["] = [", "} = {k: ", ", ...v"] {
            assert!(all.contains(shape), "no {shape:?} in 200 programs");
        }
    }
}
