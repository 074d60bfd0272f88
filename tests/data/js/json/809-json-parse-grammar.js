// JSON.parse: duplicate names, index-like keys, escapes, whitespace, and
// the inputs it must refuse (only the error's name is compared).
var r = [];
var o = JSON.parse('{"b": 1, "a": 2, "b": 3, "2": "two", "1": "one"}');
r.push(Object.keys(o).join(","), o.b);
r.push(JSON.parse('"tab\\there \\u00e9 \\ud83d\\ude00 \\/ \\\\ \\""'));
r.push(JSON.parse(' \n\t[ 1 , -0.5e2 , 0 , true , false , null , {} , [] ] \r\n').length);
r.push(JSON.parse("-0") === 0, 1 / JSON.parse("-0"));
r.push(JSON.parse("123456789012345678901234567890"));
r.push(JSON.parse("0.1") + JSON.parse("0.2"));
var deep = "";
for (var i = 0; i < 100; i++) deep += "[";
deep += "7";
for (var i = 0; i < 100; i++) deep += "]";
var d = JSON.parse(deep);
for (var i = 0; i < 100; i++) d = d[0];
r.push(d);
var bad = ["", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "'x'", "\"\\x\"", "[1 2]",
  "tru", "nul", "{a:1}", "\"a\nb\"", "1e", "-", "[", "\"abc", "{\"a\" 1}", "NaN", "Infinity", "\"\\u12G4\""];
for (var k = 0; k < bad.length; k++) {
  try {
    JSON.parse(bad[k]);
    r.push("parsed " + bad[k]);
  } catch (e) {
    r.push(e.name);
  }
}
botContext.printDebugMessage(r.join("|"));
return r;
