var s = "red blue red green red";
botContext.printDebugMessage(s.replace("red", "yellow"));
botContext.printDebugMessage(s.replace("purple", "x"));
botContext.printDebugMessage(s.replace("", "<>"));
botContext.printDebugMessage("a.b.c".replace(".", "-"));
botContext.printDebugMessage("1+1".replace("+", " plus "));
var t = s;
while (t.indexOf("red") != -1) {
  t = t.replace("red", "R");
}
return t;
