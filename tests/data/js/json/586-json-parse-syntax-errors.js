var bad = ["", "{", "{'a':1}", "{a:1}", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "NaN", "undefined", "tru", "\"unterminated", "\"a\tb\"", "[1 2]", "{\"a\" 1}", "\"\\x41\"", "// c\n1", "1 2"];
var out = [];
for (var i = 0; i < bad.length; i++) {
  try {
    JSON.parse(bad[i]);
    out.push("parsed:" + bad[i]);
  } catch (e) {
    out.push(e.name);
  }
}
botContext.printDebugMessage(out.join(","));
return out;
