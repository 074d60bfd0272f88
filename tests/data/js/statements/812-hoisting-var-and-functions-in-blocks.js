var out = [];
out.push(typeof later, String(hoisted));
var hoisted = "now set";
function later() { return "declared later"; }
out.push(later(), hoisted);
for (var i = 0; i < 2; i++) { var inLoop = i * 10; }
out.push(i, inLoop);
if (false) { var neverAssigned = 1; }
out.push(neverAssigned === undefined);
function shadow() {
  out.push(typeof value);
  var value = "inner";
  return value;
}
var value = "outer";
out.push(shadow(), value);
return out;
