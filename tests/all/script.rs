//! The script engine: the seed script through the CLI, the sandbox limits,
//! generated-code snapshots, the fixture scripts, and the differential suite
//! against node (tests/data/js/GROUP/*.js run by tests/js/run.js).

use crate::util::{compare_or_bless, fixtures, rel, root};
use cbot_host::{OfflineContext, Value};
use cbot_script::{Compiler, Engine, Limit, Limits, RunError, ScriptKind, ScriptSource};
use std::process::Command;

fn panel(text: &str) -> [ScriptSource<'_>; 1] {
    [ScriptSource { name: "panel", text, kind: ScriptKind::Panel }]
}

fn run(text: &str) -> cbot_script::Run<OfflineContext> {
    let engine = Engine::new(Limits::default()).unwrap();
    let program = engine.compile(&panel(text)).unwrap_or_else(|e| panic!("{e}: {e:?}"));
    program.run("panel", OfflineContext::default()).unwrap()
}

#[test]
fn seed_script_on_sms_and_web() {
    for (channel, method) in [("sms", "setBotVariable"), ("web", "sendMessage")] {
        let o = Command::new(env!("CARGO_BIN_EXE_cbot"))
            .args(["script", "scripts/agent-handoff/channel-check.js", "--channel", channel, "--format", "json"])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["calls"][0], serde_json::json!({"method": "getChannel", "args": [], "result": channel}));
        assert_eq!(v["calls"][1]["method"], method);
        assert_eq!(v["error"], serde_json::Value::Null);
        if channel == "sms" {
            assert_eq!(
                v["calls"][1]["args"],
                serde_json::json!(["transferMessage", "Transferring you to an agent", true, false])
            );
        }
    }
}

#[test]
fn limits_stop_runaway_scripts_and_the_host_carries_on() {
    let engine =
        // Fuel enough that the push loops below (8 bytes of quota and ~38
        // fuel units a push) run into the heap quota first.
        Engine::new(Limits { fuel: 8_000_000, heap_bytes: 1 << 20, stack_bytes: 256 << 10, ..Limits::default() })
            .unwrap();
    let cases = [
        ("botContext.printDebugMessage('start');\nwhile (true) {}", Limit::Fuel),
        ("var i = 0;\nfor (;;) { i++; }", Limit::Fuel),
        ("function f(n) { return f(n + 1) + 1; }\nreturn f(0);", Limit::Stack),
        ("var s = 'x';\nwhile (true) { s = s + s; }", Limit::Heap),
        ("var a = [];\nwhile (true) { a.push('more and more text'); }", Limit::Heap),
        ("var a = [];\nwhile (true) { a.push(1); }", Limit::Heap),
        ("var a = [];\na[1e9] = 1;\nreturn a.length;", Limit::Heap),
        ("var a = [];\na.length = 4e9;", Limit::Heap),
        ("var a = new Array(4e9);", Limit::Heap),
        // Through closures and callbacks the host calls (calls.rs).
        ("var f = function () { return f() + 1; };\nreturn f();", Limit::Stack),
        ("function g() { [1].forEach(g); }\ng();", Limit::Stack),
        ("[1, 2].map(function () { while (true) {} });", Limit::Fuel),
        ("var xs = [1, 2, 3];\nxs.sort(function (a, b) { for (;;) {} });", Limit::Fuel),
        ("var a = [1];\nwhile (true) { a = a.map(function (x) { return [x, x]; }).concat(a); }", Limit::Heap),
        ("function C() { this.next = new C(); }\nnew C();", Limit::Stack),
    ];
    for (src, limit) in cases {
        let program = engine.compile(&panel(src)).unwrap();
        let run = program.run("panel", OfflineContext::default()).unwrap();
        assert_eq!(run.error, Some(RunError::Limit(limit)), "{src}");
        // The calls made before the limit are kept.
        if src.starts_with("botContext") {
            assert_eq!(run.transcript.calls.len(), 1);
        }
    }
    // The engine is unharmed: the next run works.
    let program = engine.compile(&panel("return 1 + 1;")).unwrap();
    assert_eq!(program.run("panel", OfflineContext::default()).unwrap().value, Value::Number(2.0));
}

/// Found by `cbot fuzz js`: values that contain themselves, or share
/// themselves exponentially, must not hang or overflow the host when they
/// are copied across the botContext boundary or converted to strings
/// (host code, which fuel does not bound).
#[test]
fn cyclic_and_shared_values_stay_bounded() {
    // A small heap keeps the bounded work small in a debug build.
    let engine = Engine::new(Limits { heap_bytes: 1 << 20, ..Limits::default() }).unwrap();
    let start = std::time::Instant::now();
    let cases = [
        // Two self-references: the copy cuts each cycle (was 2^64 copies).
        ("var a = [1];\na.push(a, a);\nbotContext.setBotVariable('x', a, true, false);\nreturn a;", None),
        // Cycles convert to "" as in V8 (was a stack overflow).
        ("var a = [1];\na.push(a);\nreturn '' + a + a.join('-');", None),
        // 2^40 items when joined: the heap quota, not memory exhaustion.
        ("var a = [1];\nfor (var i = 0; i < 40; i++) a = [a, a];\nreturn ('' + a).length;", Some(Limit::Heap)),
        // The same copied for a botContext call: the copy is measured as it
        // is made and stops at the heap quota, not after 2^40 copies.
        (
            "var a = [1];\nfor (var i = 0; i < 40; i++) a = [a, a];\nbotContext.setBotVariable('x', a, true, false);",
            Some(Limit::Heap),
        ),
        // The same returned: the run reports the heap limit instead of a
        // copy cut short with nulls (fuzz js seed 21;
        // tests/data/fuzz/js/d801e08c7425.js).
        ("var a = {n: 1};\nfor (var i = 0; i < 40; i++) a = {'0': a, '1': a};\nreturn a;", Some(Limit::Heap)),
        // One that fits is returned whole.
        ("var a = {n: 1};\nfor (var i = 0; i < 3; i++) a = {'0': a, '1': a};\nreturn a;", None),
    ];
    for (src, limit) in cases {
        let run = engine.compile(&panel(src)).unwrap().run("panel", OfflineContext::default()).unwrap();
        assert_eq!(
            run.error.clone().and_then(|e| if let RunError::Limit(l) = e { Some(l) } else { None }),
            limit,
            "{src}"
        );
    }
    assert_eq!(run("var a = [1];\na.push(a);\nreturn '' + a;").value, Value::from("1,"));
    assert!(start.elapsed() < std::time::Duration::from_secs(60), "took {:?}", start.elapsed());
}

