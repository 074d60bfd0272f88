function toSet(list) { var s = {}; list.forEach(function (x) { s[x] = true; }); return s; }
function union(a, b) { var s = {}; var k; for (k in a) s[k] = true; for (k in b) s[k] = true; return s; }
function intersect(a, b) { var s = {}; for (var k in a) if (b.hasOwnProperty(k)) s[k] = true; return s; }
var a = toSet(["red", "green", "blue", "red"]);
var b = toSet(["blue", "yellow", "green"]);
var n = toSet([3, 1, 2, 1]);
return [Object.keys(a), Object.keys(union(a, b)), Object.keys(intersect(a, b)), Object.keys(n), "1" in n, 1 in n];
