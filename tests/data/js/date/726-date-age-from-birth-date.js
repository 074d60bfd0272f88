function age(birth, today) {
  var years = today.getFullYear() - birth.getFullYear();
  var m = today.getMonth() - birth.getMonth();
  if (m < 0 || (m === 0 && today.getDate() < birth.getDate())) years--;
  return years;
}
var today = new Date(2024, 2, 7);
var births = [new Date(1990, 2, 7), new Date(1990, 2, 8), new Date(1990, 2, 6), new Date(2000, 11, 31), new Date(2006, 2, 7), new Date(2020, 1, 29)];
var out = births.map(function (b) { return age(b, today); });
var adult = out.map(function (a) { return a >= 18 ? "adult" : "minor"; });
botContext.printDebugMessage("ages: " + out.join(", "));
botContext.setBotVariable("ages", JSON.stringify(out), true, false);
return adult;
