// Object literals of plain distinct keys are built after all their values
// are evaluated, three values per operation (one to seven keys here, so
// every way the last operation can be partly filled); literals that must
// be built key by key (duplicates, index keys, __proto__, accessors) are
// not. Nothing may tell the two apart.
var r = [];
var n = 0;
function next() { n += 1; return n; }
var one = { a: next() };
var three = { a: next(), b: next(), c: next() };
var four = { a: next(), b: next(), c: next(), d: next() };
var five = { a: next(), "b c": next(), c: next(), d: next(), e: next() };
var seven = { g: 7, f: 6, e: 5, d: 4, c: 3, b: 2, a: 1 };
r.push(JSON.stringify([one, three, four, five, seven]), Object.keys(seven).join(""));
// Same keys, different order: different objects with their own order.
var x = { p: 1, q: 2 }, y = { q: 2, p: 1 };
r.push(Object.keys(x).join(""), Object.keys(y).join(""), x.p === y.p);
// A literal in a loop is a new object every time.
var made = [];
for (var i = 0; i < 3; i++) made.push({ i: i, sq: i * i, name: "n" + i, self: null });
made[0].self = made[0];
r.push(made[0] !== made[1], made[2].sq, made[0].self === made[0], made[1].self);
// Function values are named after their keys (ES2015 NamedEvaluation).
var fns = { alpha: function () { return 1; }, beta: function () {}, gamma: 3, delta: function () {} };
r.push(fns.alpha.name, fns.beta.name, fns.delta.name, fns.alpha());
// A value that throws: no object, and the values before it were evaluated.
var seen = [];
try {
  var broken = { a: seen.push("a"), b: seen.push("b"), c: seen.push("c"), d: undefined.x, e: seen.push("e") };
  r.push("no throw", broken);
} catch (e) {
  r.push(e.name, seen.join(""));
}
// Key by key: duplicates (the last wins, first place kept), index keys
// (first, ascending), __proto__, accessors.
var dup = { a: 1, b: 2, a: 3 };
var idx = { b: 1, 2: "two", a: 2, 1: "one" };
var proto = { __proto__: { inherited: true }, own: 1 };
var acc = { get v() { return 42; }, w: 1, x: 2, y: 3 };
r.push(JSON.stringify(dup), Object.keys(idx).join(","), proto.inherited, Object.keys(proto).join(","), acc.v);
// Nested literals and reads of reads (one operation for two reads).
var tree = { a: { b: { c: { d: "deep" } } }, list: [{ v: 1 }, { v: 2 }] };
var k = "b", j = 1;
r.push(tree.a.b.c.d, tree.a[k].c["d"], tree["list"][j].v, tree.list[0]["v"], tree.list.length);
// Reading through undefined names the key and the value, as one read would.
try { r.push(tree.a.missing.c); } catch (e) { r.push(e.name); }
try { r.push(tree.nope[j].v); } catch (e) { r.push(e.name); }
// A computed outer key with an effect is evaluated after the inner read.
var order = [];
var o2 = { get inner() { order.push("inner"); return { z: "zed" }; } };
function key() { order.push("key"); return "z"; }
r.push(o2.inner[key()], order.join(","));
// Getters on both reads of a read.
var g = { get a() { return { get b() { return "both"; } }; } };
r.push(g.a.b, "abc".length, "abc"[1], [1, 2, 3][2]);
botContext.printDebugMessage(r.length);
return r;
