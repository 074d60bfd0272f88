function normalizePhone(s) {
  var digits = s.replace(/\D/g, "");
  if (/^1\d{10}$/.test(digits)) digits = digits.substring(1);
  return /^\d{10}$/.test(digits) ? digits.replace(/(\d{3})(\d{3})(\d{4})/, "($1) $2-$3") : null;
}
var inputs = ["555-123-4567", "(555) 123 4567", "+1 555.123.4567", "15551234567", "12345", "phone: 555 1234 567 ext"];
var out = inputs.map(normalizePhone);
var intl = /^\+?[1-9]\d{7,14}$/;
out.push(intl.test("+447911123456"), intl.test("0044"), intl.test("+0123456789"));
botContext.printDebugMessage(JSON.stringify(out));
return out;
