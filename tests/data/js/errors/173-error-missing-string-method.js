//! user-message: hello
var msg = botContext.getCurrentUserMessage();
botContext.printDebugMessage("length " + msg.length);
var r = msg.capitalize();
return r;
