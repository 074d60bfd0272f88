function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [5.5, 5.05, 0.1, 1e40, -1e40, 1e-50, -0, NaN, 16777217, 3.4028234663852886e38, "1.1"];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(show(Math.fround(xs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
