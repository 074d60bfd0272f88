function kind(v) {
  switch (v) {
    case 1: return "number one";
    case "1": return "string one";
    case true: return "true";
    case null: return "null";
    case undefined: return "undefined";
    case NaN: return "nan";
  }
  return "no match";
}
botContext.printDebugMessage(kind(1));
botContext.printDebugMessage(kind("1"));
botContext.printDebugMessage(kind(true));
botContext.printDebugMessage(kind(null));
botContext.printDebugMessage(kind());
botContext.printDebugMessage(kind(NaN));
botContext.printDebugMessage(kind(0));
botContext.printDebugMessage(kind([1]));
return kind(1.0);
