//! differs: strings are UTF-8 inside cbot: a lone surrogate escape becomes U+FFFD, so JSON.stringify cannot write it back as \uD800
var r = [];
r.push(JSON.stringify("\ud800"));
r.push(JSON.stringify("\udc00x"));
r.push(JSON.stringify("a\udbff"));
r.push(JSON.stringify({ k: "\ud83d" }));
r.push(JSON.stringify("\ud83d\ude00").length);
botContext.printDebugMessage(r.join(" "));
return r;
