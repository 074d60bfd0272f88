var calls = [];
var out = "2 apples and 10 pears".replace(/(\d+) (\w+)/, function (match, n, fruit, offset, whole) {
  calls.push([match, n, fruit, offset, whole, arguments.length]);
  return fruit + "=" + n * 2;
});
botContext.printDebugMessage(JSON.stringify(calls));
var noGroups = [];
"abc".replace(/b/, function () {
  var a = [];
  for (var i = 0; i < arguments.length; i++) a.push(arguments[i]);
  noGroups.push(a);
  return "B";
});
var undefGroup = [];
"x".replace(/(x)(y)?/, function (m, a, b) { undefGroup.push(m, a, typeof b); return ""; });
var ret = ["a".replace(/a/, function () {}), "a".replace(/a/, function () { return 1.5; }), "a".replace(/a/, function () { return null; })];
return { out: out, noGroups: noGroups, undefGroup: undefGroup, ret: ret };
