var i = 0;
var out = "";
do {
  i++;
  if (i == 3) {
    continue;
  }
  out += i;
} while (i < 6);
botContext.printDebugMessage(out);
return out;
