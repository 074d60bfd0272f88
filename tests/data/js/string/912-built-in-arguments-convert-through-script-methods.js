// Built-in methods convert object arguments through script valueOf
// (numbers) or toString (strings), in order, as each converts them;
// search values of indexOf on arrays are compared, not converted.
// Date setters and the URI functions too; a throwing valueOf throws.
var log = [];
var one = { valueOf: function () { log.push("v"); return 1; }, toString: function () { log.push("s"); return "b"; } };
var two = { valueOf: function () { return 2; } };
var sep = { toString: function () { return ","; } };
var r = [
  "abc".charAt(one), "abc".indexOf(one), "abc".indexOf("c", one), "abcabc".lastIndexOf("a", two),
  "abc".slice(one, two), "abc".substring(one), "a,b".split(sep), "xbx".replace(one, "Y"),
  [1, 2, 3].slice(one), [1, 2, 3].indexOf(2, one), [one].indexOf(one), [1, 2].join(sep),
  (3.14159).toFixed(two), Math.max(one, two), Math.pow(two, two), String.fromCharCode({ valueOf: function () { return 65; } }),
  "ab".padStart(two + 2, sep), "x".repeat(two), [1, 2, 3].includes(3, two), log.join("")
];
var bad = { valueOf: function () { throw new Error("no number"); } };
try { "abc".charAt(bad); } catch (e) { r.push(e.message); }
r.push(new Date(0).setMonth({ valueOf: function () { return 1; } }), encodeURIComponent({ toString: function () { return "a b"; } }));
return r;
