var kept = "";
var kept2 = "";
for (var c = 32; c < 127; c++) {
  var ch = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~".charAt(c - 32);
  if (encodeURIComponent(ch) === ch) kept += ch;
  if (encodeURI(ch) === ch) kept2 += ch;
}
botContext.printDebugMessage(kept);
botContext.printDebugMessage(kept2);
return [kept.length, kept2.length, encodeURIComponent("\u0000\u001f\u007f")];
