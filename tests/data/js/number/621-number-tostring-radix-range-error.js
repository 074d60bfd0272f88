var out = [];
var radixes = [1, 37, 0, 2, 36, 16.9];
for (var i = 0; i < radixes.length; i++) {
  try { out.push((10).toString(radixes[i])); } catch (e) { out.push(radixes[i] + ":" + e.name); }
}
botContext.printDebugMessage(out.join(" "));
return out;
