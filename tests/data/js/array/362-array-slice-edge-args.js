var a = [0, 1, 2, 3, 4, 5];
var r = [];
r.push(a.slice(), a.slice(2), a.slice(2, 4), a.slice(-2), a.slice(-4, -1), a.slice(4, 2));
r.push(a.slice(NaN), a.slice(undefined, 2), a.slice(2, undefined), a.slice("1", "3"), a.slice(1.7, 3.2));
r.push(a.slice(-100), a.slice(100), a.slice(0, -100), a.slice(null, null), a.slice(-Infinity, Infinity));
var copy = a.slice();
copy.push(6);
r.push(a.length, copy.length);
return r;
