var xs = [1, 10, 1000, 0.001, 2, 8, 1024, 0.5, 0, -0, -1, Infinity, NaN, 1e-300, 3];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(String(Math.log10(xs[i])) + "|" + String(Math.log2(xs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