/// `var` destructuring in the global functions declares globals that the
/// functions and panels see (ES2015 §13.3.2.4).
#[test]
fn global_destructuring_declares_globals() {
    let engine = Engine::new(Limits::default()).unwrap();
    let src = [
        ScriptSource {
            name: "g",
            text: "var {x, y: [z, w = 5]} = {x: 1, y: [2]};\nfunction g() { return x + z + w; }",
            kind: ScriptKind::Globals,
        },
        ScriptSource { name: "p", text: "return [g(), typeof x, z];", kind: ScriptKind::Panel },
    ];
    let program = engine.compile(&src).unwrap();
    let r = program.run("p", OfflineContext::default()).unwrap();
    assert_eq!(r.value, Value::array(vec![Value::Number(8.0), Value::from("number"), Value::Number(2.0)]));
}

/// Panels call a global written only by `var f = function …` at the
/// globals' top level straight to that function (compile.rs `var_func`);
/// a global also written elsewhere, declared in a skippable block, or
/// called while the init code runs is called as the value it holds then.
#[test]
fn global_function_variables_called_from_panels() {
    let engine = Engine::new(Limits::default()).unwrap();
    let globals = "var log = function (e) { botContext.printDebugMessage('log ' + e); return e; };\n\
        var twice = (a, b) => [a, b];\n\
        var later = function () { return 'first'; };\n\
        if (botContext.getChannel() == 'web') { var maybe = function () { return 'web'; }; }\n\
        var early = function () { return 'early'; };\n\
        function swap() { later = function () { return 'second'; }; }\n\
        var named = function self(n) { return n > 0 ? self(n - 1) + 1 : typeof self; };";
    let text = "var r = [log(1), log(), twice(1), later()]; swap();\n\
        r.push(later(), typeof maybe == 'function' ? maybe() : 'none', early(), named(2));\n\
        function nested() { return log('nested'); }\n\
        r.push(nested(), [1, 2].map(log).length);\n\
        return r;";
    let src = [
        ScriptSource { name: "g", text: globals, kind: ScriptKind::Globals },
        ScriptSource { name: "p", text, kind: ScriptKind::Panel },
    ];
    let program = engine.compile(&src).unwrap();
    for channel in ["web", "sms"] {
        let ctx = OfflineContext { channel: channel.into(), ..OfflineContext::default() };
        let r = program.run("p", ctx).unwrap();
        assert!(r.error.is_none(), "{:?}", r.error);
        let maybe = if channel == "web" { "web" } else { "none" };
        let twice = Value::array(vec![Value::Number(1.0), Value::Undefined]);
        let expected = Value::array(vec![
            Value::Number(1.0),
            Value::Undefined,
            twice,
            Value::from("first"),
            Value::from("second"),
            Value::from(maybe),
            Value::from("early"),
            Value::from("function11"),
            Value::from("nested"),
            Value::Number(2.0),
        ]);
        assert_eq!(r.value, expected, "{channel}");
        let logged = r.transcript.calls.iter().filter(|c| c.method == "printDebugMessage").count();
        assert_eq!(logged, 5, "{channel}");
    }
    // A destructuring assignment writes the name too.
    let src = [
        ScriptSource { name: "g", text: "var g = function () { return 'old'; };", kind: ScriptKind::Globals },
        ScriptSource {
            name: "p",
            text: "({g} = {g: function () { return 'new'; }}); return g();",
            kind: ScriptKind::Panel,
        },
    ];
    let r = engine.compile(&src).unwrap().run("p", OfflineContext::default()).unwrap();
    assert_eq!(r.value, Value::from("new"));
    // Called while the init code runs, before its `var` ran: a TypeError,
    // as in JavaScript (the global is still undefined).
    let src = [
        ScriptSource { name: "g", text: "var x = f(); var f = function () { return 1; };", kind: ScriptKind::Globals },
        ScriptSource { name: "p", text: "return f();", kind: ScriptKind::Panel },
    ];
    let r = engine.compile(&src).unwrap().run("p", OfflineContext::default()).unwrap();
    assert!(matches!(&r.error, Some(RunError::Js { error, .. }) if error.name == "TypeError"), "{:?}", r.error);
}

