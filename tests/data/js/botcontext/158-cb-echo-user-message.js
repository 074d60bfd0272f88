//! user-message: I want to book a flight to Paris
var text = botContext.getCurrentUserMessage();
var words = text.split(" ");
var last = words[words.length - 1];
var reply = "You said " + words.length + " words. Destination: " + last + ".";
botContext.sendMessage(reply);
botContext.setBotVariable('destination', last.toUpperCase(), true, false);
return reply;
