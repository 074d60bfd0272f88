var s = "abcdef";
var r = [];
r.push(s.substring(1, 4), s.substring(4, 1), s.substring(-2, 2), s.substring(2, -2));
r.push(s.substring(NaN, NaN), s.substring(3), s.substring(3, undefined), s.substring(undefined, 3));
r.push(s.substring(null, 3), s.substring(10, 2), s.substring(Infinity), s.substring(-Infinity, 3));
r.push(s.substring("1", "3"), s.substring(1.9, 3.9), s.substring(6, 6), s.substring(0));
botContext.printDebugMessage(r.join("|"));
return r;
