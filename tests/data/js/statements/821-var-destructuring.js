// `var` destructuring (ES2015) as newer bot code reads API results.
var order = { id: 42, customer: { name: "Ann", tier: "gold" }, lines: [{ sku: "A1", qty: 2 }, { sku: "B7", qty: 1 }] };
var { id, customer: { name, tier = "basic", email = "n/a" }, lines: [first, ...others] } = order;
var [a, , c = "dflt", d = "also"] = ["x", "skipped", undefined, null];
var { "weird key": wk, 0: zero } = { "weird key": 1, 0: "z" };
var [s0, s1] = "hi";
function pick(o) {
  var { title, price: cost = 0 } = o;
  return title + ":" + cost;
}
var r = [id, name, tier, email, first.sku, others.length, others[0].qty, a, c, d, wk, zero, s0 + s1,
  pick({ title: "tee" }), pick({ title: "cap", price: 9 })];
try { var { boom } = null; r.push("no error"); } catch (e) { r.push(e.name); }
var fns = [];
for (var i = 0; i < 2; i++) { var [v] = [i * 10]; fns.push(function () { return v; }); }
r.push(fns[0](), fns[1]());
var { f = function () {} } = {};
r.push(f.name);
botContext.printDebugMessage(JSON.stringify(r));
return r;
