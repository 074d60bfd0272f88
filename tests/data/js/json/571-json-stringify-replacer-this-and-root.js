var holders = [];
var s = JSON.stringify({ a: 1, b: [true] }, function (key, value) {
  holders.push(key + ":" + (Array.isArray(this) ? "array" : typeof this) + ":" + typeof value);
  return value;
});
var replacedRoot = JSON.stringify({ a: 1 }, function (key, value) {
  return key === "" ? "root replaced" : value;
});
var undefRoot = JSON.stringify({ a: 1 }, function () { return undefined; });
var inArray = JSON.stringify([1, 2, 3], function (k, v) { return k === "1" ? undefined : v; });
var fnToValue = JSON.stringify({ f: 1 }, function (k, v) { return k === "f" ? function () {} : v; });
botContext.printDebugMessage(holders.join(" "));
return [s, replacedRoot, String(undefRoot), inArray, fnToValue];
