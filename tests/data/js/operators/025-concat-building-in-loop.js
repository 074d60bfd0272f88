var s = "";
var i;
for (i = 0; i < 5; i++) {
  s += i;
  s += ",";
}
s += true;
s += null;
botContext.printDebugMessage(s);
var t = 1;
t += "1";
t += 1;
botContext.printDebugMessage(t);
return s.length + t.length;
