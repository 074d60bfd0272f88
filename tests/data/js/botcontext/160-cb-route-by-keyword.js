//! user-message: Where is my Order?
var msg = botContext.getCurrentUserMessage();
var lower = msg.toLowerCase();
var target = null;
if (lower.indexOf("order") >= 0) {
  target = "order_status";
} else if (lower.indexOf("refund") >= 0) {
  target = "refunds";
}
if (target) {
  botContext.logCustomEvent(msg, "routing", target);
  botContext.setTriggerNextMessage(target);
}
return target;
