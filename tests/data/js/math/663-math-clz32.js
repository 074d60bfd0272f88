var xs = [0, 1, 2, 255, 65535, 2147483648, 4294967295, 4294967296, -1, 0.5, 3.9, NaN, Infinity, "8", null];
var out = [];
for (var i = 0; i < xs.length; i++) out.push(Math.clz32(xs[i]));
botContext.printDebugMessage(out.join(" "));
return out;
