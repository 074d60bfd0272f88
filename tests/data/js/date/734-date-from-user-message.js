//! user-message: 2024-05-17
var text = botContext.getCurrentUserMessage().trim();
var parts = text.split("-");
var ok = parts.length === 3 && parts[0].length === 4;
var d = new Date(text);
var valid = ok && !isNaN(d.getTime());
if (valid) {
  var names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  botContext.setBotVariable("appointment", d.toISOString(), true, false);
  botContext.sendMessage("Booked for " + names[d.getUTCDay()] + " " + d.getUTCDate() + "/" + (d.getUTCMonth() + 1));
} else {
  botContext.sendMessage("Please enter a date as YYYY-MM-DD");
}
return [valid, botContext.getBotVariable("appointment"), d.getTime()];
