var u;
var vals = [NaN, 0, "0", "", " ", "abc", "12px", "0x10", "1e3", null, u, true, [], [1], [1, 2], {}, Infinity, "-Infinity", new Date(0)];
var out = [];
for (var i = 0; i < vals.length; i++) out.push(isNaN(vals[i]) + "/" + isFinite(vals[i]));
out.push(isNaN(), isFinite());
botContext.printDebugMessage(out.join(" "));
return out;
