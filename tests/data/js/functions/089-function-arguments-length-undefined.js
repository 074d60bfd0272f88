function info(a, b) {
  return arguments.length + ":" + typeof arguments[0] + ":" + typeof arguments[2];
}
var u;
botContext.printDebugMessage(info());
botContext.printDebugMessage(info(u));
botContext.printDebugMessage(info(1, 2, 3));
botContext.printDebugMessage(info(null, u, "x"));
return info("a");
