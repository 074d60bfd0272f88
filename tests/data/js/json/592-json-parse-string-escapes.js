var r = [];
r.push(JSON.parse('"a\\"b\\\\c\\/d"'));
r.push(JSON.parse('"\\b\\f\\n\\r\\t"').length);
r.push(JSON.parse('"\\u0041\\u00e9\\u2603"'));
r.push(JSON.parse('"\\ud83d\\ude00"').length);
r.push(JSON.parse('"caf\u00e9"'));
var bad = ['"\\a"', '"\\u12"', '"\\u00G0"', '"line\nbreak"', "'single'"];
for (var i = 0; i < bad.length; i++) {
  try { JSON.parse(bad[i]); r.push("ok"); } catch (e) { r.push(e.name); }
}
botContext.printDebugMessage(JSON.stringify(r));
return r;
