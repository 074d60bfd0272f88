var re = /yes/gi;
var answers = ["yes", "yes", "yes", "YES", "no"];
var out = [];
for (var i = 0; i < answers.length; i++) {
  out.push(re.test(answers[i]) + ":" + re.lastIndex);
}
var fresh = /yes/i;
for (var j = 0; j < 3; j++) out.push(fresh.test("yes") + ":" + fresh.lastIndex);
var g = /a/g;
out.push(g.test("aa"), g.test("aa"), g.test("aa"), g.test("aa"));
botContext.printDebugMessage(out.join(" "));
return out;
