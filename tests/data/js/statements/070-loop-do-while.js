var i = 10;
var runs = 0;
do {
  runs++;
  i++;
} while (i < 5);
botContext.printDebugMessage("ran " + runs + " time(s), i=" + i);
var digits = "";
var n = 9041;
do {
  digits = (n % 10) + digits;
  n = Math.floor(n / 10);
} while (n > 0);
return digits;
