var o = {a: 1, b: 2, c: 3};
var seen = [];
for (var k in o) {
  seen.push(k);
  if (k === "a") o.a = 10;
}
var p = {x: 1};
var seenP = [];
for (var j in p) { seenP.push(j); }
return [seen, Object.keys(o), seenP];
