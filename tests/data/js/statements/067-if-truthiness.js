var values = ["", "0", 0, -0, NaN, null, undefined, [], {}, "false", 0.1];
var out = "";
var i;
for (i = 0; i < values.length; i++) {
  if (values[i]) {
    out += "T";
  } else {
    out += "F";
  }
}
botContext.printDebugMessage(out);
return out;
