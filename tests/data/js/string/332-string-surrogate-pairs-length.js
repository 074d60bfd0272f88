var s = "hi 😀!";
var r = [];
r.push(s.length, s.indexOf("!"), s.charCodeAt(3), s.charCodeAt(4), s.charCodeAt(5));
r.push(s.slice(3, 5) === "😀", s.substring(0, 3), s.slice(5));
r.push("😀😀".length, "a😀b".split("😀"), "x😀".concat("y").length, "😀".repeat(3).length);
return r;
