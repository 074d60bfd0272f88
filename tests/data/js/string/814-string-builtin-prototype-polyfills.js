// Polyfills and helpers bots add to built-in prototypes in their global
// functions, and the guard that skips a polyfill the engine already has.
if (!String.prototype.format) {
  String.prototype.format = function () {
    var args = arguments;
    return this.replace(/\{(\d+)\}/g, function (m, i) { return typeof args[i] !== "undefined" ? args[i] : m; });
  };
}
if (!String.prototype.startsWith) {
  String.prototype.startsWith = function () { return "polyfill"; };
}
Array.prototype.contains = function (x) { return this.indexOf(x) !== -1; };
Number.prototype.pad = function (n) { var s = String(this); while (s.length < n) s = "0" + s; return s; };
Date.prototype.isoDay = function () { return this.toISOString().slice(0, 10); };
Function.prototype.describe = function () { return "fn " + this.name; };
var r = [
  "Hello {0}, your order {1} ships {2}".format("Ann", 42),
  "abc".startsWith("a"),
  [1, 2, 3].contains(2), [1, 2, 3].contains(5),
  (7).pad(3), new Date(86400000).isoDay(), (function welcome() {}).describe(),
  typeof "x".format, typeof [].contains, "format" in String.prototype
];
var arr = [4, 5];
var keys = [];
for (var k in arr) keys.push(k);
r.push(keys.join(","));
botContext.printDebugMessage(JSON.stringify(r));
return r;
