var DAY = 86400000;
function addDays(d, n) { return new Date(d.getTime() + n * DAY); }
var start = new Date(2024, 1, 27);
var out = [];
for (var i = 0; i <= 4; i++) out.push(addDays(start, i).toISOString().substring(0, 10));
out.push(addDays(start, -60).toISOString());
out.push(addDays(new Date(2024, 11, 30), 3).getFullYear());
out.push(addDays(start, 0.5).getHours());
var delivery = addDays(new Date(2024, 2, 7), 5);
botContext.sendMessage("Delivery expected " + delivery.getDate() + "/" + (delivery.getMonth() + 1));
return out;
