var s = "JavaScript";
botContext.printDebugMessage(s.slice(0, 4));
botContext.printDebugMessage(s.slice(4));
botContext.printDebugMessage(s.slice(-6));
botContext.printDebugMessage(s.slice(-6, -3));
botContext.printDebugMessage("[" + s.slice(5, 2) + "]");
botContext.printDebugMessage(s.slice(2, -20) + "|" + s.slice(-100, 2));
return s.slice(-1);
