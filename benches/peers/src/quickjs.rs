//! QuickJS (rquickjs 0.14.0 = QuickJS-ng 0.16.2), as the former QuickJS
//! baseline harness (moved here) ran it.
//!
//! `botContext` is a plain object with one native Rust function per method
//! of `cbot_host::METHODS` (66); calls go to [`crate::host::apply`] with the
//! arguments deep-copied to host values and converted with QuickJS's own
//! ToString/ToBoolean. Results are built as fresh JS values property by
//! property with the rquickjs API (like cbot's `import`).
//!
//! - fresh: `Runtime::new` + `Context::full` per run, botContext installed,
//!   the globals evaluated as a global script, the panel evaluated as a
//!   function body `(function () { PANEL })();` (parse + compile + run),
//!   everything dropped;
//! - reused: one context with botContext installed once; the globals and
//!   the panel compiled once into one function `(function () { GLOBALS;
//!   PANEL })`, which each run calls (the nearest QuickJS analogue of cbot's
//!   ahead-of-time compiled `Session` run, which also re-runs the globals'
//!   top-level code before each panel).
//!
//! Sloppy mode throughout (rquickjs's `eval` defaults to strict; CB scripts
//! are ES5 sloppy mode).

use crate::cases::Prepared;
use crate::host::{self, HostState, METHODS};
use rquickjs::function::Rest;
use rquickjs::{Array, Coerced, Context, Ctx, Function, Object, Persistent, Runtime, Type, Value};
use serde_json::{Map, Value as Json};
use std::cell::RefCell;
use std::rc::Rc;

/// The state of the run in progress (taken out when it ends).
type Cell = Rc<RefCell<Option<HostState>>>;

/// A deep copy of a JS value as a host value (cbot's `Host::to_host`:
/// functions and `undefined` members left out, depth cut at 64).
fn to_host(v: &Value<'_>, depth: usize) -> Json {
    match v.type_of() {
        Type::Undefined | Type::Null | Type::Uninitialized => Json::Null,
        Type::Bool => Json::Bool(v.as_bool().unwrap_or(false)),
        Type::Int => Json::from(v.as_int().unwrap_or(0)),
        Type::Float => serde_json::Number::from_f64(v.as_float().unwrap_or(f64::NAN)).map_or(Json::Null, Json::Number),
        Type::String => Json::String(v.as_string().and_then(|s| s.to_string().ok()).unwrap_or_default()),
        _ if depth > 64 => Json::Null,
        Type::Array => {
            let arr = v.as_array().expect("an array");
            Json::Array(arr.iter::<Value>().map(|x| x.map_or(Json::Null, |x| to_host(&x, depth + 1))).collect())
        }
        Type::Function | Type::Constructor => Json::Null,
        _ => match v.as_object() {
            Some(o) => {
                let mut m = Map::new();
                for (k, x) in o.props::<String, Value>().flatten() {
                    if x.is_undefined() || x.is_function() {
                        continue;
                    }
                    m.insert(k, to_host(&x, depth + 1));
                }
                Json::Object(m)
            }
            None => Json::Null,
        },
    }
}

/// A host value as a fresh JS value (cbot's `Host::import`).
fn from_host<'js>(ctx: &Ctx<'js>, v: &Json) -> rquickjs::Result<Value<'js>> {
    Ok(match v {
        Json::Null => Value::new_null(ctx.clone()),
        Json::Bool(b) => Value::new_bool(ctx.clone(), *b),
        Json::Number(n) => Value::new_number(ctx.clone(), n.as_f64().unwrap_or(f64::NAN)),
        Json::String(s) => rquickjs::String::from_str(ctx.clone(), s)?.into_value(),
        Json::Array(items) => {
            let a = Array::new(ctx.clone())?;
            for (i, x) in items.iter().enumerate() {
                a.set(i, from_host(ctx, x)?)?;
            }
            a.into_value()
        }
        Json::Object(props) => {
            let o = Object::new(ctx.clone())?;
            for (k, x) in props {
                o.set(k.as_str(), from_host(ctx, x)?)?;
            }
            o.into_value()
        }
    })
}

