var a = 0.1 + 0.2;
botContext.printDebugMessage(String(a));
botContext.printDebugMessage(String(a == 0.3));
botContext.printDebugMessage(String(0.3 - 0.1));
botContext.printDebugMessage(String(1.1 * 3));
botContext.printDebugMessage(String(0.5 + 0.25));
return a;
