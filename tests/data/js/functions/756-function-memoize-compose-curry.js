function memoize(fn) {
  var cache = {};
  var hits = 0;
  var m = function (n) {
    if (cache.hasOwnProperty(n)) { hits++; return cache[n]; }
    return (cache[n] = fn(n));
  };
  m.stats = function () { return hits; };
  return m;
}
var fib = memoize(function (n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); });
function compose() {
  var fns = arguments;
  return function (x) {
    for (var i = fns.length - 1; i >= 0; i--) x = fns[i](x);
    return x;
  };
}
var shout = compose(function (s) { return s + "!"; }, function (s) { return s.toUpperCase(); }, function (s) { return s.trim(); });
function curry3(f) { return function (a) { return function (b) { return function (c) { return f(a, b, c); }; }; }; }
var vol = curry3(function (a, b, c) { return a * b * c; });
return [fib(50), fib.stats(), shout("  hi there "), vol(2)(3)(4), typeof fib.stats];
