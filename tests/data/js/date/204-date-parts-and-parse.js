var a = new Date(2024, 1, 29, 13, 5, 9);
var b = new Date("2024-03-05");
var c = new Date("2024-03-05T10:20:30.456Z");
var bad = new Date("not a date");
var out = [a.toISOString(), b.getTime(), c.getUTCHours(), c.getMilliseconds(), isNaN(bad.getTime()), String(bad), new Date(2023, 13, 1).getMonth(), a.getTimezoneOffset()];
botContext.printDebugMessage(out.join(" | "));
return out;
