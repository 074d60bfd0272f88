var s = "  both  ";
var r = ["[" + s.trimLeft() + "]", "[" + s.trimRight() + "]"];
r.push("[" + "\t\nx".trimLeft() + "]", "[" + "x\u00a0 ".trimRight() + "]");
r.push(s.trimLeft().trimRight() === s.trim(), "".trimLeft().length);
r.push(s.trimLeft().length, s.trimRight().length);
return r;
