var inputs = ["42", " 42 ", "\t\n42\r\n", "\u00a042\u2003", "\ufeff7", "4 2", "", "   ", "\n"];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(String(Number(inputs[i])));
botContext.printDebugMessage(out.join(","));
return out;
