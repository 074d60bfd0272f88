//! differs: strings are UTF-8 inside cbot: a lone surrogate is U+FFFD, which encodeURIComponent encodes instead of throwing URIError
var out = [];
var bad = ["\ud800", "a\udc00", "\ud83d"];
for (var i = 0; i < bad.length; i++) {
  try { out.push(encodeURIComponent(bad[i])); } catch (e) { out.push(e.name); }
}
try { encodeURI("x\udfff"); } catch (e) { out.push("encodeURI:" + e.name); }
out.push(encodeURIComponent("\ud83d\ude00"));
botContext.printDebugMessage(out.join(" "));
encodeURIComponent("\udc00\ud800");
return out;
