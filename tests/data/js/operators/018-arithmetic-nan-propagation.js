var n = NaN;
botContext.printDebugMessage(String(n + 1));
botContext.printDebugMessage(String(n * 0));
botContext.printDebugMessage(String(n - n));
botContext.printDebugMessage(String(n + "x"));
botContext.printDebugMessage(String(undefined * 2));
botContext.printDebugMessage(String(n ? "truthy" : "falsy"));
botContext.setBotVariable('n', n * 2, true, false);
return n;
