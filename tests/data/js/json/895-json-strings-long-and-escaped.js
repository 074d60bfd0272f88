// JSON strings of every length around the parser's and the writer's
// block size (16 bytes), with an escape or a control character at every
// position: plain runs are scanned in blocks, the rest byte by byte.
var r = [];
var base = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
for (var n = 0; n < 40; n += 3) {
  var s = base.slice(0, n);
  r.push(JSON.parse(JSON.stringify(s)) === s);
  for (var at = 0; at <= n; at += 5) {
    var t = s.slice(0, at) + "\"\\\n\t\u0001" + s.slice(at);
    var text = JSON.stringify(t);
    r.push(text.length, JSON.parse(text) === t);
    var key = JSON.parse("{" + text + ": " + text + "}");
    r.push(Object.keys(key)[0] === t);
    try {
      JSON.parse("\"" + s.slice(0, at) + "\n" + s.slice(at) + "\"");
      r.push("parsed a raw line break");
    } catch (e) {
      r.push(e.name);
    }
    try {
      JSON.parse("\"" + s.slice(0, at) + "\\" + s.slice(at));
      r.push("parsed an unterminated string");
    } catch (e) {
      r.push(e.name);
    }
  }
}
r.push(JSON.stringify({ "é long key with ünïcödé and more than sixteen bytes": "ok \u2028 \ud83d\ude00" }));
botContext.printDebugMessage(r.length);
return r;
