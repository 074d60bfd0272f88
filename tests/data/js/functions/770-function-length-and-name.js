function three(a, b, c) {}
var anon = function () {};
var named = function inner(x) {};
var arrow = (x, y) => x;
var bound = three.bind(null, 1);
return [three.length, anon.length, named.length, arrow.length, bound.length, three.name, named.name, anon.name];
