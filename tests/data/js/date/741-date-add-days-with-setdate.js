function addDays(date, n) {
  var copy = new Date(date.getTime());
  copy.setDate(copy.getDate() + n);
  return copy;
}
var start = new Date(2024, 1, 27);
var out = [];
for (var i = 0; i < 5; i++) out.push(addDays(start, i).toISOString().substring(0, 10));
out.push(addDays(start, 365).toISOString());
out.push(addDays(start, -58).toISOString());
botContext.sendMessage("Your order ships on " + addDays(start, 3).getDate() + "/" + (addDays(start, 3).getMonth() + 1));
return out;
