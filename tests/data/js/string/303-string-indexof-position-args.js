var s = "banana";
var r = [];
r.push(s.indexOf("a"), s.indexOf("a", 2), s.indexOf("a", 5), s.indexOf("a", 6));
r.push(s.indexOf("a", -10), s.indexOf("a", NaN), s.indexOf("a", "3"), s.indexOf("a", 100));
r.push(s.indexOf(""), s.indexOf("", 3), s.indexOf("", 6), s.indexOf("", 99));
r.push(s.indexOf("nan"), s.indexOf("nana"), s.indexOf("banana!"), s.indexOf());
r.push("undefined".indexOf(), "null x".indexOf(null), "1,2".indexOf([1, 2]));
botContext.printDebugMessage(r.join(","));
return r;
