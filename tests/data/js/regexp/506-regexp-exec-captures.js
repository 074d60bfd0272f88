var m = /(\d{4})-(\d{2})-(\d{2})/.exec("Due: 2024-03-15, paid");
botContext.printDebugMessage(JSON.stringify(m));
var info = [m.length, m.index, m.input, m[0], m[1], m[2], m[3], typeof m[4], Array.isArray(m)];
botContext.printDebugMessage(JSON.stringify(info));
var n = /(a)(b)?(c)/.exec("xac");
botContext.printDebugMessage(JSON.stringify([n.length, n.index, n[1], String(n[2]), n[3], 2 in n]));
return { full: m[0], year: +m[1], month: +m[2], day: +m[3], groups: String(m.groups) };
