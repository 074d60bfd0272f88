function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [3, -3, 0, -0, NaN, Infinity, -Infinity, "-2", "", null, 1e-300];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(show(Math.sign(xs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
