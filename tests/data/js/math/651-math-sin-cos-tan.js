function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [0, -0, 1, -1, Math.PI / 6, Math.PI / 2, Math.PI, 10, NaN, Infinity];
var out = [];
for (var i = 0; i < xs.length; i++) {
  out.push(show(Math.sin(xs[i])) + "|" + show(Math.cos(xs[i])) + "|" + show(Math.tan(xs[i])));
}
botContext.printDebugMessage(out.join(" "));
return out;
