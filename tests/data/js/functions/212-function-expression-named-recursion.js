var fact = function f(n) { return n <= 1 ? 1 : n * f(n - 1); };
var fib = function (n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); };
return [fact(10), fib(15), typeof f];
