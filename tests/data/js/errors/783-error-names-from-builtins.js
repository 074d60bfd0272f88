function nameOf(fn) {
  try { fn(); return "no error"; } catch (e) { return e.name + (e instanceof Error ? "" : "?"); }
}
var out = [
  nameOf(function () { var f; f(); }),
  nameOf(function () { var o = null; return o.x; }),
  nameOf(function () { var o; return o.length; }),
  nameOf(function () { return JSON.parse("{bad json"); }),
  nameOf(function () { return JSON.parse(""); }),
  nameOf(function () { return (1.5).toFixed(101); }),
  nameOf(function () { return new Array(-1); }),
  nameOf(function () { return missingVariable + 1; }),
  nameOf(function () { var n = 5; return n(); }),
  nameOf(function () { return "abc".noSuchMethod(); }),
  nameOf(function () { return "k" in "string"; }),
  nameOf(function () { return ({}) instanceof 3; }),
  nameOf(function () { return [].reduce(function (a, b) { return a + b; }); }),
  nameOf(function () { return Object.keys(undefined); }),
  nameOf(function () { return decodeURIComponent("%E0%A4%A"); }),
  nameOf(function () { return new (function () {}.x)(); })
];
botContext.printDebugMessage(out.join(", "));
return out;
