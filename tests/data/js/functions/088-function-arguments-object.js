function count() {
  return arguments.length;
}
function sum() {
  var total = 0;
  for (var i = 0; i < arguments.length; i++) {
    total += arguments[i];
  }
  return total;
}
function second(a) {
  return arguments[1];
}
botContext.printDebugMessage(String(count()));
botContext.printDebugMessage(String(count(1, 2, 3)));
botContext.printDebugMessage(String(sum(1, 2, 3, 4)));
botContext.printDebugMessage(String(sum(1, "2", 3)));
botContext.printDebugMessage(String(second(1)));
return second("a", "b", "c");