/// The baseline compiler runs the same WebAssembly to the same transcript
/// and is held by the same limits (fuel, stack, heap).
#[test]
fn the_baseline_compiler_runs_alike_within_the_same_limits() {
    let engines =
        [Compiler::Optimizing, Compiler::Baseline].map(|c| Engine::with_compiler(Limits::default(), c).unwrap());
    let cases = [
        (
            "var s = 0; for (var i = 0; i < 100; i++) s += i; botContext.sendMessage('sum ' + s); return [s, typeof s];",
            None,
        ),
        ("while (true) {}", Some(Limit::Fuel)),
        ("function f(n) { return f(n + 1) + 1; } return f(0);", Some(Limit::Stack)),
        ("var a = 'x'; while (true) a = a + a;", Some(Limit::Heap)),
    ];
    for (src, limit) in cases {
        let runs: Vec<_> = engines
            .iter()
            .map(|e| e.compile(&panel(src)).unwrap().run("panel", OfflineContext::default()).unwrap())
            .collect();
        for r in &runs {
            let hit = r.error.as_ref().and_then(|e| if let RunError::Limit(l) = e { Some(*l) } else { None });
            assert_eq!(hit, limit, "{src}");
        }
        if let [a, b] = &runs[..] {
            assert_eq!(a.value, b.value, "{src}");
            assert_eq!(a.transcript.calls.len(), b.transcript.calls.len(), "{src}");
        }
    }
}

