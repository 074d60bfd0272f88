function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var vals = [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, -3.5, 0.49999999999999994, -0.49999999999999994, 2.4999, -2.5000001, -0.2, -0, 4503599627370495.5, 4503599627370497, 1e21, -1e21, NaN, -Infinity, "2.5", null];
var out = [];
for (var i = 0; i < vals.length; i++) out.push(show(Math.round(vals[i])));
botContext.printDebugMessage(out.join(" "));
return out;
