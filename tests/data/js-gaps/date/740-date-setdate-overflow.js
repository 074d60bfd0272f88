// gap: Date.prototype.setDate is missing (TypeError), so day overflow through setDate cannot be used
var d = new Date(2024, 0, 15);
var out = [];
out.push(d.setDate(32));
out.push(d.toISOString());
d.setDate(0);
out.push(d.toISOString());
d.setDate(-1);
out.push(d.toISOString());
d.setDate(1);
out.push(d.getDate() + "/" + d.getMonth());
out.push(String(new Date(NaN).setDate(3)));
return out;
