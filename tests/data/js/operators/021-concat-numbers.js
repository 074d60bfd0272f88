botContext.printDebugMessage("a" + 1 + 2);
botContext.printDebugMessage(1 + 2 + "a");
botContext.printDebugMessage("a" + (1 + 2));
botContext.printDebugMessage("1" + 2 * 3);
botContext.printDebugMessage("5" - 2 + "5");
botContext.printDebugMessage(1.5 + "0");
botContext.printDebugMessage("x" + -0);
botContext.printDebugMessage("x" + 1e21);
return "3" + 4 + 5;
