function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var vals = [4, 2, 0, -0, -1, -Infinity, Infinity, NaN, 1e-300, 1e300, "9", "", null, [16], 0.25];
var out = [];
for (var i = 0; i < vals.length; i++) out.push(show(Math.sqrt(vals[i])));
botContext.printDebugMessage(out.join(" "));
return out;
