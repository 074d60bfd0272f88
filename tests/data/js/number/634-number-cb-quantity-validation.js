function parseQuantity(text) {
  var n = Number(text);
  if (text === null || String(text).trim() === "" || isNaN(n)) return "not a number";
  if (n % 1 !== 0) return "not whole";
  if (n < 1 || n > 99) return "out of range";
  return "ok:" + n;
}
var inputs = ["3", " 12 ", "0", "100", "2.5", "abc", "", null, "1e1", "0x0A", "-4", "7.0"];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(JSON.stringify(inputs[i]) + "->" + parseQuantity(inputs[i]));
botContext.printDebugMessage(out.join("; "));
return out;
