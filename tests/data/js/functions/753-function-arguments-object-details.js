function f() {
  arguments[0] = "changed";
  var copy = [];
  for (var i = 0; i < arguments.length; i++) copy.push(arguments[i]);
  return [arguments.length, typeof arguments, copy.join("/"), arguments[5] === undefined];
}
function outer() {
  var outerArgs = arguments;
  function inner() { return arguments.length + ":" + outerArgs.length; }
  return inner(1) + " " + inner();
}
function count() { return arguments.length; }
var out = [f("a", "b"), f("x"), outer(1, 2, 3), count(undefined, undefined), count.apply(null, [1, 2, 3, 4])];
botContext.printDebugMessage(JSON.stringify(out));
return out;
