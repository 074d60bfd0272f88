//! user-message: I was charged twice for order 7781
var msg = botContext.getCurrentUserMessage();
var history = ["Hi", "Billing question", msg];
botContext.setBotVariable("history", JSON.stringify(history), true, false);
var orderNo = null;
var words = msg.split(" ");
for (var i = 0; i < words.length; i++) {
  if (words[i].length >= 4 && !isNaN(parseInt(words[i], 10)) && String(parseInt(words[i], 10)) === words[i]) orderNo = words[i];
}
var summary = ["Conversation: " + botContext.getConversationId(), "Bot: " + botContext.getChatBotId(), "Order: " + (orderNo || "unknown"), "Last messages: " + JSON.parse(botContext.getBotVariable("history")).slice(-2).join(" | ")].join("\\n");
botContext.setBotVariable("transferMessage", summary, true, false);
botContext.sendMessage("I'm transferring you to a billing specialist.");
botContext.setTriggerNextMessage("billing_transfer");
return orderNo;
