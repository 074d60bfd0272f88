var a = [1, 2];
a[4] = 5;
botContext.printDebugMessage(String(a.length));
botContext.printDebugMessage(a.join("-"));
botContext.printDebugMessage(String(a[3]));
botContext.printDebugMessage(JSON.stringify(a));
a[a.length] = "end";
botContext.printDebugMessage(String(a));
return a.length;
