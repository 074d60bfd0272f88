//! Boa (boa_engine 0.22.0, default features: float16, xsum, temporal; no
//! annex-b, no intl), set up like QuickJS.
//!
//! `botContext` is native, as for QuickJS: a plain object with one
//! `NativeFunction` per method of `cbot_host::METHODS` (66), each a `Copy`
//! closure holding its method name; calls go to [`crate::host::apply`] with
//! the arguments deep-copied to host values and converted with Boa's own
//! ToString/ToBoolean. Results are built with `JsValue::from_json`. The run's
//! state is in a thread-local cell (a `Copy` closure cannot hold an `Rc`).
//!
//! - fresh: `Context::default()` per run, botContext installed, the globals
//!   evaluated as a global script, the panel as a function body
//!   `(function () { PANEL })();` (parse + compile + run), dropped;
//! - reused: one context with botContext installed once; the globals and
//!   the panel compiled once into one function `(function () { GLOBALS;
//!   PANEL })`, which each run calls.
//!
//! Scripts are sloppy mode (Boa's default for scripts).

use crate::cases::Prepared;
use crate::host::{self, HostState, METHODS};
use boa_engine::object::ObjectInitializer;
use boa_engine::property::{Attribute, PropertyKey};
use boa_engine::value::JsVariant;
use boa_engine::{Context, JsError, JsObject, JsResult, JsString, JsValue, NativeFunction, Source, js_string};
use serde_json::{Map, Value as Json};
use std::cell::RefCell;

thread_local! {
    /// The state of the run in progress (taken out when it ends).
    static STATE: RefCell<Option<HostState>> = const { RefCell::new(None) };
}

/// A deep copy of a JS value as a host value (cbot's `Host::to_host`:
/// functions and `undefined` members left out, depth cut at 64).
fn to_host(v: &JsValue, depth: usize, ctx: &mut Context) -> JsResult<Json> {
    Ok(match v.variant() {
        JsVariant::Undefined | JsVariant::Null => Json::Null,
        JsVariant::Boolean(b) => Json::Bool(b),
        JsVariant::Integer32(i) => Json::from(i),
        JsVariant::Float64(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        JsVariant::String(s) => Json::String(s.to_std_string_escaped()),
        JsVariant::BigInt(_) | JsVariant::Symbol(_) => Json::Null,
        JsVariant::Object(_) if depth > 64 => Json::Null,
        JsVariant::Object(o) if o.is_callable() => Json::Null,
        JsVariant::Object(o) if o.is_array() => {
            let len = o.get(js_string!("length"), ctx)?.to_length(ctx)?;
            let mut items = Vec::with_capacity(len as usize);
            for i in 0..len {
                items.push(to_host(&o.get(i, ctx)?, depth + 1, ctx)?);
            }
            Json::Array(items)
        }
        JsVariant::Object(o) => {
            let mut m = Map::new();
            for key in o.own_property_keys(ctx)? {
                let name = match &key {
                    PropertyKey::String(s) => s.to_std_string_escaped(),
                    PropertyKey::Index(i) => i.get().to_string(),
                    PropertyKey::Symbol(_) => continue,
                };
                let enumerable = o.borrow().properties().get(&key).is_none_or(|d| d.enumerable() != Some(false));
                if !enumerable {
                    continue;
                }
                let x = o.get(key, ctx)?;
                if x.is_undefined() || x.is_callable() {
                    continue;
                }
                m.insert(name, to_host(&x, depth + 1, ctx)?);
            }
            Json::Object(m)
        }
    })
}

/// One `botContext.name(args…)` call.
fn dispatch(name: &'static str, args: &[JsValue], ctx: &mut Context) -> JsResult<JsValue> {
    let host_args = args.iter().map(|v| to_host(v, 0, ctx)).collect::<JsResult<Vec<Json>>>()?;
    let result = STATE.with(|cell| {
        let mut guard = cell.borrow_mut();
        let st = guard.as_mut().expect("a HostState for this run");
        // JS ToString ("undefined" when missing) and ToBoolean, done by Boa.
        let ctx = RefCell::new(&mut *ctx);
        let text = |i: usize| match args.get(i) {
            None => Ok("undefined".to_string()),
            Some(v) => v.to_string(&mut ctx.borrow_mut()).map(|s| s.to_std_string_escaped()),
        };
        let truthy = |i: usize| Ok::<_, JsError>(args.get(i).is_some_and(JsValue::to_boolean));
        host::apply(st, name, host_args, text, truthy)
    })?;
    match result {
        None => Ok(JsValue::undefined()),
        Some(v) => JsValue::from_json(&v, ctx),
    }
}

/// Installs the global `botContext` object with one native function per
/// method.
fn install_bot_context(ctx: &mut Context) -> JsResult<()> {
    let mut init = ObjectInitializer::new(ctx);
    for &name in METHODS.iter() {
        let f = NativeFunction::from_copy_closure(move |_this, args, ctx| dispatch(name, args, ctx));
        init.function(f, JsString::from(name), 0);
    }
    let bc = init.build();
    ctx.register_global_property(js_string!("botContext"), bc, Attribute::all())
}

fn eval(ctx: &mut Context, code: &str) -> Result<JsValue, String> {
    ctx.eval(Source::from_bytes(code)).map_err(|e| e.to_string())
}

/// One isolated run: a fresh context.
#[inline(never)]
pub fn run_fresh(p: &Prepared, state: HostState) -> (HostState, Option<String>) {
    STATE.with(|c| *c.borrow_mut() = Some(state));
    let error = {
        let mut ctx = Context::default();
        install_bot_context(&mut ctx).expect("botContext");
        p.globals
            .as_deref()
            .map_or(Ok(JsValue::undefined()), |g| eval(&mut ctx, g))
            .and_then(|_| eval(&mut ctx, &p.panel))
            .err()
    };
    (STATE.with(|c| c.borrow_mut().take()).expect("state"), error)
}

/// A long-lived context with botContext installed once and the case
/// compiled once.
pub struct Reused {
    ctx: Context,
    f: JsObject,
}

impl Reused {
    pub fn new(p: &Prepared) -> Reused {
        let mut ctx = Context::default();
        install_bot_context(&mut ctx).expect("botContext");
        let f = eval(&mut ctx, &p.combined)
            .unwrap_or_else(|e| panic!("Boa compile: {e}"))
            .as_callable()
            .expect("a function");
        Reused { ctx, f }
    }

    /// Calls the precompiled globals + panel function.
    #[inline(never)]
    pub fn run(&mut self, state: HostState) -> (HostState, Option<String>) {
        STATE.with(|c| *c.borrow_mut() = Some(state));
        let error = self.f.call(&JsValue::undefined(), &[], &mut self.ctx).map_err(|e| e.to_string()).err();
        (STATE.with(|c| c.borrow_mut().take()).expect("state"), error)
    }
}
