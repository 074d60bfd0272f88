var data = { name: "Ann", age: 31, password: "secret", nested: { password: "x", keep: 1 }, list: [1, 2, 3] };
var seen = [];
var out = JSON.stringify(data, function (key, value) {
  seen.push(key === "" ? "(root)" : key);
  if (key === "password") return undefined;
  if (typeof value === "number") return value * 10;
  return value;
});
botContext.printDebugMessage(out);
botContext.printDebugMessage(seen.join(","));
return out;
