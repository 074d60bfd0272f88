// Calls of declared functions pass their arguments straight to the
// parameters: missing ones are undefined, extra ones still run (in order),
// and the same functions called as values, callbacks, methods, through
// call/apply/bind or `new` see the same arguments.
var log = [];
function note(x) { log.push(x); return x; }
function two(a, b) { return [a, b, typeof b]; }
function none() { return "none"; }
function bump(a) { a = a + 1; return a; }
function keep(a) { return function () { return a; }; }
function change(a) { var f = function () { a = a * 10; }; f(); return a; }
function usesArguments(a) { return [a, arguments.length, arguments[1]]; }
function arrowArguments(a) { var g = () => arguments.length; return [a, g()]; }
function dup(a) { return "first " + a; }
function dup(a, b) { return "second " + a + b; }
function fact(n) { return n < 2 ? 1 : n * fact(n - 1); }
function outer(x) {
  function inner(y, z) { return x + y + (z === undefined ? "-" : z); }
  return [inner(1), inner(1, 2), inner(1, 2, note("extra"))];
}
function Point(x, y) { this.x = x; this.y = y; }
function eight(a, b, c, d, e, f, g, h) { return [a, b, c, d, e, f, g, h].join(""); }
function nine(a, b, c, d, e, f, g, h, i) { return [a, i, arguments.length].join(","); }
function defaults(a, b = a + 1) { return [a, b]; }
var r = [
  two(), two(1), two(1, 2), two(note(1), note(2), note(3), note(4)), none(note("n")),
  bump(1), bump("1"), keep(5)(), change(3), usesArguments(1, 2, 3), arrowArguments(7, 8),
  dup(1, 2), dup(1), fact(5), outer("o"),
  two.call(null, "c", "d"), two.apply(null, ["e"]), two.bind(null, "f")("g"),
  [1, 2, 3].map(bump), ["x", "y"].map(two), new Point(1, 2).y,
  eight(1, 2, 3, 4, 5, 6, 7, 8), eight(1), nine(1, 2, 3, 4, 5, 6, 7, 8, 9), defaults(1), defaults(1, 5),
  two.length, eight.length, log
];
botContext.printDebugMessage(JSON.stringify(r));
return r;
