var order = [];
var result = JSON.parse('{"a":{"b":1,"c":[10,20]},"d":true}', function (key, value) {
  order.push(key === "" ? "(root)" : key);
  return value;
});
botContext.printDebugMessage(order.join(" > "));
var holderKinds = [];
JSON.parse('[{"x":1}]', function (key, value) {
  holderKinds.push(key + ":" + (Array.isArray(this) ? "array" : typeof this));
  return value;
});
var rootReplaced = JSON.parse("[1,2]", function (k, v) { return k === "" ? "replaced" : v; });
var prim = JSON.parse("5", function (k, v) { return k + "|" + v; });
return { order: order, holderKinds: holderKinds, rootReplaced: rootReplaced, prim: prim, result: result };
