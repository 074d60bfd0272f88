var d = new Date(0);
var out = [];
out.push(d.setTime(1709807415123));
out.push(d.toISOString());
out.push(String(d.setTime(NaN)));
out.push(String(d));
out.push(d.setTime("86400000"));
out.push(d.getDate());
return out;
