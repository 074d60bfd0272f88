//! user-message: My number is (555) 010-4477, call me!
var msg = botContext.getCurrentUserMessage();
var digits = "";
for (var i = 0; i < msg.length; i++) {
  var code = msg.charCodeAt(i);
  if (code >= 48 && code <= 57) digits += msg.charAt(i);
}
var valid = digits.length === 10;
var formatted = valid ? digits.substr(0, 3) + "-" + digits.substr(3, 3) + "-" + digits.substr(6) : "";
botContext.setBotVariable("phone", formatted, true, false);
botContext.printDebugMessage(valid ? "valid " + formatted : "invalid " + digits);
return [digits, valid, formatted];
