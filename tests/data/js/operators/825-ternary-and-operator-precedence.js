var out = [];
out.push(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 % 4, -2 * -3, 1 - -1, 10 / 2 / 5);
out.push(1 < 2 === true, 1 + 1 === 2 && 3 > 2, !1 + 1, typeof 1 + 2, 3 > 2 > 1);
out.push(1 || 0 && 0, (1 || 0) && 0, 5 & 3 | 4, 1 << 2 + 1, "a" + 1 + 2, 1 + 2 + "a");
var x = 5;
out.push(x > 3 ? x > 4 ? "big" : "mid" : "small", x === 5 ? "five" : x === 6 ? "six" : "other");
var y = x < 0 ? -1 : x === 0 ? 0 : 1;
out.push(y);
return out;