#[test]
fn runs_are_isolated() {
    let engine = Engine::new(Limits::default()).unwrap();
    let src = [
        ScriptSource {
            name: "g",
            text: "var counter = 0;\nfunction bump() { counter = counter + 1; return counter; }",
            kind: ScriptKind::Globals,
        },
        ScriptSource { name: "p", text: "return bump();", kind: ScriptKind::Panel },
    ];
    let program = engine.compile(&src).unwrap();
    for _ in 0..3 {
        // Every run starts from the globals' initial values, whether its
        // store is new or one an earlier run left (the program's pool).
        assert_eq!(program.run("p", OfflineContext::default()).unwrap().value, Value::Number(1.0));
    }
    // A session reuses its store and instance, and still isolates runs:
    // globals (declared and implicit), heap and fuel are reset.
    let src = [
        ScriptSource {
            name: "g",
            text: "var counter;\nfunction bump() { counter = (counter || 0) + 1; return counter; }",
            kind: ScriptKind::Globals,
        },
        ScriptSource {
            name: "p",
            text: "leak = 'from p';\nvar r = [bump(), bump()];\nreturn r.join(',');",
            kind: ScriptKind::Panel,
        },
        ScriptSource { name: "read", text: "return leak;", kind: ScriptKind::Panel },
        ScriptSource { name: "spin", text: "while (true) {}", kind: ScriptKind::Panel },
    ];
    let program = engine.compile(&src).unwrap();
    // A session's runs reuse its store and instance; `Program::run`'s take
    // stores from the program's pool (a trapped run's store is not put
    // back). Either way no run sees another's state.
    let mut session = program.session();
    let mut in_session = |panel: &str| session.run(panel, OfflineContext::default()).unwrap();
    let mut on_its_own = |panel: &str| program.run(panel, OfflineContext::default()).unwrap();
    type Runner<'r> = &'r mut dyn FnMut(&str) -> cbot_script::Run<OfflineContext>;
    let runners: [Runner<'_>; 2] = [&mut in_session, &mut on_its_own];
    for (k, run) in runners.into_iter().enumerate() {
        for round in 0..3 {
            assert_eq!(run("p").value, Value::from("1,2"), "runner {k}, round {round}");
            // The implicit global `p` created is gone in the next run.
            let r = run("read");
            assert!(
                matches!(&r.error, Some(RunError::Js { error, .. }) if error.name == "ReferenceError"),
                "{:?}",
                r.error
            );
            // A trap in between (the store is replaced) changes nothing.
            assert_eq!(run("spin").error, Some(RunError::Limit(Limit::Fuel)));
        }
    }
    // A run in a store an earlier session or run released (the program's
    // pool) sees nothing of what that run did (and calls back into its
    // functions through the same store's export): tampered built-ins, implicit
    // globals, objects and unfinished chains of `+`, object literals changed
    // or left half-built (their buffers are reused by shape, runtime.rs
    // `shaped_spares`).
    let src = [
        ScriptSource {
            name: "tamper",
            text: "Object.prototype.x = 'leaked'; Array.prototype.push = null; leak = 1;\n\
                   var o = {toString: function () { return 'o'; }};\n\
                   try { var s = 'a' + o + (function () { throw 1; })() + 'b'; } catch (e) {}\n\
                   var t = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6}; delete t.b; t.z = 9;\n\
                   var u = {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6}; u.a = 'changed';\n\
                   try { var w = {a: 1, b: 2, c: 3, d: (function () { throw 2; })(), e: 5, f: 6}; } catch (e) {}\n\
                   return [].concat([1], 2).length;",
            kind: ScriptKind::Panel,
        },
        ScriptSource {
            name: "check",
            text: "var a = []; a.push(3);\n\
                   var l = JSON.stringify([{a: 7, b: 8, c: 9, d: 10, e: 11, f: 12}, {a: 0, b: 0, c: 0, d: 0, e: 0, f: [] + []}]);\n\
                   var m = [1, 2].map(function (x) { return x * 2; }).join('-');\n\
                   return [typeof ({}).x, typeof leak, a.length, 'p' + 1 + {} + 'q', l, m].join(' ');",
            kind: ScriptKind::Panel,
        },
    ];
    let program = engine.compile(&src).unwrap();
    for _ in 0..3 {
        assert_eq!(program.run("tamper", OfflineContext::default()).unwrap().value, Value::Number(2.0));
        let fresh = program.run("check", OfflineContext::default()).unwrap();
        let literals = r#"[{"a":7,"b":8,"c":9,"d":10,"e":11,"f":12},{"a":0,"b":0,"c":0,"d":0,"e":0,"f":""}]"#;
        assert_eq!(fresh.value, Value::from(format!("undefined undefined 1 p1[object Object]q {literals} 2-4")));
        let mut session = program.session();
        session.run("tamper", OfflineContext::default()).unwrap();
        assert_eq!(session.run("check", OfflineContext::default()).unwrap().value, fresh.value);
        session.run("tamper", OfflineContext::default()).unwrap();
        drop(session);
        assert_eq!(program.run("check", OfflineContext::default()).unwrap().value, fresh.value);
    }
}

/// Objects a run imports (bot variables) reuse the buffers of the objects
/// earlier runs imported with the same names (runtime.rs
/// `imported_spares`): what a run did to its copy, or the order of another
/// object's names, never shows in the next run's.
#[test]
fn imported_objects_are_fresh_every_run() {
    let engine = Engine::new(Limits::default()).unwrap();
    let program = engine
        .compile(&panel(
            "var d = botContext.getBotVariable('data'), e = botContext.getBotVariable('other');\n\
             var s = JSON.stringify([d, e]) + ' ' + Object.keys(e).join();\n\
             d.x = 1; delete d.a; d.b.c = 'changed'; d.b.n = null; e.a = 2; e[1] = 3;\n\
             Object.defineProperty(e, '2', {value: 4, enumerable: true, writable: true, configurable: true});\n\
             return s;",
        ))
        .unwrap();
    let object = |pairs: &[(&str, Value)]| {
        Value::Object(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<Vec<_>>().into())
    };
    let data = object(&[("a", Value::from("one")), ("b", object(&[("c", Value::Number(2.0))]))]);
    // Index names come first (ES2015 §9.1.12): the same names as `data`
    // in another order, and an object whose stored order differs.
    // The second has the names the panel leaves in its copy of the first:
    // `e[1] = 3` inserts an index name in order, `defineProperty` adds one
    // at the end; imported afresh, index names order first.
    let other = [
        object(&[("b", object(&[("c", Value::Number(5.0))])), ("a", Value::Null)]),
        object(&[("1", Value::Number(8.0)), ("b", Value::Number(7.0)), ("a", Value::Null), ("2", Value::Number(9.0))]),
        object(&[("a", Value::Bool(true)), ("1", Value::Number(1.0))]),
        object(&[("1", Value::Number(4.0)), ("a", Value::Bool(false))]),
    ];
    let want = [
        r#"[{"a":"one","b":{"c":2}},{"b":{"c":5},"a":null}] b,a"#,
        r#"[{"a":"one","b":{"c":2}},{"1":8,"2":9,"b":7,"a":null}] 1,2,b,a"#,
        r#"[{"a":"one","b":{"c":2}},{"1":1,"a":true}] 1,a"#,
        r#"[{"a":"one","b":{"c":2}},{"1":4,"a":false}] 1,a"#,
    ];
    let context = |e: &Value| {
        let mut ctx = OfflineContext::default();
        ctx.variables.push(("data".into(), data.clone(), cbot_host::Scope::Session));
        ctx.variables.push(("other".into(), e.clone(), cbot_host::Scope::Session));
        ctx
    };
    let mut session = program.session();
    for round in 0..2 {
        for (e, want) in other.iter().zip(want) {
            let r = session.run("panel", context(e)).unwrap();
            assert_eq!(r.value, Value::from(want), "round {round}, session");
            let r = program.run("panel", context(e)).unwrap();
            assert_eq!(r.value, Value::from(want), "round {round}, fresh");
        }
    }
}

/// A big value the runs of a store import again and again (a bot reading
/// the same stored object every turn) is kept in the heap between runs
/// (runtime.rs `Region`): whatever a run does to the objects it got, the
/// next run's are as imported, and a run costs the same fuel and heap
/// quota whether it imports the value or takes the kept objects.
#[test]
fn a_value_imported_every_run_stays_as_imported() {
    let object = |pairs: Vec<(&str, Value)>| {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>().into())
    };
    let item = |n: usize| {
        object(vec![
            ("id", Value::Number(n as f64)),
            ("name", Value::from(format!("item {n}"))),
            ("tags", Value::array(vec![Value::from("a"), Value::from(format!("t{n}"))])),
            ("inner", object(vec![("x", Value::Number(n as f64)), ("on", Value::Bool(n.is_multiple_of(2)))])),
        ])
    };
    let data = || object(vec![("title", Value::from("t")), ("items", Value::array((0..4).map(item).collect()))]);
    let original = r#"{"title":"t","items":[{"id":0,"name":"item 0","tags":["a","t0"],"inner":{"x":0,"on":true}},{"id":1,"name":"item 1","tags":["a","t1"],"inner":{"x":1,"on":false}},{"id":2,"name":"item 2","tags":["a","t2"],"inner":{"x":2,"on":true}},{"id":3,"name":"item 3","tags":["a","t3"],"inner":{"x":3,"on":false}}]}"#;
    let changes = [
        ("set", "d.items[0].name = 'changed'; d.title = 1;"),
        ("add", "d.items[1].extra = 1; d.items[2].inner.y = {};"),
        ("delete", "delete d.items[2].inner.x; delete d.title;"),
        ("push", "d.items[3].tags.push('c'); d.items.pop();"),
        ("swap", "var t = d.items[0]; d.items[0] = d.items[1]; d.items[1] = t;"),
        ("sort", "d.items.sort(function (a, b) { return b.id - a.id; }); d.items[0].tags.reverse();"),
        ("freeze", "Object.freeze(d.items[0]); Object.defineProperty(d, 'title', {enumerable: false});"),
        ("named", "d.items.extra = 'x'; d.items[1].tags.more = 2;"),
        ("swapped", "d.items[0].tags = d.items[1].tags; d.items[2].inner = d;"),
        ("accessor", "Object.defineProperty(d.items[1], 'name', {get: function () { return 'got'; }});"),
        (
            "twice",
            "var e = botContext.getBotVariable('data'); e.title = 'e'; e.items[0].id = 9;\n\
                   if (d === e || d.items === e.items || d.title !== 't' || d.items[0].id !== 0) throw new Error('shared');\n\
                   d.title = e.title;",
        ),
    ];
    // What a panel returns: the data as JSON and what JSON leaves out.
    let show = "var shown = [Object.isFrozen(d.items[0]), d.items.extra, d.items[1].tags.more, Object.keys(d).join('+'),\n\
                typeof Object.getOwnPropertyDescriptor(d.items[1], 'name').get, d.items[0].tags === d.items[1].tags];\n\
                try { return JSON.stringify(d) + ' ' + shown.join(); } catch (e) { return e.name + ' ' + shown.join(); }";
    let read = format!("var d = botContext.getBotVariable('data');\n{show}");
    let mut src = vec![
        ScriptSource { name: "read", text: &read, kind: ScriptKind::Panel },
        ScriptSource { name: "id", text: "return botContext.getBotVariable('data').id;", kind: ScriptKind::Panel },
    ];
    let bodies: Vec<String> = changes
        .iter()
        .map(|(_, change)| format!("var d = botContext.getBotVariable('data');\n{change}\n{show}"))
        .collect();
    for ((name, _), body) in changes.iter().zip(&bodies) {
        src.push(ScriptSource { name, text: body, kind: ScriptKind::Panel });
    }
    let engine = Engine::new(Limits::default()).unwrap();
    let program = engine.compile(&src).unwrap();
    let shared = data();
    let context = |v: &Value| {
        let mut ctx = OfflineContext::default();
        ctx.variables.push(("data".into(), v.clone(), cbot_host::Scope::Session));
        ctx
    };
    let first = program.run("read", context(&shared)).unwrap();
    assert_eq!(first.value, Value::from(format!("{original} false,,,title+items,undefined,false")));
    let mut session = program.session();
    for (name, _) in changes {
        // Two runs import the value (the second keeps it), the change runs
        // on the kept objects, and the next run gets them as imported.
        for _ in 0..2 {
            let r = session.run("read", context(&shared)).unwrap();
            assert_eq!((&r.value, r.fuel), (&first.value, first.fuel), "{name}: session, before");
            let r = program.run("read", context(&shared)).unwrap();
            assert_eq!((&r.value, r.fuel), (&first.value, first.fuel), "{name}: program, before");
        }
        let changed = session.run(name, context(&shared)).unwrap();
        assert_eq!(changed.error, None, "{name}");
        assert_ne!(changed.value, first.value, "{name}");
        // The same change on a fresh import: the same result.
        let mut fresh = OfflineContext::default();
        fresh.variables.push(("data".into(), data(), cbot_host::Scope::Session));
        assert_eq!(program.session().run(name, fresh).unwrap().value, changed.value, "{name}");
        assert_eq!(program.run(name, context(&shared)).unwrap().value, changed.value, "{name}: program");
        for _ in 0..2 {
            let r = session.run("read", context(&shared)).unwrap();
            assert_eq!((&r.value, r.fuel), (&first.value, first.fuel), "{name}: session, after");
            let r = program.run("read", context(&shared)).unwrap();
            assert_eq!((&r.value, r.fuel), (&first.value, first.fuel), "{name}: program, after");
        }
    }
    // Another value (equal, or not) is imported, not taken for the kept one.
    let mut other = OfflineContext::default();
    other.variables.push(("data".into(), item(7), cbot_host::Scope::Session));
    let r = session.run("id", other).unwrap();
    assert_eq!(r.value, Value::Number(7.0));
    assert_eq!(session.run("read", context(&data())).unwrap().value, first.value);
    // The heap quota: a run that fills it stops at the same place whether
    // it imported the value or took the kept objects.
    let fill = "var d = botContext.getBotVariable('data'), a = [];\n\
                for (var i = 0; ; i++) { a.push({k: i, d: d}); if (i % 50 == 0) botContext.printDebugMessage(i); }";
    let limits = Limits { heap_bytes: 64 << 10, ..Limits::default() };
    let program = Engine::new(limits)
        .unwrap()
        .compile(&[
            ScriptSource { name: "read", text: &read, kind: ScriptKind::Panel },
            ScriptSource { name: "fill", text: fill, kind: ScriptKind::Panel },
        ])
        .unwrap();
    let mut session = program.session();
    let mut filled = Vec::new();
    for _ in 0..4 {
        let r = session.run("fill", context(&shared)).unwrap();
        assert_eq!(r.error, Some(RunError::Limit(Limit::Heap)));
        filled.push((r.transcript.calls.len(), r.fuel));
        // A run that completes keeps the value for the next.
        assert_eq!(session.run("read", context(&shared)).unwrap().value, first.value);
    }
    assert!(filled.iter().all(|f| *f == filled[0]), "{filled:?}");
}

