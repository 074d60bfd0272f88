var t = true;
var f = false;
var n = null;
var u = undefined;
botContext.printDebugMessage(String(t) + "," + String(f));
botContext.printDebugMessage(String(n) + "," + String(u));
botContext.setBotVariable('n', n, true, false);
botContext.setBotVariable('u', u, true, false);
return [t, f, n, u];
