var cases = ["3.14", "  3.14  ", "3.14.15", ".5", "-.5", "+.5", "5.", "1e3", "1e", "1e+", "1.5e-3xyz", "Infinity", "-Infinityx", "infinity", "0x10", "-0", "", "abc", "1,000", "\t\n2", "1_0", "١٢"];
var out = [];
for (var i = 0; i < cases.length; i++) {
  var v = parseFloat(cases[i]);
  out.push(JSON.stringify(cases[i]) + "=" + String(v) + (v === 0 && 1 / v < 0 ? "(-0)" : ""));
}
out.push(String(parseFloat([" 7.5", 2])), String(parseFloat(null)), String(parseFloat(true)));
botContext.printDebugMessage(out.join(" "));
return out;
