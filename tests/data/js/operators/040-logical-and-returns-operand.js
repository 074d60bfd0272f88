var o = {a: {b: 3}};
botContext.printDebugMessage(String(1 && 2));
botContext.printDebugMessage(String(0 && 2));
botContext.printDebugMessage(String("x" && ""));
botContext.printDebugMessage(String(null && o.zzz.q));
botContext.printDebugMessage(String(o && o.a && o.a.b));
botContext.printDebugMessage(String(o.c && o.c.d));
return "a" && 1 && {} && "last";
