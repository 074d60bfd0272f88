//! user-message:  2
var menu = [
  { key: "1", label: "Check order status", dialog: "order_status" },
  { key: "2", label: "Returns and refunds", dialog: "returns" },
  { key: "3", label: "Talk to an agent", dialog: "agent_transfer" }
];
var choice = botContext.getCurrentUserMessage().trim();
var picked = null;
for (var i = 0; i < menu.length; i++) {
  if (menu[i].key === choice || menu[i].label.toLowerCase() === choice.toLowerCase()) { picked = menu[i]; break; }
}
if (picked) {
  botContext.setBotVariable("menuChoice", picked.dialog, true, false);
  botContext.sendMessage("You chose: " + picked.label);
  botContext.setTriggerNextMessage(picked.dialog);
} else {
  var lines = menu.map(function (m) { return m.key + ") " + m.label; });
  botContext.sendMessage("Please pick one of:\n" + lines.join("\n"));
}
return picked ? picked.dialog : null;
