var s = "conversation";
botContext.printDebugMessage(s.substring(0, 4));
botContext.printDebugMessage(s.substring(4));
botContext.printDebugMessage(s.substring(8, 4));
botContext.printDebugMessage(s.substring(-3, 3));
botContext.printDebugMessage(s.substring(5, 100));
botContext.printDebugMessage("[" + s.substring(3, 3) + "]");
botContext.printDebugMessage(s.substring(NaN, 2));
return s.substring(2, -1);
