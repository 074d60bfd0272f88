var u;
var vals = [-2, 2, -0, 0, -Infinity, NaN, "-5", "x", null, u, [], [-3], [1, 2], true, -1e-300, " -7 "];
var out = [];
for (var i = 0; i < vals.length; i++) out.push(String(Math.abs(vals[i])));
out.push(1 / Math.abs(-0), String(Math.abs()));
botContext.printDebugMessage(out.join(" "));
return out.map(String);
