// JSON.stringify of plain data is written by a reader of the heap alone;
// anything special (a toJSON method, a Date, an Error, a cycle, deep
// nesting, an accessor or a hidden property anywhere in the run) is left to
// the general writer, which starts over. Both must write the same text,
// also when the special value comes after much plain data.
var r = [];
var plain = { s: "x\"y\\z\n", n: [0, -0, 1.5, -2e21, 1e-7, NaN, Infinity], b: [true, false, null],
  u: undefined, f: function () {}, nested: [[], {}, [[1], { a: [] }]], arr: [undefined, function () {}, 3] };
r.push(JSON.stringify(plain));
r.push(JSON.stringify("top"), JSON.stringify(42), JSON.stringify(null), JSON.stringify(undefined), JSON.stringify(function () {}));
// toJSON deep inside, after plain members, own and inherited.
function Money(c) { this.cents = c; }
Money.prototype.toJSON = function (key) { return key + ":" + (this.cents / 100).toFixed(2); };
var order = { id: 7, lines: [{ sku: "a", price: new Money(1250) }, { sku: "b", price: { toJSON: function () { return [1, 2]; } } }], total: new Money(99) };
r.push(JSON.stringify(order));
// Dates and errors among plain data.
var when = { at: new Date(Date.UTC(2024, 2, 7, 10, 30, 15)), list: [1, new Date(0)] };
r.push(JSON.stringify(when));
var failure = { ok: false, error: new TypeError("bad") };
r.push(JSON.stringify(failure));
// A cycle found after plain data: TypeError, nothing written.
var ring = { name: "ring", items: [1, 2, 3] };
ring.items.push({ back: ring });
try { r.push(JSON.stringify(ring)); } catch (e) { r.push(e.name); }
// Shared (not cyclic) values are written each time they appear.
var shared = { v: 1 };
r.push(JSON.stringify([shared, shared, { s: shared }]));
// Deep nesting (under the writers' limit of 512, see known-differences).
var deep = [];
for (var i = 0; i < 100; i++) deep = [deep];
r.push(JSON.stringify(deep).length);
var deeper = {};
for (var j = 0; j < 400; j++) deeper = { d: deeper };
try { JSON.stringify(deeper); r.push("deep written"); } catch (e) { r.push(e.name); }
// Same data with and without a replacer and an indent.
var data = { a: [1, { b: 2 }], c: "d" };
r.push(JSON.stringify(data), JSON.stringify(data, null, 2), JSON.stringify(data, function (k, v) { return v; }), JSON.stringify(data, ["a"]));
// A hidden property anywhere in the run: the general writer from then on.
var visible = { shown: 1 };
Object.defineProperty(visible, "hidden", { value: 2, enumerable: false });
r.push(JSON.stringify(visible), JSON.stringify(plain) === r[0]);
// And an accessor.
var acc = { get now() { return "got"; }, plain: 1 };
r.push(JSON.stringify(acc), JSON.stringify(plain) === r[0]);
botContext.printDebugMessage(r.length);
return r;
