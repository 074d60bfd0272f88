var inputs = ["Infinity", "-Infinity", "+Infinity", " Infinity ", "infinity", "INFINITY", "Inf", "NaN", "1e309", "-1e309", "1e-400"];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(inputs[i] + "=" + String(Number(inputs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
