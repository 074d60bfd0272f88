function replaceAll(s, from, to) { return s.split(from).join(to); }
var tpl = "Dear {name}, your code is {code}. Thanks, {name}'s bot";
var vars = { name: "Kim", code: "X9" };
var out = tpl;
for (var k in vars) out = replaceAll(out, "{" + k + "}", vars[k]);
botContext.sendMessage(out);
return [out, replaceAll("a b c", " ", ""), replaceAll("aaa", "a", "aa"), replaceAll("", "x", "y")];
