function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var pairs = [[2, 10], [2, -1], [NaN, 0], [0, NaN], [1, Infinity], [1, NaN], [-8, 1 / 3], [0, -1], [-0, -1], [-0, -2], [-0, 3], [-2, 0.5], [Infinity, -1], [-Infinity, 3], [-Infinity, 2], [0.5, -Infinity], [2, 1024], [2, -1075], [10, 21], [10, -7], ["2", "3"], [-1, Infinity], [4, 0.5], [27, 1 / 3]];
var out = [];
for (var i = 0; i < pairs.length; i++) out.push(pairs[i].join("^") + "=" + show(Math.pow(pairs[i][0], pairs[i][1])));
botContext.printDebugMessage(out.join(" "));
return out;
