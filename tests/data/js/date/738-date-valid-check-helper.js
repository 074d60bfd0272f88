function isValidDate(d) {
  return d instanceof Date && !isNaN(d.getTime());
}
var candidates = [new Date(0), new Date("2024-03-07"), new Date("soon"), new Date(NaN), new Date(8.64e15 + 1), "2024-03-07", 1709769600000, null, {}];
var out = [];
for (var i = 0; i < candidates.length; i++) out.push(isValidDate(candidates[i]));
var bad = new Date("x");
out.push(bad.getDate() === bad.getDate(), typeof bad.getTime(), String(bad.getMonth()), String(bad.getUTCHours()));
botContext.printDebugMessage(out.join(","));
return out;
