function dayOfYear(d) {
  return Math.floor((d - new Date(d.getFullYear(), 0, 1)) / 86400000) + 1;
}
function isoWeek(d) {
  var t = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  var dayNum = (t.getDay() + 6) % 7;
  t = new Date(t.getTime() + (3 - dayNum) * 86400000);
  var firstThursday = new Date(t.getFullYear(), 0, 4);
  return 1 + Math.round(((t - firstThursday) / 86400000 - 3 + ((firstThursday.getDay() + 6) % 7)) / 7);
}
var samples = [new Date(2024, 0, 1), new Date(2024, 2, 7), new Date(2024, 11, 31), new Date(2023, 11, 31), new Date(2021, 0, 3), new Date(2020, 11, 31)];
var out = samples.map(function (d) { return dayOfYear(d) + "/W" + isoWeek(d); });
botContext.printDebugMessage(out.join(" "));
return out;
