var u;
botContext.printDebugMessage(String(0 || "default"));
botContext.printDebugMessage(String("" || null));
botContext.printDebugMessage(String("a" || "b"));
botContext.printDebugMessage(String(u || 5));
botContext.printDebugMessage(String(NaN || 0));
botContext.printDebugMessage(String([] || 1));
botContext.printDebugMessage(String(null || undefined));
return 0 || "" || null || false;
