var inputs = ["0x1F", "0X1f", "0xg", "-0x10", "010", "00", "0x", "+0x10"];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(inputs[i] + "=" + String(Number(inputs[i])));
botContext.printDebugMessage(out.join(" "));
return out;
