var values = [0, "0", "", false, null, undefined, "a", 1];
var out = "";
var i;
var j;
for (i = 0; i < values.length; i++) {
  var row = "";
  for (j = 0; j < values.length; j++) {
    row += (values[i] == values[j]) ? "=" : ".";
    row += (values[i] === values[j]) ? "S" : "-";
  }
  botContext.printDebugMessage(row);
  out += row + "\n";
}
return out;
