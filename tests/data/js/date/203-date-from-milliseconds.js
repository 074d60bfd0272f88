var d = new Date(0);
var e = new Date(1700000000123);
var out = [d.getTime(), d.toISOString(), d.getUTCFullYear(), d.getDay(), e.toISOString(), e.getMonth(), e.getDate(), e.getHours(), e.getMinutes(), e.getSeconds(), e.getMilliseconds(), e.getDay(), typeof e];
botContext.printDebugMessage(out.join(" "));
botContext.setBotVariable("when", e, true, false);
return out;
