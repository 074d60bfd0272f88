//! Host operations that call back into JavaScript: methods defined by
//! scripts, `new` on script functions, `call`/`apply`, and the array
//! methods that take a callback.
//!
//! They run with the wasmtime `Caller`, so they can enter the module again
//! through its exported `call` (a `call_indirect` on the function table).
//! Fuel, the stack limit and the heap quota keep applying inside: a trap in
//! a callback unwinds through here as an error.

use crate::runtime::{BUILTINS, Host, Obj, op, proto_ref};
use crate::value::{self, EXCEPTION, FALSE, NULL, TRUE, UNDEFINED};
use wasmtime::Caller;

type Cx<'c, 'w> = &'c mut Caller<'w, Host>;

/// Calls function value `f` with `this` and the arguments array `args`.
pub(crate) fn invoke(c: Cx<'_, '_>, f: i64, this: i64, args: i64) -> wasmtime::Result<i64> {
    let Some(slot) = c.data().callable_slot(f) else {
        let what = c.data().to_js_string(f);
        return Ok(c.data_mut().type_error(format!("{what} is not a function")));
    };
    // Looked up on first use: most runs never call back into JavaScript.
    let dispatch = match c.data().dispatch.clone() {
        Some(d) => d,
        None => {
            let func = c
                .get_export("call")
                .and_then(wasmtime::Extern::into_func)
                .ok_or_else(|| wasmtime::Error::msg("cbot: the module has no `call` export"))?;
            let d = func.typed::<(i64, i64, i64, i32), i64>(&*c)?;
            c.data_mut().dispatch = Some(d.clone());
            d
        }
    };
    // The callback runs on the fuel the host's work so far has left, and
    // the host goes on with what the callback left.
    crate::settle(c)?;
    let r = dispatch.call(&mut *c, (f, this, args, slot as i32))?;
    crate::settle(c)?;
    Ok(r)
}

/// `invoke` with the arguments given as values.
fn invoke_with(c: Cx<'_, '_>, f: i64, this: i64, argv: Vec<i64>) -> wasmtime::Result<i64> {
    let args = c.data_mut().alloc_array(argv);
    invoke(c, f, this, args)
}

pub(crate) fn op2(c: Cx<'_, '_>, code: i32, mut a: i64, mut b: i64) -> wasmtime::Result<i64> {
    if c.data().key_conversions {
        match convert_keys(c, code, a, b, 0)? {
            Some([x, y, _]) => (a, b) = (x, y),
            None => return Ok(EXCEPTION),
        }
    }
    match code {
        op::CONSTRUCT => construct(c, a, b),
        // Operators that convert objects to primitives (ES5 §9.1 ToPrimitive):
        // a script object's own valueOf/toString decide.
        op::ADD
        | op::CAT_START
        | op::CAT_MORE
        | op::CAT_END
        | op::SUB
        | op::MUL
        | op::DIV
        | op::MOD
        | op::LT
        | op::GT
        | op::LE
        | op::GE
        | op::BITAND
        | op::BITOR
        | op::BITXOR
        | op::SHL
        | op::SHR
        | op::USHR
        | op::EQ
        | op::NE => {
            let (ua, ub) = (c.data().user_conversion(a), c.data().user_conversion(b));
            // `==` between two objects compares identity, without conversion.
            let both_objects = c.data().is_object(a) && c.data().is_object(b);
            if (ua || ub) && !(matches!(code, op::EQ | op::NE) && both_objects) {
                if ua {
                    a = to_primitive(c, a, false)?;
                    if a == EXCEPTION {
                        return Ok(EXCEPTION);
                    }
                }
                if ub {
                    b = to_primitive(c, b, false)?;
                    if b == EXCEPTION {
                        return Ok(EXCEPTION);
                    }
                }
            }
            Ok(c.data_mut().op2(code, a, b))
        }
        op::CALL_BUILTIN => {
            // The global functions that convert their argument (`arg_hints`).
            let hints = match BUILTINS.get(a as usize).copied().unwrap_or("") {
                "Number" | "isNaN" | "isFinite" => "N",
                "String" | "parseInt" | "parseFloat" | "encodeURIComponent" | "encodeURI" | "decodeURIComponent"
                | "decodeURI" | "escape" | "unescape" => "S",
                _ => "",
            };
            match convert_args(c, hints, b)? {
                Some(args) => Ok(c.data_mut().op2(code, a, args)),
                None => Ok(EXCEPTION),
            }
        }
        // `new Date(o)`, `new Date(y, o, …)`: ToPrimitive/ToNumber of the
        // arguments (ES5 §15.9.3), which call script valueOf first.
        op::NEW if c.data().key_conversions && crate::runtime::constructor_name(a as usize) == "Date" => {
            match convert_args(c, "NNNNNNN", b)? {
                Some(args) => Ok(c.data_mut().op2(code, a, args)),
                None => Ok(EXCEPTION),
            }
        }
        // A read that finds an accessor property calls its getter on the
        // object read from (ES5 §8.12.3).
        op::GET if c.data().accessors => {
            let v = c.data_mut().op2(code, a, b);
            match c.data().accessor(v) {
                Some((get, _)) if get != UNDEFINED => invoke_with(c, get, a, Vec::new()),
                Some(_) => Ok(UNDEFINED),
                None => Ok(v),
            }
        }
        _ => Ok(c.data_mut().op2(code, a, b)),
    }
}

/// `op::GET_PATH` once accessors exist: each read as GET reads (a getter
/// may run).
pub(crate) fn get_path(c: Cx<'_, '_>, n: usize, a: i64, b: i64, d: i64) -> wasmtime::Result<i64> {
    let mut x = a;
    for i in 0.. {
        let Some(k) = c.data().path_key(n, i, b, d) else { break };
        x = op2(c, op::GET, x, k)?;
        if x == EXCEPTION {
            break;
        }
    }
    Ok(x)
}

/// The operands of operation `op` (`op2`, `op3`; read paths read key by
/// key through `op2` once this is needed) converted where they are property keys
/// and objects that convert through script code (ES5 §11.2.1: a key is
/// ToString of its value, which calls a script `toString`, or `valueOf`
/// first when `toString` is Object.prototype's). Only once the run has
/// written a `toString` or `valueOf` property (`Host::key_conversions`);
/// `None` when a conversion threw.
#[cold]
#[inline(never)]
pub(crate) fn convert_keys(c: Cx<'_, '_>, op: i32, a: i64, b: i64, d: i64) -> wasmtime::Result<Option<[i64; 3]>> {
    let mut ops = [a, b, d];
    // Which operands are keys: `a` for `in`, `b` for the reads, writes,
    // deletes and method calls, `b` and `d` for the reads of two keys and
    // read paths (whose operands are keys).
    let keys: &[usize] = match op {
        op::IN => &[0],
        op::GET
        | op::DELETE
        | op::SET
        | op::PUT
        | op::CALL_METHOD
        | op::CALL_METHOD1
        | op::METHOD_BASE
        | op::DEFINE_GETTER
        | op::DEFINE_SETTER => &[1],
        op::GET2 => &[1, 2],
        _ => &[],
    };
    for &i in keys {
        let Some(&v) = ops.get(i) else { continue };
        if c.data().user_conversion(v) {
            let p = to_primitive(c, v, true)?;
            if p == EXCEPTION {
                return Ok(None);
            }
            if let Some(slot) = ops.get_mut(i) {
                *slot = p;
            }
        }
    }
    Ok(Some(ops))
}

