var inputs = ["2024-03-07", "2024-03-07T10:30:15Z", "2024-03-07T10:30:15.123Z", "2024-03", "2024", "nonsense"];
var out = inputs.map(function (s) { return s + " => " + Date.parse(s); });
out.push(typeof Date.parse);
botContext.printDebugMessage(out.join("\n"));
return out;
