function validateDNI(dni) {
  var m = /^(\d{7,8})([a-zA-Z])$/.exec(dni.replace(/[\s.-]/g, ""));
  if (!m) return "format";
  var letters = "TRWAGMYFPDXBNJZSQVHLCKE";
  var expected = letters.charAt(parseInt(m[1], 10) % 23);
  return expected === m[2].toUpperCase() ? "ok" : "letter:" + expected;
}
var inputs = ["12345678Z", "12345678z", "12.345.678-Z", "1234567L", "12345678A", "123456789Z", "ABC", ""];
var out = [];
for (var i = 0; i < inputs.length; i++) {
  out.push(inputs[i] + "=" + validateDNI(inputs[i]));
}
botContext.printDebugMessage(out.join(", "));
return out;
