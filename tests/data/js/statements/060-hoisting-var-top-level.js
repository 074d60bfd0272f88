botContext.printDebugMessage(String(x));
botContext.printDebugMessage(typeof x);
var x = 5;
botContext.printDebugMessage(String(x));
if (false) {
  var y = 1;
}
botContext.printDebugMessage(String(y));
return typeof y;
