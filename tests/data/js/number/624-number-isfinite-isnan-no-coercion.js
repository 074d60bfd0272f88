var vals = [1, NaN, Infinity, -Infinity, "1", "NaN", "abc", null, undefined, true, [], {}];
var out = [];
for (var i = 0; i < vals.length; i++) {
  out.push(Number.isFinite(vals[i]) + "/" + isFinite(vals[i]) + " " + Number.isNaN(vals[i]) + "/" + isNaN(vals[i]));
}
botContext.printDebugMessage(out.join(", "));
return out;
