//! cbot: the scripts compiled to one wasm module with `Engine::compile`,
//! run against `cbot_host::OfflineContext` (what benches/script.rs does).

use crate::cases::{Case, Effects};
use cbot_host::{ContextKey, ContextScope, OfflineContext, Scope, Value};
use cbot_script::{Engine, Limits, Program, Run, ScriptKind, ScriptSource, Session};

pub struct Cbot {
    program: Program,
    /// The inputs of a run, cloned for each.
    pub ctx: OfflineContext,
}

const PANEL: &str = "panel";

impl Cbot {
    pub fn new(engine: &Engine, case: &Case) -> Cbot {
        let mut sources = Vec::new();
        if let Some(g) = &case.globals {
            sources.push(ScriptSource { name: "globals", text: g, kind: ScriptKind::Globals });
        }
        sources.push(ScriptSource { name: PANEL, text: &case.panel, kind: ScriptKind::Panel });
        let program = engine.compile(&sources).unwrap_or_else(|e| panic!("cbot, {}: {e}", case.name));
        let mut ctx = OfflineContext { channel: case.channel.into(), ..OfflineContext::default() };
        ctx.user_message = case.user_message.clone();
        for (k, v) in &case.variables {
            ctx.variables.push((k.clone(), Value::from_json(v), Scope::Session));
        }
        {
            let mut store = ctx.context_store.lock().unwrap();
            for (ns, key, value) in &case.context {
                store.register(ns, None);
                let at = ContextKey { scope: ContextScope::Conversation, owner: &ctx.conversation_id, namespace: ns };
                store.set(&at, key, Value::from_json(value), 0.0);
            }
        }
        Cbot { program, ctx }
    }

    /// Fresh: `Program::run`, a new wasmtime store and instance per run.
    #[inline(never)]
    pub fn run_fresh(&self, ctx: OfflineContext) -> Run<OfflineContext> {
        self.program.run(PANEL, ctx).expect("cbot run")
    }

    /// A session for reused runs (store and instance created now).
    pub fn session(&self) -> Session {
        let mut s = self.program.session();
        s.prepare().expect("cbot session");
        s
    }
}

/// Reused: `Session::run`, the session's store and instance reset per run.
#[inline(never)]
pub fn run_session(session: &mut Session, ctx: OfflineContext) -> Run<OfflineContext> {
    session.run(PANEL, ctx).expect("cbot session run")
}

pub fn effects(case: &Case, run: &Run<OfflineContext>) -> Effects {
    Effects {
        error: run.error.as_ref().map(|e| e.to_string()),
        calls: run.transcript.calls.len(),
        sent: run.context.sent.iter().map(|m| m.text.clone()).collect(),
        last_debug: run.context.debug.last().map(|s| String::from(&**s)),
        var: case
            .expect
            .variable()
            .and_then(|name| run.context.variables.iter().find(|v| v.0 == name))
            .map(|v| v.1.to_json()),
    }
}

pub fn engine() -> Engine {
    Engine::new(Limits::default()).expect("cbot engine")
}
