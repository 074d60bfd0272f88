function sum(a, b, c) { return a + b + (c || 0); }
var out = [sum.apply(null, { length: 2, 0: 1, 1: 2 }), sum.apply(null, { length: 3, 0: "a", 1: "b", 2: "c" })];
function fwd() { return sum.apply(null, arguments); }
out.push(fwd(1, 2, 3));
try { sum.apply(null, 5); out.push("no error"); } catch (e) { out.push(e.name); }
return out;
