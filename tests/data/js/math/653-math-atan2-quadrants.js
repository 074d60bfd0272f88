function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var pairs = [[1, 1], [1, -1], [-1, -1], [-1, 1], [0, 0], [-0, 0], [0, -0], [-0, -0], [0, -1], [-0, -1], [1, 0], [-1, 0], [Infinity, Infinity], [-Infinity, -Infinity], [1, Infinity], [1, -Infinity], [NaN, 1]];
var out = [];
for (var i = 0; i < pairs.length; i++) out.push(show(Math.atan2(pairs[i][0], pairs[i][1])));
var deg = Math.atan2(3, 4) * 180 / Math.PI;
out.push(deg.toFixed(4));
botContext.printDebugMessage(out.join(" "));
return out;
