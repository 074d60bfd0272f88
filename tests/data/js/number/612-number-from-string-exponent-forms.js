var inputs = ["1e3", "1E3", "1e+3", "1e-3", "-2.5e2", ".5", "5.", "+.5e1", "1e", "e1", "1.2.3", "1e1.5", "123e-2", "0.0001e4"];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(inputs[i] + "=" + String(Number(inputs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
