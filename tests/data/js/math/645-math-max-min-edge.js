function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var u;
var out = [];
out.push(show(Math.max()), show(Math.min()));
out.push(show(Math.max(1, NaN, 3)), show(Math.min(NaN, 1)));
out.push(show(Math.max("10", "9")), show(Math.min("10", "9", "x")));
out.push(show(Math.max(null, -1)), show(Math.min(u, 1)), show(Math.max([5], [7])), show(Math.max([1, 2])));
out.push(show(Math.max(-Infinity, -1e308)), show(Math.min(Infinity, 1e308)), show(Math.max(true, false)));
out.push(show(Math.max(3)), show(Math.min("")));
botContext.printDebugMessage(out.join(" "));
return out;
