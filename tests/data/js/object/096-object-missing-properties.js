var o = {a: 1, b: null, c: undefined};
botContext.printDebugMessage(String(o.a));
botContext.printDebugMessage(String(o.b));
botContext.printDebugMessage(String(o.c));
botContext.printDebugMessage(String(o.d));
botContext.printDebugMessage(typeof o.d);
botContext.printDebugMessage(String(o.d === undefined));
botContext.printDebugMessage(String(o["a" + "b"]));
return JSON.stringify(o);
