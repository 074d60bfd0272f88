var patterns = ["(", "[", "a)", "*a", "a**", "\\", "(?<n>a)(?<n>b)", "x{2,1}", "[b-a]", "(?<=a"];
var out = [];
for (var i = 0; i < patterns.length; i++) {
  try {
    new RegExp(patterns[i]);
    out.push(patterns[i] + ":ok");
  } catch (e) {
    out.push(patterns[i] + ":" + e.name);
  }
}
var flags = ["gg", "x", "G", "ig", ""];
for (var j = 0; j < flags.length; j++) {
  try { out.push(flags[j] + ":" + new RegExp("a", flags[j]).flags); }
  catch (e) { out.push(flags[j] + ":" + e.name); }
}
try { new RegExp("a", "g").test(); } catch (e) { out.push("test:" + e.name); }
botContext.printDebugMessage(out.join(" "));
new RegExp("user input (unclosed");
return out;
