var s = " \t hi there \n ";
var r = [];
r.push("[" + s.trimStart() + "]");
r.push("[" + s.trimEnd() + "]");
r.push("[" + s.trimStart().trimEnd() + "]");
r.push(s.trimStart().length, s.trimEnd().length, s.trim().length);
r.push("[" + "x".trimStart() + "]", "[" + "   ".trimEnd() + "]");
return r;
