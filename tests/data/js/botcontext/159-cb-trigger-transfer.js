//! user-message: Agent
var msg = botContext.getCurrentUserMessage().trim().toLowerCase();
if (msg == "agent" || msg == "human") {
  botContext.setTriggerNextMessage("transfer");
  botContext.sendImmediateReply("Connecting you now...");
} else {
  botContext.setTriggerNextMessage("menu");
}
return msg;