/// How a built-in method converts each argument: `N` ToNumber (hint
/// Number: `valueOf` first), `S` ToString (`toString` first), `-` not at
/// all (ES5 §15.4.4, §15.5.4, §15.7.4, §15.8.2). Arguments past the list
/// are not converted.
fn arg_hints(h: &Host, recv: i64, method: &str) -> &'static str {
    if h.str_of(recv).is_some() {
        return match method {
            "charAt" | "charCodeAt" | "codePointAt" | "at" | "repeat" => "N",
            "substring" | "substr" | "slice" => "NN",
            "indexOf" | "lastIndexOf" | "includes" | "startsWith" | "endsWith" => "SN",
            "padStart" | "padEnd" => "NS",
            "split" => "SN",
            "replace" | "replaceAll" => "SS",
            "match" | "search" | "localeCompare" | "normalize" => "S",
            _ => "",
        };
    }
    if h.is_array(recv) {
        return match method {
            "slice" | "splice" => "NN",
            "indexOf" | "lastIndexOf" | "includes" => "-N",
            "fill" => "-NN",
            "join" => "S",
            "at" => "N",
            _ => "",
        };
    }
    if crate::runtime::number_value(recv).is_some() {
        return match method {
            "toFixed" | "toPrecision" | "toExponential" | "toString" => "N",
            _ => "",
        };
    }
    match h.obj(recv) {
        Some(Obj::Date(_)) if method.starts_with("set") => "NNNN",
        Some(Obj::Builtin(b)) => match crate::runtime::builtin_name(*b) {
            "Math" => "NNNNNNNNNNNNNNNN",
            "String" if method == "fromCharCode" => "NNNNNNNNNNNNNNNN",
            _ => "",
        },
        _ => "",
    }
}

/// Arguments array `args` of a built-in with the objects that convert
/// through script code converted as the built-in converts them (`hints`,
/// as `arg_hints` gives them), before it runs (it cannot call script code
/// itself); `args` itself when nothing needs it; `None` when a conversion
/// threw.
fn convert_args(c: Cx<'_, '_>, hints: &str, args: i64) -> wasmtime::Result<Option<i64>> {
    if hints.is_empty() {
        return Ok(Some(args));
    }
    let mut argv = c.data().args(args);
    if !argv.iter().zip(hints.bytes()).any(|(&x, h)| h != b'-' && c.data().user_conversion(x)) {
        return Ok(Some(args));
    }
    for (x, hint) in argv.iter_mut().zip(hints.bytes()) {
        if hint != b'-' && c.data().user_conversion(*x) {
            let p = to_primitive(c, *x, hint == b'S')?;
            if p == EXCEPTION {
                return Ok(None);
            }
            *x = p;
        }
    }
    Ok(Some(c.data_mut().alloc_array(argv)))
}

/// One-operand operations; the numeric ones convert objects first.
pub(crate) fn op1(c: Cx<'_, '_>, code: i32, a: i64) -> wasmtime::Result<i64> {
    if matches!(code, op::TO_NUMBER | op::NEG | op::BITNOT) && c.data().user_conversion(a) {
        let p = to_primitive(c, a, false)?;
        if p == EXCEPTION {
            return Ok(EXCEPTION);
        }
        return Ok(c.data_mut().op1(code, p));
    }
    Ok(c.data_mut().op1(code, a))
}

/// ToPrimitive of a script object (ES5 §8.12.8 [[DefaultValue]]): valueOf
/// then toString (toString first for the String hint); the first that
/// gives a primitive wins, and neither doing so is a TypeError.
pub(crate) fn to_primitive(c: Cx<'_, '_>, v: i64, string_hint: bool) -> wasmtime::Result<i64> {
    let order = if string_hint { ["toString", "valueOf"] } else { ["valueOf", "toString"] };
    if c.data().is_array(v) {
        return array_to_primitive(c, v, order);
    }
    for name in order {
        let key = c.data_mut().string(name);
        let Some(f) = c.data().js_method(v, key) else { continue };
        let r = if matches!(c.data().obj(f), Some(Obj::Method { .. })) {
            // Object.prototype's own: valueOf gives the object back.
            if name == "valueOf" {
                continue;
            }
            let s = c.data().to_js_string(v);
            c.data_mut().string(s)
        } else {
            let args = c.data_mut().alloc_array(Vec::new());
            invoke(c, f, v, args)?
        };
        if r == EXCEPTION || !c.data().is_object(r) {
            return Ok(r);
        }
    }
    Ok(c.data_mut().type_error("Cannot convert object to primitive value"))
}

/// ToPrimitive of an array (ES5 §8.12.8), its methods tried in `order`:
/// a script's own or `Array.prototype` function if there is one; else the
/// built-in valueOf gives the array back (next method), and the built-in
/// toString calls `join` (§15.4.4.2), the script's or the built-in one.
fn array_to_primitive(c: Cx<'_, '_>, v: i64, order: [&str; 2]) -> wasmtime::Result<i64> {
    for name in order {
        let r = match c.data().array_script_method(v, name) {
            Some(f) => invoke_with(c, f, v, Vec::new())?,
            None if name == "valueOf" => continue,
            None => match c.data().array_script_method(v, "join") {
                Some(join) => invoke_with(c, join, v, Vec::new())?,
                None => {
                    let key = c.data_mut().string("join");
                    let args = c.data_mut().alloc_array(Vec::new());
                    call_builtin(c, v, key, args)?
                }
            },
        };
        if r == EXCEPTION || !c.data().is_object(r) {
            return Ok(r);
        }
    }
    Ok(c.data_mut().type_error("Cannot convert object to primitive value"))
}

/// ToString of each value, calling script `toString`/`valueOf` methods
/// (join, concat, the default sort); `None` after an exception.
fn strings_of(c: Cx<'_, '_>, items: &[i64]) -> wasmtime::Result<Option<Vec<String>>> {
    let mut out = Vec::with_capacity(items.len());
    for &x in items {
        let p = if c.data().user_conversion(x) { to_primitive(c, x, true)? } else { x };
        if p == EXCEPTION {
            return Ok(None);
        }
        let text = c.data().to_js_string(p);
        // The strings are held together: they count against the quota.
        c.data().charge_text(text.len());
        if c.data().tripped.get().is_some() {
            return Ok(None);
        }
        out.push(text);
    }
    Ok(Some(out))
}

