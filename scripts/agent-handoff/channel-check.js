// The seed bot's channel check: on web, tell the user directly; elsewhere,
// leave the message for the transfer to send (CB-SPEC §4.1, §6.5).
var msg = "Transferring you to an agent";
if (botContext.getChannel() == "web") {
  botContext.sendMessage(msg);
} else {
  botContext.setBotVariable('transferMessage', msg, true, false);
}
