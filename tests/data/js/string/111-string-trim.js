var s = "   padded text \t\n";
var t = s.trim();
botContext.printDebugMessage("[" + t + "]");
botContext.printDebugMessage(String(s.length) + " " + String(t.length));
botContext.printDebugMessage("[" + "   ".trim() + "]");
botContext.printDebugMessage("[" + "no-space".trim() + "]");
botContext.printDebugMessage("[" + "\u00a0nbsp\u00a0".trim() + "]");
return " a b ".trim();
