var bad = ["%", "%2", "%G0", "%E0%A4%A", "%C3", "%C3%28", "%80", "%FF", "%ED%A0%80", "%F8%80%80%80%80", "abc%"];
var out = [];
for (var i = 0; i < bad.length; i++) {
  try {
    out.push(decodeURIComponent(bad[i]));
  } catch (e) {
    out.push(bad[i] + ":" + e.name);
  }
}
try { decodeURI("%E0%A4%A"); } catch (e) { out.push("decodeURI:" + e.name + ":" + (e instanceof URIError)); }
botContext.printDebugMessage(out.join(" "));
return out;
