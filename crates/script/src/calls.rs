//! Host operations that call back into JavaScript: methods defined by
//! scripts, `new` on script functions, `call`/`apply`, and the array
//! methods that take a callback.
//!
//! They run with the wasmtime `Caller`, so they can enter the module again
//! through its exported `call` (a `call_indirect` on the function table).
//! Fuel, the stack limit and the heap quota keep applying inside: a trap in
//! a callback unwinds through here as an error.

use crate::runtime::{Host, op};
use crate::value::{self, EXCEPTION, FALSE, TRUE, UNDEFINED};
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
    dispatch.call(&mut *c, (f, this, args, slot as i32))
}

/// `invoke` with the arguments given as values.
fn invoke_with(c: Cx<'_, '_>, f: i64, this: i64, argv: Vec<i64>) -> wasmtime::Result<i64> {
    let args = c.data_mut().alloc_array(argv);
    invoke(c, f, this, args)
}

pub(crate) fn op2(c: Cx<'_, '_>, code: i32, a: i64, b: i64) -> wasmtime::Result<i64> {
    match code {
        op::CONSTRUCT => construct(c, a, b),
        _ => Ok(c.data_mut().op2(code, a, b)),
    }
}

pub(crate) fn op3(c: Cx<'_, '_>, code: i32, a: i64, b: i64, d: i64) -> wasmtime::Result<i64> {
    match code {
        op::CALL_METHOD => call_method(c, a, b, d),
        // A bound function called as a value: its target, with the bound
        // `this` and arguments first.
        op::CALL_NATIVE => match c.data().bound(a) {
            Some((target, this, mut argv)) => {
                argv.extend(c.data().args(d));
                invoke_with(c, target, this, argv)
            }
            None => Ok(c.data_mut().op3(code, a, b, d)),
        },
        _ => Ok(c.data_mut().op3(code, a, b, d)),
    }
}

/// `new F(…)` (ES5 §13.2.2): a fresh object whose prototype is
/// `F.prototype`; the result is what F returns if that is an object.
fn construct(c: Cx<'_, '_>, f: i64, args: i64) -> wasmtime::Result<i64> {
    let h = c.data_mut();
    if !h.is_function(f) {
        if let Some(crate::runtime::Obj::Builtin(b)) = h.obj(f) {
            let name = crate::runtime::BUILTINS[*b];
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
    if let Some(f) = h.js_method(recv, name) {
        return invoke(c, f, recv, args);
    }
    let method = h.to_js_string(name);
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
                let items = if h.is_array(list) { h.args(list) } else { Vec::new() };
                return invoke_with(c, recv, this, items);
            }
            _ => {}
        }
    }
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
    Ok(c.data_mut().call_method(recv, name, args))
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
}
