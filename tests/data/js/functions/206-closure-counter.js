function makeCounter() {
  var n = 0;
  return function () { n++; return n; };
}
var a = makeCounter();
var b = makeCounter();
a(); a();
botContext.printDebugMessage("a=" + a() + " b=" + b());
return [a(), b()];
