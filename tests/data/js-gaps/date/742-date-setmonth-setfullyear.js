// gap: Date.prototype.setMonth and setFullYear are missing (TypeError)
var d = new Date(2024, 0, 31);
var out = [];
out.push(d.setMonth(1));
out.push(d.toISOString());
d.setMonth(13);
out.push(d.toISOString());
d.setMonth(-1, 15);
out.push(d.toISOString());
var e = new Date(2024, 1, 29);
e.setFullYear(2025);
out.push(e.toISOString());
e.setFullYear(2026, 11, 31);
out.push(e.toISOString());
return out;
