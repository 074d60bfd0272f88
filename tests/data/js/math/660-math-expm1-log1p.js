function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [0, -0, 1e-10, -1e-10, 1, -1, 10, -Infinity, Infinity, NaN, -2];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(show(Math.expm1(xs[i])) + "|" + show(Math.log1p(xs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
