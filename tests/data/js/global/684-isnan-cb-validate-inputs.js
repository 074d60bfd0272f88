//! user-message: 12a
var raw = botContext.getCurrentUserMessage();
function check(v) {
  if (v === null || v === undefined || String(v).trim() === "") return "empty";
  if (isNaN(v)) return "not numeric";
  if (!isFinite(v)) return "infinite";
  return "ok";
}
var inputs = [raw, "12", " ", "1e400", "-Infinity", "0x1A", "4,5", null, "7."];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(JSON.stringify(inputs[i]) + ":" + check(inputs[i]));
botContext.printDebugMessage(out.join(" "));
return out;
