var score = 72;
var band = "";
switch (true) {
  case score >= 90:
    band = "A";
    break;
  case score >= 70:
    band = "B";
  case score >= 50:
    band += "+pass";
    break;
  default:
    band = "fail";
}
botContext.printDebugMessage(band);
var x = 3;
switch (x + 1) {
  case 2 + 2:
    x = "four";
}
return [band, x];
