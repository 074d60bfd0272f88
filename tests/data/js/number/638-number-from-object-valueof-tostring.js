var withValueOf = { valueOf: function () { return 9; } };
var withToString = { toString: function () { return "11"; } };
var r = [];
r.push(Number(withValueOf), Number(withToString), withValueOf * 2, +withToString);
r.push("a" + withValueOf, String(withToString), withValueOf > 8, withToString == 11);
botContext.printDebugMessage(r.join(" "));
return r;
