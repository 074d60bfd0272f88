//! user-message: asdfgh
function attempts() { return parseInt(botContext.getBotVariable("badAttempts") || "0", 10); }
function bump() { botContext.setBotVariable("badAttempts", String(attempts() + 1), true, false); return attempts(); }
var valid = ["yes", "no"];
var answer = botContext.getCurrentUserMessage().toLowerCase();
var log = [];
for (var round = 0; round < 3; round++) {
  if (valid.indexOf(answer) >= 0) break;
  var n = bump();
  log.push(n);
  if (n >= 3) {
    botContext.sendMessage("Let me get someone to help you.");
    botContext.setTriggerNextMessage("escalate");
  } else {
    botContext.sendMessage("Sorry, please answer yes or no (" + (3 - n) + " tries left).");
  }
}
return log;
