var d = new Date(1709807415123);
var local = [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
var utc = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()];
botContext.printDebugMessage("local " + local.join(","));
botContext.printDebugMessage("utc " + utc.join(","));
var e = new Date(-1);
var neg = [e.getFullYear(), e.getMonth(), e.getDate(), e.getDay(), e.getHours(), e.getMinutes(), e.getSeconds(), e.getMilliseconds()];
return { local: local, utc: utc, same: local.join() === utc.join(), neg: neg };