#[test]
fn the_clock_is_injected() {
    let mut engine = Engine::new(Limits::default()).unwrap();
    engine.set_clock(std::sync::Arc::new(|| 1_700_000_000_000.0));
    let program = engine
        .compile(&panel("var d = new Date();\nreturn [d.getTime(), Date.now(), d.toISOString()].join(' ');"))
        .unwrap();
    let r = program.run("panel", OfflineContext::default()).unwrap();
    assert_eq!(r.value, Value::from("1700000000000 1700000000000 2023-11-14T22:13:20.000Z"));
}

/// `Engine::set_time_zone`: local Date fields, `getTimezoneOffset`, the
/// string form and local parsing follow the offset. Expected values are
/// node's with `TZ=Etc/GMT-2` (UTC+2).
#[test]
fn the_time_zone_is_a_setting() {
    let mut engine = Engine::new(Limits::default()).unwrap();
    engine.set_time_zone(120);
    let program = engine.compile(&panel(include_str!("../data/scripts/time-zone.js"))).unwrap();
    let r = program.run("panel", OfflineContext::default()).unwrap();
    let want = serde_json::json!([
        1,
        8,
        5,
        -120,
        23,
        "Fri Mar 08 2024 01:30:00 GMT+0200 (GMT+02:00)",
        "2024-03-07T23:30:00.000Z",
        "2024-02-01T08:00:00.000Z",
        1_709_798_400_000_i64,
        1_709_762_400_000_i64
    ]);
    assert!(same(&want, &r.value.to_json()), "{:?}", r.value.to_json());
}