pub(crate) fn op3(c: Cx<'_, '_>, code: i32, mut a: i64, mut b: i64, mut d: i64) -> wasmtime::Result<i64> {
    if c.data().key_conversions {
        match convert_keys(c, code, a, b, d)? {
            Some(ops) => [a, b, d] = ops,
            None => return Ok(EXCEPTION),
        }
    }
    match code {
        // A write to an accessor property calls its setter (ES5 §8.12.5);
        // without one the write is ignored (sloppy mode).
        op::SET if c.data().accessors => match c.data().accessor_at(a, b) {
            Some((_, set)) if set != UNDEFINED => {
                let r = invoke_with(c, set, a, vec![d])?;
                Ok(if r == EXCEPTION { EXCEPTION } else { d })
            }
            Some(_) => Ok(d),
            None => Ok(c.data_mut().op3(code, a, b, d)),
        },
        op::CALL_METHOD => call_method(c, a, b, d),
        // A chain step with a script conversion: the step as `op2` takes
        // it, then the literal (which converts nothing).
        op::CAT_MORE_LITERAL | op::CAT_END_LITERAL => match op2(c, op::CAT_MORE, a, b)? {
            EXCEPTION => Ok(EXCEPTION),
            sum => Ok(c.data_mut().concat_literal_after(code, sum, d)),
        },
        // Each read as GET reads (a getter may run).
        op::GET2 if c.data().accessors => match op2(c, op::GET, a, b)? {
            EXCEPTION => Ok(EXCEPTION),
            x => op2(c, op::GET, x, d),
        },
        // `botContext`'s methods take their one argument as it is; any
        // other receiver may hand the arguments to script code, which reads
        // them from an array.
        op::CALL_METHOD1 if value::as_reference(a) == Some(crate::compile::BOT_CONTEXT_SLOT) => {
            Ok(c.data_mut().call_method_on(a, b, &[d]))
        }
        op::CALL_METHOD1 => {
            // An argument that converts through script code goes the long
            // way (`convert_args`).
            let quick = !c.data().user_conversion(d);
            match quick.then(|| c.data_mut().method1(a, b, d)).flatten() {
                Some(n) => Ok(n),
                None => {
                    let args = c.data_mut().alloc_array(vec![d]);
                    call_method(c, a, b, args)
                }
            }
        }
        // A bound function called as a value: its target, with the bound
        // `this` and arguments first.
        op::CALL_NATIVE => match c.data().bound(a) {
            Some((target, this, mut argv)) => {
                argv.extend(c.data().args(d));
                invoke_with(c, target, this, argv)
            }
            None => match c.data().method_value_of(a) {
                // A built-in method called as a value: on its `this`, or on
                // its namespace (`Math.max`).
                Some((ns, name)) => {
                    let recv = if ns == UNDEFINED {
                        b
                    } else if ns == proto_ref("Array") {
                        match generic_this(c.data_mut(), b, &name) {
                            Ok(recv) => recv,
                            Err(thrown) => return Ok(thrown),
                        }
                    } else {
                        ns
                    };
                    let name = c.data_mut().string(name);
                    call_builtin(c, recv, name, d)
                }
                None => Ok(c.data_mut().op3(code, a, b, d)),
            },
        },
        _ => Ok(c.data_mut().op3(code, a, b, d)),
    }
}

/// The `this` an Array.prototype method called as a value works on (ES5
/// §15.4.4: they are generic): an array as it is; a string or another
/// array-like object as a new array of its items (indices below its
/// `length`), so `Array.prototype.map.call("abc", f)` and
/// `Array.prototype.slice.call(arrayLike, 1)` work. The methods that write
/// to `this` would write to that copy: on anything but an array they throw
/// instead of silently losing the writes (docs/known-differences.md).
fn generic_this(h: &mut Host, this: i64, method: &str) -> Result<i64, i64> {
    if h.is_array(this) {
        return Ok(this);
    }
    if this == UNDEFINED || this == NULL {
        return Err(h.type_error(format!("Array.prototype.{method} called on null or undefined")));
    }
    if matches!(method, "push" | "pop" | "shift" | "unshift" | "splice" | "reverse" | "sort" | "fill" | "copyWithin") {
        return Err(h.type_error(format!("cbot: Array.prototype.{method} on something that is not an array")));
    }
    let length = h.string("length");
    let n = h.get(this, length);
    let n = h.to_number(n);
    // ES5 ToUint32, bounded by what the heap can hold.
    let n = if n.is_finite() && n > 0.0 { n.min(f64::from(u32::MAX)) as usize } else { 0 };
    if !h.charge(8 * n) {
        return Err(EXCEPTION);
    }
    let items = (0..n).map(|i| h.get(this, value::number(i as f64))).collect();
    Ok(h.alloc_array(items))
}

/// `new F(…)` (ES5 §13.2.2): a fresh object whose prototype is
/// `F.prototype`; the result is what F returns if that is an object.
fn construct(c: Cx<'_, '_>, f: i64, args: i64) -> wasmtime::Result<i64> {
    let h = c.data_mut();
    // ES5 §15.3.4.5.2: `new` on a bound function constructs its target
    // with the bound arguments first (the bound `this` is ignored).
    if let Some(Obj::Bound { target, args: bound, .. }) = h.obj(f) {
        let (target, mut items) = (*target, bound.clone());
        items.extend(h.args(args));
        let args = h.alloc_array(items);
        return construct(c, target, args);
    }
    if !h.is_function(f) {
        if let Some(Obj::Builtin(b)) = h.obj(f) {
            let name = crate::runtime::builtin_name(*b);
            if let Some(k) = crate::runtime::CONSTRUCTORS.iter().position(|x| *x == name) {
                return Ok(h.op2(op::NEW, k as i64, args));
            }
        }
        let what = h.to_js_string(f);
        return Ok(h.type_error(format!("{what} is not a constructor")));
    }
    let proto = h.prototype_of(f);
    let obj = h.alloc_object(proto);
    let r = invoke(c, f, obj, args)?;
    if r == EXCEPTION {
        return Ok(EXCEPTION);
    }
    Ok(if c.data().is_object(r) { r } else { obj })
}

fn call_method(c: Cx<'_, '_>, recv: i64, name: i64, args: i64) -> wasmtime::Result<i64> {
    // `botContext.m(…)` is the hot path: straight to the host.
    if value::as_reference(recv) == Some(crate::compile::BOT_CONTEXT_SLOT) {
        return Ok(c.data_mut().call_method(recv, name, args));
    }
    let h = c.data_mut();
    // `o.f()` where `f` is an accessor: the getter gives the function.
    if let Some((get, _)) = h.accessor_at(recv, name) {
        let f = if get == UNDEFINED { UNDEFINED } else { invoke_with(c, get, recv, Vec::new())? };
        if f == EXCEPTION {
            return Ok(EXCEPTION);
        }
        let argv = c.data().args(args);
        return match c.data().callable_slot(f) {
            Some(_) => invoke_with(c, f, recv, argv),
            None => {
                let what = c.data().to_js_string(name);
                Ok(c.data_mut().type_error(format!("{what} is not a function")))
            }
        };
    }
    if let Some(f) = h.js_method(recv, name) {
        return invoke(c, f, recv, args);
    }
    if h.prop_not_callable(recv, name) {
        let what = h.to_js_string(name);
        return Ok(h.type_error(format!("{what} is not a function")));
    }
    call_builtin(c, recv, name, args)
}

