var inputs = ["0b101", "0B11", "0o17", "0O7", "0b2", "0o8", "-0b1"];
var out = [];
for (var i = 0; i < inputs.length; i++) out.push(inputs[i] + "=" + String(Number(inputs[i])));
out.push(String(+"0b1111"), String("0o10" * 1));
botContext.printDebugMessage(out.join(" "));
return out;
