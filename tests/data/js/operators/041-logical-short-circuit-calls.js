var count = 0;
function pick(v) {
  return v;
}
var a = false && botContext.printDebugMessage("never");
var b = true || botContext.printDebugMessage("never either");
var c = true && botContext.printDebugMessage("runs");
var d = null || botContext.getChannel();
count = pick(0) || pick(2);
botContext.printDebugMessage(String(a) + " " + String(b) + " " + String(c) + " " + d);
return count;
