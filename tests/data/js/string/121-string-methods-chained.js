//! user-message: Order Number: AB-1234
var raw = botContext.getCurrentUserMessage();
var colon = raw.indexOf(":");
var label = raw.substring(0, colon).trim().toLowerCase();
var value = raw.slice(colon + 1).trim().toUpperCase();
var dash = value.split("-");
botContext.printDebugMessage(label + "=" + value);
botContext.setBotVariable('prefix', dash[0], true, false);
botContext.setBotVariable('number', parseInt(dash[1], 10), true, false);
return value.replace("-", "").length;
