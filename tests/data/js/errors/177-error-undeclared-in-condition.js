//! channel: sms
if (botContext.getChannel() == "sms") {
  botContext.setBotVariable('step', 1, true, false);
  if (retries > 3) {
    botContext.sendMessage("too many");
  }
}
return "unreachable";
