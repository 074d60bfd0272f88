function describe(a, b, c) {
  return typeof a + "," + typeof b + "," + typeof c + " -> " + a + "/" + b + "/" + c;
}
botContext.printDebugMessage(describe());
botContext.printDebugMessage(describe(1));
botContext.printDebugMessage(describe(1, "two"));
botContext.printDebugMessage(describe(1, "two", null, "extra", 5));
return describe(undefined, 0, false);
