function makeRe() { return /a/g; }
var r1 = makeRe();
var r2 = makeRe();
var out = [];
out.push(r1 === r2);
r1.exec("aaa");
out.push(r1.lastIndex, r2.lastIndex);
var list = [/x/, /y/i];
out.push(list[1].test("Y"), list.length);
var holder = { check: /^\d+$/ };
out.push(holder.check.test("123"), holder["check"].test("12a"));
for (var i = 0; i < 3; i++) {
  var re = /b/g;
  out.push(re.test("b"));
}
botContext.printDebugMessage(out.join(" "));
return out;
