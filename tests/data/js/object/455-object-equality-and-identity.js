var a = {k: 1};
var b = {k: 1};
var c = a;
var r = [a == b, a === b, a === c, a != b];
r.push(JSON.stringify(a) === JSON.stringify(b));
function same(x, y) {
  var kx = Object.keys(x), ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  for (var i = 0; i < kx.length; i++) if (x[kx[i]] !== y[kx[i]]) return false;
  return true;
}
r.push(same(a, b), same(a, {k: 2}), same({}, {}), same({a: 1}, {b: 1}));
c.k = 5;
r.push(a.k, b.k);
return r;
