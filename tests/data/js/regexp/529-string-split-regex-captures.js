var r = [];
r.push("1+2-3".split(/([+-])/));
r.push("a,b;c".split(/(,)|(;)/));
r.push("key=value".split(/(=)/));
r.push("abc".split(/(b)?/));
r.push("<b>bold</b>".split(/(<[^>]+>)/));
r.push("x".split(/(x)/));
for (var i = 0; i < r.length; i++) botContext.printDebugMessage(JSON.stringify(r[i]));
return r.map(function (a) { return a.length; });
