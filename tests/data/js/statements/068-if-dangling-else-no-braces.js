function classify(a, b) {
  if (a > 0)
    if (b > 0)
      return "both";
    else
      return "a only";
  return "not a";
}
botContext.printDebugMessage(classify(1, 1));
botContext.printDebugMessage(classify(1, -1));
botContext.printDebugMessage(classify(-1, 1));
var x = 3;
if (x) x = x * 2; else x = 0;
return x;
