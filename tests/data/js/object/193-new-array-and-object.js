var a = new Array(4);
var b = new Array("x", "y");
var o = new Object();
o.k = "v";
var out = [a.length, a[0] === undefined, b.join("+"), b.length, o.k, typeof o, typeof a];
botContext.printDebugMessage(out.join(" "));
return out;
