var vals = [0, -0, 1, 1.5, -7, 1e300, NaN, Infinity, "5", null, true, 9007199254740992, 9007199254740991, 5.0];
var out = [];
for (var i = 0; i < vals.length; i++) {
  out.push(String(vals[i]) + ":" + Number.isInteger(vals[i]) + "/" + Number.isSafeInteger(vals[i]));
}
out.push(Number.isInteger());
botContext.printDebugMessage(out.join(" "));
return out;
