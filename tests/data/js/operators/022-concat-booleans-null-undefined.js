var u;
botContext.printDebugMessage("v=" + true);
botContext.printDebugMessage("v=" + false);
botContext.printDebugMessage("v=" + null);
botContext.printDebugMessage("v=" + u);
botContext.printDebugMessage(true + "");
botContext.printDebugMessage(null + "" + undefined);
botContext.printDebugMessage(String(true + 1) + "|" + (true + "1"));
return "" + NaN + Infinity;
