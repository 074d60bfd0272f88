//! user-message:    
var raw = botContext.getCurrentUserMessage();
var text = (raw || "").trim();
var reply;
if (text.length === 0) {
  var n = Number(botContext.getBotVariable("emptyCount") || 0) + 1;
  botContext.setBotVariable("emptyCount", n, true, false);
  reply = n > 2 ? "It seems you're away. Type anything to continue." : "Sorry, I didn't catch that.";
} else {
  reply = "You said: " + text;
}
botContext.sendMessage(reply);
return [raw.length, text.length, reply];
