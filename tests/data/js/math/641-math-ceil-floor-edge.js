var vals = [1.5, -1.5, 0.2, -0.2, -0.5, 0, -0, 1e21 + 0.5, 4503599627370495.5, -4503599627370495.5, NaN, Infinity, -Infinity, "2.7", null, "", "abc"];
var out = [];
for (var i = 0; i < vals.length; i++) {
  var c = Math.ceil(vals[i]);
  var f = Math.floor(vals[i]);
  out.push(String(c) + (c === 0 && 1 / c < 0 ? "(-0)" : "") + "/" + String(f) + (f === 0 && 1 / f < 0 ? "(-0)" : ""));
}
botContext.printDebugMessage(out.join(" "));
return out;
