botContext.printDebugMessage(String(1 / 7));
botContext.printDebugMessage(String(100 / 3));
botContext.printDebugMessage(String(0.1 * 3));
botContext.printDebugMessage(String(1 - 0.9));
botContext.printDebugMessage(String(4.35 * 100));
botContext.printDebugMessage(String(1.005 * 1000));
botContext.printDebugMessage(String(5e-324));
botContext.printDebugMessage(String(5e-324 / 2));
return 0.1 * 0.1;
