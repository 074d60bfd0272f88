var s = "chat";
botContext.printDebugMessage(s.concat("bot"));
botContext.printDebugMessage(s.concat(" ", 1, true, null));
botContext.printDebugMessage(String(s.length));
botContext.printDebugMessage(s[0] + s[3]);
botContext.printDebugMessage(String(s[4]));
botContext.printDebugMessage(String("".length));
botContext.printDebugMessage(String("héllo wörld".length));
return s[s.length - 1];
