function f() { return 1; }
var first = f();
f = function () { return 2; };
var second = f();
return [first, second];
