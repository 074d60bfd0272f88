//! differs: Object.assign/values/entries copy an accessor property itself instead of calling its getter, and botContext snapshots leave accessors out
var calls = 0;
var src = { get stamp() { calls++; return "v" + calls; }, plain: 1 };
var copy = Object.assign({}, src);
var r = [Object.keys(copy).join(","), typeof Object.values(src)[0], calls];
botContext.setBotVariable("snapshot", src, true, false);
r.push(JSON.stringify(botContext.getBotVariable("snapshot")));
botContext.printDebugMessage(JSON.stringify(r));
return r;
