var s = "abcdefgh";
botContext.printDebugMessage(s.substr(2, 3));
botContext.printDebugMessage(s.substr(5));
botContext.printDebugMessage(s.substr(-3));
botContext.printDebugMessage(s.substr(-3, 2));
botContext.printDebugMessage(s.substr(-20, 2));
botContext.printDebugMessage("[" + s.substr(2, -1) + "]");
botContext.printDebugMessage("[" + s.substr(20) + "]");
return s.substr(0, 100);
