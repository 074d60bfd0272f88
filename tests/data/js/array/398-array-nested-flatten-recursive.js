function flatten(a) {
  var out = [];
  for (var i = 0; i < a.length; i++) {
    if (Array.isArray(a[i])) out = out.concat(flatten(a[i]));
    else out.push(a[i]);
  }
  return out;
}
var r = [flatten([1, [2, [3, [4, [5]]]], 6]), flatten([]), flatten([[], [[]]]), flatten([["a"], "b"])];
var depth = function (a) {
  return Array.isArray(a) ? 1 + a.reduce(function (m, x) { return Math.max(m, depth(x)); }, 0) : 0;
};
r.push(depth([1, [2, [3]]]), depth([]), depth(5));
return r;
