function add(a, b, c) { return a + b + (c || 0); }
function forward() { return add.apply(null, arguments); }
function logAndCall(fn) {
  var rest = [];
  for (var i = 1; i < arguments.length; i++) rest.push(arguments[i]);
  botContext.printDebugMessage("calling with " + rest.length + " args");
  return fn.apply(this, rest);
}
var obj = { base: 100, plus: function (n) { return this.base + n; } };
var out = [forward(1, 2), forward(1, 2, 3), forward("a", "b", "c"), logAndCall(add, 1, 2, 3), logAndCall.call(obj, obj.plus, 5)];
var max = [4, 9, 2].reduce(function (m, x) { return x > m ? x : m; });
out.push(max);
return out;
