var o = {a: 1, b: 2, c: 3};
var seen = [];
for (var k in o) {
  seen.push(k);
  if (k === "a") delete o.b;
}
return [seen, Object.keys(o)];
