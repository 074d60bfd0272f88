// ES2015 default and rest parameters, as newer bot code writes them.
function greet(name, greeting = "Hello", punct = name ? "!" : "?") {
  return greeting + ", " + (name || "there") + punct;
}
function sum(first, ...more) {
  var t = first;
  for (var i = 0; i < more.length; i++) t += more[i];
  return [t, more.length, Array.isArray(more)];
}
function defaults(a, b = a * 2, c = function () { return a + b; }) { return c(); }
var arrow = (x = 1, ...ys) => x + ys.length;
var counter = 0;
function lazy(v = ++counter) { return v; }
var r = [
  greet("Ann"), greet("Bob", "Hi"), greet(), greet(undefined, "Yo"), greet("Cy", null),
  sum(1), sum(1, 2, 3), defaults(1), defaults(1, 5), arrow(), arrow(5, 6, 7),
  lazy(), lazy(10), lazy(), counter,
  greet.length, sum.length, defaults.length, arrow.length
];
botContext.printDebugMessage(JSON.stringify(r));
return r;
