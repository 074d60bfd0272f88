var a = [1, 2, 3];
var m = a.map(function (x, i, arr) { if (i === 0) { arr[2] = 30; arr.push(4); } return x; });
var b = [5, 6, 7];
var f = b.filter(function (x, i, arr) { arr[i + 1] = 0; return true; });
var c = [1, 2, 3];
var red = c.reduce(function (acc, x, i, arr) { if (i === 0) arr.length = 2; return acc + x; }, 0);
return [m, a, f, b, red];
