var xs = [2.7, -2.7, 2, -0.5, 0.5, "3.9", null];
var fl = [];
var ce = [];
for (var i = 0; i < xs.length; i++) {
  fl.push(Math.floor(xs[i]));
  ce.push(Math.ceil(xs[i]));
}
botContext.printDebugMessage(fl.join(","));
botContext.printDebugMessage(ce.join(","));
botContext.printDebugMessage(String(1 / Math.ceil(-0.5)));
return [Math.floor(), Math.ceil("x"), Math.floor(-0.5)];
