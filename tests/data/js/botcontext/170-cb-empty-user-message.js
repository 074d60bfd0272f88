var msg = botContext.getCurrentUserMessage();
if (!msg) {
  botContext.sendMessage("You didn't type anything");
  botContext.setTriggerNextMessage("reprompt");
} else {
  botContext.sendMessage("Got: " + msg);
}
return msg.length;