/// Built-in method `name` of `recv`, whatever script methods of that name
/// exist: what a built-in method read as a value runs (`var push =
/// Array.prototype.push; Array.prototype.push = function (x) { …;
/// push.call(this, x) }` must not call the replacement again).
fn call_builtin(c: Cx<'_, '_>, recv: i64, name: i64, args: i64) -> wasmtime::Result<i64> {
    let h = c.data_mut();
    let method = h.to_js_string(name);
    let args = if h.key_conversions {
        let hints = arg_hints(h, recv, &method);
        match convert_args(c, hints, args)? {
            Some(args) => args,
            None => return Ok(EXCEPTION),
        }
    } else {
        args
    };
    let h = c.data_mut();
    if h.is_function(recv) {
        match method.as_str() {
            "call" => {
                let mut argv = h.args(args);
                let this = if argv.is_empty() { UNDEFINED } else { argv.remove(0) };
                return invoke_with(c, recv, this, argv);
            }
            "bind" => {
                let argv = h.args(args);
                return Ok(c.data_mut().bind(recv, argv));
            }
            "apply" => {
                let argv = h.args(args);
                let this = argv.first().copied().unwrap_or(UNDEFINED);
                let list = argv.get(1).copied().unwrap_or(UNDEFINED);
                // ES5 §15.3.4.3: null or undefined is no arguments; any
                // other object is read as an array-like through `length`.
                let items = if list == UNDEFINED || list == NULL {
                    Vec::new()
                } else if h.is_array(list) {
                    h.args(list)
                } else if !h.is_object(list) {
                    return Ok(h.throw("TypeError", "CreateListFromArrayLike called on non-object"));
                } else {
                    let length = h.string("length");
                    let n = h.get(list, length);
                    let n = h.to_number(n);
                    let n = if n.is_finite() && n > 0.0 { n as u64 } else { 0 };
                    if n > 65_536 {
                        return Ok(h.throw("RangeError", "Too many arguments in function call"));
                    }
                    (0..n).map(|i| h.get(list, value::number(i as f64))).collect()
                };
                return invoke_with(c, recv, this, items);
            }
            _ => {}
        }
    }
    // join, the default sort and concat convert items through script
    // toString methods when there are any.
    if (h.is_array(recv) && matches!(method.as_str(), "join" | "toString" | "sort"))
        || (h.str_of(recv).is_some() && method == "concat")
    {
        let items = if method == "concat" { h.args(args) } else { h.args(recv) };
        let comparator = method == "sort" && h.args(args).first().is_some_and(|&f| f != UNDEFINED);
        if !comparator && items.iter().any(|&x| h.user_conversion(x)) {
            return converted_strings(c, recv, &method, args, &items);
        }
    }
    let h = c.data_mut();
    if h.is_array(recv) {
        let argv = h.args(args);
        let f = argv.first().copied().unwrap_or(UNDEFINED);
        let this = argv.get(1).copied().unwrap_or(UNDEFINED);
        match method.as_str() {
            "forEach" | "map" | "filter" | "some" | "every" | "find" | "findIndex" => {
                return each(c, recv, &method, f, this);
            }
            "reduce" | "reduceRight" => return reduce(c, recv, method == "reduceRight", &argv),
            "sort" if f != UNDEFINED => return sort(c, recv, f),
            _ => {}
        }
    }
    if let Some(Obj::Builtin(b)) = h.obj(recv)
        && crate::runtime::builtin_name(*b) == "JSON"
    {
        let argv = h.args(args);
        let arg = |i: usize| argv.get(i).copied().unwrap_or(UNDEFINED);
        let reviver = h.callable_slot(arg(1)).is_some();
        match method.as_str() {
            "stringify" => return json::stringify(c, arg(0), arg(1), arg(2)),
            "parse" if reviver => {
                let parsed = c.data_mut().call_method(recv, name, args);
                if parsed == EXCEPTION {
                    return Ok(EXCEPTION);
                }
                return json::revive(c, parsed, arg(1));
            }
            _ => {}
        }
    }
    if (method == "replace" || method == "replaceAll")
        && let Some(s) = h.share(recv)
    {
        let argv = h.args(args);
        let replacer = argv.get(1).copied().unwrap_or(UNDEFINED);
        if h.callable_slot(replacer).is_some() {
            let pattern = argv.first().copied().unwrap_or(UNDEFINED);
            return replace_with_function(c, recv, &s, pattern, replacer, method == "replaceAll");
        }
    }
    Ok(c.data_mut().call_method(recv, name, args))
}

/// join / toString / default sort of arrays and String concat when some
/// item has a script `toString` or `valueOf`.
fn converted_strings(c: Cx<'_, '_>, recv: i64, method: &str, args: i64, items: &[i64]) -> wasmtime::Result<i64> {
    let Some(strings) = strings_of(c, items)? else { return Ok(EXCEPTION) };
    let h = c.data_mut();
    match method {
        "concat" => {
            let mut out = h.to_js_string(recv);
            out.extend(strings);
            Ok(h.string(out))
        }
        "sort" => {
            // Stable, by the items' strings, `undefined` last (ES5 §15.4.4.11).
            let order: Vec<i64> =
                (0..items.len() as i64).filter(|&i| items.get(i as usize) != Some(&UNDEFINED)).collect();
            let keys: Vec<Vec<u16>> = strings.iter().map(|s| s.encode_utf16().collect()).collect();
            let bytes: usize = strings.iter().map(String::len).sum();
            let rounds = u64::from(usize::BITS - keys.len().leading_zeros());
            if !h.spend((bytes as u64).saturating_mul(rounds)) {
                return Ok(UNDEFINED);
            }
            let mut sorted: Vec<i64> = merge_sort(order, &mut |a, b| keys.get(a as usize) <= keys.get(b as usize))
                .into_iter()
                .filter_map(|i| items.get(i as usize).copied())
                .collect();
            sorted.extend(items.iter().filter(|&&x| x == UNDEFINED));
            h.replace_items(recv, sorted);
            Ok(recv)
        }
        _ => {
            let sep = match h.args(args).first() {
                Some(&s) if method == "join" && s != UNDEFINED => h.to_js_string(s),
                _ => ",".to_string(),
            };
            let parts: Vec<&str> = items
                .iter()
                .zip(&strings)
                .map(|(&x, s)| if x == UNDEFINED || x == NULL { "" } else { s.as_str() })
                .collect();
            // Measured before it is made: a long separator between many
            // items could ask for far more than the heap quota.
            let size = parts.iter().map(|p| p.len()).sum::<usize>() + sep.len().saturating_mul(parts.len());
            if size > h.heap_room() {
                h.charge(size);
                return Ok(UNDEFINED);
            }
            h.add_work(size as u64);
            let joined = parts.join(&sep);
            Ok(h.string(joined))
        }
    }
}

/// `replace`/`replaceAll` with a replacer function (ES5 §15.5.4.11): the
/// matches are found first, then the function is called for each, in order.
fn replace_with_function(
    c: Cx<'_, '_>,
    whole: i64,
    s: &std::sync::Arc<str>,
    pattern: i64,
    f: i64,
    all: bool,
) -> wasmtime::Result<i64> {
    let Some(matches) = c.data_mut().replace_matches(s, pattern, all) else { return Ok(EXCEPTION) };
    let mut replacements = Vec::with_capacity(matches.len());
    for m in &matches {
        let argv = c.data_mut().replacer_args(s, m, whole);
        let r = invoke_with(c, f, UNDEFINED, argv)?;
        if r == EXCEPTION || c.data().heap_exceeded {
            return Ok(EXCEPTION);
        }
        replacements.push(c.data().to_js_string(r));
    }
    Ok(c.data_mut().splice_replacements(s, &matches, &replacements))
}

/// Whether `f` can be called; if not, the TypeError is recorded.
fn require_callable(c: Cx<'_, '_>, f: i64) -> bool {
    if c.data().callable_slot(f).is_some() {
        return true;
    }
    let what = c.data().to_js_string(f);
    c.data_mut().type_error(format!("{what} is not a function"));
    false
}

