//! user-message: ord-004512
function normalise(s) { return s.trim().toUpperCase(); }
function check(raw) {
  var s = normalise(raw);
  if (s.indexOf("ORD-") !== 0) return "must start with ORD-";
  var num = s.substring(4);
  if (num.length !== 6) return "needs 6 digits";
  if (isNaN(Number(num)) || num.indexOf(".") >= 0) return "digits only";
  return "";
}
var msg = botContext.getCurrentUserMessage();
var err = check(msg);
if (err) {
  botContext.sendMessage("Invalid order number (" + err + ")");
} else {
  botContext.setBotVariable("orderNumber", normalise(msg), true, false);
  botContext.setTriggerNextMessage("lookup_order");
}
return ["ORD-12", "xyz-123456", "ORD-12a456", " ord-123456 ", "ORD-1.3456"].map(function (s) { return check(s) || "ok"; });
