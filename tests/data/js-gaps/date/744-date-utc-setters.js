// gap: the UTC setters (setUTCDate, setUTCMonth, setUTCFullYear, setUTCHours, ...) are missing (TypeError)
var d = new Date(0);
var out = [];
out.push(d.setUTCFullYear(2024));
out.push(d.setUTCMonth(1));
out.push(d.setUTCDate(30));
out.push(d.toISOString());
d.setUTCHours(23, 59, 59, 999);
out.push(d.toISOString());
d.setUTCMinutes(60);
out.push(d.toISOString());
d.setUTCSeconds(-1);
d.setUTCMilliseconds(2000);
out.push(d.toISOString());
return out;
