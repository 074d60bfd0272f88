function days(month) {
  var d = 0;
  switch (month) {
    case 2:
      d = 28;
      break;
    case 4:
    case 6:
    case 9:
    case 11:
      d = 30;
      break;
    default:
      d = 31;
  }
  return d;
}
var out = [];
var m;
for (m = 1; m <= 12; m++) {
  out.push(days(m));
}
botContext.printDebugMessage(out.join(","));
return out;
