var s = "a";
var n = 1;
var i;
for (i = 0; i < 4; i++) {
  s += s;
  n *= 3;
}
n -= "1";
n += "";
botContext.printDebugMessage(s + " " + s.length);
botContext.printDebugMessage(typeof n + " " + n);
return n;
