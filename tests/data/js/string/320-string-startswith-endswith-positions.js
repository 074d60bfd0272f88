var s = "https://example.com/help";
var r = [];
r.push(s.startsWith("https://"), s.startsWith("http://"), s.startsWith("example", 8), s.startsWith("", 99));
r.push(s.startsWith("h", -3), s.startsWith("ttps", 1), s.startsWith("https", NaN));
r.push(s.endsWith("/help"), s.endsWith("help", 24), s.endsWith(".com", 19), s.endsWith("https", 5));
r.push(s.endsWith("h", 1), s.endsWith("", 0), s.endsWith("help", 100), s.endsWith("x", -1));
r.push("abc".startsWith(""), "abc".endsWith(""), "".startsWith(""), "abc".endsWith("abcd"));
return r;
