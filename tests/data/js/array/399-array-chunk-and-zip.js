function chunk(a, n) {
  var out = [];
  for (var i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
  return out;
}
function zip(a, b) {
  return a.map(function (x, i) { return [x, b[i]]; });
}
var r = [chunk([1, 2, 3, 4, 5, 6, 7], 3), chunk([], 2), chunk(["a"], 5)];
r.push(zip(["a", "b", "c"], [1, 2]));
r.push(JSON.stringify(zip([1], [])));
return r;
