//! channel: sms
var choices = ["Billing", "Technical support", "Sales"];
var lines = choices.map(function (c, i) { return (i + 1) + ") " + c; });
var prompt = botContext.getChannel() === "sms"
  ? "Reply with a number:\n" + lines.join("\n")
  : lines.join(" | ");
botContext.sendMessage(prompt);
var answer = "2";
var picked = choices[parseInt(answer, 10) - 1];
return [prompt, picked, String(choices[9])];
