var forms = ["0", "-0", "10", "-12.5", "1e3", "1E3", "1e+3", "2.5e-3", "-1.0e-0", "0.1", "123456789012345678901234567890", "1e-400"];
var out = [];
for (var i = 0; i < forms.length; i++) {
  var v = JSON.parse(forms[i]);
  out.push(forms[i] + "=" + String(v) + (v === 0 && 1 / v < 0 ? "(-0)" : ""));
}
var bad = ["00", "-", "1e", "0x10", "1_000", "Infinity", "- 1"];
for (var j = 0; j < bad.length; j++) {
  try { JSON.parse(bad[j]); out.push(bad[j] + ":ok"); } catch (e) { out.push(bad[j] + ":" + e.name); }
}
botContext.printDebugMessage(out.join(" "));
return out;