/// The host objects of JS-USAGE §3.1 have CB's Java-style methods:
/// locations (`getCityName()`…), entities (`getPhrase()`, `getDataValue()`)
/// and a whole context-service namespace as a map (`keySet()`, `get()`,
/// `size()`, `map[key]`).
#[test]
fn host_objects_have_their_methods() {
    let mut ctx = OfflineContext::default();
    ctx.user.set_location("Austin", "TX", "78701", 30.27, -97.74);
    ctx.user.add_entity("color", "dark red", "red");
    let script = "var loc = botContext.getUserLocation();
        var e = botContext.getNamedEntities('color');
        botContext.registerContextNamespace('shop');
        botContext.setContextDataForConversation('shop', 'cart', '2 items');
        botContext.setContextDataForConversation('shop', 'total', 12);
        var m = botContext.getContextDataForConversation('shop');
        return [loc.getCityName(), loc.getState(), loc.getZipCode(), loc.getLatitude(), loc.getLongitude(),
                e.length, e[0].getPhrase(), e[0].getDataValue(), typeof e[0].getPhrase,
                m.keySet().join(','), m.get('cart'), m['total'], m.size(), m.containsKey('nope'), m.toString()];";
    let program = Engine::new(Limits::default()).unwrap().compile(&panel(script)).unwrap();
    let r = program.run("panel", ctx).unwrap();
    assert!(r.error.is_none(), "{:?}", r.error);
    assert_eq!(
        r.value.to_json(),
        serde_json::json!([
            "Austin",
            "TX",
            "78701",
            30.27,
            -97.74,
            1,
            "dark red",
            "red",
            "function",
            "cart,total",
            "2 items",
            12,
            2,
            false,
            "{cart=2 items, total=12}"
        ])
    );
}

