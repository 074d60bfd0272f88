var a = [3, 1, 2];
var r = [];
r.push(a.slice() === a, a.concat() === a, a.map(function (x) { return x; }) === a, a.filter(Boolean) === a);
r.push(a.sort() === a, a.reverse() === a, a);
var sp = a.splice(0, 0);
r.push(sp.length, Array.isArray(sp), a.length);
return r;
