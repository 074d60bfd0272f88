var vals = [0, -0, 1.5, -2.25, 1e21, 1e-7, 123e-20, 0.1 + 0.2, NaN, -Infinity, 2e-7 * 5, 4294967296 * 4294967296];
var out = [];
for (var i = 0; i < vals.length; i++) {
  var v = vals[i];
  out.push("" + v + "|" + `${v}` + "|" + [v].join() + "|" + (v + "x").slice(0, -1));
}
botContext.printDebugMessage(out.join(" "));
return out;
