function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [27, -27, 8, 2, 0, -0, 1e-300, NaN, -Infinity, 64.5];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(show(Math.cbrt(xs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
