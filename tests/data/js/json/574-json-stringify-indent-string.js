var o = { name: "bot", tags: ["a", "b"] };
var r = [];
r.push(JSON.stringify(o, null, "\t"));
r.push(JSON.stringify(o, null, "--"));
r.push(JSON.stringify(o, null, ""));
r.push(JSON.stringify(o, null, "abcdefghijklmnop"));
r.push(JSON.stringify([1], null, " "));
for (var i = 0; i < r.length; i++) botContext.printDebugMessage(r[i]);
return r;