/// One `botContext.name(args…)` call.
fn dispatch<'js>(
    ctx: &Ctx<'js>,
    cell: &Cell,
    name: &'static str,
    args: Vec<Value<'js>>,
) -> rquickjs::Result<Value<'js>> {
    let host_args: Vec<Json> = args.iter().map(|v| to_host(v, 0)).collect();
    // JS ToString ("undefined" when missing) and ToBoolean, done by QuickJS.
    let text = |i: usize| match args.get(i) {
        None => Ok::<_, rquickjs::Error>("undefined".to_string()),
        Some(v) => Ok(<Coerced<String> as rquickjs::FromJs>::from_js(ctx, v.clone())?.0),
    };
    let truthy = |i: usize| match args.get(i) {
        None => Ok::<_, rquickjs::Error>(false),
        Some(v) => Ok(<Coerced<bool> as rquickjs::FromJs>::from_js(ctx, v.clone())?.0),
    };
    let result = {
        let mut guard = cell.borrow_mut();
        let st = guard.as_mut().expect("a HostState for this run");
        host::apply(st, name, host_args, text, truthy)?
    };
    match result {
        None => Ok(Value::new_undefined(ctx.clone())),
        Some(v) => from_host(ctx, &v),
    }
}

/// Installs the global `botContext` object with one native function per
/// method.
fn install_bot_context<'js>(ctx: &Ctx<'js>, cell: &Cell) -> rquickjs::Result<()> {
    let bc = Object::new(ctx.clone())?;
    for &name in METHODS.iter() {
        let cell = cell.clone();
        let f = Function::new(ctx.clone(), move |ctx: Ctx<'js>, args: Rest<Value<'js>>| {
            dispatch(&ctx, &cell, name, args.0)
        })?;
        bc.set(name, f)?;
    }
    ctx.globals().set("botContext", bc)
}

/// Non-strict global code, as CB scripts are sloppy-mode ES5.
fn sloppy() -> rquickjs::context::EvalOptions {
    let mut o = rquickjs::context::EvalOptions::default();
    o.global = true;
    o.strict = false;
    o
}

fn exception_text(ctx: &Ctx<'_>, e: rquickjs::Error) -> String {
    match e {
        rquickjs::Error::Exception => {
            let ex = ctx.catch();
            let msg =
                ex.as_object().and_then(|o| o.get::<_, String>("message").ok()).unwrap_or_else(|| format!("{ex:?}"));
            let stack = ex.as_object().and_then(|o| o.get::<_, String>("stack").ok()).unwrap_or_default();
            format!("{msg}\n{stack}")
        }
        other => other.to_string(),
    }
}

/// A case as QuickJS evaluates it: the globals as they are, the panel as a
/// One isolated run: a fresh runtime and context.
#[inline(never)]
pub fn run_fresh(p: &Prepared, state: HostState) -> (HostState, Option<String>) {
    let cell: Cell = Rc::new(RefCell::new(Some(state)));
    let mut error = None;
    {
        let rt = Runtime::new().expect("runtime");
        let context = Context::full(&rt).expect("context");
        context.with(|ctx| {
            install_bot_context(&ctx, &cell).expect("botContext");
            let mut eval =
                |code: &str| ctx.eval_with_options::<(), _>(code, sloppy()).map_err(|e| exception_text(&ctx, e));
            error = p.globals.as_deref().map_or(Ok(()), &mut eval).and_then(|()| eval(&p.panel)).err();
        });
    }
    let state = cell.borrow_mut().take().expect("state");
    (state, error)
}

/// A long-lived context with botContext installed once and the case
/// compiled once.
pub struct Reused {
    // Fields drop in order: the function, the context, then the runtime.
    f: Persistent<Function<'static>>,
    context: Context,
    cell: Cell,
    _rt: Runtime,
}

impl Reused {
    pub fn new(p: &Prepared) -> Reused {
        let rt = Runtime::new().expect("runtime");
        let context = Context::full(&rt).expect("context");
        let cell: Cell = Rc::new(RefCell::new(None));
        let f = context.with(|ctx| {
            install_bot_context(&ctx, &cell).expect("botContext");
            let f: Function = ctx
                .eval_with_options(p.combined.as_str(), sloppy())
                .unwrap_or_else(|e| panic!("QuickJS compile: {}", exception_text(&ctx, e)));
            Persistent::save(&ctx, f)
        });
        Reused { f, context, cell, _rt: rt }
    }

    /// Calls the precompiled globals + panel function.
    #[inline(never)]
    pub fn run(&self, state: HostState) -> (HostState, Option<String>) {
        *self.cell.borrow_mut() = Some(state);
        let error = self.context.with(|ctx| {
            let f = self.f.clone().restore(&ctx).expect("restore");
            f.call::<_, ()>(()).map_err(|e| exception_text(&ctx, e)).err()
        });
        (self.cell.borrow_mut().take().expect("state"), error)
    }
}
