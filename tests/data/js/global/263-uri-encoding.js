var q = "hello world & café/?x=1#frag";
var enc = encodeURIComponent(q);
var encUri = encodeURI("https://example.com/a b?q=" + q);
botContext.printDebugMessage(enc);
var bad = "";
try { decodeURIComponent("%E0%A4%A"); } catch (e) { bad = e.name; }
return [enc, encUri, decodeURIComponent(enc) === q, decodeURI("%3Fa%20b"), bad, typeof encodeURIComponent];
