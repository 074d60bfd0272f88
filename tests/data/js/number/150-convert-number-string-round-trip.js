var values = [0.1, 100, 1e21, 1.5e-10, -42, 123456789.123];
var ok = 0;
for (var i = 0; i < values.length; i++) {
  var s = String(values[i]);
  if (Number(s) === values[i] && parseFloat(s) === values[i]) {
    ok++;
  }
  botContext.printDebugMessage(s);
}
return ok;
