var a = 2 + 3 * 4;
var b = (2 + 3) * 4;
var c = 10 - 4 - 3;
var d = 100 / 10 / 5;
var e = 2 + 3 % 2 * 4;
var f = -2 * -3 + -1;
botContext.printDebugMessage([a, b, c, d, e, f].join(" "));
return a * b - c / d;
