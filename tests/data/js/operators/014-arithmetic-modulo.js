botContext.printDebugMessage(String(10 % 3));
botContext.printDebugMessage(String(-10 % 3));
botContext.printDebugMessage(String(10 % -3));
botContext.printDebugMessage(String(5.5 % 2));
botContext.printDebugMessage(String(5 % 0));
botContext.printDebugMessage(String(-4 % 2));
botContext.printDebugMessage(String(1 / (-4 % 2)));
botContext.printDebugMessage(String(Infinity % 2) + " " + String(2 % Infinity));
return 7 % 2.5;
