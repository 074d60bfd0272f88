var a = [1, 2];
var b = [3];
var c = a.concat(b);
var d = a.concat(4, [5, 6], [[7]]);
botContext.printDebugMessage(c.join(","));
botContext.printDebugMessage(JSON.stringify(d));
botContext.printDebugMessage(String(a.length));
var e = [].concat("x", null);
return [c.length, d.length, e];
