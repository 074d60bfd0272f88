// Nests of object and array literals whose values are constants or at most
// three other expressions are made in one operation after those values are
// evaluated (compile.rs `tree_literal`): evaluation order, function names,
// fresh objects on every evaluation, a throw part way, nests too big for
// one operation, holes, accessors and computed keys inside.
var log = [];
function at(x) { log.push("eval " + JSON.stringify(x)); return x; }
var out = [];
var url = "https://shop.example.com", id = 7;
function tile(i) {
  return {
    type: "vertical",
    elements: [
      { type: "image", url: at(url + "/p/" + i), click: { actions: [{ type: "link", uri: at(url + "?v=" + id), target: "blank" }] } },
      { type: "text", style: { bold: true, size: "large" }, text: "t" + i, tooltip: null }
    ]
  };
}
var a = tile(1), b = tile(1);
out.push(JSON.stringify(a));
out.push(a === b, a.elements === b.elements, a.elements[1].style === b.elements[1].style);
a.elements[1].style.bold = false;
a.elements.push(1);
out.push(JSON.stringify(b.elements[1].style), b.elements.length, a.elements.length);
// Anonymous functions take their property's name, also deep in a nest.
var fns = { outer: { f: function () {}, g: [function () {}] }, h: function () {} };
out.push(fns.outer.f.name, fns.outer.g[0].name, fns.h.name);
// Four and more values: the inner literals are nests of their own.
var big = { a: at(1), b: { c: at(2), d: [at(3), at(4)] }, e: at(5), f: "k" };
out.push(JSON.stringify(big));
// A throw among the values: nothing is made, what ran stays done.
var caught;
try {
  var half = { x: at("x"), y: { z: (function () { throw new Error("stop"); })() }, w: at("w") };
} catch (e) { caught = e.message; }
out.push(caught, typeof half);
// Literals that cannot join a nest are values in it.
var getter = { p: { get q() { log.push("get q"); return 9; } }, r: [1, , 3], s: { ["k" + id]: 1 } };
out.push(getter.p.q, getter.r.length, getter.r.join("-"), JSON.stringify(getter.s));
var dup = { n: { a: 1, a: 2 }, m: [{ 0: "zero", x: 1 }] };
out.push(JSON.stringify(dup));
// Constants of every kind, negative numbers and nested empties.
var consts = { s: "", n: -1.5, z: 0, t: true, f: false, u: null, e: [], o: {}, ee: [[]], v: undefined };
out.push(JSON.stringify(consts), Object.keys(consts).join(","));
// More literals than one nest holds (16): the outer ones are made on their own.
var deep = {a: [{b: {c: [1, {d: {e: [{f: {g: [2, {h: {i: [{j: {k: [3, {l: {m: "bottom"}}]}}]}}]}}]}}]}}]};
out.push(JSON.stringify(deep), deep.a[0].b.c[1].d.e[0].f.g[1].h.i[0].j.k[1].l.m);
// In a loop, each evaluation is a new nest.
var list = [];
for (var i = 0; i < 3; i++) { list.push({ i: i, tags: ["a", "b"], meta: { n: i * 2 } }); }
list[0].tags.push("c");
out.push(JSON.stringify(list));
botContext.sendMessage(out.join(" | "));
botContext.sendMessage(log.join(","));