/// The callback array methods (ES5 §15.4.4.16–20, ES2015 find): the
/// length is read once; items appended by the callback are not visited.
fn each(c: Cx<'_, '_>, arr: i64, method: &str, f: i64, this: i64) -> wasmtime::Result<i64> {
    if !require_callable(c, f) {
        return Ok(EXCEPTION);
    }
    let len = c.data().len(arr);
    let mut out = Vec::new();
    for i in 0..len {
        let Some(x) = c.data().item(arr, i) else { break };
        let r = invoke_with(c, f, this, vec![x, value::number(i as f64), arr])?;
        if r == EXCEPTION || c.data().heap_exceeded {
            return Ok(EXCEPTION);
        }
        let yes = c.data().truthy(r);
        match method {
            "map" => out.push(r),
            "filter" if yes => out.push(x),
            "some" if yes => return Ok(TRUE),
            "every" if !yes => return Ok(FALSE),
            "find" if yes => return Ok(x),
            "findIndex" if yes => return Ok(value::number(i as f64)),
            _ => {}
        }
    }
    Ok(match method {
        "map" | "filter" => c.data_mut().alloc_array(out),
        "some" => FALSE,
        "every" => TRUE,
        "findIndex" => value::number(-1.0),
        _ => UNDEFINED,
    })
}

fn reduce(c: Cx<'_, '_>, arr: i64, right: bool, argv: &[i64]) -> wasmtime::Result<i64> {
    let f = argv.first().copied().unwrap_or(UNDEFINED);
    if !require_callable(c, f) {
        return Ok(EXCEPTION);
    }
    let len = c.data().len(arr);
    let mut order: Box<dyn Iterator<Item = usize>> = if right { Box::new((0..len).rev()) } else { Box::new(0..len) };
    let mut acc = match argv.get(1) {
        Some(&init) => init,
        None => match order.next().and_then(|i| c.data().item(arr, i)) {
            Some(x) => x,
            None => return Ok(c.data_mut().type_error("Reduce of empty array with no initial value")),
        },
    };
    for i in order {
        let Some(x) = c.data().item(arr, i) else { continue };
        acc = invoke_with(c, f, UNDEFINED, vec![acc, x, value::number(i as f64), arr])?;
        if acc == EXCEPTION || c.data().heap_exceeded {
            return Ok(EXCEPTION);
        }
    }
    Ok(acc)
}

/// `sort(comparefn)`: a stable merge sort (never trusts the comparator to
/// be consistent); `undefined` items go last without being compared
/// (ES5 §15.4.4.11).
fn sort(c: Cx<'_, '_>, arr: i64, f: i64) -> wasmtime::Result<i64> {
    if !require_callable(c, f) {
        return Ok(EXCEPTION);
    }
    let items = c.data().args(arr);
    let (defined, undefined): (Vec<i64>, Vec<i64>) = items.into_iter().partition(|&x| x != UNDEFINED);
    let mut failed = None;
    let mut sorted = merge_sort(defined, &mut |a, b| {
        if failed.is_some() {
            return true;
        }
        match invoke_with(c, f, UNDEFINED, vec![a, b]) {
            Ok(EXCEPTION) => {
                failed = Some(Ok(EXCEPTION));
                true
            }
            // NaN counts as 0: keep the order.
            Ok(r) => c.data().to_number(r).partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater),
            Err(e) => {
                failed = Some(Err(e));
                true
            }
        }
    });
    if let Some(f) = failed {
        return f;
    }
    sorted.extend(undefined);
    c.data_mut().replace_items(arr, sorted);
    Ok(arr)
}

