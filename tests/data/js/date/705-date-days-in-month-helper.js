function daysInMonth(year, month) {
  return new Date(year, month + 1, 0).getDate();
}
var out = [];
for (var m = 0; m < 12; m++) out.push(daysInMonth(2023, m));
out.push(daysInMonth(2024, 1), daysInMonth(2000, 1), daysInMonth(1900, 1), daysInMonth(2100, 1));
botContext.printDebugMessage(out.join(","));
return out;
