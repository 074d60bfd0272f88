var bad = [new Date("hello"), new Date(NaN), new Date("2024-13-01"), new Date("2024-02-30"), new Date(undefined), new Date(2024, NaN)];
var out = [];
for (var i = 0; i < bad.length; i++) {
  var d = bad[i];
  out.push([isNaN(d.getTime()), String(d), d.getFullYear() !== d.getFullYear(), String(d.getDay()), JSON.stringify(d)].join("|"));
}
botContext.printDebugMessage(out.join("\n"));
return out;
