//! user-message: 25 years
var msg = botContext.getCurrentUserMessage();
var asNumber = Number(msg);
var asInt = parseInt(msg, 10);
var asFloat = parseFloat(msg);
botContext.printDebugMessage(String(asNumber) + " " + asInt + " " + asFloat);
if (isNaN(asNumber) && !isNaN(asInt)) {
  botContext.setBotVariable('age', asInt, true, false);
}
return asInt + 1;
