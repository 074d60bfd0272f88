function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
function fibIter(n) {
  var a = 0;
  var b = 1;
  var i;
  for (i = 0; i < n; i++) {
    var t = a + b;
    a = b;
    b = t;
  }
  return a;
}
var seq = [];
for (var k = 0; k <= 15; k++) {
  seq.push(fib(k));
}
botContext.printDebugMessage(seq.join(","));
return fibIter(80);
