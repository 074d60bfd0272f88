var o = { b: 1, a: 2, 10: "x", 2: "y" };
var keys = Object.keys(o);
var proto = { greet: function () { return "hi " + this.name; } };
var p = Object.create(proto);
p.name = "Ann";
var bare = Object.create(null);
bare.k = 1;
return [keys, Object.keys([5, 6]), Object.keys("ab"), p.greet(), Object.keys(p), Object.getPrototypeOf(p) === proto,
  Array.isArray([]), Array.isArray({}), Array.isArray("x"), Object.keys(bare)];
