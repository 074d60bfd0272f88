var e1 = new Error("plain failure");
var e2 = new TypeError("bad type");
var e3 = new RangeError();
var out = [e1.name, e1.message, e2.name, String(e2), e3.name, e3.message === "", String(e3), typeof e1];
botContext.printDebugMessage(out.join(" ; "));
return out;
