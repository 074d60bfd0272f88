var all = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f" +
  "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f";
var s = JSON.stringify(all);
botContext.printDebugMessage(s);
var r = [];
r.push(JSON.stringify("\u007f\u0080\u00ff"));
r.push(JSON.stringify("\\ \" / '"));
r.push(JSON.stringify("\u2028\u2029"));
r.push(JSON.stringify("\ud83d\ude00"));
r.push(JSON.stringify({ "\n": "\t" }));
r.push(JSON.parse(s) === all);
return { s: s, len: s.length, r: r };
