var out = [];
var ps = [0, 1, 100, 101];
for (var i = 0; i < ps.length; i++) {
  try { out.push((1.5).toPrecision(ps[i]).length); } catch (e) { out.push(ps[i] + ":" + e.name); }
}
botContext.printDebugMessage(out.join(" "));
return out;
