var names = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var out = [];
for (var day = 1; day <= 10; day++) {
  var d = new Date(2024, 2, day);
  out.push(day + ":" + names[d.getDay()] + ":" + d.getUTCDay());
}
out.push(names[new Date(0).getDay()]);
out.push(names[new Date(2000, 0, 1).getDay()]);
out.push(names[new Date(1969, 6, 20).getDay()]);
botContext.printDebugMessage(out.join(" "));
return out;
