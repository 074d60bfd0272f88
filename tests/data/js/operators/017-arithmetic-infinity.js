var inf = Infinity;
botContext.printDebugMessage(String(inf + 1));
botContext.printDebugMessage(String(inf - inf));
botContext.printDebugMessage(String(inf * 0));
botContext.printDebugMessage(String(inf * -1));
botContext.printDebugMessage(String(1 / inf));
botContext.printDebugMessage(String(-1 / inf));
botContext.printDebugMessage(String(inf / inf));
return inf > 1e308;
