function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [0, -0, 1, -1, 2, 10, 0.5, 710, -745, -Infinity, Infinity, NaN, -1e-300];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(show(Math.exp(xs[i])) + "|" + show(Math.log(xs[i])));
out.push(Math.log(Math.E), Math.log(100) / Math.LN10);
botContext.printDebugMessage(out.join(" "));
return out.map(String);
