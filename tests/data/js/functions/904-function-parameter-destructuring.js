// ES2015 destructuring parameters, with defaults for the whole pattern and
// inside it, bound in order (a later default reads an earlier parameter),
// and a destructured rest parameter.
function f({name, tags: [first] = ["none"]} = {}, [p, q] = [1, 2], ...[r, s]) {
  return [name, first, p, q, r, s];
}
var g = ({k = 7}) => k * 2;
function later({n}, m = n * 2) { return [n, m]; }
function uses({x}) { return [x, arguments.length, typeof arguments[0]]; }
var seen = [];
function order({a = seen.push("a")}, {b = seen.push("b")}) { return seen.join(""); }
var r = [
  f({name: "n", tags: ["t"]}), f(), f(undefined, [8]), f({}, [1, 2], 3, 4),
  g({}), g({k: 1}), later({n: 3}), later({n: 3}, 1), uses({x: 5}, 6), order({}, {}),
  f.length, g.length, later.length
];
try { f(null); } catch (e) { r.push(e.name); }
try { g(); } catch (e) { r.push(e.name); }
botContext.printDebugMessage(JSON.stringify(r));
return r;
