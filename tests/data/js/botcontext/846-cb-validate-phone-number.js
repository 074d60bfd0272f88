//! user-message: (555) 123-4567
function digitsOnly(s) {
  var out = "";
  for (var i = 0; i < s.length; i++) {
    var c = s.charAt(i);
    if (c >= "0" && c <= "9") out += c;
  }
  return out;
}
function validatePhone(s) {
  var d = digitsOnly(s);
  if (d.length === 11 && d.charAt(0) === "1") d = d.substring(1);
  if (d.length !== 10) return { ok: false, reason: "need 10 digits, got " + d.length };
  return { ok: true, formatted: "(" + d.substr(0, 3) + ") " + d.substr(3, 3) + "-" + d.substr(6) };
}
var input = botContext.getCurrentUserMessage();
var res = validatePhone(input);
if (res.ok) botContext.setBotVariable("phone", res.formatted, true, false);
else botContext.sendMessage("That doesn't look like a phone number: " + res.reason);
return [res, validatePhone("+1 555 123 4567"), validatePhone("12345"), validatePhone("")];
