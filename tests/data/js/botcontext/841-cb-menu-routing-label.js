//! user-message: talk to an AGENT please
var routes = { agent: "agent_transfer", human: "agent_transfer", refund: "returns", "return": "returns", track: "order_status", order: "order_status" };
var text = botContext.getCurrentUserMessage().toLowerCase();
var words = text.split(" ");
var target = null, matched = null;
for (var i = 0; i < words.length && !target; i++) {
  if (routes.hasOwnProperty(words[i])) { target = routes[words[i]]; matched = words[i]; }
}
botContext.printDebugMessage("matched=" + matched + " target=" + target);
if (target === "agent_transfer") {
  botContext.setBotVariable("transferMessage", "Customer asked for an agent: " + text, true, false);
  botContext.sendMessage("Connecting you with an agent...");
}
if (target) botContext.setTriggerNextMessage(target);
return { target: target, matched: matched };
