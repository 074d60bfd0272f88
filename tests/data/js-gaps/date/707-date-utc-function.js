// gap: Date.UTC is missing (typeof Date.UTC is "undefined")
var out = [];
out.push(Date.UTC(2024, 2, 7));
out.push(Date.UTC(2024, 2, 7, 10, 30, 15, 250));
out.push(Date.UTC(1970, 0, 1));
out.push(Date.UTC(1969, 11, 31, 23, 59, 59, 999));
out.push(Date.UTC(2024, 14, 1));
out.push(Date.UTC(2024, 0, 0));
out.push(Date.UTC(2024));
out.push(new Date(Date.UTC(2000, 1, 29)).toISOString());
return out;
