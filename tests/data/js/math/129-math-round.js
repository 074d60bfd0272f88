var xs = [2.5, -2.5, 3.5, -3.5, -0.5, 0.5, 0.49999999999999994, 1.4999, -1.5000001, "7.5"];
var out = [];
for (var i = 0; i < xs.length; i++) {
  out.push(Math.round(xs[i]));
}
botContext.printDebugMessage(out.join(","));
botContext.printDebugMessage(String(1 / Math.round(-0.5)));
botContext.printDebugMessage(String(Math.round(2.345 * 100) / 100));
return out;
