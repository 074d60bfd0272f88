// gap: Date.prototype.setHours/setMinutes/setSeconds/setMilliseconds are missing (TypeError)
var d = new Date(2024, 2, 7, 10, 30, 15, 500);
var out = [];
out.push(d.setHours(25));
out.push(d.toISOString());
d.setMinutes(-1);
out.push(d.toISOString());
d.setSeconds(75);
out.push(d.toISOString());
d.setMilliseconds(1500);
out.push(d.toISOString());
d.setHours(0, 0, 0, 0);
out.push(d.toISOString());
d.setMinutes(90, 30);
out.push(d.toISOString());
return out;
