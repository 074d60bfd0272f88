//! channel: sms
var options = ["Pay bill", "Check usage", "Agent"];
function render(channel) {
  if (channel === "sms") {
    return options.map(function (o, i) { return (i + 1) + ". " + o; }).join("\n") + "\nReply with a number.";
  }
  return JSON.stringify({ text: "Choose:", options: options });
}
var channel = botContext.getChannel();
var text = render(channel);
botContext.setMessageDelay(channel === "sms" ? 0 : 500);
botContext.sendMessage(text);
botContext.setAllowMaxTextResponse(channel === "sms");
return { channel: channel, length: text.length, web: render("web").length };
