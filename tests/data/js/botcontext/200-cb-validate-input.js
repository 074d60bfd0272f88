//! user-message: 12ab
function validate(text) {
  if (text.length == 0) { throw new Error("empty"); }
  var n = parseInt(text, 10);
  if (isNaN(n)) { throw new TypeError("not a number: " + text); }
  return n;
}
var msg = botContext.getCurrentUserMessage();
try {
  var n = validate(msg);
  botContext.setBotVariable("quantity", n, true, false);
  botContext.sendMessage("Got " + n);
} catch (e) {
  botContext.sendMessage("Sorry: " + e.message);
}
