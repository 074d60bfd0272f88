botContext.printDebugMessage(String(1 / 3));
botContext.printDebugMessage(String(2 / 3));
botContext.printDebugMessage(String(10 / 4));
botContext.printDebugMessage(String(1 / 0));
botContext.printDebugMessage(String(-1 / 0));
botContext.printDebugMessage(String(0 / 0));
return 22 / 7;
