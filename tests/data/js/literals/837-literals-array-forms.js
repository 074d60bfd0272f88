var a = [1, 2, 3, ];
var b = [[], [[]], [1, [2, [3]]]];
var c = new Array(3);
var d = new Array(1, 2);
var e = Array(2);
var f = [undefined, null, NaN, "", 0, false];
var out = [a.length, b.length, b[2][1][1][0], c.length, d.join("-"), e.length, JSON.stringify(f), JSON.stringify(b)];
out.push(typeof [], Array.isArray([]), [].length);
return out;