#[test]
fn js_errors_carry_name_and_position() {
    let r = run("botContext.printDebugMessage('a');\nvar o;\nreturn o.x;");
    match r.error {
        Some(RunError::Js { error, at }) => {
            assert_eq!(error.name, "TypeError");
            assert_eq!(error.message, "Cannot read property 'x' of undefined");
            assert_eq!(at, (0, 42));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(r.transcript.calls.len(), 1);
}

/// The bounds this version added hold and are catchable errors: JSON.parse
/// nesting (512 levels, so a hostile payload cannot exhaust the host's
/// stack) and the length of an array-like `apply` list (65,536).
#[test]
fn json_nesting_and_apply_lengths_are_bounded() {
    let r = run("var deep = '';\n\
                 for (var i = 0; i < 600; i++) deep += '[';\n\
                 for (var i = 0; i < 600; i++) deep += ']';\n\
                 var out = [JSON.parse(deep.slice(100, 1100)).length];\n\
                 try { JSON.parse(deep); out.push('parsed'); } catch (e) { out.push(e.name, e.message); }\n\
                 function f() { return arguments.length; }\n\
                 out.push(f.apply(null, { length: 65536 }));\n\
                 try { f.apply(null, { length: 65537 }); out.push('applied'); } catch (e) { out.push(e.name); }\n\
                 return out;");
    assert!(r.error.is_none(), "{:?}", r.error);
    let Value::Array(out) = &r.value else { panic!("{:?}", r.value) };
    assert_eq!(out[0], Value::Number(1.0), "500 levels parse");
    assert_eq!(out[1], Value::from("SyntaxError"));
    let Value::String(message) = &out[2] else { panic!("{:?}", out[2]) };
    assert!(message.contains("deeper than 512 levels at position 513"), "{message}");
    assert_eq!(out[3], Value::Number(65536.0));
    assert_eq!(out[4], Value::from("RangeError"));
}

#[test]
fn unsupported_syntax_is_a_coded_diagnostic() {
    let engine = Engine::new(Limits::default()).unwrap();
    for (src, code) in [
        ("class A {}", "S010"),
        ("with (x) {}", "S010"),
        // ES2015 gives each iteration its own `i`; cbot's bindings are
        // function-scoped, so capturing one is refused, not miscompiled.
        ("var fs = [];\nfor (let i = 0; i < 3; i++) { fs.push(function () { return i; }); }", "S020"),
        ("while (true) { try { break; } finally { x(); } }", "S020"),
        ("var f = async function () {};", "S010"),
        ("var x = ;", "S001"),
        ("function* g() {}", "S010"),
    ] {
        match engine.compile(&panel(src)) {
            Err(cbot_script::Error::Compile(d)) => assert_eq!(d[0].code, code, "{src}: {d:?}"),
            Err(e) => panic!("{src}: {e}"),
            Ok(_) => panic!("{src}: compiled"),
        }
    }
}

/// The generated code for a few scripts, like wasmtime's disassembly tests:
/// a change in the code generator shows up as a diff (`CBOT_BLESS=1`).
#[test]
fn generated_wat_snapshots() {
    let mut failures = Vec::new();
    let files = crate::util::data_files("tests/data/wat", "js");
    assert!(!files.is_empty());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let wat = Engine::wat(&panel(&text)).unwrap();
        if let Err(e) = compare_or_bless(&path.with_extension("wat"), &wat) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// How many of the sample bots' scripts this version compiles (the rest
/// need part-2 features; the counts must not go down).
#[test]
fn fixture_scripts_compile_report() {
    let engine = Engine::new(Limits::default()).unwrap();
    let (mut total, mut ok) = (0, 0);
    let mut report = Vec::new();
    for path in crate::util::cb_exports() {
        let mut sources = cbot_diag::SourceMap::new();
        let loaded = cbot_model::load(&mut sources, "bot.json", std::fs::read(&path).unwrap());
        let bot = loaded.bot.unwrap();
        let globals = bot.global_functions.as_ref().and_then(|g| g.methods.clone());
        for it in &bot.interactions {
            for (key, code) in it.code_panels() {
                total += 1;
                let mut src = vec![ScriptSource { name: "panel", text: code, kind: ScriptKind::Panel }];
                if let Some(g) = &globals {
                    src.push(ScriptSource { name: "globals", text: g, kind: ScriptKind::Globals });
                }
                match engine.compile(&src) {
                    Ok(_) => ok += 1,
                    Err(cbot_script::Error::Compile(d)) => report.push(format!(
                        "{}: {} {key}: {} {}",
                        path.file_name().unwrap().to_string_lossy(),
                        it.display_name(),
                        d[0].code,
                        d[0].message
                    )),
                    Err(e) => panic!("{e}"),
                }
            }
        }
    }
    eprintln!("fixture code panels compiled: {ok} of {total}\n{}", report.join("\n"));
    assert_eq!(total, 34);
    assert!(ok >= MIN_FIXTURE_PANELS, "{ok} of {total} compile; expected at least {MIN_FIXTURE_PANELS}");
}

/// Panels of the sample bots that compile today (raise it as part 2 lands).
const MIN_FIXTURE_PANELS: usize = 34;

/// The groups of the differential suite: one directory of tests/data/js
/// each, per built-in or language feature, with what it covers (the
/// conformance report's rows, in this order).
const GROUPS: &[(&str, &str)] = &[
    ("literals", "literals, typeof, template literals"),
    ("operators", "arithmetic, concatenation, comparison, logical, bitwise, compound assignment"),
    ("statements", "var/let/const, hoisting, if, loops, labels, switch, for-in"),
    ("functions", "declarations, expressions, closures, arrows, this, new, prototypes"),
    ("errors", "throw, try/catch/finally, error objects, runtime TypeErrors"),
    ("object", "Object built-ins, property access, delete, in"),
    ("array", "Array built-ins"),
    ("string", "String built-ins"),
    ("regexp", "RegExp and the String methods that take one"),
    ("number", "Number built-ins, conversions, parseInt/parseFloat"),
    ("math", "Math"),
    ("json", "JSON.parse and JSON.stringify"),
    ("date", "Date"),
    ("global", "global functions (URI coding, isNaN, …)"),
    ("botcontext", "botContext calls from typical bot code"),
];

/// One program of the differential suite.
struct Program {
    group: String,
    path: std::path::PathBuf,
    text: String,
    /// `//! differs: why`: a known difference from node (docs/known-differences.md);
    /// the program must NOT agree with node, so the entry goes stale loudly.
    differs: Option<String>,
}

fn differential_programs() -> Vec<Program> {
    let mut programs = Vec::new();
    for (group, _) in GROUPS {
        let dir = format!("tests/data/js/{group}");
        if !root().join(&dir).is_dir() {
            continue;
        }
        for path in crate::util::data_files(&dir, "js") {
            let text = std::fs::read_to_string(&path).unwrap();
            let differs = directives(&text).find(|(k, _)| *k == "differs").map(|(_, v)| v.to_string());
            programs.push(Program { group: group.to_string(), path, text, differs });
        }
    }
    // Every directory is a known group: a misspelt one would silently not run.
    for entry in std::fs::read_dir(root().join("tests/data/js")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(GROUPS.iter().any(|g| g.0 == name), "tests/data/js/{name} is not a group of GROUPS");
    }
    programs
}

/// The `//! key: value` lines at the top of a program.
fn directives(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .take_while(|l| l.starts_with("//!"))
        .filter_map(|l| l.trim_start_matches("//!").split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
}

/// Runs every program of tests/data/js in node and in cbot; the botContext
/// transcripts, return values and error names must be identical, except for
/// the programs marked `//! differs:`, which must differ. Writes the
/// per-group counts to docs/conformance.md (`CBOT_BLESS=1` regenerates it;
/// otherwise a stale report fails the test).
#[test]
fn differential_against_node() {
    let node = Command::new("node").arg("--version").output();
    assert!(node.is_ok_and(|o| o.status.success()), "node is needed for the differential suite (.ci/run installs it)");
    let programs = differential_programs();
    assert!(programs.len() >= 100, "{} programs", programs.len());
    let engine = Engine::new(Limits::default()).unwrap();
    // Offline, local time is UTC (Date methods); node must agree.
    let out = Command::new("node")
        .env("TZ", "UTC")
        .arg(root().join("tests/js/run.js"))
        .args(programs.iter().map(|p| &p.path))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), programs.len());
    let mut failures = Vec::new();
    // group -> (programs, agree, known differences)
    let mut counts: Vec<(usize, usize, usize)> = vec![(0, 0, 0); GROUPS.len()];
    // Compiling is the slow part (debug builds of cranelift): spread the
    // programs over the machine's cores.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = programs.len().div_ceil(threads);
    let verdicts: Vec<Result<(), String>> = std::thread::scope(|s| {
        let workers: Vec<_> = programs
            .chunks(chunk)
            .zip(lines.chunks(chunk))
            .map(|(ps, ls)| {
                let engine = &engine;
                s.spawn(move || {
                    ps.iter()
                        .zip(ls)
                        .map(|(p, line)| {
                            let want: serde_json::Value = serde_json::from_str(line).unwrap();
                            match cbot_json(engine, &p.text) {
                                Ok(got) if same(&want, &got) => Ok(()),
                                Ok(got) => Err(format!("\n  node: {want}\n  cbot: {got}")),
                                Err(e) => Err(format!(" {e}")),
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    for (p, agree) in programs.iter().zip(verdicts) {
        let row = &mut counts[GROUPS.iter().position(|g| g.0 == p.group).unwrap()];
        row.0 += 1;
        match (agree, &p.differs) {
            (Ok(()), None) => row.1 += 1,
            (Err(_), Some(_)) => row.2 += 1,
            (Err(e), None) => failures.push(format!("{}:{e}", rel(&p.path))),
            (Ok(()), Some(why)) => failures.push(format!(
                "{}: marked `differs: {why}` but now agrees with node: drop the mark and its entry in \
                 docs/known-differences.md",
                rel(&p.path)
            )),
        }
    }
    assert!(failures.is_empty(), "{} of {} programs differ:\n{}", failures.len(), programs.len(), failures.join("\n"));
    let report = conformance_report(&counts, &programs);
    if let Err(e) = compare_or_bless(&root().join("docs/conformance.md"), &report) {
        panic!("docs/conformance.md is stale (regenerate: CBOT_BLESS=1 cargo test --test all differential): {e}");
    }
}

fn conformance_report(counts: &[(usize, usize, usize)], programs: &[Program]) -> String {
    let mut out = String::from(
        "# Conformance of the script engine\n\n\
         Generated by `CBOT_BLESS=1 cargo test --test all differential`: do not edit by hand.\n\n\
         Every program in `tests/data/js/<group>/` runs in node (the reference, `tests/js/run.js`) and in\n\
         cbot against the same recording `botContext`; a program *agrees* when the botContext transcript,\n\
         the return value and the thrown error's name are identical. A *known difference* is a program\n\
         that is marked `//! differs:` and must keep differing; each is explained in\n\
         [known-differences.md](known-differences.md).\n\n\
         | group | covers | programs | agree | known differences |\n|---|---|---:|---:|---:|\n",
    );
    let mut total = (0, 0, 0);
    for ((group, covers), (n, ok, differs)) in GROUPS.iter().zip(counts) {
        out.push_str(&format!("| {group} | {covers} | {n} | {ok} | {differs} |\n"));
        total = (total.0 + n, total.1 + ok, total.2 + differs);
    }
    out.push_str(&format!("| **all** | | **{}** | **{}** | **{}** |\n", total.0, total.1, total.2));
    let marked: Vec<&Program> = programs.iter().filter(|p| p.differs.is_some()).collect();
    if !marked.is_empty() {
        out.push_str("\n## Known differences\n\n");
        for p in marked {
            out.push_str(&format!("- `{}`: {}\n", rel(&p.path), p.differs.as_deref().unwrap_or_default()));
        }
    }
    out
}

/// Runs a program the way tests/js/run.js does and returns the same JSON.
fn cbot_json(engine: &Engine, text: &str) -> Result<serde_json::Value, String> {
    let mut ctx = OfflineContext::default();
    for (k, v) in directives(text) {
        match k {
            "channel" => ctx.channel = v.to_string(),
            "user-message" => ctx.user_message = v.to_string(),
            "differs" => {}
            other => return Err(format!("unknown directive {other}")),
        }
    }
    let program = engine.compile(&panel(text)).map_err(|e| match e {
        cbot_script::Error::Compile(d) => {
            format!("does not compile: {} {} at {:?}", d[0].code, d[0].message, d[0].span)
        }
        other => other.to_string(),
    })?;
    let run = program.run("panel", ctx).map_err(|e| e.to_string())?;
    let error = match &run.error {
        None => serde_json::Value::Null,
        Some(RunError::Js { error, .. }) => serde_json::json!({"name": error.name}),
        Some(other) => return Err(format!("run failed: {other}")),
    };
    let value = if run.error.is_some() { serde_json::Value::Null } else { run.value.to_json() };
    Ok(serde_json::json!({"calls": run.transcript.to_json(), "return": value, "error": error}))
}

/// JSON equality with numbers compared as f64 (node prints `1e+21`,
/// serde `1e21`) and error objects compared by name only.
fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (a, b) {
        (J::Number(x), J::Number(y)) => x.as_f64() == y.as_f64(),
        (J::Array(x), J::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (J::Object(x), J::Object(y)) => {
            if x.contains_key("name") && x.contains_key("message") {
                return x.get("name") == y.get("name");
            }
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn fixtures_dir_is_used() {
    // The fixture helper must point at real data (guards the report above).
    assert!(fixtures().join("cb-samples/go-back-bot.json").is_file());
}
