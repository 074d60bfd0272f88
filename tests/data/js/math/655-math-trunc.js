function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [4.7, -4.7, 0.5, -0.5, -0, 1e21, NaN, -Infinity, "12.9", null, "x"];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(show(Math.trunc(xs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
