//! user-message: tell me a joke
var msg = botContext.getCurrentUserMessage();
var lower = msg.toLowerCase();
var target = null;
if (lower.indexOf("order") >= 0) {
  target = "order_status";
} else if (lower.indexOf("refund") >= 0) {
  target = "refunds";
}
if (target) {
  botContext.setTriggerNextMessage(target);
} else {
  botContext.sendMessage("Sorry, I didn't get that: \"" + msg + "\"");
}
return target;
