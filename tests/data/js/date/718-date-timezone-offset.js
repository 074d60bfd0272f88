var dates = [new Date(0), new Date(2024, 0, 15), new Date(2024, 6, 15), new Date(-5e11), new Date(4e12)];
var out = [];
for (var i = 0; i < dates.length; i++) out.push(dates[i].getTimezoneOffset());
var d = new Date(2024, 5, 1, 12);
var utcHours = d.getHours() + d.getTimezoneOffset() / 60;
out.push(utcHours, d.getUTCHours() === utcHours);
out.push(String(new Date(NaN).getTimezoneOffset()));
return out;
