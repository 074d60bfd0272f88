var o = { "with space": 1, "quote\"d": 2, "back\\slash": 3, "uni\u00e9": 4, "": 5, "nl\n": 6, "tab\t": 7 };
var s = JSON.stringify(o);
botContext.printDebugMessage(s);
var back = JSON.parse(s);
var same = true;
for (var k in o) if (back[k] !== o[k]) same = false;
return [s, same, Object.keys(back).length];