/// A stable bottom-up merge sort; `le(a, b)` says a may stay before b.
#[expect(
    clippy::indexing_slicing,
    reason = "start <= mid <= end <= n = v.len() = buf.len(), i < mid, j < end, and k = start + (i - start) + \
              (j - mid) < end: every index is inside both buffers"
)]
pub(crate) fn merge_sort(mut v: Vec<i64>, le: &mut dyn FnMut(i64, i64) -> bool) -> Vec<i64> {
    let n = v.len();
    let mut buf = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                if le(v[i], v[j]) {
                    buf[k] = v[i];
                    i += 1;
                } else {
                    buf[k] = v[j];
                    j += 1;
                }
                k += 1;
            }
            buf[k..k + mid - i].copy_from_slice(&v[i..mid]);
            k += mid - i;
            buf[k..k + end - j].copy_from_slice(&v[j..end]);
            start = end;
        }
        std::mem::swap(&mut v, &mut buf);
        width *= 2;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::merge_sort;

    #[test]
    fn merge_sort_is_stable_and_survives_inconsistent_comparators() {
        let v: Vec<i64> = vec![5, 3, 9, 1, 3, 7, 2, 8, 6, 4, 0];
        assert_eq!(merge_sort(v.clone(), &mut |a, b| a <= b), vec![0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
        // Stability: equal keys (by value / 10) keep their order.
        let w = vec![31, 12, 35, 11, 33];
        assert_eq!(merge_sort(w, &mut |a, b| a / 10 <= b / 10), vec![12, 11, 31, 35, 33]);
        // A comparator that lies still gives a permutation, without panicking.
        let mut flip = false;
        let out = merge_sort(v.clone(), &mut |_, _| {
            flip = !flip;
            flip
        });
        let mut a = out.clone();
        a.sort();
        let mut b = v;
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn needs_escape_agrees_with_the_byte_test_at_every_length_and_position() {
        use super::json::{escaped, needs_escape};
        // Each byte Quote escapes, and neighbours of the word tests' edges
        // (0x1F/0x20, 0x21/0x23 around '"', 0x5B/0x5D around '\\', bytes
        // of UTF-8 sequences), at every position of strings up to 40 bytes.
        let probes = [0x00, 0x01, 0x1F, 0x20, 0x21, b'"', 0x23, 0x5B, b'\\', 0x5D, 0x7F, 0x80, 0xC3, 0xE2, 0xFF];
        for len in 0..40 {
            for at in 0..len {
                for &p in &probes {
                    for fill in [b'a', 0x80, 0xBF, 0x21] {
                        let mut s = vec![fill; len];
                        s[at] = p;
                        assert_eq!(needs_escape(&s), s.iter().any(|&b| escaped(b)), "{s:?}");
                    }
                }
            }
        }
    }
}

/// JSON.stringify with replacers, indentation and `toJSON` (ES5 §15.12.3),
/// and JSON.parse's reviver (§15.12.2): both may call script functions.
pub(crate) mod json {
    use super::{Cx, invoke_with};
    use crate::runtime::{Obj, TreeSlot};
    use crate::value::{self, EXCEPTION, NULL, UNDEFINED};
    use std::sync::Arc;

    struct Ser {
        replacer: Option<i64>,
        allow: Option<Vec<Arc<str>>>,
        gap: String,
        stack: Vec<i64>,
        /// The heap quota left when serialisation started: the text may
        /// not grow past it. A value can hold the same object many times
        /// over (`o = {a: o, b: o}` forty times is a few kilobytes of heap
        /// and 2^40 members as text), so the text is measured as it grows.
        room: usize,
    }

    /// A failed serialisation: the exception (or trap) to hand back.
    enum Stop {
        Exception,
        Trap(wasmtime::Error),
    }

    pub(super) fn stringify(c: Cx<'_, '_>, v: i64, replacer: i64, space: i64) -> wasmtime::Result<i64> {
        let h = c.data_mut();
        let (replacer, allow) = if h.callable_slot(replacer).is_some() {
            (Some(replacer), None)
        } else if h.is_array(replacer) {
            let mut keys: Vec<Arc<str>> = Vec::new();
            for x in h.args(replacer) {
                let ok = value::is_number(x) || h.str_of(x).is_some();
                let k = h.key_of(x);
                if ok && !keys.contains(&k) {
                    keys.push(k);
                }
            }
            (None, Some(keys))
        } else {
            (None, None)
        };
        let gap = if value::is_number(space) {
            " ".repeat(h.to_number(space).clamp(0.0, 10.0) as usize)
        } else if let Some(s) = h.str_of(space) {
            s.chars().take(10).collect()
        } else {
            String::new()
        };
        // The usual call, `JSON.stringify(data)`: no script code can run
        // unless the data holds a toJSON method, so a writer that only
        // reads the heap tries first.
        if replacer.is_none() && allow.is_none() && gap.is_empty() && !h.accessors && !h.any_attrs() {
            let mut out = std::mem::take(&mut h.json_out);
            let mut stack = std::mem::take(&mut h.json_stack);
            let mut names = std::mem::take(&mut h.quoted);
            let written =
                Plain { h, stack: &mut stack, room: h.heap_room(), out: &mut out, names: &mut names }.write(v);
            h.quoted = names;
            let v = match written {
                Ok(true) => {
                    h.add_work(out.len() as u64);
                    Some(h.copy_string(&out))
                }
                Ok(false) => Some(UNDEFINED),
                Err(Bail) => None,
            };
            if out.capacity() <= crate::runtime::BUFFER_KEPT_MAX {
                out.clear();
                h.json_out = out;
            }
            stack.clear();
            h.json_stack = stack;
            if let Some(v) = v {
                return Ok(v);
            }
        }
        let mut ser = Ser { replacer, allow, gap, stack: Vec::new(), room: h.heap_room() };
        let holder = h.alloc_object(UNDEFINED);
        let empty = h.string("");
        h.set(holder, empty, v);
        let mut out = String::new();
        match write(c, &mut ser, holder, Key::Value(empty), v, "", &mut out) {
            Ok(true) => {
                c.data().add_work(out.len() as u64);
                Ok(c.data_mut().string(out))
            }
            Ok(false) => Ok(UNDEFINED),
            Err(Stop::Exception) => Ok(EXCEPTION),
            Err(Stop::Trap(e)) => Err(e),
        }
    }

    /// Why [`Plain`] gave up: the general writer starts over (what
    /// was written is dropped; writing has no effect).
    struct Bail;

    /// Writes values as `JSON.stringify` does without a replacer or an
    /// indent, when they are plain data: strings, numbers, booleans, null,
    /// arrays and plain objects whose own properties are all enumerable data
    /// (checked by the caller: no accessor and no attribute exists in the
    /// run). Gives up at anything the general writer treats specially: a
    /// toJSON method, a Date, an Error or any other object, a cycle, nesting
    /// past 512, the heap room or the fuel running out.
    struct Plain<'a> {
        h: &'a crate::runtime::Host,
        /// The containers being written, outermost first.
        stack: &'a mut Vec<i64>,
        /// The most the output may grow to (the heap room).
        room: usize,
        out: &'a mut String,
        names: &'a mut crate::runtime::QuotedNames,
    }

    impl Plain<'_> {
        /// Writes `v`; `false`: not serialisable (undefined, a function),
        /// left out by the caller.
        fn write(&mut self, v: i64) -> Result<bool, Bail> {
            // Paid per value visited, as the general writer (`json::write`)
            // pays: this one here, a container's members at its start
            // (`container`).
            if !self.h.spend(4 * crate::runtime::VISIT_WORK) {
                return Err(Bail);
            }
            self.member(v)
        }

        /// One value, already paid for: a leaf written in place (most values
        /// are; no call per string or number), a container by `container`.
        #[inline(always)]
        fn member(&mut self, v: i64) -> Result<bool, Bail> {
            let h = self.h;
            if value::is_number(v) {
                if value::as_number(v).is_finite() {
                    h.append_js_string(v, self.out);
                } else {
                    self.out.push_str("null");
                }
                return Ok(true);
            }
            let word = match v {
                UNDEFINED => return Ok(false),
                NULL => "null",
                value::TRUE => "true",
                value::FALSE => "false",
                _ => match h.obj(v) {
                    Some(Obj::Str(s)) => {
                        quote_into(self.out, s);
                        // The output's size is checked after every string
                        // (the one leaf of any size): the same string many
                        // times over must not outgrow the heap quota unseen.
                        return if self.out.len() > self.room { Err(Bail) } else { Ok(true) };
                    }
                    Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. }) => return Ok(false),
                    Some(obj @ (Obj::Arr(_) | Obj::Object(..))) => return self.container(v, obj),
                    _ => return Err(Bail),
                },
            };
            self.out.push_str(word);
            Ok(true)
        }

        /// An array or plain object.
        fn container(&mut self, v: i64, obj: &Obj) -> Result<bool, Bail> {
            let h = self.h;
            if self.stack.contains(&v) || self.stack.len() > 512 || self.out.len() > self.room {
                return Err(Bail);
            }
            match obj {
                Obj::Arr(items) => {
                    if !h.spend(4 * crate::runtime::VISIT_WORK * items.len() as u64) {
                        return Err(Bail);
                    }
                    self.stack.push(v);
                    self.out.push('[');
                    for (i, &x) in items.iter().enumerate() {
                        if i > 0 {
                            self.out.push(',');
                        }
                        if !self.member(x)? {
                            self.out.push_str("null");
                        }
                    }
                    self.out.push(']');
                }
                Obj::Object(props, proto) => {
                    if let Some(nest) = h.nest_of(v)
                        && let Some(json) = &nest.json
                        && let Some(found) = Found::of(h, nest, v)
                    {
                        return self.nest(v, nest, json, &found);
                    }
                    // A toJSON method (own or inherited) runs script code. An
                    // object straight on Object.prototype (`proto` undefined:
                    // `lookup` looks no further) has none unless it has its
                    // own, which the loop below looks for as it writes.
                    if *proto != UNDEFINED {
                        if to_json(h, v).is_some() {
                            return Err(Bail);
                        }
                    } else {
                        // The work `lookup` would have counted.
                        h.add_work(props.len() as u64 + 1);
                    }
                    // The members'.
                    if !h.spend(4 * crate::runtime::VISIT_WORK * props.len() as u64) {
                        return Err(Bail);
                    }
                    self.stack.push(v);
                    self.out.push('{');
                    let mut first = true;
                    for (k, x) in props {
                        if k.len() == 6 && &**k == "toJSON" {
                            return Err(Bail);
                        }
                        let mark = self.out.len();
                        if !first {
                            self.out.push(',');
                        }
                        self.names.write(self.out, k);
                        if self.member(*x)? {
                            first = false;
                        } else {
                            self.out.truncate(mark);
                        }
                    }
                    self.out.push('}');
                }
                _ => return Err(Bail),
            }
            self.stack.pop();
            Ok(true)
        }
    }

    impl Plain<'_> {
        /// A nest of literals still as made (`Found::of`): its JSON text
        /// around the JSON of its operands' values, with the fuel the
        /// member by member writer would pay.
        fn nest(
            &mut self,
            v: i64,
            nest: &crate::runtime::Tree,
            json: &[Box<str>],
            found: &Found,
        ) -> Result<bool, Bail> {
            self.h.add_work(nest.work);
            if !self.h.spend(4 * crate::runtime::VISIT_WORK * nest.members) {
                return Err(Bail);
            }
            self.stack.push(v);
            for (k, piece) in json.iter().enumerate() {
                self.out.push_str(piece);
                if let Some(&x) = found.operands.get(k).filter(|_| k < found.count) {
                    // Never `false`: `Found::of` took no undefined or function.
                    self.member(x)?;
                }
            }
            self.stack.pop();
            Ok(true)
        }
    }

    /// What `Found::of` saw of a nest of literals.
    struct Found {
        /// The values where the nest has operands, in source order (the
        /// order of its JSON text).
        operands: [i64; 3],
        count: usize,
    }

    impl Found {
        /// `v` as nest `nest` made it: every object still a plain object
        /// of its literal's names in order (by pointer: a name written by
        /// the script is another string), every array its length, every
        /// constant and inner literal in place, and no operand's value
        /// `undefined` or a function (which JSON leaves out). Anything else
        /// is written member by member.
        fn of(h: &crate::runtime::Host, nest: &crate::runtime::Tree, v: i64) -> Option<Found> {
            let mut found = Found { operands: [UNDEFINED; 3], count: 0 };
            found.node(h, nest, nest.nodes.len().checked_sub(1)?, v).then_some(found)
        }

        fn node(&mut self, h: &crate::runtime::Host, nest: &crate::runtime::Tree, i: usize, v: i64) -> bool {
            use crate::runtime::TreeNode;
            match (nest.nodes.get(i), h.obj(v)) {
                (Some(TreeNode::Object(shape, slots)), Some(Obj::Object(props, UNDEFINED))) => {
                    let Some(keys) = h.shape_keys(*shape as usize) else { return false };
                    if props.len() != slots.len() || keys.len() != slots.len() {
                        return false;
                    }
                    for ((name, x), (key, slot)) in props.iter().zip(keys.iter().zip(slots.iter())) {
                        if !Arc::ptr_eq(name, key) || !self.slot(h, nest, *slot, *x) {
                            return false;
                        }
                    }
                    true
                }
                (Some(TreeNode::Array(slots)), Some(Obj::Arr(items))) => {
                    if items.len() != slots.len() {
                        return false;
                    }
                    items.iter().zip(slots.iter()).all(|(x, slot)| self.slot(h, nest, *slot, *x))
                }
                _ => false,
            }
        }

        #[inline(always)]
        fn slot(&mut self, h: &crate::runtime::Host, nest: &crate::runtime::Tree, slot: TreeSlot, x: i64) -> bool {
            match slot {
                TreeSlot::Const(c) => x == c,
                TreeSlot::Node(j) => self.node(h, nest, j as usize, x),
                TreeSlot::Operand(_) => {
                    let leaves_out = x == UNDEFINED
                        || matches!(h.obj(x), Some(Obj::Function(_) | Obj::Bound { .. } | Obj::Method { .. }));
                    let Some(at) = self.operands.get_mut(self.count).filter(|_| !leaves_out) else { return false };
                    *at = x;
                    self.count += 1;
                    true
                }
            }
        }
    }

    /// The script `toJSON` method of plain object `v`, own or inherited
    /// (a built-in method value found there is not called).
    fn to_json(h: &crate::runtime::Host, v: i64) -> Option<i64> {
        if !matches!(h.obj(v), Some(Obj::Object(..))) {
            return None;
        }
        let f = h.lookup(v, "toJSON")?;
        (h.callable_slot(f).is_some() && !matches!(h.obj(f), Some(Obj::Method { .. }))).then_some(f)
    }

    fn call(c: Cx<'_, '_>, f: i64, this: i64, argv: Vec<i64>) -> Result<i64, Stop> {
        match invoke_with(c, f, this, argv) {
            Ok(EXCEPTION) => Err(Stop::Exception),
            Ok(_) if c.data().heap_exceeded => Err(Stop::Exception),
            Ok(v) => Ok(v),
            Err(e) => Err(Stop::Trap(e)),
        }
    }

    /// The key a value is serialised under: made a script value only when a
    /// replacer or `toJSON` gets to see it (most never do).
    #[derive(Clone, Copy)]
    enum Key<'k> {
        Value(i64),
        Name(&'k Arc<str>),
        Index(usize),
    }

    impl Key<'_> {
        fn value(self, c: Cx<'_, '_>) -> i64 {
            match self {
                Key::Value(v) => v,
                Key::Name(k) => c.data_mut().string(k.clone()),
                Key::Index(i) => c.data_mut().string(i.to_string()),
            }
        }
    }

    /// Writes one value; `false` when it is not serialisable (undefined, a
    /// function) and the caller leaves it out.
    fn write(
        c: Cx<'_, '_>,
        ser: &mut Ser,
        holder: i64,
        key: Key<'_>,
        mut v: i64,
        indent: &str,
        out: &mut String,
    ) -> Result<bool, Stop> {
        if out.len() > ser.room {
            c.data_mut().charge(out.len());
            return Err(Stop::Exception);
        }
        // Paid as it is visited: an object shared many times over (a DAG
        // written out as a tree) runs out of fuel early.
        if !c.data().spend(4 * crate::runtime::VISIT_WORK) {
            return Err(Stop::Exception);
        }
        // Strings, most of what is written, when no replacer can see them:
        // no toJSON applies to a primitive.
        if ser.replacer.is_none()
            && let Some(Obj::Str(s)) = c.data().obj(v)
        {
            quote_into(out, s);
            return Ok(true);
        }
        // toJSON of script objects (Dates serialise through their ISO string
        // below). A plain object's own properties and prototype chain are
        // all there is to look at: no built-in prototype has a toJSON.
        if let Some(f) = to_json(c.data(), v) {
            let k = key.value(c);
            v = call(c, f, v, vec![k])?;
        }
        if let Some(r) = ser.replacer {
            let k = key.value(c);
            v = call(c, r, holder, vec![k, v])?;
        }
        let h = c.data_mut();
        if let Some(n) = value::is_number(v).then(|| value::as_number(v)) {
            if n.is_finite() {
                h.append_js_string(v, out);
            } else {
                out.push_str("null");
            }
            return Ok(true);
        }
        match v {
            UNDEFINED => return Ok(false),
            NULL => {
                out.push_str("null");
                return Ok(true);
            }
            value::TRUE => {
                out.push_str("true");
                return Ok(true);
            }
            value::FALSE => {
                out.push_str("false");
                return Ok(true);
            }
            _ => {}
        }
        if h.callable_slot(v).is_some() {
            return Ok(false);
        }
        match h.obj(v) {
            Some(Obj::Str(s)) => {
                quote_into(out, s);
                return Ok(true);
            }
            Some(Obj::Date(_)) => {
                let host = h.to_host(v, 0);
                out.push_str(&crate::runtime::json_stringify(&host));
                return Ok(true);
            }
            Some(Obj::Arr(_) | Obj::Object(..) | Obj::Error(_)) => {}
            Some(_) => {
                out.push_str("{}");
                return Ok(true);
            }
            None => return Ok(false),
        }
        if ser.stack.contains(&v) {
            h.throw("TypeError", "Converting circular structure to JSON");
            return Err(Stop::Exception);
        }
        if ser.stack.len() > 512 {
            h.throw("RangeError", "Maximum JSON nesting depth exceeded");
            return Err(Stop::Exception);
        }
        ser.stack.push(v);
        let inner = if ser.gap.is_empty() { String::new() } else { format!("{indent}{}", ser.gap) };
        let (open, close) = if h.is_array(v) { ('[', ']') } else { ('{', '}') };
        out.push(open);
        let mut first = true;
        // Before each member: the comma, and with a gap the line break.
        let sep = |out: &mut String, first: &mut bool, gap: &str| {
            if !*first {
                out.push(',');
            }
            *first = false;
            if !gap.is_empty() {
                out.push('\n');
                out.push_str(&inner);
            }
        };
        if h.is_array(v) {
            let n = h.len(v);
            for i in 0..n {
                sep(out, &mut first, &ser.gap);
                let item = c.data().item(v, i).unwrap_or(UNDEFINED);
                if !write(c, ser, v, Key::Index(i), item, &inner, out)? {
                    out.push_str("null");
                }
            }
        } else {
            let plain = matches!(h.obj(v), Some(Obj::Object(..)));
            // The keys first (ES5 §15.12.3 JO step 6), each with where it
            // sat in a plain object's property list, so that reading its
            // value (step 8, at the time it is serialised) is one check
            // instead of a search.
            let keys: Vec<(Arc<str>, usize)> = match (&ser.allow, h.obj(v)) {
                (None, Some(Obj::Object(props, _))) => props
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !h.hidden(v, &p.0))
                    .map(|(i, p)| (p.0.clone(), i))
                    .collect(),
                (Some(allow), _) => allow.iter().map(|k| (k.clone(), usize::MAX)).collect(),
                (None, _) => h.own_keys(v).into_iter().map(|k| (k, usize::MAX)).collect(),
            };
            for (k, at) in &keys {
                // A plain object's members are read directly; anything else
                // (an Error's name and message) through `get`.
                let mut item = match c.data().obj(v) {
                    Some(Obj::Object(props, _)) => match props.get(*at) {
                        Some(p) if Arc::ptr_eq(&p.0, k) => p.1,
                        _ => c.data().lookup(v, k).unwrap_or(UNDEFINED),
                    },
                    _ if plain => c.data().lookup(v, k).unwrap_or(UNDEFINED),
                    _ => {
                        let key = c.data_mut().string(k.clone());
                        c.data_mut().get(v, key)
                    }
                };
                if let Some((get, _)) = c.data().accessor(item) {
                    item = if get == UNDEFINED { UNDEFINED } else { call(c, get, v, Vec::new())? };
                }
                let (mark, was_first) = (out.len(), first);
                sep(out, &mut first, &ser.gap);
                quote_into(out, k);
                out.push(':');
                if !ser.gap.is_empty() {
                    out.push(' ');
                }
                if !write(c, ser, v, Key::Name(k), item, &inner, out)? {
                    out.truncate(mark);
                    first = was_first;
                }
            }
        }
        if !first && !ser.gap.is_empty() {
            out.push('\n');
            out.push_str(indent);
        }
        out.push(close);
        ser.stack.pop();
        Ok(true)
    }

    /// Whether Quote writes byte `b` escaped: a control character, `"` or
    /// `\`. No short-circuit, so that block scans vectorise.
    pub(super) const fn escaped(b: u8) -> bool {
        (b < 0x20) | (b == b'"') | (b == b'\\')
    }

    /// Whether `s` has a byte Quote escapes. Short strings (most values
    /// and names) eight bytes at a time as a `u64`, the tail padded with a
    /// space; long ones in vectorised blocks.
    pub(super) fn needs_escape(s: &[u8]) -> bool {
        if s.len() >= 32 {
            return crate::json_parse::any_byte(s, escaped);
        }
        let mut words = s.chunks_exact(8);
        let mut hit = false;
        for w in &mut words {
            hit |= word_needs_escape(u64::from_le_bytes(w.try_into().unwrap_or_default()));
        }
        let mut tail = [b' '; 8];
        for (t, &b) in tail.iter_mut().zip(words.remainder()) {
            *t = b;
        }
        hit | word_needs_escape(u64::from_le_bytes(tail))
    }

    /// [`escaped`] for any of eight bytes at once: the classic "has a byte
    /// below n" and "has a zero byte" tests, exact as a yes/no (a borrow
    /// can only mark a byte above one that already matched).
    #[inline(always)]
    fn word_needs_escape(x: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
        below(x, 0x20) | below(x ^ (ONES * u64::from(b'"')), 1) | below(x ^ (ONES * u64::from(b'\\')), 1) != 0
    }

    /// Writes `s` as a JSON string literal (ES5 §15.12.3 Quote).
    pub(crate) fn quote_into(out: &mut String, s: &str) {
        out.reserve(s.len() + 2);
        out.push('"');
        // Most strings need no escape: one check, then one copy.
        if !needs_escape(s.as_bytes()) {
            out.push_str(s);
            out.push('"');
            return;
        }
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            if !escaped(b) {
                continue;
            }
            out.push_str(&s[start..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                0x08 => out.push_str("\\b"),
                0x0c => out.push_str("\\f"),
                _ => {
                    use std::fmt::Write;
                    let _ = write!(out, "\\u{b:04x}");
                }
            }
            start = i + 1;
        }
        out.push_str(&s[start..]);
        out.push('"');
    }

    /// Walks a parsed value bottom-up through the reviver (ES5 §15.12.2
    /// Walk): `undefined` results delete the property.
    pub(super) fn revive(c: Cx<'_, '_>, parsed: i64, reviver: i64) -> wasmtime::Result<i64> {
        let h = c.data_mut();
        let root = h.alloc_object(UNDEFINED);
        let empty = h.string("");
        h.set(root, empty, parsed);
        match walk(c, root, empty, reviver, 0) {
            Ok(v) => Ok(v),
            Err(Stop::Exception) => Ok(EXCEPTION),
            Err(Stop::Trap(e)) => Err(e),
        }
    }

    fn walk(c: Cx<'_, '_>, holder: i64, key: i64, reviver: i64, depth: usize) -> Result<i64, Stop> {
        let v = c.data_mut().get(holder, key);
        if depth < 512 && matches!(c.data().obj(v), Some(Obj::Arr(_) | Obj::Object(..))) {
            let keys = c.data().own_keys(v);
            for k in keys {
                let kr = c.data_mut().string(k.clone());
                let nv = walk(c, v, kr, reviver, depth + 1)?;
                let h = c.data_mut();
                if nv == UNDEFINED && !h.is_array(v) {
                    if let Some(slot) = value::as_reference(v)
                        && let Some(props) = h.props_mut(slot)
                    {
                        props.retain(|p| p.0 != k);
                    }
                } else {
                    h.set(v, kr, nv);
                }
            }
        }
        call(c, reviver, holder, vec![key, v])
    }
}
