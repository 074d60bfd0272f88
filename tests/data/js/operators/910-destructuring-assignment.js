// ES2015 destructuring assignment: swaps, property targets (object and key
// evaluated before the value is read), defaults, nested and rest patterns,
// computed keys; its value is the right-hand side; a declared function
// reassigned this way is called as its new value.
var a = 1, b = 2, o = {}, log = [];
[a, b] = [b, a];
var r1 = ([a, b] = [10, 20]);
function k(x) { log.push("k" + x); return x; }
function t() { log.push("t"); return o; }
[t()[k("p")], o.q = 5] = ["P"];
var x, y, z, rest, orest;
({x, y: [z = "dz"] = [], ...orest} = {x: "X", y: undefined, w: 1, v: 2});
[x, , ...rest] = "hello";
({[k("dyn")]: y = "dy"} = {});
var n = {};
({a: n.deep, b: n["other"]} = {a: "A", b: "B"});
function swap(arr) { [arr[0], arr[1]] = [arr[1], arr[0]]; return arr; }
var count = 0;
function f() { count++; return 1; }
[f] = [function () { return 2; }];
var called = f();
return [a, b, r1, o, x, y, z, rest, orest, n, swap([1, 2, 3]), log, called];
