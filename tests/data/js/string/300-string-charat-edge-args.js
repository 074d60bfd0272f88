var s = "widget";
var r = [];
r.push(s.charAt(0), s.charAt(5), s.charAt(6), s.charAt(-1));
r.push(s.charAt(NaN), s.charAt(undefined), s.charAt(null), s.charAt(true));
r.push(s.charAt("2"), s.charAt(" 3 "), s.charAt("x"), s.charAt(2.99));
r.push(s.charAt(Infinity), s.charAt(-0.5), s.charAt([1]), s.charAt([]));
botContext.printDebugMessage(r.join("|"));
return r;
