function classify(v) {
  switch (typeof v) {
    case "number": return "n";
    case "string": return "s";
    default: throw new Error("unsupported " + typeof v);
  }
}
var out = [];
var inputs = [1, "a", true, 2];
for (var i = 0; i < inputs.length; i++) {
  try { out.push(classify(inputs[i])); } catch (e) { out.push(e.message); }
}
botContext.printDebugMessage(out.join("|"));
return out;
