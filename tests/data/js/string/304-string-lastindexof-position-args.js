var s = "canal banana";
var r = [];
r.push(s.lastIndexOf("a"), s.lastIndexOf("a", 5), s.lastIndexOf("a", 0), s.lastIndexOf("c", 0));
r.push(s.lastIndexOf("a", -5), s.lastIndexOf("a", undefined), s.lastIndexOf("a", 100));
r.push(s.lastIndexOf(""), s.lastIndexOf("", 4), s.lastIndexOf("", -1));
r.push(s.lastIndexOf("an"), s.lastIndexOf("an", 8), s.lastIndexOf("xyz"), s.lastIndexOf("ana", "9"));
r.push("aaaa".lastIndexOf("aa"), "aaaa".lastIndexOf("aa", 1));
botContext.printDebugMessage(r.join(","));
return r;
