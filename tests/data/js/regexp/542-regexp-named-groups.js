var m = /(?<year>\d{4})-(?<month>\d{2})/.exec("on 2021-09!");
var r = [];
r.push(m.groups.year, m.groups.month, m[1], m.index);
r.push(JSON.stringify(m.groups));
r.push("2021-09".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y>"));
r.push("ab".replace(/(?<first>a)/, function () {
  var groups = arguments[arguments.length - 1];
  return "[" + groups.first + "]";
}));
var u = /(?<a>x)|(?<b>y)/.exec("y");
r.push(String(u.groups.a), u.groups.b, "a" in u.groups);
r.push(/(?<ch>.)\k<ch>/.test("xx"));
r.push("x".replace(/(x)/, "$<name>"));
botContext.printDebugMessage(JSON.stringify(r));
return r;
