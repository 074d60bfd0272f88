//! user-message: 2
var choices = ["Billing", "Technical support", "Sales"];
var raw = botContext.getCurrentUserMessage();
var idx = parseInt(raw, 10) - 1;
if (isNaN(idx) || idx < 0 || idx >= choices.length) {
  botContext.sendMessage("Please reply with a number from 1 to " + choices.length);
  botContext.setTriggerNextMessage("menu");
} else {
  botContext.setBotVariable('department', choices[idx], true, false);
  botContext.sendMessage("Routing you to " + choices[idx]);
}
return idx;
