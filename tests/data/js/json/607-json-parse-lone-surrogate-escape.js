//! differs: strings are UTF-8 inside cbot: a JSON escape of a lone surrogate becomes U+FFFD
var r = [];
r.push(JSON.parse('"\\uD83D"').charCodeAt(0));
r.push(JSON.parse('"x\\udc00"').length);
r.push(JSON.parse('"\\ud83d\\ude00"') === "\ud83d\ude00");
r.push(JSON.parse('["\\ud800", 1]').length);
botContext.printDebugMessage(r.join(" "));
return r;
