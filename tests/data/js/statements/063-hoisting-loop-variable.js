for (var i = 0; i < 3; i++) {
  botContext.printDebugMessage("loop " + i);
}
botContext.printDebugMessage("after " + i);
botContext.printDebugMessage(String(count));
var count;
botContext.printDebugMessage(String(count));
count = i * 2;
return count;
