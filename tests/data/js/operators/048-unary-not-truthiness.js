var values = [0, 1, -1, "", "0", " ", "false", null, undefined, NaN, [], {}, Infinity];
var out = [];
var i;
for (i = 0; i < values.length; i++) {
  out.push(!values[i]);
}
botContext.printDebugMessage(out.join(","));
return out;
