function f() {
  var before = typeof v;
  var v = "set";
  return before + "/" + v;
}
function g(flag) {
  if (flag) {
    var w = "inside";
  }
  return w;
}
botContext.printDebugMessage(f());
botContext.printDebugMessage(String(g(true)));
botContext.printDebugMessage(String(g(false)));
return g(false) === undefined;
