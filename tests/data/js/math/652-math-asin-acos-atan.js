function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [0, -0, 0.5, -0.5, 1, -1, 1.5, NaN, Infinity, -Infinity];
var out = [];
for (var i = 0; i < xs.length; i++) {
  out.push(show(Math.asin(xs[i])) + "|" + show(Math.acos(xs[i])) + "|" + show(Math.atan(xs[i])));
}
botContext.printDebugMessage(out.join(" "));
return out;
