function pad(n) { return (n < 10 ? "0" : "") + n; }
function fmt(d) { return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear(); }
function fmtTime(d) { return pad(d.getHours()) + ":" + pad(d.getMinutes()) + ":" + pad(d.getSeconds()); }
function iso(d) { return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2); }
var dates = [new Date(2024, 0, 5, 7, 3, 9), new Date(2024, 11, 25, 23, 59, 59), new Date(1999, 8, 10, 12, 0, 0), new Date(0)];
var out = [];
dates.forEach(function (d) { out.push(fmt(d) + " " + fmtTime(d) + " " + iso(d)); });
botContext.sendMessage("Your appointment is on " + fmt(dates[0]) + " at " + fmtTime(dates[0]).substring(0, 5));
return out;
