var e = new Error("disk full");
var t = new TypeError();
var out = ["" + e, String(t), e.name + "/" + t.name, (e.message + "!").length];
botContext.printDebugMessage(out.join(" | "));
return out;
