//! differs: an object argument of a built-in method converts without calling a script valueOf/toString
// ES5: `s.charAt(pos)` converts pos with ToInteger, which calls its
// valueOf. cbot's built-ins convert object arguments as objects without
// script conversions do (NaN, "[object Object]"); String(), Number(),
// parseInt, `+`, comparisons, join, sort and concat do call them.
var one = { valueOf: function () { return 1; } };
var sep = { toString: function () { return ","; } };
return ["abc".charAt(one), [1, 2, 3].slice(one).length, "a,b".split(sep).length, "abc".substring(one)];
