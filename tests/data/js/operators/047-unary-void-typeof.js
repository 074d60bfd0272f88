var x = 5;
var v = void x;
var w = void (x = 10);
botContext.printDebugMessage(String(v));
botContext.printDebugMessage(String(w));
botContext.printDebugMessage(String(x));
botContext.printDebugMessage(typeof void 0);
botContext.printDebugMessage(String(void 0 === undefined));
return void botContext.printDebugMessage("side effect");
