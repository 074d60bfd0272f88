// Reads of reads of reads (`a.b.c`, `list[i].items[j].id`) are one host
// operation when every key after the first is a constant or a plain local
// (at most two of them variables); nothing may tell that apart from one read
// at a time: values, missing links, errors, getters (and what they see),
// evaluation order.
var r = [];
var list = [
  { id: 1, items: [{ id: "a", tags: ["x", "y"] }, { id: "b", tags: [] }], meta: { deep: { deeper: { deepest: 9 } } } },
  { id: 2, items: [], meta: null },
];
var i = 0, j = 1, k = 0;
r.push(list[i].items[j].id, list[i].items[k].tags[j], list[i].items.length, list[1].items.length);
r.push(list[i].meta.deep.deeper.deepest, list[0]["meta"].deep["deeper"].deepest);
r.push(list[0].items[0].tags[0].length, "abc".length.toString().length);
// Nine keys: longer than one operation reads.
var nest = { a: { b: { c: { d: { e: { f: { g: { h: { i: { j: "ten" } } } } } } } } } };
r.push(nest.a.b.c.d.e.f.g.h.i.j, nest.a.b.c.d.e.f.g.h.i);
// Three variable keys (one more than an operation takes).
var m = [[[["corner"]]]];
var z = 0;
r.push(m[z][z][z][z], m[0][z][0][z], m[z][0][z][0].length);
// A missing link: undefined at the end, a TypeError in the middle, named
// after the key that could not be read.
r.push(list[1].meta === null, list[0].nope, list[0].items[5]);
try {
  r.push(list[1].meta.deep.deeper);
} catch (e) {
  r.push(e.name);
}
try {
  r.push(list[0].items[j].nothing.here.at.all);
} catch (e) {
  r.push(e.name);
}
// Getters on the way: each runs once, in order, on the object read from.
var log = [];
var g = {
  get first() { log.push("first"); return { get second() { log.push("second"); return { third: this === g ? "g" : "other" }; } }; },
};
r.push(g.first.second.third, log.join(","));
// A getter that changes a variable a later key reads: the key is evaluated
// after the read in JavaScript, so such a path is read one key at a time.
var shared = { idx: 0 };
var h = {
  get arr() { shared.idx = 1; return [["zero"], ["one"]]; },
};
r.push(h.arr[shared.idx][0]);
// The first key may have an effect: it is evaluated before any read.
var n = 0;
var rows = [[10, 11], [20, 21]];
r.push(rows[n++][n], n);
// Keys that are numbers read as their strings; the first key may be any
// expression, evaluated once.
var obj = { items: { id: "found", "2": "two" } };
var two = 2;
r.push(obj[["it", "ems"].join("")].id, obj.items[two], obj["ite" + "ms"][1 + 1]);
// Numeric keys as constants and as strings, negative zero, fractions.
var grid = { "0": { "1": { "-1": "neg", "1.5": "frac" } } };
r.push(grid[0][1][-1], grid["0"]["1"]["1.5"], grid[-0][1]["-1"], grid[0][1][1.5]);
// Reads from strings, arrays and functions on the way.
function fn() {}
fn.extra = { list: ["fn"] };
r.push("hello"[1].length, [["a", "b"]][0][1].length, fn.extra.list[0], fn.name.length);
// In a loop, the same path with new keys each time.
var sum = 0;
for (var a = 0; a < list.length; a++) {
  for (var b = 0; b < list[a].items.length; b++) sum += list[a].items[b].tags.length;
}
r.push(sum);
botContext.printDebugMessage(r.length);
return r;
