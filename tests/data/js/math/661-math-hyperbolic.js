function show(x) { return String(x) + (x === 0 && 1 / x < 0 ? "(-0)" : ""); }
var xs = [0, -0, 1, -1, 0.5, 2, 20, Infinity, -Infinity, NaN];
var out = [];
for (var i = 0; i < xs.length; i++) {
  var x = xs[i];
  out.push([Math.sinh(x), Math.cosh(x), Math.tanh(x), Math.asinh(x), Math.acosh(x), Math.atanh(x)].map(show).join("|"));
}
botContext.printDebugMessage(out.join("\n"));
return out;
