//! user-message:   I want to CANCEL my Subscription please
var msg = botContext.getCurrentUserMessage().trim().toLowerCase();
var routes = [
  { words: ["refund", "money back"], target: "refunds" },
  { words: ["cancel", "unsubscribe"], target: "cancellation" },
  { words: ["agent", "human"], target: "handoff" }
];
var hit = "fallback";
var matched = "";
for (var i = 0; i < routes.length && hit === "fallback"; i++) {
  for (var j = 0; j < routes[i].words.length; j++) {
    if (msg.indexOf(routes[i].words[j]) !== -1) { hit = routes[i].target; matched = routes[i].words[j]; break; }
  }
}
botContext.setTriggerNextMessage(hit);
return [hit, matched, msg.startsWith("i want"), msg.endsWith("please")];
